"""Block rules: each recognises one printed pattern at the cursor and records a block.

They run in order, like markdown-it-py's block rules: the first rule that matches at the
current line consumes its lines and the loop moves on. A rule with a ``starts`` test also
ends a running hard-wrapped paragraph where its pattern begins (see :class:`.base.BlockRule`).
"""

from __future__ import annotations

from ..state import Block, BlockState
from . import (
    abstract,
    affiliation,
    artwork_credit,
    blank_line,
    book_reference,
    bracket_heading,
    bracket_title,
    brief_item,
    bulletin_dateline,
    caption,
    column_name,
    contents,
    dash_subtitle,
    drawn_box,
    dateline,
    distribution_list,
    editor_credit,
    editor_remark,
    editorial,
    editors_line,
    headings,
    imprint,
    issuer_signature,
    journal_affiliation,
    journal_meta,
    jump_line,
    keywords,
    markdown_heading,
    marker_byline,
    marker_heading,
    masthead,
    masthead_over_dateline,
    news_brief,
    notice,
    numbered_heading,
    page_number,
    paired_heading,
    paragraph,
    plain_byline,
    publisher_line,
    quiz_answer,
    quiz_option,
    quiz_section,
    reporter_byline,
    roll_list,
    rule_line,
    ruled_box,
    run_in_heading,
    salutation,
    running_head,
    signature,
    slash_byline,
    source_line,
    spaced_table,
    speaker_byline,
    table,
    table_caption,
    teaser,
    unit_byline,
    unit_credit,
    unit_line,
    unruled_box,
    verse,
    verse_title,
    wechat_chrome,
    wechat_meta,
)
from .base import BlockRule
from .dispatch import Dispatch

BLOCK_RULES: tuple[BlockRule, ...] = (
    blank_line.RULE,
    running_head.RULE,
    markdown_heading.RULE,
    bracket_title.RULE,
    masthead.RULE,
    publisher_line.RULE,
    masthead_over_dateline.RULE,
    ruled_box.RULE,
    drawn_box.RULE,
    unruled_box.RULE,
    rule_line.RULE,
    jump_line.RULE,
    wechat_chrome.CHROME,
    wechat_chrome.RECOMMENDATIONS,
    wechat_meta.RULE,
    dateline.RULE,
    bulletin_dateline.RULE,
    editors_line.RULE,
    editor_credit.RULE,
    source_line.RULE,
    contents.RULE,
    teaser.RULE,
    page_number.RULE,
    column_name.RULE,
    signature.RULE,
    salutation.RULE,
    issuer_signature.RULE,
    dash_subtitle.RULE,
    affiliation.RULE,
    journal_affiliation.RULE,
    unit_line.RULE,
    table.RULE,
    table_caption.RULE,
    spaced_table.RULE,
    editorial.EDITOR_NOTE,
    editorial.EDITOR_REPLY,
    editorial.AUTHOR_BIO,
    editorial.FOOTNOTES,
    editorial.REFERENCES,
    book_reference.RULE,
    editor_remark.RULE,
    unit_credit.RULE,
    caption.RULE,
    caption.CREDIT,
    caption.CREDITED,
    artwork_credit.RULE,
    verse_title.RULE,
    marker_heading.RULE,
    marker_byline.RULE,
    slash_byline.RULE,
    reporter_byline.RULE,
    speaker_byline.RULE,
    unit_byline.RULE,
    plain_byline.RULE,
    abstract.RULE,
    keywords.RULE,
    journal_meta.RULE,
    news_brief.RULE,
    brief_item.RULE,
    notice.RULE,
    notice.SLOGAN,
    notice.CONTACT_ADVERT,
    imprint.RULE,
    distribution_list.RULE,
    bracket_heading.RULE,
    paired_heading.RULE,
    numbered_heading.RULE,
    roll_list.RULE,
    quiz_section.RULE,
    quiz_option.RULE,
    quiz_answer.RULE,
    run_in_heading.RULE,
    headings.CONTINUATION,
    headings.ENUMERATED,
    headings.SHORT_ENUMERATED,
    verse.RULE,
    paragraph.RULE,
)


def tokenize_blocks(state: BlockState, rules: tuple[BlockRule, ...] = BLOCK_RULES, use_hints: bool = True) -> list[Block]:
    """Run the block rules over the page until every line is consumed.

    Each line is shown only the rules that can begin with its first character (their ``first``);
    ``use_hints=False`` shows every rule every line: the same blocks (a test holds them equal).
    """
    key = "dispatch:" + ",".join(rule.name for rule in rules) + (":hinted" if use_hints else ":plain")
    dispatch = state.layout.derived(key, lambda layout: Dispatch(rules, layout, everything=not use_hints))
    state.openers = dispatch
    while not state.at_end():
        for run in dispatch.runs(state.line):
            if run(state):
                break
        else:  # pragma: no cover - paragraph() always matches
            raise AssertionError("no block rule matched")
    return state.blocks


__all__ = ["BLOCK_RULES", "BlockRule", "tokenize_blocks"]
