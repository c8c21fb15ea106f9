"""Layouts of 简讯 columns, readers' letters and long notice titles: ``●…（李红）`` items each an
article, a letter signed ``——单位 姓名`` at its end under its headline, ``关于…的公示`` a notice."""

from __future__ import annotations

import pytest

from page_text import parse_text


ITEMS = (
    "●中原油田党委举办基层党支部书记培训班，120余\n名支部书记参加为期5天的集中轮训。（李红）\n"
    "●江汉油田工会开展“职工心声直通车”活动，收集\n职工意见建议86条，已办结79条。（记者 刘畅）\n"
)
LETTER = (
    "　　我是桃园煤矿综采一队的一名采煤机司机，在井下\n干了十二年。矿上建起了职工食堂，井下也送上了班中餐。\n"
    "　　希望矿工会能听听我们的心声，让一线职工吃上一口热乎饭。\n"
)
STORY = "　　矿党委坚持把班组建设作为基础工程来抓，在全矿推行班组长竞聘上岗制度，选拔出一批懂技术、会管理的班组长。\n"


def test_each_brief_item_is_an_article_signed_in_its_brackets(segmenter) -> None:
    result = parse_text(f"简讯\n\n{ITEMS}", segmenter)
    assert [(a.title, a.authors, a.author_roles, a.lines) for a in result.articles] == [
        (None, ("李红",), (None,), ((3, 4),)),
        (None, ("刘畅",), ("记者",), ((5, 6),)),
    ]
    assert result.articles[1].body == "江汉油田工会开展“职工心声直通车”活动，收集职工意见建议86条，已办结79条。"
    assert [l.kind for l in result.leftovers] == ["column_name"]


@pytest.mark.parametrize("band", ["矿区简讯", "工会动态", "信访工作", "【基层一线】", "一线传真"])
def test_a_short_line_alone_over_brief_items_is_their_band_not_part_of_the_first(band, segmenter) -> None:
    """Whatever its words (a column ending of layout.toml or none), the line over the items is the
    column: the first item keeps its writer and its text starts at its bullet."""
    result = parse_text(f"{band}\n\n{ITEMS}", segmenter)
    assert [(a.title, a.authors) for a in result.articles] == [(None, ("李红",)), (None, ("刘畅",))]
    assert result.articles[0].body.startswith("中原油田党委举办")
    assert [(l.kind, l.text) for l in result.leftovers] == [("column_name", band)]
    assert result.note.meta.column == band.strip("【】")


def test_a_heading_over_bulleted_points_without_writers_is_no_band(segmenter) -> None:
    points = "●推行班组长竞聘上岗制度，选拔出一批懂技术、会管理的班组长。\n●建立班组积分考核办法，每月一评。\n"
    result = parse_text(f"班组建设的几点做法\n■ 张三\n\n{STORY}\n主要做法\n\n{points}", segmenter)
    assert "column_name" not in [l.kind for l in result.leftovers]
    assert [a.title for a in result.articles] == ["班组建设的几点做法"]
    assert "主要做法" in "".join(p.text for p in result.articles[0].paragraphs)


def test_a_short_line_under_a_paragraph_is_no_band(segmenter) -> None:
    """A band stands alone: a line straight under a paragraph's last line belongs to that text."""
    result = parse_text(f"班组建设的几点做法\n■ 张三\n\n{STORY}主要做法\n\n{ITEMS}", segmenter)
    assert "column_name" not in [l.kind for l in result.leftovers]


NO_ITEMS = (
    "●加强政治引领，推动党建与生产经营深度融合。",  # no brackets
    "●加强政治引领，推动党建与生产经营深度融合（2026年）",  # no sentence before them
    "●推动党建与生产经营深度融合。（2026年3月）",  # no name in them
    "▲职工在实训基地练习支护操作。（孙伟）",  # a caption's marker, no bullet
    "●推动党建与生产经营深度融合。（见附表）",  # a reference, no name
)


@pytest.mark.parametrize("item", NO_ITEMS)
def test_a_bullet_without_a_name_after_its_sentence_is_no_brief_item(item, segmenter) -> None:
    result = parse_text(f"班组建设的几点做法\n■ 张三\n\n{STORY}{item}\n{STORY}", segmenter)
    assert [a.authors for a in result.articles] == [("张三",)]
    assert item[1:9] in result.articles[0].body + "".join(l.text for l in result.leftovers)


def test_a_letter_signed_after_a_dash_is_the_writers_under_its_headline(segmenter) -> None:
    page = f"职工之声\n\n井下“班中餐”能否再热乎些\n　　编辑同志：\n{LETTER}　　　　——桃园煤矿综采一队 李明\n"
    (letter,) = parse_text(page, segmenter).articles
    assert (letter.title, letter.authors, letter.affiliation) == ("井下“班中餐”能否再热乎些", ("李明",), "桃园煤矿综采一队")
    assert letter.paragraphs[0].text == "编辑同志："
    assert "李明" not in letter.body


@pytest.mark.parametrize("description", ["职工", "退休职工", "员工"])
def test_a_word_describing_the_writer_in_a_signature_is_no_name(description, segmenter) -> None:
    """``——端氏供电所　职工　赵　敏``: the description between unit and name names no one."""
    page = f"职工之声\n\n井下“班中餐”能否再热乎些\n{LETTER}　　　　——端氏供电所　{description}　赵　敏\n"
    (letter,) = parse_text(page, segmenter).articles
    assert (letter.authors, letter.author_roles, letter.affiliation) == (("赵敏",), (None,), "端氏供电所")


def test_a_signature_of_a_name_alone_is_the_author(segmenter) -> None:
    (letter,) = parse_text(f"井下“班中餐”能否再热乎些\n{LETTER}——李明\n", segmenter).articles
    assert (letter.authors, letter.affiliation) == (("李明",), None)


def test_a_dash_line_under_a_headline_stays_its_subtitle(segmenter) -> None:
    page = f"让职工说话有地方\n——记桃园煤矿综采一队 李明\n本报记者 赵静\n\n{STORY}"
    (article,) = parse_text(page, segmenter).articles
    assert (article.subtitle, article.authors) == ("记桃园煤矿综采一队 李明", ("赵静",))


def test_a_salutation_atop_a_signed_letter_is_no_title(segmenter) -> None:
    (letter,) = parse_text(f"职工之声\n\n编辑同志：\n{LETTER}——桃园煤矿综采一队 李明\n", segmenter).articles
    assert (letter.title, letter.authors) == (None, ("李明",))
    assert letter.paragraphs[0].text == "编辑同志："


NOTICE = (
    "　　经基层推荐、民主评议、矿工会审核，现将拟推荐人选公示如下：\n序号　　姓名　　单位\n1　　李明　　综采一队\n"
    "　　联系电话：0561-3000000\n桃园煤矿工会\n2026年3月24日\n"
)


def test_a_long_notice_title_of_the_form_about_its_notice_opens_a_notice(segmenter) -> None:
    result = parse_text(f"{STORY}\n关于2025年度集团公司劳动模范候选人的公示\n{NOTICE}", segmenter)
    assert [(l.kind, l.lines) for l in result.leftovers] == [("announcement", ((3, 9),))]


@pytest.mark.parametrize("title", ["关于加强企业信访稳定工作的实践与启示", "关于进一步做好新时代职工群众来信来访工作通知"])
def test_a_long_title_without_its_notice_word_after_de_is_no_notice(title, segmenter) -> None:
    result = parse_text(f"{title}\n■ 周斌\n\n{STORY}", segmenter)
    assert [a.title for a in result.articles] == [title]
    assert result.leftovers == ()


UNIT_ITEMS = (
    "◆化肥厂工会为一线倒班职工送去“冬日暖心包”1200\n余份。（化肥厂工会）\n"
    "■动力厂党员突击队完成2号锅炉检修任务，较计划提\n前3天。（动力厂）\n"
)


def test_a_brief_item_closed_by_a_unit_in_brackets_has_that_unit_and_no_author(segmenter) -> None:
    """``（化肥厂工会）``, ``（动力厂）`` after an item's sentence name the unit that sent it, no
    person: no author, the unit its affiliation; each item is still an article of its own."""
    result = parse_text(f"一句话新闻\n\n{UNIT_ITEMS}", segmenter)
    assert [(a.title, a.authors, a.affiliation, a.lines) for a in result.articles] == [
        (None, (), "化肥厂工会", ((3, 4),)),
        (None, (), "动力厂", ((5, 6),)),
    ]
    assert result.articles[1].body == "动力厂党员突击队完成2号锅炉检修任务，较计划提前3天。"


def test_a_three_character_name_ending_like_a_unit_in_an_items_brackets_is_its_author(segmenter) -> None:
    """``（刘建科）`` ends like a unit (科) but three characters are a person's name: the item's
    author; only 厂 and 矿 make so short a bracket a unit (``（动力厂）``)."""
    items = (
        "◆机修车间党支部组织青年职工开展技能比武，32名职工\n参赛，8人获评岗位能手。（刘建科）\n"
        "■动力厂党员突击队完成2号锅炉检修任务，较计划提\n前3天。（动力厂）\n"
    )
    first, second = parse_text(f"一句话新闻\n\n{items}", segmenter).articles
    assert (first.authors, first.affiliation) == (("刘建科",), None)
    assert (second.authors, second.affiliation) == ((), "动力厂")


def test_a_unit_and_its_writer_in_an_items_brackets_are_its_affiliation_and_author(segmenter) -> None:
    """``（油田工会　刘晓燕）``: the unit that sent the item and the writer, as a unit byline prints
    them; an item that opens at its bullet is complete, never a fragment begun mid-sentence, and a
    credited item shorter than twenty characters is still an article."""
    items = (
        "■孤东采油厂开展党员承诺践诺活动，320名党员在岗位上亮身\n份、作表率。（孤东采油厂党委组织部）\n"
        "■油田工会举办第五届职工技术创新成果展，展出成果86项。（油田工会　刘晓燕）\n"
        "■机修车间开展技能比武，32名职工参赛。（王海　李娜）\n"
    )
    first, second, third = parse_text(f"短讯\n\n{items}", segmenter).articles
    assert (first.authors, first.affiliation, first.partial) == ((), "孤东采油厂党委组织部", False)
    assert (second.authors, second.affiliation) == (("刘晓燕",), "油田工会")
    assert (third.authors, third.affiliation) == (("王海", "李娜"), None)


def test_a_news_items_closing_unit_and_writer_are_its_affiliation_and_author(segmenter) -> None:
    """``本报讯　…。（油田工会　刘晓燕）`` reads its brackets as a brief item does."""
    page = "职工创新成果展开幕\n\n本报讯　油田工会举办第五届职工技术创新成果展，展出成果86项，其中12项已推广应用。（油田工会　刘晓燕）\n"
    [article] = parse_text(page, segmenter).articles
    assert (article.title, article.authors, article.affiliation) == ("职工创新成果展开幕", ("刘晓燕",), "油田工会")
    assert "刘晓燕" not in article.body


DECISION = (
    "关于表彰2025年度先进基层党组织\n和优秀共产党员的决定\n\n各基层党委：\n"
    "　　为表彰先进、树立典型，集团公司党委决定，授予炼油厂党委等10个基层党组织“先进基层党组织”称号。\n"
    "　　希望受到表彰的先进基层党组织珍惜荣誉、再接再厉。\n\n"
    "　　　　　　　　中共兰化集团公司委员会\n　　　　　　　　　　2026年3月1日\n"
)


def test_a_text_signed_by_its_issuer_over_the_date_is_the_issuers_with_no_author(segmenter) -> None:
    """An organisation's name right-set over the date at a text's end (a 决定 of the 党委) signs it:
    no author, the issuer its affiliation, the date no body text; the wrapped line atop is its title."""
    (article,) = parse_text(DECISION, segmenter).articles
    assert (article.title, article.authors, article.affiliation) == (
        "关于表彰2025年度先进基层党组织和优秀共产党员的决定", (), "中共兰化集团公司委员会")
    assert [p.text for p in article.paragraphs][0] == "各基层党委："
    assert "2026年3月1日" not in article.body
    assert article.lines == ((1, 9),)


def test_an_issuer_without_a_date_under_it_signs_nothing(segmenter) -> None:
    page = DECISION.replace("\n　　　　　　　　　　2026年3月1日\n", "\n")
    (article,) = parse_text(page, segmenter).articles
    assert article.affiliation is None


CALL = (
    "征文启事\n　　为庆祝中国共产党成立105周年，报社开展主题征文活动。\n　　投稿邮箱：lhjtb@lanhua.example.com\n"
    "　　联系电话：0931-7931234\n　　　　　　　　兰化集团报编辑部\n\n"
    "地址：甘肃省兰州市西固区合水北路1号　邮编：730060　电话：0931-7930000\n"
)


def test_a_notice_signed_off_under_its_contact_lines_leaves_the_imprint_below_it(segmenter) -> None:
    """A notice ends at the issuer signed under its closing lines: the ``地址：… 电话：…`` line past the
    blank line under it is the page's imprint, no more of the notice."""
    result = parse_text(CALL, segmenter)
    assert [(l.kind, l.lines) for l in result.leftovers] == [("call_for_papers", ((1, 5),)), ("imprint", ((7, 7),))]


def test_a_supplements_letter_spaced_gaoyue_is_a_call_for_papers(segmenter) -> None:
    """``稿　约`` over the 副刊's standing call for contributions and its contact lines: one call
    for papers."""
    page = ("稿　约\n　　本版常年征集散文、诗歌、书评及书法、摄影作品，来稿请注明作者单位。\n"
            "　　投稿邮箱：gcfk@xigang.example.com\n　　联系电话：0471-6618823\n")
    result = parse_text(page, segmenter)
    assert [(l.kind, l.lines) for l in result.leftovers] == [("call_for_papers", ((1, 4),))]
    assert result.articles == ()
