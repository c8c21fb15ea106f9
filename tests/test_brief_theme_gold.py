"""The analyzer against the careful reading of the short news items in the layout fixtures
(tests/gold/brief_themes.toml: 36 items — 本报讯, 简讯 and 一句话新闻 items and titled short news —
with 51 treated links), and the rule for short pieces (``导语点明``) on made-up items.

Measured when the rule was written: precision 1.00, recall 0.20 before it (10 of 51 links; the
items got 未归入任何主题); with the lead rule alone 0.94 / 0.67; with it and the care vocabulary
送温暖, 送清凉, 防暑降温, 金秋助学 and the exclusion of 信访隐患 from 安全生产, 0.97 / 0.73 (37 of 38
links right). An inferred title no longer counting beside the lead it was read off, and 廉洁风险
naming 党风廉政: 0.97 / 0.71. The test holds precision >= 0.95 and recall >= 0.70; the seed reading
(tests/test_theme_gold.py) stays at 1.0 / 1.0.
"""

from __future__ import annotations

import dataclasses

import pytest

from zhenggong_report.analyze.data_files import load_analysis_data
from zhenggong_report.analyze.theme_matches import TermIndex
from zhenggong_report.analyze.theme_reasons import brief_lead
from zhenggong_report.analyze.themes import read_article_themes
from zhenggong_report.analyze.tokens import tokenize_article

from analysis_helpers import make_article
from theme_gold import brief_articles, load_brief_gold, score_briefs

GOLD = load_brief_gold()
TAXONOMY = load_analysis_data().taxonomy
INDEX = TermIndex(TAXONOMY.themes)


@pytest.fixture(scope="module")
def gold_articles(segmenter) -> dict:
    return brief_articles(GOLD, segmenter)


def reading(segmenter, article, taxonomy=TAXONOMY):
    return read_article_themes(tokenize_article(article, segmenter), taxonomy, INDEX)


def treated(result) -> set[str]:
    return {h.theme_id for h in result.treated}


def test_the_brief_gold_reads_thirty_items_or_more_against_known_themes_with_a_reason_each() -> None:
    theme_ids = {t.id for t in TAXONOMY.themes}
    assert len(GOLD) >= 30 and len({b.id for b in GOLD}) == len(GOLD)
    assert {b.kind for b in GOLD} <= {"本报讯", "简讯", "一句话新闻", "短讯"}
    for brief in GOLD:
        decisions = {**brief.treats, **brief.passing}
        assert set(decisions) <= theme_ids and not set(brief.treats) & set(brief.passing)
        assert all(isinstance(reason, str) and len(reason) >= 6 for reason in decisions.values())


def test_every_gold_item_is_a_short_piece_the_parser_finds_once(gold_articles, segmenter) -> None:
    for brief in GOLD:
        tokens = tokenize_article(gold_articles[brief.id], segmenter)
        assert brief_lead(tokens, TAXONOMY.scoring) is not None, brief.id


def test_brief_links_meet_the_careful_reading_with_precision_095_and_recall_070(gold_articles, segmenter) -> None:
    found = {brief.id: treated(reading(segmenter, gold_articles[brief.id])) for brief in GOLD}
    score = score_briefs(GOLD, found)
    assert score.precision >= 0.95, score.false_links
    assert score.recall >= 0.70, score.missed_links


def test_a_theme_the_gold_calls_passing_is_at_most_a_mention(gold_articles, segmenter) -> None:
    wrong = [
        (brief.id, theme)
        for brief in GOLD
        for theme in brief.passing
        if theme in treated(reading(segmenter, gold_articles[brief.id]))
    ]
    assert len(wrong) <= 1, wrong  # 供应部党支部推行…: the branch is the actor, the item is on 物资管理


# --- the rule on made-up items ------------------------------------------------------------------

FILLER = "企业坚持以人民为中心的发展思想，扎实推进各项工作落地见效，不断提升管理水平和服务质量。"


def untitled(lead_title: str, paragraphs) -> object:
    """An item printed without a title: the parser shows its lead's first clause instead."""
    return dataclasses.replace(make_article(lead_title, paragraphs), title=None, title_inferred=True)


def test_a_brief_that_reports_a_workers_congress_treats_the_union(segmenter) -> None:
    article = untitled("东滩煤矿召开二届三次职代会", ["东滩煤矿召开二届三次职代会，审议通过《集体合同》等4项议题，112名职工代表参加会议。"])
    result = reading(segmenter, article)
    assert result.primary == "trade-union"
    hit = result.treated[0]
    assert hit.reasons[0].startswith("导语点明（职代会")
    # without the rule the same item was a mere mention (主题词太少)
    off = dataclasses.replace(TAXONOMY, scoring=dataclasses.replace(TAXONOMY.scoring, brief_characters=0))
    assert "trade-union" not in treated(reading(segmenter, article, off))


@pytest.mark.parametrize(
    "lead, theme",
    [
        ("上海石化信访办开展信访接待日活动，公司领导现场接待来访职工21人次。", "petitions"),
        ("合成橡胶厂党委书记为入党积极分子讲党课，40余名青年员工参加。", "party-member-education"),
        ("物资供应公司开展廉洁风险排查，梳理风险点37个，制定防控措施52条。", "clean-governance"),
    ],
)
def test_a_brief_treats_the_theme_its_lead_reports(segmenter, lead, theme) -> None:
    result = reading(segmenter, untitled(lead.split("，")[0], [lead]))
    assert theme in treated(result)


def test_a_title_inferred_from_the_lead_adds_nothing_to_it(segmenter) -> None:
    """One strong sign (廉洁, 2) in the lead is not enough; the title the parser read off that lead
    repeats it and must not make it enough, while a printed title naming it too does."""
    lead = "物资供应公司开展廉洁教育，梳理岗位职责37项。"
    assert "clean-governance" not in treated(reading(segmenter, untitled(lead.split("，")[0], [lead])))
    assert "clean-governance" in treated(reading(segmenter, make_article("物资供应公司开展廉洁教育", [lead])))


def test_a_brief_that_names_the_union_only_in_passing_does_not_treat_it(segmenter) -> None:
    result = reading(segmenter, make_article("田陈煤矿召开安全生产专题会", [
        "近日，田陈煤矿召开安全生产专题会，部署汛期隐患排查治理工作。公司工会、团委负责人参加会议。",
    ]))
    assert "trade-union" not in treated(result)
    assert "trade-union" in {h.theme_id for h in result.mentioned}
    assert "work-safety" in treated(result)


def test_one_strong_sign_setting_the_scene_of_a_lead_is_no_reason(segmenter) -> None:
    result = reading(segmenter, make_article("八亿橡胶公司开展“工匠精神”主题教育", [
        "八亿橡胶公司在转型升级期间开展“工匠精神”主题教育，组织12场事迹宣讲，覆盖3000余名员工。",
    ]))
    assert "reform-and-transition" not in treated(result)


def test_a_long_articles_first_sentence_gets_no_such_weight(segmenter) -> None:
    opening = "今年以来，东滩煤矿坚持以人为本，扎实推进各项工作，其中公司工会为一线职工办了不少实事。"
    short = reading(segmenter, make_article("东滩煤矿扎实推进各项工作", [opening]))
    assert "trade-union" in treated(short)
    article = make_article("东滩煤矿扎实推进各项工作", [opening] + [FILLER] * 8)
    assert tokenize_article(article, segmenter).characters > TAXONOMY.scoring.brief_characters
    long = reading(segmenter, article)
    assert "trade-union" not in treated(long) and "trade-union" in {h.theme_id for h in long.mentioned}


def test_a_part_of_an_article_begun_elsewhere_has_no_lead(segmenter) -> None:
    article = make_article("东滩煤矿扎实推进各项工作", ["其中公司工会为一线职工办了不少实事，职工满意度明显提升。"])
    assert "trade-union" in treated(reading(segmenter, article))
    for part in (dataclasses.replace(article, partial=True), dataclasses.replace(article, continued_from="第1版")):
        assert brief_lead(tokenize_article(part, segmenter), TAXONOMY.scoring) is None


def test_the_rules_thresholds_are_read_from_the_scoring_table(tmp_path, segmenter) -> None:
    from zhenggong_report.analyze.data_files import load_taxonomy
    from zhenggong_report.resources import data_file

    text = data_file("themes.toml", None).read_text(encoding="utf-8")
    assert "brief_characters = 300" in text and "brief_lead = 3.0" in text
    path = tmp_path / "themes.toml"
    path.write_text(text.replace("brief_lead = 3.0", "brief_lead = 8.0"), encoding="utf-8")
    strict = load_taxonomy(path)
    assert strict.scoring.brief_lead == 8.0 and strict.scoring.brief_characters == 300
    article = untitled("东滩煤矿召开二届三次职代会", ["东滩煤矿召开二届三次职代会，审议通过《集体合同》等4项议题，112名职工代表参加会议。"])
    assert "trade-union" not in treated(read_article_themes(tokenize_article(article, segmenter), strict, TermIndex(strict.themes)))
