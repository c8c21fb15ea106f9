"""Benchmark: input that grows — many files, one long page, one long run of a Latin letter.

    python bench/growth.py [--full] [--only files|lines|letters]

Each case is timed (CPU time: the machine may be shared) at sizes that double; the last column is the time per unit of size relative
to the smallest size, which stays near 1 when the cost grows linearly (and would double with
each step if it grew quadratically). The sizes go up to those of the faults report with
``--full`` (20,000 files; 400,000 paragraphs on one page, 20 MB, beyond the 16 MB
that the build accepts for one page; 10M letters); without it, to a quarter or less, in a minute or two.

* files: a no-change rebuild of N one-article pages (listing, keys, the whole report from the
  cache), timed after a cold build of the same pages: CPU time, which is the build's own cost
  (the wall-clock time, also shown, is mostly the disk's on a shared machine).
* lines: parsing one page of N short paragraphs (every one open-ended: joins across the page).
* letters: segmenting one run of N copies of one Latin letter (the word route), and parsing a
  page that is that run.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

PAGE = "关于加强企业党建工作的思考第{n}篇\n\n□ 李林\n\n加强党建工作，推进第{n}项任务落实。\n"


def build(seeds: Path, out: Path, env: dict[str, str], *extra: str) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one build in a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "zhenggong_report", "build", "--seeds", str(seeds), "--out", str(out), *extra],
        check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def bench_files(sizes: list[int], work: Path) -> list[tuple[int, float]]:
    rows = []
    for size in sizes:
        seeds = work / f"files-{size}"
        seeds.mkdir()
        for n in range(size):
            (seeds / f"p{n:06d}.txt").write_text(PAGE.format(n=n), encoding="utf-8")
        env = dict(os.environ, ZHENGGONG_CACHE_DIR=str(work / f"cache-{size}"), PYTHONPATH=str(ROOT / "src"))
        build(seeds, work / f"out-{size}", env)
        wall, cpu = build(seeds, work / f"out-{size}", env)
        print(f"  {size:>12,} files      wall {wall:8.2f} s (reading {size:,} files and the cached report: the disk's pace)")
        rows.append((size, cpu))
    return rows


def long_page(size: int) -> bytes:
    lines = ["关于加强企业党建工作的思考", "", "□ 李林", ""]
    for n in range(size):
        lines += [f"的要求第{n}段各级党组织切实加强", ""]
    return "\n".join(lines).encode("utf-8")


def bench_parse(sizes: list[int], make) -> list[tuple[int, float]]:
    from zhenggong_report.parse import parse_page
    from zhenggong_report.segmenter import Segmenter
    from zhenggong_report.sources import source_from_bytes

    segmenter = Segmenter()
    segmenter.load()
    gc.disable()  # as a build runs its per-page work (see build._without_cycle_collection)
    rows = []
    for size in sizes:
        source = source_from_bytes(make(size), "long.txt")
        started = time.process_time()
        parse_page(source, segmenter)
        rows.append((size, time.process_time() - started))
    return rows


def bench_letters(sizes: list[int]) -> list[tuple[int, float]]:
    from zhenggong_report.segmenter import Segmenter

    segmenter = Segmenter()
    segmenter.load()
    rows = []
    for size in sizes:
        started = time.process_time()
        segmenter.cut("a" * size)
        rows.append((size, time.process_time() - started))
    return rows


def report(title: str, unit: str, rows: list[tuple[int, float]]) -> None:
    print(title)
    base = rows[0][1] / rows[0][0]
    for size, seconds in rows:
        print(f"  {size:>12,} {unit:<10} {seconds:8.2f} s   per {unit[:-1] if unit.endswith('s') else unit}: {seconds / size / base:5.2f}x the smallest")


def doubling(start: int, stop: int) -> list[int]:
    sizes = [start]
    while sizes[-1] * 2 <= stop:
        sizes.append(sizes[-1] * 2)
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true", help="go up to the sizes of the faults report")
    parser.add_argument("--only", choices=["files", "lines", "letters"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="zhenggong-growth-") as folder:
        work = Path(folder)
        if args.only in (None, "files"):
            report("no-change rebuild of N pages, CPU time", "files", bench_files(doubling(2_500, 20_000 if args.full else 5_000), work))
        if args.only in (None, "lines"):
            report("parse one page of N open-ended paragraphs", "paragraphs", bench_parse(doubling(25_000, 400_000 if args.full else 100_000), long_page))
        if args.only in (None, "letters"):
            top = 10_000_000 if args.full else 2_500_000
            report("segment one run of N letters", "letters", bench_letters(doubling(top // 8, top)))
            report("parse a page that is one run of N letters", "letters", bench_parse(doubling(top // 8, top), lambda n: b"a" * n))


if __name__ == "__main__":
    main()
