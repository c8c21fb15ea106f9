"""A construction group's 项目·人物 page (``railway_people_page``, ``marker_headings_feature``):
unbracketed 小标题 of a 人物通讯 (``“拼”字当头　扎根一线``, ``■ 初心``), a letter signed with the
writer's trade, a 更正 notice whose sentence names an earlier issue's date and 版."""

from __future__ import annotations

import pytest

from page_text import parse_text


HEAD = "“隧道书记”王建华的坚守与担当\n本报通讯员　刘　洋\n\n"
INTRO = "　　今年44岁的王建华，参建铁路已有十二个年头。工友们都\n叫他“隧道书记”。\n"
FIRST = "　　2024年初，王建华带着12名党员来到三工区。这里地处\n乌蒙山腹地，隧道围岩破碎。\n"
SECOND = "　　去年雨季，隧道掌子面突发涌水。王建华带领党员突击队\n连续奋战72小时，确保了施工安全。\n"


def _paragraphs(article) -> list[tuple[str, str]]:
    return [(p.kind, p.text) for p in article.paragraphs]


def test_parallel_phrase_headings_are_headings_of_the_feature(segmenter) -> None:
    """Two of the same shape (4 + 4 characters) between paragraphs, no blank line over them."""
    page = f"{HEAD}{INTRO}“拼”字当头　扎根一线\n{FIRST}“钻”字为先　攻坚克难\n{SECOND}"
    (article,) = parse_text(page, segmenter).articles
    assert _paragraphs(article) == [
        ("text", "今年44岁的王建华，参建铁路已有十二个年头。工友们都叫他“隧道书记”。"),
        ("heading", "“拼”字当头 扎根一线"),
        ("text", "2024年初，王建华带着12名党员来到三工区。这里地处乌蒙山腹地，隧道围岩破碎。"),
        ("heading", "“钻”字为先 攻坚克难"),
        ("text", "去年雨季，隧道掌子面突发涌水。王建华带领党员突击队连续奋战72小时，确保了施工安全。"),
    ]


def test_a_pull_quote_between_the_sections_keeps_the_set_together(segmenter) -> None:
    page = f"{HEAD}{INTRO}“拼”字当头　扎根一线\n{FIRST}\n「隧道打到哪里，党旗就插到哪里。」\n\n“钻”字为先　攻坚克难\n{SECOND}"
    (article,) = parse_text(page, segmenter).articles
    assert [kind for kind, _ in _paragraphs(article)] == ["text", "heading", "text", "text", "heading", "text"]
    assert _paragraphs(article)[3] == ("text", "「隧道打到哪里，党旗就插到哪里。」")


@pytest.mark.parametrize("second", ["“钻”字为先　攻坚克难再出发", None], ids=["other-shape", "alone"])
def test_a_pair_line_with_no_sibling_of_its_shape_is_no_heading(second, segmenter) -> None:
    """A lone pair line between paragraphs is as likely a headline: left to the other rules."""
    tail = f"{second}\n{SECOND}" if second else ""
    page = f"{HEAD}{INTRO}“拼”字当头　扎根一线\n{FIRST}{tail}"
    result = parse_text(page, segmenter)
    assert all(p.kind != "heading" for a in result.articles for p in a.paragraphs)


def test_pair_headlines_over_news_items_stay_their_titles(segmenter) -> None:
    item = "　　本报讯（通讯员　郑　凯）二公司郑济铁路项目部开展“安全\n生产月”活动，排查整改隐患47处。\n"
    page = f"{HEAD}{INTRO}\n深化改革　激发活力\n{item}\n守牢底线　确保安全\n{item}"
    titles = [a.title for a in parse_text(page, segmenter).articles]
    assert titles == ["“隧道书记”王建华的坚守与担当", "深化改革 激发活力", "守牢底线 确保安全"]


def test_pair_headlines_each_under_a_blank_line_are_no_set(segmenter) -> None:
    """Unsigned items one under another: no member of the pair lines stands tight under the text
    above it, so none is a heading (what the title rules make of them is theirs)."""
    page = f"{HEAD}{INTRO}\n严守红线　确保安全\n{FIRST}\n深化改革　激发活力\n{SECOND}"
    result = parse_text(page, segmenter)
    assert all(p.kind != "heading" for a in result.articles for p in a.paragraphs)


def test_marker_headings_are_headings_not_bylines(segmenter) -> None:
    page = f"盾构“老班长”的三颗心\n■ 本报记者　陈　静\n\n{INTRO}■ 初心\n{FIRST}\n■ 匠心\n{SECOND}"
    (article,) = parse_text(page, segmenter).articles
    assert (article.authors, article.author_roles) == (("陈静",), ("记者",))
    assert [(k, t) for k, t in _paragraphs(article) if k == "heading"] == [("heading", "初心"), ("heading", "匠心")]


def test_a_lone_marker_line_between_paragraphs_is_left_to_the_byline_rules(segmenter) -> None:
    page = f"{HEAD}{INTRO}■ 初心\n{FIRST}"
    result = parse_text(page, segmenter)
    assert all(p.kind != "heading" for a in result.articles for p in a.paragraphs)


LETTER = "工地食堂能否延长供餐时间\n　　编辑同志：\n　　希望项目部能把食堂供餐时间延长到深夜。\n"


@pytest.mark.parametrize("signature, authors, unit", [
    ("——渝昆高铁项目三工区　钢筋工　马小军", ("马小军",), "渝昆高铁项目三工区"),
    ("——郑州车务段　安全员　李　明", ("李明",), "郑州车务段"),
    ("——渝昆高铁项目三工区　马小军", ("马小军",), "渝昆高铁项目三工区"),
    ("——渝昆高铁项目三工区　王　强　马小军", ("王强", "马小军"), "渝昆高铁项目三工区"),
])
def test_a_letters_signature_names_the_writer_not_her_trade(signature, authors, unit, segmenter) -> None:
    """工区 ends a unit; a trade word (钢筋工, 安全员) between unit and name is no name."""
    (article,) = parse_text(f"{LETTER}　　　　　　——{signature.lstrip('—')}\n", segmenter).articles
    assert (article.authors, article.affiliation) == (authors, unit)


CORRECTION = "　　本报7月2日第2版《青春在铁路线上闪光》一文中，\n“张建军”应为“张建君”。特此更正。\n"


def test_a_correction_is_an_announcement_and_its_sentence_no_dateline(segmenter) -> None:
    page = f"中铁建工报\n2026年7月9日　星期四　　第4版\n\n更　正\n{CORRECTION}"
    result = parse_text(page, segmenter)
    assert [(l.kind, l.lines) for l in result.leftovers] == [
        ("masthead", ((1, 1),)), ("dateline", ((2, 2),)), ("announcement", ((4, 6),))]
    assert result.articles == () or list(result.articles) == []
    assert (result.note.meta.date, result.note.meta.edition) == ("2026-07-09", "第4版")


@pytest.mark.parametrize("line", ["本报7月2日第2版《青春在铁路线上闪光》一文中，", "2026年7月2日第2版刊发的通讯中、"])
def test_a_line_that_stops_at_a_comma_is_no_dateline(line, segmenter) -> None:
    result = parse_text(f"　　{line}\n有一处人名错误。\n", segmenter)
    assert "dateline" not in [l.kind for l in result.leftovers]


def test_a_dateline_may_name_its_paper_in_book_title_marks(segmenter) -> None:
    result = parse_text("《中铁建工报》　2026年7月9日　星期四　第4版\n\n标题\n\n　　本报讯　一段新闻。\n", segmenter)
    assert ("dateline", ((1, 1),)) in [(l.kind, l.lines) for l in result.leftovers]
    assert result.note.meta.edition == "第4版"
