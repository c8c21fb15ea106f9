"""What a reader took from a file as fact, for ``data/pages.json`` and the report's source list."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..models.source_files import Box, SourceFacts, Span


def facts_record(facts: SourceFacts) -> dict[str, Any]:
    """The facts as JSON: only what the reader knows (a ``.txt`` page gives an empty record).
    ``places[i]`` is where line ``i + 1`` of the text was printed, so any ``source.lines`` span
    of an article reads as paragraphs (docx, WeChat) or pages, columns and lines (PDF)."""
    record: dict[str, Any] = {}
    if facts.places:
        record["places"] = list(facts.places)
        record["styles"] = list(facts.styles)
    if facts.pages:
        record["pages"] = [list(span) for span in facts.pages]
    if facts.columns:
        record["columns"] = [_box(box) for box in facts.columns]
    if facts.furniture:
        record["furniture"] = [{"page": f.page, "role": f.role, "text": f.text, "box": _box(f.box)} for f in facts.furniture]
    if facts.metadata:
        record["metadata"] = [list(pair) for pair in facts.metadata]
    return record


def _box(box: Box) -> list[float]:
    return [box.page, box.x0, box.top, box.x1, box.bottom]


_METADATA_NAMES = {
    "account": "公众号",
    "author": "作者",
    "original": "声明",
    "date": "发布时间",
    "time": "发布时间",
    "place": "发布地",
    "source": "来源",
    "url": "文章链接",
    "source_url": "原文链接",
    "title": "文档标题",
}


def facts_summary(facts: SourceFacts) -> tuple[str, ...]:
    """One short Chinese line per kind of fact taken from the file; none for a ``.txt`` page."""
    lines = []
    styles = Counter(style for style in facts.styles if style)
    if facts.kind == "docx":
        paragraphs = "、".join(f"{style} ×{count}" for style, count in sorted(styles.items()) if style not in ("table", "footnote"))
        tables = len({place.split()[0] for place in facts.places if place.startswith("表")})
        lines.append(
            f"段落样式：{paragraphs}；表格 {tables} 个（{styles['table']} 行）；脚注 {styles['footnote']} 条；行的出处为段落号（¶）"
        )
    if facts.pages:
        per_page = Counter(box.page for box in facts.columns)
        columns = f"每页 {min(per_page.values())} 栏" if len(set(per_page.values())) == 1 else f"每页 {min(per_page.values())}–{max(per_page.values())} 栏"
        lines.append(f"{len(facts.pages)} 页，{columns}，按栏阅读；行的出处为页、栏、行")
    if facts.furniture:
        headers = sorted({f.text for f in facts.furniture if f.role == "header"})
        lines.append(f"页眉页脚 {len(facts.furniture)} 行移出正文" + (f"（页眉：{'；'.join(headers)}）" if headers else ""))
    if facts.kind == "pdf" and styles.get("title"):
        lines.append(f"按字号识别的标题 {styles['title']} 个")
    chrome = [value for key, value in facts.metadata if key == "chrome"]
    stated = stated_metadata(facts.metadata)
    if stated:
        lines.append("；".join(stated))
    if chrome:
        lines.append(f"微信界面文字 {len(chrome)} 段未计入正文：{'、'.join(chrome)}")
    return tuple(lines)


def stated_metadata(metadata: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    """``公众号：枣矿融媒``, ``发布时间：2026年1月5日 08:00`` … one per fact a WeChat file (its
    :attr:`SourceFacts.metadata`) or a pasted article (:attr:`Article.metadata`) states; a time
    goes after its date, the chrome left out."""
    time = next((value for key, value in metadata if key == "time"), None)
    shown = []
    for key, value in metadata:
        if key == "chrome" or (key == "time" and any(k == "date" for k, _ in metadata)):
            continue
        if key == "date" and time:
            value = f"{value} {time}"
        shown.append(f"{_METADATA_NAMES.get(key, key)}：{value}")
    return tuple(shown)


def printed_span(facts: SourceFacts, lines: tuple[str, ...], span: Span) -> str:
    """Where a span of the text was printed: ``¶3–¶9``, ``第1页 第2栏 第3行–第2页 第1栏 第6行``
    (the page said once when it is the same); the line numbers for a text page."""
    first, last = span
    if not facts.places:
        return f"{first}–{last}" if first != last else str(first)
    printed = [n for n in range(first, last + 1) if n <= len(lines) and lines[n - 1] and facts.place(n)]
    if not printed:
        return f"{first}–{last}"
    start, end = facts.place(printed[0]), facts.place(printed[-1])
    if start == end:
        return start
    page = start.split(" ")[0] + " "
    if start.startswith("第") and end.startswith(page):
        end = end[len(page) :]
    return f"{start}–{end}"
