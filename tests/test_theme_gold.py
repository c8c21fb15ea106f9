"""The analyzer against the careful reading of all themes on the 19 seed articles
(tests/gold/themes.toml), and one made-up article per error class that reading found."""

from __future__ import annotations

import re

import pytest

from zhenggong_report.analyze.data_files import load_analysis_data
from zhenggong_report.analyze.theme_matches import TermIndex
from zhenggong_report.analyze.themes import read_article_themes
from zhenggong_report.analyze.tokens import tokenize_article

from analysis_helpers import make_article
from theme_gold import load_gold, score_links

GOLD = load_gold()


def found_links(seed_analysis) -> dict:
    return {item.article_id: ({h.theme_id for h in item.themes}, item.primary_theme) for item in seed_analysis.articles}


def test_the_gold_reads_every_seed_article_against_known_themes_with_a_reason_per_decision(seed_corpus) -> None:
    theme_ids = {t.id for t in load_analysis_data().taxonomy.themes}
    assert {g.id for g in GOLD} == {a.id for a in seed_corpus.articles}
    for gold in GOLD:
        decisions = {**gold.treats, **gold.passing}
        assert set(decisions) <= theme_ids and not set(gold.treats) & set(gold.passing)
        assert {gold.primary, *gold.also_primary} <= set(gold.treats)
        assert all(isinstance(reason, str) and len(reason) >= 6 for reason in decisions.values())


def test_theme_links_meet_the_careful_reading_with_precision_and_recall_of_095(seed_analysis) -> None:
    score = score_links(GOLD, found_links(seed_analysis))
    assert score.precision >= 0.95, score.false_links
    assert score.recall >= 0.95, score.missed_links


def test_the_primary_theme_agrees_with_the_title_and_main_line(seed_analysis) -> None:
    assert score_links(GOLD, found_links(seed_analysis)).wrong_primary == ()


def test_every_reason_is_said_in_chinese(seed_analysis) -> None:
    kinds = re.compile(r"^(标题点明|小节|分点|成段论述|贯穿)")
    reasons = [r for item in seed_analysis.articles for hit in item.themes for r in hit.reasons]
    assert reasons and all(kinds.match(r) for r in reasons)


# --- one article per error class, read with the packaged taxonomy ---------------------------

TAXONOMY = load_analysis_data().taxonomy
INDEX = TermIndex(TAXONOMY.themes)
FILLER = "企业坚持以人民为中心的发展思想，扎实推进各项工作落地见效，不断提升管理水平和服务质量。"


def read(segmenter, title, paragraphs):
    return read_article_themes(tokenize_article(make_article(title, paragraphs), segmenter), TAXONOMY, INDEX)


def treated(reading) -> set[str]:
    return {h.theme_id for h in reading.treated}


def test_one_sentence_on_assessment_is_a_mention_not_a_link(segmenter) -> None:
    reading = read(segmenter, "加强企业信访工作", [
        "一是完善信访工作体系。公司实行信访维稳工作党委领导、党政同责的工作机制。坚持每年初签订维稳工作责任状，定期量化考核考评，实行“一票否决”制度。",
        "二是完善信访工作沟通机制。利用信访网员定期开展思想分析活动，及时掌握苗头性问题，强化信访案件督办。",
        FILLER,
    ])
    assert "assessment" not in treated(reading) and "petitions" in treated(reading)
    assert "assessment" in {h.theme_id for h in reading.mentioned}


def test_words_scattered_over_paragraphs_without_a_passage_stay_a_mention(segmenter) -> None:
    reading = read(segmenter, "加强企业管理", [
        FILLER + "要发挥党支部战斗堡垒作用。",
        FILLER + "依托品牌党支部开展活动。",
        FILLER + "党委书记履行第一责任，推行一岗双责。",
        FILLER,
    ])
    assert "grassroots-party-organisation" not in treated(reading)


def test_a_paragraph_on_the_teams_age_and_skills_links_cadres_without_the_headline_terms(segmenter) -> None:
    reading = read(segmenter, "新时代企业政工工作的路径探索", [
        FILLER,
        "三是队伍素养不足，匹配不了时代要求。一是年龄结构失衡，45岁以上人员占比达60%；二是知识储备欠缺，仅15%人员系统学习过心理学。",
        FILLER,
    ])
    hit = next(h for h in reading.treated if h.theme_id == "cadres-and-talent")
    assert hit.reasons[0].startswith("分点 ¶1“三是队伍素养不足")


def test_a_sub_point_inside_a_paragraph_on_online_work_links_digitalisation(segmenter) -> None:
    reading = read(segmenter, "新时代企业政工工作的路径探索", [
        FILLER,
        "二要创新工作方法，提升服务实效。一是打造线上政工阵地。构建公众号矩阵，开展线上读书分享，增强互动性。二是开展个性化引导。建立员工档案，分类制定策略。",
        FILLER,
    ])
    hit = next(h for h in reading.treated if h.theme_id == "digitalisation")
    assert any(r.startswith("分点 ¶1“一是打造线上政工阵地") for r in hit.reasons)


def test_a_standalone_short_paragraph_heads_the_paragraph_after_it(segmenter) -> None:
    reading = read(segmenter, "国有企业思想政治工作实践", [
        FILLER,
        "三是优化动态评估改进机制。",
        "构建“双维度”评估体系，一方面通过匿名问卷调查、职工代表座谈会等方式，定期开展满意度测评。对结果分级标识，有针对性进行整改提升。",
    ])
    hit = next(h for h in reading.treated if h.theme_id == "assessment")
    assert hit.reasons == ("小节 ¶1“三是优化动态评估改进机制。”",)


def test_a_side_remark_in_another_themes_passage_is_no_passage(segmenter) -> None:
    reading = read(segmenter, "加强基层党组织建设", [
        FILLER,
        "企业党组织要把加强基层党组织建设作为基础性工作，抓好党支部标准化规范化建设，严格落实“三会一课”、组织生活会等制度，持续整顿软弱涣散基层党支部。"
        "同时，深化党员先锋队、党员示范岗、党员突击队等党建品牌创建，着力提升基层党支部组织力和战斗力，打造坚强战斗堡垒。",
        FILLER,
    ])
    assert "grassroots-party-organisation" in treated(reading)
    assert "party-member-education" not in treated(reading)


@pytest.mark.parametrize(
    "title, primary",
    [
        ("法治信访视角下国企政工队伍建设的优化策略", "cadres-and-talent"),  # the head of the title stands last
        ("新时代工会工作服务职工群众的路径探索", "trade-union"),  # 服务职工 is a weaker sign than 工会工作
    ],
)
def test_the_title_decides_the_primary_theme_over_strength(segmenter, title, primary) -> None:
    paragraphs = [
        "(一)加强法治教育培训。定期组织政工队伍学习法律知识，提升政工人员的法治素养，依法依规处理信访问题，推动信访工作规范化。",
        "(二)强化工会服务职工。工会组织建立职工需求台账，服务职工，维护职工权益，职代会审议重大事项，工会主席接待职工。",
        "(三)加强队伍建设。选拔政治素质高的政工人员，优化政工队伍结构，开展政工干部专项培训，提升队伍素养。",
        "(四)关爱困难职工。对困难职工开展帮扶，关注职工心理健康，开展心理疏导，办实事解难题，职工需求得到回应。",
    ]
    reading = read(segmenter, title, paragraphs)
    assert reading.primary == primary
