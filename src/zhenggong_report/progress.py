"""Progress on stderr for long builds: shown on a terminal once a build has run a couple of seconds."""

from __future__ import annotations

import sys
import time
from typing import Optional, TextIO


class Progress:
    """One status line, rewritten in place: stage, items done, rate. Silent when not a terminal."""

    def __init__(self, stream: Optional[TextIO] = None, enabled: Optional[bool] = None, delay: float = 2.0) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.delay = delay
        self.started = time.monotonic()
        self.stage_name = ""
        self.total: Optional[int] = None
        self.count = 0
        self.characters = 0
        self.stage_started = self.started
        self.last_shown = 0.0
        self.shown = False

    def stage(self, name: str, total: Optional[int] = None) -> None:
        self.stage_name, self.total, self.count, self.characters = name, total, 0, 0
        self.stage_started = time.monotonic()
        self._show()

    def advance(self, count: int = 1, characters: int = 0) -> None:
        self.count += count
        self.characters += characters
        self._show()

    def _show(self, force: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or now - self.started < self.delay or (not force and now - self.last_shown < 0.2):
            return
        self.last_shown = now
        done = f"{self.count}/{self.total}" if self.total else (str(self.count) if self.count else "")
        elapsed = max(now - self.stage_started, 1e-6)
        rate = f" · {self.characters / elapsed / 1000:.0f}k characters/s" if self.characters else ""
        line = f"{self.stage_name} {done}{rate}".rstrip()
        self.stream.write(f"\r\x1b[2K{line}")
        self.stream.flush()
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self.shown = False
