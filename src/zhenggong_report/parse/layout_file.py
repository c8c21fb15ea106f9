"""The layout vocabulary read from ``layout.toml`` (and the WeChat words of ``sources.toml``),
checked once: a problem names the file and the table."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from ..errors import DataFileError
from ..resources import data_file, read_toml
from ..sources.settings import SETTINGS_FILE, wechat_table, wechat_words
from .layout import ISSUE_NUMBER, LAYOUT_FILE, Layout, NoticeKind


def _words(table: dict[str, Any], key: str, path: str, section: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise DataFileError(path, f"'{key}' must be a list of non-empty strings", section)
    return tuple(value)


def _section(raw: dict[str, Any], name: str, path: str) -> dict[str, Any]:
    value = raw.get(name, {})
    if not isinstance(value, dict):
        raise DataFileError(path, "must be a table", name)
    return value


WORD_LISTS: dict[str, tuple[str, str]] = {
    "masthead_endings": ("masthead", "endings"),
    "masthead_names": ("masthead", "names"),
    "publisher_endings": ("masthead", "publisher_endings"),
    "publisher_labels": ("masthead", "publisher_labels"),
    "weekdays": ("dateline", "weekdays"),
    "page_counts": ("dateline", "page_counts"),
    "column_names": ("columns", "names"),
    "column_endings": ("columns", "endings"),
    "editor_labels": ("editors", "labels"),
    "imprint_labels": ("imprint", "labels"),
    "contents_headings": ("contents", "headings"),
    "byline_labels": ("bylines", "labels"),
    "news_openers": ("news", "openers"),
    "caption_markers": ("captions", "markers"),
    "credit_endings": ("captions", "credit_endings"),
    "continued_on": ("jumps", "continued_on"),
    "continued_from": ("jumps", "continued_from"),
    "editor_note": ("editorial", "editor_note"),
    "editor_reply": ("editorial", "editor_reply"),
    "author_bio": ("editorial", "author_bio"),
    "footnotes": ("editorial", "footnotes"),
    "references": ("editorial", "references"),
    "journal_labels": ("journal", "labels"),
    "notice_endings": ("notices", "endings"),
    "notice_closers": ("notices", "closers"),
    "slogan_words": ("notices", "slogan_words"),
    "source_labels": ("credits", "source_labels"),
    "rule_characters": ("boxes", "rules"),
    "title_run_on_openers": ("titles", "run_on_openers"),
    "notice_title_openers": ("notices", "title_openers"),
    "not_credit_openers": ("news", "not_credit_openers"),
    "photo_labels": ("bylines", "photo_labels"),
    "editor_prefixes": ("editors", "prefixes"),
    "anonymous_bylines": ("bylines", "anonymous"),
    "place_endings": ("bylines", "place_endings"),
    "speaker_offices": ("bylines", "offices"),
    "editor_remarks": ("editorial", "remarks"),
    "salutations": ("editorial", "salutations"),
    "report_endings": ("bylines", "report_endings"),
    "writer_descriptions": ("bylines", "writer_descriptions"),
    "writer_trades": ("bylines", "writer_trade_endings"),
    "quiz_sections": ("quiz", "sections"),
    "quiz_answer_labels": ("quiz", "answer_labels"),
    "issuer_endings": ("bylines", "issuer_endings"),
    "numbered_heading_labels": ("headings", "numbered_labels"),
    "list_count_units": ("lists", "count_units"),
    "issue_forms": ("dateline", "issues"),
    "compiler_endings": ("dateline", "compiler_endings"),
    "distribution_labels": ("imprint", "distribution_labels"),
    "print_runs": ("imprint", "print_runs"),
    "unit_credit_words": ("bylines", "supplied_by"),
    "provided_items": ("bylines", "provided_items"),
    "provided_verbs": ("bylines", "provided_verbs"),
    "artwork_labels": ("captions", "artwork_labels"),
    "artwork_endings": ("captions", "artwork_endings"),
    "verse_title_markers": ("verse", "title_markers"),
    "book_author_marks": ("editorial", "book_author_marks"),
    "book_publishers": ("editorial", "book_publishers"),
}
"""Each plain word list of :class:`Layout`: its field, and the table and key of ``layout.toml`` it comes from."""


def layout_from_toml(raw: dict[str, Any], path: str, wechat: Optional[dict[str, Any]] = None,
                     wechat_path: str = SETTINGS_FILE) -> Layout:
    """Check and build the layout vocabulary; problems name the file and the table. ``wechat`` is
    the ``[wechat]`` table of ``sources.toml`` (at ``wechat_path``), or None for no WeChat words."""
    s = {name: _section(raw, name, path) for name in (
        "masthead", "dateline", "columns", "editors", "imprint", "contents", "bylines", "news",
        "captions", "jumps", "editorial", "journal", "notices", "credits", "boxes", "titles", "quiz",
        "headings", "lists", "verse")}
    roles = s["bylines"].get("roles", {})
    if not isinstance(roles, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in roles.items()):
        raise DataFileError(path, "'roles' must map words to role names", "bylines")
    labels = s["boxes"].get("labels", {})
    if not isinstance(labels, dict) or not all(isinstance(k, str) and k and isinstance(v, str) and v for k, v in labels.items()):
        raise DataFileError(path, "'labels' must map a box's label to a leftover kind", "boxes")
    kinds = []
    for entry in s["notices"].get("kinds", []):
        if not isinstance(entry, dict) or not isinstance(entry.get("kind"), str):
            raise DataFileError(path, "each of 'kinds' needs a 'kind' and its 'words'", "notices")
        kinds.append(NoticeKind(entry["kind"], _words(entry, "words", path, "notices")))
    if any(form.count(ISSUE_NUMBER) != 1 for form in _words(s["dateline"], "issues", path, "dateline")):
        raise DataFileError(path, f"each of 'issues' must hold {ISSUE_NUMBER} once, where the number is printed", "dateline")
    max_length = s["masthead"].get("max_length", 12)
    if not isinstance(max_length, int) or max_length < 2:
        raise DataFileError(path, "'max_length' must be a whole number of at least 2", "masthead")
    return Layout(
        **{field: _words(s[section], key, path, section) for field, (section, key) in WORD_LISTS.items()},
        masthead_max=max_length,
        byline_roles=tuple(sorted(roles.items())),
        box_labels=tuple(sorted(labels.items())),
        notice_kinds=tuple(kinds),
        wechat_chrome=wechat_words(wechat_path, wechat, "chrome") if wechat is not None else (),
        wechat_end_marks=wechat_words(wechat_path, wechat, "end_marks") if wechat is not None else (),
        path=path,
    )


def load_layout(data_dir: Optional[Path] = None) -> Layout:
    """The layout vocabulary from the user's data folder, else the packaged files (``layout.toml``,
    and the WeChat words of ``sources.toml``: each file taken from the folder when it holds one)."""
    return _load(str(data_file(LAYOUT_FILE, data_dir)), str(data_file(SETTINGS_FILE, data_dir)))


@lru_cache(maxsize=8)
def _load(path: str, settings_path: str) -> Layout:
    return layout_from_toml(read_toml(Path(path)), path, wechat_table(settings_path), settings_path)


@lru_cache(maxsize=1)
def default_layout() -> Layout:
    """The packaged layout vocabulary (read once per process)."""
    return load_layout(None)
