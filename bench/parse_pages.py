"""Benchmark of the parser: per-page parse time, and the whole per-page work, of folders of pages.

    python bench/parse_pages.py [FOLDER ...] [--runs 7]

For each folder (default: seeds/ and tests/fixtures/pages/) it parses every page ``--runs`` times
(the dictionary loaded first, the cyclic collector paused as in a build) and prints the best and
median time per page of the parse alone and of the per-page work a build does (parse, cut every
article into words, read its themes, claims and counts, render its body). Compare two checkouts by running it in each.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from pathlib import Path

from zhenggong_report.analyze import PageTools, load_analysis_data
from zhenggong_report.pipeline.map import MapTools, map_page
from zhenggong_report.parse import parse_page
from zhenggong_report.segmenter import Segmenter
from zhenggong_report.sources import read_source

DEFAULT_FOLDERS = (Path("seeds"), Path("tests/fixtures/pages"))


def _timed(work, sources, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        for source in sources:
            work(source)
        times.append((time.perf_counter() - started) / len(sources))
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=list(DEFAULT_FOLDERS))
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    segmenter = Segmenter()
    segmenter.load()
    tools = MapTools(PageTools(segmenter, load_analysis_data()))
    gc.disable()
    for folder in args.folders:
        sources = [read_source(path) for path in sorted(folder.glob("*.txt"))]
        for source in sources:  # warm every cache once
            map_page(source, tools)
        parse = _timed(lambda s: parse_page(s, segmenter, layout=tools.page.layout), sources, args.runs)
        whole = _timed(lambda s: map_page(s, tools), sources, args.runs)
        print(
            f"{folder}: {len(sources)} pages; parse {min(parse) * 1000:.2f} ms/page (median {statistics.median(parse) * 1000:.2f}); "
            f"per-page work {min(whole) * 1000:.2f} ms/page (median {statistics.median(whole) * 1000:.2f})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
