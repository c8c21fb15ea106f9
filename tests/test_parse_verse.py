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


GROUP = ("矿山三章（组诗）\n□　李建国\n\n◎晨\n汽笛一声　喊醒了山梁\n第一缕光\n落在矿车的铁皮上\n\n"
         "◎井\n罐笼下沉的时候\n我听见大地的心跳\n三百米深处\n矿石在灯光里醒来\n")


def test_an_ornamented_small_title_in_a_group_of_poems_is_a_heading(segmenter) -> None:
    """``◎晨`` under the group's byline and ``◎井`` under a stanza, each over verse: headings of the
    one 组诗, the ornament dropped, never the first line of a stanza nor a byline."""
    result = parse_page(source_from_bytes(GROUP.encode("utf-8"), "p.txt"), segmenter)
    (article,) = result.articles
    assert (article.title, article.authors) == ("矿山三章（组诗）", ("李建国",))
    assert [(p.kind, p.text) for p in article.paragraphs] == [
        ("heading", "晨"), ("verse", "汽笛一声 喊醒了山梁\n第一缕光\n落在矿车的铁皮上"),
        ("heading", "井"), ("verse", "罐笼下沉的时候\n我听见大地的心跳\n三百米深处\n矿石在灯光里醒来"),
    ]


def test_an_ornamented_name_under_a_poems_title_stays_its_byline(segmenter) -> None:
    page = "矿灯\n◎李建国\n\n我是一盏矿灯\n挂在矿工的帽檐上\n八百米井下\n照亮掌子面的煤壁\n"
    (article,) = _articles(page, segmenter)
    assert article.authors == ("李建国",) and [p.kind for p in article.paragraphs] == ["verse"]


def test_an_ornamented_byline_on_a_news_page_stays_a_byline(segmenter) -> None:
    """A news story's ``◎ 张　伟`` under its headline, over prose: its byline, no heading."""
    page = ("炼钢厂开展班组安全竞赛\n◎ 张　伟\n\n　　4月以来，炼钢厂在各班组开展安全竞赛活动，\n"
            "共查改隐患126条，全厂实现安全生产。\n")
    (article,) = _articles(page, segmenter)
    assert article.authors == ("张伟",) and [p.kind for p in article.paragraphs] == ["text"]


def _articles(page: str, segmenter):
    return parse_page(source_from_bytes(page.encode("utf-8"), "p.txt"), segmenter).articles
