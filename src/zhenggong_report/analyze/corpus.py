"""The reduce: the corpus read from every article's own reading.

:func:`read_corpus` needs the articles (their text) and what the map read in each of them; it
finds the enterprises and the 提法 glossary, weighs keywords, finds related articles and
duplicate submissions, and joins it all into one :class:`~..models.Analysis`. It neither forks
nor caches: ``pair`` runs its two independent halves (one after the other unless the caller
gives a way to run them side by side, or the weights in a process of their own), and
``glossary_memo`` is each article's glossary work as an earlier build left it, kept by the
caller; ``duplicate_memo`` is where the duplicate search's work on texts and pairs is found and
left (a :class:`MemoPlace` the caller gives: read and written by whichever process runs the
search, so a large corpus's memo never passes through the process holding the articles).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping, Optional, Protocol, Sequence, TypeVar

from ..models.analysis import Analysis, ArticleAnalysis
from ..models.parsed import Article
from ..segmenter import Segmenter
from .data_files import AnalysisData
from .duplicate_texts import DuplicateMemo, body_utf8
from .enterprises import read_enterprises
from .glossary import GlossaryMemo, build_glossary
from .paper_owners import Masthead
from .page import PageReading
from .tokens import article_text_units

B = TypeVar("B")
Pair = Callable[["CorpusWeights", Callable[[], B]], tuple["WeighedCorpus", B]]
"""Runs the corpus's two independent halves: the weights (a :class:`CorpusWeights`, plain
picklable data, so it may run in another process) and the names (a closure over this process's
objects); returns both results."""


def in_order(weights: "CorpusWeights", names: Callable[[], B]) -> tuple["WeighedCorpus", B]:
    """Both halves here, one after the other."""
    return weights(), names()


@dataclass(frozen=True)
class WeighedCorpus:
    keywords: dict
    related: dict
    duplicates: tuple


@dataclass(frozen=True)
class TermWeighing:
    """TF-IDF over each article's content-word counts: the keywords and the related articles."""

    ids: tuple[str, ...]
    counts: tuple[tuple[tuple[str, ...], tuple[int, ...]], ...]

    def __call__(self) -> tuple[dict, dict]:
        from .keywords import related_articles, term_weights, top_keywords  # numpy and pandas, where this runs

        weights = term_weights((), None, self.counts, self.ids)
        keywords = top_keywords(weights)
        weights = weights.with_sub_words()  # the plain table is let go before similarity is worked out
        return keywords, related_articles(weights)


@dataclass(frozen=True)
class DuplicateSearch:
    """Duplicate submissions among the articles' body texts."""

    ids: tuple[str, ...]
    bodies: tuple[bytes, ...]
    """Each article's body text in UTF-8 (:func:`.body_utf8`)."""
    memo: Optional["MemoPlace"] = None

    def __call__(self, spread=None) -> tuple:
        """The groups; ``spread`` may run the parts of the pair search side by side (see
        :func:`.duplicates.join_similar`). The earlier build's memo is read from ``memo``, and this
        search's left there for a later build."""
        from .duplicates import search_duplicates  # datasketch, where this runs

        groups, made = search_duplicates(self.ids, self.bodies, spread=spread, memo=self.memo.load() if self.memo else None)
        if self.memo is not None:
            self.memo.keep(made)
        return groups


class MemoPlace(Protocol):
    """Where the duplicate search finds an earlier build's :class:`.DuplicateMemo` and leaves its
    own (the build's cache, as the caller keeps it); picklable, as the search may run elsewhere."""

    def load(self) -> DuplicateMemo: ...

    def keep(self, memo: DuplicateMemo) -> None: ...


@dataclass(frozen=True)
class CorpusWeights:
    """The half of the reduce that needs only numbers and bodies: TF-IDF, keywords, related
    articles and duplicate submissions. Plain data (ids, each article's content-word counts and its
    body text), so it can be sent to a process that holds nothing else; its two independent
    parts (:meth:`parts`) can each go to a process of their own, holding only their own data."""

    ids: tuple[str, ...]
    counts: tuple[tuple[tuple[str, ...], tuple[int, ...]], ...]
    bodies: tuple[bytes, ...]
    duplicate_memo: Optional[MemoPlace] = None

    def parts(self) -> tuple[TermWeighing, DuplicateSearch]:
        return TermWeighing(self.ids, self.counts), DuplicateSearch(self.ids, self.bodies, self.duplicate_memo)

    @staticmethod
    def joined(terms: tuple[dict, dict], duplicates: tuple) -> WeighedCorpus:
        """The parts' results as one :class:`WeighedCorpus`."""
        keywords, related = terms
        return WeighedCorpus(keywords, related, duplicates)

    def __call__(self) -> WeighedCorpus:
        terms, duplicates = self.parts()
        return self.joined(terms(), duplicates())


def read_corpus(
    articles: Sequence[Article],
    readings: Sequence[PageReading],
    data: AnalysisData,
    segmenter: Segmenter,
    pair: Pair = in_order,
    glossary_memo: Optional[GlossaryMemo] = None,
    duplicate_memo: Optional[MemoPlace] = None,
    mastheads: Mapping[str, Masthead] = {},
) -> Analysis:
    """The analysis of ``articles``, whose own readings are ``readings`` (page by page, in order).
    Each memo, when given, supplies an earlier build's work and is left holding this one's;
    ``mastheads`` are the pages' (:func:`.paper_owners.page_mastheads`), by file."""
    themes = [t for r in readings for t in r.themes]
    claims = [c for r in readings for c in r.claims]
    counts = tuple(c for r in readings for c in r.counts)
    if not len(themes) == len(claims) == len(counts) == len(articles):
        raise ValueError(f"{len(articles)} articles but {len(themes)} readings")
    ids = tuple(article.id for article in articles)

    def enterprises_and_glossary():
        texts = tuple(article_text_units(a) for a in articles)
        enterprises = read_enterprises(texts, data.enterprises, segmenter, mastheads)
        names = frozenset(name for e in enterprises.enterprises for name in (e.name, *e.aliases))
        return enterprises, build_glossary(texts, names, glossary_memo, data.glossary)

    weights_job = CorpusWeights(ids, counts, tuple(body_utf8(a) for a in articles), duplicate_memo)
    weighed, (enterprises, glossary) = pair(weights_job, enterprises_and_glossary)
    keywords, duplicates = weighed.keywords, weighed.duplicates
    related = without_own_copies(weighed.related, duplicates)
    return Analysis(
        themes=data.taxonomy.themes,
        enterprises=enterprises.enterprises,
        articles=tuple(
            ArticleAnalysis(
                article_id=article_id,
                themes=theme.treated,
                primary_theme=theme.primary,
                enterprises=enterprises.links.get(article_id, ()),
                keywords=keywords.get(article_id, ()),
                claims=claims_of,
                related=related.get(article_id, ()),
                theme_mentions=theme.mentioned,
            )
            for article_id, theme, claims_of in zip(ids, themes, claims, strict=True)
        ),
        glossary=glossary,
        duplicates=duplicates,
    )


def without_own_copies(related: dict, duplicates: tuple) -> dict:
    """Each article's related articles less those of its own duplicate group: a copy of the same
    submission is listed as such (重复投稿), not as a related article."""
    group_of = {article_id: group.id for group in duplicates for article_id in group.article_ids}
    return {
        article_id: tuple(r for r in found if group_of.get(r.article_id, r.article_id) != group_of.get(article_id))
        for article_id, found in related.items()
    }

