"""Whose paper a page is: a bare unit on an enterprise's own paper (炼油厂 on 兰化集团报) is that
enterprise's unit, its parent from the masthead; never a unit known elsewhere, never on a page
whose masthead names no enterprise, never across pages."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from zhenggong_report.analyze import analyze_corpus
from zhenggong_report.analyze.data_files import load_analysis_data, load_enterprises
from zhenggong_report.analyze.enterprises import read_enterprises
from zhenggong_report.analyze.paper_owners import Masthead
from zhenggong_report.analyze.tokens import tokenize_corpus
from zhenggong_report.errors import DataFileError
from zhenggong_report.models.parsed import ParsedCorpus
from zhenggong_report.parse import parse_page
from zhenggong_report.sources import source_from_bytes

from analysis_helpers import make_article, make_corpus

PAGES = Path(__file__).parent / "fixtures" / "pages"
WITH_ENTERPRISES = sorted(p for p in PAGES.glob("*.txt") if "enterprises" in json.loads(p.with_suffix(".expected.json").read_text("utf-8")))


def page_enterprises(path: Path, segmenter) -> list[dict]:
    """Per article of a page read alone: its author's enterprise, the parent and where the parent came from."""
    result = parse_page(source_from_bytes(path.read_bytes(), path.name), segmenter)
    corpus = ParsedCorpus(sources=(), articles=result.articles, leftovers=result.leftovers, pages=(result.note,))
    analysis = analyze_corpus(corpus, segmenter)
    by_id = {e.id: e for e in analysis.enterprises}
    records = []
    for article in result.articles:
        own = next((l for l in analysis.for_article(article.id).enterprises if l.role == "affiliation"), None)
        entity = by_id[own.enterprise_id] if own else None
        records.append({
            "affiliation": article.affiliation,
            "enterprise": entity.name if entity else None,
            "unit": own.unit if own else None,
            "parent": by_id[entity.parent].name if entity and entity.parent else None,
            "parent_masthead": entity.parent_masthead if entity else None,
        })
    return records


def test_the_fixtures_with_enterprise_records_include_each_kind_of_masthead() -> None:
    assert {p.stem for p in WITH_ENTERPRISES} >= {
        "commendation_page", "mine_paper_briefs", "petrochemical_publisher_page", "unmastheaded_briefs",
    }


@pytest.mark.parametrize("path", WITH_ENTERPRISES, ids=lambda p: p.stem)
def test_a_page_read_alone_gives_its_expected_enterprises(path: Path, segmenter) -> None:
    expected = json.loads(path.with_suffix(".expected.json").read_text("utf-8"))["enterprises"]
    assert page_enterprises(path, segmenter) == expected


def read(segmenter, *articles, mastheads=None, knowledge=None):
    corpus = make_corpus(*articles)
    reading = read_enterprises(
        tokenize_corpus(corpus, segmenter), knowledge or load_analysis_data().enterprises, segmenter, mastheads or {}
    )
    names = {e.id: e for e in reading.enterprises}
    return reading, names


def own(reading, names, article):
    link = next(l for l in reading.links[article.id] if l.role == "affiliation")
    entity = names[link.enterprise_id]
    return entity.name, names[entity.parent].name if entity.parent else None, entity.parent_masthead


def brief(article_id: str, file: str, affiliation: str, text: str = "近日，开展主题党日活动。"):
    return replace(make_article("简讯", [text], article_id=article_id, affiliation=affiliation), file=file)


ZAOKUANG = Masthead("枣矿工人报", None, "枣矿")


def test_a_bare_mine_on_its_groups_paper_is_the_groups(segmenter) -> None:
    article = brief("a-00000001", "p1.txt", "蒋庄煤矿")
    reading, names = read(segmenter, article, mastheads={"p1.txt": ZAOKUANG})
    assert own(reading, names, article) == ("枣矿集团蒋庄煤矿", "枣庄矿业(集团)有限责任公司", "枣矿工人报")


def test_a_unit_printed_under_an_enterprise_elsewhere_keeps_that_parent(segmenter) -> None:
    """西铭矿 is printed under 山西焦煤集团 on another page: on 枣矿工人报 the bare name is still that mine."""
    elsewhere = brief("a-00000001", "p1.txt", "山西焦煤集团西铭矿")
    bare = brief("a-00000002", "p2.txt", "西铭矿")
    reading, names = read(segmenter, elsewhere, bare, mastheads={"p2.txt": ZAOKUANG})
    assert own(reading, names, bare) == ("西铭矿", "山西焦煤集团", None)


def test_a_curated_unit_keeps_its_curated_parent(segmenter) -> None:
    article = brief("a-00000001", "p1.txt", "内蒙古大兴安岭林业信息中心")
    reading, names = read(segmenter, article, mastheads={"p1.txt": ZAOKUANG})
    assert own(reading, names, article) == ("内蒙古大兴安岭林业信息中心", "内蒙古森工集团", None)


def test_a_masthead_that_names_no_enterprise_gives_no_parent(segmenter) -> None:
    article = brief("a-00000001", "p1.txt", "炼钢厂")
    reading, names = read(segmenter, article, mastheads={"p1.txt": Masthead("西钢日报", None, "西钢")})
    assert own(reading, names, article) == ("炼钢厂", None, None)


def test_the_same_bare_name_on_two_papers_is_two_units(segmenter) -> None:
    """Never across pages: 炼油厂 of 兰州石化报 is not 炼油厂 of 枣矿工人报, nor of a page with no masthead."""
    lanzhou = brief("a-00000001", "p1.txt", "炼油厂", "近日，炼油厂开展主题党日活动。")
    zaozhuang = brief("a-00000002", "p2.txt", "炼油厂")
    unknown = brief("a-00000003", "p3.txt", "炼油厂", "近日，炼油厂开展主题党日活动。")
    mastheads = {"p1.txt": Masthead("兰州石化报", None, "兰州石化"), "p2.txt": ZAOKUANG}
    reading, names = read(segmenter, lanzhou, zaozhuang, unknown, mastheads=mastheads)
    assert own(reading, names, lanzhou) == ("兰州石化炼油厂", "中国石油兰州石化公司", "兰州石化报")
    assert own(reading, names, zaozhuang) == ("枣矿集团炼油厂", "枣庄矿业(集团)有限责任公司", "枣矿工人报")
    assert own(reading, names, unknown) == ("炼油厂", None, None)
    assert [(l.name, l.count) for l in reading.links[lanzhou.id]] == [("兰州石化炼油厂", 1)]  # its text's 炼油厂 too
    assert [(l.name, l.count) for l in reading.links[unknown.id]] == [("炼油厂", 1)]


def test_a_team_alone_on_a_paper_is_the_publishers_unit(segmenter) -> None:
    article = brief("a-00000001", "p1.txt", "综采一队党支部")
    masthead = Masthead("枣矿报", "枣庄矿业集团", "枣矿")
    reading, names = read(segmenter, article, mastheads={"p1.txt": masthead})
    assert own(reading, names, article) == ("枣矿集团综采一队", "枣庄矿业(集团)有限责任公司", "枣矿报")
    assert reading.links[article.id][0].unit == "党支部"


def test_a_team_alone_with_no_masthead_names_no_enterprise(segmenter) -> None:
    article = brief("a-00000001", "p1.txt", "综采一队")
    reading, _ = read(segmenter, article)
    assert reading.links[article.id] == ()


def test_a_paper_in_the_papers_table_names_its_enterprise(segmenter) -> None:
    article = brief("a-00000001", "p1.txt", "采油二厂")
    reading, names = read(segmenter, article, mastheads={"p1.txt": Masthead("长庆石油报", None, "长庆石油")})
    assert own(reading, names, article) == ("长庆油田采油二厂", "中国石油长庆油田分公司", "长庆石油报")


def test_a_unit_printed_under_its_enterprise_has_a_printed_parent(segmenter) -> None:
    """Once a page prints 兰州石化动力厂, the parent is printed, not the masthead's guess."""
    bare = brief("a-00000001", "p1.txt", "动力厂")
    printed = brief("a-00000002", "p2.txt", "兰州石化动力厂")
    reading, names = read(segmenter, bare, printed, mastheads={"p1.txt": Masthead("兰州石化报", None, "兰州石化")})
    assert own(reading, names, bare) == own(reading, names, printed) == ("动力厂", "中国石油兰州石化公司", None)


def test_the_papers_table_must_name_a_known_enterprise(tmp_path) -> None:
    packaged = Path(load_analysis_data().enterprises.path).read_text("utf-8")
    broken = tmp_path / "enterprises.toml"
    broken.write_text(packaged.replace('"长庆石油报" = "changqing-oilfield"', '"长庆石油报" = "changqing"'), "utf-8")
    with pytest.raises(DataFileError, match="长庆石油报"):
        load_enterprises(broken)
    assert ("长庆石油报", "changqing-oilfield") in load_enterprises(Path(load_analysis_data().enterprises.path)).papers
