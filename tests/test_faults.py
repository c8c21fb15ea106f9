"""Real signals to real builds: Ctrl-C and SIGTERM to the process group, a worker killed as the
out-of-memory killer does, and ``kill -9`` of the build itself. Each ends within seconds, with the
previous report intact, one message line, the right exit status and no process left behind."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from zhenggong_report.pipeline.forks import can_fork
from zhenggong_report.outputs import write_tree_atomically

from conftest import ROOT, SEEDS

pytestmark = pytest.mark.skipif(not can_fork(), reason="forked workers and process groups: Linux only")

SLOW_STEP = textwrap.dedent(
    """
    import os, sys, time
    from zhenggong_report import cli, render
    from zhenggong_report.pipeline import map as mapped, pages

    def announce_and_wait(step):
        def slow(*args, **kwargs):
            with open(os.environ["READY"], "a", encoding="utf-8") as handle:
                handle.write(f"{os.getpid()}\\n")
            time.sleep(60)
            return step(*args, **kwargs)
        return slow

    pages.PARALLEL_MIN_CHARACTERS = 0
    if os.environ["SLOW_STEP"] == "pages":
        mapped.read_page = announce_and_wait(mapped.read_page)
    else:
        import zhenggong_report.render.data as data
        data.parse_files = announce_and_wait(data.parse_files)
    sys.exit(cli.main(sys.argv[1:]))
    """
)


class SlowBuild:
    """A build in its own process group whose per-page work (or data-file child) announces itself and stalls."""

    def __init__(self, tmp_path: Path, step: str) -> None:
        self.out = tmp_path / "site"
        write_tree_atomically(self.out, {"index.html": b"the previous report"})
        self.seeds = tmp_path / "seeds"
        shutil.copytree(SEEDS, self.seeds)
        self.ready = tmp_path / "ready"
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        env.update(PYTHONPATH=str(ROOT / "src"), READY=str(self.ready), SLOW_STEP=step)
        self.process = subprocess.Popen(
            [sys.executable, "-c", SLOW_STEP, "build", "--seeds", str(self.seeds), "--out", str(self.out), "--jobs", "2", "--no-cache"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, start_new_session=True,
        )

    def wait_for(self, count: int, within: float = 30) -> list[int]:
        """The ids of the ``count`` processes that reached the slow step."""
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            pids = [int(x) for x in self.ready.read_text(encoding="utf-8").split()] if self.ready.exists() else []
            if len(pids) >= count:
                return pids
            assert self.process.poll() is None, self.process.communicate()
            time.sleep(0.05)
        raise AssertionError(f"the build never reached its slow step: {self.process.communicate(timeout=5)}")

    def finish(self, within: float = 10) -> tuple[int, str]:
        started = time.monotonic()
        try:
            _, stderr = self.process.communicate(timeout=within)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.communicate()
            raise AssertionError(f"the build hung for {within} s after the signal")
        assert time.monotonic() - started < within
        return self.process.returncode, stderr

    def assert_previous_report_intact(self) -> None:
        assert (self.out / "index.html").read_bytes() == b"the previous report"
        assert [p.name for p in self.out.parent.iterdir() if p.name.startswith(".site.")] == []


def is_running(pid: int) -> bool:
    """Whether the process exists and is no zombie."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
    return state != "Z"


def assert_all_gone(pids: list[int], within: float = 5) -> None:
    deadline = time.monotonic() + within
    while any(is_running(pid) for pid in pids):
        assert time.monotonic() < deadline, f"processes left running: {[p for p in pids if is_running(p)]}"
        time.sleep(0.05)


def one_error_line(stderr: str) -> str:
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "Traceback" not in stderr, stderr
    return errors[0]


@pytest.mark.parametrize("step", ["pages", "data files"])
@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_to_the_process_group_ends_the_build_at_once(tmp_path, step, number):
    build = SlowBuild(tmp_path, step)
    children = build.wait_for(2 if step == "pages" else 1)
    os.killpg(build.process.pid, number)
    code, stderr = build.finish()
    assert code == 128 + number
    assert one_error_line(stderr) == f"error: stopped by {signal.Signals(number).name}; the previous report is left as it was"
    build.assert_previous_report_intact()
    assert_all_gone(children)


@pytest.mark.parametrize("step", ["pages", "data files"])
def test_a_worker_killed_by_the_oom_killer_ends_the_build_naming_it(tmp_path, step):
    build = SlowBuild(tmp_path, step)
    children = build.wait_for(2 if step == "pages" else 1)
    os.kill(children[0], signal.SIGKILL)
    code, stderr = build.finish()
    assert code == 1
    line = one_error_line(stderr)
    assert f"(process {children[0]}) was killed by SIGKILL" in line and "nothing was written" in line
    build.assert_previous_report_intact()
    assert_all_gone(children)


@pytest.mark.parametrize("step", ["pages", "data files"])
def test_workers_die_with_a_killed_build(tmp_path, step):
    """``kill -9`` of the build itself: its workers go too, so no one holds the caller's pipes."""
    build = SlowBuild(tmp_path, step)
    children = build.wait_for(2 if step == "pages" else 1)
    build.process.kill()
    build.finish()  # returns only once every holder of its stdout and stderr has gone
    assert_all_gone(children)
    assert (build.out / "index.html").read_bytes() == b"the previous report"


KILLED_WHILE_WRITING = textwrap.dedent(
    """
    import os, sys, time
    from zhenggong_report import cli, outputs
    from zhenggong_report.pipeline import stages as build

    def stall(staging):
        with open(os.environ["READY"], "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\\n")
        time.sleep(60)

    build.StagedTree = lambda out, **k: outputs.StagedTree(out, before_swap=stall)
    sys.exit(cli.main(sys.argv[1:]))
    """
)


def test_a_build_killed_while_writing_leaves_a_folder_the_next_build_removes(tmp_path):
    build = SlowBuild(tmp_path, "pages")  # (only its set-up: the previous report and the seeds)
    build.process.kill()
    build.process.communicate()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(PYTHONPATH=str(ROOT / "src"), READY=str(tmp_path / "writing"))
    command = ["build", "--seeds", str(build.seeds), "--out", str(build.out), "--no-cache"]
    killed = subprocess.Popen([sys.executable, "-c", KILLED_WHILE_WRITING, *command], env=env, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not (tmp_path / "writing").exists():
        assert time.monotonic() < deadline and killed.poll() is None, killed.communicate()
        time.sleep(0.05)
    killed.kill()
    killed.communicate()
    left = [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.tmp-")]
    assert len(left) == 1  # a kill -9 runs no clean-up
    result = subprocess.run([sys.executable, "-m", "zhenggong_report", *command], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")] == []
    assert (build.out / "index.html").read_bytes() != b"the previous report"
