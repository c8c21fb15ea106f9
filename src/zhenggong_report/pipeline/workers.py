"""Worker processes that never outlive the build, never hang it, and never leave it guessing.

* A worker dies with its parent: on Linux the kernel kills it when the parent goes
  (``PR_SET_PDEATHSIG``), elsewhere it watches its parent's id — so a ``kill -9`` of the build
  leaves no process holding the caller's pipes.
* Ctrl-C (SIGINT to the whole process group) is for the main process alone: workers ignore it,
  and the main process stops them. SIGTERM ends a worker at once, as it ends the build.
* A worker that dies (the out-of-memory killer, a crash) ends the build within a fraction of a
  second with :class:`WorkerDied`, naming the process and the signal.

:func:`run_in_workers` hands out the jobs in small chunks to whichever worker is free; a thread
of the main process gives out the chunks and takes the results as they come, so the main
process is free for other work meanwhile.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import traceback
from collections import deque
from contextlib import contextmanager
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, Iterator, Optional, Sequence

from ..errors import WorkerDied

PR_SET_PDEATHSIG = 1
_POLL_SECONDS = 0.1
"""How often a waiting main process looks at its signals and workers (bounds the reaction time)."""


def die_with_parent(parent: int) -> None:
    """Make this (child) process end when ``parent`` ends, however it ends."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
                if os.getppid() != parent:  # the parent went before the request was made
                    os._exit(1)
                return
        except (OSError, AttributeError):  # pragma: no cover - a libc without prctl
            pass
    threading.Thread(target=_watch_parent, args=(parent,), name="watch-parent", daemon=True).start()


def _watch_parent(parent: int) -> None:  # pragma: no cover - used where prctl is not available
    import time

    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def leave_interrupts_to_parent() -> None:
    """In a child: Ctrl-C goes to the whole process group, but only the main process acts on it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})


@contextmanager
def interrupts_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back while a child is forked: the child starts with them held until
    it has set its own handlers (:func:`leave_interrupts_to_parent`); here they arrive afterwards."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def describe_end(exitcode: Optional[int]) -> str:
    """How a child ended, in words (``exitcode`` as :class:`multiprocessing.Process` gives it)."""
    if exitcode is None:
        return "stopped answering"
    if exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        hint = " (the out-of-memory killer sends it)" if -exitcode == signal.SIGKILL else ""
        return f"was killed by {name}{hint}"
    return f"ended with exit status {exitcode}"


def _worker_main(
    connection: Connection,
    jobs: Sequence[Any],
    work: Callable[[Any], Any],
    initializer: Callable[..., None],
    initargs: tuple,
    parent: int,
) -> None:  # pragma: no cover - runs in the worker
    leave_interrupts_to_parent()
    die_with_parent(parent)
    try:
        initializer(*initargs)
        while (chunk := connection.recv()) is not None:
            connection.send(("done", [(index, work(jobs[index])) for index in chunk]))
    except BaseException as error:  # noqa: BLE001 - every error goes back to the main process
        _send_error(connection, error)


def _send_error(connection: Connection, error: BaseException) -> None:  # pragma: no cover - runs in the worker
    try:
        connection.send(("error", error))
    except Exception:  # noqa: BLE001 - an error that cannot travel is described instead
        text = "".join(traceback.format_exception(error)).rstrip()
        connection.send(("error", RuntimeError(f"a worker process failed:\n{text}")))


class _Worker:
    def __init__(self, process: multiprocessing.process.BaseProcess, connection: Connection) -> None:
        self.process = process
        self.connection = connection
        self.chunks = 0
        """Chunks sent and not yet answered."""
        self.told_to_stop = False


class _Dispatcher:
    """The main process's side: a thread that gives out chunks and collects results."""

    def __init__(self, workers: list[_Worker], chunks: list[list[int]], what: str) -> None:
        self.workers = workers
        self.chunks = deque(chunks)
        self.what = what
        self.results: dict[int, Any] = {}
        self.error: Optional[BaseException] = None
        self.stopping = False
        self.changed = threading.Condition()
        self.thread = threading.Thread(target=self._run, name="worker-dispatch", daemon=True)

    def start(self) -> None:
        for _ in range(2):  # each worker holds one chunk ahead, so it never waits for the next
            for worker in self.workers:
                self._give(worker)
        self.thread.start()

    def _give(self, worker: _Worker) -> None:
        if self.chunks:
            worker.connection.send(self.chunks.popleft())
            worker.chunks += 1
        elif worker.chunks == 0 and not worker.told_to_stop:
            worker.connection.send(None)
            worker.told_to_stop = True

    def _run(self) -> None:
        try:
            busy = list(self.workers)
            while busy and not self.stopping:
                by_handle = {w.connection: w for w in busy} | {w.process.sentinel: w for w in busy}
                for handle in wait(list(by_handle), timeout=_POLL_SECONDS):
                    worker = by_handle[handle]
                    if worker in busy and not self._serve(worker, died=handle == worker.process.sentinel):
                        busy.remove(worker)
        except BaseException as error:  # noqa: BLE001 - handed to the main thread
            self._fail(error)

    def _serve(self, worker: _Worker, died: bool) -> bool:
        """Take what the worker sent; False when it has finished (or died)."""
        while died or worker.connection.poll():
            try:
                kind, payload = worker.connection.recv()
            except (EOFError, OSError):
                break
            if kind == "error":
                self._fail(payload)
                return False
            with self.changed:
                self.results.update(payload)
                self.changed.notify_all()
            worker.chunks -= 1
            self._give(worker)
            died = False  # a dead worker's pipe was drained by the loop; look again below
        if worker.told_to_stop:
            return False  # done
        if died or not worker.process.is_alive():
            worker.process.join(1)
            self._fail(WorkerDied(self.what, worker.process.pid or 0, describe_end(worker.process.exitcode)))
            return False
        return True

    def _fail(self, error: BaseException) -> None:
        with self.changed:
            if self.error is None:
                self.error = error
            self.stopping = True
            self.changed.notify_all()

    def result(self, index: int) -> Any:
        """The result of job ``index``, waited for (a signal still reaches the main thread)."""
        with self.changed:
            while index not in self.results:
                if self.error is not None:
                    raise self.error
                self.changed.wait(_POLL_SECONDS)
            return self.results.pop(index)


@contextmanager
def run_in_workers(
    jobs: Sequence[Any],
    work: Callable[[Any], Any],
    workers: int,
    initializer: Callable[..., None],
    initargs: tuple = (),
    chunk_size: int = 1,
    method: str = "fork",
    what: str = "a worker process",
) -> Iterator[Iterator[Any]]:
    """``work(job)`` for every job in ``workers`` processes (``initializer(*initargs)`` first in each):
    yields an iterator of the results in job order, as they come. Leaving the block, normally or
    by an error or a signal, ends every worker (they are killed if still busy)."""
    context = multiprocessing.get_context(method)
    started: list[_Worker] = []
    dispatcher: Optional[_Dispatcher] = None
    try:
        for _ in range(workers):
            ours, theirs = context.Pipe()
            with interrupts_held():
                process = context.Process(
                    target=_worker_main, args=(theirs, jobs, work, initializer, initargs, os.getpid()), daemon=True
                )
                process.start()
                started.append(_Worker(process, ours))
            theirs.close()  # only the worker holds its end: its death is an end of file here
        chunks = [list(range(i, min(i + chunk_size, len(jobs)))) for i in range(0, len(jobs), chunk_size)]
        dispatcher = _Dispatcher(started, chunks, what)
        dispatcher.start()
        yield (dispatcher.result(index) for index in range(len(jobs)))
    finally:
        if dispatcher is not None:
            dispatcher.stopping = True
        _end_workers(started)
        if dispatcher is not None and dispatcher.thread.is_alive():
            dispatcher.thread.join(2)


def _end_workers(workers: list[_Worker]) -> None:
    """Workers that finished have exited or are about to; any other is killed. None is left behind."""
    for worker in workers:
        worker.process.join(1 if worker.told_to_stop else 0)
        if worker.process.is_alive():
            worker.process.kill()
    for worker in workers:
        worker.process.join()
        worker.connection.close()
