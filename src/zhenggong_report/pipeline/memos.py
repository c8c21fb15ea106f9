"""The corpus-wide steps' memos in the build's cache: an earlier build's work on texts, pairs and
articles, loaded and kept again by whichever process does the step (the duplicate search's, in
a worker of its own at scale, never passes through the process holding the articles)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from ..cache import BuildCache, digest


@dataclass(frozen=True)
class CachedMemo:
    """The memo of ``kind`` for this code in ``cache``: plain data, so it can travel to a worker."""

    cache: BuildCache
    kind: str
    key: str
    empty: type
    """The memo's class: an entry of any other kind is an empty memo."""

    def load(self) -> Any:
        """The memo an earlier build of this code left, or a fresh one."""
        memo = self.cache.load(self.kind, self.key)
        return memo if isinstance(memo, self.empty) else self.empty()

    def keep(self, memo: Any) -> None:
        self.cache.store(self.kind, self.key, memo)


def cached_memo(cache: BuildCache, kind: str, code: str, empty: type) -> Optional[CachedMemo]:
    """The memo of ``kind`` for the code ``code`` in ``cache``; None without a cache."""
    return CachedMemo(cache, kind, digest(kind, code), empty) if cache.enabled else None
