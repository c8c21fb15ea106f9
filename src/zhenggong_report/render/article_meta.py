"""What the page says about an article besides its text: its page's date and 版次 (for sorting and
filtering), its lines, its theme reasons in short and the small JSON record a reader can copy or save.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Optional, Sequence

@dataclass(frozen=True)
class PageInfo:
    """What the table and the JSON record need of a page's printed metadata (the parser's
    ``PageMeta``): its date and 版次, and the printed fields."""

    date: Optional[str] = None
    edition: Optional[str] = None
    fields: tuple[tuple[str, Any], ...] = ()

    @property
    def sort_key(self) -> str:
        """Date, then 版次, as one sortable string ("" when undated)."""
        if not self.date:
            return ""
        digits = "".join(c for c in str(self.edition or "") if c.isdigit())
        return f"{self.date}|{digits.zfill(4)}|{self.edition or ''}"


def page_info(note: Any) -> PageInfo:
    """The date, 版次 and printed fields of a page note's metadata (none when it has no ``meta``)."""
    meta = getattr(note, "meta", None)
    if meta is None:
        return PageInfo()
    fields = meta.fields() if hasattr(meta, "fields") else {}
    return PageInfo(getattr(meta, "date", None), getattr(meta, "edition", None), tuple(fields.items()))


def line_ranges(lines: Sequence[Sequence[int]]) -> str:
    """``第3–20、25行`` for the article's source lines."""
    spans = "、".join(f"{a}–{b}" if a != b else str(a) for a, b in lines)
    return f"第{spans}行"


def article_record_json(article: Any, hits: Sequence[Any], primary: Optional[str], meta: PageInfo) -> str:
    """What the article's record holds beyond its printed text: the page's script adds the title,
    subtitle, author, unit, role and body from the article as shown (they are not repeated here)."""
    record = {
        "id": article.id,
        "title_inferred": article.title_inferred,
        "source": {"file": article.file, "lines": [list(span) for span in article.lines]},
        "primary_theme": primary,
        "themes": [{"id": h.theme.id, "score": h.score} for h in hits],
    }
    if meta.fields:
        record["page"] = dict(meta.fields)
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


REASON_GROUPS = ("第", "段")


def compact_reasons(reasons: Sequence[str]) -> tuple[str, ...]:
    """``第1段小标题；第4段小标题`` read as ``第1、4段小标题``: reasons that differ only in the
    paragraph number are listed once (their weights, if any, dropped), each paragraph once (two
    points opening in one paragraph are 第9段, not 第9、9段)."""
    groups: dict[str, list[str]] = {}
    order: list[str] = []
    for reason in reasons:
        if reason.startswith("第") and "段" in reason:
            number, rest = reason[1:].split("段", 1)
            kind = rest.split("（", 1)[0]
            key = f"段{kind}"
            if key not in groups:
                groups[key] = []
                order.append(key)
            if number not in groups[key]:
                groups[key].append(number)
        else:
            order.append(reason)
    return tuple(f"第{'、'.join(groups[k])}{k}" if k in groups else k for k in order)
