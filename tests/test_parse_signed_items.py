"""Items signed at their end on a 工会·职工 page (``bank_union_page``): a caption flush over its credit
line, the headline of the item under it, ``■ 王芳　报道`` closing an item, letters each signed
``——支行　姓名`` one under another, a jump to ``第三版``, and the rule under a ruled notice."""

from __future__ import annotations

import pytest

from zhenggong_report.parse.blocks.furniture import edition_name

from page_text import parse_text

ITEM = "　　入夏以来，分行工会为全辖38个营业网点送去防暑降温物品，\n并为在外拓展业务的客户经理发放“清凉包”。\n"
OTHER = "　　6月10日至12日，全行第三届员工技能大赛在合肥举行，\n来自16家分行的128名选手参加了比拼。\n"
LETTER = "　　工会组织的业务培训很实用，但大多安排在周六，柜员一\n周只休一天，难免有些吃不消。\n"
CAPTION = "6月12日，合肥分行工会组织青年员工走进社区，开展“金融\n知识进万家”志愿服务活动。\n"


def test_flush_caption_lines_over_a_credit_line_are_one_caption(segmenter) -> None:
    page = f"送清凉\n{ITEM}（通讯员　李　明）\n\n{CAPTION}　　　　　　本报记者　张　伟　摄\n\n技能大赛在合肥举行\n{OTHER}（通讯员　王　强）\n"
    result = parse_text(page, segmenter)
    assert [(l.kind, l.lines) for l in result.leftovers] == [("caption", ((6, 8),))]
    assert [(a.title, a.authors) for a in result.articles] == [("送清凉", ("李明",)), ("技能大赛在合肥举行", ("王强",))]


def test_a_lead_paragraph_under_its_byline_stays_the_articles_over_a_credit(segmenter) -> None:
    page = f"送清凉\n本报记者　陈　露\n\n{CAPTION}　　　　　　本报记者　张　伟　摄\n\n{ITEM}"
    result = parse_text(page, segmenter)
    assert [l.lines for l in result.leftovers if l.kind == "caption"] == [((6, 6),)]
    assert result.articles[0].body.startswith("6月12日")


def test_flush_lines_over_a_credit_on_a_page_without_indents_are_left_alone(segmenter) -> None:
    page = f"送清凉\n\n{CAPTION}本报记者　张　伟　摄\n\n{ITEM.replace('　　', '')}"
    result = parse_text(page, segmenter)
    assert [l.lines for l in result.leftovers if l.kind == "caption"] == [((5, 5),)]


@pytest.mark.parametrize("credit, authors, roles", [
    ("■ 王芳　报道", ("王芳",), (None,)),
    ("■ 本报记者　王　芳　报道", ("王芳",), ("记者",)),
])
def test_a_marker_credit_with_a_report_word_closes_the_item_above(credit, authors, roles, segmenter) -> None:
    page = f"送清凉\n{ITEM}{credit}\n\n技能大赛在合肥举行\n{OTHER}（通讯员　王　强）\n"
    first, second = parse_text(page, segmenter).articles
    assert (first.title, first.authors, first.author_roles) == ("送清凉", authors, roles)
    assert (second.title, second.authors) == ("技能大赛在合肥举行", ("王强",))


def test_letters_signed_one_under_another_each_keep_headline_and_writer(segmenter) -> None:
    page = (f"职工心声\n\n希望培训能少占用周末\n{LETTER}　　——宣城分行营业部　孙　磊\n\n"
            f"谢谢您，赵阿姨\n{LETTER}　　——滁州分行天长支行　马晓雯\n")
    result = parse_text(page, segmenter)
    assert [(a.title, a.authors, a.affiliation) for a in result.articles] == [
        ("希望培训能少占用周末", ("孙磊",), "宣城分行营业部"),
        ("谢谢您，赵阿姨", ("马晓雯",), "滁州分行天长支行"),
    ]
    assert [l.kind for l in result.leftovers] == ["column_name"]


@pytest.mark.parametrize("printed, name", [("3", "第3版"), ("三", "第3版"), ("十", "第10版"), ("十二", "第12版"),
                                           ("二十", "第20版"), ("A3", "第A3版"), ("三三", "第三三版")])
def test_an_edition_printed_in_chinese_numerals_is_named_in_digits(printed, name) -> None:
    assert edition_name(printed) == name


def test_a_jump_to_a_page_in_chinese_numerals_names_it_as_its_dateline_does(segmenter) -> None:
    page = f"2026年6月18日　星期四　第二版\n\n送清凉\n本报记者　陈　露\n\n{ITEM[:-1]}\n（下转第三版）\n"
    result = parse_text(page, segmenter)
    assert result.note.meta.edition == "第2版"
    assert result.articles[0].continued_on == "第3版"


def test_the_rule_under_a_ruled_notice_is_furniture_like_the_rule_over_it(segmenter) -> None:
    rule = "━━━━━━━━━━━━━━━━"
    page = f"{rule}\n征文启事\n　　来稿以记叙文为主，字数在2000字以内。\n　　投稿邮箱：wj@bank.com\n{rule}\n"
    result = parse_text(page, segmenter)
    assert [(l.kind, l.lines) for l in result.leftovers] == [("rule", ((1, 1),)), ("call_for_papers", ((2, 4),)), ("rule", ((5, 5),))]


def test_a_one_sentence_opinion_signed_by_its_writer_is_an_article(segmenter) -> None:
    page = "员工心声\n\n　　希望夜校多开几门电工、焊工的实操课。\n　　——三公司钢结构分公司　王　军\n"
    (opinion,) = parse_text(page, segmenter).articles
    assert (opinion.title, opinion.authors, opinion.affiliation) == (None, ("王军",), "三公司钢结构分公司")
    assert opinion.body == "希望夜校多开几门电工、焊工的实操课。"


def test_an_unsigned_scrap_of_one_sentence_stays_a_leftover(segmenter) -> None:
    result = parse_text("员工心声\n\n　　希望夜校多开几门电工、焊工的实操课。\n", segmenter)
    assert result.articles == () and [l.kind for l in result.leftovers] == ["column_name", "fragment"]
