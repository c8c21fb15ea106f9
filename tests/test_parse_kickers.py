"""The lead-in (引题) printed over a headline above a byline: kept apart from the title, as its kicker."""

from __future__ import annotations

import pytest

from zhenggong_report.parse import parse_page
from zhenggong_report.sources import source_from_bytes

SHORT = "　　矿党委坚持把班组建设作为基础工程来抓，选拔出一批懂技术、\n会管理的班组长。\n"
WIDE = "　　矿党委坚持把班组建设作为基础工程来抓，在全矿推行班组长竞聘上岗制度，选拔出一批懂技术、会管理、能吃苦的班组长，班组面貌焕然一新。\n"


def _article(head: str, segmenter, body: str = SHORT):
    page = f"{head}\n■ 特约撰稿人　刘兆媛\n\n{body}"
    (article,) = parse_page(source_from_bytes(page.encode("utf-8"), "p.txt"), segmenter).articles
    return article


def _title(head: str, segmenter, body: str = SHORT):
    """The title and the kicker read off ``head``; the subtitle is asked of a dash line only."""
    article = _article(head, segmenter, body)
    assert article.subtitle is None
    return article.title, article.kicker


@pytest.mark.parametrize("body", [SHORT, WIDE], ids=["hard-wrapped", "wide"])
def test_a_short_line_over_the_headline_is_its_kicker(body, segmenter) -> None:
    assert _title("深化“三强三优”建设\n新时代国企组织工作质效提升的优化路径", segmenter, body) == (
        "新时代国企组织工作质效提升的优化路径", "深化“三强三优”建设")


def test_a_kicker_a_blank_line_over_the_headline_is_still_its_kicker(segmenter) -> None:
    assert _title("深化“三强三优”建设\n\n新时代国企组织工作质效提升的优化路径", segmenter) == (
        "新时代国企组织工作质效提升的优化路径", "深化“三强三优”建设")


def test_a_short_line_two_blank_lines_over_the_headline_is_no_kicker(segmenter) -> None:
    assert _title("深化“三强三优”建设\n\n\n新时代国企组织工作质效提升的优化路径", segmenter)[1] is None


def test_a_run_on_opener_a_blank_line_over_the_rest_is_no_kicker(segmenter) -> None:
    assert _title("关于加强企业\n\n信访稳定工作的实践与启示", segmenter)[1] is None


def test_a_title_wrapped_at_the_column_width_stays_whole(segmenter) -> None:
    assert _title("国有企业党建工作与生产经营\n深度融合的路径探索", segmenter) == (
        "国有企业党建工作与生产经营深度融合的路径探索", None)


def test_a_title_opening_with_a_run_on_word_stays_whole(segmenter) -> None:
    assert _title("关于加强企业\n信访稳定工作的实践与启示", segmenter) == ("关于加强企业信访稳定工作的实践与启示", None)


def test_a_first_line_ending_on_a_connector_stays_in_the_title(segmenter) -> None:
    assert _title("党建引领下的\n基层班组管理创新实践路径", segmenter) == ("党建引领下的基层班组管理创新实践路径", None)


def test_a_word_running_across_the_break_keeps_the_title_whole(segmenter) -> None:
    assert _title("新时代国企组织工作质效提\n升的优化路径与实践探索研究", segmenter)[1] is None


def test_a_kicker_title_and_dash_subtitle_are_read_apart(segmenter) -> None:
    """A 引题 + 主题 + 副题 stack: each line its own field, in print order."""
    article = _article("深化“三强三优”建设\n新时代国企组织工作质效提升的优化路径\n——以枣矿集团为例", segmenter)
    assert (article.kicker, article.title, article.subtitle) == (
        "深化“三强三优”建设", "新时代国企组织工作质效提升的优化路径", "以枣矿集团为例")


def test_a_title_wrapped_at_the_column_width_over_a_dash_subtitle_stays_whole(segmenter) -> None:
    article = _article("国有企业党建工作与生产经营\n深度融合的路径探索\n——以枣矿集团为例", segmenter)
    assert (article.kicker, article.title, article.subtitle) == (
        None, "国有企业党建工作与生产经营深度融合的路径探索", "以枣矿集团为例")


def test_a_kicker_on_a_line_of_its_own_over_a_subtitled_title(segmenter) -> None:
    article = _article("深化“三强三优”建设\n\n新时代国企组织工作质效提升的优化路径\n——以枣矿集团为例", segmenter)
    assert (article.kicker, article.subtitle) == ("深化“三强三优”建设", "以枣矿集团为例")


def test_a_couplet_as_long_as_the_headline_over_it_is_its_kicker(segmenter) -> None:
    assert _title("坚定理想信念　筑牢精神之“钙”\n做新时代勇于担当的合格共产党员", segmenter) == (
        "做新时代勇于担当的合格共产党员", "坚定理想信念 筑牢精神之“钙”")


def test_an_unspaced_first_line_as_long_as_the_second_stays_in_the_title(segmenter) -> None:
    assert _title("新时代国有企业基层党组织建设\n质量提升的实践路径与对策研究", segmenter) == (
        "新时代国有企业基层党组织建设质量提升的实践路径与对策研究", None)


def test_a_couplet_over_a_headline_wrapped_on_two_lines_is_its_kicker(segmenter) -> None:
    assert _title("深化源头治理　畅通群众诉求\n关于加强企业信访稳定工作的\n实践与启示", segmenter) == (
        "关于加强企业信访稳定工作的实践与启示", "深化源头治理 畅通群众诉求")


def test_a_title_wrapped_on_three_lines_without_a_couplet_stays_whole(segmenter) -> None:
    assert _title("新时代国有企业基层党组织\n建设质量提升的实践路径\n与对策研究", segmenter) == (
        "新时代国有企业基层党组织建设质量提升的实践路径与对策研究", None)


def test_an_inferred_title_is_not_cut_inside_a_number() -> None:
    """A title-less item's shown title is its first clause, shortened with …, but never inside a
    figure (1200 is not shown as 120…)."""
    from zhenggong_report.parse.titles import infer_title

    title = infer_title(["化肥厂工会为一线倒班职工送去“冬日暖心包”1200余份，覆盖全厂。"])
    assert title == "化肥厂工会为一线倒班职工送去“冬日暖心包”…"
    assert infer_title(["会上，2026年度党建工作要点和考核细则同时印发并开始执行落实"]) == "会上"
    long = infer_title(["集团公司党委召开2026年党建工作会议部署全年重点任务安排"])
    assert long.endswith("…") and "202…" not in long


@pytest.mark.parametrize("opening, title", [
    ("2月3日，集团公司工会为一线职工送去冬日暖心包。", "集团公司工会为一线职工送去冬日暖心包"),
    ("近日，化肥厂工会开展送温暖活动。", "化肥厂工会开展送温暖活动"),
    ("6月10日至12日，全行第三届员工技能大赛在合肥举行。", "全行第三届员工技能大赛在合肥举行"),
    ("入夏以来，分行工会为网点送去防暑降温物品。", "分行工会为网点送去防暑降温物品"),
    ("近日。", "近日"),
])
def test_an_inferred_title_passes_over_an_opening_that_only_says_when(opening, title) -> None:
    """A news item's first clause is often its date (``2月3日，…``, ``近日，…``): the title read off
    it is the first clause that says what happened, the date alone only when nothing follows."""
    from zhenggong_report.parse.titles import infer_title

    assert infer_title([opening]) == title


HEAD = "“党员安全岗”筑牢安全防线\n■ 本报记者　张　三\n\n"
OPEN = HEAD + "　　今年以来，该矿党委把“党员安全岗”延伸到每\n一个作业面。下一步，该矿将让每一名党员都成为\n安全生产的\n"
FINISHED = HEAD + "　　今年以来，该矿党委把“党员安全岗”延伸到每\n一个作业面，每名党员包保3至5名职工。\n"
BRIEF = "　　本报讯（通讯员　李　强）6月12日，综采一队在班前会上开讲安全微课堂。\n"


def _two_articles(page: str, segmenter):
    articles = parse_page(source_from_bytes(page.encode("utf-8"), "p.txt"), segmenter).articles
    assert len(articles) == 2
    return articles


@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["over-the-headline", "a-blank-line-over-it"])
def test_a_short_line_under_a_paragraph_that_stops_mid_sentence_is_its_rest(gap, segmenter) -> None:
    """``“明白人”和“守护者”`` under ``…成为安全生产的`` ends that paragraph: no lead-in of the
    headline under it, whether it stands right over the headline or a blank line above it."""
    page = f"{OPEN}\n“明白人”和“守护者”{gap}井下安全微课堂开进班前会\n■ 本报通讯员　李　强\n\n{SHORT}"
    before, after = _two_articles(page, segmenter)
    assert before.paragraphs[-1].text.endswith("安全生产的“明白人”和“守护者”")
    assert (after.kicker, after.title) == (None, "井下安全微课堂开进班前会")


@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["over-the-headline", "a-blank-line-over-it"])
def test_a_short_line_under_a_paragraph_that_stops_mid_sentence_is_no_news_kicker(gap, segmenter) -> None:
    page = f"{OPEN}\n“明白人”和“守护者”{gap}井下安全微课堂开进班前会\n{BRIEF}"
    before, after = _two_articles(page, segmenter)
    assert before.paragraphs[-1].text.endswith("安全生产的“明白人”和“守护者”")
    assert (after.kicker, after.title) == (None, "井下安全微课堂开进班前会")


@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["over-the-headline", "a-blank-line-over-it"])
def test_a_kicker_under_a_finished_paragraph_is_still_a_kicker(gap, segmenter) -> None:
    page = f"{FINISHED}\n守牢安全底线{gap}井下安全微课堂开进班前会\n■ 本报通讯员　李　强\n\n{SHORT}"
    before, after = _two_articles(page, segmenter)
    assert (after.kicker, after.title) == ("守牢安全底线", "井下安全微课堂开进班前会")
    assert "守牢" not in before.body


def test_a_news_kicker_headline_and_dash_subtitle_make_one_title_unit(segmenter) -> None:
    page = f"守牢安全底线\n王庄煤矿开展“安全生产月”系列活动\n——十项活动覆盖全矿3000余名职工\n{BRIEF}"
    result = parse_page(source_from_bytes(page.encode("utf-8"), "p.txt"), segmenter)
    (article,) = result.articles
    assert (article.kicker, article.title, article.subtitle) == (
        "守牢安全底线", "王庄煤矿开展“安全生产月”系列活动", "十项活动覆盖全矿3000余名职工")
    assert result.leftovers == ()
