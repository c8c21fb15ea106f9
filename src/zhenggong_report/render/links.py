"""Where a link to an anchor points: the same page (``#a-…``) in the single-file report, or the
page that holds the anchor in the folder form (``articles/a-….html``, ``themes.html#t-…``).

The page being rendered sets the resolver (:func:`linking`); the templates' ``href()`` and the
snippets read it. An article's anchor is its id, so its page's name never changes as the corpus grows.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Iterator

ARTICLES_FOLDER = "articles"
SECTION_PAGES = {
    "overview": "index.html",
    "articles": "index.html",
    "texts": "list.html",
    "themes": "themes.html",
    "enterprises": "enterprises.html",
    "glossary": "glossary.html",
    "claims": "glossary.html",
    "duplicates": "duplicates.html",
    "parse-notes": "notes.html",
    "sources": "notes.html",
}
"""The folder form's page for each section (the index page holds the overview and the article table; ``list.html`` lists every article, each on its own page)."""
PREFIX_PAGES = {"t-": "themes.html", "e-": "enterprises.html", "c-": "glossary.html", "d-": "duplicates.html"}


@dataclass(frozen=True)
class SamePage:
    """The single-file report: every anchor is on this page."""

    def __call__(self, anchor: str) -> str:
        return f"#{anchor}"

    def page(self, name: str) -> str:
        return f"#{name}"

    def table(self, state: str) -> str:
        """The article table with a search or filter state (``theme=t-…``)."""
        return f"#{state}"


@dataclass(frozen=True)
class FolderLinks:
    """The folder form, seen from a page ``depth`` folders below the report's root."""

    depth: int = 0
    here: str = "index.html"

    @property
    def root(self) -> str:
        return "../" * self.depth

    def __call__(self, anchor: str) -> str:
        if anchor.startswith("a-"):
            return f"{self.root}{ARTICLES_FOLDER}/{anchor}.html"
        page = SECTION_PAGES.get(anchor) or next((p for prefix, p in PREFIX_PAGES.items() if anchor.startswith(prefix)), None)
        if page is None:
            return f"#{anchor}"
        if page == self.here and self.depth == 0:
            return f"#{anchor}"
        return f"{self.root}{page}#{anchor}"

    def page(self, name: str) -> str:
        """A whole page of the report (``index.html``)."""
        return f"{self.root}{name}"

    def table(self, state: str) -> str:
        return f"{self.root}index.html#{state}"


_CURRENT: ContextVar = ContextVar("links", default=SamePage())


def href(anchor: str) -> str:
    """The link to ``anchor`` from the page being rendered."""
    return _CURRENT.get()(anchor)


def table_href(state: str) -> str:
    """The link to the article table showing ``state`` (``theme=t-…``) from the page being rendered."""
    return _CURRENT.get().table(state)


@contextmanager
def linking(resolver) -> Iterator[None]:
    token = _CURRENT.set(resolver)
    try:
        yield
    finally:
        _CURRENT.reset(token)
