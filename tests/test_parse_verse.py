"""Verse against prose: a stanza keeps its lines, a hard-wrapped paragraph does not become one."""

from __future__ import annotations

from zhenggong_report.parse import parse_page
from zhenggong_report.sources import source_from_bytes


def _paragraphs(text: str, segmenter):
    result = parse_page(source_from_bytes(text.encode("utf-8"), "p.txt"), segmenter)
    return [(p.kind, p.text) for a in result.articles for p in a.paragraphs]


def test_a_hard_wrapped_paragraph_of_even_lines_stays_prose(segmenter) -> None:
    page = ("班组建设的几点做法\n□ 王强\n\n矿党委坚持把班组建设作为基础\n工程来抓在全矿推行班组长竞聘\n"
            "上岗制度选拔出一批懂技术会管\n理的班组长\n")
    assert _paragraphs(page, segmenter) == [("text", "矿党委坚持把班组建设作为基础工程来抓在全矿推行班组长竞聘上岗制度选拔出一批懂技术会管理的班组长")]


def test_a_stanza_keeps_its_lines_and_is_not_joined_to_the_next(segmenter) -> None:
    page = "巷道\n□ 孙明\n\n一条巷道\n通向大地的深处\n灯光一闪\n便是春天\n\n我们把汗水\n种进深深的煤层\n"
    assert _paragraphs(page, segmenter) == [("verse", "一条巷道\n通向大地的深处\n灯光一闪\n便是春天"), ("verse", "我们把汗水\n种进深深的煤层")]
