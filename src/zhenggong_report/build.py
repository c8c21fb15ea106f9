"""The pipeline: sources -> parse -> analyze -> render, then one atomic write.

Work that depends on one page only (parse, segmentation, each article's own reading) is
cached by content key and spread over worker processes when there is enough of it; a
build whose inputs all match an earlier one re-publishes that report without loading
jieba at all. ``use_cache=False`` (``--no-cache``) does every step from scratch.
"""

from __future__ import annotations

import gc
import importlib
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .cache import BuildCache, code_digest, digest, file_digest, tree_digest
from .errors import DataFileError, shown
from .forks import side_by_side
from .models import ParsedCorpus, SourceFile
from .outputs import source_date, write_tree_atomically
from .progress import Progress
from .resources import data_file, templates_dir
from .segmenter import Segmenter, cache_dir
from .sources import gb18030_doubt, list_seed_files, read_source
from .sources.remembered import read_remembered
from .sources.settings import load_reader_settings

DATA_FILES = (
    "userdict.txt", "stopwords.txt", "themes.toml", "enterprises.toml", "layout.toml", "sources.toml", "glossary.toml",
    "claims.toml",
)


@dataclass(frozen=True)
class LoadedSources:
    sources: tuple[SourceFile, ...]
    notes: tuple[str, ...]
    """Files in the seeds folder that were not read, and why."""
    warnings: tuple[str, ...] = ()
    """Pages read, but perhaps not as their author meant (a damaged UTF-8 page read as GB18030)."""


@dataclass(frozen=True)
class BuildResult:
    out: Path
    files: tuple[str, ...]
    articles: int
    leftovers: int
    warnings: tuple[str, ...]
    notes: tuple[str, ...]
    reused: bool = False
    """True when the whole report came from the cache (nothing had changed)."""


@dataclass(frozen=True)
class Fingerprints:
    """Content hashes of everything a report is made from."""

    code: str
    data: dict[str, str]
    templates: str

    @classmethod
    def of(cls, data_dir: Optional[Path], templates: Optional[Path]) -> "Fingerprints":
        return cls(
            code=code_digest(),
            data={name: file_digest(data_file(name, data_dir)) for name in DATA_FILES},
            templates=tree_digest(templates or templates_dir()),
        )

    def report_key(self, sources: tuple[SourceFile, ...], *extra: str) -> str:
        """``extra``: anything else the output depends on (the build date, the renderer's libraries)."""
        parts = [self.code, self.templates, *(f"{k}={v}" for k, v in sorted(self.data.items()))]
        parts += [f"{s.name}\0{s.sha256}\0{s.facts.text_digest}" for s in sources]
        return digest("report", *parts, *extra)


def load_sources(seeds: Path, data_dir: Optional[Path] = None, cache: Optional[BuildCache] = None) -> LoadedSources:
    """Read every page of the seeds folder (the input edge); the readers' settings come from
    ``sources.toml`` in ``data_dir`` or the packaged one. With a cache, what the Word, PDF and
    WeChat readers made of a file before is reused."""
    listing = list_seed_files(seeds)
    settings = load_reader_settings(data_dir)
    if cache is not None and cache.enabled:
        code = code_digest()
        sources = tuple(read_remembered(path, settings, cache, code) for path in listing.paths)
    else:
        sources = tuple(read_source(path, settings) for path in listing.paths)
    notes = tuple(f"{shown(str(seeds / name))}: {why}" for name, why in listing.ignored)
    warnings = []
    for path, source in zip(listing.paths, sources, strict=True):
        doubt = gb18030_doubt(path.read_bytes()) if source.encoding == "gb18030" else None
        if doubt:
            warnings.append(f"{shown(str(path))}: {doubt}")
    return LoadedSources(sources, notes, tuple(warnings))


def check_data_dir(data_dir: Optional[Path]) -> None:
    if data_dir is not None and not Path(data_dir).is_dir():
        raise DataFileError(str(data_dir), "data folder does not exist")


def parse_sources(
    sources: tuple[SourceFile, ...], segmenter: Optional[Segmenter] = None, data_dir: Optional[Path] = None
) -> ParsedCorpus:
    from .parse import parse_corpus
    from .parse.layout import load_layout

    return parse_corpus(sources, segmenter or Segmenter(), load_layout(data_dir))


def build(
    seeds: Path,
    out: Path,
    data_dir: Optional[Path] = None,
    use_cache: bool = True,
    jobs: Optional[int] = None,
    progress: Optional[Progress] = None,
    templates: Optional[Path] = None,
    layout: str = "auto",
) -> BuildResult:
    """Build the report from ``seeds`` into ``out``; nothing is written unless every stage succeeds.

    ``data_dir`` holds data files (themes.toml, enterprises.toml, stopwords.txt, userdict.txt, layout.toml) that
    replace the packaged ones of the same name; ``templates`` is a copy of the report templates to
    render ``index.html`` with; ``layout`` is ``single`` (one page), ``folder`` or ``auto`` (by the
    corpus's size, see :func:`.render.html.choose_layout`). One segmenter (at most one jieba load) serves every stage of the
    main process.
    """
    from .render.html import make_environment, renderer_versions

    progress = progress or Progress(enabled=False)
    check_data_dir(data_dir)
    make_environment(templates or templates_dir())  # a missing templates folder fails before any work
    built_on = source_date()
    build_date = built_on.date().isoformat() if built_on else None
    cache = BuildCache(cache_dir() / "build", enabled=use_cache)
    loaded = load_sources(seeds, data_dir, cache)
    prints = Fingerprints.of(data_dir, templates)
    key = prints.report_key(loaded.sources, f"date={build_date or ''}", f"layout={layout}", *renderer_versions())
    reused = _reuse_report(cache, key)
    if reused is not None:
        files, meta = reused
        write_tree_atomically(out, files)
        return _result(out, files, meta, loaded, reused=True)
    files, meta = _without_cycle_collection(
        make_report, loaded.sources, prints, cache, data_dir, jobs, progress, templates, build_date, layout
    )
    progress.stage("writing the report")
    storing = threading.Thread(target=_store_report, args=(cache, key, files, meta), name="store-report", daemon=True)
    storing.start()  # the cache copy is written beside the report (both mostly wait on the disk)
    try:
        write_tree_atomically(out, files)
    finally:
        storing.join()
    progress.finish()
    return _result(out, files, meta, loaded, reused=False, extra_notes=cache.notes())


def _store_report(cache: BuildCache, key: str, files: dict[str, bytes], meta: dict) -> None:
    cache.store_files(key, files)
    cache.store("report-meta", key, meta)


def _result(
    out: Path, files: dict[str, bytes], meta: dict, loaded: LoadedSources, reused: bool, extra_notes: tuple[str, ...] = ()
) -> BuildResult:
    warnings = loaded.warnings + tuple(meta["warnings"])
    return BuildResult(out, tuple(sorted(files)), meta["articles"], meta["leftovers"], warnings, loaded.notes + extra_notes, reused)


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


class BackgroundImport:
    """Modules imported in a thread: the corpus-wide steps' libraries (pandas, numpy: a quarter of a
    second) load while worker processes parse and segment, rather than before or after them.

    Started only once the workers are forked (a fork must not copy an import lock held by a
    thread) and joined before anything else forks. An import that fails here is left for the
    real import to report.
    """

    def __init__(self, *modules: str) -> None:
        self.modules = modules
        self.thread: Optional[threading.Thread] = None

    def start(self) -> None:
        self.thread = threading.Thread(target=self._run, name="background-import", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        for module in self.modules:
            try:
                importlib.import_module(module)
            except Exception:  # noqa: BLE001 - reported where the module is really needed
                return

    def join(self) -> None:
        if self.thread is not None:
            self.thread.join()


def _reuse_report(cache: BuildCache, key: str) -> Optional[tuple[dict[str, bytes], dict]]:
    meta = cache.load("report-meta", key)
    if not _is_report_meta(meta):
        return None
    files = cache.load_files(key)
    return (files, meta) if files is not None else None


def _is_report_meta(meta: object) -> bool:
    """Whether a cached summary has the shape :func:`make_report` gives it (checked before any use)."""
    return (
        isinstance(meta, dict)
        and all(isinstance(meta.get(k), int) and not isinstance(meta.get(k), bool) for k in ("articles", "leftovers"))
        and isinstance(meta.get("warnings"), (list, tuple))
        and all(isinstance(w, str) for w in meta["warnings"])
    )


def make_report(
    sources: tuple[SourceFile, ...],
    prints: Fingerprints,
    cache: BuildCache,
    data_dir: Optional[Path],
    jobs: Optional[int],
    progress: Progress,
    templates: Optional[Path] = None,
    build_date: Optional[str] = None,
    layout: str = "auto",
) -> tuple[dict[str, bytes], dict]:
    """Parse, analyse and render: the report's files (relative path -> bytes) and a summary."""
    from .analyze import analyze_tokens, load_analysis_data
    from .analyze.glossary import GlossaryMemo
    from .pages import PageContext, join_continued_pages, page_keys, run_pages, unique_article_ids, worker_count
    from .parse.layout import load_layout
    from .render.data import parse_files
    from .render.html import render_html

    data = load_analysis_data(data_dir)
    segmenter = Segmenter.for_data_dir(data_dir, keep_dictionary=cache.enabled)
    context = PageContext(segmenter, data, load_layout(data_dir))
    keys = [
        page_keys(
            s, prints.code, prints.data["userdict.txt"], digest(prints.data["themes.toml"], prints.data["claims.toml"]),
            prints.data["stopwords.txt"], digest(prints.data["layout.toml"], prints.data["sources.toml"]),
        )
        for s in sources
    ]
    parallel = worker_count(jobs) > 1
    progress.stage("parsing and segmenting pages", total=len(sources))
    libraries = BackgroundImport("zhenggong_report.analyze.keywords", "pandas")
    done = run_pages(
        sources, keys, context, cache, jobs, on_page=lambda s: progress.advance(1, s.characters), on_workers_busy=libraries.start
    )
    libraries.join()
    done = join_continued_pages(done, context)
    results = unique_article_ids([result for result, _ in done])
    readings = [reading for _, reading in done]
    corpus = ParsedCorpus(
        sources=sources,
        articles=tuple(a for r in results for a in r.articles),
        leftovers=tuple(l for r in results for l in r.leftovers),
        pages=tuple(r.note for r in results),
        warnings=tuple(x for r in results for x in r.note.warnings),
    )
    progress.stage("analysing the corpus")
    memo_key = digest("glossary-memo", prints.code)
    memo = cache.load("glossary-memo", memo_key) if cache.enabled else None
    if cache.enabled and not isinstance(memo, GlossaryMemo):
        memo = GlossaryMemo()
    analysis = analyze_tokens(
        None,
        data,
        segmenter,
        themes=[t for r in readings for t in r.themes],
        claims=[c for r in readings for c in r.claims],
        counts=[c for r in readings for c in r.counts],
        parallel=parallel,
        glossary_memo=memo,
        articles=corpus.articles,
    )
    if memo is not None:
        cache.store("glossary-memo", memo_key, memo)
    progress.stage("rendering")
    bodies = dict(zip((a.id for a in corpus.articles), (b for r in readings for b in r.bodies), strict=True))
    del readings  # the rest of each reading now lives in the analysis
    data_files, files = side_by_side(
        lambda: parse_files(corpus, analysis), lambda: render_html(corpus, analysis, templates, build_date, bodies, layout), parallel
    )
    files.update(data_files)
    meta = {"articles": len(corpus.articles), "leftovers": len(corpus.leftovers), "warnings": list(corpus.warnings)}
    return files, meta
