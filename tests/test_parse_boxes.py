"""Ruled boxes (``━━━━`` / ``广　告`` / … / ``━━━━``), boxes with only their label (``【广告】`` / …, up to
a blank line) and printed rules standing alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhenggong_report.parse.layout_file import load_layout
from zhenggong_report.resources import data_path
from zhenggong_report.sources import source_from_bytes

from page_text import parse_text

ARTICLE = "班组建设的几点做法\n■ 张三\n\n　　矿党委坚持把班组建设作为基础工程来抓，选拔出一批懂技术、会管理的班组长。\n"
ADVERT = "广　告\n晋能控股煤业集团职工培训中心2026年春季招生\n开设采煤、掘进等工种培训，报名电话：0352-1234567\n地址：大同市平城区迎宾街18号"


@pytest.mark.parametrize("rule", ["━━━━━━━━━━", "══════════", "——————————", "──────────"])
def test_a_ruled_box_labelled_advert_is_one_advert(rule, segmenter) -> None:
    result = parse_text(f"{ARTICLE}\n{rule}\n{ADVERT}\n{rule}\n", segmenter)
    assert [(l.kind, l.lines) for l in result.leftovers] == [("advert", ((6, 11),))]
    assert [p.text for p in result.articles[0].paragraphs] == ["矿党委坚持把班组建设作为基础工程来抓，选拔出一批懂技术、会管理的班组长。"]


def test_blank_lines_inside_the_box_do_not_make_a_title_or_a_byline(segmenter) -> None:
    result = parse_text(f"{ARTICLE}\n━━━━━━━━━━\n\n{ADVERT}\n\n━━━━━━━━━━\n", segmenter)
    assert [a.title for a in result.articles] == ["班组建设的几点做法"]
    assert [(l.kind, l.lines) for l in result.leftovers] == [("advert", ((6, 13),))]


def test_a_box_right_under_the_text_ends_its_paragraph(segmenter) -> None:
    page = "班组建设的几点做法\n■ 张三\n\n　　矿党委坚持把班组建设作为基础工程来抓，\n选拔出一批懂技术的班组长。\n━━━━━━━━━━\n" + ADVERT + "\n━━━━━━━━━━\n"
    result = parse_text(page, segmenter)
    assert result.articles[0].lines == ((1, 5),)
    assert [l.kind for l in result.leftovers] == ["advert"]


def test_a_box_without_a_label_is_left_to_the_other_rules(segmenter) -> None:
    result = parse_text(f"{ARTICLE}\n━━━━━━━━━━\n相关链接\n“三强三优”指班子强、队伍强、作用强。\n━━━━━━━━━━\n", segmenter)
    assert "advert" not in [l.kind for l in result.leftovers]
    assert [l.kind for l in result.leftovers].count("rule") == 2


def test_a_label_with_no_rule_under_it_is_no_ruled_box(segmenter) -> None:
    result = parse_text(f"{ARTICLE}\n━━━━━━━━━━\n{ADVERT}\n", segmenter)
    assert [(l.kind, l.lines) for l in result.leftovers] == [("rule", ((6, 6),)), ("advert", ((7, 10),))]


def test_a_rule_alone_is_never_a_title(segmenter) -> None:
    result = parse_text(f"══════════\n\n{ARTICLE}", segmenter)
    assert [a.title for a in result.articles] == ["班组建设的几点做法"]
    assert [(l.kind, l.text) for l in result.leftovers] == [("rule", "══════════")]


def test_a_short_dash_run_is_still_a_subtitle(segmenter) -> None:
    page = "以身作则树旗帜\n——论优秀共产党员的表率作用\n■ 张三\n\n　　优秀共产党员的表率作用意义重大。\n"
    (article,) = parse_text(page, segmenter).articles
    assert article.subtitle == "论优秀共产党员的表率作用"


def test_box_labels_come_from_layout_toml(tmp_path: Path, segmenter) -> None:
    text = data_path("layout.toml").read_text(encoding="utf-8").replace('"广告" = "advert"', '"广告" = "advert"\n"启事" = "announcement"')
    (tmp_path / "layout.toml").write_text(text, encoding="utf-8")
    page = f"{ARTICLE}\n━━━━━━━━━━\n启　事\n本报编辑部即日起迁至新址办公。\n━━━━━━━━━━\n"
    assert [l.kind for l in parse_text(page, segmenter).leftovers] != ["announcement"]
    assert [l.kind for l in parse_text(page, segmenter, load_layout(tmp_path)).leftovers] == ["announcement"]


BRIEF = "本报讯（通讯员 王磊）2月3日，公司工会组织开展“送温暖”活动，走访慰问困难职工32户。\n"
LABELLED = "\n华电职工技能培训学校2026年招生简章\n报名热线：0531-88886666　地址：济南市历下区经十路99号\n"


@pytest.mark.parametrize("label", ["【广告】", "［广告］", "[广告]", "广告", "广　告"])
def test_a_label_alone_on_a_line_opens_an_advert_to_the_blank_line(label, segmenter) -> None:
    result = parse_text(f"{ARTICLE}\n{label}{LABELLED}\n{BRIEF}", segmenter)
    assert [(l.kind, l.lines) for l in result.leftovers] == [("advert", ((6, 8),))]
    assert [(a.title, a.authors, a.author_roles, a.lines) for a in result.articles] == [
        ("班组建设的几点做法", ("张三",), (None,), ((1, 4),)),
        (None, ("王磊",), ("通讯员",), ((10, 10),)),
    ]
    assert result.articles[1].paragraphs[0].text.startswith("2月3日，公司工会组织开展")


def test_an_unruled_advert_ends_at_a_rule(segmenter) -> None:
    result = parse_text(f"{ARTICLE}\n【广告】{LABELLED}━━━━━━━━━━\n{ARTICLE}", segmenter)
    assert [(l.kind, l.lines) for l in result.leftovers] == [("advert", ((6, 8),)), ("rule", ((9, 9),))]
    assert [a.title for a in result.articles] == ["班组建设的几点做法", "班组建设的几点做法"]


def test_a_label_ends_the_hard_wrapped_paragraph_above_it(segmenter) -> None:
    page = "班组建设的几点做法\n■ 张三\n\n　　矿党委坚持把班组建设作为基础工程来抓，\n选拔出一批懂技术的班组长。\n【广告】" + LABELLED
    result = parse_text(page, segmenter)
    assert result.articles[0].lines == ((1, 5),)
    assert [(l.kind, l.lines) for l in result.leftovers] == [("advert", ((6, 8),))]


def test_a_label_with_a_blank_line_under_it_is_the_advert_alone(segmenter) -> None:
    result = parse_text(f"{ARTICLE}\n【广告】\n\n{BRIEF}", segmenter)
    assert [(l.kind, l.lines) for l in result.leftovers] == [("advert", ((6, 6),))]
    assert [(a.title, a.authors) for a in result.articles] == [("班组建设的几点做法", ("张三",)), (None, ("王磊",))]


def test_a_label_over_more_lines_than_a_box_holds_is_the_advert_alone(segmenter) -> None:
    body = "".join(f"第{n}条招生信息，详见学校网站公告栏\n" for n in range(20))
    result = parse_text(f"{ARTICLE}\n【广告】\n{body}", segmenter)
    assert [(l.kind, l.lines) for l in result.leftovers if l.kind == "advert"] == [("advert", ((6, 6),))]


def test_the_word_advert_inside_an_articles_lines_is_text(segmenter) -> None:
    page = (
        "公益广告进社区活动启动\n■ 张三\n\n　　矿工会在职工生活区设置公益广告牌，宣传安全生产知识，\n"
        "广告内容由职工自己设计，\n广告\n牌前常有职工驻足。\n"
    )
    result = parse_text(page, segmenter)
    assert [l.kind for l in result.leftovers] == []
    (article,) = result.articles
    assert article.title == "公益广告进社区活动启动"
    assert [p.text for p in article.paragraphs] == [
        "矿工会在职工生活区设置公益广告牌，宣传安全生产知识，广告内容由职工自己设计，广告牌前常有职工驻足。"
    ]


def test_a_bare_label_after_a_finished_sentence_ends_the_paragraph(segmenter) -> None:
    page = "班组建设的几点做法\n■ 张三\n\n　　矿党委坚持把班组建设作为基础工程来抓，\n选拔出一批懂技术的班组长。\n广　告" + LABELLED
    result = parse_text(page, segmenter)
    assert result.articles[0].lines == ((1, 5),)
    assert [(l.kind, l.lines) for l in result.leftovers] == [("advert", ((6, 8),))]


TIPS = "职工反映诉求可通过以下渠道：\n公司信访接待室：办公楼一楼102室\n职工服务热线：0472-2180000"


@pytest.mark.parametrize("label", ["温馨提示", "【温馨提示】", "友情提示", "特别提示"])
def test_a_ruled_box_of_tips_is_one_announcement_not_an_article(label, segmenter) -> None:
    result = parse_text(f"{ARTICLE}\n━━━━━━━━━━\n{label}\n{TIPS}\n━━━━━━━━━━\n", segmenter)
    assert [(l.kind, l.lines) for l in result.leftovers] == [("announcement", ((6, 11),))]
    assert [a.title for a in result.articles] == ["班组建设的几点做法"]


def test_a_ruled_box_of_contact_lines_with_no_label_is_no_announcement(segmenter) -> None:
    result = parse_text(f"{ARTICLE}\n━━━━━━━━━━\n{TIPS}\n━━━━━━━━━━\n", segmenter)
    assert "announcement" not in [l.kind for l in result.leftovers]


HARD_WRAPPED = "班组建设的几点做法\n■ 张三\n\n　　矿党委坚持把班组建设作为基础工程来抓，选拔出\n一批懂技术、会管理的班组长。\n"
DRAWN = {
    "light": ("┌──────────────┐", "│", "└──────────────┘"),
    "double": ("╔══════════════╗", "║", "╚══════════════╝"),
    "heavy": ("┏━━━━━━━━━━━━━━┓", "┃", "┗━━━━━━━━━━━━━━┛"),
}


@pytest.mark.parametrize("style", sorted(DRAWN))
def test_a_box_drawn_around_an_advert_is_one_advert_not_the_articles_text(style, segmenter) -> None:
    top, side, bottom = DRAWN[style]
    box = "\n".join([top, f"{side}　淮能牌矿用本安型LED灯　{side}", f"{side}　安全　节能　长寿命　{side}",
                     f"{side}　订购热线：0554-7651234　{side}", bottom])
    for between in ("", "\n"):  # straight under the paragraph's last line, or after a blank line
        result = parse_text(f"{HARD_WRAPPED}{between}{box}\n", segmenter)
        assert [p.text for p in result.articles[0].paragraphs] == ["矿党委坚持把班组建设作为基础工程来抓，选拔出一批懂技术、会管理的班组长。"]
        assert [(l.kind, l.text) for l in result.leftovers] == [("advert", box)]


def test_a_drawn_box_whose_first_line_is_a_label_is_of_the_labels_kind(segmenter) -> None:
    box = "┌────────────┐\n│　温馨提示　│\n│　接待时间：每周二上午　│\n└────────────┘"
    result = parse_text(f"{ARTICLE}\n{box}\n", segmenter)
    assert [(l.kind, l.lines) for l in result.leftovers] == [("announcement", ((6, 9),))]


def test_a_drawn_box_without_a_label_or_a_notices_words_is_not_taken_as_a_notice(segmenter) -> None:
    """A drawn sidebar of an article (a definition, a figure) is no advert: it is left to the other rules."""
    box = "┌────────────┐\n│　名词解释：“三会一课”指支部党员大会、支委会、党小组会和党课。　│\n└────────────┘"
    assert "drawn_box" not in _block_rules(f"{ARTICLE}\n{box}\n", segmenter)
    assert all(l.kind not in ("advert", "announcement") for l in parse_text(f"{ARTICLE}\n{box}\n", segmenter).leftovers)


def test_a_top_edge_without_a_bottom_edge_is_no_drawn_box(segmenter) -> None:
    page = f"{ARTICLE}\n┌────────────┐\n│　订购热线：0554-7651234　│\n\n　　矿工会开展金秋助学活动。\n"
    assert "drawn_box" not in _block_rules(page, segmenter)


def _block_rules(page: str, segmenter) -> set[str]:
    from zhenggong_report.parse.blocks import tokenize_blocks
    from zhenggong_report.parse.layout_file import default_layout
    from zhenggong_report.parse.state import BlockState, read_lines

    source = source_from_bytes(page.encode("utf-8"), "p.txt")
    return {block.rule for block in tokenize_blocks(BlockState(read_lines(source.lines), segmenter, default_layout()))}


@pytest.mark.parametrize("label", ["温馨提示", "【温馨提示】", "友情提示"])
def test_a_label_run_in_before_a_colon_is_the_box_with_its_text_not_the_brief_above(label, segmenter) -> None:
    brief = "本报讯（通讯员　赵敏）11月20日，付村煤矿召开职工代表大会，83名职工代表参加会议。\n"
    result = parse_text(f"{brief}\n{label}：本版投稿邮箱fcgh@163.com，欢迎广大职工踊跃投稿。\n", segmenter)
    assert [(l.kind, l.lines) for l in result.leftovers] == [("announcement", ((3, 3),))]
    (article,) = result.articles
    assert article.authors == ("赵敏",) and article.paragraphs[-1].text.endswith("83名职工代表参加会议。")


def test_a_run_in_label_ends_a_hard_wrapped_paragraph_only_after_a_finished_sentence(segmenter) -> None:
    page = (
        "冬季安全须知\n■ 张三\n\n　　进入冬季，矿工会提醒广大职工注意出行安全，下面是工会的\n"
        "温馨提示：雨雪天气请减速慢行。\n"
    )
    result = parse_text(page, segmenter)
    assert result.leftovers == ()
    assert result.articles[0].paragraphs[-1].text.endswith("下面是工会的温馨提示：雨雪天气请减速慢行。")


ADVERT_HEAD = "诚信经营　服务矿区\n八一煤电化物资供应公司\n经营范围：矿用设备、劳保用品\n地址：枣庄市山亭区府前路8号　电话：0632-8812345\n"


def test_short_lines_of_their_own_over_a_contact_line_are_an_unlabelled_advert(segmenter) -> None:
    result = parse_text(f"{ARTICLE}\n{ADVERT_HEAD}", segmenter)
    assert [(l.kind, l.lines) for l in result.leftovers] == [("advert", ((6, 9),))]
    assert [p.text for p in result.articles[0].paragraphs][-1].endswith("懂技术、会管理的班组长。")


def test_short_lines_run_on_from_a_paragraph_or_with_commas_are_no_advert_head(segmenter) -> None:
    run_on = "班组建设的几点做法\n■ 张三\n\n　　矿党委坚持把班组建设作为基础工程来抓\n选拔出一批懂技术会管理的班组长\n联系电话：0632-8812345\n"
    assert all(l.lines != ((4, 6),) for l in parse_text(run_on, segmenter).leftovers)
    commas = ADVERT_HEAD.replace("诚信经营　服务矿区", "诚信经营，服务矿区")
    assert [l.lines for l in parse_text(f"{ARTICLE}\n{commas}", segmenter).leftovers if l.kind == "advert"] != [((6, 9),)]
