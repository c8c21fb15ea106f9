"""Enterprises by top-level group: the heat map's columns are groups, an article shows the groups
above its author's unit with their short names, so a search for 枣矿 finds every 枣矿 article."""

from __future__ import annotations

import re

from zhenggong_report.render.charts import theme_group_matrix
from zhenggong_report.render.html import render_html
from zhenggong_report.render.view import build_view


def test_the_heat_map_columns_are_groups(seed_corpus, seed_analysis) -> None:
    kinds = {e.id: e.kind for e in seed_analysis.enterprises}
    parents = {e.id: e.parent for e in seed_analysis.enterprises}
    matrix = theme_group_matrix(build_view(seed_corpus, seed_analysis))
    columns = [ref for ref in matrix.column_refs if ref is not None]
    assert columns and all(kinds[ref.id] == "group" and parents[ref.id] is None for ref in columns)
    assert "山东能源集团" in matrix.columns and "山东八一煤电化有限公司" not in matrix.columns


def test_a_search_for_a_short_group_name_finds_every_article_of_the_group(seed_corpus, seed_analysis) -> None:
    files = render_html(seed_corpus, seed_analysis, None, None, {})
    page = files["index.html"].decode("utf-8")
    articles = dict(re.findall(r'<article id="(a-[0-9a-f]+)" class="article">(.*?)</article>', page, re.S))
    below = {e.id for e in seed_analysis.enterprises if e.parent == "zaozhuang-mining"}
    below |= {e.id for e in seed_analysis.enterprises if e.parent in below}
    of_group = {
        item.article_id for item in seed_analysis.articles
        if any(link.role == "affiliation" and link.enterprise_id in below | {"zaozhuang-mining"} for link in item.enterprises)
    }
    assert len(of_group) == 7
    assert {article_id for article_id, body in articles.items() if "枣矿" in body} == of_group
    assert re.search(r"<option value=\"e-zaozhuang-mining\">[^<]*· 枣矿（7）</option>", page)


def test_the_figures_table_marks_anonymous_examples_and_sector_data(seed_corpus, seed_analysis) -> None:
    page = render_html(seed_corpus, seed_analysis, None, None, {})["index.html"].decode("utf-8")
    table = page[page.index('id="claims"') :]
    examples = sum(1 for item in seed_analysis.articles for c in item.claims if c.subject_kind == "example")
    assert examples and table.count('<small class="muted">某企业 (例)</small>') == examples
    assert '<small class="muted">行业数据</small>' in table
