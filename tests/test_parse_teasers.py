"""Teasers (导读) without a contents heading: a title pointing to a page inside is contents, not a
dateline and not a title; a dateline that names a page and its column stays a dateline."""

from __future__ import annotations

import pytest

from page_text import parse_text

HEAD = "晋北矿工报\n2024年3月8日　星期五　第1版\n"
STORY = "集团公司召开党建工作会议\n本报记者　李晓东\n　　3月6日，集团公司召开党建工作会议，安排部署今年重点任务，要求把思想政治工作做到班组和岗位。\n"


def _parse(line: str, segmenter):
    return parse_text(f"{HEAD}\n{line}\n\n{STORY}", segmenter)


@pytest.mark.parametrize("line", [
    "我的师傅　　4版",
    "职工书屋里的读书声……（3版）",
    "▲女子巡检班的“三八”节（见第2版）",
    "班组长上讲台………………2版",
    "一线班组长的安全经　　详见第三版",
    "“安全先行”主题月活动启动　　第2版",
])
def test_a_title_pointing_to_a_page_is_contents(line, segmenter) -> None:
    result = _parse(line, segmenter)
    assert [(l.kind, l.text) for l in result.leftovers][2:] == [("contents", line)]
    assert (result.note.meta.edition, result.note.meta.column) == ("第1版", None)
    assert [a.title for a in result.articles] == ["集团公司召开党建工作会议"]


def test_teasers_under_one_another_are_one_contents_list(segmenter) -> None:
    lines = "我的师傅　　4版\n\n职工书屋里的读书声……（3版）\n▲女子巡检班的“三八”节（见第2版）"
    result = _parse(lines, segmenter)
    assert [(l.kind, l.text) for l in result.leftovers][2:] == [("contents", lines.replace("\n\n", "\n"))]


def test_a_teaser_at_the_pages_foot_is_contents_too(segmenter) -> None:
    result = parse_text(f"{HEAD}\n{STORY}\n一线班组长的安全经　　2版\n", segmenter)
    assert [l.kind for l in result.leftovers] == ["masthead", "dateline", "contents"]
    assert len(result.articles) == 1 and result.articles[0].paragraphs[-1].text.endswith("岗位。")


@pytest.mark.parametrize("line, edition, column", [
    ("2024年3月8日　星期五　第4版", "第4版", None),       # a date: a dateline
    ("第2版　思想政治工作", "第2版", "思想政治工作"),       # the page before its column
    ("思想政治工作　　第2版", "第2版", "思想政治工作"),     # a column's name before the page
    ("安全文化　第3版", "第3版", "安全文化"),             # a short name before 第N版: maybe a column, left to the dateline
    ("晋北矿工报　第3版", "第3版", None),                 # the paper's name before the page
])
def test_a_real_dateline_naming_its_page_stays_a_dateline(line, edition, column, segmenter) -> None:
    result = parse_text(f"{line}\n\n{STORY}", segmenter)
    assert [l.kind for l in result.leftovers] == ["dateline"]
    assert (result.note.meta.edition, result.note.meta.column) == (edition, column)


@pytest.mark.parametrize("line, kind", [
    ("（下转第2版）", "jump_line"),   # no title before the page: the story's jump line
    ("▲图为职工在学习", "caption"),   # a caption points to no page
])
def test_a_line_without_a_title_before_a_page_is_no_teaser(line, kind, segmenter) -> None:
    result = _parse(line, segmenter)
    assert kind in [l.kind for l in result.leftovers]
    assert "contents" not in [l.kind for l in result.leftovers]


def test_a_page_named_inside_a_sentence_is_text(segmenter) -> None:
    page = f"{HEAD}\n{STORY}　　矿工会开展职工读书月活动，具体安排详见本报4版。\n"
    result = parse_text(page, segmenter)
    assert "contents" not in [l.kind for l in result.leftovers]
    assert result.articles[0].paragraphs[-1].text.endswith("详见本报4版。")
