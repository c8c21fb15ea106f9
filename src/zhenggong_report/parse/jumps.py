"""Articles continued across pages: ``（下转第6版）`` on one page, ``（上接第1版）`` on another.

A corpus-wide step over the parsed pages (each page is parsed alone): an article that goes on
to another page is joined to the article that page continues, when the corpus holds it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional, Sequence

from ..models.parsed import Article, PageMeta


@dataclass(frozen=True)
class Continuation:
    """Article ``rest`` (on page ``rest_page``) continues article ``head`` (on page ``head_page``)."""

    head_page: int
    head: int
    rest_page: int
    rest: int


def _same_issue(one: PageMeta, other: PageMeta) -> bool:
    """Two pages may be of one issue: where both print a paper or a date, they agree."""
    return all(
        getattr(one, key) is None or getattr(other, key) is None or getattr(one, key) == getattr(other, key)
        for key in ("newspaper", "date")
    )


def _continues(head: Article, head_meta: PageMeta, rest: Article, rest_meta: PageMeta) -> bool:
    if not rest.partial or rest.continued_from is None or rest_meta.edition != head.continued_on:
        return False
    if head_meta.edition is not None and rest.continued_from != head_meta.edition:
        return False
    if not _same_issue(head_meta, rest_meta):
        return False
    return rest.title is None or rest.title == head.title


def find_continuations(pages: Sequence[tuple[PageMeta, Sequence[Article]]]) -> list[Continuation]:
    """Each article that jumps to another page, with the first article there that continues it
    (the same title printed again, or none, and a jump back to the head's page)."""
    by_edition: dict[str, list[int]] = {}
    for number, (meta, _) in enumerate(pages):
        if meta.edition:
            by_edition.setdefault(meta.edition, []).append(number)
    found: list[Continuation] = []
    taken: set[tuple[int, int]] = set()
    for head_page, (head_meta, articles) in enumerate(pages):
        for head, article in enumerate(articles):
            if article.continued_on is None:
                continue
            match = _first_continuation(pages, by_edition.get(article.continued_on, []), article, head_meta, taken, head_page)
            if match is not None:
                taken.add(match)
                found.append(Continuation(head_page, head, *match))
    return found


def _first_continuation(pages, candidates, article, head_meta, taken, head_page) -> Optional[tuple[int, int]]:
    for rest_page in candidates:
        if rest_page == head_page:
            continue
        rest_meta, rest_articles = pages[rest_page]
        for rest, other in enumerate(rest_articles):
            if (rest_page, rest) not in taken and _continues(article, head_meta, other, rest_meta):
                return rest_page, rest
    return None


def joined_article(head: Article, rest: Article) -> Article:
    """One article from its head and the rest printed on another page; its ``parts`` name both."""
    note = f"本文下转{head.continued_on}，续文见 {rest.file}（上接{rest.continued_from}），已合并为一篇"
    return replace(
        head,
        author=head.author or rest.author,
        authors=head.authors or rest.authors,
        author_roles=head.author_roles if head.authors else rest.author_roles,
        affiliation=head.affiliation or rest.affiliation,
        role=head.role or rest.role,
        paragraphs=head.paragraphs + rest.paragraphs,
        joins=head.joins + rest.joins,
        notes=head.notes + (note,),
        author_bio=head.author_bio or rest.author_bio,
        footnotes=head.footnotes + rest.footnotes,
        references=head.references + rest.references,
        continued_on=rest.continued_on,
        parts=((head.file, head.lines), (rest.file, rest.lines)),
    )
