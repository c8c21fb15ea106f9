"""Records: one article per chain, and whatever no article claimed as leftovers."""

from __future__ import annotations

import hashlib
from typing import Optional

from ...models.parsed import Article, Join, Leftover, PageMeta, PageNote, Paragraph
from ...models.source_files import SourceFile, Span
from ..titles import infer_title
from .attach import note_above
from .credits import article_editors, article_metadata
from ..state import Block
from .model import Chain, PageState, TitleUnit

def _merge_spans(spans: list[Span], source: SourceFile) -> tuple[Span, ...]:
    """Merge spans that follow each other with only blank lines between."""
    merged: list[list[int]] = []
    for first, last in spans:
        if merged:
            previous = merged[-1]
            gap = range(previous[1] + 1, first)
            if previous[0] <= first and all(not source.lines[n - 1].strip() for n in gap):
                previous[1] = max(previous[1], last)
                continue
        merged.append([first, last])
    return tuple((a, b) for a, b in merged)


def _article_id(source: SourceFile, title: str, author: Optional[str], taken: set[str]) -> str:
    digest = hashlib.sha1(f"{source.name}\n{title}\n{author or ''}".encode("utf-8")).hexdigest()
    base = f"a-{digest[:8]}"
    candidate, counter = base, 2
    while candidate in taken:
        candidate = f"{base}-{counter}"
        counter += 1
    taken.add(candidate)
    return candidate


class _GrowingParagraph:
    """A paragraph being joined from pieces: its text as a list of parts and its spans as a list, so
    joining the n-th piece costs that piece, not the whole text so far (``join_wrapped``'s result)."""

    def __init__(self, kind: str, text: str, span: Span) -> None:
        self.kind = kind
        self.parts = [text]
        self.spans = [span]

    def join(self, text: str, span: Span) -> None:
        parts = self.parts
        while parts and not parts[-1].rstrip():
            parts.pop()
        if parts:
            parts[-1] = parts[-1].rstrip()
        right = text.lstrip()
        if parts and right and parts[-1][-1].isascii() and parts[-1][-1].isalpha() and right[0].isascii() and right[0].isalpha():
            parts.append(" ")
        if right:
            parts.append(right)
        self.spans.append(span)

    def tail(self, size: int) -> str:
        """The last ``size`` characters of the text."""
        taken, length = [], 0
        for part in reversed(self.parts):
            taken.append(part)
            length += len(part)
            if length >= size:
                break
        return "".join(reversed(taken))[-size:]

    def paragraph(self) -> Paragraph:
        return Paragraph(self.kind, "".join(self.parts), tuple(self.spans))


def _paragraphs(state: PageState, chain: Chain) -> tuple[list[Paragraph], list[Join]]:
    paragraphs: list[_GrowingParagraph] = []
    joins: list[Join] = []
    previous: Optional[int] = None
    for index in chain.blocks:
        block = state.blocks[index]
        link = state.links.get(previous) if previous is not None else None
        if link is not None and link.after == index:
            last = paragraphs[-1]
            joins.append(
                Join(
                    kind="page_break" if link.adjacent else "column",
                    before=last.spans[-1],
                    after=block.span,
                    evidence=link.evidence,
                    score=link.score,
                    text_before=last.tail(12),
                    text_after=block.text[:12],
                )
            )
            last.join(block.text, block.span)
        else:
            paragraphs.append(_GrowingParagraph(block.kind, block.text, block.span))
        previous = index
    return [p.paragraph() for p in paragraphs], joins


def _credits(state: PageState, chain: Chain, unit: Optional[TitleUnit]) -> tuple[tuple[str, ...], tuple[Optional[str], ...]]:
    """The authors and their roles: from the title unit's byline, else a closing byline, else the
    reporters a news item names in its opening brackets."""
    if unit is not None and unit.authors:
        return unit.authors, unit.roles
    for index in chain.bylines:
        data = state.blocks[index].data
        if data.get("authors"):
            return tuple(data["authors"]), tuple(data["roles"])
    first = state.blocks[chain.blocks[0]].data
    if first.get("authors"):
        return tuple(first["authors"]), tuple(first["roles"])
    return (), ()


def _speaker_position(state: PageState, chain: Chain, unit: Optional[TitleUnit]) -> Optional[str]:
    """The offices a speech's byline prints before its speaker (``党委书记、董事长``), as the role."""
    bylines = [*(unit.blocks if unit else ()), *chain.bylines]
    return next((state.blocks[i].data["position"] for i in bylines if state.blocks[i].data.get("position")), None)


def _editorial(state: PageState, chain: Chain, field: str) -> list[str]:
    found = []
    for index in chain.editorial:
        block = state.blocks[index]
        if block.data["field"] == field:
            found.extend(block.data.get("items", (block.text,)))
    return found


def _jump(state: PageState, chain: Chain, direction: str) -> Optional[str]:
    pages = [state.blocks[i].data["page"] for i in chain.jumps if state.blocks[i].data["direction"] == direction]
    return pages[-1] if pages else None


def emit_articles(state: PageState, taken_ids: set[str]) -> None:
    """One article per chain, with its title unit, affiliation, abstract, keywords, editorial blocks
    and jump lines."""
    for chain in state.chains:
        unit = state.units[chain.title_unit] if chain.title_unit is not None else None
        paragraphs, joins = _paragraphs(state, chain)
        signed = any(state.blocks[i].data.get("authors") for i in chain.bylines)  # ``——某分公司　王　军`` under it
        complete = any(state.blocks[i].data.get("complete") for i in chain.blocks)  # ``■…参赛。（李娜）``
        if unit is None and sum(len(p.text) for p in paragraphs) < 20 and not (chain.affiliations or signed or complete):
            continue  # a scrap of text; a one-sentence opinion signed by its writer, or a credited brief, is an article
        notes: list[str] = []
        unit_spans = [state.blocks[i].span for i in unit.blocks] if unit else []
        extra_spans = [state.blocks[i].span for i in chain.extras]
        body_spans = [span for p in paragraphs for span in p.lines]
        # Printed before the body: a jump from another page, a 单位： line under the byline, a book
        # review's book line (its reference) under the byline.
        opening = [i for i in chain.jumps if state.blocks[i].data["direction"] == "from"]
        opening += [i for i in chain.affiliations + chain.credits if i < chain.blocks[0]]
        opening += [i for i in chain.editorial if i < chain.blocks[0] and not note_above(state.blocks[i])]
        closing = [i for i in chain.affiliations + chain.bylines + chain.jumps + chain.credits if i not in opening] + [
            i for i in chain.editorial if not note_above(state.blocks[i]) and i not in opening]
        closing_spans = [state.blocks[i].span for i in sorted(closing)]
        note_spans = [state.blocks[i].span for i in chain.editorial if note_above(state.blocks[i])]
        extra_spans = sorted(extra_spans + [state.blocks[i].span for i in opening])
        if state.placement == "trailing" and unit is not None and chain.title_note is None:
            spans = note_spans + extra_spans + body_spans + closing_spans + unit_spans
            notes.append("标题印在文章之后（本版面标题均在文后）")
        else:
            spans = note_spans + unit_spans + extra_spans + body_spans + closing_spans
        if chain.title_note:
            notes.append(chain.title_note)
        title = unit.title if unit else None
        texts = [p.text for p in paragraphs if p.kind == "text"] or [p.text for p in paragraphs]
        display = title or infer_title(texts)
        if title is None:
            notes.append("版面未印标题；显示标题据正文推断")
        continued_from = _jump(state, chain, "from")
        if chain.partial:
            notes.append(f"本文上接{continued_from}" if continued_from else "本文开头不在任何版面上")
        continued_on = _jump(state, chain, "on")
        if continued_on:
            notes.append(f"本文下转{continued_on}")
        affiliation, role = _affiliation(state, chain, unit)
        role = role or _speaker_position(state, chain, unit)
        authors, roles = _credits(state, chain, unit)
        author = "、".join(authors) if authors else None
        abstract = next((state.blocks[i].text for i in chain.extras if state.blocks[i].kind == "abstract"), None)
        keywords = next((state.blocks[i].data["words"] for i in chain.extras if state.blocks[i].kind == "keywords"), ())
        journal = tuple(pair for i in chain.extras if state.blocks[i].kind == "journal" for pair in state.blocks[i].data["fields"])
        for index in chain.blocks + closing + opening + chain.extras + chain.editorial + (unit.blocks if unit else []):
            state.claimed.add(index)
        editor_note = _editorial(state, chain, "editor_note")
        author_bio = _editorial(state, chain, "author_bio")
        state.articles.append(
            Article(
                id=_article_id(state.source, display, author, taken_ids),
                file=state.source.name,
                title=title,
                display_title=display,
                title_inferred=title is None,
                subtitle=unit.subtitle if unit else None,
                kicker=unit.kicker if unit else None,
                author=author,
                affiliation=affiliation,
                role=role,
                partial=chain.partial,
                abstract=abstract,
                author_keywords=tuple(keywords),
                lines=_merge_spans(spans, state.source),
                joins=tuple(joins),
                paragraphs=tuple(paragraphs),
                notes=tuple(notes),
                authors=authors,
                author_roles=roles,
                editor_note="\n\n".join(editor_note) or None,
                author_bio="\n\n".join(author_bio) or None,
                footnotes=tuple(_editorial(state, chain, "footnotes")),
                references=tuple(_editorial(state, chain, "references")),
                continued_on=continued_on,
                continued_from=continued_from,
                journal=journal,
                metadata=article_metadata(state, chain, unit),
                editors=article_editors(state, chain),
            )
        )


def _affiliation(state: PageState, chain: Chain, unit: Optional[TitleUnit]) -> tuple[Optional[str], Optional[str]]:
    for index in chain.affiliations:
        data = state.blocks[index].data
        if data.get("unit"):
            return data["unit"], data.get("role")
    if unit and unit.unit:
        return unit.unit, None
    for index in chain.bylines:
        if state.blocks[index].data.get("unit"):
            return state.blocks[index].data["unit"], None
    first = state.blocks[chain.blocks[0]].data  # a brief item that names its unit in brackets at its end
    if first.get("unit"):
        return first["unit"], None
    return None, None


LEFTOVER_KINDS = {
    "notice": None,
    "affiliation": "stray_affiliation",
    "title": "orphan_title",
    "subtitle": "orphan_title",
    "kicker": "orphan_title",
    "byline": "orphan_byline",
    "closing_byline": "orphan_byline",
    "caption": "caption",
    "jump": "jump_line",
    "credit": "source_line",
}
STANDS_ALONE = ("notice", "furniture", "caption", "editorial", "jump", "credit")
"""Leftovers of these kinds are never merged with their neighbours."""


def emit_leftovers(state: PageState) -> None:
    """Whatever no article claimed is kept verbatim as a leftover, with its kind."""
    pending: list[int] = []

    def flush() -> None:
        if not pending:
            return
        first = state.blocks[pending[0]]
        kind = (
            first.data.get("notice_kind") or first.data.get("furniture") or (first.data.get("field") if first.kind == "editorial" else None)
            or LEFTOVER_KINDS.get(first.kind) or "fragment"
        )
        spans = [state.blocks[i].span for i in pending]
        text = "\n".join(_verbatim(state.source, span) for span in spans)
        state.leftovers.append(Leftover(kind, state.source.name, text, _merge_spans(spans, state.source)))
        pending.clear()

    for index, block in enumerate(state.blocks):
        if index in state.claimed:
            flush()
            continue
        if pending and (block.kind in STANDS_ALONE or state.blocks[pending[-1]].kind in STANDS_ALONE) and not (
            _is_chrome(block) and _is_chrome(state.blocks[pending[-1]])
        ):
            flush()
        pending.append(index)
    flush()


def _is_chrome(block: Block) -> bool:
    """WeChat's interface lines: those printed one after another are one leftover."""
    return block.data.get("furniture") == "wechat_chrome"


def _verbatim(source: SourceFile, span: Span) -> str:
    return "\n".join(line.strip() for line in source.lines[span[0] - 1 : span[1]] if line.strip())


def page_note(state: PageState) -> PageNote:
    return PageNote(state.source.name, state.placement, tuple(state.evidence), tuple(state.warnings), page_meta(state))


def page_meta(state: PageState) -> PageMeta:
    """What the page's furniture prints: the first masthead, dateline and column, every staff line."""
    found: dict[str, object] = {}
    editors: list[tuple[str, str]] = []
    for block in state.blocks:
        if block.kind != "furniture":
            continue
        meta = block.data.get("meta", {})
        for key in ("newspaper", "publisher", "date", "weekday", "edition", "issue", "column"):
            if meta.get(key) and key not in found:
                found[key] = meta[key]
        editors.extend((label, name) for label, name in meta.get("editors", {}).items())
    return PageMeta(editors=tuple(editors), **found)  # type: ignore[arg-type]
