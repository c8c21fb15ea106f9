"""Article text to HTML: markdown-it-py, one paragraph at a time, with theme terms marked.

The sources are Chinese prose that the parser has already cut into paragraphs and
headings. Each paragraph is rendered with markdown's *inline* rules only (emphasis,
code spans, links), so a paragraph that happens to start with ``1.``, ``#``, ``>``
or ``-`` reads as printed instead of turning into a list, heading or quote.

Safety: raw HTML is off (``<script>`` stays text), images are off (nothing is
fetched from the network), entities are left as printed, and links survive only
with an ``http``, ``https`` or ``mailto`` scheme; anything else stays literal text.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markupsafe import Markup, escape

from ..models.parsed import Paragraph

SAFE_SCHEMES = ("http:", "https:", "mailto:")
_CONTROL_AND_SPACE = re.compile(r"[\x00-\x20\x7f]+")


def is_safe_link(url: str) -> bool:
    """Only absolute ``http``, ``https`` and ``mailto`` links (no ``javascript:``, ``data:``, relative paths)."""
    compact = _CONTROL_AND_SPACE.sub("", url).lower()
    return compact.startswith(SAFE_SCHEMES)


def terms_pattern(terms: Iterable[str]) -> re.Pattern[str] | None:
    """One regex matching a run of ``terms``, longest first so 党建融合 wins over 党建
    (adjacent terms such as 党建引领 + 基层治理 are marked as one run)."""
    unique = sorted({t for t in terms if t}, key=lambda t: (-len(t), t))
    if not unique:
        return None
    return re.compile("(?:" + "|".join(re.escape(t) for t in unique) + ")+")


TERM_TAG = "b"
"""Theme terms in article bodies are ``<b>``: keywords drawn attention to (HTML's own example),
styled as a highlight; ``<mark>`` is kept for the matched term of an evidence excerpt."""


def _mark_tokens(text_token: Token, pattern: re.Pattern[str], tag: str = TERM_TAG) -> list[Token]:
    """Split one text token into text and ``<tag>`` tokens around the pattern's matches."""
    out: list[Token] = []
    position = 0
    for match in pattern.finditer(text_token.content):
        if match.start() > position:
            out.append(_text(text_token.content[position : match.start()], text_token.level))
        opening = Token("term_open", tag, 1, level=text_token.level)
        out.extend([opening, _text(match.group(), text_token.level + 1), Token("term_close", tag, -1, level=text_token.level)])
        position = match.end()
    if not out:
        return [text_token]
    if position < len(text_token.content):
        out.append(_text(text_token.content[position:], text_token.level))
    return out


def _text(content: str, level: int) -> Token:
    token = Token("text", "", 0, level=level)
    token.content = content
    return token


def _mark_terms_rule(state: StateCore) -> None:
    """Core rule: wrap the terms in ``env["terms"]`` in ``<b>``, outside links and code only."""
    pattern = state.env.get("terms") if isinstance(state.env, dict) else None
    if pattern is None:
        return
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children: list[Token] = []
        in_link = 0
        for child in block.children:
            if child.type == "link_open":
                in_link += 1
            elif child.type == "link_close":
                in_link -= 1
            if child.type == "text" and not in_link:
                children.extend(_mark_tokens(child, pattern))
            else:
                children.append(child)
        block.children = children


def make_markdown() -> MarkdownIt:
    """A CommonMark parser for untrusted prose: no raw HTML, no images, no entities, safe links only."""
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable(["image", "entity", "html_inline", "html_block"])
    md.validateLink = is_safe_link  # type: ignore[method-assign]
    md.core.ruler.push("mark_terms", _mark_terms_rule)
    md.add_render_rule("link_open", _render_link_open)
    return md


def _render_link_open(self, tokens, idx, options, env) -> str:
    """Outbound links carry no referrer and no opener."""
    tokens[idx].attrSet("rel", "noopener noreferrer")
    return self.renderToken(tokens, idx, options, env)


_INLINE_SYNTAX = re.compile(r"[\\`*_\[\]<>!&~\n\r]|^\s|\s$")
"""Characters that can start inline markdown (or that markdown-it treats specially at the edges).
Prose without any of them renders to itself, escaped, so it can skip the parser."""


def _plain_inline(text: str, pattern: re.Pattern[str] | None) -> str:
    """What markdown-it renders for text free of inline syntax: the text with ``"`` escaped (its
    only special character left) and the terms wrapped in ``<b>``, exactly as :func:`_mark_terms_rule`."""
    if pattern is None:
        return text.replace('"', "&quot;")
    parts, position = [], 0
    for match in pattern.finditer(text):
        parts += [text[position : match.start()].replace('"', "&quot;"), f"<{TERM_TAG}>", match.group().replace('"', "&quot;"), f"</{TERM_TAG}>"]
        position = match.end()
    parts.append(text[position:].replace('"', "&quot;"))
    return "".join(parts)


_ROLL_ENTRY = re.compile(r"[^\s，。；：、！？,;:!?“”]{2,30}")
"""One entry of a roll list: a name or a unit, no sentence punctuation."""


def is_roll(text: str) -> bool:
    """A roll list (the people or units a 决定 commends): three or more entries read apart by single
    spaces, each a name without sentence punctuation. Shown so that no name breaks at a line end."""
    entries = text.split(" ")
    return len(entries) >= 3 and all(_ROLL_ENTRY.fullmatch(entry) for entry in entries)


class BodyRenderer:
    """Renders article paragraphs deliberately, paragraph by paragraph."""

    def __init__(self, md: MarkdownIt | None = None) -> None:
        self.md = md or make_markdown()

    def inline(self, text: str, pattern: re.Pattern[str] | None = None) -> Markup:
        """One paragraph's text as inline HTML (markdown inline syntax only).

        A paragraph with no character that could start inline syntax (most printed prose) gives
        the same HTML without running the parser; a test holds the two paths equal."""
        if not _INLINE_SYNTAX.search(text):
            return Markup(_plain_inline(text, pattern))
        return self.parsed_inline(text, pattern)

    def parsed_inline(self, text: str, pattern: re.Pattern[str] | None = None) -> Markup:
        tokens = self.md.parseInline(text, {"terms": pattern})
        return Markup(self.md.renderer.render(tokens, self.md.options, {}))

    def table(self, text: str, pattern: re.Pattern[str] | None = None) -> str:
        """A table paragraph (rows on lines, cells between tabs) as an HTML table, its cells inline."""
        rows = "".join(
            "<tr>" + "".join(f"<td>{self.inline(cell, pattern)}</td>" for cell in row) + "</tr>" for row in _table_rows(text)
        )
        return f'<div class="table-wrap" tabindex="0" role="group" aria-label="表格"><table class="data body-table"><tbody>{rows}</tbody></table></div>'

    def paragraphs(self, paragraphs: Sequence[Paragraph], terms: Iterable[str] = (), heading_level: int = 4) -> Markup:
        """The article body: ``<p>`` per text paragraph (``<p class="names">`` for a roll list),
        ``<h{level}>`` per heading, a stanza's lines between ``<br>``, terms in ``<b>``."""
        pattern = terms_pattern(terms)
        parts = []
        for paragraph in paragraphs:
            html = self.inline(paragraph.text, pattern)
            if paragraph.kind == "heading":
                parts.append(f"<h{heading_level}>{html}</h{heading_level}>")
            elif paragraph.kind == "table":
                parts.append(self.table(paragraph.text, pattern))
            elif paragraph.kind == "verse":  # a stanza: each line of the poem on its own
                parts.append('<p class="verse">' + "<br>".join(self.inline(line, pattern) for line in paragraph.text.split("\n")) + "</p>")
            elif is_roll(paragraph.text):
                parts.append(f'<p class="names">{html}</p>')
            else:
                parts.append(f"<p>{html}</p>")
        return Markup("\n".join(parts))


def _table_rows(text: str) -> list[list[str]]:
    return [row.split("\t") for row in text.split("\n")]


def body_terms(hits) -> list[str]:
    """The terms to mark in an article's body: the matched terms of its primary theme (the
    strongest, first of ``hits``); marking every treated theme's terms made the text hard to read."""
    return [term for term, _ in hits[0].terms] if hits else []


KWIC_WIDTH = 48
"""Characters of context kept on each side of a marked term."""

ELLIPSIS = "…"


def mark_span(text: str, start: int, end: int, width: int | None = KWIC_WIDTH) -> Markup:
    """Keyword in context: ``text`` escaped, ``text[start:end]`` in ``<mark>``, at most ``width``
    characters kept on either side (cut with an ellipsis); no mark when the span is out of range."""
    if not (0 <= start < end <= len(text)):
        return escape(_clip(text, 2 * width if width else None))
    left, right = text[:start], text[end:]
    if width is not None:
        left = ELLIPSIS + left[-width:] if len(left) > width else left
        right = right[:width] + ELLIPSIS if len(right) > width else right
    return Markup(f"{escape(left)}<mark>{escape(text[start:end])}</mark>{escape(right)}")


def _clip(text: str, width: int | None) -> str:
    if width is None or len(text) <= width:
        return text
    return text[:width] + ELLIPSIS


def mark_first(text: str, needle: str, width: int | None = KWIC_WIDTH) -> Markup:
    """Keyword in context around the first occurrence of ``needle`` (see :func:`mark_span`)."""
    text = text.strip()
    index = text.find(needle) if needle else -1
    if index < 0:
        return escape(_clip(text, 2 * width if width else None))
    return mark_span(text, index, index + len(needle), width)
