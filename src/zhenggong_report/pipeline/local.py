"""The map run on this machine: in worker processes of our own pool (:mod:`.workers`), which
store each page's entries in the cache themselves, so only the page's output comes back."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator, Optional, Sequence

from ..cache import BuildCache
from ..models.source_files import SourceFile
from .forks import can_fork
from .map import MapTools, PageOutput, ToolsRecipe, map_page
from .store import PageKeys, store_page
from .workers import run_in_workers

_tools: Optional[MapTools] = None
_cache: Optional[BuildCache] = None


def _init_worker(tools: Optional[MapTools], cache: BuildCache, recipe: Optional[ToolsRecipe]) -> None:
    global _tools, _cache
    if tools is None:
        assert recipe is not None
        tools = recipe.make()
    tools.segmenter.load()  # a spawned worker loads the dictionary itself; a forked one has it
    _tools, _cache = tools, cache


def _map_and_store(job: tuple[SourceFile, PageKeys]) -> PageOutput:
    assert _tools is not None and _cache is not None
    return map_and_store(job[0], job[1], _tools, _cache)


def map_and_store(source: SourceFile, keys: PageKeys, tools: MapTools, cache: BuildCache) -> PageOutput:
    output, tokens = map_page(source, tools)
    store_page(cache, keys, output, tokens)
    return output


class LocalPool:
    """Worker processes on this machine, forked where the system allows (they inherit the loaded
    tools), else spawned (each makes its tools from the recipe)."""

    stores = True
    """Workers write each page's cache entries themselves."""

    def __init__(self, tools: MapTools, recipe: ToolsRecipe, cache: BuildCache, workers: int) -> None:
        self.tools, self.recipe, self.cache, self.workers = tools, recipe, cache, workers

    @contextmanager
    def map(self, jobs: Sequence[tuple[SourceFile, PageKeys]]) -> Iterator[Iterator[tuple[int, PageOutput]]]:
        """Every job's output as (position, output), in job order, as the workers finish them."""
        if can_fork():
            # Loaded once, here, before the fork: every worker inherits it, and the reduce (which tags
            # names with it in this process) finds it loaded. Each worker loading its own copy costs
            # the same wall time and twice the processor time. (The compiled cutter each worker loads
            # itself, once it has cut enough: this process seldom cuts.)
            self.tools.segmenter.load()
            method, initargs = "fork", (self.tools, self.cache, None)
        else:
            method, initargs = "spawn", (None, self.cache, self.recipe)
        # Small chunks: a worker left with a large last chunk would keep the others waiting at the end.
        chunk = max(1, min(4, len(jobs) // (self.workers * 8) or 1))
        with run_in_workers(
            list(jobs), _map_and_store, min(self.workers, len(jobs)), _init_worker, initargs, chunk, method, what="a page worker"
        ) as done:
            yield enumerate(done)  # every worker is running now
