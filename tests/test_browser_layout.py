"""The report's layout for its readers, in chromium: on a desktop and a phone the article table comes
first (titles, themes and units on the first screen), the overview one click away; the filters'
labels start level over a level row of boxes; the names of a roll list never break across two
lines; the glossary fits a phone; a kicker belongs to its headline."""

from __future__ import annotations


import pytest

from report_pages import fixture_page_report
from test_browser import DESKTOP, PHONE, Watched, browser, report_dir, report_url  # noqa: F401

pytestmark = pytest.mark.browser


def page_top(page, selector: str) -> float:
    return page.evaluate(f"document.querySelector('{selector}').getBoundingClientRect().top + scrollY")


def test_on_a_phone_the_articles_come_first_and_the_overview_stays(browser, report_url) -> None:
    context = browser.new_context(viewport=PHONE)
    watched = Watched(context, report_url)
    page = watched.page
    assert page_top(page, "#articles") < page_top(page, "#overview")
    first_row = page.evaluate("document.querySelector('#article-table tbody tr').getBoundingClientRect().bottom")
    assert first_row <= PHONE["height"], "the first article (title, theme, unit) is on the first screen"
    tabs = page.eval_on_selector_all(".toc-list > li > a", "links => links.map(a => [a.getAttribute('href'), a.getBoundingClientRect().left])")
    assert [href for href, _ in sorted(tabs, key=lambda tab: tab[1])][:2] == ["#articles", "#overview"]
    page.click('.toc-list a[href="#overview"]')
    assert 0 <= page.evaluate("document.getElementById('overview').getBoundingClientRect().top") < 120
    assert page.is_visible("#chart-bars-caption")
    assert watched.errors == []
    context.close()


LAPTOP = {"width": 1280, "height": 800}
FIRST_ROW = """() => {
  const row = document.querySelector('#article-table tbody tr');
  const box = cell => row.cells[cell].getBoundingClientRect();
  return {bottom: Math.max(box(1).bottom, box(3).bottom, box(4).bottom), texts: [1, 3, 4].map(c => row.cells[c].textContent.trim())};
}"""


@pytest.mark.parametrize("scripts", [True, False], ids=["script", "no-script"])
def test_on_a_laptop_the_first_screen_shows_the_first_articles_title_theme_and_unit(browser, report_url, scripts) -> None:
    context = browser.new_context(viewport=LAPTOP, java_script_enabled=scripts)
    watched = Watched(context, report_url)
    page = watched.page
    first = page.evaluate(FIRST_ROW)
    assert first["bottom"] <= LAPTOP["height"], "the first article's title, unit and theme are on the first screen"
    assert first["texts"][0], "the first row has its title"
    assert page_top(page, "#articles") < page_top(page, "#overview") < page_top(page, "#texts") < page_top(page, "#parse-notes")
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    page.click('.toc-list a[href="#overview"]')
    assert 0 <= page.evaluate("document.getElementById('overview').getBoundingClientRect().top") < 120
    assert page.is_visible("#chart-bars-caption")
    assert watched.errors == []
    context.close()


FIRST_ROWS = """n => Array.from(document.querySelectorAll('#article-table tbody tr')).slice(0, n)
  .map(row => Math.max(...[1, 3, 4].map(c => row.cells[c].getBoundingClientRect().bottom)))"""


def test_on_a_phone_the_first_screen_holds_the_search_and_three_articles(browser, report_url) -> None:
    """The search and filters once took half a phone's first screen, and only two articles stood
    under them: now three do (title, unit and theme), with every filter, the search's help and the
    count still shown."""
    context = browser.new_context(viewport=PHONE)
    watched = Watched(context, report_url)
    page = watched.page
    bottoms = page.evaluate(FIRST_ROWS, 3)
    assert len(bottoms) == 3 and max(bottoms) <= PHONE["height"], bottoms
    search = page.locator("#filter-search").bounding_box()
    assert search["y"] + search["height"] <= bottoms[0], "the search box is above the articles, on the first screen"
    shown = page.eval_on_selector_all("#article-filters > *", "parts => parts.map(p => p.getBoundingClientRect().height > 0)")
    assert len(shown) >= 7 and all(shown), "nothing of the search and filters is hidden to make room"
    assert watched.errors == []
    context.close()


FILTER_ROW = """() => ['filter-theme', 'filter-enterprise', 'filter-source'].map(id => [
  document.querySelector(`label[for="${id}"]`).getBoundingClientRect().top, document.getElementById(id).getBoundingClientRect().top])"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_filters_labels_start_level_over_a_level_row_of_boxes(browser, report_url, viewport) -> None:
    """On a phone 企业（含下属单位） takes two lines; the labels beside it sat lower, each on its box,
    level with the long label's second line."""
    context = browser.new_context(viewport=viewport)
    watched = Watched(context, report_url)
    labels, boxes = zip(*watched.page.evaluate(FILTER_ROW))
    assert max(labels) - min(labels) < 1 and max(boxes) - min(boxes) < 1, (labels, boxes)
    search, reset = (watched.page.locator(s).bounding_box() for s in ("#filter-search", "#filter-reset"))
    assert abs(search["y"] - reset["y"]) < 1 and abs(search["height"] - reset["height"]) < 1, "清除 stands level with the search box"
    context.close()


@pytest.fixture(scope="module")
def commendation_url(report_dir) -> str:
    return fixture_page_report(report_dir, "commendation_page").as_uri()


SPLIT_NAMES = """() => {
  const split = [];
  const rolls = Array.from(document.querySelectorAll('.article-body p')).filter(p => p.textContent.includes('李建华') || p.textContent.includes('炼油厂党委 '));
  for (const p of rolls) {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT), nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    const at = offset => { for (const node of nodes) { if (offset <= node.length) return [node, offset]; offset -= node.length; } };
    let start = 0;
    for (const name of p.textContent.split(' ')) {
      const range = document.createRange();
      range.setStart(...at(start));
      range.setEnd(...at(start + name.length));
      const tops = Array.from(range.getClientRects(), r => r.top);
      if (Math.max(...tops) - Math.min(...tops) > 8) split.push(name);
      start += name.length + 1;
    }
  }
  return [rolls.length, split];
}"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_no_name_of_a_roll_list_breaks_across_lines(browser, commendation_url, viewport) -> None:
    context = browser.new_context(viewport=viewport)
    watched = Watched(context, commendation_url)
    rolls, split = watched.page.evaluate(SPLIT_NAMES)
    assert rolls == 2
    assert split == []
    assert watched.page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    assert watched.errors == []
    context.close()


def test_on_a_phone_the_glossary_shows_all_its_columns_without_scrolling(browser, report_url) -> None:
    """A formulation used to stay on one line, so the 提法 column took the phone's width and the
    counts, the first use and the articles sat off-screen in a sideways scroll."""
    context = browser.new_context(viewport=PHONE)
    watched = Watched(context, report_url)
    page = watched.page
    wrap = "document.querySelector('#glossary table').parentElement"
    assert page.evaluate(f"{wrap}.scrollWidth <= {wrap}.clientWidth + 1")
    assert page.evaluate("document.querySelector('#glossary tbody td:last-child').getBoundingClientRect().right") <= PHONE["width"]
    assert watched.errors == []
    context.close()


COUNT_COLUMN = """() => {
  const table = document.querySelector('#glossary table'), broken = [];
  for (const row of table.rows) {
    const walker = document.createTreeWalker(row.cells[1], NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(walker.currentNode);
      const tops = Array.from(range.getClientRects(), r => r.top);
      if (Math.max(...tops) - Math.min(...tops) > 4) broken.push(walker.currentNode.textContent);
    }
  }
  const context = table.tBodies[0].rows[0].cells[2];
  return [table.rows.length, broken, context.getBoundingClientRect().width / parseFloat(getComputedStyle(context).fontSize)];
}"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_glossary_counts_never_wrap_and_its_first_uses_stay_readable(browser, report_url, viewport) -> None:
    """On a phone the 次数 column broke 加引号 13 over two lines and left the first use four
    characters a line: no text of that column wraps, and the first use is a dozen characters wide."""
    context = browser.new_context(viewport=viewport)
    watched = Watched(context, report_url)
    rows, broken, context_chars = watched.page.evaluate(COUNT_COLUMN)
    assert rows > 10
    assert broken == []
    assert context_chars >= 12
    assert watched.page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    assert watched.errors == []
    context.close()


@pytest.fixture(scope="module")
def stack_url(report_dir) -> str:
    return fixture_page_report(report_dir, "lead_in_stack_page").as_uri()


HEAD_STACK = """() => Array.from(document.querySelectorAll('.article-head'), head => head.querySelector('.kicker') && ['.article-source', '.kicker', 'h3'].map(selector => {
  const part = head.querySelector(selector), box = part.getBoundingClientRect();
  return {top: box.top, bottom: box.bottom, color: getComputedStyle(part).color};
})).filter(Boolean)"""


@pytest.mark.parametrize("viewport, media", [(DESKTOP, "screen"), (PHONE, "screen"), (DESKTOP, "print")], ids=["desktop", "phone", "print"])
def test_a_kicker_reads_as_part_of_its_headline_not_of_the_source_line(browser, stack_url, viewport, media) -> None:
    """The 引题 had the source line's grey and stood as close to it as to the title, so it read as
    one more line of metadata: it takes the title's colour and stands clearly nearer the title."""
    context = browser.new_context(viewport=viewport)
    watched = Watched(context, stack_url)
    watched.page.emulate_media(media=media)
    stacks = watched.page.evaluate(HEAD_STACK)
    assert len(stacks) == 2
    for source, kicker, title in stacks:
        assert kicker["color"] == title["color"] != source["color"]
        above, below = kicker["top"] - source["bottom"], title["top"] - kicker["bottom"]
        assert above >= 8 and above >= 2 * below, (above, below)
    assert watched.errors == []
    context.close()
