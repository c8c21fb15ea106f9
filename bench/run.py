"""Benchmark: the build against its physical floor, at 1x and Nx the seed corpus.

    python bench/run.py [--scale N] [--runs R] [--seeds DIR]

The floor is what no build can avoid: start Python, import the libraries, load
jieba's dictionary and segment every article's text once (one process), timed
with jieba's own ``lcut`` and, as the "route floor", with the build's one-pass
cut of :mod:`zhenggong_report.wordroute` (same words, about half the time). The
script generates the scaled corpus (the seed pages copied N times under
distinct names), then times, in one run and interleaved, the floor and
``build --no-cache`` (cold), a rebuild with nothing changed (warm cache) and a
rebuild after one page changed. It prints medians, the ratios the targets are
stated in, the peak memory of the build (largest single process, from the
kernel's accounting of each finished child) and the report's size against the
corpus text.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FLOOR_TEMPLATE = r"""
import json, marshal, sys
import jieba, pandas, jinja2, markdown_it
tokenizer = jieba.Tokenizer()
{load}
{cut}
texts = json.load(open(sys.argv[1], encoding="utf-8"))
for text in texts:
    cut(text)
"""
JIEBA_LOAD = "tokenizer.initialize()"
ONE_READ_LOAD = (
    'tokenizer.FREQ, tokenizer.total = marshal.loads(open(sys.argv[2], "rb").read())\n'
    "tokenizer.initialized = True"
)

FLOOR_SCRIPT = FLOOR_TEMPLATE.format(load=JIEBA_LOAD, cut="cut = tokenizer.lcut")
"""The floor as jieba's own API does it: ``Tokenizer.initialize`` reads its dictionary cache."""

FAST_FLOOR_SCRIPT = FLOOR_TEMPLATE.format(load=ONE_READ_LOAD, cut="cut = tokenizer.lcut")
"""The strict floor: the dictionary cache read in one go, as the build itself reads it."""

ROUTE_FLOOR_SCRIPT = FLOOR_TEMPLATE.format(
    load=ONE_READ_LOAD, cut="from zhenggong_report.wordroute import RouteCutter\ncut = RouteCutter(tokenizer).cut"
)
"""The floor with the build's own segmentation: jieba's dictionary and algorithm, route found in one
pass (the same words as ``lcut``, in about half the time). The build cannot go below this either,
so its ratio is reported beside the two jieba floors."""


def run_timed(command: list[str], env: dict[str, str]) -> float:
    """Run a command to completion and return its wall time in seconds."""
    start = time.perf_counter()
    completed = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if completed.returncode != 0:
        raise SystemExit(f"command failed ({completed.returncode}): {' '.join(command)}\n{completed.stderr}")
    return wall


def peak_of(command: list[str], env: dict[str, str]) -> float:
    """Peak RSS (MB) of the largest single process of one run, measured in a fresh child."""
    probe = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", probe, *command], env=env, capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024


def make_corpus(seeds: Path, scale: int, target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    pages = sorted(seeds.glob("*.txt"))
    for copy in range(scale):
        for page in pages:
            shutil.copyfile(page, target / f"c{copy:04d}_{page.name}")
    return target


def article_texts(seeds: Path, env: dict[str, str], dest: Path) -> Path:
    """The article bodies the build segments, dumped once (outside any timing) for the floor script."""
    out = subprocess.run(
        [sys.executable, "-m", "zhenggong_report", "parse", "--seeds", str(seeds), "--json"],
        env=env, capture_output=True, text=True, check=True,
    )
    texts = [a["body"] for a in json.loads(out.stdout)["articles"]]
    dest.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    return dest


def median(values: list[float]) -> float:
    return statistics.median(values)


def bench_scale(scale: int, runs: int, seeds: Path, work: Path) -> dict[str, float]:
    corpus = make_corpus(seeds, scale, work / f"seeds-x{scale}")
    cache = work / f"cache-x{scale}"
    out = work / f"build-x{scale}"
    env = dict(os.environ, ZHENGGONG_CACHE_DIR=str(cache), PYTHONHASHSEED="0")
    texts = article_texts(corpus, env, work / f"texts-x{scale}.json")
    floor_cmd = [sys.executable, "-c", FLOOR_SCRIPT, str(texts)]
    dictionary = cache / "jieba.dict.cache"
    fast_floor_cmd = [sys.executable, "-c", FAST_FLOOR_SCRIPT, str(texts), str(dictionary)]
    route_floor_cmd = [sys.executable, "-c", ROUTE_FLOOR_SCRIPT, str(texts), str(dictionary)]
    build = [sys.executable, "-m", "zhenggong_report", "build", "--seeds", str(corpus), "--out", str(out)]
    cold_cmd = build + ["--no-cache"]

    run_timed(floor_cmd, env)  # warm-up: page cache, pyc files
    run_timed(build, env)  # also writes jieba's dictionary cache into the cache folder (--no-cache only reads it)
    floors, fast_floors, route_floors, colds, warms, changed = [], [], [], [], [], []
    victim = sorted(corpus.glob("*.txt"))[0]
    original = victim.read_bytes()
    for run in range(runs):
        floors.append(run_timed(floor_cmd, env))
        fast_floors.append(run_timed(fast_floor_cmd, env))
        route_floors.append(run_timed(route_floor_cmd, env))
        colds.append(run_timed(cold_cmd, env))
        run_timed(build, env)  # fill the cache
        warms.append(run_timed(build, env))
        victim.write_bytes(original + f"\n\n追加段落第{run}次修改，用于测量增量构建。\n".encode("utf-8"))
        changed.append(run_timed(build, env))
        victim.write_bytes(original)
    peak = peak_of(cold_cmd, env)
    pages = [p for p in out.rglob("*") if p.is_file() and p.relative_to(out).parts[0] != "data" and not p.name.startswith(".")]
    corpus_bytes = sum(p.stat().st_size for p in corpus.glob("*.txt"))
    result = {
        "scale": scale,
        "pages": len(list(corpus.glob("*.txt"))),
        "floor_s": median(floors),
        "strict_floor_s": median(fast_floors),
        "route_floor_s": median(route_floors),
        "cold_s": median(colds),
        "nochange_s": median(warms),
        "one_page_changed_s": median(changed),
        "cold_over_floor": median(colds) / median(floors),
        "cold_over_strict_floor": median(colds) / median(fast_floors),
        "cold_over_route_floor": median(colds) / median(route_floors),
        "nochange_over_cold": median(warms) / median(colds),
        "changed_over_cold": median(changed) / median(colds),
        "peak_mb": peak,
        "html_bytes": sum(p.stat().st_size for p in pages),
        "corpus_bytes": corpus_bytes,
    }
    result["html_over_corpus"] = result["html_bytes"] / corpus_bytes
    return result


def report(result: dict[str, float]) -> str:
    return "\n".join(
        [
            f"scale {result['scale']}x: {result['pages']} pages, corpus {result['corpus_bytes'] / 1e6:.2f} MB",
            f"  floor (import + dictionary + one segmentation)  {result['floor_s']:.2f} s",
            f"  strict floor (dictionary cache read in one go)   {result['strict_floor_s']:.2f} s",
            f"  route floor (the build's own one-pass cut)       {result['route_floor_s']:.2f} s",
            f"  cold build (--no-cache)                          {result['cold_s']:.2f} s  = {result['cold_over_floor']:.2f}x floor"
            f", {result['cold_over_strict_floor']:.2f}x strict floor, {result['cold_over_route_floor']:.2f}x route floor",
            f"  rebuild, nothing changed                         {result['nochange_s']:.2f} s  = {result['nochange_over_cold']:.2f}x cold",
            f"  rebuild, one page changed                        {result['one_page_changed_s']:.2f} s  = {result['changed_over_cold']:.2f}x cold",
            f"  peak memory (largest process, cold build)        {result['peak_mb']:.0f} MB",
            f"  report pages (all but data/)                     {result['html_bytes'] / 1e6:.2f} MB = {result['html_over_corpus']:.2f}x corpus",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, action="append", help="corpus copies (repeatable; default 1 and 100)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per figure; the median is reported")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = parser.parse_args(argv)
    scales = args.scale or [1, 100]
    print(f"{platform.node()} · {platform.machine()} · {os.cpu_count()} cores · Python {platform.python_version()}")
    with tempfile.TemporaryDirectory(prefix="zhenggong-bench-") as work:
        results = [bench_scale(scale, args.runs, args.seeds, Path(work)) for scale in scales]
    for result in results:
        print(report(result))
    if args.json:
        print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
