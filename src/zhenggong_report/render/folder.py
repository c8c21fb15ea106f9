"""The folder form of the report, for a corpus too large for one page: it needs no server and no
network, and opens from ``file://``.

- ``index.html``: the search and the article table (its rows from ``assets/table.js``, shown a
  hundred at a time), then the overview and the charts;
- ``articles/<id>.html``: one page per article (its name is the article's id, so it never changes
  as the corpus grows); ``themes.html``, ``enterprises.html``, ``glossary.html`` (提法 and 数据),
  ``duplicates.html`` (重复投稿),
  ``notes.html`` (解析说明) and ``list.html`` (every article, for reading without JavaScript);
- ``search/NNNN.js``: the articles' own text in files of about :data:`SEARCH_FILE_CHARS`
  characters, loaded with ``<script src>`` on the first search (``fetch()`` does not work on
  ``file://``), each handing its articles to ``ZG.packed("…")`` as gzip in base64 (the page
  unpacks them with the browser's ``DecompressionStream``): 0.6x the text instead of 1x;
- ``assets/report.css``, ``assets/report.js``: shared by every page; the pages' Content-Security-
  Policy allows scripts and styles from the report's own folder only.
"""

from __future__ import annotations

import base64
import dataclasses
import gzip
import hashlib
import json
from typing import Any, Callable, Iterable, Iterator, Optional

from ..entries import pack_entry
from .files import KeptPages, Put
from .links import ARTICLES_FOLDER, FolderLinks, linking
from .article_views import ArticleView
from .report_views import ReportView

THEME_ARTICLES_SHOWN = 50
"""Articles listed under each theme on ``themes.html``; all of them are a filter of the article table."""
SEARCH_FILE_CHARS = 400_000
"""Characters of article text per search file: the first results show after the first file."""
SEARCH_COMPRESSION = 4
"""gzip level of the search files: on the 100× mixed corpus's 12.1 MB of search text, 3.84 MB in 0.20 s
of CPU against 3.65 MB in 0.48 s at zlib's default 6 (level 1: 4.46 MB, 0.11 s); the compression
runs on the main process's path through every build, the size is read once by a search."""
FOLDER_CSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src data:; base-uri 'none'; form-action 'none'"
SECTION_PAGES = (
    ("themes.html", "_themes.html.j2", "主题"),
    ("enterprises.html", "_enterprises.html.j2", "企业"),
    ("glossary.html", "_glossary.html.j2", "提法与数据"),
    ("duplicates.html", "_duplicates.html.j2", "重复投稿"),
    ("notes.html", "_parse_notes.html.j2", "解析说明"),
)


def _json(value: Any) -> str:
    """Compact JSON with ``</`` escaped, so it is safe anywhere in a script."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def _script(call: str, value: Any) -> bytes:
    """``call(value);``: a script file that hands its data to the page."""
    return f"{call}({_json(value)});\n".encode("utf-8")


def table_row(view: ArticleView, codes: dict[str, int]) -> list[Any]:
    """One row of ``assets/table.js``, in the order ``report.js`` reads it; its themes and
    enterprises as numbers into the table's list of anchors (``codes``)."""
    article = view.article
    unit = article.affiliation or (view.affiliations[0].name if view.affiliations else "")
    links = FolderLinks(0)
    return [
        view.ref.anchor,
        view.ref.number,
        view.ref.title,
        1 if article.title_inferred else 0,
        article.author or "",
        unit,
        links(view.unit_anchor) if view.unit_anchor else "",
        view.primary.name if view.primary else "",
        links(view.primary.anchor) if view.primary else "",
        round(view.score, 2),
        article.characters,
        article.file,
        view.page.date or "",
        view.page.sort_key,
        view.printed or article.file,
        [codes.setdefault(a, len(codes)) for a in view.filter_themes.split()],
        [codes.setdefault(a, len(codes)) for a in view.filter_enterprises.split()],
    ]


def search_entry(view: ArticleView) -> list[Any]:
    """An article's own text as the search reads it: title (first: a hit shows it), kicker, subtitle,
    author, unit, abstract, paragraphs."""
    article = view.article
    parts = [view.ref.title, article.kicker, article.subtitle, article.author, article.affiliation, article.abstract]
    return [view.ref.anchor, [p for p in parts if p] + [p.text for p in article.paragraphs]]


def packed_search_file(batch: list[list[Any]]) -> bytes:
    """``ZG.packed("<base64 of the gzipped JSON>");`` (gzip without a timestamp: the same bytes every build;
    level :data:`SEARCH_COMPRESSION`)."""
    data = gzip.compress(_json(batch).encode("utf-8"), compresslevel=SEARCH_COMPRESSION, mtime=0)
    return b'ZG.packed("' + base64.b64encode(data) + b'");\n'


def search_files(articles: Iterable[ArticleView]) -> Iterator[tuple[str, bytes]]:
    batch: list[list[Any]] = []
    size = 0
    number = 0
    for view in articles:
        entry = search_entry(view)
        batch.append(entry)
        size += sum(len(t) for t in entry[1])
        if size >= SEARCH_FILE_CHARS:
            yield f"search/{number:04d}.js", packed_search_file(batch)
            batch, size, number = [], 0, number + 1
    if batch:
        yield f"search/{number:04d}.js", packed_search_file(batch)


class ArticlePageKeys:
    """A digest of everything an article's page is made from besides the templates and the data
    files (:meth:`of`): the article's view (its own body, not every article's) and the pages'
    ``context``, as plain data (:func:`..entries.pack_entry`: a list and a tuple alike, no object's
    identity), so the same view gives the same key whether its parts came from a worker or the
    cache. For one render: the context, the same for every page, is packed once, and so is each
    duplicate group its members' views share (``groups``, by the shared object): a group of a
    hundred copies is not packed once for each of them."""

    def __init__(self, context: dict[str, Any]) -> None:
        self.context = _digest(pack_entry(sorted(context.items())))
        self.groups: dict[int, bytes] = {}

    def of(self, article: ArticleView) -> bytes:
        fields = tuple(getattr(article, f.name) for f in dataclasses.fields(article) if f.name not in ("bodies", "duplicates"))
        group = article.duplicates
        group_digest = b""
        if group is not None:
            group_digest = self.groups.get(id(group)) or self.groups.setdefault(id(group), _digest(pack_entry(group)))
        return _digest(pack_entry((fields, group_digest, article.body, self.context)))


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=20).digest()


def render_folder(
    view: ReportView,
    render: Callable[..., bytes],
    style: str,
    script: str,
    charts: dict,
    put: Put,
    kept: Optional[KeptPages] = None,
    made_with: tuple = (),
) -> None:
    """Every file of the folder form, each given to ``put`` as it is made; ``render(template, **context)``
    renders one template to bytes. An article page ``kept`` from an earlier build is given to the
    report by it instead of rendered again; ``made_with`` is what else the pages are made with (the
    build date, the version, the search's synonyms). The article pages see only their own article, never the report's whole view."""
    put("assets/report.css", style.encode("utf-8"))
    put("assets/report.js", script.encode("utf-8"))
    searches = []
    for name, data in search_files(view.articles):
        put(name, data)
        searches.append(name)
    codes: dict[str, int] = {}
    rows = [table_row(v, codes) for v in view.articles]
    table = {"rows": rows, "anchors": list(codes), "articles": f"{ARTICLES_FOLDER}/", "root": "", "search": sorted(searches)}
    put("assets/table.js", f"window.ZG_TABLE={_json(table)};\n".encode("utf-8"))
    common = {"report": view, "charts": charts, "layout": "folder", "csp": FOLDER_CSP, "theme_articles_shown": THEME_ARTICLES_SHOWN}
    with linking(FolderLinks(0, "index.html")):
        put("index.html", render(
            "folder_page.html.j2", partial="index", page_title="概览与文章", root="", scripts=["assets/table.js", "assets/report.js"], **common
        ))
    with linking(FolderLinks(0, "list.html")):
        put("list.html", render("folder_page.html.j2", partial="list", page_title="全部文章", root="", scripts=[], **common))
    for name, partial, title in SECTION_PAGES:
        with linking(FolderLinks(0, name)):
            put(name, render("folder_page.html.j2", partial=partial, page_title=title, root="", scripts=["assets/report.js"], **common))
    page = {"layout": "folder", "csp": FOLDER_CSP, "root": "../", "scripts": ["assets/report.js"], "toc_themes": False}
    keys = ArticlePageKeys({**page, "made_with": made_with})
    with linking(FolderLinks(1, "")):
        for article in view.articles:
            relative = f"{ARTICLES_FOLDER}/{article.ref.anchor}.html"
            key = keys.of(article) if kept is not None else b""
            if kept is not None and kept.give(key, relative):
                continue
            put(relative, render("article_page.html.j2", view=article, **page))
            if kept is not None:
                kept.made(key, relative)
