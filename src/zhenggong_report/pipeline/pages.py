"""Running the map over every page: from the cache where it has a page, else on an executor
(this process, a pool of local workers, or a Dask cluster), in page order.

Then the two steps that join the pages' outputs before the reduce: articles continued on another
page are joined with their rest, and article ids made unique across the corpus.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from typing import Callable, Optional, Protocol, Sequence

from ..cache import BuildCache
from ..models.analysis import Evidence, ThemeHit
from ..models.source_files import SourceFile
from ..parse import PageResult, join_continued
from .forks import can_fork
from .local import map_and_store
from .map import MapTools, PageOutput, PageRead, read_alone
from .store import PageKeys, load_page, store_page

PARALLEL_MIN_CHARACTERS = 400_000
"""Below this much uncached text, starting local workers costs more than it saves."""


class Executor(Protocol):
    stores: bool
    """Whether the executor's workers keep each page's cache entries themselves."""

    def map(self, jobs: Sequence[tuple[SourceFile, PageKeys]]):
        """A context giving (position, output) for every job, in any order, as they finish."""


def worker_count(jobs: Optional[int]) -> int:
    if jobs is not None:
        return max(1, jobs)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def local_workers_pay(sources: Sequence[SourceFile], unmapped: list[int], cached: list[int], cores: int) -> tuple[bool, bool]:
    """(enough text to share out, cached pages to load meanwhile): whether local workers pay.

    Pages the cache cannot give go to worker processes when there is more than one core and
    either enough text to share out or cached pages to load meanwhile (loading jieba and mapping
    a changed page then overlap with reading the others from the cache)."""
    pending = sum(sources[i].characters for i in unmapped)
    enough = cores > 1 and len(unmapped) > 1 and pending >= PARALLEL_MIN_CHARACTERS
    overlap = cores > 1 and bool(unmapped) and bool(cached) and can_fork()
    return enough, overlap


def map_pages(
    sources: Sequence[SourceFile],
    keys: Sequence[PageKeys],
    tools: MapTools,
    cache: BuildCache,
    executor: Optional[Executor],
    unmapped: list[int],
    on_page: Callable[[SourceFile], None] = lambda source: None,
    on_workers_busy: Callable[[], None] = lambda: None,
) -> list[PageOutput]:
    """Every page's output, in page order. ``executor`` maps the pages the cache cannot give (None:
    this process does) — ``unmapped``, the positions of the pages the cache has no parse of; cached
    pages are loaded here meanwhile. ``on_workers_busy`` is called once
    this process is left waiting for the executor with plenty of work."""
    outputs: list[Optional[PageOutput]] = [None] * len(sources)
    shared = SharedValues()
    cached = sorted(set(range(len(sources))) - set(unmapped))
    late: list[int] = []
    if executor is not None and unmapped:
        with executor.map([(sources[i], keys[i]) for i in unmapped]) as done:
            late = _load_cached(cached, sources, keys, tools, cache, outputs, on_page, shared)
            on_workers_busy()
            for position, output in done:
                index = unmapped[position]
                if not executor.stores:
                    store_page(cache, keys[index], output, None)
                outputs[index] = shared_words(output, shared)
                on_page(sources[index])
    else:
        late = _load_cached(cached, sources, keys, tools, cache, outputs, on_page, shared) + unmapped
    for index in sorted(late):
        outputs[index] = map_and_store(sources[index], keys[index], tools, cache)
        on_page(sources[index])
    return [o for o in outputs if o is not None]


def _load_cached(
    indices: list[int],
    sources: Sequence[SourceFile],
    keys: Sequence[PageKeys],
    tools: MapTools,
    cache: BuildCache,
    outputs: list[Optional[PageOutput]],
    on_page: Callable[[SourceFile], None],
    shared: SharedValues,
) -> list[int]:
    """Fill ``outputs`` from the cache; returns the pages whose entries turned out unreadable."""
    failed = []
    for index in indices:
        output = load_page(cache, keys[index], tools)
        if output is None:
            failed.append(index)
        else:
            outputs[index] = shared_words(output, shared)
            on_page(sources[index])
    return failed


class SharedValues:
    """One object for each value that recurs across the pages' outputs (a term with its count,
    a theme's paragraphs, a reason), for one build: unpickled from a worker or the cache, each
    copy would otherwise stay, and a large corpus repeats the same few thousand of them."""

    def __init__(self) -> None:
        self._values: dict = {}

    def one(self, value):
        return self._values.setdefault(value, value)


def shared_words(output: PageOutput, shared: SharedValues) -> PageOutput:
    """The output with its recurring values shared — each counted word, and each theme's id, name,
    matched terms, reasons and paragraphs, and its evidence's term and place (strings interned,
    small tuples through ``shared``)."""
    reading = output.read.reading
    counts = tuple((tuple(map(sys.intern, words)), numbers) for words, numbers in reading.counts)
    themes = tuple(
        replace(article, treated=_shared_hits(article.treated, shared), mentioned=_shared_hits(article.mentioned, shared))
        for article in reading.themes
    )
    return replace(output, read=replace(output.read, reading=replace(reading, counts=counts, themes=themes)))


def _shared_hits(hits: tuple[ThemeHit, ...], shared: SharedValues) -> tuple[ThemeHit, ...]:
    # Made by their constructors rather than dataclasses.replace, which looks each class's fields
    # up again for every one of the tens of thousands of hits and evidence sentences: 1.24 against
    # 1.51 ms of CPU a page of the 100x mixed corpus, which a rebuild pays for every cached page.
    intern, one = sys.intern, shared.one
    return tuple(
        ThemeHit(
            intern(hit.theme_id),
            intern(hit.name),
            hit.score,
            tuple(one((intern(term), count)) for term, count in hit.terms),
            tuple(Evidence(e.sentence, intern(e.term), e.start, e.end, e.paragraph, intern(e.place)) for e in hit.evidence),
            one(tuple(map(intern, hit.reasons))),
            one(hit.paragraphs),
        )
        for hit in hits
    )


def join_continued_pages(outputs: list[PageOutput], tools: MapTools) -> list[PageOutput]:
    """Articles continued on another page joined with their rest (see :func:`..parse.join_continued`);
    a joined article is read again whole, in this process (only when the corpus has such pairs)."""
    rejoined = join_continued([output.result for output in outputs])
    if not rejoined.joined:
        return outputs
    pages = []
    for page, (output, result, kept) in enumerate(zip(outputs, rejoined.results, rejoined.kept, strict=True)):
        reads = [
            read_alone(article, tools) if (page, position) in rejoined.joined else _one_article(output.read, position)
            for position, article in zip(kept, result.articles, strict=True)
        ]
        pages.append(PageOutput(result, _pages_read(reads, output.read)))
    return pages


def _one_article(read: PageRead, position: int) -> PageRead:
    r = read.reading
    one = replace(r, themes=(r.themes[position],), claims=(r.claims[position],), counts=(r.counts[position],))
    return PageRead(one, (read.bodies[position],))


def _pages_read(reads: list[PageRead], like: PageRead) -> PageRead:
    r = like.reading
    reading = replace(
        r,
        themes=tuple(x.reading.themes[0] for x in reads),
        claims=tuple(x.reading.claims[0] for x in reads),
        counts=tuple(x.reading.counts[0] for x in reads),
    )
    return PageRead(reading, tuple(x.bodies[0] for x in reads))


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
