"""Benchmark of the report page: render time and page size against the issue's targets.

    python bench/report_page.py [--seeds seeds] [--runs 20]

Parses and analyses the seeds once, then renders index.html ``--runs`` times. Exits 1 when the
median render takes a second or more, or when the page is 3x the source text in bytes or more.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from zhenggong_report.analyze import analyze_corpus
from zhenggong_report.pipeline import load_sources, parse_sources
from zhenggong_report.render.html import render_html
from zhenggong_report.segmenter import Segmenter

RENDER_SECONDS = 1.0
SIZE_FACTOR = 3.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=Path("seeds"))
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args(argv)

    segmenter = Segmenter()
    corpus = parse_sources(load_sources(args.seeds).sources, segmenter)
    analysis = analyze_corpus(corpus, segmenter)
    timings, page = [], b""
    for _ in range(args.runs):
        started = time.perf_counter()
        page = render_html(corpus, analysis)["index.html"]
        timings.append(time.perf_counter() - started)

    corpus_bytes = sum(source.size for source in corpus.sources)
    median = statistics.median(timings)
    factor = len(page) / corpus_bytes
    print(f"render: median {median * 1000:.0f} ms, best {min(timings) * 1000:.0f} ms over {args.runs} runs (target < {RENDER_SECONDS:.0f} s)")
    print(f"page:   {len(page):,} bytes = {factor:.2f} x {corpus_bytes:,} bytes of sources (target < {SIZE_FACTOR:.0f} x)")
    return 0 if median < RENDER_SECONDS and factor < SIZE_FACTOR else 1


if __name__ == "__main__":
    sys.exit(main())
