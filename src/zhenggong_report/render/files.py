"""Where the renderer's files go: ``put(relative path, bytes or pieces of bytes)``, called as each
file is made — the output edge's staging folder in a build, or :class:`CollectedFiles`."""

from __future__ import annotations

from typing import Callable, Iterable, Protocol, Union

Data = Union[bytes, Iterable[bytes]]
Put = Callable[[str, Data], None]


class CollectedFiles(dict):
    """A ``put`` that keeps every file in memory, by relative path (for a caller that wants the bytes)."""

    def __call__(self, relative: str, data: Data) -> None:
        self[relative] = data if isinstance(data, bytes) else b"".join(data)


class KeptPages(Protocol):
    """Pages an earlier build made, by a key of everything a page is made from (the renderer's
    :class:`.folder.ArticlePageKeys`): the renderer asks before it renders a page, and says which
    pages it made."""

    def give(self, key: bytes, relative: str) -> bool:
        """Give the report, under ``relative``, the page an earlier build made from ``key``; False
        when none is kept (then the renderer makes it)."""

    def made(self, key: bytes, relative: str) -> None:
        """The page of ``key`` is now the report's file ``relative``."""
