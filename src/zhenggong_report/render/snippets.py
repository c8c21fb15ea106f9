"""The page's smallest, most repeated pieces of markup, as template globals.

A link to an article, an enterprise or a theme, a list of terms and a join: the page makes tens of
thousands of them (every article is linked from its themes, its enterprises, the related lists,
the glossary and the claims), and a Jinja macro call costs several microseconds of bookkeeping
around a line of output. These functions give the same markup, every value escaped, and are
registered as globals of the same name; a template that defines a macro of that name overrides them.
"""

from __future__ import annotations

from typing import Any, Optional, Sequence

from markupsafe import Markup, escape

from .labels import labels
from .links import href, table_href


def score(value: float) -> str:
    """A score or similarity with two decimals (also the templates' ``score`` filter)."""
    return f"{value:.2f}"


def article_link(ref: Any) -> Markup:
    badge = f'<span class="badge inferred" title="{escape(labels().flags["title-inferred"])}">推断</span>' if ref.title_inferred else ""
    return Markup(f'<a href="{escape(href(ref.anchor))}">{escape(ref.title)}</a>{badge}')


def enterprise_link(ref: Any) -> Markup:
    return Markup(f'<a href="{escape(href(ref.anchor))}">{escape(ref.name)}</a>')


def theme_chip(hit: Any) -> Markup:
    """A theme the article treats; the primary one is filled (and named in the table's 主要主题)."""
    kind = " primary" if hit.primary else ""
    return Markup(f'<a class="chip{kind}" href="{escape(href(hit.theme.anchor))}">{escape(hit.theme.name)}</a>')


def terms_list(terms: Sequence[tuple[str, int]], limit: int = 8) -> Markup:
    shown = "、".join(f"{escape(term)}×{escape(count)}" for term, count in terms[:limit])
    more = f"等 {len(terms)} 个术语" if len(terms) > limit else ""
    return Markup(shown + more)


def line_span(pair: Sequence[int]) -> str:
    return str(pair[0]) if pair[0] == pair[1] else f"{pair[0]}–{pair[1]}"


def join_item(join: Any, file: Optional[str] = None, article: Any = None) -> Markup:
    lead = f"{article_link(article)}：" if article else ""
    where = f'<span class="mono">{escape(file)}</span> ' if file else ""
    if join.kind == "column":
        tail = f'<br><small>{escape("；".join(join.evidence))}（{escape(score(join.score))}）</small>'
    else:
        tail = f" <small>{escape(score(join.score))}</small>"
    return Markup(
        f"<li>{lead}<b>{escape(labels().join_kinds.get(join.kind, join.kind))}</b> {where}"
        f"第 {escape(line_span(join.before))} → {escape(line_span(join.after))} 行："
        f'<q class="seam">{escape(join.text_before)}<b>‖</b>{escape(join.text_after)}</q>\n{tail}</li>'
    )


def json_attribute(name: str, text: str) -> Markup:
    """``name='{…}'``: JSON in a single-quoted attribute, so its many double quotes need no escaping."""
    safe = text.replace("&", "&amp;").replace("'", "&#39;").replace("<", "&lt;")
    return Markup(f"{escape(name)}='{safe}'")


SNIPPETS = {
    "href": href,
    "table_href": table_href,
    "json_attribute": json_attribute,
    "article_link": article_link,
    "enterprise_link": enterprise_link,
    "theme_chip": theme_chip,
    "terms_list": terms_list,
    "join_item": join_item,
    "line_span": line_span,
}
