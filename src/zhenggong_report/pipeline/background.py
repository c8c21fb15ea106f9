"""Libraries imported in a thread while the map runs elsewhere."""

from __future__ import annotations

import importlib
import threading
from typing import Optional


class BackgroundImport:
    """Modules imported in a thread: the corpus-wide steps' libraries (pandas, numpy, datasketch with
    the part of scipy it loads: half a second) load while worker processes parse and segment, rather
    than before or after them (the reduce's forked children inherit them).

    Started only once the workers are forked (a fork must not copy an import lock held by a
    thread) and joined before anything else forks. An import that fails here is left for the
    real import to report.
    """

    def __init__(self, *modules: str) -> None:
        self.modules = modules
        self.thread: Optional[threading.Thread] = None

    def start(self) -> None:
        self.thread = threading.Thread(target=self._run, name="background-import", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        for module in self.modules:
            try:
                importlib.import_module(module)
            except Exception:  # noqa: BLE001 - reported where the module is really needed
                return

    def join(self) -> None:
        if self.thread is not None:
            self.thread.join()
