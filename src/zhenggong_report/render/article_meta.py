"""What the page says about an article besides its text: where it was printed, its sort keys and
the small JSON record a reader can copy or save.

Page metadata (newspaper, date, 版次, 栏目) is shown when the parser provides it on the page's
note; a page without it shows the file and lines only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Optional, Sequence

PAGE_FIELDS = {
    "newspaper": ("newspaper", "paper"),
    "date": ("date", "issue_date"),
    "edition": ("edition", "page_number", "banci"),
    "column": ("column", "section"),
}
"""The page note's attribute names for each piece of page metadata (first present wins)."""


@dataclass(frozen=True)
class PageMeta:
    newspaper: Optional[str] = None
    date: Optional[str] = None
    edition: Optional[str] = None
    column: Optional[str] = None

    @property
    def parts(self) -> tuple[str, ...]:
        """The pieces of the source line before the file: 《报名》, date, 第N版, 栏目."""
        parts = []
        if self.newspaper:
            parts.append(f"《{self.newspaper.strip('《》')}》")
        if self.date:
            parts.append(self.date)
        if self.edition:
            edition = str(self.edition)
            parts.append(edition if "版" in edition else f"第{edition}版")
        if self.column:
            parts.append(f"栏目：{self.column}")
        return tuple(parts)

    @property
    def sort_key(self) -> str:
        """Date, then 版次, as one sortable string ("" when unknown)."""
        if not self.date:
            return ""
        return f"{self.date}|{str(self.edition or '').zfill(4)}"


def page_meta(note: Any) -> PageMeta:
    """The page metadata a page note carries, by whichever of the known names it uses."""
    if note is None:
        return PageMeta()
    found = {}
    for field, names in PAGE_FIELDS.items():
        value = next((getattr(note, n) for n in names if getattr(note, n, None)), None)
        found[field] = str(value) if value is not None else None
    return PageMeta(**found)


def line_ranges(lines: Sequence[Sequence[int]]) -> str:
    """``第3–20、25行`` for the article's source lines."""
    spans = "、".join(f"{a}–{b}" if a != b else str(a) for a, b in lines)
    return f"第{spans}行"


def article_record_json(article: Any, hits: Sequence[Any], primary: Optional[str], meta: PageMeta) -> str:
    """What the article's record holds beyond its printed text: the page's script adds the title,
    subtitle, author, unit, role and body from the article as shown (they are not repeated here)."""
    record = {
        "id": article.id,
        "title_inferred": article.title_inferred,
        "source": {"file": article.file, "lines": [list(span) for span in article.lines]},
        "page": {k: v for k, v in vars(meta).items() if v},
        "primary_theme": primary,
        "themes": [{"id": h.theme.id, "score": h.score} for h in hits],
    }
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


REASON_GROUPS = ("第", "段")


def compact_reasons(reasons: Sequence[str]) -> tuple[str, ...]:
    """``第1段小标题；第4段小标题`` read as ``第1、4段小标题``: reasons that differ only in the
    paragraph number are listed once (their weights, if any, dropped)."""
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
            groups[key].append(number)
        else:
            order.append(reason)
    return tuple(f"第{'、'.join(groups[k])}{k}" if k in groups else k for k in order)
