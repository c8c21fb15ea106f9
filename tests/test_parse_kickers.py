"""The lead-in (引题) printed over a headline above a byline: kept apart from the title, as its subtitle."""

from __future__ import annotations

import pytest

from zhenggong_report.parse import parse_page
from zhenggong_report.sources import source_from_bytes

SHORT = "　　矿党委坚持把班组建设作为基础工程来抓，选拔出一批懂技术、\n会管理的班组长。\n"
WIDE = "　　矿党委坚持把班组建设作为基础工程来抓，在全矿推行班组长竞聘上岗制度，选拔出一批懂技术、会管理、能吃苦的班组长，班组面貌焕然一新。\n"


def _title(head: str, segmenter, body: str = SHORT):
    page = f"{head}\n■ 特约撰稿人　刘兆媛\n\n{body}"
    (article,) = parse_page(source_from_bytes(page.encode("utf-8"), "p.txt"), segmenter).articles
    return article.title, article.subtitle


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


def test_no_kicker_is_split_off_a_title_that_has_a_dash_subtitle(segmenter) -> None:
    title, subtitle = _title("深化“三强三优”建设\n新时代国企组织工作质效提升的优化路径\n——以枣矿集团为例", segmenter)
    assert subtitle == "以枣矿集团为例"


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
