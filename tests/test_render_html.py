"""The report page: self-contained, every link two-way and resolvable, markup never live, deterministic."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from zhenggong_report.pipeline import load_sources, parse_sources
from zhenggong_report.errors import TemplateError
from zhenggong_report.render.html import render_html
from zhenggong_report.render.labels import labels
from zhenggong_report.resources import templates_dir

from analysis_fixture import hand_made_analysis
from conftest import FIXTURES
from html_page import Page, parse_page, section

MARKUP_SEEDS = FIXTURES / "render" / "markup"


@pytest.fixture(scope="module")
def analysis(seed_corpus):
    return hand_made_analysis(seed_corpus)


@pytest.fixture(scope="module")
def html(seed_corpus, analysis) -> bytes:
    return render_html(seed_corpus, analysis)["index.html"]


@pytest.fixture(scope="module")
def page(html) -> Page:
    return parse_page(html)


@pytest.fixture(scope="module")
def markup_corpus(segmenter):
    return parse_sources(load_sources(MARKUP_SEEDS).sources, segmenter)


@pytest.fixture(scope="module")
def markup_html(markup_corpus) -> bytes:
    return render_html(markup_corpus, hand_made_analysis(markup_corpus))["index.html"]


# --- the page as a whole ---------------------------------------------------------------------


def test_page_is_chinese_html5(html) -> None:
    assert html.startswith(b"<!DOCTYPE html>\n<html lang=\"zh-CN\">")
    assert b'<meta charset="utf-8">' in html
    assert b'name="viewport"' in html


def test_page_loads_nothing_from_anywhere(page) -> None:
    assert not [t for t, a in page.tags if t in ("link", "img", "iframe", "object", "embed", "video", "audio", "source")]
    assert not [a for t, a in page.tags if "src" in a]
    assert not [a for _, a in page.tags if "style" in a], "inline style attributes are blocked by the CSP"
    assert len(page.scripts) == 1 and len(page.styles) == 1
    assert "@import" not in page.styles[0] and "url(" not in page.styles[0]


def test_csp_allows_exactly_the_inline_script_and_style(page) -> None:
    _, meta = next((t, a) for t, a in page.tags if a.get("http-equiv") == "Content-Security-Policy")
    policy = meta["content"]

    def digest(text: str) -> str:
        return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")

    assert "default-src 'none'" in policy
    assert f"script-src 'sha256-{digest(page.scripts[0])}'" in policy
    assert f"style-src 'sha256-{digest(page.styles[0])}'" in policy
    assert "unsafe-inline" not in policy


def test_every_in_page_link_has_a_target(page) -> None:
    ids = set(page.ids)
    assert page.fragment_links()
    assert [target for target in page.fragment_links() if target not in ids] == []


def test_ids_are_unique(page) -> None:
    assert [i for i, n in Counter(page.ids).items() if n > 1] == []


def test_only_safe_outbound_links(page) -> None:
    outbound = [href for href in page.links() if not href.startswith("#")]
    assert all(href.startswith(("https:", "http:", "mailto:")) for href in outbound)


def test_sections_are_reachable_from_the_table_of_contents(page) -> None:
    toc = {href for href in page.fragment_links()}
    for section_id in ("overview", "themes", "enterprises", "articles", "glossary", "claims"):
        assert section_id in toc and section_id in page.ids


def test_page_is_deterministic(seed_corpus, analysis, html) -> None:
    assert render_html(seed_corpus, analysis)["index.html"] == html


def test_build_date_only_when_given(seed_corpus, analysis, html) -> None:
    assert b"<time" not in html
    dated = render_html(seed_corpus, analysis, build_date="2024-05-01")["index.html"]
    assert b'<time datetime="2024-05-01">2024-05-01</time>' in dated


def test_page_stays_under_three_times_the_corpus(seed_corpus, html) -> None:
    assert len(html) < 3 * sum(s.size for s in seed_corpus.sources)


# --- overview for readers, parser diagnostics at the end -----------------------------------------


def test_overview_shows_counts_the_theme_chart_enterprises_and_formulations(seed_corpus, analysis, html) -> None:
    overview = section(html, "overview")
    assert f"{sum(a.characters for a in seed_corpus.articles):,}" in overview
    assert "<dt>文章</dt><dd>19</dd>" in overview
    assert 'id="chart-bars-caption"' in overview
    assert "文章最多的企业" in overview and "最常用的提法" in overview
    used = [g for g in analysis.glossary if g.count > 1]
    assert f"“{used[0].term}”" in overview
    for source in seed_corpus.sources:
        assert source.sha256 not in overview


def test_the_page_reads_the_article_table_overview_articles_then_the_rest_and_diagnostics_last(html) -> None:
    text = html.decode("utf-8")
    sections = ("articles", "overview", "texts", "themes", "enterprises", "glossary", "claims", "parse-notes")
    order = [text.index(f'<section id="{s}"') for s in sections]
    assert order == sorted(order)
    assert text.index('id="article-table"') < text.index('<section id="overview"') < text.index('<article id=')
    assert section(html, "articles").count("<article ") == 0 and section(html, "texts").count("<article ") == text.count("<article ")
    toc = re.findall(r'<li><a href="#([\w-]+)">', text[text.index('class="toc-list"'):text.index("</nav>")])
    assert toc[:2] == ["articles", "overview"] and toc[-1] == "parse-notes"


def toc_sections(text: str) -> list[str]:
    """The table of contents' top-level links (its sub-list holds the themes)."""
    toc = text[text.index('class="toc-list"'):text.index("</nav>")]
    return [t for t in re.findall(r'<li><a href="#?([\w.-]+)(?:#[\w-]+)?">', toc) if not t.startswith("t-")]


def test_the_table_of_contents_lists_every_section_in_the_pages_order(html) -> None:
    """文章全文, the section every article's text is in, used to be missing from it."""
    text = html.decode("utf-8")
    main = text[text.index("<main"):text.index("</main>")]
    assert toc_sections(text) == re.findall(r'<section id="([\w-]+)" class="section', main)
    assert '<a href="#texts">文章全文</a>' in text


def test_the_search_help_names_every_part_of_an_article_the_search_reads(html) -> None:
    """The search reads the kicker and the abstract too (report.js: every ``.zx`` part and the body)."""
    help_text = re.search(r'<p class="filter-help" id="search-help">(.*?)</p>', html.decode("utf-8")).group(1)
    listed = re.search(r"（(.*?)）", help_text).group(1).split("、")
    assert listed == ["标题", "引题", "副题", "作者", "单位", "摘要", "正文"]


def test_parse_notes_list_the_source_files_with_their_checksums(seed_corpus, html) -> None:
    notes = section(html, "parse-notes")
    for source in seed_corpus.sources:
        assert source.name in notes and source.sha256 in notes and f"{source.size:,}" in notes


def test_rejoined_columns_are_listed_and_each_article_shows_their_evidence(seed_corpus, html) -> None:
    notes = section(html, "parse-notes")
    columns = [(a, j) for a in seed_corpus.articles for j in a.joins if j.kind == "column"]
    assert columns
    for article, join in columns:
        assert f'href="#{article.id}"' in notes
        assert f"第 {join.before[0]}" in notes
        own = section(html, article.id)
        assert '<details class="more parse">' in own
        for reason in join.evidence:
            assert reason.replace('"', "&#34;") in own


def test_parse_notes_list_inferred_titles_partial_articles_and_leftovers(seed_corpus, html) -> None:
    overview = section(html, "parse-notes")
    for article in seed_corpus.articles:
        if article.title_inferred or article.partial:
            assert f'href="#{article.id}"' in overview
    for leftover in seed_corpus.leftovers:
        assert f'<pre class="verbatim">{leftover.text}</pre>' in overview
        assert labels().leftover_kinds[leftover.kind] in overview


def test_parse_notes_show_title_placement_per_page_with_evidence(seed_corpus, html) -> None:
    overview = section(html, "parse-notes")
    for note in seed_corpus.pages:
        assert {"leading": "标题在文章之前", "trailing": "标题在文章之后"}[note.title_placement] in overview
        for reason in note.evidence:
            assert reason.replace('"', "&#34;") in overview


# --- two-way links ------------------------------------------------------------------------------


def test_article_theme_links_go_both_ways(seed_corpus, analysis, html) -> None:
    pairs = [(a.article_id, h.theme_id) for a in analysis.articles for h in a.themes]
    assert pairs
    for article_id, theme_id in pairs:
        assert f'href="#t-{theme_id}"' in section(html, article_id)
        assert f'href="#{article_id}"' in section(html, f"t-{theme_id}")


def test_article_enterprise_links_go_both_ways(analysis, html) -> None:
    pairs = [(a.article_id, e.enterprise_id) for a in analysis.articles for e in a.enterprises]
    assert pairs
    for article_id, enterprise_id in pairs:
        assert f'href="#e-{enterprise_id}"' in section(html, article_id)
        assert f'href="#{article_id}"' in section(html, f"e-{enterprise_id}")


def test_affiliation_links_to_its_enterprise(seed_corpus, analysis, html) -> None:
    for item in analysis.articles:
        own = [e for e in item.enterprises if e.role == "affiliation"]
        article = next(a for a in seed_corpus.articles if a.id == item.article_id)
        if own and article.affiliation:
            assert f'<a class="zx zu" href="#e-{own[0].enterprise_id}">{article.affiliation}</a>' in section(html, item.article_id)


def test_theme_lists_its_articles_strongest_first(analysis, html) -> None:
    theme = "party-integration"
    ranked = sorted(
        ((h.score, a.article_id) for a in analysis.articles for h in a.themes if h.theme_id == theme), key=lambda s: -s[0]
    )
    text = section(html, f"t-{theme}")
    positions = [text.index(f'href="#{article_id}"') for _, article_id in ranked]
    assert positions == sorted(positions)


def test_evidence_sentences_mark_the_term(analysis, html) -> None:
    hit = next(h for a in analysis.articles for h in a.themes if h.evidence)
    evidence = hit.evidence[0]
    assert f"<mark>{evidence.term}</mark>" in section(html, f"t-{hit.theme_id}")


def test_enterprise_tree_nests_groups_companies_and_units(html) -> None:
    tree = section(html, "enterprises")
    group = tree.index('href="#e-shandong-energy"')
    company = tree.index('href="#e-zaokuang"')
    mine = tree.index('href="#e-tianchen"')
    assert group < company < mine
    assert "枣矿集团、枣矿" in section(html, "e-zaokuang")


def test_glossary_and_claims_link_to_their_articles(analysis, html) -> None:
    glossary = section(html, "glossary")
    for entry in analysis.glossary:
        for article_id in entry.articles:
            assert f'href="#{article_id}"' in glossary
    claims = section(html, "claims")
    for item in analysis.articles:
        if not item.claims:
            continue
        group = section(html, f"c-{item.article_id}")
        assert group.startswith("<tbody") and f'href="#{item.article_id}"' in group
        for claim in item.claims:
            assert f"<td>{claim.value}{claim.unit}</td>" in group
        own = section(html, item.article_id)
        assert f'href="#c-{item.article_id}"' in own
        assert f">{len(item.claims)} 项</a>" in own and all(f"{c.value}{c.unit}" in own for c in item.claims[:3])
    assert claims


# --- articles -----------------------------------------------------------------------------------


def test_every_article_has_its_facts_and_full_text(seed_corpus, html) -> None:
    for article in seed_corpus.articles:
        text = section(html, article.id)
        assert article.display_title in text
        assert f'<span class="mono">{article.file}</span> 第' in text
        plain = re.sub(r"<[^>]+>", "", text)
        for paragraph in article.paragraphs:
            assert paragraph.text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;") in plain


def test_inferred_titles_are_marked(seed_corpus, html) -> None:
    for article in seed_corpus.articles:
        heading = re.search(r"<h3>.*?</h3>", section(html, article.id)).group()
        assert ("推断标题" in heading) == article.title_inferred


def test_article_table_rows_carry_their_filters(analysis, page) -> None:
    rows = [a for t, a in page.tags if t == "tr" and "data-article" in a]
    assert [r["data-article"] for r in rows] == [a.article_id for a in analysis.articles]
    for row, item in zip(rows, analysis.articles, strict=True):
        assert row["data-themes"].split() == [f"t-{h.theme_id}" for h in item.themes]
        for link in item.enterprises:
            assert f"e-{link.enterprise_id}" in row["data-enterprises"].split()


def test_filters_are_hidden_until_the_script_runs(page) -> None:
    _, attrs = page.element("article-filters")
    assert "hidden" in attrs


def test_theme_terms_are_highlighted_in_the_body(analysis, html) -> None:
    item = next(a for a in analysis.articles if a.themes)
    term = item.themes[0].terms[0][0]
    body = section(html, item.article_id)
    assert f"<b>{term}</b>" in body[body.index('class="article-body"') :]


# --- hostile input ------------------------------------------------------------------------------


def test_markup_in_the_sources_never_becomes_live(markup_html) -> None:
    page = parse_page(markup_html)
    assert [t for t, _ in page.tags].count("script") == 1
    assert not [t for t, _ in page.tags if t in ("img", "iframe", "object", "embed")]
    handlers = [(t, k) for t, attrs in page.tags for k in attrs if k.startswith("on")]
    assert handlers == []
    assert not [href for href in page.links() if href.lower().replace(" ", "").startswith(("javascript:", "data:"))]
    assert [t for t, _ in page.tags].count("style") == 1
    svgs = [attrs for t, attrs in page.tags if t == "svg"]
    assert all("onload" not in attrs for attrs in svgs)


def test_markup_in_the_sources_is_shown_as_text(markup_corpus, markup_html) -> None:
    text = parse_page(markup_html).text
    for paragraph in markup_corpus.articles[0].paragraphs[:-1]:
        # a markdown image becomes a plain link to it: never loaded
        assert paragraph.text.replace("![图](https://example.com/x.png)", "!图") in text
    for snippet in (
        "[数据](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<javascript:alert(1)>",
        "[大写](JaVaScRiPt:alert(1))",
        "<script>alert(1)</script>",
    ):
        assert snippet in text
    for leftover in markup_corpus.leftovers:
        assert leftover.text in text
    html = markup_html.decode("utf-8")
    assert "<p>1. 这一段以数字和点开头" in html
    assert "<p>&gt; 这一段以大于号开头" in html


def test_markup_in_analysis_names_is_escaped(markup_html) -> None:
    text = markup_html.decode("utf-8")
    assert "&lt;b&gt;主题&lt;/b&gt;" in text
    assert "&lt;img src=x onerror=alert(1)&gt;公司" in text
    assert "<b>主题</b>" not in text


# --- templates ----------------------------------------------------------------------------------


@pytest.fixture()
def template_copy(tmp_path) -> Path:
    copy = tmp_path / "templates"
    shutil.copytree(templates_dir(), copy)
    return copy


def test_a_copy_of_the_templates_restyles_the_report(seed_corpus, analysis, template_copy) -> None:
    css = template_copy / "report.css"
    css.write_text(css.read_text(encoding="utf-8").replace("--accent: #9b1c1c;", "--accent: #006400;"), encoding="utf-8")
    html = render_html(seed_corpus, analysis, template_copy)["index.html"]
    assert b"--accent:#006400" in html
    assert hashlib.sha256(html).digest() != hashlib.sha256(render_html(seed_corpus, analysis)["index.html"]).digest()


def test_undefined_values_fail_loudly_naming_the_template(seed_corpus, analysis, template_copy) -> None:
    partial = template_copy / "_glossary.html.j2"
    partial.write_text("{{ report.no_such_field }}\n" + partial.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(TemplateError) as error:
        render_html(seed_corpus, analysis, template_copy)
    assert "_glossary.html.j2:1" in str(error.value)
    assert "no_such_field" in str(error.value)


def test_template_syntax_errors_name_the_file_and_line(seed_corpus, analysis, template_copy) -> None:
    partial = template_copy / "_themes.html.j2"
    partial.write_text("\n{% if %}\n", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"_themes\.html\.j2:2"):
        render_html(seed_corpus, analysis, template_copy)


def test_missing_templates_folder_is_a_clear_error(seed_corpus, analysis, tmp_path) -> None:
    with pytest.raises(TemplateError, match="templates folder does not exist"):
        render_html(seed_corpus, analysis, tmp_path / "nowhere")


def test_analysis_that_does_not_match_the_corpus_is_refused(seed_corpus, analysis) -> None:
    with pytest.raises(ValueError, match="missing"):
        render_html(seed_corpus, replace(analysis, articles=analysis.articles[1:]))
    broken = replace(analysis.articles[0], primary_theme="no-such-theme")
    with pytest.raises(ValueError, match="no-such-theme"):
        render_html(seed_corpus, replace(analysis, articles=(broken, *analysis.articles[1:])))


def test_inline_css_is_compacted_without_touching_strings() -> None:
    from zhenggong_report.render.html import compact_css

    css = '/* note */\na::after { content: "a: b ; c" ; }\n@media (max-width: 40rem) {\n  .x .y { margin: 0 auto; }\n}\n'
    assert compact_css(css) == 'a::after{content:"a: b ; c"}@media (max-width:40rem){.x .y{margin:0 auto}}'


def test_a_widely_used_formulation_links_its_first_articles_and_counts_the_rest(seed_corpus, analysis, monkeypatch) -> None:
    from zhenggong_report.models.analysis import GlossaryEntry
    from zhenggong_report.render import view as view_module

    ids = tuple(a.id for a in seed_corpus.articles)
    entry = GlossaryEntry("三会一课", 40, ids, ids[0], "坚持“三会一课”制度")
    monkeypatch.setattr(view_module, "GLOSSARY_ARTICLES_SHOWN", 4)
    glossary = section(render_html(seed_corpus, replace(analysis, glossary=(entry,)))["index.html"], "glossary")
    assert [f'href="#{i}"' in glossary for i in ids[:6]] == [True] * 4 + [False] * 2
    assert f"等 {len(ids)} 篇" in glossary and f"另 {len(ids) - 4} 篇见 data/glossary.json" in glossary


def test_snippets_escape_every_value() -> None:
    from types import SimpleNamespace as Ns

    from zhenggong_report.render.snippets import article_link, join_item, terms_list, theme_chip

    ref = Ns(anchor='a"><x', title="<script>alert(1)</script>", title_inferred=True)
    assert str(article_link(ref)) == (
        '<a href="#a&#34;&gt;&lt;x">&lt;script&gt;alert(1)&lt;/script&gt;</a>'
        '<span class="badge inferred" title="标题为推断：版面未印标题，取自正文">推断</span>'
    )
    hit = Ns(primary=True, theme=Ns(anchor="t-x", name="<b>"), score=0.5)
    assert str(theme_chip(hit)) == '<a class="chip primary" href="#t-x">&lt;b&gt;</a>'
    assert str(terms_list([("<i>", 2), ("工会", 1)], 1)) == "&lt;i&gt;×2等 2 个术语"
    join = Ns(kind="column", before=(3, 3), after=(7, 9), text_before="<", text_after="&", evidence=("a<b", "c"), score=1.5)
    assert str(join_item(join, "<f>.txt")) == (
        '<li><b>跨栏拼接</b> <span class="mono">&lt;f&gt;.txt</span> 第 3 → 7–9 行：<q class="seam">&lt;<b>‖</b>&amp;</q>\n'
        "<br><small>a&lt;b；c（1.50）</small></li>"
    )


def test_a_template_macro_overrides_a_snippet(tmp_path, seed_corpus, analysis) -> None:
    copy = tmp_path / "templates"
    shutil.copytree(templates_dir(), copy)
    partial = copy / "_glossary.html.j2"
    partial.write_text(
        '{% macro article_link(ref) %}<a class="mine" href="#{{ ref.anchor }}">{{ ref.title }}</a>{% endmacro %}\n'
        + partial.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    html = render_html(seed_corpus, analysis, copy)["index.html"]
    assert 'class="mine"' in section(html, "claims") and 'class="mine"' not in section(html, "articles")
