"""A real build of the seeds: the analysis in articles.json, the analysis tables as JSON and CSV."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from zhenggong_report.pipeline import build
from zhenggong_report.render.labels import labels

from conftest import SEEDS

CSV_TABLES = {
    "articles.csv": {"id", "title", "enterprise", "unit", "primary_theme", "themes", "keywords"},
    "article_themes.csv": {"article_id", "theme_id", "theme", "treats", "score", "terms", "evidence"},
    "article_enterprises.csv": {"article_id", "enterprise_id", "enterprise", "role", "unit", "count"},
    "keywords.csv": {"article_id", "rank", "word", "weight"},
    "related.csv": {"article_id", "rank", "related_id", "score"},
    "themes.csv": {"id", "name", "description", "terms", "articles"},
    "enterprises.csv": {"id", "name", "kind", "parent_id", "aliases", "affiliation_articles", "mention_articles"},
    "glossary.csv": {"term", "count", "articles", "first_context"},
    "claims.csv": {"article_id", "value", "unit", "sentence"},
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "build"
    build(SEEDS, out)
    return out


def load(site: Path, name: str):
    return json.loads((site / "data" / name).read_text(encoding="utf-8"))


def test_each_article_carries_its_analysis(site: Path) -> None:
    articles = load(site, "articles.json")
    themes = {t["id"] for t in load(site, "themes.json")}
    enterprises = {e["id"] for e in load(site, "enterprises.json")}
    ids = {a["id"] for a in articles}
    for record in articles:
        assert {"themes", "primary_theme", "enterprises", "keywords", "claims", "related"} <= set(record)
        assert record["primary_theme"] in themes
        assert record["themes"][0]["id"] == record["primary_theme"]
        for hit in record["themes"]:
            assert {"id", "name", "score", "terms", "evidence"} <= set(hit)
            for evidence in hit["evidence"]:
                assert evidence["sentence"][evidence["start"] : evidence["end"]] == evidence["term"]
        assert [e["role"] for e in record["enterprises"]][:1] == ["affiliation"]
        assert {e["id"] for e in record["enterprises"]} <= enterprises
        assert len(record["keywords"]) == 10 and {r["id"] for r in record["related"]} <= ids - {record["id"]}


def test_themes_json_lists_the_treating_articles(site: Path) -> None:
    themes = {t["name"]: t for t in load(site, "themes.json")}
    petitions = themes["信访"]
    assert {"id", "name", "description", "terms", "articles"} <= set(petitions)
    assert len(petitions["articles"]) == 2 and petitions["terms"][0] == {"term": "信访", "weight": 3.0}
    scores = [a["score"] for a in themes["工会"]["articles"]]
    assert scores == sorted(scores, reverse=True)


def test_enterprises_json_has_parents_and_articles_by_role(site: Path) -> None:
    enterprises = {e["name"]: e for e in load(site, "enterprises.json")}
    ids = {e["id"] for e in enterprises.values()}
    for record in enterprises.values():
        assert record["parent"] is None or record["parent"] in ids
        assert set(record["articles"]) == {"affiliation", "mention"}
    assert len(enterprises["田陈煤矿"]["articles"]["affiliation"]) == 2
    assert len(enterprises["山东能源集团"]["subsidiary_articles"]) == 8  # 枣矿: 八亿, 田陈 ×2, 联创, 丰源, 八一 ×2; 山能财司
    assert enterprises["山西焦煤集团"]["articles"]["mention"]


def test_glossary_and_claims_json(site: Path) -> None:
    glossary = load(site, "glossary.json")
    assert {"term", "count", "articles", "first_article", "first_context"} <= set(glossary[0])
    claims = load(site, "claims.json")
    assert {"article_id", "title", "value", "unit", "sentence"} <= set(claims[0])
    assert sum(len(a["claims"]) for a in load(site, "articles.json")) == len(claims)


@pytest.mark.parametrize("name, columns", sorted(CSV_TABLES.items()))
def test_csv_tables_are_utf8_with_bom(site: Path, name: str, columns: set[str]) -> None:
    raw = (site / "data" / name).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(site / "data" / name, encoding="utf-8-sig")
    assert {header(column) for column in columns} <= set(frame.columns) and len(frame) > 0


def header(column: str) -> str:
    """The Chinese header the CSV tables show for a JSON key."""
    return labels().csv_headers[column]


def test_csv_headers_are_chinese_and_unique_per_table(site: Path) -> None:
    for name in CSV_TABLES:
        frame = pd.read_csv(site / "data" / name, encoding="utf-8-sig")
        assert all(any("\u4e00" <= c <= "\u9fff" for c in column) for column in frame.columns), name
        assert len(set(frame.columns)) == len(frame.columns), name


def test_csv_rows_match_the_json(site: Path) -> None:
    articles = pd.read_csv(site / "data" / "articles.csv", encoding="utf-8-sig")
    assert list(articles[header("id")]) == [a["id"] for a in load(site, "articles.json")]
    enterprises = pd.read_csv(site / "data" / "enterprises.csv", encoding="utf-8-sig")
    assert len(enterprises) == len(load(site, "enterprises.json"))
    assert "党群工作部(工会)" in set(pd.read_csv(site / "data" / "article_enterprises.csv", encoding="utf-8-sig")[header("unit")].dropna())


def test_two_builds_give_the_same_bytes(site: Path, tmp_path: Path) -> None:
    build(SEEDS, tmp_path / "again")
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(tmp_path / "again"): p.read_bytes() for p in (tmp_path / "again").rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert all(first[name] == second[name] for name in first)


def test_csv_tables_are_written_as_pandas_writes_them() -> None:
    import pandas as pd

    from zhenggong_report.render.tables import to_csv

    columns = ["id", "text", "flag", "score", "count", "missing"]
    rows = [
        {"id": "a-1", "text": "含,逗号", "flag": True, "score": 0.765, "count": 3, "missing": None},
        {"id": "a-2", "text": '引号"与\n换行', "flag": False, "score": 1e-05, "count": 0},
        {"id": "a-3", "text": " 前后空格 ", "flag": True, "score": 12.0, "count": 10, "missing": "有"},
    ]
    expected = pd.DataFrame(rows, columns=columns).to_csv(index=False, lineterminator="\n").encode("utf-8-sig")
    assert to_csv(rows, columns, headers={}) == expected
    assert to_csv([], columns, headers={}) == pd.DataFrame([], columns=columns).to_csv(index=False, lineterminator="\n").encode("utf-8-sig")
