"""Two independent steps at once: one in a forked child, the other in this process.

After the per-page work, what remains of a build is corpus-wide and runs in one process; but it
falls into independent pieces (the glossary beside the TF-IDF tables, the data files beside the
page). A forked child sees everything made so far without copying or pickling it; only its
result comes back, pickled through a pipe. Where fork is not available (or one job was asked
for) the steps run one after the other, with the same results.
"""

from __future__ import annotations

import io
import os
import pickle
import signal
import sys
import threading
import traceback
import weakref
from typing import Any, Callable, Sequence, TypeVar

from ..errors import WorkerDied
from .workers import describe_end, die_with_parent, interrupts_held, leave_interrupts_to_parent

A = TypeVar("A")
B = TypeVar("B")


class ForkedStepError(RuntimeError):
    """A step run in a forked child failed with an error that would not pickle (described instead)."""


_IDLE_THREADS: "weakref.WeakSet[threading.Thread]" = weakref.WeakSet()


def can_fork() -> bool:
    return hasattr(os, "fork") and sys.platform.startswith("linux")


def declare_idle(threads) -> None:
    """``threads`` are left waiting for work that will not come in this build (a library's pool
    worker after its last task finished): they hold no lock a forked child could need, so they do
    not keep :func:`side_by_side` from forking. The one who leaves them behind vouches for them."""
    _IDLE_THREADS.update(threads)


def only_thread() -> bool:
    """Whether no thread but this one runs, those declared idle aside."""
    here = threading.current_thread()
    return all(thread is here or thread in _IDLE_THREADS for thread in threading.enumerate())


def side_by_side(first: Callable[[], A], second: Callable[[], B], parallel: bool = True) -> tuple[A, B]:
    """``(first(), second())``, with ``first`` run in a forked child when ``parallel``, fork is
    available and no other thread runs (but those declared idle). An error in either step is
    raised here, as it would be in one process."""
    (first_result,), second_result = in_children([first], second, parallel)
    return first_result, second_result


def in_children(steps: Sequence[Callable[[], Any]], here: Callable[[], B], parallel: bool = True) -> tuple[list, B]:
    """``([step() for step in steps], here())``, each of ``steps`` run in a forked child of its own
    when ``parallel``, fork is available and no other thread runs (but those declared idle); the
    children are all forked before any thread of this process starts. An error in any step is
    raised here (the first child's first), as it would be in one process."""
    if not parallel or not can_fork() or not only_thread():
        # Forking while another thread runs could copy a lock it holds into the child.
        return [step() for step in steps], here()
    sys.stdout.flush()
    sys.stderr.flush()
    parent = os.getpid()
    forked: list[tuple[int, int]] = []  # (pid, read end of its result's pipe)
    try:
        for step in steps:
            read_end, write_end = os.pipe()
            with interrupts_held():
                pid = os.fork()
                if pid == 0:  # pragma: no cover - the child's lines run in the child (coverage cannot see them)
                    os.close(read_end)
                    for _, sibling in forked:
                        os.close(sibling)
                    leave_interrupts_to_parent()
                    die_with_parent(parent)
                    _run_child(step, write_end)
            os.close(write_end)
            forked.append((pid, read_end))
    except BaseException:  # a fork failed, or a signal: the children forked so far are not wanted
        for pid, read_end in forked:
            _end_child(pid)
            os.close(read_end)
        raise
    readers = [(pid, _PipeReader(read_end)) for pid, read_end in forked]  # each takes its child's result as it comes
    try:
        here_result = here()
        payloads = [reader.result() for _, reader in readers]
    except BaseException:  # an error here, or a signal: the children's results are not wanted
        for pid, reader in readers:
            _stop_child(pid, reader)
        raise
    statuses = [os.waitpid(pid, 0)[1] for pid, _ in readers]
    return [_unpack(payload, status, pid) for (pid, _), payload, status in zip(readers, payloads, statuses)], here_result


class _PipeReader:
    """Reads a pipe to its end in a thread (the read releases the GIL), so a child that finishes
    first never waits for this process to take its result."""

    def __init__(self, fd: int) -> None:
        self.pipe = open(fd, "rb")
        self.buffer = io.BytesIO()
        self.thread = threading.Thread(target=self._run, name="forked-step-result", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            while chunk := self.pipe.read1(1 << 20):
                self.buffer.write(chunk)
        except (OSError, ValueError):  # closed because the step here failed
            pass

    def result(self) -> io.BytesIO:
        while self.thread.is_alive():  # waited for in steps: a signal reaches this thread meanwhile
            self.thread.join(0.1)
        self.pipe.close()
        return self.buffer

    def close(self) -> None:
        self.pipe.close()
        self.thread.join()


def _run_child(step: Callable[[], object], write_end: int) -> None:  # pragma: no cover - runs in the child
    """Run ``step``, send ``(True, result)`` or ``(False, error)`` and leave without any clean-up
    of the parent's state (no atexit handlers, no flushing of inherited buffers)."""
    code = 0
    try:
        try:
            payload = pickle.dumps((True, step()), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as error:  # noqa: BLE001 - every error goes back to the parent
            payload = _error_payload(error)
        with open(write_end, "wb") as pipe:
            pipe.write(payload)
    except BaseException:  # noqa: BLE001
        code = 1
    finally:
        os._exit(code)


def _error_payload(error: BaseException) -> bytes:
    """The error itself when it pickles (its type, message and fields intact), else its text."""
    try:
        return pickle.dumps((False, error), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - an error that cannot travel is described instead
        text = "".join(traceback.format_exception(error)).rstrip()
        return pickle.dumps((False, ForkedStepError(f"a step run in a child process failed:\n{text}")))


def _unpack(payload: io.BytesIO, status: int, pid: int):
    if not payload.tell():
        raise WorkerDied("a step run in a child process", pid, describe_end(_exit_code(status)))
    with payload.getbuffer() as view:  # unpickled in place: the payload is not copied first
        succeeded, value = pickle.loads(view)
    payload.close()
    if succeeded:
        return value
    raise value


def _exit_code(status: int) -> int:
    """A wait status as :class:`multiprocessing.Process` gives it: minus the signal, or the exit status."""
    return -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)


def _stop_child(pid: int, reader: _PipeReader) -> None:
    """The step here failed: the child's result is not wanted."""
    _end_child(pid)
    reader.close()


def _end_child(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:  # pragma: no cover - already gone
        pass
    os.waitpid(pid, 0)