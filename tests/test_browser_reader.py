"""The report for its readers, in chromium: search over the articles' own text with counts and
lines in context, highlight on open, filters with search, sorting, the URL state, one article
printed or saved alone. The expected answers are computed here from ``data/articles.json``.
"""

from __future__ import annotations

import io
import json
import subprocess
import time
import unicodedata
from pathlib import Path
from urllib.parse import quote

import pytest

from zhenggong_report.render.search_synonyms import load_search_synonyms

from report_pages import fixture_page_report
from test_browser import DESKTOP, PHONE, Watched, all_rows, browser, report_dir, report_url, visible_rows  # noqa: F401
from report_tools import axe_violations, needed_axe_script

pytestmark = pytest.mark.browser


def wait_until(page, predicate: str, timeout: float = 10.0) -> None:
    """Poll ``predicate`` (a JS function) with evaluate: playwright's own waiting evaluates a string,
    which the report's Content-Security-Policy (no 'unsafe-eval') refuses."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(predicate):
        assert time.monotonic() < deadline, f"timed out waiting for {predicate}"
        page.wait_for_timeout(20)


def fold(text: str) -> str:
    """The page's folding, character by character: NFKC and lower case where that keeps one character, 〇 as ○."""
    out = []
    for char in text:
        folded = unicodedata.normalize("NFKC", char).lower()
        if len(folded) != 1:
            folded = char.lower() if len(char.lower()) == 1 else char
        out.append("○" if folded == "〇" else folded)
    return "".join(out)


SYNONYMS = [[fold(w) for w in group] for group in load_search_synonyms()]


def forms(word: str) -> list[str]:
    """A (folded) query word's forms: itself and, for each group of ``glossary.toml``'s [search]
    synonyms it holds a word of, itself with the longest such word replaced by each other word."""
    found = [word]
    for group in SYNONYMS:
        inside = max((w for w in group if w in word), key=len, default=None)
        if inside:
            found += [f for f in (word.replace(inside, other) for other in group) if f not in found]
    return found


def places(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Where any form of the query's words stands in ``text``, matches that overlap taken as one."""
    spans = []
    for form in (f for w in words for f in forms(w)):
        at = text.find(form)
        while at >= 0:
            spans.append((at, at + len(form)))
            at = text.find(form, at + len(form))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


@pytest.fixture(scope="module")
def records(report_url) -> list[dict]:
    path = Path(report_url.removeprefix("file://")).parent / "data" / "articles.json"
    return json.loads(path.read_text(encoding="utf-8"))


def own_text(record: dict) -> list[str]:
    """The parts of an article a search looks at: title, kicker, subtitle, author, unit, abstract, body paragraphs."""
    parts = [record["display_title"], record["kicker"], record["subtitle"], record["author"], record["affiliation"], record["abstract"]]
    return [p for p in parts if p] + record["body"].split("\n\n")


def expected_hits(records: list[dict], query: str) -> dict[str, int]:
    words = fold(query).split()
    found = {}
    for record in records:
        parts = [fold(p) for p in own_text(record)]
        if all(any(f in p for f in forms(w) for p in parts) for w in words):
            found[record["id"]] = sum(len(places(p, words)) for p in parts)
    return found


def shown_hits(page) -> dict[str, int]:
    return page.evaluate(
        """() => Object.fromEntries(Array.from(document.querySelectorAll('#search-hits > li')).map(li => [
              li.dataset.article,
              parseInt(li.querySelector('.hit-count').textContent, 10)]))"""
    )


@pytest.fixture()
def reader(browser, report_url):
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    watched = Watched(context, report_url)
    yield watched
    assert watched.errors == []
    context.close()


@pytest.mark.parametrize("query", ["党建+", "信访", "党建 工会", "职工群众", "12"])
def test_search_counts_match_the_articles_own_text(reader, records, query) -> None:
    page = reader.page
    page.fill("#filter-search", query)
    expected = expected_hits(records, query)
    assert expected, f"the seeds should contain {query!r}"
    assert shown_hits(page) == expected
    assert sorted(visible_rows(page)) == sorted(expected)
    total = sum(expected.values())
    assert page.inner_text("#filter-status") == f"显示 {len(expected)} / {len(records)} 篇文章，共 {total} 处"


def test_each_hit_shows_lines_in_context_with_the_match_marked(reader, records) -> None:
    page = reader.page
    page.fill("#filter-search", "信访")
    lines = page.eval_on_selector_all(
        "#search-hits > li", "items => items.map(li => Array.from(li.querySelectorAll('.kwic li')).map(l => [l.textContent, l.querySelector('mark').textContent]))"
    )
    assert lines and all(1 <= len(item) <= 3 for item in lines)
    texts = {r["id"]: "".join(own_text(r)) for r in records}
    ids = list(shown_hits(page))
    for article_id, item in zip(ids, lines):
        for line, mark in item:
            assert fold(mark) == "信访"
            assert line.strip("…") in texts[article_id].replace("\n", "")


@pytest.mark.parametrize("query", ["信访 工作", "信访", "党建"])
def test_a_hit_shows_its_title_once_and_distinct_passages_in_context(reader, records, query) -> None:
    """The title is the hit's link, its matches marked there; the lines under it are passages of the
    rest of the article (never the title again), none repeating or containing another, each with
    the words marked in it."""
    page = reader.page
    page.fill("#filter-search", query)
    items = page.eval_on_selector_all(
        "#search-hits > li",
        """items => items.map(li => ({id: li.dataset.article, title: li.querySelector('p a').textContent,
              marked: Array.from(li.querySelectorAll('p a mark'), m => m.textContent),
              lines: Array.from(li.querySelectorAll('.kwic li'), l => [l.textContent, Array.from(l.querySelectorAll('mark'), m => m.textContent)])}))""",
    )
    words = fold(query).split()
    by_id = {r["id"]: r for r in records}
    assert items and any(any(w in fold(by_id[i["id"]]["display_title"]) for w in words) for i in items)
    for item in items:
        record = by_id[item["id"]]
        title = record["display_title"]
        assert item["title"] == title
        texts = [line.strip("…") for line, _ in item["lines"]]
        body = "".join(own_text(record)[1:]).replace("\n", "")
        assert 1 <= len(texts) <= 3
        matched = {p[s:e] for p in map(fold, own_text(record)[1:]) for s, e in places(p, words)}
        for n, (text, marks) in enumerate(zip(texts, (m for _, m in item["lines"]))):
            assert text in body and text not in title
            assert marks and all(fold(m) in matched for m in marks)
            assert not any(text in other or other in text for other in texts[:n] + texts[n + 1:])
        assert sorted(fold(m) for m in item["marked"]) == sorted(fold(title)[s:e] for s, e in places(fold(title), words))


def test_a_word_only_in_a_chip_or_label_is_not_found(reader, records) -> None:
    page = reader.page
    chip_only = [
        (t["name"], r["id"]) for r in records for t in r["themes"]
        if fold(t["name"]) not in fold("".join(own_text(r)))
    ]
    assert chip_only, "the seeds should have a theme chip whose name the article never writes"
    name, article_id = chip_only[0]
    page.fill("#filter-search", name)
    assert article_id not in shown_hits(page)
    assert shown_hits(page) == expected_hits(records, name)
    page.fill("#filter-search", "主要主题")  # a label of the page, in no article
    assert shown_hits(page) == expected_hits(records, "主要主题") == {}


def test_full_width_and_half_width_find_the_same(reader) -> None:
    page = reader.page
    page.fill("#filter-search", "党建+")
    half = shown_hits(page)
    page.fill("#filter-search", "党建＋")
    assert shown_hits(page) == half and half
    page.fill("#filter-search", "１２")
    full_digits = shown_hits(page)
    page.fill("#filter-search", "12")
    assert shown_hits(page) == full_digits and full_digits


def test_opening_a_hit_scrolls_to_and_highlights_its_matches(reader, records) -> None:
    page = reader.page
    page.fill("#filter-search", "党建+")
    first = page.locator("#search-hits > li a").first
    article_id = first.get_attribute("href")[1:].split("&")[0]
    first.click()
    wait_until(page, f"() => document.getElementById('{article_id}').classList.contains('current')")
    assert "q=" in page.evaluate("location.hash")
    count = expected_hits(records, "党建+")[article_id]
    assert page.evaluate("CSS.highlights.get('zg-hit').size") == count
    assert page.get_attribute(f"#{article_id}", "data-matches") == str(count)
    top = page.evaluate("(() => { const r = Array.from(CSS.highlights.get('zg-hit'))[0].getBoundingClientRect(); return [r.top, r.bottom]; })()")
    assert 0 <= top[0] and top[1] <= DESKTOP["height"]
    assert page.inner_text(f"#{article_id} .tool-status") == f"本文命中 {count} 处"


def test_filters_and_search_narrow_the_table_and_the_results_together(reader, records) -> None:
    page = reader.page
    theme = next(r["primary_theme"] for r in records if r["primary_theme"])
    anchor = f"t-{theme}"
    in_theme = {r["id"] for r in records if any(t["id"] == theme for t in r["themes"])}
    page.select_option("#filter-theme", anchor)
    page.fill("#filter-search", "党建")
    expected = {k: v for k, v in expected_hits(records, "党建").items() if k in in_theme}
    assert expected and len(expected) < len(expected_hits(records, "党建"))
    assert shown_hits(page) == expected
    assert sorted(visible_rows(page)) == sorted(expected)
    hidden_articles = page.eval_on_selector_all("article.article", "els => els.filter(e => getComputedStyle(e).display === 'none').map(e => e.id)")
    assert sorted(hidden_articles) == sorted({r["id"] for r in records} - set(expected))
    source = records[0]["source"]["file"]
    page.select_option("#filter-source", source)
    on_page = {k: v for k, v in expected.items() if next(r for r in records if r["id"] == k)["source"]["file"] == source}
    assert shown_hits(page) == on_page


def test_the_table_sorts_by_every_column(reader, records) -> None:
    page = reader.page
    headers = page.eval_on_selector_all("#article-table thead th", "ths => ths.map(th => th.dataset.sort)")
    assert headers == ["n", "title", "author", "unit", "theme", "score", "chars", "source"]
    chars = {r["id"]: r["characters"] for r in records}
    page.click('#article-table th[data-sort="chars"] button')
    assert page.get_attribute('#article-table th[data-sort="chars"]', "aria-sort") == "descending"
    assert [chars[i] for i in visible_rows(page)] == sorted(chars.values(), reverse=True)
    page.click('#article-table th[data-sort="chars"] button')
    assert [chars[i] for i in visible_rows(page)] == sorted(chars.values())
    for key in ("title", "author", "unit", "theme", "score", "source"):
        page.click(f'#article-table th[data-sort="{key}"] button')
        assert page.get_attribute(f'#article-table th[data-sort="{key}"]', "aria-sort") in ("ascending", "descending")
        assert sorted(visible_rows(page)) == sorted(chars)
    page.click('#article-table th[data-sort="title"] button')
    titles = page.eval_on_selector_all("#article-table tbody tr td:nth-child(2)", "cells => cells.map(c => c.textContent.trim())")
    collated = page.evaluate("titles => titles.slice().sort(new Intl.Collator('zh-CN').compare)", titles)
    assert titles in (collated, collated[::-1])
    assert "sort=title" in page.evaluate("location.hash")


def test_the_state_lives_in_the_url_and_a_link_restores_it(browser, reader, report_url, records) -> None:
    page = reader.page
    theme = next(r["primary_theme"] for r in records if r["primary_theme"])
    page.select_option("#filter-theme", f"t-{theme}")
    page.fill("#filter-search", "党建＋")
    hash_ = page.evaluate("location.hash")
    assert hash_ == f"#q={quote('党建＋')}&theme=t-{theme}"
    shown = shown_hits(page)
    context = browser.new_context(viewport=DESKTOP)
    other = Watched(context, report_url + hash_)
    assert other.page.input_value("#filter-search") == "党建＋"
    assert other.page.input_value("#filter-theme") == f"t-{theme}"
    assert shown_hits(other.page) == shown
    assert other.errors == []
    context.close()


def has_chinese_font() -> bool:
    """Whether fontconfig knows a font with Chinese glyphs (without one the printed text is boxes)."""
    try:
        listed = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return bool(listed.strip())


def test_a_permalink_prints_that_article_alone(browser, report_url, records) -> None:
    pypdf = pytest.importorskip("pypdf", reason="install pypdf: pip install '.[test]'")
    if not has_chinese_font():
        pytest.skip("no Chinese font for the browser to print with: apt-get install fonts-noto-cjk")
    record = next(r for r in records if r["characters"] < 2500 and r["subtitle"] is None)
    context = browser.new_context(viewport=DESKTOP)
    watched = Watched(context, f"{report_url}#{record['id']}")
    page = watched.page
    page.emulate_media(media="print")
    visible = page.eval_on_selector_all("article.article", "els => els.filter(e => e.offsetParent !== null).map(e => e.id)")
    assert visible == [record["id"]]
    for hidden in ("#toc", ".masthead", "#article-table", "#overview", "#themes", "#parse-notes"):
        assert page.is_hidden(hidden)
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
    # NFKC: the PDF's font maps some characters to their Kangxi radical look-alikes (⼯ for 工)
    text = unicodedata.normalize("NFKC", "".join(p.extract_text() for p in pdf.pages)).replace("\n", "").replace(" ", "")
    assert len(pdf.pages) <= 3
    assert record["display_title"].replace(" ", "") in text
    assert record["author"] in text
    assert "主题依据" in text
    others = [r["display_title"] for r in records if r["id"] != record["id"] and r["display_title"] not in record["body"]]
    assert not [t for t in others if t.replace(" ", "") in text]
    assert "目录" not in text and "检索" not in text
    whole = browser.new_context(viewport=DESKTOP)
    everything = Watched(whole, report_url).page
    assert len(pypdf.PdfReader(io.BytesIO(everything.pdf(format="A4"))).pages) > 10 * len(pdf.pages)
    assert watched.errors == []
    context.close()
    whole.close()


def test_the_print_button_prints_its_article(reader, records) -> None:
    page = reader.page
    article_id = records[3]["id"]
    page.evaluate("() => { window.print = () => { window.__printed = document.querySelector('article.current').id; }; }")
    page.click(f"#{article_id} .article-tools button[data-act=print]")
    assert page.evaluate("window.__printed") == article_id
    assert page.evaluate("location.hash").startswith(f"#{article_id}")


def test_an_article_saves_as_one_json_record(reader, records) -> None:
    page = reader.page
    record = records[0]
    with page.expect_download() as download:
        page.click(f"#{record['id']} .article-tools button[data-act=save]")
    saved = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert download.value.suggested_filename == f"{record['id']}.json"
    for key in ("id", "title", "display_title", "title_inferred", "kicker", "subtitle", "author", "affiliation", "role", "abstract", "source", "primary_theme", "body"):
        assert saved[key] == record[key], key
    assert [t["id"] for t in saved["themes"]] == [t["id"] for t in record["themes"]]
    assert [t["name"] for t in saved["themes"]] == [t["name"] for t in record["themes"]]
    assert saved["link"].endswith(f"index.html#{record['id']}")


def test_search_results_and_an_open_article_have_no_axe_violations(browser, report_url) -> None:
    script = needed_axe_script()
    context = browser.new_context(viewport=DESKTOP, bypass_csp=True)
    page = context.new_page()
    page.goto(report_url)
    page.fill("#filter-search", "党建+")
    page.locator("#search-hits > li a").first.click()
    page.add_script_tag(path=str(script))
    for viewport in (DESKTOP, PHONE):
        page.set_viewport_size(viewport)
        assert axe_violations(page) == []
    context.close()


def test_an_article_copies_as_the_same_json_record(browser, report_url, records) -> None:
    context = browser.new_context(viewport=DESKTOP)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    watched = Watched(context, report_url)
    page = watched.page
    record = records[1]
    page.click(f"#{record['id']} .article-tools button[data-act=copy]")
    wait_until(page, f"() => document.querySelector('#{record['id']} .tool-status').textContent !== ''")
    assert page.inner_text(f"#{record['id']} .tool-status") == "已复制本文数据"
    copied = json.loads(page.evaluate("navigator.clipboard.readText()"))
    assert copied["id"] == record["id"] and copied["body"] == record["body"]
    assert watched.errors == []
    context.close()


def test_search_results_come_most_matches_first(reader) -> None:
    """The reader looks at the first hits: they are the articles with the most matches (the table
    below keeps its own order)."""
    page = reader.page
    page.fill("#filter-search", "党建")  # ten hits, in the table's order 29, 15, 42, 22 … before
    counts = page.eval_on_selector_all("#search-hits > li .hit-count", "spans => spans.map(s => parseInt(s.textContent))")
    assert len(counts) >= 2 and counts == sorted(counts, reverse=True)


@pytest.fixture(scope="module")
def stack_url(report_dir) -> str:
    return fixture_page_report(report_dir, "lead_in_stack_page").as_uri()


def test_a_kicker_is_shown_small_over_its_title_searched_and_saved(browser, stack_url) -> None:
    """The 引题 stands over the title in a smaller type; a search for its words finds the article
    under its title (the kicker in a passage), and the saved record carries it."""
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    watched = Watched(context, stack_url)
    page = watched.page
    path = Path(stack_url.removeprefix("file://")).parent / "data" / "articles.json"
    [record] = [r for r in json.loads(path.read_text(encoding="utf-8")) if r["kicker"] == "深化党建融合 激发发展活力"]
    box = lambda selector: page.evaluate(  # noqa: E731
        f"(() => {{ const e = document.querySelector('#{record['id']} {selector}'); const r = e.getBoundingClientRect();"
        " return [r.top, r.bottom, parseFloat(getComputedStyle(e).fontSize)]; })()")
    kicker, title, subtitle = box(".kicker"), box("h3"), box(".subtitle")
    assert kicker[1] <= title[0] and title[1] <= subtitle[0]
    assert kicker[2] < subtitle[2] < title[2]
    page.fill("#filter-search", "党建融合")
    items = page.eval_on_selector_all(
        "#search-hits > li", "items => items.map(li => [li.dataset.article, li.querySelector('p a').textContent, Array.from(li.querySelectorAll('.kwic li'), l => l.textContent)])")
    assert items == [[record["id"], record["display_title"], ["深化党建融合 激发发展活力"]]]
    with page.expect_download() as download:
        page.click(f"#{record['id']} .article-tools button[data-act=save]")
    saved = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert (saved["kicker"], saved["title"], saved["subtitle"]) == (record["kicker"], record["title"], record["subtitle"])
    assert watched.errors == []
    context.close()
