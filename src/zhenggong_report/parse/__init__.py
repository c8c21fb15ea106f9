"""The parse stage: pages in, articles and leftovers out.

A page whose two columns were OCR'd side by side is first split at its gutter and read one
column after the other (:mod:`.gutter`). Block rules (:mod:`.blocks`, one printed pattern a
module) turn a page's lines into blocks;
page rules (:mod:`.pages`) join continued paragraphs, place titles and assemble articles.
The words the layout rules look for come from ``data/layout.toml`` (:mod:`.layout`). Every
non-blank line (of a split row: each column's part of it) ends up in exactly one article or leftover.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..models.parsed import Article, Leftover, PageNote, ParsedCorpus
from ..models.source_files import SourceFile
from .blocks import BLOCK_RULES, tokenize_blocks
from .gutter import read_columns
from .jumps import find_continuations, joined_article
from .layout import Layout
from .layout_file import default_layout
from .pages import PAGE_RULES, PageState, emit_articles, emit_leftovers, page_note
from .state import BlockState, Lexicon, read_lines


UNSPLIT_WARNING = "columns side by side not split"
"""The warning (``<file>:<row>: …``) of a page whose two columns OCR'd side by side could not be
split reliably (:func:`.gutter.read_columns`): the row is the first that runs across the gutter."""
UNSPLIT_NOTE = "两栏并排识别，第{row}行文字跨过栏缝，无法可靠拆分：按原样读取，本文可能混有另一栏的文字"
"""The note each article of such a page carries."""


@dataclass(frozen=True)
class PageResult:
    articles: tuple[Article, ...]
    leftovers: tuple[Leftover, ...]
    note: PageNote


def parse_page(
    source: SourceFile, lexicon: Lexicon, taken_ids: set[str] | None = None, layout: Layout | None = None
) -> PageResult:
    """Parse one page into its articles, leftovers and a note of what was decided."""
    layout = layout or default_layout()
    split, across = read_columns(source.lines)  # no split unless two columns were OCR'd side by side
    reading = split.reading(source) if split else source
    block_state = BlockState(read_lines(reading.lines, split.columns if split else ()), lexicon, layout)
    blocks = tokenize_blocks(block_state, BLOCK_RULES)
    if split:
        split.mark_columns(blocks)
    state = PageState(reading, blocks, lexicon, block_state.hard_wrapped, layout)
    for rule in PAGE_RULES:
        rule(state)
    emit_articles(state, taken_ids if taken_ids is not None else set())
    emit_leftovers(state)
    if not any(line.strip() for line in source.lines):
        state.warnings.append(f"{source.name}: empty file")
    elif not state.articles:
        state.warnings.append(f"{source.name}: no article found")
    articles, leftovers = split.on_rows(state.articles, state.leftovers) if split else (state.articles, state.leftovers)
    if across is not None:
        state.warnings.append(f"{source.name}:{across}: {UNSPLIT_WARNING}")
        articles = [replace(article, notes=article.notes + (UNSPLIT_NOTE.format(row=across),)) for article in articles]
    return PageResult(tuple(articles), tuple(leftovers), page_note(state))


@dataclass(frozen=True)
class Rejoined:
    """The pages after :func:`join_continued`: which of each page's articles remain (by their
    position before) and which of those are now joined across pages."""

    results: list[PageResult]
    kept: list[list[int]]
    joined: set[tuple[int, int]]
    """(page, position before) of each article that now holds its rest from another page."""


def join_continued(results: list[PageResult]) -> Rejoined:
    """Join each article that jumps to another page with its rest there (:mod:`.jumps`)."""
    found = find_continuations([(r.note.meta, r.articles) for r in results])
    articles = [list(r.articles) for r in results]
    dropped = {(item.rest_page, item.rest) for item in found}
    for item in found:
        head, rest = results[item.head_page].articles[item.head], results[item.rest_page].articles[item.rest]
        articles[item.head_page][item.head] = joined_article(head, rest)
    kept = [[n for n in range(len(r.articles)) if (page, n) not in dropped] for page, r in enumerate(results)]
    fixed = [
        result if len(kept[page]) == len(result.articles) and not any(i.head_page == page for i in found)
        else replace(result, articles=tuple(articles[page][n] for n in kept[page]))
        for page, result in enumerate(results)
    ]
    return Rejoined(fixed, kept, {(item.head_page, item.head) for item in found})


def parse_corpus(sources: tuple[SourceFile, ...], lexicon: Lexicon, layout: Layout | None = None) -> ParsedCorpus:
    """Parse every page; article ids stay unique across the corpus."""
    taken: set[str] = set()
    results = join_continued([parse_page(source, lexicon, taken, layout) for source in sources]).results
    return ParsedCorpus(
        sources=sources,
        articles=tuple(a for r in results for a in r.articles),
        leftovers=tuple(l for r in results for l in r.leftovers),
        pages=tuple(r.note for r in results),
        warnings=tuple(w for r in results for w in r.note.warnings),
    )
