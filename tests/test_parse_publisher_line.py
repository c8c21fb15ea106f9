"""The 报头's publisher line: who puts the paper out, alone or with the issue, imprint pairs and the
date printed beside it; anything else beside it leaves the line unread."""

from __future__ import annotations

import pytest

from page_text import parse_text

BODY = "　　矿党委坚持把班组建设作为基础工程来抓，在全矿推行班组长竞聘上岗制度，选拔出一批懂技术、会管理的班组长。\n"


def _parse(head: str, segmenter):
    return parse_text(f"华能工人报\n{head}\n\n班组建设的几点做法\n■ 张三\n\n{BODY}", segmenter)


@pytest.mark.parametrize("line, issue", [
    ("中国华能集团有限公司主办　　　　第2478期", "第2478期"),
    ("第2478期　　中国华能集团有限公司主办", "第2478期"),
    ("中国华能集团有限公司主办　总第5123期", "总第5123期"),
    ("中国华能集团有限公司主办　第45期（总第2478期）", "第45期"),
    ("中国华能集团有限公司主办　第４５期　总第２４７８期", "第45期"),
    ("主办单位：中国华能集团有限公司　国内统一刊号：CN37-0012　第2478期", "第2478期"),
    ("主办：中国华能集团有限公司　　国内统一刊号　CN37-0012　　第2478期", "第2478期"),
])
def test_a_publisher_line_with_its_issue_gives_both(line, issue, segmenter) -> None:
    result = _parse(line, segmenter)
    assert (result.note.meta.publisher, result.note.meta.issue) == ("中国华能集团有限公司", issue)
    assert [(l.kind, l.text) for l in result.leftovers] == [("masthead", "华能工人报"), ("masthead", line)]
    assert [a.title for a in result.articles] == ["班组建设的几点做法"]


def test_the_date_beside_the_publisher_is_the_pages(segmenter) -> None:
    result = _parse("中国华能集团有限公司主办　　第2478期　　2026年11月18日　星期三", segmenter)
    meta = result.note.meta
    assert (meta.publisher, meta.issue, meta.date, meta.weekday) == ("中国华能集团有限公司", "第2478期", "2026-11-18", "星期三")
    assert meta.column is None


@pytest.mark.parametrize("line", ["主办单位：中国华能集团有限公司", "主办单位：　中国华能集团有限公司", "中国华能集团 有限公司主办"])
def test_a_labelled_or_stray_spaced_publisher_alone_is_the_pages_publisher(line, segmenter) -> None:
    result = _parse(line, segmenter)
    assert (result.note.meta.publisher, result.note.meta.issue) == ("中国华能集团有限公司", None)


def test_the_longest_publisher_ending_is_cut_off(segmenter) -> None:
    result = _parse("山东能源集团有限公司主管主办　国内统一刊号　CN37-0012", segmenter)
    assert result.note.meta.publisher == "山东能源集团有限公司"


@pytest.mark.parametrize("line", ["中国华能集团有限公司主办　　公司新闻中心", "主办：中国华能集团有限公司　主办：华能山东发电有限公司"])
def test_a_publisher_with_something_unread_beside_it_names_none(line, segmenter) -> None:
    """Words beside the publisher that are no issue, imprint pair or date (a second office, a second
    publisher): which of them the paper's publisher is, the line does not say."""
    result = _parse(line, segmenter)
    assert result.note.meta.publisher is None
    assert "masthead" not in [l.kind for l in result.leftovers[1:]]


def test_a_publisher_line_with_an_issue_inside_an_article_is_its_text(segmenter) -> None:
    page = f"班组建设的几点做法\n■ 张三\n\n{BODY}\n中国华能集团有限公司主办　　第2478期\n\n{BODY}"
    result = parse_text(page, segmenter)
    assert (result.note.meta.publisher, result.note.meta.issue) == (None, None)
