"""Article pages an earlier build wrote, given to this build's report as they are.

The renderer keys each article page by everything it is made from (:class:`..render.folder.ArticlePageKeys`);
the templates, data files and code are in the key this memo is kept under. After a build the memo
says, for each key, which file of the report kept in the cache (:meth:`..cache.BuildCache.store_tree`)
holds that page; the next build links that file into its report, checked first against the kept
report's manifest, instead of rendering and writing the page again. A corpus with one page changed
renders that page's articles and the few whose related articles or duplicates changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from ..cache import BuildCache, digest, file_sha256

KIND = "article-pages"


class CachedPages:
    """The :class:`..render.files.KeptPages` of a build with a cache: ``link(relative, path)``
    gives the report a kept file."""

    def __init__(self, cache: BuildCache, memo_key: str, link: Callable[[str, Path], None]) -> None:
        self.cache, self.memo_key, self.link = cache, memo_key, link
        earlier = cache.load(KIND, memo_key)
        self.earlier: dict = earlier if isinstance(earlier, dict) else {}
        self.pages: dict[bytes, str] = {}
        self._manifests: dict[str, dict] = {}

    def give(self, key: bytes, relative: str) -> bool:
        found = self.earlier.get(key)
        if not (isinstance(found, tuple) and len(found) == 2):
            return False
        report, kept_as = found
        manifest = self._manifest(report)
        path = self.cache.report_file(report, kept_as)
        try:
            if manifest.get(kept_as) != file_sha256(path):
                return False
        except OSError:
            return False
        self.link(relative, path)
        self.pages[key] = relative
        return True

    def made(self, key: bytes, relative: str) -> None:
        self.pages[key] = relative

    def store(self, report: str) -> None:
        """Remember this build's pages as files of the report kept under ``report`` (a report
        with no article pages of its own, the single page, leaves the memo as it was)."""
        if self.pages:
            self.cache.store(KIND, self.memo_key, {key: (report, relative) for key, relative in self.pages.items()})

    def _manifest(self, report: str) -> dict:
        if report not in self._manifests:
            self._manifests[report] = self.cache.report_manifest(report) or {}
        return self._manifests[report]


def pages_memo_key(code: str, templates: str, data: dict[str, str], libraries: tuple[str, ...]) -> str:
    """What every kept page depends on besides its own key: the code, the templates, the data files
    and the renderer's libraries."""
    return digest(KIND, code, templates, *(f"{name}={value}" for name, value in sorted(data.items())), *libraries)


def cached_pages(cache: BuildCache, memo_key: str, link) -> Optional[CachedPages]:
    return CachedPages(cache, memo_key, link) if cache.enabled else None
