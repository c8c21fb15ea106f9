"""Bylines and page furniture of company papers' 工会/信访 pages: ``文/高志强　图/刘洋``,
``本版责任编辑：王晓梅　美术编辑：韩　冬`` and a dateline's ``工会·信访``."""

from __future__ import annotations

import pytest

from zhenggong_report.parse import parse_page
from zhenggong_report.sources import source_from_bytes

BODY = "　　在轨梁厂精整作业区，提起丙班班长陈宝林，职工们都亲切地叫他“老娘舅”。大家有了难处第一个想到的就是他。\n"


def _parse(page: str, segmenter):
    return parse_page(source_from_bytes(page.encode("utf-8"), "p.txt"), segmenter)


@pytest.mark.parametrize("byline, authors", [
    ("文/高志强　图/刘　洋", ("高志强",)),
    ("文/高志强 摄影/刘洋", ("高志强",)),
    ("文 / 高志强　王芳　图 / 刘洋", ("高志强", "王芳")),
    ("文、图/高志强", ("高志强",)),
    ("文/高志强", ("高志强",)),
])
def test_a_photographers_credit_after_the_writer_keeps_the_byline(byline, authors, segmenter) -> None:
    """The writer is the author; the photographer's credit stays on the byline line, out of the body."""
    result = _parse(f"班组里的“老娘舅”\n{byline}\n\n{BODY}", segmenter)
    [article] = result.articles
    assert (article.title, article.authors, article.author_roles) == ("班组里的“老娘舅”", authors, (None,) * len(authors))
    assert article.body.startswith("在轨梁厂")


def test_a_photo_credit_alone_is_no_byline(segmenter) -> None:
    result = _parse(f"班组里的“老娘舅”\n图/刘洋\n\n{BODY}", segmenter)
    assert all("刘洋" not in a.authors for a in result.articles)


@pytest.mark.parametrize("line, editors", [
    ("本版责任编辑：王晓梅　　美术编辑：韩　冬　　校对：李　娜", {"本版责任编辑": "王晓梅", "美术编辑": "韩冬", "校对": "李娜"}),
    ("本期责任编辑：王晓梅", {"本期责任编辑": "王晓梅"}),
    ("责任编辑：王 丽　版式：张强", {"责任编辑": "王丽", "版式": "张强"}),
])
def test_staff_lines_with_a_prefix_or_letter_spaced_names_are_the_pages_editors(line, editors, segmenter) -> None:
    result = _parse(f"班组里的“老娘舅”\n文/高志强\n\n{BODY}\n{line}\n", segmenter)
    assert [(l.kind, l.text) for l in result.leftovers] == [("editors", line)]
    assert dict(result.note.meta.editors) == editors


def test_a_sentence_opening_with_a_prefix_is_no_staff_line(segmenter) -> None:
    result = _parse(f"班组里的“老娘舅”\n文/高志强\n\n{BODY}\n本版责任编辑：王晓梅介绍，本期选题。\n", segmenter)
    assert "editors" not in [l.kind for l in result.leftovers]
    assert not result.note.meta.editors


@pytest.mark.parametrize("dateline, column", [
    ("2026年4月15日　星期三　　第3版　　工会·信访", "工会·信访"),
    ("2026年4月15日　星期三　第3版·工会园地", "工会园地"),
    ("2026年4月15日 · 星期三 · 第3版 · 党建", "党建"),
])
def test_a_dot_inside_a_column_name_is_kept_one_between_fields_is_not(dateline, column, segmenter) -> None:
    result = _parse(f"北钢日报\n{dateline}\n\n班组里的“老娘舅”\n文/高志强\n\n{BODY}", segmenter)
    assert result.note.meta.column == column
