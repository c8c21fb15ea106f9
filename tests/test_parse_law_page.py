"""A 信访·法治 专版's patterns: a statistics table OCR'd with spaces between its cells under its
``表1　…`` caption, the credit ``（本版稿件由公司信访办提供）``, a byline with the unit before the
writer (``文/法律事务部　陈　静``), a caption ending ``（图/王　涛）``, a headline that asks between
two phrases, and a page's ``编者按：`` over a column band."""

from __future__ import annotations

import pytest

from page_text import parse_text

NEWS = "上半年信访事项办结率达96.5%\n　　本报讯（记者　孙　悦）7月14日，公司召开上半年信访工作分析会（见表1）。\n"
TABLE = "季度　受理件数　办结件数　办结率\n一季度　126　121　96.0%\n二季度　131　127　96.9%\n"
AFTER = "　　会议要求，各单位要推动矛盾纠纷就地化解。\n"
ROWS = "季度\t受理件数\t办结件数\t办结率\n一季度\t126\t121\t96.0%\n二季度\t131\t127\t96.9%"


@pytest.mark.parametrize("caption, heading", [
    ("表1　2026年上半年信访办理情况\n", [("heading", "表1 2026年上半年信访办理情况")]),
    ("附表２：上半年信访办理情况\n", [("heading", "附表２：上半年信访办理情况")]),
    ("", []),
])
def test_a_table_of_spaced_cells_is_one_table_under_its_caption(caption, heading, segmenter) -> None:
    """Rows of short cells between spaces, as many a row, figures under the header (``spaced_table``):
    one table, cells between tabs; the ``表1　…`` line right over it is its caption, a heading
    (``table_caption``), never run into the text above."""
    (article,) = parse_text(f"{NEWS}\n{caption}{TABLE}\n{AFTER}", segmenter).articles
    assert [(p.kind, p.text) for p in article.paragraphs] == [
        ("text", "7月14日，公司召开上半年信访工作分析会（见表1）。"), *heading, ("table", ROWS),
        ("text", "会议要求，各单位要推动矛盾纠纷就地化解。"),
    ]


def test_a_spaced_table_printed_tight_under_a_paragraph_ends_it(segmenter) -> None:
    (article,) = parse_text(NEWS + TABLE + AFTER, segmenter).articles
    assert [p.kind for p in article.paragraphs] == ["text", "table", "text"]


@pytest.mark.parametrize("grid", [
    "安全　质量　效益\n团结　奋进　拼搏\n创新　协调　绿色\n",  # words, no figures
    "姓名　得分　名次\n王　强　98　1\n刘　洋　95　2\n",  # a letter-spaced name: more cells than the header
    "季度　受理件数　办结件数\n一季度　126　121\n",  # one row of figures
])
def test_a_grid_without_rows_of_figures_is_no_table(grid, segmenter) -> None:
    result = parse_text(f"{NEWS}{grid}", segmenter)
    assert "table" not in [p.kind for a in result.articles for p in a.paragraphs]


def test_a_sentence_naming_a_table_is_no_caption(segmenter) -> None:
    (article,) = parse_text(f"{NEWS}表1列出了上半年的情况。\n{TABLE}", segmenter).articles
    assert "heading" not in [p.kind for p in article.paragraphs]


QA = "　　问：信访事项受理后，多长时间能办结？\n　　答：应当自受理之日起60日内办结。\n"


@pytest.mark.parametrize("credit, unit", [
    ("（本版稿件由公司信访办提供）", "公司信访办"),
    ("（本文由党委宣传部供稿）", "党委宣传部"),
    ("（供稿：信访办）", "信访办"),
])
def test_a_credit_naming_the_unit_that_provided_the_text_is_its_affiliation(credit, unit, segmenter) -> None:
    """``（本版稿件由公司信访办提供）`` under the last answer (``[bylines] provided_items``,
    ``provided_verbs``): no author, the unit the piece's affiliation, the line out of its text; the
    headline over the piece, under a column band, is its title."""
    page = f"政策问答\n\n信访事项怎么提、怎么办？这三个问题要知道\n\n{QA}{credit}\n"
    result = parse_text(page, segmenter)
    [article] = result.articles
    assert (article.title, article.authors, article.affiliation) == ("信访事项怎么提、怎么办？这三个问题要知道", (), unit)
    assert article.body.endswith("60日内办结。")
    assert [(l.kind, l.text) for l in result.leftovers] == [("column_name", "政策问答")]


@pytest.mark.parametrize("credit", ["（本版稿件由大家提供）", "（本版稿件由公司信访办整理）"])
def test_a_provided_by_line_naming_no_unit_stays_text(credit, segmenter) -> None:
    (article,) = parse_text(f"标题\n文/张三\n\n{QA}{credit}\n", segmenter).articles
    assert article.affiliation is None and article.body.endswith(credit)


@pytest.mark.parametrize("title, is_title", [
    ("安全为了谁？为了你我他", True),
    ("信访事项怎么提、怎么办？这三个问题要知道", True),
    ("信访事项如何办理？", False),  # the mark ends the line: a sentence's
    ("问：对处理意见不服，还能怎么办？", False),
    ("他问：为什么？我说不知道", False),
])
def test_a_headline_may_ask_between_two_phrases(title, is_title, segmenter) -> None:
    """A title may hold one question (or exclamation) mark between two phrases; a line that ends
    with it, or holds a comma or a colon, is read as text (``title_shape.asks_between_phrases``)."""
    result = parse_text(f"{title}\n文/张　三\n\n　　正文写在这里。\n", segmenter)
    assert (result.articles[0].title == title) is is_title


@pytest.mark.parametrize("byline, authors, unit", [
    ("文/法律事务部　陈　静", ("陈静",), "法律事务部"),
    ("作者：采油三厂党委办公室　王　强", ("王强",), "采油三厂党委办公室"),
    ("文/张三　李四", ("张三", "李四"), None),  # names only, as before
])
def test_a_slash_byline_may_name_the_unit_before_the_writer(byline, authors, unit, segmenter) -> None:
    (article,) = parse_text(f"工伤待遇起争议　依法调解化心结\n{byline}\n\n　　【案情】2025年10月，职工张某摔伤。\n", segmenter).articles
    assert (article.authors, article.affiliation) == (authors, unit)
    assert [p.text for p in article.paragraphs] == ["【案情】2025年10月，职工张某摔伤。"]


CASE = "典型案例\n\n工伤待遇起争议\n文/陈　静\n\n　　【案情】2025年10月，职工张某摔伤，多次到厂部反映。\n\n"


@pytest.mark.parametrize("credit", ["（图/王　涛）", "（摄影/王　涛）"])
def test_flush_lines_ending_in_a_bracketed_credit_that_names_after_its_label_are_a_caption(credit, segmenter) -> None:
    page = f"{CASE}7月10日，公司信访办工作人员在作业区为一线\n职工提供“信访代办”上门服务。{credit}\n"
    result = parse_text(page, segmenter)
    assert [(l.kind, l.lines) for l in result.leftovers] == [("column_name", ((1, 1),)), ("caption", ((8, 9),))]
    assert result.articles[0].body == "【案情】2025年10月，职工张某摔伤，多次到厂部反映。"


def test_a_bracketed_figure_number_is_no_credit(segmenter) -> None:
    (article,) = parse_text(f"{CASE}　　厂里当即补发差额。职工在作业区。（图1）\n", segmenter).articles
    assert article.body.endswith("（图1）")


def test_an_editors_note_over_a_column_band_belongs_to_the_article_under_the_band(segmenter) -> None:
    """A 专版's ``编者按：`` at the page's top, the band of its first column under it: the note of
    that column's first article, not a leftover."""
    page = ("　　编者按：本报今起每月推出“信访·法治”专版，敬请关注。\n\n政策问答\n\n"
            f"信访事项怎么提、怎么办？这三个问题要知道\n\n{QA}（本版稿件由公司信访办提供）\n")
    result = parse_text(page, segmenter)
    assert result.articles[0].editor_note == "本报今起每月推出“信访·法治”专版，敬请关注。"
    assert [l.kind for l in result.leftovers] == ["column_name"]
