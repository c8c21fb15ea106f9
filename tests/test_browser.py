"""The report in a real browser: Python playwright driving Debian's chromium, page opened from file://.

Skipped with a message when chromium (``apt-get install chromium``) or playwright is missing.
The accessibility check injects axe-core (``npm install --prefix .tools axe-core``, or ``AXE_CORE_JS``).
Screenshots go to the test's tmp folder and, when ``SCREENSHOT_DIR`` is set, there too.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import SEEDS
from report_pages import MARKUP_SEEDS, write_report
from report_tools import CHROMIUM, CHROMIUM_ARGS, axe_violations, needed_axe_script

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"no chromium at {CHROMIUM}: install it with `apt-get install chromium` (Debian) to run the browser tests")
    sync_api = pytest.importorskip("playwright.sync_api", reason="install playwright: pip install '.[test]'")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("browser")


@pytest.fixture(scope="module")
def report_url(report_dir) -> str:
    return write_report(SEEDS, report_dir / "report").as_uri()


@pytest.fixture(scope="module")
def markup_url(report_dir) -> str:
    return write_report(MARKUP_SEEDS, report_dir / "markup").as_uri()


class Watched:
    """A page with its console errors, page errors, dialogs and requests recorded."""

    def __init__(self, context, url: str) -> None:
        self.page = context.new_page()
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        self.page.on("dialog", self._dialog)
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(url)
        self.page.wait_for_load_state("load")

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.fixture()
def opened(browser, report_url):
    context = browser.new_context(viewport=DESKTOP)
    yield Watched(context, report_url)
    context.close()


def visible_rows(page) -> list[str]:
    return page.eval_on_selector_all(
        "#article-table tbody tr", "rows => rows.filter(r => !r.hidden && r.offsetParent !== null).map(r => r.dataset.article)"
    )


def all_rows(page) -> list[str]:
    return page.eval_on_selector_all("#article-table tbody tr", "rows => rows.map(r => r.dataset.article)")


def save(page, tmp_path: Path, name: str, full_page: bool = False) -> None:
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    assert path.stat().st_size > 0
    if os.environ.get("SCREENSHOT_DIR"):
        target = Path(os.environ["SCREENSHOT_DIR"])
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target / path.name)


def test_page_opens_from_file_without_errors_or_network(opened, report_url) -> None:
    assert opened.errors == []
    assert opened.dialogs == []
    assert set(opened.requests) == {report_url}
    assert opened.page.evaluate("document.documentElement.lang") == "zh-CN"


def test_every_in_page_link_has_its_target(opened) -> None:
    page = opened.page
    links = page.eval_on_selector_all('a[href^="#"]', "links => links.map(a => a.getAttribute('href'))")
    assert len(links) > 100
    missing = page.evaluate(
        """() => Array.from(document.querySelectorAll('a[href^="#"]'))
              .map(a => decodeURIComponent(a.getAttribute('href').slice(1)))
              .filter(id => !document.getElementById(id))"""
    )
    assert missing == []


def test_following_a_link_lands_on_its_target(opened) -> None:
    page = opened.page
    chip = page.locator("article .chip").first
    target = chip.get_attribute("href")
    chip.click()
    assert page.evaluate("location.hash") == target
    assert page.evaluate(f"document.getElementById('{target[1:]}').getBoundingClientRect().top") < 200


def test_search_narrows_the_list_and_clearing_restores_it(opened) -> None:
    page = opened.page
    everything = all_rows(page)
    assert visible_rows(page) == everything
    author = page.locator("#article-table tbody tr").first.locator("td").nth(2).inner_text()
    page.fill("#filter-search", author)
    narrowed = visible_rows(page)
    assert 0 < len(narrowed) < len(everything)
    assert everything[0] in narrowed
    assert page.inner_text("#filter-status").startswith(f"显示 {len(narrowed)} / {len(everything)}")
    page.fill("#filter-search", "一个不可能出现的检索词ZZZ")
    assert visible_rows(page) == []
    assert page.is_visible("#filter-empty")
    page.fill("#filter-search", "")
    assert visible_rows(page) == everything
    assert page.is_hidden("#filter-empty")


def test_search_reaches_into_the_full_text(opened) -> None:
    page = opened.page
    first = all_rows(page)[0]
    paragraph = page.locator(f"#{first} .article-body p").nth(2).inner_text()
    page.fill("#filter-search", paragraph[5:17])
    assert first in visible_rows(page)


def test_a_theme_filter_shows_only_that_themes_articles(opened) -> None:
    page = opened.page
    themes = page.eval_on_selector_all("#filter-theme option", "options => options.map(o => o.value).filter(Boolean)")
    assert themes
    for theme in themes:
        page.select_option("#filter-theme", theme)
        ranked = page.eval_on_selector_all(
            f"#{theme} ol.ranked > li > p:first-child > a", "links => links.map(a => a.getAttribute('href').slice(1))"
        )
        assert sorted(visible_rows(page)) == sorted(ranked)
    page.click("#filter-reset")
    assert visible_rows(page) == all_rows(page)


def test_an_enterprise_filter_includes_its_subsidiaries(opened) -> None:
    page = opened.page
    options = page.eval_on_selector_all("#filter-enterprise option", "options => options.map(o => o.value).filter(Boolean)")
    group = options[0]
    page.select_option("#filter-enterprise", group)
    shown = visible_rows(page)
    expected = page.eval_on_selector_all(
        "#article-table tbody tr", f"rows => rows.filter(r => r.dataset.enterprises.split(' ').includes('{group}')).map(r => r.dataset.article)"
    )
    assert shown == expected


def test_highlighting_can_be_switched_off(opened) -> None:
    page = opened.page
    mark = page.locator(".article-body b").first
    before = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    page.uncheck("#toggle-marks")
    after = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    assert before != after


def test_without_javascript_everything_is_there_and_links_work(browser, report_url) -> None:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(report_url)
    assert page.is_hidden("#article-filters")
    assert len(visible_rows(page)) == len(all_rows(page)) > 0
    for section in ("articles", "overview", "texts", "themes", "enterprises", "glossary", "claims"):
        assert page.is_visible(f"#{section}")
    link = page.locator("#article-table tbody tr a").first
    target = link.get_attribute("href")
    link.click()
    assert page.evaluate("location.hash") == target
    context.close()


def test_print_hides_navigation_and_starts_each_article_on_a_new_page(opened) -> None:
    page = opened.page
    page.emulate_media(media="print")
    assert page.is_hidden("#toc")
    assert page.is_hidden("#article-filters")
    breaks = page.eval_on_selector_all("article.article", "articles => articles.map(a => getComputedStyle(a).breakBefore)")
    assert breaks and set(breaks) == {"page"}
    markers = page.eval_on_selector_all("details.why > summary", "s => s.map(e => getComputedStyle(e).listStyleType)")
    assert markers and set(markers) == {"none"}  # paper prints 主题依据 without the disclosure triangle


def test_accessibility_has_no_axe_violations(browser, report_url) -> None:
    script = needed_axe_script()
    context = browser.new_context(viewport=DESKTOP, bypass_csp=True)
    page = context.new_page()
    page.goto(report_url)
    page.add_script_tag(path=str(script))
    result = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    summary = [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"][:5]]}
        for v in result
    ]
    assert summary == [], json.dumps(summary, ensure_ascii=False, indent=1)
    page.set_viewport_size(PHONE)
    assert axe_violations(page, nodes=None) == []
    context.close()


def test_markup_in_the_sources_runs_nothing(browser, markup_url) -> None:
    context = browser.new_context(viewport=DESKTOP, bypass_csp=True)
    watched = Watched(context, markup_url)
    page = watched.page
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert watched.dialogs == []
    assert watched.errors == []
    assert set(watched.requests) == {markup_url}
    assert page.eval_on_selector_all("main img, main iframe, main script", "nodes => nodes.length") == 0
    body = page.inner_text("#texts .article-body")
    assert "<script>window.__xss" in body
    assert "[点我](javascript:window.__xss='md-link')" in body
    for link in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
        assert not link.lower().startswith(("javascript:", "data:"))
    safe = page.eval_on_selector_all("#texts .article-body a", "links => links.map(a => [a.href, a.rel])")
    assert safe and all(href.startswith("https://") and rel == "noopener noreferrer" for href, rel in safe)
    page.set_viewport_size(PHONE)
    page.goto(markup_url)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"long unbroken source text pushes the phone page sideways by {overflow}px"
    context.close()


def test_screenshots_at_desktop_and_phone_width(browser, report_url, tmp_path) -> None:
    for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        context = browser.new_context(viewport=viewport)
        watched = Watched(context, report_url)
        page = watched.page
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name}: the page scrolls sideways by {overflow}px"
        save(page, tmp_path, f"report-{name}-top")
        for section in ("themes", "enterprises", "articles"):
            page.goto(f"{report_url}#{section}")
            save(page, tmp_path, f"report-{name}-{section}")
        first = all_rows(page)[0]
        page.goto(f"{report_url}#{first}")
        save(page, tmp_path, f"report-{name}-article")
        assert watched.errors == []
        context.close()
