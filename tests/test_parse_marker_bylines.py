"""Marker bylines with a role before the name or the unit in brackets after it (``■ 特约撰稿人 张三（某矿）``)."""

from __future__ import annotations

import pytest

from zhenggong_report.parse import parse_page
from zhenggong_report.sources import source_from_bytes

BODY = "矿党委坚持把班组建设作为基础工程来抓，在全矿推行班组长竞聘上岗制度，选拔出一批懂技术、会管理的班组长。\n"


def _article(byline: str, segmenter):
    result = parse_page(source_from_bytes(f"班组建设的几点做法\n{byline}\n\n{BODY}".encode("utf-8"), "p.txt"), segmenter)
    (article,) = result.articles
    return article.title, article.authors, article.author_roles, article.affiliation


@pytest.mark.parametrize(
    "byline, expected",
    [
        ("■ 特约撰稿人　刘兆媛（山东能源枣矿集团党委组织部）", (("刘兆媛",), ("撰稿人",), "山东能源枣矿集团党委组织部")),
        ("■ 本报特约记者　刘兆媛", (("刘兆媛",), ("特约记者",), None)),
        ("● 刘兆媛（枣矿集团党委组织部）", (("刘兆媛",), (None,), "枣矿集团党委组织部")),
        ("■ 刘兆媛", (("刘兆媛",), (None,), None)),
    ],
)
def test_a_marker_byline_reads_its_role_and_bracketed_unit(byline, expected, segmenter) -> None:
    assert _article(byline, segmenter) == ("班组建设的几点做法", *expected)


@pytest.mark.parametrize(
    "byline, expected",
    [
        ("文/周斌（作者单位：枣庄联创实业有限责任公司党群工作部）", (("周斌",), (None,), "枣庄联创实业有限责任公司党群工作部")),
        ("文／周斌（作者系枣庄联创实业有限责任公司党群工作部部长）", (("周斌",), (None,), "枣庄联创实业有限责任公司党群工作部")),
        ("作者：周斌", (("周斌",), (None,), None)),
        ("文·周斌", (("周斌",), (None,), None)),
        ("文 · 周　斌", (("周斌",), (None,), None)),
    ],
)
def test_a_labelled_byline_reads_the_unit_bracketed_after_its_names(byline, expected, segmenter) -> None:
    assert _article(byline, segmenter) == ("班组建设的几点做法", *expected)


def test_brackets_after_a_labelled_byline_that_hold_no_unit_make_no_byline(segmenter) -> None:
    """``文/周斌（摄影）``: only an affiliation's words (作者单位, 单位, 作者系 …) open a unit."""
    result = parse_page(source_from_bytes(f"班组建设的几点做法\n文/周斌（摄影）\n\n{BODY}".encode("utf-8"), "p.txt"), segmenter)
    assert all(a.affiliation is None and a.authors != ("周斌",) for a in result.articles)


@pytest.mark.parametrize("byline", ["◎通讯员　李娜　摄影报道", "◎通讯员　李娜　图文报道"])
def test_a_report_word_after_a_marker_bylines_name_is_no_author(byline, segmenter) -> None:
    assert _article(byline, segmenter) == ("班组建设的几点做法", ("李娜",), ("通讯员",), None)


def test_a_role_word_among_words_a_marker_byline_cannot_read_names_no_author(segmenter) -> None:
    """``◎通讯员　李娜　摄像``: the line is the byline under the title, but which of its words are
    names it does not say; no author rather than 通讯员 and 摄像 as people."""
    assert _article("◎通讯员　李娜　摄像", segmenter) == ("班组建设的几点做法", (), (), None)
