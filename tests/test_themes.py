"""Themes: a careful reading of the seeds, and the rules that make the analyzer agree with it."""

from __future__ import annotations

from zhenggong_report.analyze.data_files import ScoringRules, Taxonomy, load_analysis_data
from zhenggong_report.analyze.theme_matches import TermIndex
from zhenggong_report.analyze.themes import read_article_themes
from zhenggong_report.analyze.tokens import tokenize_article
from zhenggong_report.models.analysis import ThemeDefinition

from analysis_helpers import make_article

# The careful reading of all themes on the seed articles is tests/gold/themes.toml, held by
# tests/test_theme_gold.py.


def theme_id(seed_analysis, name: str) -> str:
    return next(t.id for t in seed_analysis.themes if t.name == name)


def test_the_taxonomy_has_the_named_themes_and_at_least_twelve() -> None:
    names = {t.name for t in load_analysis_data().taxonomy.themes}
    assert len(names) >= 12
    assert {"党建融合", "信访", "工会", "数字化", "思想政治教育", "基层党组织建设", "干部与人才队伍", "党风廉政",
            "职工关怀", "企业文化与宣传", "安全生产", "改革转型", "考核评价", "法治合规", "党的领导与政治建设"} <= names


def test_every_link_keeps_score_terms_reasons_and_marked_evidence(seed_corpus, seed_analysis) -> None:
    articles = {a.id: a for a in seed_corpus.articles}
    for item in seed_analysis.articles:
        assert not item.themes or item.themes[0].theme_id == item.primary_theme
        scores = [h.score for h in item.themes[1:]]
        assert scores == sorted(scores, reverse=True)
        for hit in item.themes:
            assert 0 < hit.score < 1 and hit.reasons and hit.terms and 1 <= len(hit.evidence) <= 3
            counts = [count for _, count in hit.terms]
            assert counts == sorted(counts, reverse=True)
            for evidence in hit.evidence:
                assert evidence.sentence[evidence.start : evidence.end] == evidence.term
                if evidence.paragraph >= 0:
                    text = articles[item.article_id].paragraphs[evidence.paragraph].text
                    assert evidence.sentence.strip("…")[:10] in text
        for hit in item.theme_mentions:
            assert not hit.reasons and len(hit.evidence) <= 1


# --- the rules, on small made-up articles ------------------------------------------------------

UNION = ThemeDefinition("trade-union", "工会", "工会工作", (("工会", 3.0), ("职代会", 3.0), ("维权", 1.0)))
DIGITAL = ThemeDefinition("digital", "数字化", "数字化", (("数字化", 3.0), ("信息化", 3.0), ("线上", 1.0)))
REFORM = ThemeDefinition("reform", "改革转型", "改革", (("转型", 1.5), ("改革", 1.0)), exclude=("数字化转型",))
INTEGRATION = ThemeDefinition(
    "integration", "党建融合", "融合", (("党建+", 3.0), ("深度融合", 1.5)), near=(("深度融合", ("党建",)),)
)


def read(segmenter, article, *themes):
    taxonomy = Taxonomy(tuple(themes), ScoringRules(), "test")
    return read_article_themes(tokenize_article(article, segmenter), taxonomy, TermIndex(taxonomy.themes))


FILLER = "企业坚持以人民为中心的发展思想，围绕生产经营中心任务，扎实推进各项工作落地见效，不断提升管理水平和服务质量。"


def test_a_passing_mention_in_one_sentence_is_no_theme(segmenter) -> None:
    article = make_article("加强企业管理", [FILLER, "同时，工会要发挥作用。" + FILLER, FILLER, FILLER])
    reading = read(segmenter, article, UNION)
    assert reading.treated == () and reading.mentioned[0].theme_id == "trade-union"
    assert reading.primary is None


def test_a_section_headed_by_the_theme_is_treated(segmenter) -> None:
    article = make_article(
        "加强企业管理",
        [FILLER, ("heading", "二、发挥工会作用"), "工会组织职工开展劳动竞赛。职代会审议重大事项，维权工作落到实处。", FILLER],
    )
    reading = read(segmenter, article, UNION)
    assert [h.theme_id for h in reading.treated] == ["trade-union"]
    assert any(reason.startswith("小节") for reason in reading.treated[0].reasons)


def test_a_run_in_heading_with_its_passage_is_treated(segmenter) -> None:
    article = make_article(
        "加强企业管理",
        [FILLER, "推动思想政治工作“数字化转型”。利用企业微信打造线上阵地，开设线上留言板，实现线上互动。", FILLER, FILLER],
    )
    reading = read(segmenter, article, DIGITAL)
    assert reading.treated and any(r.startswith("分点") for r in reading.treated[0].reasons)


def test_a_term_inside_a_compound_word_counts(segmenter) -> None:
    article = make_article("标题", ["设立工会主席接待日，保障职工权益。"])
    reading = read(segmenter, article, UNION)
    assert dict((reading.treated + reading.mentioned)[0].terms) == {"工会": 1}  # a one-sentence piece: its lead names it


def test_a_term_straddling_two_words_does_not_count(segmenter) -> None:
    words = segmenter.cut("全体员工会后认真讨论")
    assert "工会" not in words
    article = make_article("标题", ["全体员工会后认真讨论。"])
    assert read(segmenter, article, UNION).mentioned == ()


def test_an_excluded_phrase_does_not_count_for_its_theme(segmenter) -> None:
    article = make_article("标题", ["推动数字化转型，深化改革。"])
    reading = read(segmenter, article, REFORM, DIGITAL)
    reform = next(h for h in reading.mentioned if h.theme_id == "reform")
    assert dict(reform.terms) == {"改革": 1}


def test_a_near_term_counts_only_beside_its_companion(segmenter) -> None:
    alone = read(segmenter, make_article("标题", ["信息化技术深度融合。"]), INTEGRATION)
    beside = read(segmenter, make_article("标题", ["推动党建与业务深度融合。"]), INTEGRATION)
    assert alone.mentioned == () and alone.treated == ()
    assert dict(beside.mentioned[0].terms) == {"深度融合": 1}


def test_evidence_marks_the_term_in_its_sentence(segmenter) -> None:
    article = make_article("工会工作", ["第一句话没有关键词。工会组织职工开展劳动竞赛，职代会审议重大事项。", FILLER])
    hit = (read(segmenter, article, UNION).treated + read(segmenter, article, UNION).mentioned)[0]
    evidence = hit.evidence[0]
    assert evidence.sentence.startswith("工会组织") and evidence.sentence[evidence.start : evidence.end] == evidence.term
    assert evidence.paragraph == 0
