"""Reading a built report page in tests: its tags, ids, links, text, and one element's HTML."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Page(HTMLParser):
    """Every tag with its attributes, every id, every in-page link, and the inline scripts."""

    tags: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    _open: str = ""

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._open = tag

    def handle_data(self, data) -> None:
        self.texts.append(data)
        if self._open == "script":
            self.scripts.append(data)
        elif self._open == "style":
            self.styles.append(data)

    def handle_endtag(self, tag) -> None:
        self._open = ""

    @property
    def text(self) -> str:
        """The page's text as a reader sees it (character references resolved)."""
        return "".join(self.texts)

    @property
    def ids(self) -> list[str]:
        return [attrs["id"] for _, attrs in self.tags if "id" in attrs]

    def links(self, tag: str = "a") -> list[str]:
        return [attrs["href"] for t, attrs in self.tags if t == tag and "href" in attrs]

    def fragment_links(self) -> list[str]:
        return [href[1:] for href in self.links() if href.startswith("#")]

    def element(self, element_id: str) -> tuple[str, dict[str, str]]:
        return next((t, a) for t, a in self.tags if a.get("id") == element_id)


def parse_page(html: bytes) -> Page:
    page = Page()
    page.feed(html.decode("utf-8"))
    return page


def section(html: bytes, element_id: str) -> str:
    text = html.decode("utf-8")
    start = text.index(f'id="{element_id}"')
    tag = text.rfind("<", 0, start)
    name = re.match(r"<(\w+)", text[tag:]).group(1)
    depth, position = 0, tag
    for match in re.finditer(rf"<(/?){name}\b", text[tag:]):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            position = tag + match.end()
            break
    return text[tag:position]
