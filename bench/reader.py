"""Benchmark of the report in a real browser: how soon a reader can use it, at 1x, 100x, 1000x.

    python bench/reader.py [--scale 1 --scale 100 ...] [--runs 3] [--seeds seeds] [--word 信访]

For each scale the seed pages are copied N times under distinct names and built once
(``build --no-cache``, layout ``auto``: one page at 1x, the folder form past 2 MB of pages).
Chromium (``/usr/bin/chromium`` or ``$CHROMIUM``, driven by playwright) then opens the report from
``file://`` ``--runs`` times, each in a fresh context, and measures (medians):

- usable: from navigation start until DOMContentLoaded and the page's script has set up the
  table and the search box (its ``zg-ready`` mark), whichever is later;
- first results: from typing a two-character word (half a second after the page is ready) until
  the first hit is in the list and painted;
- open article: from clicking the first title in the table until that article is shown (the
  current article on the page, or its own page's ``zg-ready``), as playwright sees it and, for the
  folder form, as the new page's own navigation timing counts it;
- bytes: the report's files (without ``data/``) against the source pages.

Targets (issue 11): usable ≤ 0.5 s at 1x, ≤ 1.0 s at 100x, ≤ 1.5 s at 1000x; first results
≤ 100 ms at 100x and ≤ 200 ms at 1000x; opening an article ≤ 300 ms; bytes ≤ 3x the corpus.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
TARGETS = {
    "usable": {1: 0.5, 100: 1.0, 1000: 1.5},
    "first_results": {100: 0.1, 1000: 0.2},
    "open_article": {1: 0.3, 100: 0.3, 1000: 0.3},
}
SIZE_FACTOR = 3.0

FIRST_RESULTS_JS = """async (word) => {
  const list = document.getElementById('search-hits');
  const input = document.getElementById('filter-search');
  const started = performance.now();
  const shown = new Promise(resolve => {
    const check = () => list.children.length ? requestAnimationFrame(() => resolve(performance.now() - started)) : setTimeout(check, 1);
    check();
  });
  input.value = word;
  input.dispatchEvent(new Event('input'));
  return await shown;
}"""


def make_corpus(seeds: Path, scale: int, target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for copy in range(scale):
        for page in sorted(seeds.glob("*.txt")):
            shutil.copyfile(page, target / f"c{copy:04d}_{page.name}")
    return target


def build(corpus: Path, out: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "zhenggong_report", "build", "--seeds", str(corpus), "--out", str(out), "--no-cache"],
        check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def report_bytes(out: Path) -> int:
    """The report's own files: its pages, scripts and search files (not ``data/``, not the build's marker)."""
    return sum(
        p.stat().st_size for p in out.rglob("*")
        if p.is_file() and p.relative_to(out).parts[0] != "data" and not p.name.startswith(".")
    )


def ready_time(page) -> float:
    page.wait_for_function("performance.getEntriesByName('zg-ready').length > 0", timeout=120_000)
    return page.evaluate("performance.getEntriesByName('zg-ready')[0].startTime") / 1000


def open_first_article(page) -> tuple[float, float]:
    """Seconds from clicking the table's first title until the article shows, as playwright sees it
    and (folder form) as the article page's own navigation timing counts it."""
    link = page.locator("#article-table tbody tr td:nth-child(2) a").first
    target = link.get_attribute("href")
    started = time.perf_counter()
    link.click()
    if target.startswith("#"):
        page.wait_for_function(f"document.getElementById('{target[1:]}').classList.contains('current')")
        page.evaluate("() => new Promise(requestAnimationFrame)")
        opened = time.perf_counter() - started
        return opened, opened
    page.wait_for_url(f"**/{target}", wait_until="domcontentloaded")
    page.wait_for_function("performance.getEntriesByName('zg-ready').length > 0")
    opened = time.perf_counter() - started
    return opened, page.evaluate("performance.getEntriesByName('zg-ready')[0].startTime") / 1000


def measure(browser, url: str, word: str) -> dict[str, float]:
    """One fresh context: open the page, time usable, open an article from the table; then, on the
    page opened again, time the first results of a search."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.goto(url, wait_until="domcontentloaded", timeout=300_000)
    loaded = page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd") / 1000
    usable = max(ready_time(page), loaded)
    opened, own = open_first_article(page)
    page.goto(url, wait_until="domcontentloaded", timeout=300_000)
    ready_time(page)
    page.wait_for_timeout(500)  # a reader looks at the page before typing
    first = page.evaluate(FIRST_RESULTS_JS, word) / 1000
    context.close()
    return {"usable": usable, "dcl": loaded, "first_results": first, "open_article": opened, "open_page": own}


def verdict(name: str, scale: int, value: float) -> str:
    target = TARGETS[name].get(scale)
    if target is None:
        return ""
    return f" (target ≤ {target * 1000:.0f} ms: {'ok' if value <= target else 'MISSED'})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, action="append")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--word", default="信访", help="the two-character word searched for")
    parser.add_argument("--keep", type=Path, default=None, help="build into this folder and keep it")
    parser.add_argument(
        "--reuse", action="store_true",
        help="measure the reports already in --keep (built earlier) instead of building them again",
    )
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    missed = False
    work = Path(args.keep or tempfile.mkdtemp(prefix="zg-reader-bench-"))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for scale in args.scale or [1, 100]:
            corpus = make_corpus(args.seeds, scale, work / f"seeds-{scale}")
            out = work / f"report-{scale}"
            seconds = float("nan") if args.reuse and (out / "index.html").is_file() else build(corpus, out)
            corpus_bytes = sum(p.stat().st_size for p in corpus.glob("*.txt"))
            size = report_bytes(out)
            layout = "folder" if (out / "articles").is_dir() else "single"
            runs = [measure(browser, (out / "index.html").as_uri(), args.word) for _ in range(args.runs)]
            result = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
            print(f"{scale}x: {corpus_bytes / 1e6:.2f} MB of pages, built in {seconds:.1f} s as {layout}, median of {args.runs} runs")
            print(f"  usable          {result['usable'] * 1000:6.0f} ms (DOMContentLoaded {result['dcl'] * 1000:.0f} ms){verdict('usable', scale, result['usable'])}")
            print(f"  first results   {result['first_results'] * 1000:6.0f} ms for {args.word!r}{verdict('first_results', scale, result['first_results'])}")
            print(f"  open article    {result['open_article'] * 1000:6.0f} ms from the click (the new page's own navigation to ready: {result['open_page'] * 1000:.0f} ms){verdict('open_article', scale, result['open_article'])}")
            factor = size / corpus_bytes
            print(f"  report bytes    {size:,} = {factor:.2f}x the pages (target ≤ {SIZE_FACTOR:.0f}x: {'ok' if factor <= SIZE_FACTOR else 'MISSED'})")
            missed |= factor > SIZE_FACTOR or any(
                TARGETS[k].get(scale) is not None and result[k] > TARGETS[k][scale] for k in TARGETS
            )
            sys.stdout.flush()
        browser.close()
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
