"""Page rules: turn a page's blocks into articles and leftovers.

Each rule is a small function over a :class:`.model.PageState` with a docstring naming what
it recognises; :data:`PAGE_RULES` runs them in order, like markdown-it-py's core rules run
after its block rules.
"""

from __future__ import annotations

from .attach import attach_affiliations_and_abstracts, attach_closing_bylines, attach_editorial, attach_jumps, attach_titles
from .chains import build_chains
from .credits import attach_credits, mark_wechat_credits
from .continuations import link_continuations
from .model import PageRule, PageState
from .placement import decide_title_placement
from .records import emit_articles, emit_leftovers, page_note
from .titles import (
    group_title_units,
    mark_closing_bylines,
    mark_news_headlines,
    mark_quiz_titles,
    mark_titles_of_closing_bylines,
    mark_titles_above_bylines,
    mark_titles_above_jumps,
    mark_trailing_credits,
    mark_trailing_unit_bylines,
    mark_titles_under_column_bands,
)

PAGE_RULES: tuple[PageRule, ...] = (
    mark_wechat_credits,
    mark_titles_above_bylines,
    mark_news_headlines,
    mark_titles_above_jumps,
    mark_closing_bylines,
    mark_trailing_credits,
    mark_trailing_unit_bylines,
    mark_titles_under_column_bands,
    mark_quiz_titles,
    mark_titles_of_closing_bylines,
    group_title_units,
    link_continuations,
    build_chains,
    decide_title_placement,
    attach_titles,
    attach_jumps,
    attach_closing_bylines,
    attach_affiliations_and_abstracts,
    attach_editorial,
    attach_credits,
)

__all__ = ["PAGE_RULES", "PageState", "emit_articles", "emit_leftovers", "page_note"]
