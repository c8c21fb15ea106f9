"""What runs on a Dask worker: the plugin that makes the map's tools once per worker, and the
task that maps a batch of pages with them. Imported only where Dask is installed."""

from __future__ import annotations

import threading
from pathlib import Path

from distributed import WorkerPlugin, get_worker

from ..models.source_files import SourceFile
from .map import MapTools, PageOutput, ToolsRecipe, map_page

PLUGIN_NAME = "zhenggong-report-map"


class MapToolsPlugin(WorkerPlugin):
    """Made on every worker as it joins: the map's tools, jieba loaded, used by one task at a time
    (the map is pure Python: a second thread would only wait for the first)."""

    def __init__(self, recipe: ToolsRecipe) -> None:
        self.recipe = recipe
        self.tools: MapTools | None = None

    def setup(self, worker) -> None:
        self.lock = threading.Lock()  # made here: the plugin travels pickled, and a lock does not
        self.tools = self.recipe.make(Path(worker.local_directory) / "zhenggong-report")

    def teardown(self, worker) -> None:
        self.tools = None


def map_batch(sources: list[SourceFile]) -> list[PageOutput]:
    """A Dask task: the map of a batch of pages, on the worker's own tools."""
    plugin = get_worker().plugins[PLUGIN_NAME]
    with plugin.lock:
        return [map_page(source, plugin.tools)[0] for source in sources]
