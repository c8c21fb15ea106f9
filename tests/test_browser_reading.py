"""What a reader meets on the page, in chromium: on a phone the keyboard visits the article cards in
the order they are shown and never an unseen control, names stay whole, a search hit names only
the author and unit it knows and its primary theme, a hit with a match in its title opens at the
article's top, back from a hit the results are where the reader left them, an inferred title's
badge stands apart, the folder's list of articles numbers each once, a 副题 is shown after its dash
as printed, and an article's own page (folder form) starts right under its crumb."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zhenggong_report.pipeline import build

from conftest import FIXTURES, SEEDS
from test_browser import DESKTOP, PHONE, Watched, browser, report_dir, report_url  # noqa: F401
from test_browser_reader import stack_url, wait_until  # noqa: F401

pytestmark = pytest.mark.browser

CARDS = 3
"""The first article cards walked through with Tab."""

FOCUSED = """() => {
  const e = document.activeElement, r = e.getBoundingClientRect();
  return {href: e.getAttribute('href'), inRow: !!e.closest('#article-table tbody'), left: r.left, right: r.right, width: r.width, height: r.height};
}"""


def test_on_a_phone_tab_visits_the_cards_in_the_order_they_are_shown(browser, report_url) -> None:
    """A card shows its title, then the author and unit, then the primary theme; Tab used to reach the
    unit after the theme under it, and the hidden sort buttons of the table's head unseen."""
    context = browser.new_context(viewport=PHONE)
    watched = Watched(context, report_url)
    page = watched.page
    page.focus("#toggle-marks")
    links_in_cards = page.eval_on_selector_all(
        f"#article-table tbody tr:nth-child(-n+{CARDS}) a", "links => links.map(a => a.getAttribute('href'))")
    visited = []
    while len([v for v in visited if v["inRow"]]) < len(links_in_cards):
        page.keyboard.press("Tab")
        visited.append(page.evaluate(FOCUSED))
    for stop in visited:
        assert stop["width"] > 1 and stop["height"] > 1, f"Tab reached a control nobody sees: {stop}"
        assert 0 <= stop["left"] and stop["right"] <= PHONE["width"] + 1, f"Tab reached a control off the screen: {stop}"
    assert [v["href"] for v in visited if v["inRow"]] == links_in_cards
    shown = page.eval_on_selector_all(
        f"#article-table tbody tr:nth-child(-n+{CARDS}) a",
        "links => links.map(a => [a.getBoundingClientRect().top, a.getBoundingClientRect().left, a.getAttribute('href')])")
    assert [href for *_, href in sorted(shown)] == links_in_cards, "the cards' links read top to bottom in the keyboard's order"
    assert watched.errors == []
    context.close()


NAMES_SPLIT = """selector => Array.from(document.querySelectorAll(selector)).flatMap(who => {
  const text = who.firstChild, names = text.data.trim().split(' · ')[0];
  let from = text.data.indexOf(names);
  return names.split('、').filter(name => {
    const range = document.createRange();
    range.setStart(text, from);
    range.setEnd(text, from + name.length);
    from += name.length + 1;
    const tops = Array.from(range.getClientRects(), r => r.top);
    return Math.max(...tops) - Math.min(...tops) > 8;
  });
})"""
"""The names of the authors (several joined with 、) that break across two lines, in the bylines
(``author · unit``) that ``selector`` picks."""


@pytest.fixture(scope="module")
def many_url(report_dir) -> str:
    """Every fixture page: enough authors for one to reach the end of a line in a theme's list."""
    pages = report_dir / "many-pages"
    pages.mkdir()
    for page in (FIXTURES / "pages").glob("*.txt"):
        (pages / page.name).write_bytes(page.read_bytes())
    build(pages, report_dir / "many", layout="single")
    return (report_dir / "many" / "index.html").as_uri()


def test_on_a_phone_an_authors_name_in_a_themes_list_stays_on_one_line(browser, many_url) -> None:
    """孙文生 used to break after 孙文 at the end of a line."""
    context = browser.new_context(viewport=PHONE)
    watched = Watched(context, many_url)
    page = watched.page
    page.evaluate("document.querySelectorAll('.theme').forEach(t => t.style.contentVisibility = 'visible')")
    assert page.eval_on_selector_all(".who", "items => items.length") > 50
    assert page.evaluate(NAMES_SPLIT, ".who") == []
    assert watched.errors == []
    context.close()


@pytest.fixture(scope="module")
def many_folder(report_dir, many_url) -> Path:
    out = report_dir / "many-folder"
    build(report_dir / "many-pages", out, layout="folder")
    return out


def test_the_folders_list_numbers_each_article_once_and_keeps_names_whole(browser, many_folder) -> None:
    """list.html showed 1. 1., 2. 2. (the list's own numbers before the articles'), and 王乔媛 broken."""
    context = browser.new_context(viewport=PHONE)
    watched = Watched(context, (many_folder / "list.html").as_uri())
    page = watched.page
    page.evaluate("document.querySelectorAll('.list-group').forEach(g => g.style.contentVisibility = 'visible')")
    styles = page.eval_on_selector_all(".list-group ol", "lists => lists.map(l => getComputedStyle(l).listStyleType)")
    assert styles and set(styles) == {"none"}
    first = page.inner_text(".list-group li")
    assert first.startswith("1. ") and not first.startswith("1. 1.")
    assert page.eval_on_selector_all(".list-group small", "items => items.length") > 50
    assert page.evaluate(NAMES_SPLIT, ".list-group small") == []
    assert watched.errors == []
    context.close()


def test_an_inferred_titles_badge_stands_apart_from_its_link(browser, report_url) -> None:
    """推断 sat glued to the title it marks (创新…的方法与路径推断)."""
    context = browser.new_context(viewport=DESKTOP)
    watched = Watched(context, report_url)
    gaps = watched.page.eval_on_selector_all("a + .badge.inferred", """badges => badges.map(badge => {
        const lines = badge.previousElementSibling.getClientRects(), end = lines[lines.length - 1], box = badge.getBoundingClientRect();
        return Math.abs(box.bottom - end.bottom) < 8 ? box.left - end.right : null;  // null: the badge starts a line
    }).filter(gap => gap !== null)""")
    assert gaps and min(gaps) >= 3
    assert watched.errors == []
    context.close()


def stack_records(stack_url: str) -> list[dict]:
    path = Path(stack_url.removeprefix("file://")).parent / "data" / "articles.json"
    return json.loads(path.read_text(encoding="utf-8"))


def test_a_subtitle_is_shown_after_its_dash_as_printed(browser, stack_url) -> None:
    """The page prints ——记王庄煤矿综采一队党支部; the record (and search, copy) keep it without the dash."""
    context = browser.new_context(viewport=DESKTOP)
    watched = Watched(context, stack_url)
    page = watched.page
    subtitled = [r for r in stack_records(stack_url) if r["subtitle"]]
    assert subtitled
    for record in subtitled:
        shown = page.evaluate(
            f"(() => {{ const e = document.querySelector('#{record['id']} .subtitle');"
            " return [getComputedStyle(e, '::before').content, e.textContent]; })()")
        assert shown == ['"——"', record["subtitle"]]
    assert watched.errors == []
    context.close()


def test_a_search_hit_names_only_the_author_and_unit_it_knows(browser, stack_url) -> None:
    """A hit for an article without a unit read 张三 · —; it reads 张三, as the themes' lists give it."""
    context = browser.new_context(viewport=DESKTOP)
    watched = Watched(context, stack_url)
    page = watched.page
    records = {r["id"]: r for r in stack_records(stack_url)}
    page.fill("#filter-search", "王庄煤矿")
    bylines = page.eval_on_selector_all("#search-hits > li", "items => items.map(li => [li.dataset.article, li.querySelector('p small').textContent])")
    unitless = [(i, text) for i, text in bylines if records[i]["author"] and not records[i]["affiliation"]]
    assert unitless, "the stack page's articles print a byline without a unit"
    assert [text.strip() for _, text in unitless] == [records[i]["author"] for i, _ in unitless]
    assert not [text for _, text in bylines if "—" in text]
    assert watched.errors == []
    context.close()


def test_an_articles_own_page_starts_right_under_its_crumb(browser, report_dir, stack_url) -> None:
    """The folder form's article page showed a double rule and a gap between 文章 and the article."""
    out = report_dir / "stack-folder"
    build(report_dir / "lead_in_stack_page-pages", out, layout="folder")  # the pages stack_url was built from
    page_path = sorted((out / "articles").glob("*.html"))[0]
    context = browser.new_context(viewport=DESKTOP)
    watched = Watched(context, page_path.as_uri())
    page = watched.page
    rule, gap = page.evaluate(
        "(() => { const crumb = document.querySelector('h2.crumb'), article = document.querySelector('article.article');"
        " return [getComputedStyle(article).borderTopWidth, article.getBoundingClientRect().top - crumb.getBoundingClientRect().bottom]; })()")
    assert rule == "0px" and gap < 16
    assert watched.errors == []
    context.close()


def test_back_from_a_search_hit_the_results_are_where_the_reader_left_them(browser, report_url) -> None:
    """Back (and forward) in the history leave the page where the browser puts it: going back from an
    article to its search scrolled the page to the top of the table, away from the hit just read."""
    context = browser.new_context(viewport=PHONE)
    watched = Watched(context, report_url)
    page = watched.page
    page.fill("#filter-search", "数字化")
    hit = page.locator("#search-hits > li a").nth(3)
    hit.scroll_into_view_if_needed()
    before = page.evaluate("scrollY")
    assert before > 400
    hit.click()
    page.wait_for_url("**#a-*")
    at_article = page.evaluate("scrollY")
    assert at_article > before + 1000
    page.go_back()
    page.wait_for_url("**#q=*")
    assert abs(page.evaluate("scrollY") - before) <= 2
    assert page.eval_on_selector_all("#search-hits > li", "items => items.length") > 3
    page.go_forward()
    page.wait_for_url("**#a-*")
    assert abs(page.evaluate("scrollY") - at_article) <= 2
    assert watched.errors == []
    context.close()


def primary_theme_names(records) -> dict[str, str]:
    return {r["id"]: next(t["name"] for t in r["themes"] if t["id"] == r["primary_theme"]) for r in records if r["primary_theme"]}


def test_a_search_hit_names_its_primary_theme(browser, report_dir, report_url) -> None:
    """A hit gave the author and unit but not what the article is about, which the table's row gives;
    the single page and the folder form alike."""
    records = json.loads((Path(report_url.removeprefix("file://")).parent / "data" / "articles.json").read_text(encoding="utf-8"))
    names = primary_theme_names(records)
    out = report_dir / "folder"
    build(SEEDS, out, layout="folder")
    context = browser.new_context(viewport=DESKTOP)
    for url in (report_url, (out / "index.html").as_uri()):
        watched = Watched(context, url)
        page = watched.page
        page.fill("#filter-search", "数字化")
        wait_until(page, "() => !document.getElementById('filter-status').textContent.includes('正在检索')")
        shown = page.eval_on_selector_all(
            "#search-hits > li", "items => items.map(li => [li.dataset.article, (li.querySelector('p .hit-theme') || {}).textContent])")
        assert len(shown) > 2
        assert shown == [[i, f"主题：{names[i]}"] for i, _ in shown], url
        assert watched.errors == []
        watched.page.close()
    context.close()


def test_a_hit_matched_in_its_title_opens_at_the_articles_top(browser, report_url) -> None:
    """The first match, in the title, was scrolled to the middle of the screen: the upper half showed
    the end of the section before, the article's text began under the fold."""
    context = browser.new_context(viewport=DESKTOP)
    watched = Watched(context, report_url)
    page = watched.page
    page.fill("#filter-search", "信访")
    first = page.locator("#search-hits > li a").first
    assert first.locator("mark").count() > 0, "the first hit for 信访 has it in its title"
    article_id = first.get_attribute("href")[1:].split("&")[0]
    first.click()
    wait_until(page, f"() => document.getElementById('{article_id}').classList.contains('current')")
    top = page.evaluate(f"document.getElementById('{article_id}').getBoundingClientRect().top")
    assert 0 <= top <= 40
    assert watched.errors == []
    context.close()
