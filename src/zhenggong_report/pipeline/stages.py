"""The build: sources -> parse -> analyze -> render, then one atomic write.

:func:`run_build` takes one checked :class:`.BuildConfig` and runs named stages, each handing its
objects to the next: the sources are read; the map (:mod:`.map`: parse a page, cut its
articles, read each one) runs per page — from the cache, in this process, in local workers or on
a Dask cluster (:mod:`.pages`); the pages are joined into the corpus; the reduce
(:func:`..analyze.read_corpus`) reads the corpus; the renderer writes the files. A build whose
inputs all match an earlier one re-publishes that report without loading jieba at all.
"""

from __future__ import annotations

import gc
import shutil
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Iterator, Optional

from ..analyze import PageReading, PageTools, in_order, load_analysis_data, page_mastheads, read_corpus
from ..analyze.corpus import CorpusWeights, Pair
from ..analyze.duplicate_texts import DuplicateMemo
from ..analyze.glossary import GlossaryMemo
from ..cache import BuildCache, cache_dir
from ..models.parsed import ParsedCorpus
from ..models.source_files import SourceFile
from ..outputs import StagedTree, source_date
from ..parse.layout_file import load_layout
from ..progress import Progress
from ..render.files import Put
from ..render.search_synonyms import Synonyms, load_search_synonyms
from ..segmenter import Segmenter
from .background import BackgroundImport
from .config import BuildConfig, Fingerprints
from .forks import in_children, side_by_side
from .inputs import load_sources
from .kept_pages import CachedPages, cached_pages, pages_memo_key
from .local import LocalPool
from .memos import cached_memo
from .map import MapTools, PageOutput, ToolsRecipe
from .pages import Executor, join_continued_pages, local_workers_pay, map_pages, unique_article_ids, worker_count
from .result import BuildResult, is_report_meta
from .spill import SpilledTexts
from .store import page_keys
from .workers import run_in_workers


def build(
    seeds: Path,
    out: Path,
    data_dir: Optional[Path] = None,
    use_cache: bool = True,
    jobs: Optional[int] = None,
    progress: Optional[Progress] = None,
    templates: Optional[Path] = None,
    layout: str = "auto",
    scheduler: Optional[str] = None,
) -> BuildResult:
    """Build the report from ``seeds`` into ``out`` (see :class:`.BuildConfig` for the options);
    nothing is written unless every stage succeeds."""
    config = BuildConfig(seeds, out, data_dir, templates, layout, use_cache, jobs, scheduler)
    return run_build(config.checked(), progress)


def run_build(config: BuildConfig, progress: Optional[Progress] = None) -> BuildResult:
    from ..render.html import make_environment, renderer_versions

    progress = progress or Progress(enabled=False)
    make_environment(config.templates_folder)  # a missing templates folder fails before any work
    built_on = source_date()
    build_date = built_on.date().isoformat() if built_on else None
    cache = BuildCache(cache_dir() / "build", enabled=config.use_cache)
    loaded = load_sources(config.seeds, config.data_dir, cache)
    prints = Fingerprints.of(config.data_dir, config.templates)
    key = prints.report_key(loaded.sources, f"date={build_date or ''}", f"layout={config.layout}", *renderer_versions())
    with StagedTree(config.out) as tree:
        meta = cache.load("report-meta", key)
        if is_report_meta(meta) and cache.restore_tree(key, tree.link):
            files = _written(tree)
            tree.commit()
            return BuildResult.of(config.out, files, meta, loaded, reused=True)
        _empty(tree)  # of what a reuse that failed midway may have put into it
        pages = list(loaded.sources)  # handed over: make_report lets their text go after the map
        loaded = replace(loaded, sources=())
        kept = cached_pages(cache, pages_memo_key(prints.code, prints.templates, prints.data, renderer_versions()), tree.link)
        meta = _without_cycle_collection(make_report, config, pages, prints, cache, progress, build_date, tree.put, kept)
        progress.stage("writing the report")
        files = _written(tree)
        cache.store_tree(key, tree.folder)  # linked beside the report where the file system allows
        cache.store("report-meta", key, meta)
        if kept is not None:
            kept.store(key)
        tree.commit()
    progress.finish()
    return BuildResult.of(config.out, files, meta, loaded, reused=False, extra_notes=cache.notes())


def make_report(
    config: BuildConfig,
    pages: list[SourceFile],
    prints: Fingerprints,
    cache: BuildCache,
    progress: Progress,
    build_date: Optional[str],
    put: Put,
    kept: Optional[CachedPages] = None,
) -> dict:
    """Map, join, reduce and render: the report's files given to ``put`` (or, for article pages an
    earlier build made from the same inputs, by ``kept``); returns a summary.

    ``pages`` is emptied after the map: each article then holds its own text, and the pages' text
    (a third of a large build's memory) is let go (:meth:`SourceFile.text_let_go`). The bodies the
    map made wait in a temporary file (:class:`.spill.SpilledTexts`) until the renderer reads each."""
    segmenter = Segmenter.for_data_dir(config.data_dir, keep_dictionary=cache.enabled)
    tools = MapTools(PageTools(segmenter, load_analysis_data(config.data_dir), load_layout(config.data_dir)))
    synonyms = load_search_synonyms(config.data_dir)  # checked before the map, used by the renderer
    outputs = map_stage(config, tuple(pages), prints, tools, cache, progress)
    sources = tuple(page.text_let_go() for page in pages)
    pages.clear()
    corpus, outputs = join_stage(sources, outputs, tools)
    with SpilledTexts() as bodies:
        for article, body in zip(corpus.articles, (b for o in outputs for b in o.read.bodies), strict=True):
            bodies.add(article.id, body)
        readings = [output.read.reading for output in outputs]
        del outputs  # what the map read is now held by the corpus, the bodies' file and the readings
        progress.stage("analysing the corpus")
        analysis = reduce_stage(corpus, readings, tools, prints, cache, parallel=worker_count(config.jobs) > 1)
        del readings  # their word counts served the reduce only; their themes and claims live on in the analysis
        segmenter.unload()  # the renderer cuts no words
        progress.stage("rendering")
        return render_stage(config, corpus, analysis, bodies, build_date, put, synonyms, kept)


def map_stage(
    config: BuildConfig, sources: tuple[SourceFile, ...], prints: Fingerprints, tools: MapTools, cache: BuildCache, progress: Progress
) -> list[PageOutput]:
    """Every page's map output, in page order."""
    keys = [
        page_keys(s, prints.code, prints.data["userdict.txt"], prints.reading, prints.data["stopwords.txt"], prints.layout)
        for s in sources
    ]
    unmapped = [i for i, key in enumerate(keys) if not cache.has("page-parse", key.work)]
    progress.stage("parsing and segmenting pages", total=len(sources))
    libraries = BackgroundImport("zhenggong_report.analyze.keywords", "pandas", "datasketch")
    with _executor(config, sources, unmapped, tools, cache) as (executor, busy):
        outputs = map_pages(
            sources, keys, tools, cache, executor, unmapped,
            on_page=lambda s: progress.advance(1, s.characters), on_workers_busy=libraries.start if busy else lambda: None,
        )
    libraries.join()
    return outputs


@contextmanager
def _executor(
    config: BuildConfig, sources: tuple[SourceFile, ...], unmapped: list[int], tools: MapTools, cache: BuildCache
) -> Iterator[tuple[Optional[Executor], bool]]:
    """Where the pages the cache cannot give are mapped, and whether this process will wait long:
    the Dask cluster asked for, local workers when they pay (:func:`.pages.local_workers_pay`), or
    this process (None)."""
    page = tools.page
    if config.scheduler is not None and unmapped:
        from .cluster import connect

        here = config.scheduler.startswith("local:")  # workers on this machine share its dictionary cache
        with connect(config.scheduler, ToolsRecipe.of(page.segmenter, page.data, page.layout, share_cache_folder=here)) as cluster:
            yield cluster, True
        return
    cached = sorted(set(range(len(sources))) - set(unmapped))
    cores = worker_count(config.jobs)
    enough, overlap = local_workers_pay(sources, unmapped, cached, cores)
    if enough or overlap:
        recipe = ToolsRecipe.of(page.segmenter, page.data, page.layout)
        yield LocalPool(tools, recipe, cache, min(cores, len(unmapped))), enough
    else:
        yield None, False


def join_stage(sources: tuple[SourceFile, ...], outputs: list[PageOutput], tools: MapTools) -> tuple[ParsedCorpus, list[PageOutput]]:
    """The pages joined into one corpus: continued articles joined, article ids made unique."""
    outputs = join_continued_pages(outputs, tools)
    results = unique_article_ids([output.result for output in outputs])
    outputs = [PageOutput(result, output.read) for result, output in zip(results, outputs, strict=True)]
    corpus = ParsedCorpus(
        sources=sources,
        articles=tuple(a for r in results for a in r.articles),
        leftovers=tuple(l for r in results for l in r.leftovers),
        pages=tuple(r.note for r in results),
        warnings=tuple(x for r in results for x in r.note.warnings),
    )
    return corpus, outputs


def reduce_stage(corpus: ParsedCorpus, readings: list[PageReading], tools: MapTools, prints: Fingerprints, cache: BuildCache, parallel: bool):
    """The corpus read (:func:`..analyze.read_corpus`), its halves side by side when ``parallel``
    (:func:`reduce_pair`); the glossary's per-article work and the duplicate search's work on
    texts and pairs are kept in the cache between builds (the search's by the process that runs it)."""
    glossary_place = cached_memo(cache, "glossary-memo", prints.code, GlossaryMemo)
    glossary_memo = glossary_place.load() if glossary_place is not None else None
    pair = reduce_pair(len(corpus.articles), parallel)
    mastheads = page_mastheads(corpus.pages, tools.page.layout.masthead_endings)
    duplicates = cached_memo(cache, "duplicate-memo", prints.code, DuplicateMemo)
    analysis = read_corpus(corpus.articles, readings, tools.page.data, tools.segmenter, pair, glossary_memo, duplicates, mastheads)
    if glossary_place is not None:
        glossary_place.keep(glossary_memo)
    return analysis


OWN_PROCESS_FROM_ARTICLES = 5_000
"""From this many articles the reduce's weights run in processes started afresh rather than a
forked child: a fork starts as large as this process (which by then holds every article), so the
largest process would be both together; a fresh one holds only the weights' own data."""


def reduce_pair(articles: int, parallel: bool) -> Pair:
    """How the reduce's two halves run: one after the other; the weights' two parts in forked
    children beside the names here; or, for a large corpus, in fresh processes of their own."""
    if not parallel:
        return in_order
    if articles >= OWN_PROCESS_FROM_ARTICLES:
        return weights_in_own_process
    return weights_in_children


def weights_in_children(weights: CorpusWeights, names):
    """The weights' two parts (TF-IDF; duplicates) each in a forked child, the names here meanwhile:
    neither part waits for the other, whichever is the longer (the duplicate search on a corpus
    whose articles share paragraphs, the TF-IDF on copies of a few texts)."""
    (terms, duplicates), named = in_children(list(weights.parts()), names)
    return CorpusWeights.joined(terms, duplicates), named


def weights_in_own_process(weights: CorpusWeights, names):
    """The weights' two parts (TF-IDF; duplicates) in two spawned workers (of :mod:`.workers`: they
    die with the build), each sent only its own data, and the names here meanwhile: the largest
    process is then the larger part, not both together. The duplicate search, the longest of the
    three on a corpus whose articles share paragraphs, measures its candidates in two forked
    children of its worker (:func:`_search_in_halves`)."""
    terms, duplicates = weights.parts()
    with run_in_workers([terms], _run, 1, _ready, (), 1, "spawn", what="the corpus weights") as terms_done:
        with run_in_workers([duplicates], _search_in_halves, 1, _ready, (), 1, "spawn", what="the duplicate search") as duplicates_done:
            named = names()
            return CorpusWeights.joined(next(iter(terms_done)), next(iter(duplicates_done))), named


def _ready() -> None:
    """A spawned worker for the corpus weights pauses the cyclic garbage collector, as the build's
    own process does (:func:`_without_cycle_collection`): its tables and memos are millions of
    small acyclic objects, and the collector walking them doubled the TF-IDF's time."""
    gc.disable()


def _run(job):
    return job()


def _search_in_halves(search):
    """The duplicate search with its exact measures in forked children side by side (in the worker
    that runs it): the TF-IDF and the names are done long before it at scale, so a core would idle."""
    return search(spread=_side_by_side_parts)


def _side_by_side_parts(parts):
    rest, first = in_children(parts[1:], parts[0])
    return [first, *rest]


def render_stage(
    config: BuildConfig, corpus: ParsedCorpus, analysis, bodies: dict[str, str], build_date: Optional[str], put: Put,
    synonyms: Optional[Synonyms] = None,
    kept: Optional[CachedPages] = None,
) -> dict:
    """The report's files, each given to ``put`` as it is made: the data files beside the pages
    (in a forked child, which writes its files into the same staging folder); returns a summary.
    ``bodies`` are the articles' bodies as HTML, by article id, as the map made them."""
    from ..render.data import parse_files
    from ..render.html import render_html

    parallel = worker_count(config.jobs) > 1
    side_by_side(
        lambda: parse_files(corpus, analysis, put),
        lambda: render_html(corpus, analysis, config.templates, build_date, bodies, config.layout, put, synonyms, kept),
        parallel,
    )
    return {"articles": len(corpus.articles), "leftovers": len(corpus.leftovers), "warnings": list(corpus.warnings)}


def _empty(tree: StagedTree) -> None:
    for entry in list(tree.folder.iterdir()):
        shutil.rmtree(entry) if entry.is_dir() else entry.unlink()


def _written(tree: StagedTree) -> dict[str, int]:
    """The files in ``tree`` and their sizes, by relative path."""
    return {p.relative_to(tree.folder).as_posix(): p.stat().st_size for p in sorted(tree.folder.rglob("*")) if p.is_file()}


def _without_cycle_collection(work, *args):
    """Run ``work`` with the cyclic garbage collector paused (restored afterwards).

    A build allocates millions of small, acyclic, long-lived objects (tokens, records, markup),
    which reference counting frees on its own; the collector would only walk them again and again
    (a tenth of a rebuild, a third of segmenting). Worker processes forked meanwhile inherit the pause.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return work(*args)
    finally:
        if was_enabled:
            gc.enable()
