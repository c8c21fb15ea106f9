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


ROLL = (
    "关于表彰2025年度优秀共产党员的决定\n■ 集团公司党委组织部\n\n"
    "　　集团公司党委决定，授予王斌等8名同志“优秀共产党员”称号。\n\n"
    "优秀共产党员（8名）\n王　斌　　李建华　　张　伟　　陈玉梅\n赵国栋　　马　骏　　杨晓红　　周　涛\n"
    "　　希望受到表彰的同志珍惜荣誉、再接再厉。\n"
)


def test_a_counted_roll_of_names_is_a_heading_and_one_list_no_stanza_and_no_byline(segmenter) -> None:
    """``优秀共产党员（8名）`` over names set apart by wide gaps: the label a heading, the names one
    paragraph (letter-spaced ``张　伟`` closed up), never a stanza nor joined to the next paragraph."""
    result = parse_page(source_from_bytes(ROLL.encode("utf-8"), "p.txt"), segmenter)
    (article,) = result.articles
    assert [(p.kind, p.text) for p in article.paragraphs][1:] == [
        ("heading", "优秀共产党员（8名）"),
        ("text", "王斌 李建华 张伟 陈玉梅 赵国栋 马骏 杨晓红 周涛"),
        ("text", "希望受到表彰的同志珍惜荣誉、再接再厉。"),
    ]
    assert article.authors == ()


def test_a_label_without_a_count_over_short_lines_is_no_roll(segmenter) -> None:
    page = "巷道\n□ 孙明\n\n矿灯（组诗）\n一条巷道\n通向大地的深处\n灯光一闪\n"
    assert ("heading", "矿灯（组诗）") not in _paragraphs(page, segmenter)
