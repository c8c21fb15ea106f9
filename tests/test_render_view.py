"""The view model and chart geometry behind the report page."""

from __future__ import annotations

from dataclasses import replace

import pytest

from zhenggong_report.models.analysis import Analysis, ArticleAnalysis, Enterprise, EnterpriseLink
from zhenggong_report.render.anchors import AnchorBook, slug
from zhenggong_report.render.charts import (
    NO_GROUP,
    bar_chart,
    LEVELS,
    cooccurrence_matrix,
    heat_level,
    theme_group_matrix,
)
from zhenggong_report.render.view import build_view, source_label

from analysis_fixture import hand_made_analysis


@pytest.fixture(scope="module")
def analysis(seed_corpus) -> Analysis:
    return hand_made_analysis(seed_corpus)


@pytest.fixture(scope="module")
def view(seed_corpus, analysis):
    return build_view(seed_corpus, analysis)


def test_slug_keeps_plain_ids_and_hashes_the_rest() -> None:
    assert slug("a", "a-23b27db2") == "a-23b27db2"
    assert slug("t", "trade-union") == "t-trade-union"
    assert slug("e", "信访办") == slug("e", "信访办")
    assert slug("e", "信访办").startswith("e-") and slug("e", "信访办").isascii()
    assert slug("e", "信访办") != slug("e", "工会")


def test_anchor_book_never_hands_out_a_duplicate() -> None:
    book = AnchorBook()
    assert book.add("t", "x") == "t-x"
    assert book.add("t", "t-x") == "t-x-2"
    assert book.add("t", "x") == "t-x"
    assert book.add("x", "overview") == "x-overview"


def test_source_label_joins_spans() -> None:
    assert source_label("p.txt", ((3, 21), (45, 45))) == "p.txt:3–21,45"


def test_view_keeps_the_corpus_order_and_numbers_articles(seed_corpus, view) -> None:
    assert [v.ref.id for v in view.articles] == [a.id for a in seed_corpus.articles]
    assert [v.ref.number for v in view.articles] == list(range(1, len(seed_corpus.articles) + 1))


def test_counts(seed_corpus, analysis, view) -> None:
    assert view.counts.articles == 19
    assert view.counts.sources == 5
    assert view.counts.themes == len(analysis.themes)
    assert view.counts.enterprises == len(analysis.enterprises)
    assert view.counts.authors == len({a.author for a in seed_corpus.articles if a.author})


def test_filters_include_the_ancestors_of_linked_enterprises(view) -> None:
    with_mine = [v for v in view.articles if "e-tianchen" in v.filter_enterprises.split()]
    assert with_mine
    for article in with_mine:
        assert {"e-zaokuang", "e-shandong-energy"} <= set(article.filter_enterprises.split())


def test_enterprise_tree_order_and_subtree_counts(view) -> None:
    order = [(e.ref.id, e.depth) for e in view.enterprises]
    assert order.index(("shandong-energy", 0)) < order.index(("zaokuang", 1)) < order.index(("tianchen", 2))
    by_id = {e.ref.id: e for e in view.enterprises}
    group = by_id["shandong-energy"]
    assert [p.id for p in by_id["tianchen"].path] == ["shandong-energy", "zaokuang"]
    assert group.subtree_articles >= max(by_id[c.id].subtree_articles for c in group.children)
    assert [c.ref.id for c in view.children_of(by_id["zaokuang"])] == ["bayi-rubber", "tianchen"]


def test_a_parent_cycle_or_an_unknown_parent_does_not_hang_the_tree(seed_corpus, analysis) -> None:
    looped = (
        Enterprise("p", "甲公司", (), "q", "company"),
        Enterprise("q", "乙公司", (), "p", "company"),
        Enterprise("r", "丙矿", (), "nowhere", "mine"),
    )
    items = tuple(replace(a, enterprises=()) for a in analysis.articles)
    items = (replace(items[0], enterprises=(EnterpriseLink("p", "甲公司", "affiliation"),)), *items[1:])
    view = build_view(seed_corpus, replace(analysis, enterprises=looped, articles=items))
    assert sorted(e.ref.id for e in view.enterprises) == ["p", "q", "r"]
    assert {e.ref.id for e in view.enterprise_roots} >= {"r"}


def test_bar_chart_has_one_bar_per_theme_scaled_to_the_largest(view) -> None:
    chart = bar_chart(view, plot_width=300)
    assert [b.theme.id for b in chart.bars] == [t.ref.id for t in view.themes]
    assert max(b.width for b in chart.bars) == pytest.approx(300)
    for bar, theme in zip(chart.bars, view.themes, strict=True):
        assert bar.total == len(theme.articles) and bar.primary == theme.primary_count
        assert bar.primary_width <= bar.width


def test_cooccurrence_is_symmetric_with_theme_sizes_on_the_diagonal(view) -> None:
    matrix = cooccurrence_matrix(view)
    n = len(view.themes)
    for i in range(n):
        assert matrix.counts[i][i] == len(view.themes[i].articles)
        assert len(matrix.cells[i]) == i + 1, "drawn as the lower triangle"
        for j in range(n):
            assert matrix.counts[i][j] == matrix.counts[j][i]


def test_theme_group_matrix_counts_articles_by_their_authors_group(view) -> None:
    matrix = theme_group_matrix(view)
    assert "山东能源集团" in matrix.columns and "山西焦煤集团" in matrix.columns
    assert matrix.columns[-1] == NO_GROUP
    for r, theme in enumerate(view.themes):
        assert sum(matrix.counts[r]) >= len(theme.articles)
        assert [c.count for c in matrix.cells[r]] == list(matrix.counts[r])


def test_heat_levels_grow_with_the_count() -> None:
    assert heat_level(0, 7) == 0
    assert heat_level(1, 7) == 1
    assert heat_level(7, 7) == LEVELS
    assert [heat_level(n, 10) for n in range(1, 11)] == sorted(heat_level(n, 10) for n in range(1, 11))
    assert heat_level(3, 0) == 0


def test_articles_without_analysis_links_still_render(seed_corpus, analysis) -> None:
    bare = tuple(ArticleAnalysis(a.article_id, (), None, (), (), (), ()) for a in analysis.articles)
    view = build_view(seed_corpus, replace(analysis, articles=bare, glossary=()))
    assert all(v.primary is None and v.hits == () for v in view.articles)
    assert all(len(t.articles) == 0 for t in view.themes)


def test_a_glossary_entry_links_its_first_articles_and_counts_the_rest(seed_corpus, analysis, monkeypatch) -> None:
    from zhenggong_report.models.analysis import GlossaryEntry
    from zhenggong_report.render import view as view_module

    ids = tuple(a.id for a in seed_corpus.articles)
    entry = GlossaryEntry("三会一课", 40, ids, ids[0], "坚持“三会一课”制度")
    monkeypatch.setattr(view_module, "GLOSSARY_ARTICLES_SHOWN", 5)
    (item,) = build_view(seed_corpus, replace(analysis, glossary=(entry,))).glossary
    assert [ref.id for ref in item.articles] == list(ids[:5])
    assert item.more == len(ids) - 5
    monkeypatch.setattr(view_module, "GLOSSARY_ARTICLES_SHOWN", 100)
    (item,) = build_view(seed_corpus, replace(analysis, glossary=(entry,))).glossary
    assert len(item.articles) == len(ids) and item.more == 0
