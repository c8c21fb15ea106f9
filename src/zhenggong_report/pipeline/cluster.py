"""The map on a Dask distributed cluster (``build --scheduler ADDRESS`` or ``local:N``).

Each worker makes the map's tools once, from the recipe a worker plugin carries (the data files'
contents, not their paths), and loads jieba then. Pages go out in batches of about
:data:`BATCH_CHARACTERS`, at most :data:`BATCHES_IN_FLIGHT` per worker at a time, so neither the
scheduler nor this process ever holds the whole corpus twice; each batch's outputs come back as
it finishes and feed the same reduce as a local build. What crosses the network: the recipe
once per worker, each page's text out, each page's parse and reading back (the words stay on
the worker). Dask schedules, retries and moves the work; this module only hands it over.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from contextlib import contextmanager
from typing import Iterator, Sequence

from ..errors import ClusterError, ReportError
from ..models.source_files import SourceFile
from .forks import declare_idle
from .map import PageOutput, ToolsRecipe
from .store import PageKeys

BATCH_CHARACTERS = 200_000
"""Text per task: large enough that scheduling costs little, small enough to spread the pages."""
BATCHES_IN_FLIGHT = 3
"""Tasks handed to the cluster per worker before their results are taken."""
LOCAL_WORKER_CONFIG = {"distributed.worker.profile.enabled": False}
"""Dask settings for the workers of a ``local:N`` cluster: without the statistical profiler, which
samples the running task's stack a hundred times a second and made the map a third slower (the
README tells how to start the workers of a cluster of several machines the same way)."""


class ClusterUnavailable(ReportError):
    """``--scheduler`` without the ``cluster`` extra installed."""

    def __init__(self) -> None:
        super().__init__("--scheduler needs Dask: pip install 'zhenggong-report[cluster]'")


def parse_scheduler(value: str) -> str:
    """``local:N`` (N ≥ 1 worker processes on this machine) or a scheduler's address, checked."""
    if value.startswith("local:"):
        count = value.removeprefix("local:")
        if not count.isdigit() or int(count) < 1:
            raise ValueError(f"local:N needs a number of workers, not {count!r}")
        return value
    if not value or any(c.isspace() for c in value):
        raise ValueError(f"not a scheduler address: {value!r}")
    return value


def batches(jobs: Sequence[tuple[SourceFile, PageKeys]], characters: int = BATCH_CHARACTERS) -> list[list[int]]:
    """Job positions in consecutive batches of about ``characters`` of text (at least one page each)."""
    out: list[list[int]] = []
    size = characters
    for position, (source, _) in enumerate(jobs):
        if size >= characters:
            out.append([])
            size = 0
        out[-1].append(position)
        size += source.characters
    return out


class DaskCluster:
    """The executor: a connected client whose workers have the map's tools."""

    stores = False
    """Workers may be on other machines: this process keeps what comes back."""

    def __init__(self, client, scheduler: str) -> None:
        self.client = client
        self.scheduler = scheduler

    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info(n_workers=-1).get("workers", {})))

    @contextmanager
    def map(self, jobs: Sequence[tuple[SourceFile, PageKeys]]) -> Iterator[Iterator[tuple[int, PageOutput]]]:
        yield self._outputs(jobs)

    def _outputs(self, jobs: Sequence[tuple[SourceFile, PageKeys]]) -> Iterator[tuple[int, PageOutput]]:
        from distributed import as_completed

        from . import cluster_worker
        from distributed.client import FutureCancelledError
        from distributed.scheduler import KilledWorker

        waiting = iter(batches(jobs))
        positions: dict[str, list[int]] = {}

        def submit():
            batch = next(waiting, None)
            if batch is None:
                return None
            future = self.client.submit(cluster_worker.map_batch, [jobs[p][0] for p in batch], pure=False)
            positions[future.key] = batch
            return future

        running = as_completed([f for f in (submit() for _ in range(BATCHES_IN_FLIGHT * self.workers())) if f is not None])
        try:
            for future in running:
                try:
                    outputs = future.result()
                except (KilledWorker, FutureCancelledError, OSError) as error:
                    raise ClusterError(self.scheduler, f"a worker was lost ({type(error).__name__}: {error})") from None
                following = submit()
                if following is not None:
                    running.add(following)
                yield from zip(positions.pop(future.key), outputs, strict=True)
        finally:
            running.clear()


@contextmanager
def connect(scheduler: str, recipe: ToolsRecipe) -> Iterator[DaskCluster]:
    """A client of the scheduler at ``scheduler`` (or of a local cluster started for ``local:N``,
    stopped afterwards), every worker given the map's tools."""
    try:
        import dask
        from distributed import Client, LocalCluster

        from .cluster_worker import PLUGIN_NAME, MapToolsPlugin
    except ImportError:
        raise ClusterUnavailable() from None
    threads_before = set(threading.enumerate())
    cluster = None
    try:
        if scheduler.startswith("local:"):
            with dask.config.set(LOCAL_WORKER_CONFIG):  # each worker is started with the settings in force
                cluster = LocalCluster(
                    n_workers=int(scheduler.removeprefix("local:")), threads_per_worker=1, processes=True,
                    dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR,  # its web page on a free port, this host only
                )
            client = Client(cluster)
        else:
            client = Client(scheduler, timeout="10s")
    except (OSError, TimeoutError) as error:
        if cluster is not None:
            cluster.close()
        raise ClusterError(scheduler, f"no Dask scheduler answers ({error})") from None
    try:
        client.register_plugin(MapToolsPlugin(recipe), name=PLUGIN_NAME)
        yield DaskCluster(client, scheduler)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
        _declare_dask_pool_idle()
        _wait_for_threads_to_end(set(threading.enumerate()) - threads_before)
        # The client, a local cluster's scheduler and their task records hold one another in cycles
        # (the tasks' pages and frames among them); the build runs with the cycle collector paused,
        # so without this they would stay to the end.
        del client, cluster
        gc.collect()


THREADS_END_WITHIN_S = 5.0
"""How long the threads the client and a local cluster started may take to end once closed."""


def _wait_for_threads_to_end(started: set[threading.Thread]) -> None:
    """The threads Dask started for this connection end shortly after it closes (its event loop,
    its executors); on a busy machine not at once. Waited for, for a bounded time, so that the
    steps after the map find no thread but the idle pool's and may fork (a thread still running
    then only makes them run one after the other)."""
    deadline = time.monotonic() + THREADS_END_WITHIN_S
    for thread in started:
        if thread is not threading.current_thread() and not thread.name.startswith("Dask-Offload"):
            thread.join(max(0.0, deadline - time.monotonic()))


def _declare_dask_pool_idle() -> None:
    """Dask keeps one thread of its own in this process after the client closes (``Dask-Offload``,
    a pool of one worker). Once a task of nothing has gone through it, that worker is idle until
    the process ends, and is declared so: the reduce and the data files may then fork as they do
    in a local build (:func:`.forks.side_by_side`)."""
    try:
        from distributed.utils import _offload_executor as pool
    except ImportError:  # a version of distributed without it: the forks are refused, as before
        return
    pool.submit(lambda: None).result()
    declare_idle(thread for thread in threading.enumerate() if thread.name.startswith("Dask-Offload"))
