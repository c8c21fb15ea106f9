"""The folder form of the report (``--layout folder``) in chromium and the Nu checker: opened from
file://, nothing leaves the folder, search and articles work across its pages, every page passes
axe and Nu."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from zhenggong_report.pipeline import build

from conftest import SEEDS
from report_tools import NPM_INSTALL, axe_violations, java, needed_axe_script, vnu_jar
from test_browser import DESKTOP, PHONE, Watched, browser  # noqa: F401
from test_browser_reader import expected_hits, shown_hits, wait_until

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("folder") / "report"
    build(SEEDS, out, layout="folder")
    return out


@pytest.fixture(scope="module")
def records(folder) -> list[dict]:
    return json.loads((folder / "data" / "articles.json").read_text(encoding="utf-8"))


SEARCHED = "() => !document.getElementById('filter-status').textContent.includes('正在检索')"


def pages(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.html") if "data" not in p.parts)


def test_the_folder_has_an_index_section_pages_and_one_page_per_article(folder, records) -> None:
    names = {p.relative_to(folder).as_posix() for p in pages(folder)}
    assert {"index.html", "themes.html", "enterprises.html", "glossary.html", "notes.html", "list.html"} <= names
    assert {f"articles/{r['id']}.html" for r in records} <= names
    assert sorted(p.name for p in (folder / "search").iterdir())[0] == "0000.js"


def test_opened_from_file_no_request_leaves_the_folder(browser, folder, records) -> None:
    context = browser.new_context(viewport=DESKTOP)
    root = folder.as_uri() + "/"
    for page_path in ("index.html", "themes.html", f"articles/{records[0]['id']}.html"):
        watched = Watched(context, root + page_path)
        if page_path == "index.html":
            watched.page.fill("#filter-search", "信访")
            wait_until(watched.page, SEARCHED)
        assert watched.errors == []
        assert watched.requests and all(url.startswith(root) for url in watched.requests)
    context.close()


def test_search_in_the_folder_finds_what_the_single_page_finds(browser, folder, records) -> None:
    context = browser.new_context(viewport=DESKTOP)
    watched = Watched(context, folder.as_uri() + "/index.html")
    page = watched.page
    assert page.eval_on_selector_all("#article-table tbody tr", "rows => rows.length") == len(records)
    for query in ("党建＋", "信访", "党建 工会"):
        page.fill("#filter-search", query)
        wait_until(page, SEARCHED)
        assert shown_hits(page) == expected_hits(records, query)
    first = page.locator("#search-hits > li a").first
    article_id = first.get_attribute("href").split("/")[-1].split(".")[0]
    first.click()
    page.wait_for_url(f"**/articles/{article_id}.html#q=*")
    count = expected_hits(records, "党建 工会")[article_id]
    wait_until(page, f"() => document.querySelector('article').dataset.matches === '{count}'")
    assert page.evaluate("CSS.highlights.get('zg-hit').size") == count
    assert watched.errors == []
    context.close()


def test_a_single_page_link_to_an_article_reaches_its_page(browser, folder, records) -> None:
    context = browser.new_context(viewport=DESKTOP)
    article_id = records[2]["id"]
    watched = Watched(context, f"{folder.as_uri()}/index.html#{article_id}&q=%E5%85%9A%E5%BB%BA")
    watched.page.wait_for_url(f"**/articles/{article_id}.html#q=*")
    wait_until(watched.page, "() => document.querySelector('article').dataset.matches !== undefined")
    assert watched.errors == []
    context.close()


def test_the_table_sorts_and_filters_in_the_folder(browser, folder, records) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = Watched(context, folder.as_uri() + "/index.html").page
    page.click('#article-table th[data-sort="chars"] button')
    shown = page.eval_on_selector_all("#article-table tbody tr", "rows => rows.map(r => r.dataset.article)")
    chars = {r["id"]: r["characters"] for r in records}
    assert [chars[i] for i in shown] == sorted(chars.values(), reverse=True)
    theme = records[0]["primary_theme"]
    page.select_option("#filter-theme", f"t-{theme}")
    shown = page.eval_on_selector_all("#article-table tbody tr", "rows => rows.map(r => r.dataset.article)")
    assert sorted(shown) == sorted(r["id"] for r in records if any(t["id"] == theme for t in r["themes"]))
    context.close()


def test_every_page_of_the_folder_has_no_axe_violations(browser, folder) -> None:
    script = needed_axe_script()
    context = browser.new_context(viewport=DESKTOP, bypass_csp=True)
    page = context.new_page()
    article_pages = [p for p in pages(folder) if p.parent.name == "articles"]
    for path in [p for p in pages(folder) if p.parent == folder] + article_pages[:3]:
        page.goto(path.as_uri())
        page.add_script_tag(path=str(script))
        for viewport in (DESKTOP, PHONE):
            page.set_viewport_size(viewport)
            assert axe_violations(page, nodes=3) == [], path.name
    context.close()


def test_every_page_of_the_folder_passes_the_nu_checker(folder) -> None:
    jar, runtime = vnu_jar(), java()
    if runtime is None or jar is None:
        pytest.skip(f"the Nu checker needs Java and vnu.jar (`{NPM_INSTALL}`, or VNU_JAR)")
    result = subprocess.run(
        [runtime, "-jar", str(jar), "--errors-only", "--format", "json", *map(str, pages(folder))],
        capture_output=True, text=True, timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    assert [f"{m.get('url', '').rsplit('/', 2)[-2:]}:{m.get('lastLine')}: {m.get('message')}" for m in messages] == []
