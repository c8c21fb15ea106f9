"""Peak memory of one build, stage by stage.

    python bench/memory.py [--interval MS] [--json] -- build --seeds DIR --out DIR [--no-cache …]

Runs ``python -m zhenggong_report <arguments>`` in a child process and, from a thread, samples
every ``--interval`` ms (default 20) the resident memory (``VmRSS`` and ``VmHWM`` in
``/proc/PID/status``) of the child and of every process below it (the page workers and the
forked corpus-wide steps, found through the parent ids in ``/proc/*/stat``). The child runs the
build as the command line does, with one addition: each time the build announces a stage to its
progress line (``Progress.stage``: parsing and segmenting pages, analysing the corpus, rendering,
writing the report), the time and the stage name are written to stderr, so every sample is
attributed to the stage the build was in. Before the first stage the build starts up, reads the
pages and looks for a report to reuse ("start-up").

Per stage it reports the peak resident memory of the main process, of the largest other process
(a page worker or a forked step), and of the whole tree (a sum of resident sets: pages a forked
child still shares with its parent count twice, so that is an upper bound). Over the whole build
it also reports the kernel's own figure for the largest single process (``ru_maxrss`` of the
child and of every descendant it waited for, from ``wait4``), which no sampling interval can miss.

Only the standard library and Linux's /proc are used.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

MARK = "\x1ezhenggong-bench-stage\t"
START_UP = "start-up"

HOOK = f"""
import importlib, os, runpy, sys, time
for _name in ("zhenggong_report.progress",):
    try:
        _progress = importlib.import_module(_name)
    except ModuleNotFoundError:
        continue
    break
else:
    raise SystemExit("bench/memory.py: no zhenggong_report progress module (Progress.stage) to follow the stages by")
_stage = _progress.Progress.stage
def stage(self, name, *args, **kwargs):
    os.write(2, f"{MARK}{{time.monotonic():.6f}}\\t{{name}}\\n".encode("utf-8"))
    return _stage(self, name, *args, **kwargs)
_progress.Progress.stage = stage
sys.argv = ["zhenggong_report", *sys.argv[1:]]
runpy.run_module("zhenggong_report", run_name="__main__", alter_sys=True)
"""
"""The child's program: the command line's ``python -m zhenggong_report``, its stages announced on stderr."""


@dataclass
class StagePeak:
    name: str
    seconds: float
    main_mb: float = 0.0
    other_mb: float = 0.0
    tree_mb: float = 0.0
    processes: int = 0
    samples: int = 0
    main_hwm_mb: float = 0.0
    """the main process's own high-water mark when the stage ended (never missed between samples)"""


@dataclass
class MemoryProfile:
    command: list[str]
    wall_s: float
    largest_process_mb: float
    """ru_maxrss from wait4: the largest single process of the build, the kernel's figure"""
    stages: list[StagePeak] = field(default_factory=list)
    samples: int = 0
    stderr: str = ""

    def stage(self, name: str) -> StagePeak | None:
        return next((s for s in self.stages if s.name == name), None)


def _status_kb(pid: int) -> tuple[int, int] | None:
    """(VmRSS, VmHWM) in kB of one process, or None when it is gone (or a zombie)."""
    try:
        with open(f"/proc/{pid}/status", "rb") as status:
            text = status.read()
    except OSError:
        return None
    rss = hwm = None
    for line in text.splitlines():
        if line.startswith(b"VmRSS:"):
            rss = int(line.split()[1])
        elif line.startswith(b"VmHWM:"):
            hwm = int(line.split()[1])
    return (rss, hwm) if rss is not None and hwm is not None else None


def _parents() -> dict[int, int]:
    """pid -> parent pid of every process in /proc."""
    parents = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as stat:
                text = stat.read()
        except OSError:
            continue
        fields = text[text.rindex(b")") + 2 :].split()  # the name in brackets may hold spaces
        parents[int(entry)] = int(fields[1])
    return parents


def process_tree(root: int) -> list[int]:
    """``root`` and every process below it."""
    children: dict[int, list[int]] = {}
    for pid, parent in _parents().items():
        children.setdefault(parent, []).append(pid)
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, ()))
    return tree


class Sampler(threading.Thread):
    """Samples (time, main RSS, largest other RSS, tree RSS, processes, main HWM) in kB until stopped."""

    def __init__(self, root: int, interval: float) -> None:
        super().__init__(name="rss-sampler", daemon=True)
        self.root, self.interval = root, interval
        self.samples: list[tuple[float, int, int, int, int, int]] = []
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.is_set():
            now = time.monotonic()
            main = _status_kb(self.root)
            if main is not None:
                others = [s for pid in process_tree(self.root)[1:] if (s := _status_kb(pid)) is not None]
                self.samples.append(
                    (now, main[0], max((s[0] for s in others), default=0), main[0] + sum(s[0] for s in others), 1 + len(others), main[1])
                )
            self.stopping.wait(max(0.0, self.interval - (time.monotonic() - now)))


def _read_stderr(stream, marks: list[tuple[float, str]], other: list[str]) -> None:
    for line in stream:
        if line.startswith(MARK):
            stamp, name = line[len(MARK) :].rstrip("\n").split("\t", 1)
            marks.append((float(stamp), name))
        else:
            other.append(line)


def stage_peaks(started: float, ended: float, marks: list[tuple[float, str]], samples: list[tuple]) -> list[StagePeak]:
    """The samples grouped by the stage that was running when each was taken."""
    bounds = [(started, START_UP), *marks]
    peaks = []
    for number, (begin, name) in enumerate(bounds):
        end = bounds[number + 1][0] if number + 1 < len(bounds) else ended
        peak = StagePeak(name, end - begin)
        for when, main, other, tree, processes, hwm in samples:
            if begin <= when < end:
                peak.samples += 1
                peak.main_mb = max(peak.main_mb, main / 1024)
                peak.other_mb = max(peak.other_mb, other / 1024)
                peak.tree_mb = max(peak.tree_mb, tree / 1024)
                peak.processes = max(peak.processes, processes)
                peak.main_hwm_mb = max(peak.main_hwm_mb, hwm / 1024)
        peaks.append(peak)
    return peaks


def measure(arguments: list[str], env: dict[str, str] | None = None, interval_ms: float = 20.0) -> MemoryProfile:
    """Run ``python -m zhenggong_report <arguments>`` once, sampled; fails with its stderr if it fails."""
    command = [sys.executable, "-c", HOOK, *arguments]
    marks: list[tuple[float, str]] = []
    other: list[str] = []
    started = time.monotonic()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    sampler = Sampler(child.pid, interval_ms / 1000)
    sampler.start()
    reader = threading.Thread(target=_read_stderr, args=(child.stderr, marks, other), daemon=True)
    reader.start()
    _, status, usage = os.wait4(child.pid, 0)
    ended = time.monotonic()
    child.returncode = os.waitstatus_to_exitcode(status)
    sampler.stopping.set()
    sampler.join()
    reader.join()
    child.stderr.close()
    if child.returncode != 0:
        raise SystemExit(f"build failed ({child.returncode}): python -m zhenggong_report {' '.join(arguments)}\n{''.join(other)}")
    return MemoryProfile(
        command=["python", "-m", "zhenggong_report", *arguments],
        wall_s=ended - started,
        largest_process_mb=usage.ru_maxrss / 1024,
        stages=stage_peaks(started, ended, marks, sampler.samples),
        samples=len(sampler.samples),
        stderr="".join(other),
    )


def report(profile: MemoryProfile) -> str:
    lines = [
        f"{' '.join(profile.command)}",
        f"  {profile.wall_s:.2f} s, {profile.samples} samples; largest single process {profile.largest_process_mb:.0f} MB (kernel, wait4)",
        f"  {'stage':<30} {'s':>7} {'main MB':>8} {'other MB':>9} {'tree MB':>8} {'procs':>5}  main HWM",
    ]
    for s in profile.stages:
        lines.append(
            f"  {s.name:<30} {s.seconds:7.2f} {s.main_mb:8.0f} {s.other_mb:9.0f} {s.tree_mb:8.0f} {s.processes:5d}  {s.main_hwm_mb:.0f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--interval", type=float, default=20.0, help="sampling interval in ms (default 20)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    parser.add_argument("arguments", nargs=argparse.REMAINDER, help="the zhenggong_report command line, after --")
    args = parser.parse_args(argv)
    arguments = args.arguments[1:] if args.arguments[:1] == ["--"] else args.arguments
    if not arguments:
        parser.error("give the build's arguments after --, e.g. -- build --seeds seeds --out build --no-cache")
    profile = measure(arguments, dict(os.environ), args.interval)
    print(report(profile))
    if args.json:
        print(json.dumps(asdict(profile), indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
