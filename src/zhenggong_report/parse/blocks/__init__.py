"""Block rules: each recognises one printed pattern at the cursor and records a block.

They run in order, like markdown-it-py's block rules: the first rule that matches at the
current line consumes its lines and the loop moves on. A rule with a ``starts`` test also
ends a running hard-wrapped paragraph where its pattern begins (see :class:`.base.BlockRule`).
"""

from __future__ import annotations

from ..layout import Layout
from typing import Callable, Optional

from ..state import Block, BlockState, Line, Openers
from . import (
    abstract,
    affiliation,
    blank_line,
    caption,
    column_name,
    contents,
    dash_subtitle,
    dateline,
    editorial,
    editors_line,
    headings,
    imprint,
    jump_line,
    keywords,
    markdown_heading,
    marker_byline,
    masthead,
    news_brief,
    notice,
    page_number,
    paragraph,
    plain_byline,
    reporter_byline,
    run_in_heading,
    slash_byline,
    unit_byline,
)
from .base import BlockRule

BLOCK_RULES: tuple[BlockRule, ...] = (
    blank_line.RULE,
    markdown_heading.RULE,
    masthead.RULE,
    jump_line.RULE,
    dateline.RULE,
    editors_line.RULE,
    contents.RULE,
    page_number.RULE,
    column_name.RULE,
    dash_subtitle.RULE,
    affiliation.RULE,
    editorial.EDITOR_NOTE,
    editorial.AUTHOR_BIO,
    editorial.FOOTNOTES,
    editorial.REFERENCES,
    caption.RULE,
    caption.CREDIT,
    marker_byline.RULE,
    slash_byline.RULE,
    reporter_byline.RULE,
    unit_byline.RULE,
    plain_byline.RULE,
    abstract.RULE,
    keywords.RULE,
    news_brief.RULE,
    notice.RULE,
    notice.SLOGAN,
    notice.CONTACT_ADVERT,
    imprint.RULE,
    run_in_heading.RULE,
    headings.CONTINUATION,
    headings.ENUMERATED,
    headings.SHORT_ENUMERATED,
    paragraph.RULE,
)


_NOTHING = "(?!)"


def openers_of(rules: tuple[BlockRule, ...], layout: Layout, use_hints: bool = True) -> Openers:
    """The rules that may end a paragraph, with their hints combined into one regex per form
    (without hints every ``starts`` is asked about every line)."""
    if not use_hints:
        starts = tuple(rule.starts for rule in rules if rule.starts is not None)
        everything = layout.regex("hint:everything", lambda _: "")
        return Openers(always=starts, hinted=(), text_hints=everything, plain_hints=everything)
    def combined(on_plain: bool) -> str:
        hints = [f"(?:{rule.hint(layout)})" for rule in rules if rule.starts and rule.hint and rule.hint_on_plain == on_plain]
        return "|".join(hints) or _NOTHING

    key = "openers:" + ",".join(rule.name for rule in rules)  # hints are matched at the line's start
    return Openers(
        always=tuple(rule.starts for rule in rules if rule.starts is not None and rule.hint is None),
        hinted=tuple(rule.starts for rule in rules if rule.starts is not None and rule.hint is not None),
        text_hints=layout.regex(key + ":text", lambda _: combined(False)),
        plain_hints=layout.regex(key + ":plain", lambda _: combined(True)),
    )


def tokenize_blocks(state: BlockState, rules: tuple[BlockRule, ...] = BLOCK_RULES, use_hints: bool = True) -> list[Block]:
    """Run the block rules over the page until every line is consumed.

    A rule's hint is necessary for its pattern, so a rule whose hint the current line does not
    match is not asked (``use_hints=False`` asks every rule: the same blocks, a test holds them equal).
    """
    state.openers = openers_of(rules, state.layout, use_hints)
    every_hint = _combined_hints(rules, state.layout) if use_hints else None
    hinted = [(rule.run, _hint_test(rule, state.layout) if use_hints else None) for rule in rules]
    unhinted = [(run, None) for run, hint in hinted if hint is None]
    while not state.at_end():
        line = state.line
        candidates = hinted if every_hint is None or every_hint(line) else unhinted
        for run, hint in candidates:
            if hint is not None and not hint(line):
                continue
            if run(state):
                break
        else:  # pragma: no cover - paragraph() always matches
            raise AssertionError("no block rule matched")
    return state.blocks


def _combined_hints(rules: tuple[BlockRule, ...], layout: Layout) -> Callable[[Line], bool]:
    """Does the line match any rule's hint? (When not, only the rules without a hint are asked.)"""
    def combined(on_plain: bool) -> str:
        hints = [f"(?:{rule.hint(layout)})" for rule in rules if rule.hint and rule.hint_on_plain == on_plain]
        return "|".join(hints) or _NOTHING

    key = "hints:" + ",".join(rule.name for rule in rules)
    text, plain = layout.regex(key + ":text", lambda _: combined(False)).match, layout.regex(key + ":plain", lambda _: combined(True)).match
    return lambda line: text(line.text) is not None or plain(line.plain) is not None


def _hint_test(rule: BlockRule, layout: Layout) -> Optional[Callable[[Line], bool]]:
    if rule.hint is None:
        return None
    match = layout.regex(f"hint:{rule.name}", rule.hint).match
    if rule.hint_on_plain:
        return lambda line: match(line.plain) is not None
    return lambda line: match(line.text) is not None


__all__ = ["BLOCK_RULES", "BlockRule", "tokenize_blocks"]
