"""What a page prints besides its articles: the vocabulary of ``data/layout.toml`` (user-editable).

The layout rules (mastheads, datelines, bylines, captions, jump lines, editorial blocks,
notices) take their words from one :class:`Layout`; nothing of that vocabulary is in code.
WeChat's own words (``chrome``, ``end_marks``) are the ``[wechat]`` table of ``data/sources.toml``,
which the WeChat ``.html`` reader reads too: one list for the saved page and the pasted text.
:mod:`.layout_file` reads and checks the files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Callable, Optional

LAYOUT_FILE = "layout.toml"


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of plain words, longest first (so 本报记者 wins over 记者)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


ISSUE_NUMBER = "{n}"
"""What stands for the number in a form of ``[dateline] issues`` (``第{n}期``)."""


def issue_alternation(forms: tuple[str, ...]) -> str:
    """A regex alternation of the issue's printed forms, longest first, each ``{n}`` a number of 1
    to 6 digits (``第{n}期`` matches ``第45期``)."""
    return "|".join(re.escape(form).replace(re.escape(ISSUE_NUMBER), r"\d{1,6}")
                    for form in sorted(set(forms), key=lambda f: (-len(f), f)))


def issue_with_total(layout: "Layout") -> str:
    """The issue as a 报头 or a bulletin prints it, its first form named ``issue``, optionally with
    another in brackets after it (``第45期（总第2478期）``)."""
    forms = layout.pattern("issues")
    return rf"(?P<issue>{forms})(?:[（(](?:{forms})[）)])?"


@dataclass(frozen=True)
class NoticeKind:
    kind: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class Layout:
    """The layout vocabulary; each field is one list of ``layout.toml``."""

    masthead_endings: tuple[str, ...]
    masthead_names: tuple[str, ...]
    masthead_max: int
    weekdays: tuple[str, ...]
    page_counts: tuple[str, ...]
    column_names: tuple[str, ...]
    column_endings: tuple[str, ...]
    editor_labels: tuple[str, ...]
    imprint_labels: tuple[str, ...]
    contents_headings: tuple[str, ...]
    byline_roles: tuple[tuple[str, str], ...]
    byline_labels: tuple[str, ...]
    news_openers: tuple[str, ...]
    caption_markers: tuple[str, ...]
    credit_endings: tuple[str, ...]
    continued_on: tuple[str, ...]
    continued_from: tuple[str, ...]
    editor_note: tuple[str, ...]
    author_bio: tuple[str, ...]
    footnotes: tuple[str, ...]
    references: tuple[str, ...]
    journal_labels: tuple[str, ...]
    notice_endings: tuple[str, ...]
    notice_kinds: tuple[NoticeKind, ...]
    notice_closers: tuple[str, ...]
    slogan_words: tuple[str, ...]
    source_labels: tuple[str, ...] = ()
    publisher_endings: tuple[str, ...] = ()
    """How the 报头 line naming the paper's publisher ends (``[masthead] publisher_endings``: 主办)."""
    publisher_labels: tuple[str, ...] = ()
    """Labels of the 报头 line naming the paper's publisher before it (``[masthead] publisher_labels``: 主办单位：)."""
    title_run_on_openers: tuple[str, ...] = ()
    """Words a title opens with that run on into its next line (``[titles] run_on_openers``)."""
    notice_title_openers: tuple[str, ...] = ()
    """Words a long notice title opens with (``[notices] title_openers``: 关于…的公示)."""
    not_credit_openers: tuple[str, ...] = ()
    """What brackets ending a brief item open with when they hold a reference or a note, not the
    item's writer (``[news] not_credit_openers``: 见附表, 下转第2版)."""
    rule_characters: tuple[str, ...] = ()
    """What a printed rule (``━━━━``, ``════``) is drawn with (``[boxes] rules``)."""
    box_labels: tuple[tuple[str, str], ...] = ()
    """(label, leftover kind) of the boxes ruled above and below (``[boxes.labels]``: 广告 = advert)."""
    photo_labels: tuple[str, ...] = ()
    """Labels of a photographer's credit after a byline's names (``[bylines] photo_labels``: 图/刘洋)."""
    editor_prefixes: tuple[str, ...] = ()
    """Words a staff label may open with (``[editors] prefixes``: 本版责任编辑)."""
    anonymous_bylines: tuple[str, ...] = ()
    """Role words printed alone in place of a name (``[bylines] anonymous``: 本报评论员)."""
    editor_reply: tuple[str, ...] = ()
    """Labels of an editor's note printed after its article (``[editorial] editor_reply``: 编者回复)."""
    place_endings: tuple[str, ...] = ()
    """How a place's name ends, where a letter's writer signs it from (``[bylines] place_endings``)."""
    speaker_offices: tuple[str, ...] = ()
    """Offices printed before a speech's speaker's name (``[bylines] offices``: 党委书记, 董事长)."""
    salutations: tuple[str, ...] = ()
    """Words a letter's salutation line opens with (``[editorial] salutations``: 编辑同志：)."""
    editor_remarks: tuple[str, ...] = ()
    """Words of the editors' bracketed remark under an article (``[editorial] remarks``: 根据录音整理)."""
    report_endings: tuple[str, ...] = ()
    """Words a closing credit line prints after the writer (``[bylines] report_endings``: 报道)."""
    writer_descriptions: tuple[str, ...] = ()
    """Words a letter's writer signs with beside her name (``[bylines] writer_descriptions``: 职工)."""
    writer_trades: tuple[str, ...] = ()
    """How a trade ends that a letter's writer signs with (``[bylines] writer_trade_endings``: 钢筋工)."""
    quiz_sections: tuple[str, ...] = ()
    """A quiz box's section labels (``[quiz] sections``: 单选题, 判断题)."""
    quiz_answer_labels: tuple[str, ...] = ()
    """Labels of a quiz's answer line (``[quiz] answer_labels``: 参考答案)."""
    issuer_endings: tuple[str, ...] = ()
    """How an organisation's name ends that signs a document over its date (``[bylines] issuer_endings``: 委员会)."""
    numbered_heading_labels: tuple[str, ...] = ()
    """Labels a numbered heading opens with (``[headings] numbered_labels``: 案例一：…)."""
    list_count_units: tuple[str, ...] = ()
    """What a list label's bracketed count counts (``[lists] count_units``: 先进基层党组织（10个）)."""
    issue_forms: tuple[str, ...] = ()
    """How the issue's number is printed, ``{n}`` for the number (``[dateline] issues``: 第{n}期)."""
    compiler_endings: tuple[str, ...] = ()
    """How a bulletin's compiler line ends before its date (``[dateline] compiler_endings``: 编)."""
    distribution_labels: tuple[str, ...] = ()
    """Labels of a bulletin's distribution lines (``[imprint] distribution_labels``: 报, 送, 发)."""
    print_runs: tuple[str, ...] = ()
    """Words of a bulletin's print-run line (``[imprint] print_runs``: 共印)."""
    unit_credit_words: tuple[str, ...] = ()
    """Words a unit's bracketed credit prints beside the unit (``[bylines] supplied_by``: 供稿)."""
    provided_items: tuple[str, ...] = ()
    """What a credit says a unit provided, before 由 and the unit (``[bylines] provided_items``: 本版稿件)."""
    provided_verbs: tuple[str, ...] = ()
    """The verb after the unit in such a credit (``[bylines] provided_verbs``: 提供)."""
    artwork_labels: tuple[str, ...] = ()
    """Labels of a work printed on a 副刊 page credited on a line of its own (``[captions]
    artwork_labels``: 书法作品　　赵　刚)."""
    artwork_endings: tuple[str, ...] = ()
    """Words after the artist's name on such a line (``[captions] artwork_endings``: 作, 摄)."""
    verse_title_markers: tuple[str, ...] = ()
    """Ornaments a poem's small title opens with inside a group of poems (``[verse] title_markers``: ◎晨)."""
    book_author_marks: tuple[str, ...] = ()
    """Words after the author's name on a review's book line (``[editorial] book_author_marks``: 李明著)."""
    book_publishers: tuple[str, ...] = ()
    """How a publisher's name ends on a review's book line (``[editorial] book_publishers``: 人民出版社)."""
    wechat_chrome: tuple[str, ...] = ()
    """WeChat's interface words (``sources.toml`` ``[wechat] chrome``)."""
    wechat_end_marks: tuple[str, ...] = ()
    """What opens WeChat's list of the account's other articles (``[wechat] end_marks``)."""
    path: str = LAYOUT_FILE

    def role_of(self, word: str) -> Optional[str]:
        return self._roles.get(word)

    def __getstate__(self) -> dict[str, Any]:
        """Pickled (for a spawned worker) without what is derived from the vocabulary: the rule
        dispatch it caches holds lambdas, and everything derived is made again on demand."""
        return {k: v for k, v in self.__dict__.items() if k not in ("_derived", "_alternations", "_roles")}

    @cached_property
    def _roles(self) -> dict[str, str]:
        return dict(self.byline_roles)

    def pattern(self, name: str) -> str:
        """The alternation of one word list."""
        return self._alternations[name]

    def regex(self, key: str, build: Callable[["Layout"], str]) -> re.Pattern[str]:
        """The pattern ``build`` makes from this vocabulary, compiled once per layout under ``key``."""
        return self.derived(key, lambda layout: re.compile(build(layout)))

    def derived(self, key: Any, build: Callable[["Layout"], Any]) -> Any:
        """What ``build`` makes of this vocabulary, made once per layout under ``key``."""
        made = self._derived.get(key)
        if made is None:
            made = self._derived[key] = build(self)
        return made

    @cached_property
    def _derived(self) -> dict[Any, Any]:
        return {}

    @cached_property
    def _alternations(self) -> dict[str, str]:
        return _patterns(self)


NEVER = "(?!)"
"""A pattern that matches nothing: what an empty optional word list gives."""

OPTIONAL_PATTERNS = {
    "photo_labels": "photo_labels", "editor_prefixes": "editor_prefixes", "editor_reply": "editor_reply",
    "place_endings": "place_endings", "offices": "speaker_offices", "remarks": "editor_remarks",
    "report_endings": "report_endings", "quiz_sections": "quiz_sections", "quiz_answers": "quiz_answer_labels",
    "issuer_endings": "issuer_endings", "numbered_labels": "numbered_heading_labels", "count_units": "list_count_units",
    "compilers": "compiler_endings", "distribution": "distribution_labels", "print_runs": "print_runs",
    "supplied_by": "unit_credit_words", "provided_items": "provided_items", "provided_verbs": "provided_verbs",
    "artwork_labels": "artwork_labels", "artwork_endings": "artwork_endings",
    "book_author_marks": "book_author_marks", "book_publishers": "book_publishers",
    "publisher_labels": "publisher_labels",
}
"""Patterns of word lists a layout file may leave out, by name: the :class:`Layout` field each
alternates (:data:`NEVER` when the list is empty)."""


def _patterns(layout: Layout) -> dict[str, str]:
    patterns = {
        "roles": alternation(tuple(word for word, _ in layout.byline_roles)),
        "labels": alternation(layout.byline_labels),
        "editors": alternation(layout.editor_labels),
        "imprint": alternation(layout.imprint_labels),
        "weekdays": alternation(layout.weekdays),
        "page_counts": alternation(layout.page_counts),
        "news": alternation(layout.news_openers),
        "captions": alternation(layout.caption_markers),
        "credits": alternation(layout.credit_endings),
        "jump_on": alternation(layout.continued_on),
        "jump_from": alternation(layout.continued_from),
        "editor_note": alternation(layout.editor_note),
        "author_bio": alternation(layout.author_bio),
        "footnotes": alternation(layout.footnotes),
        "references": alternation(layout.references),
        "journal": alternation(layout.journal_labels),
        "notice_endings": alternation(layout.notice_endings),
        "notice_closers": alternation(layout.notice_closers),
        "source_labels": alternation(layout.source_labels),
    }
    patterns["issues"] = issue_alternation(layout.issue_forms) or NEVER
    patterns.update({name: alternation(getattr(layout, field)) or NEVER for name, field in OPTIONAL_PATTERNS.items()})
    return patterns
