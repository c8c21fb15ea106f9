"""Where the renderer's files go: ``put(relative path, bytes or pieces of bytes)``, called as each
file is made — the output edge's staging folder in a build, or :class:`CollectedFiles`."""

from __future__ import annotations

from typing import Callable, Iterable, Union

Data = Union[bytes, Iterable[bytes]]
Put = Callable[[str, Data], None]


class CollectedFiles(dict):
    """A ``put`` that keeps every file in memory, by relative path (for a caller that wants the bytes)."""

    def __call__(self, relative: str, data: Data) -> None:
        self[relative] = data if isinstance(data, bytes) else b"".join(data)
