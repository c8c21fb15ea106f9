"""Enterprises: one entity per real enterprise, its aliases, its group, the author's unit."""

from __future__ import annotations

import pytest

from zhenggong_report.analyze.data_files import load_analysis_data
from zhenggong_report.analyze.enterprise_registry import Registry
from zhenggong_report.analyze.enterprises import read_enterprises
from zhenggong_report.analyze.tokens import tokenize_corpus

from analysis_helpers import make_article, make_corpus


@pytest.fixture()
def registry() -> Registry:
    return Registry(load_analysis_data().enterprises)


def enterprise(seed_analysis, name: str):
    return next(e for e in seed_analysis.enterprises if e.name == name)


def affiliation_link(seed_analysis, article_id: str):
    links = [l for l in seed_analysis.for_article(article_id).enterprises if l.role == "affiliation"]
    assert len(links) == 1
    return links[0]


def test_the_same_mine_under_two_printed_names_is_one_enterprise(seed_analysis, by_title) -> None:
    printed_full = affiliation_link(seed_analysis, by_title["新时代工会工作服务职工群众的路径探索"])  # 枣庄矿业(集团)有限责任公司田陈煤矿…
    printed_short = affiliation_link(seed_analysis, by_title["加强国有企业党建与生产经营深度融合探索与实践"])  # 枣矿集团田陈煤矿
    assert printed_full.enterprise_id == printed_short.enterprise_id
    assert printed_full.name == "田陈煤矿"


def test_ximing_mine_printed_three_ways_is_one_enterprise(seed_analysis, by_title, registry) -> None:
    own = affiliation_link(seed_analysis, by_title["党建引领基层管理创新的实践路径"]).enterprise_id
    union = affiliation_link(seed_analysis, by_title["新时代国企工会强化思想政治工作的有效路径"]).enterprise_id
    assert own == union
    ids = {
        registry.read_affiliation(printed).chain[-1]
        for printed in ("山西西山煤电股份有限公司西铭矿党政办", "山西焦煤西山煤电西铭矿", "山西焦煤集团西铭矿")
    }
    assert len(ids) == 1


def test_a_subsidiary_printed_with_and_without_its_group_prefix_has_the_same_parent(seed_analysis) -> None:
    huozhou = enterprise(seed_analysis, "霍州煤电集团")
    fengyu = enterprise(seed_analysis, "丰峪煤业")  # printed 山西焦煤霍州煤电集团丰峪煤业
    fenzhou = enterprise(seed_analysis, "汾州焦煤公司")  # printed 霍州煤电集团汾州焦煤公司三交河矿
    hongxin = enterprise(seed_analysis, "临汾宏大宏鑫机电安装公司")  # printed 山西焦煤霍州煤电临汾…
    assert fengyu.parent == fenzhou.parent == hongxin.parent == huozhou.id
    assert huozhou.parent == enterprise(seed_analysis, "山西焦煤集团").id


def test_the_most_specific_parent_wins(seed_analysis) -> None:
    """西铭矿 is printed under 西山煤电 and, in the text, directly under 山西焦煤集团."""
    ximing = enterprise(seed_analysis, "西铭矿")
    xishan = enterprise(seed_analysis, "山西西山煤电股份有限公司")
    assert ximing.parent == xishan.id and ximing.kind == "mine"
    assert "山西焦煤西山煤电西铭矿" in ximing.aliases and "西山煤电" in xishan.aliases


def test_the_group_chain_of_a_mine(seed_analysis) -> None:
    tianchen = enterprise(seed_analysis, "田陈煤矿")
    zaokuang = enterprise(seed_analysis, "枣庄矿业(集团)有限责任公司")
    assert tianchen.parent == zaokuang.id and "枣矿集团" in zaokuang.aliases
    assert zaokuang.parent == enterprise(seed_analysis, "山东能源集团").id


def test_an_alias_defined_in_the_text(seed_analysis, by_title) -> None:
    finance = enterprise(seed_analysis, "山东能源集团财务有限公司")
    assert "山能财司" in finance.aliases
    assert finance.parent == enterprise(seed_analysis, "山东能源集团").id
    link = affiliation_link(seed_analysis, by_title["以思想宣传为翼 助财务公司绘就高质量发展新篇章"])
    assert link.enterprise_id == finance.id and link.count == 8  # the full name once, 山能财司 seven times after its definition


def test_short_forms_in_the_text_are_the_authors_enterprise(seed_analysis, by_title) -> None:
    link = affiliation_link(seed_analysis, by_title["关于加强企业信访稳定工作的实践与启示"])
    assert link.name == "枣庄联创实业有限责任公司" and link.count == 1  # printed 枣庄联创公司
    assert "八一煤电化公司" in enterprise(seed_analysis, "山东八一煤电化有限公司").aliases


def test_departments_are_units_not_enterprises(seed_analysis, by_title) -> None:
    names = {e.name for e in seed_analysis.enterprises}
    assert not names & {"党群工作部", "党政办", "工会", "党群工作部(工会)"}
    assert affiliation_link(seed_analysis, by_title["新时代工会工作服务职工群众的路径探索"]).unit == "党群工作部(工会)"
    assert affiliation_link(seed_analysis, by_title["党建引领基层管理创新的实践路径"]).unit == "党政办"


def test_mentions_name_other_enterprises(seed_analysis, by_title) -> None:
    links = seed_analysis.for_article(by_title["党建引领基层管理创新的实践路径"]).enterprises
    assert [l.role for l in links] == ["affiliation", "mention"]
    assert links[1].name == "山西焦煤集团" and links[1].count == 2


def test_every_parent_is_listed_and_groups_come_first(seed_analysis) -> None:
    ids = [e.id for e in seed_analysis.enterprises]
    assert len(ids) == len(set(ids))
    for e in seed_analysis.enterprises:
        if e.parent is not None:
            assert ids.index(e.parent) < ids.index(e.id)


@pytest.mark.parametrize(
    "printed, chain, unit",
    [
        ("山东能源枣矿集团八亿橡胶有限责任公司", ["山东能源集团", "枣庄矿业(集团)有限责任公司", "八亿橡胶有限责任公司"], None),
        ("山西煤炭运销集团太原有限公司", ["山西煤炭运销集团", "山西煤炭运销集团太原有限公司"], None),
        ("济南建工集团有限公司党群工作部", ["济南建工集团有限公司"], "党群工作部"),
        ("晋能控股晋北能源（山西）有限公司", ["晋能控股集团", "晋北能源（山西）有限公司"], None),
        ("内蒙古大兴安岭林业信息中心", ["内蒙古大兴安岭林业信息中心"], None),
    ],
)
def test_reading_an_affiliation(registry, printed, chain, unit) -> None:
    read = registry.read_affiliation(printed)
    assert [registry.entities[e].name for e in read.chain] == chain and read.unit == unit


def test_kinds_follow_the_names(registry) -> None:
    kinds = {registry.entities[e].name: registry.entities[e].kind for e in registry.read_affiliation("霍州煤电集团汾州焦煤公司三交河矿").chain}
    assert kinds == {"霍州煤电集团": "group", "汾州焦煤公司": "company", "三交河矿": "mine"}
    assert registry.entities[registry.read_affiliation("内蒙古大兴安岭林业信息中心").chain[-1]].kind == "unit"


def test_a_new_legal_name_in_the_text_becomes_an_enterprise(segmenter) -> None:
    article = make_article(
        "共建", ["我们与青岛啤酒股份有限公司开展党建共建，财务有限公司也参与其中。"], affiliation="山东高速青岛发展有限公司"
    )
    reading = read_enterprises(tokenize_corpus(make_corpus(article), segmenter), load_analysis_data().enterprises, segmenter)
    names = [l.name for l in reading.links[article.id]]
    assert names == ["山东高速青岛发展有限公司", "青岛啤酒股份有限公司"]


def test_a_defined_alias_for_a_new_company(segmenter) -> None:
    article = make_article(
        "实践",
        ["华能山东发电有限公司（以下简称“华能山东”）推行党建品牌。华能山东党委开展主题党日，华能山东职工积极参与。"],
    )
    reading = read_enterprises(tokenize_corpus(make_corpus(article), segmenter), load_analysis_data().enterprises, segmenter)
    company = next(e for e in reading.enterprises if e.name == "华能山东发电有限公司")
    assert "华能山东" in company.aliases
    assert reading.links[article.id][0].count == 3


@pytest.mark.parametrize("printed", ["公司工会", "集团公司团委", "党委组织部", "信访办", "集团公司信访办"])
def test_the_writers_own_unnamed_company_is_no_enterprise(registry, printed) -> None:
    """公司工会, 集团公司信访办: a generic name or a department with no enterprise named before it is
    the writer's own company, unnamed; no enterprise called 公司 or 党委 is made, so no ordinary 公司
    in a text counts as a mention of one."""
    read = registry.read_affiliation(printed)
    names = [registry.entities[e].name for e in read.chain] if read else []
    assert not any(registry.is_generic(n) or n in ("党委", "信访办", "委员会") for n in names)
    assert not any(e.name in ("公司", "集团公司", "党委", "信访办") for e in registry.entities.values())


@pytest.mark.parametrize("printed", ["综采一队", "运行二车间", "渝昆高铁项目三工区"])
def test_a_teams_designation_alone_is_no_enterprise(registry, printed) -> None:
    """综采一队 alone: many mines have one, so it is no enterprise of its own (its mentions in other
    papers' articles would all be counted as one); under a named enterprise it is that one's unit."""
    curated = set(registry.entities)
    read = registry.read_affiliation(printed)
    assert not (read and read.chain) and set(registry.entities) == curated
    under = registry.read_affiliation("桃园煤矿综采一队")
    assert under and under.chain and registry.entities[under.chain[0]].name.startswith("桃园煤矿")


def test_a_party_committee_is_its_enterprises_department(registry) -> None:
    read = registry.read_affiliation("中共兰化集团公司委员会")
    assert [registry.entities[e].name for e in read.chain] == ["兰化集团公司"] and read.unit == "委员会"
