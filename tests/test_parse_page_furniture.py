"""Page furniture of 晋能控股煤业报's layout: the masthead's pinyin line, a page count on the dateline,
the staff printed after the 版次 and 栏目; a masthead known by its place over the dateline (华电之声);
a staff line with spaces for its colons (中国石化报)."""

from __future__ import annotations

import pytest

from zhenggong_report.parse import parse_page
from zhenggong_report.sources import source_from_bytes

from page_text import parse_text

BODY = "　　矿党委坚持把班组建设作为基础工程来抓，在全矿推行班组长竞聘上岗制度，选拔出一批懂技术、会管理的班组长。\n"


def _parse(head: str, segmenter):
    page = f"{head}\n\n班组建设的几点做法\n■ 张三\n\n{BODY}"
    return parse_text(page, segmenter)


def test_the_pinyin_line_under_the_masthead_is_the_mastheads(segmenter) -> None:
    result = _parse("晋能控股煤业报\nJINNENG KONGGU MEIYE BAO", segmenter)
    assert [(l.kind, l.lines) for l in result.leftovers] == [("masthead", ((1, 2),))]
    assert [a.title for a in result.articles] == ["班组建设的几点做法"]
    assert result.note.meta.newspaper == "晋能控股煤业报"


def test_the_pinyin_line_a_blank_line_under_the_masthead_is_still_the_mastheads(segmenter) -> None:
    result = _parse("晋能控股煤业报\n\nJINNENG KONGGU MEIYE BAO", segmenter)
    assert [(l.kind, l.text) for l in result.leftovers] == [("masthead", "晋能控股煤业报\nJINNENG KONGGU MEIYE BAO")]
    assert [a.title for a in result.articles] == ["班组建设的几点做法"]


def test_a_latin_line_not_under_a_masthead_is_no_masthead(segmenter) -> None:
    result = _parse("思想政治工作\nJINNENG KONGGU MEIYE BAO", segmenter)
    assert "masthead" not in [l.kind for l in result.leftovers]


def test_a_lower_case_or_one_word_line_is_not_taken_as_the_pinyin(segmenter) -> None:
    for line in ("Jinneng Konggu Meiye Bao", "JINNENG"):
        result = _parse(f"晋能控股煤业报\n{line}", segmenter)
        assert [l.lines for l in result.leftovers if l.kind == "masthead"] == [((1, 1),)]


def test_a_page_count_on_the_dateline_is_no_edition(segmenter) -> None:
    meta = _parse("2026年3月18日　星期三　　第2586期　　今日8版", segmenter).note.meta
    assert (meta.date, meta.edition, meta.issue, meta.column) == ("2026-03-18", None, "第2586期", None)


def test_the_edition_is_read_past_a_page_count(segmenter) -> None:
    meta = _parse("2026年3月18日　星期三　本期四版　第3版　党建视点", segmenter).note.meta
    assert (meta.edition, meta.column) == ("第3版", "党建视点")


def test_staff_after_the_edition_and_column_are_the_pages_editors(segmenter) -> None:
    result = _parse("第3版　党建视点　　　　责任编辑：王晓东　　美编：李娜", segmenter)
    meta = result.note.meta
    assert (meta.edition, meta.column) == ("第3版", "党建视点")
    assert meta.editors == (("责任编辑", "王晓东"), ("美编", "李娜"))
    assert [l.kind for l in result.leftovers] == ["dateline"]


def test_a_staff_line_alone_is_still_the_editors_line(segmenter) -> None:
    result = _parse("2026年3月18日 星期三 第3版\n责任编辑：王晓东　美编：李娜", segmenter)
    assert [l.kind for l in result.leftovers] == ["dateline", "editors"]
    assert result.note.meta.editors == (("责任编辑", "王晓东"), ("美编", "李娜"))


def test_staff_after_a_slash_on_the_dateline_are_the_editors_not_its_column(segmenter) -> None:
    result = _parse("第 412 期　　2026 年 2 月 6 日　星期五　　本版编辑 / 孙丽\n理论与实践", segmenter)
    meta = result.note.meta
    assert (meta.date, meta.issue, meta.column) == ("2026-02-06", "第412期", "理论与实践")
    assert meta.editors == (("本版编辑", "孙丽"),)


def test_a_staff_line_with_slashes_is_the_editors_line(segmenter) -> None:
    result = _parse("2026年3月18日 星期三 第3版\n编辑 / 王晓东　校对 / 李娜", segmenter)
    assert [l.kind for l in result.leftovers] == ["dateline", "editors"]
    assert result.note.meta.editors == (("编辑", "王晓东"), ("校对", "李娜"))


def test_a_staff_line_with_spaces_for_colons_is_the_editors_line(segmenter) -> None:
    result = _parse("2026年3月20日 星期五 第2版\n本版编辑 陈晓　美编 李萍　校对 王丽", segmenter)
    assert [l.kind for l in result.leftovers] == ["dateline", "editors"]
    assert result.note.meta.editors == (("本版编辑", "陈晓"), ("美编", "李萍"), ("校对", "王丽"))


@pytest.mark.parametrize("line", ["编辑 王晓东", "编辑 王晓东 同志们"])
def test_one_spaced_pair_or_a_word_that_is_no_label_is_no_editors_line(line, segmenter) -> None:
    result = _parse(f"2026年3月18日 星期三 第3版\n{line}", segmenter)
    assert "editors" not in [l.kind for l in result.leftovers]
    assert result.note.meta.editors == ()


HUADIAN_DATELINE = "第 412 期　　2026 年 2 月 6 日　星期五"


@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["right-above", "a-blank-line-above"])
def test_a_short_first_line_over_the_dateline_is_the_masthead(gap, segmenter) -> None:
    result = _parse(f"华电之声{gap}{HUADIAN_DATELINE}", segmenter)
    assert [l.kind for l in result.leftovers] == ["masthead", "dateline"]
    assert (result.note.meta.newspaper, result.note.meta.date) == ("华电之声", "2026-02-06")
    assert [a.title for a in result.articles] == ["班组建设的几点做法"]


def test_a_short_headline_at_the_top_with_no_dateline_stays_the_title(segmenter) -> None:
    page = f"安全生产大检查\n■ 张三\n\n{BODY}\n{HUADIAN_DATELINE}\n"
    result = parse_page(source_from_bytes(page.encode("utf-8"), "p.txt"), segmenter)
    assert [a.title for a in result.articles] == ["安全生产大检查"]
    assert "masthead" not in [l.kind for l in result.leftovers]
    assert result.note.meta.newspaper is None


def test_a_short_line_over_the_dateline_below_the_top_is_no_masthead(segmenter) -> None:
    result = _parse(f"枣矿工人报\n华电之声\n{HUADIAN_DATELINE}", segmenter)
    assert result.note.meta.newspaper == "枣矿工人报"
    assert [l.text for l in result.leftovers if l.kind == "masthead"] == ["枣矿工人报"]


def test_a_column_name_over_the_dateline_stays_the_column(segmenter) -> None:
    result = _parse(f"理论与实践\n{HUADIAN_DATELINE}", segmenter)
    assert [l.kind for l in result.leftovers] == ["column_name", "dateline"]
    assert (result.note.meta.newspaper, result.note.meta.column) == (None, "理论与实践")


def test_a_short_line_over_a_dateline_that_names_the_paper_is_no_masthead(segmenter) -> None:
    result = _parse("要闻速递\n山西焦煤报　2026年1月5日　第2版", segmenter)
    assert result.note.meta.newspaper == "山西焦煤报"
    assert "masthead" not in [l.kind for l in result.leftovers]


BULLETIN_HEAD = "党建工作简报\n第5期\n中共汾源矿业公司委员会办公室编　　　　2026年3月10日\n━━━━━━━━━━━━━━━━"


def test_a_bulletins_issue_line_and_compiler_line_are_its_datelines(segmenter) -> None:
    """Under a 工作简报's name: the issue alone (``第5期``) and the compiling office with the date
    (``…办公室编　　2026年3月10日``) are datelines; the page's issue and date come from them."""
    result = _parse(BULLETIN_HEAD, segmenter)
    assert [l.kind for l in result.leftovers] == ["masthead", "dateline", "dateline", "rule"]
    assert (result.note.meta.newspaper, result.note.meta.issue, result.note.meta.date) == ("党建工作简报", "第5期", "2026-03-10")
    assert [a.title for a in result.articles] == ["班组建设的几点做法"]


def test_an_issue_or_compiler_line_below_the_top_is_no_dateline(segmenter) -> None:
    page = f"班组建设的几点做法\n■ 张三\n\n{BODY}\n第5期\n\n党委办公室编　　2026年3月10日\n"
    result = parse_page(source_from_bytes(page.encode("utf-8"), "p.txt"), segmenter)
    assert "dateline" not in [l.kind for l in result.leftovers]


DISTRIBUTION = "报：集团公司党委\n送：公司领导班子成员\n发：各基层党委（党总支）\n　　　　　　　　（共印30份）"


def test_a_bulletins_distribution_block_is_its_imprint(segmenter) -> None:
    """The 版记 at a bulletin's foot (``报：…`` / ``送：…`` / ``发：…`` and ``（共印30份）``) is one
    imprint leftover, no article."""
    page = f"班组建设的几点做法\n■ 张三\n\n{BODY}\n━━━━━━━━━━━━━━━━\n{DISTRIBUTION}\n━━━━━━━━━━━━━━━━\n"
    result = parse_page(source_from_bytes(page.encode("utf-8"), "p.txt"), segmenter)
    assert [(l.kind, l.lines) for l in result.leftovers] == [("rule", ((6, 6),)), ("imprint", ((7, 10),)), ("rule", ((11, 11),))]
    assert [a.title for a in result.articles] == ["班组建设的几点做法"]


def test_a_line_opening_with_fa_or_bao_inside_an_article_stays_text(segmenter) -> None:
    """A single ``发：`` or ``报：`` line in an article (a telegram quoted, a dialogue) is no
    distribution block: it stays the article's text."""
    page = ("班组建设的几点做法\n■ 张三\n\n" + BODY +
            "\n发：各区队党支部书记\n　　班组长竞聘上岗后，矿党委每月组织一次讲评。\n\n报：矿党委\n")
    result = parse_page(source_from_bytes(page.encode("utf-8"), "p.txt"), segmenter)
    assert "imprint" not in [l.kind for l in result.leftovers]
    (article,) = result.articles
    assert "发：各区队党支部书记" in article.body and "报：矿党委" in article.body


@pytest.mark.parametrize("head", ["枣庄矿业集团　枣矿报", "枣矿报　枣庄矿业集团主办"])
def test_a_publisher_printed_beside_the_papers_name_is_the_pages_publisher(head, segmenter) -> None:
    result = _parse(head, segmenter)
    assert (result.note.meta.newspaper, result.note.meta.publisher) == ("枣矿报", "枣庄矿业集团")
    assert [(l.kind, l.text) for l in result.leftovers] == [("masthead", head)]
    assert result.note.meta.fields()["publisher"] == "枣庄矿业集团"


def test_a_stray_space_in_a_mastheads_name_names_no_publisher(segmenter) -> None:
    result = _parse("晋能控股　煤业报", segmenter)
    assert (result.note.meta.newspaper, result.note.meta.publisher) == ("晋能控股煤业报", None)


def test_a_line_of_the_masthead_naming_who_puts_the_paper_out_is_its_publisher(segmenter) -> None:
    result = _parse("兰州石化报\n中国石油兰州石化公司主办", segmenter)
    assert [(l.kind, l.text) for l in result.leftovers] == [("masthead", "兰州石化报"), ("masthead", "中国石油兰州石化公司主办")]
    assert (result.note.meta.newspaper, result.note.meta.publisher) == ("兰州石化报", "中国石油兰州石化公司")


def test_a_publisher_line_inside_an_article_is_its_text(segmenter) -> None:
    result = parse_text(f"班组建设的几点做法\n■ 张三\n\n{BODY}　　本次活动由公司工会主办\n", segmenter)
    assert result.note.meta.publisher is None and "masthead" not in [l.kind for l in result.leftovers]


@pytest.mark.parametrize("entry", ["▲采煤一区：班组长上讲台……………（2版）", "▲采煤一区：班组长上讲台　（2版）", "▲我的师傅　　详见第4版", "我的师傅　见第四版"])
def test_a_contents_entry_with_its_page_in_brackets_or_after_a_pointer_is_the_lists(entry, segmenter) -> None:
    result = _parse(f"鲁西矿工报\n2026年9月5日　星期五\n本期导读\n{entry}\n家属协管员走进井口　3版", segmenter)
    assert [(l.kind, l.lines) for l in result.leftovers][-1] == ("contents", ((3, 5),))
    assert (result.note.meta.edition, result.note.meta.column) == (None, None)


@pytest.mark.parametrize("teaser", ["▲我的师傅　　4版", "●采煤一区：班组长上讲台（2版）"])
def test_a_marked_line_naming_a_page_and_no_date_is_no_dateline(teaser, segmenter) -> None:
    """A teaser printed without a contents heading points to a page: it gives the page no 版次 and no column."""
    result = _parse(f"鲁西矿工报\n2026年9月5日　星期五\n{teaser}", segmenter)
    assert (result.note.meta.edition, result.note.meta.column) == (None, None)
    assert "dateline" not in [l.kind for l in result.leftovers if l.text == teaser]
