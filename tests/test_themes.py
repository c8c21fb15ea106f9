"""Themes: a careful reading of the seeds, and the rules that make the analyzer agree with it."""

from __future__ import annotations

import pytest

from zhenggong_report.analyze.data_files import ScoringRules, Taxonomy, load_analysis_data
from zhenggong_report.analyze.themes import TermIndex, read_article_themes
from zhenggong_report.analyze.tokens import tokenize_article
from zhenggong_report.models import ThemeDefinition

from analysis_helpers import make_article

# A careful reading of the 19 seed articles for the four named themes. "treats": the article gives
# the theme a section, a run-in heading with its passage, or a sustained strand; "mentions": the
# theme's words appear only in a sentence or two.
READING = {
    "党建融合": {
        "treats": {
            "新时代企业政工工作助力企业高质量发展的路径探索",  # 三要融入中心工作: 政工+业务 协同机制
            "加强国有企业党建与生产经营深度融合探索与实践",  # the whole article
            "国有企业“党建+工会”工作创新路径的探索",  # every section is 党建+工会 融合
            "党建引领基层管理创新的实践路径",  # 党建+设备管理, 双百分, 党建与管理的深度融合
            "创新国有企业党建工作的方法与路径",  # section 二、实现党建与业务深度融合
            "对做好企业党建工作的几点思考",  # 党建+业务 双轮驱动 passage in section 六
            "国有企业党建工作与生产经营工作融合路径探索",  # the whole article
            "国有企业思想政治工作实践与创新路径",  # 产思融合 and the 思政+ section
        },
        "mentions": {
            "新时代国企组织工作质效提升的优化路径",  # 同谋划同部署 in one sentence, 深度融合 in another
            "新时代国企工会强化思想政治工作的有效路径",  # two single sentences
            "以思想宣传为翼 助财务公司绘就高质量发展新篇章",  # 双向进入、交叉任职 in passing
        },
    },
    "信访": {
        "treats": {
            "关于加强企业信访稳定工作的实践与启示",
            "法治信访视角下国企政工队伍建设的优化策略",
        },
        "mentions": set(),
    },
    "工会": {
        "treats": {
            "新时代工会工作服务职工群众的路径探索",
            "国有企业“党建+工会”工作创新路径的探索",
            "新时代国企工会强化思想政治工作的有效路径",
        },
        "mentions": {
            "煤矿去产能关井后基层思想政治工作的强化路径研究",  # 职工代表大会 once
            "国有企业思想政治工作实践与创新路径",  # 工会重点抓好职工思想动态分析
        },
    },
    "数字化": {
        "treats": {
            "以人为本理念在新时代政工工作中的应用",  # 信息化 throughout, several sections
            "国有企业“党建+工会”工作创新路径的探索",  # section 四、推动数字化赋能
            "党建引领基层管理创新的实践路径",  # 智慧党建, AI 巡检, 数字化智能钻机, 信息化管理系统
            "煤矿去产能关井后基层思想政治工作的强化路径研究",  # 推动思想政治工作“数字化转型” passage
        },
        "mentions": {
            "新时代企业政工工作助力企业高质量发展的路径探索",  # 数字化时代挑战, 人工智能 once each
            "新时代工会工作服务职工群众的路径探索",  # 以数字化手段提升服务效能
            "新时代国企工会强化思想政治工作的有效路径",  # 数字化传播载体
            "浅谈如何发挥企业政工人员的作用",  # 数字化网络平台的运用
            "国有企业思想政治工作实践与创新路径",  # 数字化转型加速, 思政+数字赋能
        },
    },
}


def theme_id(seed_analysis, name: str) -> str:
    return next(t.id for t in seed_analysis.themes if t.name == name)


@pytest.mark.parametrize("name", sorted(READING))
def test_the_articles_that_treat_a_named_theme_are_those_of_the_careful_reading(seed_corpus, seed_analysis, name) -> None:
    titles = {a.id: a.display_title for a in seed_corpus.articles}
    wanted = theme_id(seed_analysis, name)
    treated = {titles[item.article_id] for item in seed_analysis.articles if any(h.theme_id == wanted for h in item.themes)}
    assert treated == READING[name]["treats"]


@pytest.mark.parametrize("name", sorted(READING))
def test_a_mere_mention_is_kept_as_a_mention_not_a_theme(seed_corpus, seed_analysis, name) -> None:
    titles = {a.id: a.display_title for a in seed_corpus.articles}
    wanted = theme_id(seed_analysis, name)
    mentioned = {
        titles[item.article_id] for item in seed_analysis.articles if any(h.theme_id == wanted for h in item.theme_mentions)
    }
    assert READING[name]["mentions"] <= mentioned
    assert not mentioned & READING[name]["treats"]


def test_the_taxonomy_has_the_named_themes_and_at_least_twelve() -> None:
    names = {t.name for t in load_analysis_data().taxonomy.themes}
    assert len(names) >= 12
    assert {"党建融合", "信访", "工会", "数字化", "思想政治教育", "基层党组织建设", "干部与人才队伍", "党风廉政",
            "职工关怀", "企业文化与宣传", "安全生产", "改革转型", "考核评价", "法治合规"} <= names


@pytest.mark.parametrize(
    "title, primary",
    [
        ("关于加强企业信访稳定工作的实践与启示", "信访"),
        ("新时代工会工作服务职工群众的路径探索", "工会"),
        ("加强国有企业党建与生产经营深度融合探索与实践", "党建融合"),
        ("以人为本理念在新时代政工工作中的应用", "数字化"),
        ("加强新时期国有企业党风廉政建设", "党风廉政"),
        ("煤矿去产能关井后基层思想政治工作的强化路径研究", "改革转型"),
        ("国有企业思想政治工作实践与创新路径", "思想政治教育"),
        ("以思想宣传为翼 助财务公司绘就高质量发展新篇章", "企业文化与宣传"),
    ],
)
def test_primary_theme(seed_analysis, by_title, title, primary) -> None:
    item = seed_analysis.for_article(by_title[title])
    assert item.primary_theme == theme_id(seed_analysis, primary)
    assert item.themes[0].theme_id == item.primary_theme


def test_every_link_keeps_score_terms_reasons_and_marked_evidence(seed_corpus, seed_analysis) -> None:
    articles = {a.id: a for a in seed_corpus.articles}
    for item in seed_analysis.articles:
        scores = [h.score for h in item.themes]
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
    assert any(reason.startswith("section") for reason in reading.treated[0].reasons)


def test_a_run_in_heading_with_its_passage_is_treated(segmenter) -> None:
    article = make_article(
        "加强企业管理",
        [FILLER, "推动思想政治工作“数字化转型”。利用企业微信打造线上阵地，开设线上留言板，实现线上互动。", FILLER, FILLER],
    )
    reading = read(segmenter, article, DIGITAL)
    assert reading.treated and any(r.startswith("run-in heading") for r in reading.treated[0].reasons)


def test_a_term_inside_a_compound_word_counts(segmenter) -> None:
    article = make_article("标题", ["设立工会主席接待日，保障职工权益。"])
    reading = read(segmenter, article, UNION)
    assert dict(reading.mentioned[0].terms) == {"工会": 1}


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
