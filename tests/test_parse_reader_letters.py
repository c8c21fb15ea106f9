"""Readers' letters: a salutation printed flush under the headline is the letter's own paragraph
(the headline stays the title), and a signature whose writer's description is printed right
after the unit (``——鲍店煤矿职工　李明``) names the unit and the writer."""

from __future__ import annotations

import pytest

from page_text import parse_text

BAND = "鲁西矿工报\n2026年4月16日　星期四　第3版\n\n读者来信\n\n"
BODY = ("　　去年12月，我们到矿信访办反映过夜班班车的问题，信访办当场做了登记，说要转给运输部门研究，"
        "可三个多月过去了，一直没有答复。希望有关部门尽快研究解决。\n")


def _letter(headline: str, salutation: str, signature: str, segmenter):
    return parse_text(f"{BAND}{headline}\n{salutation}\n{BODY}　　　　　　　　　　　{signature}\n", segmenter)


@pytest.mark.parametrize("signature, authors, unit", [
    ("——鲍店煤矿职工　李明", ("李明",), "鲍店煤矿"),
    ("——东滩煤矿退休职工　王秀英", ("王秀英",), "东滩煤矿"),
    ("——兴隆庄煤矿职工家属　张桂兰", ("张桂兰",), "兴隆庄煤矿"),
    ("——鲍店煤矿　职工　李明", ("李明",), "鲍店煤矿"),          # the description apart, as before
    ("——洗煤厂检修车间　王建国　赵　强", ("王建国", "赵强"), "洗煤厂检修车间"),
])
def test_a_signature_names_the_writer_and_the_unit_without_the_description(signature, authors, unit, segmenter) -> None:
    result = _letter("井口班车能否多开一趟", "　　编辑同志：", signature, segmenter)
    [article] = result.articles
    assert (article.title, article.authors, article.affiliation) == ("井口班车能否多开一趟", authors, unit)
    assert article.paragraphs[-1].text.endswith("尽快研究解决。")


@pytest.mark.parametrize("salutation", ["编辑同志：", "尊敬的矿领导：", "　　编辑同志："])
def test_a_salutation_flush_or_indented_under_the_headline_is_its_own_paragraph(salutation, segmenter) -> None:
    result = _letter("井口班车能否多开一趟", salutation, "——鲍店煤矿职工　李明", segmenter)
    [article] = result.articles
    assert article.title == "井口班车能否多开一趟"
    assert [p.text for p in article.paragraphs][0] == salutation.strip()


def test_two_letters_signed_at_their_ends_are_two_articles(segmenter) -> None:
    first = f"井口班车能否多开一趟\n编辑同志：\n{BODY}　　　　　　　　　　　——鲍店煤矿职工　李明\n\n"
    second = f"拖欠的高温补贴何时发放\n编辑同志：\n{BODY}　　　　　　　　　——洗煤厂检修车间　王建国　赵　强\n"
    result = parse_text(BAND + first + second, segmenter)
    assert [(a.title, a.authors) for a in result.articles] == [
        ("井口班车能否多开一趟", ("李明",)), ("拖欠的高温补贴何时发放", ("王建国", "赵强"))]


@pytest.mark.parametrize("line", [
    "编辑同志：你好！我是一名矿工。",          # the letter's text runs on after the colon: a sentence
    "尊敬的各位领导、各位来宾、同志们、朋友们：",  # longer than a salutation line
])
def test_a_line_that_is_no_salutation_alone_stays_in_its_paragraph(line, segmenter) -> None:
    page = f"{BAND}井口班车能否多开一趟\n　　去年以来，综采队实行新的作业制度，\n{line}\n夜班职工凌晨两点升井。\n"
    result = parse_text(page, segmenter)
    texts = [p.text for a in result.articles for p in a.paragraphs]
    assert any(line in text and len(text) > len(line) for text in texts)


def test_a_salutation_word_wrapped_to_the_head_of_a_line_mid_sentence_stays_in_its_paragraph(segmenter) -> None:
    """``尊敬的老劳模致敬：`` under ``……全矿职工向`` is the wrapped rest of that sentence, no salutation."""
    page = f"{BAND}井口班车能否多开一趟\n　　在庆祝大会上，矿党委书记代表全矿职工向\n尊敬的老劳模致敬：\n你们辛苦了。\n"
    result = parse_text(page, segmenter)
    texts = [p.text for a in result.articles for p in a.paragraphs]
    assert any("全矿职工向尊敬的老劳模致敬：" in text for text in texts)


def test_a_salutation_after_a_finished_paragraph_is_its_own(segmenter) -> None:
    page = f"{BAND}在职工代表大会上的讲话\n　　同志们好，大会今天开幕。\n同志们：\n　　过去一年，全矿安全生产形势持续稳定。\n"
    result = parse_text(page, segmenter)
    assert "同志们：" in [p.text for a in result.articles for p in a.paragraphs]
