"""Two steps side by side: the same results and errors as one after the other."""

from __future__ import annotations

import os
import pickle
import signal

import pytest

from zhenggong_report.errors import DataFileError, InputError, OutputError, TemplateError
from zhenggong_report.errors import WorkerDied
from zhenggong_report.pipeline.forks import ForkedStepError, can_fork, in_children, side_by_side

needs_fork = pytest.mark.skipif(not can_fork(), reason="fork is only used on Linux")


def test_serial_runs_both_in_this_process():
    assert side_by_side(os.getpid, os.getpid, parallel=False) == (os.getpid(), os.getpid())


@needs_fork
def test_first_step_runs_in_a_child_and_its_result_comes_back():
    child, here = side_by_side(os.getpid, os.getpid)
    assert here == os.getpid() and child != here


@needs_fork
def test_large_results_come_back_whole():
    big = {"data/articles.json": bytes(range(256)) * 40_000, "words": ["工会"] * 100_000}
    child, here = side_by_side(lambda: big, lambda: len(big["words"]))
    assert child == big and here == 100_000


@needs_fork
def test_child_sees_what_the_parent_made_before():
    made = {"党建": 3}
    assert side_by_side(lambda: made["党建"] * 2, lambda: made["党建"]) == (6, 3)


@needs_fork
@pytest.mark.parametrize(
    "error",
    [
        TemplateError("/t/index.html.j2", "undefined value: x", 12),
        InputError("seeds/a.txt", "not UTF-8 text", 3),
        DataFileError("themes.toml", "no terms", "信访"),
        OutputError("build", "not a report folder"),
        ValueError("plain"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_an_error_in_the_child_is_raised_here_with_its_fields(error):
    def fail():
        raise error

    with pytest.raises(type(error)) as raised:
        side_by_side(fail, lambda: None)
    assert str(raised.value) == str(error)
    assert vars(raised.value) == vars(error)


def test_errors_pickle_with_their_fields():
    error = TemplateError("/t/x.j2", "syntax error", 4)
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.path, copy.message, copy.line, str(copy)) == (error.path, error.message, error.line, str(error))


@needs_fork
def test_an_error_that_does_not_pickle_is_described():
    class Local(Exception):
        pass

    def fail():
        raise Local("cannot travel")

    with pytest.raises(ForkedStepError, match="cannot travel"):
        side_by_side(fail, lambda: None)


@needs_fork
def test_a_child_that_dies_is_reported():
    with pytest.raises(WorkerDied, match="exit status 3") as caught:
        side_by_side(lambda: os._exit(3), lambda: None)
    assert caught.value.exit_code == 1


@needs_fork
def test_a_child_killed_by_the_oom_killer_is_named():
    with pytest.raises(WorkerDied, match="killed by SIGKILL"):
        side_by_side(lambda: os.kill(os.getpid(), signal.SIGKILL), lambda: None)


@needs_fork
def test_an_error_here_stops_the_child_and_is_raised():
    def fail():
        raise ValueError("here")

    with pytest.raises(ValueError, match="here"):
        side_by_side(lambda: __import__("time").sleep(30), fail)


@needs_fork
def test_no_fork_while_another_thread_runs():
    import threading

    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert side_by_side(os.getpid, os.getpid) == (os.getpid(), os.getpid())
    finally:
        release.set()
        other.join()


@needs_fork
def test_a_thread_declared_idle_does_not_keep_the_steps_from_forking_and_another_does():
    import threading

    from zhenggong_report.pipeline.forks import declare_idle, only_thread

    release = threading.Event()
    waiting = threading.Thread(target=release.wait, name="a pool worker with no more work", daemon=True)
    waiting.start()
    try:
        assert not only_thread()
        child, here = side_by_side(os.getpid, os.getpid)
        assert child == here  # refused: one after the other in this process
        declare_idle([waiting])
        assert only_thread()
        child, here = side_by_side(os.getpid, os.getpid)
        assert child != here
    finally:
        release.set()
        waiting.join()


@needs_fork
def test_several_steps_each_run_in_a_child_of_their_own_beside_the_one_here():
    children, here = in_children([os.getpid, os.getpid, lambda: "三"], os.getpid)
    assert here == os.getpid() and len({children[0], children[1], here}) == 3 and children[2] == "三"


@needs_fork
def test_the_first_failing_child_raises_and_every_child_is_waited_for(tmp_path):
    def fails(message):
        def step():
            (tmp_path / message).write_text(str(os.getpid()))
            raise InputError("page.txt", message)
        return step

    with pytest.raises(InputError, match="first"):
        in_children([os.getpid, fails("first"), fails("second")], os.getpid)
    for message in ("first", "second"):
        with pytest.raises(ChildProcessError):  # already waited for: no longer a child of this process
            os.waitpid(int((tmp_path / message).read_text()), os.WNOHANG)


def test_without_parallel_several_steps_run_here_in_order():
    seen = []
    children, here = in_children([lambda: seen.append(1) or 1, lambda: seen.append(2) or 2], lambda: seen.append(3) or 3, parallel=False)
    assert (children, here, seen) == ([1, 2], 3, [1, 2, 3])
