"""Per-page work: parse a page, cut its articles into words once, read what each article says alone.

This is the part of a build whose cost grows with the corpus; everything in it depends on
one page and the data files only. So it is cached by content key (see :mod:`.cache`) and,
when there is enough of it, spread over worker processes. What needs the whole corpus
(IDF, related articles, enterprises, the glossary) runs afterwards, in the main process.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence

from .analyze.claims import article_claims
from .analyze.data_files import AnalysisData
from .analyze.themes import ArticleThemes, TermIndex, read_article_themes
from .analyze.tokens import ArticleTokens, content_counts, tokenize_article
from .cache import BuildCache, digest
from .forks import can_fork
from .models import Claim, SourceFile
from .parse import PageResult, join_continued, parse_page
from .parse.layout import Layout, default_layout
from .render.markdown import BodyRenderer, body_terms
from .segmenter import Segmenter
from .workers import run_in_workers

PARALLEL_MIN_CHARACTERS = 400_000
"""Below this much uncached text, starting workers costs more than it saves."""


@dataclass(frozen=True)
class PageWork:
    """A page parsed and its articles cut into words (depends on the page and the dictionary)."""

    result: PageResult
    tokens: tuple[ArticleTokens, ...]


@dataclass(frozen=True)
class PageReading:
    """What each article of a page says on its own (depends on the tokens, the theme file and the
    stop words): all the corpus-wide steps need of its words, so the words stay behind."""

    themes: tuple[ArticleThemes, ...]
    claims: tuple[tuple[Claim, ...], ...]
    counts: tuple[tuple[tuple[str, ...], tuple[int, ...]], ...]
    """Content-word counts per article, for TF-IDF, as (words, counts)."""
    bodies: tuple[str, ...] = ()
    """Each article's body as HTML, its theme terms marked."""


@dataclass(frozen=True)
class PageKeys:
    work: str
    reading: str


class PageContext:
    """What per-page work needs: the segmenter and the theme taxonomy (built once per process)."""

    def __init__(self, segmenter: Segmenter, data: AnalysisData, layout: Optional[Layout] = None) -> None:
        self.segmenter = segmenter
        self.data = data
        self.layout = layout or default_layout()
        self.index = TermIndex(data.taxonomy.themes)
        self.bodies = BodyRenderer()


def page_keys(
    source: SourceFile, code: str, dictionary: str, themes: str, stopwords: str = "-", layout: str = "-"
) -> PageKeys:
    work = digest("page-work", code, dictionary, layout, source.name, source.sha256, source.facts.text_digest)
    return PageKeys(work, digest("page-reading", work, themes, stopwords))


def do_page_work(source: SourceFile, context: PageContext) -> PageWork:
    result = parse_page(source, context.segmenter, layout=context.layout)
    tokens = tuple(tokenize_article(article, context.segmenter) for article in result.articles)
    return PageWork(result, tokens)


def read_page(work: PageWork, context: PageContext) -> PageReading:
    themes = tuple(read_article_themes(t, context.data.taxonomy, context.index) for t in work.tokens)
    return PageReading(
        themes=themes,
        claims=tuple(article_claims(t, context.data.claims) for t in work.tokens),
        counts=tuple(_pairs(content_counts(t, context.segmenter)) for t in work.tokens),
        bodies=tuple(
            str(context.bodies.paragraphs(t.article.paragraphs, body_terms(reading.treated)))
            for t, reading in zip(work.tokens, themes, strict=True)
        ),
    )


def _pairs(counts: dict[str, int]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    words = tuple(sorted(counts))
    return words, tuple(counts[w] for w in words)


def shared_words(reading: PageReading) -> PageReading:
    """The reading with each counted word interned: across a large corpus the same few tens of
    thousands of words recur in every article, and each unpickled copy would otherwise stay."""
    counts = tuple((tuple(map(sys.intern, words)), numbers) for words, numbers in reading.counts)
    return replace(reading, counts=counts)


# --- running the pages ---------------------------------------------------------------------

_worker_context: Optional[PageContext] = None
_worker_cache: Optional[BuildCache] = None


def _init_worker(context: Optional[PageContext], cache: BuildCache, make: Optional[Callable[[], PageContext]]) -> None:
    global _worker_context, _worker_cache
    _worker_context = context if context is not None else make()  # type: ignore[misc]
    _worker_context.segmenter.load()  # each worker loads the dictionary itself, all at once
    _worker_cache = cache


def _work_in_worker(job: tuple[SourceFile, PageKeys]) -> tuple[PageResult, PageReading]:
    assert _worker_context is not None and _worker_cache is not None
    source, keys = job
    return _work_and_store(source, keys, _worker_context, _worker_cache)


def _work_and_store(source: SourceFile, keys: PageKeys, context: PageContext, cache: BuildCache) -> tuple[PageResult, PageReading]:
    work = do_page_work(source, context)
    reading = read_page(work, context)
    cache.store("page-parse", keys.work, work.result)
    cache.store("page-tokens", keys.work, work.tokens)
    cache.store("page-reading", keys.reading, reading)
    return work.result, reading


def _from_cache(keys: PageKeys, context: PageContext, cache: BuildCache) -> Optional[tuple[PageResult, PageReading]]:
    """The page's parse and reading from the cache; the reading is remade from the cached words
    when only the theme file or stop words changed. None when the page itself must be redone."""
    result = cache.load("page-parse", keys.work)
    if not isinstance(result, PageResult):
        return None
    reading = cache.load("page-reading", keys.reading)
    if not isinstance(reading, PageReading):
        tokens = cache.load("page-tokens", keys.work)
        if not isinstance(tokens, tuple):
            return None
        reading = read_page(PageWork(result, tokens), context)
        cache.store("page-reading", keys.reading, reading)
    return result, reading


def worker_count(jobs: Optional[int]) -> int:
    if jobs is not None:
        return max(1, jobs)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def run_pages(
    sources: Sequence[SourceFile],
    keys: Sequence[PageKeys],
    context: PageContext,
    cache: BuildCache,
    jobs: Optional[int] = None,
    on_page: Callable[[SourceFile], None] = lambda source: None,
    on_workers_busy: Callable[[], None] = lambda: None,
) -> list[tuple[PageResult, PageReading]]:
    """Every page's parse and reading, in page order: from the cache where it has them, else computed.

    Pages the cache cannot give go to worker processes when there is more than one core and
    either enough text to share out or cached pages to load meanwhile (then loading jieba and
    segmenting a changed page overlap with unpickling the others); otherwise this process does
    them itself. ``on_workers_busy`` is called when this process is left waiting for workers
    with plenty of work.
    """
    results: list[Optional[tuple[PageResult, PageReading]]] = [None] * len(sources)
    unparsed = [i for i, key in enumerate(keys) if not cache.has("page-parse", key.work)]
    cached = sorted(set(range(len(sources))) - set(unparsed))
    cores = worker_count(jobs)
    pending_characters = sum(sources[i].characters for i in unparsed)
    enough_to_share = cores > 1 and len(unparsed) > 1 and pending_characters >= PARALLEL_MIN_CHARACTERS
    overlap_with_loading = cores > 1 and bool(unparsed) and bool(cached) and can_fork()
    if enough_to_share or overlap_with_loading:
        jobs_list = [(sources[i], keys[i]) for i in unparsed]
        with _in_workers(jobs_list, context, cache, min(cores, len(unparsed))) as done:
            late = _load_cached(cached, sources, keys, context, cache, results, on_page)
            if enough_to_share:
                on_workers_busy()
            for index, (result, reading) in zip(unparsed, done, strict=True):
                results[index] = (result, shared_words(reading))
                on_page(sources[index])
    else:
        late = _load_cached(cached, sources, keys, context, cache, results, on_page) + unparsed
    for index in sorted(late):
        results[index] = _work_and_store(sources[index], keys[index], context, cache)
        on_page(sources[index])
    return [r for r in results if r is not None]


def _load_cached(
    indices: list[int],
    sources: Sequence[SourceFile],
    keys: Sequence[PageKeys],
    context: PageContext,
    cache: BuildCache,
    results: list[Optional[tuple[PageResult, PageReading]]],
    on_page: Callable[[SourceFile], None],
) -> list[int]:
    """Fill ``results`` from the cache; returns the pages whose entries turned out unreadable."""
    failed = []
    for index in indices:
        cached = _from_cache(keys[index], context, cache)
        if cached is None:
            failed.append(index)
        else:
            results[index] = (cached[0], shared_words(cached[1]))
            on_page(sources[index])
    return failed


@contextmanager
def _in_workers(
    jobs: list[tuple[SourceFile, PageKeys]],
    context: PageContext,
    cache: BuildCache,
    workers: int,
) -> Iterator[Iterator[tuple[PageResult, PageReading]]]:
    """The jobs started in ``workers`` processes; yields their results, in job order, as they come.

    Each worker loads jieba's dictionary itself (in parallel, a fraction of a second with the
    one-read cache), so the main process, which goes on to the corpus-wide steps, never holds
    it. Workers are forked where the system allows (they inherit the imported libraries); they
    die with the build and are stopped with it (see :mod:`.workers`).
    """
    if can_fork():
        method, initargs = "fork", (context, cache, None)
    else:  # systems without a safe fork: each worker starts afresh
        segmenter, data = context.segmenter, context.data
        make = _ContextFactory(
            segmenter.userdict, segmenter.stopwords_file, segmenter.cache_folder, segmenter.keep_dictionary, data, context.layout
        )
        method, initargs = "spawn", (None, cache, make)
    # Small chunks: a worker left with a large last chunk would keep the others waiting at the end.
    chunk = max(1, min(4, len(jobs) // (workers * 8) or 1))
    with run_in_workers(
        jobs, _work_in_worker, workers, _init_worker, initargs, chunk, method, what="a page worker"
    ) as done:
        yield done  # every worker is running now


@dataclass(frozen=True)
class _ContextFactory:
    """Builds a :class:`PageContext` inside a spawned worker (picklable, unlike a loaded tokenizer)."""

    userdict: Optional[Path]
    stopwords: Optional[Path]
    cache_folder: Path
    keep_dictionary: bool
    data: AnalysisData
    layout: Layout

    def __call__(self) -> PageContext:
        segmenter = Segmenter(self.userdict, self.cache_folder, self.stopwords, self.keep_dictionary)
        return PageContext(segmenter, self.data, self.layout)


def join_continued_pages(done: list[tuple[PageResult, PageReading]], context: PageContext) -> list[tuple[PageResult, PageReading]]:
    """Articles continued on another page joined with their rest (see :func:`parse.join_continued`);
    a joined article is read again whole, in this process (only when the corpus has such pairs)."""
    rejoined = join_continued([result for result, _ in done])
    if not rejoined.joined:
        return done
    pages = []
    for page, ((_, reading), result, kept) in enumerate(zip(done, rejoined.results, rejoined.kept, strict=True)):
        themes, claims, counts, bodies = [], [], [], []
        for position, article in zip(kept, result.articles, strict=True):
            if (page, position) in rejoined.joined:
                alone = read_page(do_page_work_for(article, result, context), context)
                entry = (alone.themes[0], alone.claims[0], alone.counts[0], alone.bodies[0])
            else:
                entry = (reading.themes[position], reading.claims[position], reading.counts[position], reading.bodies[position])
            for column, value in zip((themes, claims, counts, bodies), entry, strict=True):
                column.append(value)
        pages.append((result, PageReading(tuple(themes), tuple(claims), tuple(counts), tuple(bodies))))
    return pages


def do_page_work_for(article, result: PageResult, context: PageContext) -> PageWork:
    """One article's share of the per-page work: its words, cut once."""
    return PageWork(replace(result, articles=(article,)), (tokenize_article(article, context.segmenter),))


def unique_article_ids(results: list[PageResult]) -> list[PageResult]:
    """Article ids hash the file name, title and author; should two pages still collide, the later
    article gets a numbered suffix (deterministically, in page order)."""
    taken: set[str] = set()
    fixed = []
    for result in results:
        articles = []
        for article in result.articles:
            new_id, counter = article.id, 2
            while new_id in taken:
                new_id, counter = f"{article.id}-{counter}", counter + 1
            taken.add(new_id)
            articles.append(article if new_id == article.id else replace(article, id=new_id))
        fixed.append(result if tuple(articles) == result.articles else replace(result, articles=tuple(articles)))
    return fixed
