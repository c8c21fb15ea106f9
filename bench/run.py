"""Benchmark: the build against its physical floor, at N× the seed corpus, in three corpus forms.

    python bench/run.py [--scale N …] [--form copies|mixed|sentences …] [--runs R] [--floors all|jieba|none]
                        [--scheduler ADDRESS] [--seed S] [--seeds DIR] [--json]

The floor is what no build can avoid: start Python, import the libraries, load
jieba's dictionary and segment every article's text once (one process), timed
with jieba's own ``lcut`` and, as the "route floor", with the build's one-pass
cut of :mod:`zhenggong_report.wordroute` (same words, about half the time). For
each form and scale the script generates the corpus with ``bench/corpus.py``
(``copies``: the seed pages copied N times; ``mixed``: N× as many distinct
articles recombined from the seed articles' paragraphs; ``sentences``: from their
sentences, with resubmissions planted), then times, in one run, the floors,
``build --no-cache`` (cold), the first build into an empty cache, a rebuild with
nothing changed (warm cache) and a rebuild after one page changed. The first
cold build of each corpus runs under ``bench/memory.py``: its peak memory per
stage, and the largest single process from the kernel's accounting of the
finished children (wait4's ru_maxrss), come from that same run. It prints the
figures side by side (medians over the runs), the ratios the targets are stated
in, the time per article and the report's size against the corpus text.

With ``--scheduler ADDRESS`` (``local:2`` starts a two-worker local cluster), each
corpus is also built cold with ``build --no-cache --scheduler ADDRESS`` and
reported beside the local build with the overhead ratio; the build must offer
that option (``build --help``), or the script stops before any work.
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
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import FORMS, make_corpus, parse_seeds  # noqa: E402  (bench/corpus.py, beside this script)
from memory import MemoryProfile, measure  # noqa: E402

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


FLOORS = {"all": ("floor", "strict_floor", "route_floor"), "jieba": ("floor",), "none": ()}
"""Which floors ``--floors`` times: jieba's lcut (the targets' floor), also the strict and route floors, or none."""

STAGES = ("start-up", "parsing and segmenting pages", "analysing the corpus", "rendering", "writing the report")


def run_timed(command: list[str], env: dict[str, str]) -> float:
    """Run a command to completion and return its wall time in seconds."""
    start = time.perf_counter()
    completed = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if completed.returncode != 0:
        raise SystemExit(f"command failed ({completed.returncode}): {' '.join(command)}\n{completed.stderr}")
    return wall


def article_texts(seeds: Path, env: dict[str, str], dest: Path) -> tuple[Path, int]:
    """The article bodies the build segments, dumped once (outside any timing) for the floor scripts."""
    texts = [a["body"] for a in parse_seeds(seeds, env)["articles"]]
    dest.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    return dest, len(texts)


def has_option(option: str, env: dict[str, str]) -> bool:
    out = subprocess.run([sys.executable, "-m", "zhenggong_report", "build", "--help"], env=env, capture_output=True, text=True)
    return out.returncode == 0 and option in out.stdout


def dictionary_cache(work: Path, seeds: Path, env: dict[str, str]) -> list[Path]:
    """jieba's dictionary cache (and its digest), made once by a build of the seed pages, for every corpus's
    fresh cache folder: ``--no-cache`` reads it but never writes it."""
    cache = work / "cache-dictionary"
    run_timed([sys.executable, "-m", "zhenggong_report", "build", "--seeds", str(seeds), "--out", str(work / "build-dictionary")],
              dict(env, ZHENGGONG_CACHE_DIR=str(cache)))
    files = sorted(cache.glob("jieba.dict.cache*"))
    if not files:
        raise SystemExit(f"the build wrote no jieba dictionary cache into {cache}")
    return files


def stage_figures(profile: MemoryProfile) -> dict[str, dict[str, float]]:
    return {
        s.name: {"seconds": s.seconds, "main_mb": s.main_mb, "other_mb": s.other_mb, "tree_mb": s.tree_mb, "samples": s.samples}
        for s in profile.stages
    }


def bench_corpus(form: str, scale: int, args: argparse.Namespace, records: dict, dictionary: list[Path], work: Path) -> dict:
    corpus = make_corpus(form, args.seeds, scale, work / f"seeds-{form}-x{scale}", args.seed, records)
    cache = work / f"cache-{form}-x{scale}"
    cache.mkdir()
    for file in dictionary:
        shutil.copyfile(file, cache / file.name)
    out = work / f"build-{form}-x{scale}"
    env = dict(os.environ, ZHENGGONG_CACHE_DIR=str(cache), PYTHONHASHSEED="0")
    arguments = ["build", "--seeds", str(corpus.folder), "--out", str(out)]
    build = [sys.executable, "-m", "zhenggong_report", *arguments]
    floors = FLOORS[args.floors]
    commands = {}
    if floors:
        texts, parsed = article_texts(corpus.folder, env, work / f"texts-{form}-x{scale}.json")
        if parsed != corpus.articles:
            raise SystemExit(f"{form} ×{scale}: the parser finds {parsed} articles, {corpus.articles} were laid out")
        dictionary_file = str(cache / "jieba.dict.cache")
        commands = {
            "floor": [sys.executable, "-c", FLOOR_SCRIPT, str(texts)],
            "strict_floor": [sys.executable, "-c", FAST_FLOOR_SCRIPT, str(texts), dictionary_file],
            "route_floor": [sys.executable, "-c", ROUTE_FLOOR_SCRIPT, str(texts), dictionary_file],
        }
        run_timed(commands["floor"], env)  # warm-up: page cache, pyc files
    victim = sorted(corpus.folder.glob("*.txt"))[0]
    original = victim.read_bytes()
    times: dict[str, list[float]] = {name: [] for name in (*floors, "cold", "first", "nochange", "changed")}
    profile = None
    for run in range(args.runs):
        for name in floors:
            times[name].append(run_timed(commands[name], env))
        if profile is None:  # the first cold build is the sampled one: its time, peaks and stages are of one run
            profile = measure(arguments + ["--no-cache"], env)
            times["cold"].append(profile.wall_s)
            times["first"].append(run_timed(build, env))  # an empty cache filled
        else:
            times["cold"].append(run_timed(build + ["--no-cache"], env))
        times["nochange"].append(run_timed(build, env))
        victim.write_bytes(original + f"\n\n追加段落第{run}次修改，用于测量增量构建。\n".encode("utf-8"))
        times["changed"].append(run_timed(build, env))
        victim.write_bytes(original)
        if run + 1 < args.runs:
            run_timed(build, env)  # the cache back to the unchanged pages
    result = {name: statistics.median(values) for name, values in times.items()}
    result.update(
        form=form,
        scale=scale,
        pages=len(corpus.pages),
        articles=corpus.articles,
        corpus_bytes=sum(p.stat().st_size for p in corpus.pages),
        peak_mb=profile.largest_process_mb,
        stages=stage_figures(profile),
    )
    report_files = [p for p in out.rglob("*") if p.is_file() and p.relative_to(out).parts[0] != "data" and not p.name.startswith(".")]
    result["html_bytes"] = sum(p.stat().st_size for p in report_files)
    if args.scheduler:
        distributed = measure(arguments + ["--no-cache", "--scheduler", args.scheduler], env)
        result.update(scheduler=args.scheduler, scheduler_cold=distributed.wall_s, scheduler_peak_mb=distributed.largest_process_mb,
                      scheduler_stages=stage_figures(distributed))
    return result


def _row(label: str, cells: list[str]) -> str:
    return f"{label:<44}" + "".join(f"{c:>22}" for c in cells)


def report(results: list[dict]) -> str:
    """The figures side by side, one column per form and scale."""
    per_article = {(r["form"], r["scale"]): r["cold"] / r["articles"] for r in results}
    smallest = {}
    for r in sorted(results, key=lambda r: r["scale"]):
        smallest.setdefault(r["form"], r["scale"])
    rows = [_row("", [f"{r['form']} ×{r['scale']}" for r in results])]
    rows.append(_row("pages, articles", [f"{r['pages']}, {r['articles']}" for r in results]))
    rows.append(_row("corpus", [f"{r['corpus_bytes'] / 1e6:.1f} MB" for r in results]))
    for name, label in (("floor", "floor (jieba lcut)"), ("strict_floor", "strict floor"), ("route_floor", "route floor")):
        if all(name in r for r in results):
            rows.append(_row(label + ", s", [f"{r[name]:.2f}" for r in results]))
    rows.append(_row("cold build (--no-cache), s", [f"{r['cold']:.2f}" for r in results]))
    for name, label in (("floor", "  / floor"), ("route_floor", "  / route floor")):
        if all(name in r for r in results):
            rows.append(_row(label, [f"{r['cold'] / r[name]:.2f}×" for r in results]))
    rows.append(_row("  per article, ms", [f"{1000 * per_article[r['form'], r['scale']]:.2f}" for r in results]))
    rows.append(_row("  per article / smallest scale's", [f"{per_article[r['form'], r['scale']] / per_article[r['form'], smallest[r['form']]]:.2f}×" for r in results]))
    rows.append(_row("first build, empty cache, s", [f"{r['first']:.2f}" for r in results]))
    rows.append(_row("rebuild, nothing changed, s", [f"{r['nochange']:.2f} = {r['nochange'] / r['cold']:.2f}×" for r in results]))
    rows.append(_row("rebuild, one page changed, s", [f"{r['changed']:.2f} = {r['changed'] / r['cold']:.2f}×" for r in results]))
    rows.append(_row("peak, largest process (kernel), MB", [f"{r['peak_mb']:.0f}" for r in results]))
    rows.append(_row(" by stage: s, peak MB main/other/tree", ["" for r in results]))
    for stage in STAGES:
        rows.append(_row(f"  {stage}", [_stage_cell(r["stages"].get(stage)) for r in results]))
    rows.append(_row("report pages (all but data/) / corpus", [f"{r['html_bytes'] / r['corpus_bytes']:.2f}×" for r in results]))
    if all("scheduler" in r for r in results):
        rows.append(_row(f"cold, --scheduler {results[0]['scheduler']}, s", [f"{r['scheduler_cold']:.2f} = {r['scheduler_cold'] / r['cold']:.2f}×" for r in results]))
        rows.append(_row("  peak, largest process (kernel), MB", [f"{r['scheduler_peak_mb']:.0f}" for r in results]))
    return "\n".join(rows)


def _stage_cell(stage: dict | None) -> str:
    if not stage:
        return "-"
    if not stage["samples"]:
        return f"{stage['seconds']:.2f} unsampled"
    return f"{stage['seconds']:.1f} {stage['main_mb']:.0f}/{stage['other_mb']:.0f}/{stage['tree_mb']:.0f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, action="append", help="N × the seed corpus (repeatable; default 1 and 100)")
    parser.add_argument("--form", choices=FORMS, action="append", help="corpus form (repeatable; default all three)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per figure; the median is reported")
    parser.add_argument("--floors", choices=sorted(FLOORS), default="all", help="floors to time (default all three)")
    parser.add_argument("--scheduler", metavar="ADDRESS", help="also build cold through this Dask scheduler (local:2: a local cluster)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the mixed and sentences corpora")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = parser.parse_args(argv)
    scales, forms = args.scale or [1, 100], args.form or list(FORMS)
    env = dict(os.environ, PYTHONHASHSEED="0")
    if args.scheduler and not has_option("--scheduler", env):
        raise SystemExit(f"--scheduler {args.scheduler}: this zhenggong_report's build has no --scheduler option (build --help)")
    print(f"{platform.node()} · {platform.machine()} · {os.cpu_count()} cores · Python {platform.python_version()}")
    with tempfile.TemporaryDirectory(prefix="zhenggong-bench-") as folder:
        work = Path(folder)
        records = parse_seeds(args.seeds, env)
        dictionary = dictionary_cache(work, args.seeds, env)
        results = []
        for scale in scales:
            for form in forms:
                results.append(bench_corpus(form, scale, args, records, dictionary, work))
                print(f"measured {form} ×{scale}", file=sys.stderr, flush=True)
                shutil.rmtree(work / f"build-{form}-x{scale}")  # the larger corpora's reports take gigabytes
    print(report(results))
    if args.json:
        print(json.dumps(results, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
