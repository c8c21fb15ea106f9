"""WeChat official-account articles saved as ``.html``, through selectolax.

The text is the article node (``#js_content``) under its title (``# …``), one block per
paragraph element, a table's rows tab-separated, ``<br>`` a line break; the account name,
author, date, place and links come from the page around it (``#js_name``, the author and
``#publish_time`` spans, ``#js_ip_wording``, ``og:url`` and the 阅读原文 link) into
:attr:`SourceFacts.metadata`. A paragraph that is only WeChat's own words (关注, 阅读原文,
分享 收藏 点赞 在看 …, from ``data/sources.toml``) is not in the text, and an end mark (END,
往期推荐) ends it: what they held is kept in the metadata as ``chrome``. A line's place is its
paragraph number in the article node (``¶7``).
"""

from __future__ import annotations

import re
from typing import Iterator

from ..errors import InputError
from ..models.source_files import SourceFile
from .pagetext import PageText
from .settings import ReaderSettings

_BLOCKS = frozenset("p section div h1 h2 h3 h4 h5 h6 li blockquote table tr pre figcaption".split())
_SKIPPED = frozenset("script style img svg iframe mpvoice mpvideo video audio noscript".split())
_SOURCE_URL = re.compile(r"""msg_source_url\s*=\s*['"]([^'"]+)['"]""")
_MSG_LINK = re.compile(r"""msg_link\s*=\s*['"]([^'"]+)['"]""")
_SPACES = re.compile(r"[ \t\r\n\f\u00a0]+")
"""White space HTML collapses (a full-width space U+3000 is text and stays)."""
_BREAK = "\ue000"
"""Stands for a ``<br>`` until the text is split into lines (source line ends are only spaces)."""


def read_wechat(data: bytes, name: str, settings: ReaderSettings) -> SourceFile:
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    from . import decode_page

    html, encoding = decode_page(data, name)
    tree = HTMLParser(html)
    content = tree.css_first("#js_content")
    if content is None:
        raise InputError(name, "no WeChat article in this page (no #js_content element): save the article's own page")
    for hidden in content.css("script, style"):
        hidden.decompose()
    text = PageText()
    title = _text_of(tree, "#activity-name") or _meta(tree, "og:title")
    if title:
        text.block([(f"# {title}", "标题", "h1")])
    chrome: list[str] = []
    blocks = list(_blocks(content))
    for number, (tag, lines) in enumerate(blocks, 1):
        joined = " ".join(lines)
        if joined in settings.wechat_end_marks:
            chrome += [" ".join(rest) for _, rest in blocks[number - 1 :]]
            break
        if joined in settings.wechat_chrome:
            chrome.append(joined)
            continue
        text.block([(line, f"¶{number}", tag) for line in lines])
    metadata = _metadata(tree, html) + tuple(("chrome", c) for c in chrome)
    return text.source(name, data, "wechat", encoding, metadata=metadata)


def _blocks(node) -> Iterator[tuple[str, list[str]]]:
    """(tag, lines) per innermost block element of ``node``, in document order; text and inline
    elements standing between blocks make a paragraph of their own."""
    if node.tag == "table":
        rows = ["\t".join(" ".join(_lines(cell)) for cell in row.css("td, th")) for row in node.css("tr")]
        rows = [row for row in rows if row.strip()]
        if rows:
            yield "table", rows
        return
    children = [c for c in node.iter(include_text=True) if c.tag not in _SKIPPED and not _hidden(c)]
    if not any(c.tag in _BLOCKS for c in children):
        lines = _lines(node)
        if lines:
            yield node.tag, lines
        return
    loose: list[str] = []
    for child in children + [None]:
        if child is not None and child.tag == "br":
            loose.append(_BREAK)
            continue
        if child is not None and child.tag not in _BLOCKS:
            loose.append(child.text(deep=True, separator="", strip=False) if child.tag == "-text" else _BREAK.join(_lines(child)))
            continue
        lines = _split("".join(loose))
        if lines:
            yield node.tag, lines
        loose = []
        if child is not None:
            yield from _blocks(child)


def _hidden(node) -> bool:
    style = (node.attributes.get("style") or "") if node.tag != "-text" else ""
    return "display:none" in style.replace(" ", "").lower()


def _lines(node) -> list[str]:
    """The element's visible text, split at ``<br>``, spaces collapsed."""
    for br in node.css("br"):
        br.replace_with(_BREAK)
    for hidden in [n for n in node.css("[style]") if _hidden(n)]:
        hidden.decompose()
    return _split(node.text(deep=True, separator="", strip=False))


def _split(raw: str) -> list[str]:
    return [line for line in (_SPACES.sub(" ", part).strip() for part in raw.split(_BREAK)) if line]


def _text_of(tree, selector: str) -> str:
    node = tree.css_first(selector)
    return _SPACES.sub(" ", node.text(deep=True)).strip() if node is not None else ""


def _meta(tree, prop: str) -> str:
    node = tree.css_first(f'meta[property="{prop}"]')
    return (node.attributes.get("content") or "").strip() if node is not None else ""


def _metadata(tree, html: str) -> tuple[tuple[str, str], ...]:
    """The article's own facts as the page states them (only those it states)."""
    source_url = _SOURCE_URL.search(html)
    link = tree.css_first("#js_view_source")
    msg_link = _MSG_LINK.search(html)
    found = [
        ("account", _text_of(tree, "#js_name") or _meta(tree, "og:site_name")),
        ("author", _text_of(tree, "#js_author_name") or _text_of(tree, ".rich_media_meta_text.rich_media_meta_author")
         or _meta(tree, "og:article:author")),
        ("original", "原创" if tree.css_first("#copyright_logo") is not None else ""),
        ("date", _text_of(tree, "#publish_time")),
        ("place", _text_of(tree, "#js_ip_wording")),
        ("url", _meta(tree, "og:url") or (msg_link.group(1) if msg_link else "")),
        ("source_url", (link.attributes.get("href") or "") if link is not None else (source_url.group(1) if source_url else "")),
    ]
    return tuple((key, value.replace("&amp;", "&")) for key, value in found if value)
