"""Bylines, news items and page furniture of company papers' 工会/信访 pages: ``文/高志强　图/刘洋``,
a headline-less ``本报讯　…（张敏）``, ``本版责任编辑：王晓梅　美术编辑：韩　冬``, a dateline's
``工会·信访`` and a column band that the editor's note under it names."""

from __future__ import annotations

import pytest

from page_text import parse_text


BODY = "　　在轨梁厂精整作业区，提起丙班班长陈宝林，职工们都亲切地叫他“老娘舅”。大家有了难处第一个想到的就是他。\n"
NEWS = "　　近日，稀土钢板材公司工会举办职工法律维权知识专题讲座，现场解答职工咨询20余人次。"


@pytest.mark.parametrize("byline, authors", [
    ("文/高志强　图/刘　洋", ("高志强",)),
    ("文/高志强 摄影/刘洋", ("高志强",)),
    ("文 / 高志强　王芳　图 / 刘洋", ("高志强", "王芳")),
    ("文、图/高志强", ("高志强",)),
    ("文/高志强", ("高志强",)),
])
def test_a_photographers_credit_after_the_writer_keeps_the_byline(byline, authors, segmenter) -> None:
    """The writer is the author; the photographer's credit stays on the byline line, out of the body."""
    result = parse_text(f"班组里的“老娘舅”\n{byline}\n\n{BODY}", segmenter)
    [article] = result.articles
    assert (article.title, article.authors, article.author_roles) == ("班组里的“老娘舅”", authors, (None,) * len(authors))
    assert article.body.startswith("在轨梁厂")


def test_a_photo_credit_alone_is_no_byline(segmenter) -> None:
    result = parse_text(f"班组里的“老娘舅”\n图/刘洋\n\n{BODY}", segmenter)
    assert all("刘洋" not in a.authors for a in result.articles)


@pytest.mark.parametrize("opener", ["本报讯　", "本报讯 ", "本报讯"])
def test_a_headline_less_news_item_signed_at_its_end_is_its_own_article(opener, segmenter) -> None:
    page = f"班组里的“老娘舅”\n文/高志强\n\n{BODY}\n{opener}{NEWS.strip()}（张　敏）\n"
    result = parse_text(page, segmenter)
    assert [(a.title, a.authors, a.lines) for a in result.articles] == [
        ("班组里的“老娘舅”", ("高志强",), ((1, 4),)), (None, ("张敏",), ((6, 6),))]
    assert result.articles[1].body == NEWS.strip()


def test_a_news_item_after_a_caption_does_not_run_on_from_the_article_above(segmenter) -> None:
    page = f"班组里的“老娘舅”\n文/高志强\n\n{BODY}\n图为陈宝林在班前会上与职工交流。\n\n本报讯（记者 赵鹏）4月13日，公司工会召开职工诉求分析会。\n"
    result = parse_text(page, segmenter)
    assert [(a.title, a.authors, a.author_roles) for a in result.articles] == [
        ("班组里的“老娘舅”", ("高志强",), (None,)), (None, ("赵鹏",), ("记者",))]


def test_brackets_that_are_no_writer_stay_in_a_news_items_text(segmenter) -> None:
    """Only a name after a finished sentence signs the item: a reference or a mid-sentence bracket stays."""
    result = parse_text("本报讯　近日，公司工会表彰了一批先进个人（见附表）\n", segmenter)
    [article] = result.articles
    assert article.authors == ()
    assert article.body.endswith("（见附表）")


@pytest.mark.parametrize("line, editors", [
    ("本版责任编辑：王晓梅　　美术编辑：韩　冬　　校对：李　娜", {"本版责任编辑": "王晓梅", "美术编辑": "韩冬", "校对": "李娜"}),
    ("本期责任编辑：王晓梅", {"本期责任编辑": "王晓梅"}),
    ("责任编辑：王 丽　版式：张强", {"责任编辑": "王丽", "版式": "张强"}),
])
def test_staff_lines_with_a_prefix_or_letter_spaced_names_are_the_pages_editors(line, editors, segmenter) -> None:
    result = parse_text(f"班组里的“老娘舅”\n文/高志强\n\n{BODY}\n{line}\n", segmenter)
    assert [(l.kind, l.text) for l in result.leftovers] == [("editors", line)]
    assert dict(result.note.meta.editors) == editors


def test_a_sentence_opening_with_a_prefix_is_no_staff_line(segmenter) -> None:
    result = parse_text(f"班组里的“老娘舅”\n文/高志强\n\n{BODY}\n本版责任编辑：王晓梅介绍，本期选题。\n", segmenter)
    assert "editors" not in [l.kind for l in result.leftovers]
    assert not result.note.meta.editors


@pytest.mark.parametrize("dateline, column", [
    ("2026年4月15日　星期三　　第3版　　工会·信访", "工会·信访"),
    ("2026年4月15日　星期三　第3版·工会园地", "工会园地"),
    ("2026年4月15日 · 星期三 · 第3版 · 党建", "党建"),
])
def test_a_dot_inside_a_column_name_is_kept_one_between_fields_is_not(dateline, column, segmenter) -> None:
    result = parse_text(f"北钢日报\n{dateline}\n\n班组里的“老娘舅”\n文/高志强\n\n{BODY}", segmenter)
    assert result.note.meta.column == column


NOTE = "　　编者按：信访工作是党的群众工作的重要组成部分。本版今起开\n设“信访接待日”专栏，邀请有关部门负责人答疑解惑，敬请关注。\n"
INTERVIEW = "“接诉即办”让职工诉求件件有回音\n——访公司信访办主任郝建军\n本报记者　乌兰\n\n　　问：机制推行以来取得了哪些成效？\n　　答：一季度共受理职工诉求216件，已办结209件。\n"


@pytest.mark.parametrize("band", ["信访接待日", "【信访接待日】"])
def test_a_band_the_editors_note_names_as_a_column_is_the_column(band, segmenter) -> None:
    result = parse_text(f"{band}\n\n{NOTE}\n{INTERVIEW}", segmenter)
    assert [(l.kind, l.text) for l in result.leftovers] == [("column_name", band)]
    [article] = result.articles
    assert (article.title, article.subtitle, article.authors) == ("“接诉即办”让职工诉求件件有回音", "访公司信访办主任郝建军", ("乌兰",))
    assert article.editor_note.startswith("信访工作是")
    assert result.note.meta.column == "信访接待日"


def test_a_short_line_over_a_note_that_does_not_name_it_stays_where_it_was(segmenter) -> None:
    """A note naming another column (or none) says nothing of the line above it."""
    other = NOTE.replace("信访接待日", "职工说事")
    before = parse_text(f"信访接待日\n\n{NOTE.replace('“信访接待日”专栏', '专栏')}\n{INTERVIEW}", segmenter)
    after = parse_text(f"信访接待日\n\n{other}\n{INTERVIEW}", segmenter)
    for result in (before, after):
        assert "column_name" not in [l.kind for l in result.leftovers]


ITEM_A = "泽州公司党员服务队进网格解民忧\n　　6月12日，泽州县供电公司共产党员服务队走进巴公\n镇12个村网格，现场解决用电问题23个。\n"
ITEM_B = "高平公司举办青年员工技能比武\n　　6月14日，高平市供电公司举办配网带电作业青年员\n工技能比武，32名选手同台竞技。\n"


@pytest.mark.parametrize("credit, authors", [
    ("（通讯员　王　强）", ("王强",)),
    ("通讯员　赵小龙　报道", ("赵小龙",)),
    ("（通讯员　刘　洋　宋佳琪）", ("刘洋", "宋佳琪")),
])
@pytest.mark.parametrize("gap", ["\n", ""])
def test_a_credit_line_under_a_news_items_last_paragraph_closes_it(credit, authors, gap, segmenter) -> None:
    """A headline, its paragraph and the writer's credit on its own trailing line (no 本报讯): the
    credit is the item's byline, not the next item's, and each headline is its item's title."""
    result = parse_text(f"{ITEM_A}{credit}\n{gap}{ITEM_B}（通讯员　张　丽）\n", segmenter)
    assert [(a.title, a.authors, a.author_roles) for a in result.articles] == [
        ("泽州公司党员服务队进网格解民忧", authors, ("通讯员",) * len(authors)),
        ("高平公司举办青年员工技能比武", ("张丽",), ("通讯员",)),
    ]
    assert result.articles[0].body.endswith("用电问题23个。")


def test_a_bracketed_credit_under_a_title_stays_its_byline(segmenter) -> None:
    """Under a headline (no finished paragraph above it) the same bracketed credit heads the item."""
    (article,) = parse_text(f"泽州公司党员服务队进网格解民忧\n（通讯员　王　强）\n\n{NEWS}\n", segmenter).articles
    assert (article.title, article.authors) == ("泽州公司党员服务队进网格解民忧", ("王强",))


@pytest.mark.parametrize("credit, unit, authors", [
    ("（供稿：党委组织部）", "党委组织部", ()),
    ("　　　　　　　　（综采一队党支部供稿）", "综采一队党支部", ()),
    ("（公司工会　李　静）", "公司工会", ("李静",)),
])
def test_a_units_bracketed_credit_under_an_items_last_paragraph_closes_it(credit, unit, authors, segmenter) -> None:
    """A bulletin's item ends with the unit that sent it, bracketed on its own line (``unit_credit``):
    the unit is the item's affiliation (and a name beside it its author), the line is no text, and
    the next headline keeps its own title."""
    result = parse_text(f"{ITEM_A}{credit}\n{ITEM_B}（供稿：信访办）\n", segmenter)
    assert [(a.title, a.authors, a.affiliation) for a in result.articles] == [
        ("泽州公司党员服务队进网格解民忧", authors, unit),
        ("高平公司举办青年员工技能比武", (), "信访办"),
    ]
    assert result.articles[0].body.endswith("用电问题23个。")


def test_a_bracketed_aside_or_an_unfinished_sentence_over_a_unit_is_no_credit(segmenter) -> None:
    """A bracketed aside that names no unit (``（掌声）``), or a bracketed unit under a sentence that
    has not ended, stays the paragraph's text."""
    for tail in ("（掌声）", "（供稿：大家）"):
        (article,) = parse_text(f"{ITEM_A}{tail}\n", segmenter).articles
        assert (article.affiliation, article.body.endswith(tail)) == (None, True)
    page = "泽州公司党员服务队进网格解民忧\n　　6月12日，服务队会同\n（综采一队党支部供稿）\n走进巴公镇。\n"
    (article,) = parse_text(page, segmenter).articles
    assert article.affiliation is None and "综采一队党支部供稿" in article.body


BULLETIN = (
    "【工作动态】\n\n{item_a}（供稿：党委组织部）\n\n{label}\n\n{item_b}（供稿：信访办）\n"
)


@pytest.mark.parametrize("label", ["【基层经验】", "【工会工作】"])
def test_a_bracketed_label_set_off_by_blank_lines_over_an_item_is_its_column(label, segmenter) -> None:
    """A bulletin prints a bracketed column label over each item, a blank line above and below it:
    a column band, not a heading of the item above."""
    result = parse_text(BULLETIN.format(item_a=ITEM_A, item_b=ITEM_B, label=label), segmenter)
    assert [(l.kind, l.text) for l in result.leftovers] == [("column_name", "【工作动态】"), ("column_name", label)]
    assert [a.title for a in result.articles] == ["泽州公司党员服务队进网格解民忧", "高平公司举办青年员工技能比武"]
    assert all(p.kind == "text" for a in result.articles for p in a.paragraphs)


def test_a_bracketed_heading_over_indented_text_after_a_blank_line_stays_a_heading(segmenter) -> None:
    """``【采访手记】`` with a blank line under it and the section's indented text next stays the
    article's heading."""
    page = FEATURE.replace("【采访手记】\n", "【采访手记】\n\n")
    (article,) = parse_text(page, segmenter).articles
    assert [p.text for p in article.paragraphs if p.kind == "heading"] == ["一只工具包背了十八年", "采访手记"]


FEATURE = (
    "“背包电工”走出一条光明路\n本报通讯员　李　娜\n\n　　清晨六点，太行山深处的古郊乡还笼着一层薄雾。\n\n"
    "【一只工具包背了十八年】\n　　牛建军的工具包里装着万用表、验电笔和一本笔记本。\n\n"
    "【采访手记】\n　　跟着牛建军跑了一天山路，笔者的腿已经酸得抬不起来。\n"
)


def test_a_bracketed_line_inside_an_article_is_a_section_heading(segmenter) -> None:
    """``【…】`` alone between an article's paragraphs (a 小标题, a closing ``【采访手记】``) is a
    heading of that article, its words without the brackets; the article stays one."""
    (article,) = parse_text(FEATURE, segmenter).articles
    assert [(p.kind, p.text) for p in article.paragraphs if p.kind == "heading"] == [
        ("heading", "一只工具包背了十八年"), ("heading", "采访手记")]
    assert article.lines == ((1, 10),)


def test_a_bracketed_label_is_still_its_boxs(segmenter) -> None:
    """A box label in brackets (``【广告】``) stays a box, even after a paragraph."""
    result = parse_text(f"班组里的“老娘舅”\n文/高志强\n\n{BODY}\n【广告】\n订购热线：0472-2180000\n", segmenter)
    assert [l.kind for l in result.leftovers] == ["advert"]
    assert all(p.kind != "heading" for a in result.articles for p in a.paragraphs)


CASES = (
    "用心用情解民忧\n集团公司信访办　刘　洋\n\n　　现选登两则典型案例，供各单位学习借鉴。\n\n"
    "案例一：补认工龄解开老职工心结\n【案情简介】\n　　退休职工老李多次来信反映，其8年工龄未被认定，\n"
    "影响养老金计算。\n【处理过程】\n　　信访办调阅原始档案200余卷，依规为其补认了工龄。\n"
)


def test_a_numbered_case_title_and_bracketed_labels_without_blank_lines_are_headings(segmenter) -> None:
    """``案例一：…`` (a label of ``[headings] numbered_labels``, a number, a colon) is a heading, and a
    ``【…】`` line right under it or under a finished paragraph (no blank line between) is one too."""
    (article,) = parse_text(CASES, segmenter).articles
    assert [(p.kind, p.text) for p in article.paragraphs] == [
        ("text", "现选登两则典型案例，供各单位学习借鉴。"),
        ("heading", "案例一：补认工龄解开老职工心结"),
        ("heading", "案情简介"),
        ("text", "退休职工老李多次来信反映，其8年工龄未被认定，影响养老金计算。"),
        ("heading", "处理过程"),
        ("text", "信访办调阅原始档案200余卷，依规为其补认了工龄。"),
    ]
    assert (article.authors, article.affiliation) == (("刘洋",), "集团公司信访办")


def test_a_numbered_case_sentence_stays_text(segmenter) -> None:
    """``案例一：…。`` that is a sentence is the paragraph's text, no heading."""
    page = "用心用情解民忧\n集团公司信访办　刘　洋\n\n案例一：老李多次来信反映工龄问题，已依规解决。\n"
    (article,) = parse_text(page, segmenter).articles
    assert [p.kind for p in article.paragraphs] == ["text"]


OPINION_A = "安全培训要“接地气”\n　　培训应多用现场案例，多搞实操演练，让员工在“动手”中\n真正把安全知识装进脑子里。\n"
OPINION_B = "数字化要真正为一线减负\n　　建议尽快清理重复报表，让数字化真正减轻一线负担。\n"


def test_a_unit_byline_under_an_opinions_last_paragraph_signs_it(segmenter) -> None:
    """A 一线声音 column's short opinions: a headline, one paragraph, and unit and writer run together on
    the line under it (``采油二厂　张　强``) with a blank line below: the piece's closing byline (its
    author and affiliation), not the next piece's, and each headline keeps its title."""
    page = f"一线声音\n\n{OPINION_A}采油二厂　张　强\n\n{OPINION_B}第三输油处　刘　芳\n"
    result = parse_text(page, segmenter)
    assert [(a.title, a.authors, a.affiliation) for a in result.articles] == [
        ("安全培训要“接地气”", ("张强",), "采油二厂"),
        ("数字化要真正为一线减负", ("刘芳",), "第三输油处"),
    ]
    assert [l.kind for l in result.leftovers] == ["column_name"]
    assert result.articles[0].body.endswith("装进脑子里。")


def test_a_unit_byline_under_a_title_still_heads_its_article(segmenter) -> None:
    """Under a headline, with the text right below it, the same line is the article's leading byline."""
    (article,) = parse_text(f"泽州公司党员服务队进网格解民忧\n采油二厂　张　强\n{NEWS}\n", segmenter).articles
    assert (article.title, article.authors, article.affiliation) == ("泽州公司党员服务队进网格解民忧", ("张强",), "采油二厂")


SPEAKERS = (
    "　　王建军（采油三厂党支部书记）：我们把党员示范岗设在井场，\n每个班组至少有一名党员带班。\n"
    "　　陈晓峰（采油三厂作业二区班长）：过去开班前会只讲生产任务，\n现在我们增加了“五分钟微党课”。\n"
)


@pytest.mark.parametrize("band", ["班组长说", "一线声音", "基层之声"])
def test_an_unsigned_headline_under_a_column_band_is_its_title(band, segmenter) -> None:
    """A band alone, a blank line, a short flush headline and indented paragraphs right under it
    (an interview excerpt no one signs, its paragraphs opening with the speakers): the band is the
    column, the headline the piece's title, no author (the speakers are no byline)."""
    result = parse_text(f"{band}\n\n党建工作怎样融入班组生产\n{SPEAKERS}", segmenter)
    ((article,), leftovers) = result.articles, result.leftovers
    assert [(l.kind, l.text) for l in leftovers] == [("column_name", band)]
    assert (article.title, article.authors, article.affiliation) == ("党建工作怎样融入班组生产", (), None)
    assert article.paragraphs[0].text.startswith("王建军（采油三厂党支部书记）：")


def test_a_short_line_with_a_blank_line_under_it_below_a_band_claims_no_title(segmenter) -> None:
    """With a blank line between it and the paragraph, the short line stays a paragraph of its own,
    as at the page's top: no byline, no blank-free headline, so no title is claimed."""
    (article,) = parse_text(f"班组长说\n\n党建工作怎样融入班组生产\n\n{SPEAKERS}", segmenter).articles
    assert article.title is None
    assert article.paragraphs[0].text == "党建工作怎样融入班组生产"


def test_a_unit_in_brackets_closing_a_news_item_is_its_affiliation_not_its_writer(segmenter) -> None:
    from page_text import parse_text

    page = "综采一队党员突击攻坚\n　　本报讯　4月5日，综采一队党支部组织党员突击队检修设备，提前4小时恢复生产。（综采一队）\n"
    (article,) = parse_text(page, segmenter).articles
    assert (article.authors, article.affiliation) == ((), "综采一队")
    assert article.paragraphs[0].text.endswith("恢复生产。")
