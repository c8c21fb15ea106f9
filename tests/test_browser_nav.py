"""Finding one's way in the folder form (built from the fixture pages) in chromium: the phone's row of
table-of-contents tabs shows that it scrolls and every tab can be reached, an article page's bar
back is no taller; an article page's way back to the table restores the search and filters the
reader came from."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from zhenggong_report.pipeline import build

from conftest import FIXTURES
from test_browser import DESKTOP, PHONE, Watched, browser  # noqa: F401
from test_browser_reader import expected_hits, shown_hits, wait_until

pytestmark = pytest.mark.browser

SEARCHED = "() => !document.getElementById('filter-status').textContent.includes('正在检索')"
QUERY = "信访"


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    pages = tmp_path_factory.mktemp("nav-pages")
    for page in (FIXTURES / "pages").glob("*.txt"):
        shutil.copy(page, pages)
    out = tmp_path_factory.mktemp("nav") / "report"
    build(pages, out, layout="folder")
    return out


@pytest.fixture(scope="module")
def records(folder) -> list[dict]:
    return json.loads((folder / "data" / "articles.json").read_text(encoding="utf-8"))


TABS = """() => {
  const list = document.querySelector('.toc-list');
  const box = list.getBoundingClientRect();
  return {
    scrolls: list.scrollWidth > list.clientWidth,
    classes: Array.from(list.classList),
    mask: getComputedStyle(list).maskImage,
    viewport: innerWidth,
    list: [box.left, box.right],
    tabs: Array.from(list.querySelectorAll(':scope > li > a')).map(a => {
      const r = a.getBoundingClientRect();
      return [a.textContent.trim(), r.left, r.right];
    }),
  };
}"""


# the focused tab wholly inside the row's box and the window
SHOWN_FOCUS = """() => {
  const list = document.querySelector('.toc-list').getBoundingClientRect();
  const tab = document.activeElement.getBoundingClientRect();
  return tab.left >= list.left - 1 && tab.right <= list.right + 1 && tab.right <= innerWidth;
}"""


def inside(tab, box) -> bool:
    return tab[1] >= box[0] - 1 and tab[2] <= box[1] + 1


def test_on_a_phone_the_tabs_past_the_edge_are_faded_out(browser, folder) -> None:
    context = browser.new_context(viewport=PHONE)
    page = Watched(context, folder.as_uri() + "/index.html").page
    row = page.evaluate(TABS)
    assert row["scrolls"] and row["classes"] == ["toc-list", "more-after"] and "gradient" in row["mask"]
    cut = [tab for tab in row["tabs"] if not inside(tab, row["list"])]
    # the tabs not fully shown lie past the faded right edge, and the last one is among them
    assert cut and cut[-1] == row["tabs"][-1] and all(tab[1] > row["list"][0] for tab in cut)
    page.evaluate("() => { const l = document.querySelector('.toc-list'); l.scrollLeft = l.scrollWidth; }")
    wait_until(page, "() => document.querySelector('.toc-list').classList.contains('more-before')")
    row = page.evaluate(TABS)
    assert row["classes"] == ["toc-list", "more-before"]
    assert inside(row["tabs"][-1], row["list"]) and row["list"][1] <= row["viewport"]
    context.close()


def test_on_a_phone_every_tab_comes_into_view_by_keyboard(browser, folder) -> None:
    context = browser.new_context(viewport=PHONE)
    page = Watched(context, folder.as_uri() + "/index.html").page
    names = [tab[0] for tab in page.evaluate(TABS)["tabs"]]
    page.focus(".toc-list a")
    reached = []
    for _ in names:
        wait_until(page, SHOWN_FOCUS, timeout=2)
        reached.append(page.evaluate("() => document.activeElement.textContent.trim()"))
        page.keyboard.press("Tab")
    assert reached == names
    context.close()


def test_on_a_wide_screen_the_table_of_contents_has_no_fade(browser, folder) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = Watched(context, folder.as_uri() + "/index.html").page
    row = page.evaluate(TABS)
    assert not row["scrolls"] and row["classes"] == ["toc-list"] and row["mask"] == "none"
    context.close()


BAR = """() => [document.querySelector('.toc').getBoundingClientRect().height,
  document.querySelector('.toc a').getBoundingClientRect().height]"""


def test_on_a_phone_an_articles_bar_back_is_no_taller_than_the_tabs(browser, folder, records) -> None:
    """An article page's sticky bar held ← 全部文章 in a paragraph's margins: taller than the index's row
    of tabs (69 px of the screen) around a link 22 px high, under the 24 px a finger needs."""
    context = browser.new_context(viewport=PHONE)
    page = Watched(context, folder.as_uri() + "/index.html").page
    tabs, _ = page.evaluate(BAR)
    page.goto(f"{folder.as_uri()}/articles/{records[0]['id']}.html")
    bar, link = page.evaluate(BAR)
    assert bar <= tabs and link >= 32
    context.close()


def test_back_from_a_search_hit_the_search_is_still_there(browser, folder, records) -> None:
    context = browser.new_context(viewport=DESKTOP)
    watched = Watched(context, folder.as_uri() + "/index.html")
    page = watched.page
    page.fill("#filter-search", QUERY)
    wait_until(page, SEARCHED)
    before = shown_hits(page)
    assert before == expected_hits(records, QUERY) and len(before) > 1
    page.locator("#search-hits > li a").first.click()
    page.wait_for_url("**/articles/*.html#q=*")
    page.click("text=← 全部文章")
    page.wait_for_url("**/index.html#articles&q=*")
    wait_until(page, SEARCHED)
    assert page.input_value("#filter-search") == QUERY
    assert shown_hits(page) == before
    assert watched.errors == []
    context.close()


def test_back_from_a_filtered_tables_row_the_filter_is_still_there(browser, folder, records) -> None:
    context = browser.new_context(viewport=DESKTOP)
    watched = Watched(context, folder.as_uri() + "/index.html")
    page = watched.page
    theme = records[0]["primary_theme"]
    page.select_option("#filter-theme", f"t-{theme}")
    page.click('#article-table th[data-sort="chars"] button')
    shown = page.eval_on_selector_all("#article-table tbody tr", "rows => rows.map(r => r.dataset.article)")
    assert 0 < len(shown) < len(records)
    page.locator("#article-table tbody tr a").first.click()
    page.wait_for_url(f"**/articles/{shown[0]}.html#*")
    page.click("h2.crumb a")
    page.wait_for_url("**/index.html#articles&*")
    assert page.input_value("#filter-theme") == f"t-{theme}"
    assert page.eval_on_selector_all("#article-table tbody tr", "rows => rows.map(r => r.dataset.article)") == shown
    assert watched.errors == []
    context.close()


def test_an_article_opened_in_a_new_tab_leads_back_to_the_filtered_table(browser, folder, records) -> None:
    """A new tab has a storage of its own: the title's link itself carries the filters and sort
    (it led back to the whole table)."""
    context = browser.new_context(viewport=DESKTOP)
    page = Watched(context, folder.as_uri() + "/index.html").page
    theme = records[0]["primary_theme"]
    page.select_option("#filter-theme", f"t-{theme}")
    page.click('#article-table th[data-sort="chars"] button')
    shown = page.eval_on_selector_all("#article-table tbody tr", "rows => rows.map(r => r.dataset.article)")
    assert 0 < len(shown) < len(records)
    with context.expect_page() as opened:
        page.locator("#article-table tbody tr a").first.click(button="middle")
    tab = opened.value
    tab.wait_for_load_state("load")
    assert tab.url.split("#")[0].endswith(f"/articles/{shown[0]}.html")
    tab.click("text=← 全部文章")
    tab.wait_for_url("**/index.html#articles&*")
    assert tab.input_value("#filter-theme") == f"t-{theme}"
    assert tab.eval_on_selector_all("#article-table tbody tr", "rows => rows.map(r => r.dataset.article)") == shown
    context.close()


def test_without_javascript_the_way_back_is_the_whole_table(browser, folder, records) -> None:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{folder.as_uri()}/articles/{records[0]['id']}.html#q={QUERY}")
    hrefs = page.eval_on_selector_all("a[data-back]", "links => links.map(a => a.getAttribute('href'))")
    assert hrefs == ["../index.html#articles", "../index.html#articles"]
    page.click("text=← 全部文章")
    page.wait_for_url("**/index.html#articles")
    context.close()
