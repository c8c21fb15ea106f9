"""Texts kept in a temporary file rather than in memory, read back one at a time.

The articles' bodies as HTML are made by the map and needed only when the renderer writes each
article's page; held in memory they were a tenth of a large build's main process. They go into an
unnamed temporary file (gone when it is closed, or when the process ends however it ends).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Mapping


class SpilledTexts(Mapping[str, str]):
    """Texts by key, written once each, read from the file on every lookup."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="zhenggong-texts-")
        self._places: dict[str, tuple[int, int]] = {}
        self._end = 0

    def add(self, key: str, text: str) -> None:
        if key in self._places:
            raise KeyError(f"{key!r} is already kept")
        data = text.encode("utf-8")
        os.pwrite(self._file.fileno(), data, self._end)
        self._places[key] = (self._end, len(data))
        self._end += len(data)

    def __getitem__(self, key: str) -> str:
        start, size = self._places[key]
        return os.pread(self._file.fileno(), size, start).decode("utf-8")

    def __contains__(self, key: object) -> bool:
        return key in self._places  # without reading the text, as Mapping's own would

    def __iter__(self) -> Iterator[str]:
        return iter(self._places)

    def __len__(self) -> int:
        return len(self._places)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> "SpilledTexts":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
