"""The analyze stage: parsed articles in, :class:`~zhenggong_report.models.Analysis` out.

Every article is cut into words once (:mod:`.tokens`); themes (:mod:`.themes`), enterprises
(:mod:`.enterprises`), keywords and related articles (:mod:`.keywords`), quantitative claims
(:mod:`.claims`) and the 提法 glossary (:mod:`.glossary`) all read those tokens; duplicate
submissions (:mod:`.duplicates`) are found on the bodies. Domain knowledge
comes from the data files (:mod:`.data_files`), which a user data folder may override.
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping, Optional, Sequence

from ..forks import side_by_side
from ..models import Analysis, Article, ArticleAnalysis, Claim, ParsedCorpus
from ..segmenter import Segmenter
from .claims import article_claims
from .data_files import AnalysisData, load_analysis_data
from .enterprises import read_enterprises
from .glossary import GlossaryMemo, build_glossary
from .themes import ArticleThemes, TermIndex, read_article_themes
from .tokens import ArticleTokens, article_text_units, tokenize_corpus

__all__ = ["analyze_corpus", "analyze_tokens", "load_analysis_data", "tokenize_corpus"]


def analyze_corpus(
    corpus: ParsedCorpus, segmenter: Segmenter, data_dir: Optional[Path] = None, data: Optional[AnalysisData] = None
) -> Analysis:
    """Analyse every article of ``corpus``; ``data_dir`` overrides the packaged data files it holds
    (``data``, when given, is those files already loaded)."""
    if data is None:
        data = load_analysis_data(data_dir)
    return analyze_tokens(tokenize_corpus(corpus, segmenter), data, segmenter)


def analyze_tokens(
    corpus_tokens: Optional[tuple[ArticleTokens, ...]],
    data: AnalysisData,
    segmenter: Segmenter,
    themes: Optional[Sequence[ArticleThemes]] = None,
    claims: Optional[Sequence[tuple[Claim, ...]]] = None,
    counts: Optional[Sequence[Mapping[str, int] | tuple[Sequence[str], Sequence[int]]]] = None,
    parallel: bool = False,
    glossary_memo: Optional[GlossaryMemo] = None,
    articles: Optional[Sequence[Article]] = None,
) -> Analysis:
    """The analysis from already segmented articles (one :class:`ArticleTokens` per article, in order).

    ``themes``, ``claims`` and ``counts`` (content-word counts), when given, are each article's own
    readings, already made (per page, possibly cached or in worker processes); then the corpus-wide
    steps need only each article's text, and ``articles`` may stand in for ``corpus_tokens`` (their
    text units, :func:`~.tokens.article_text_units`, are then made where they are read). With
    ``parallel``, the TF-IDF tables are made in a forked child (the only step that needs pandas)
    while the enterprises and the glossary are found here (so ``glossary_memo``, each article's
    glossary work remembered from an earlier build, is updated in this process).
    """
    if corpus_tokens is None:
        if articles is None or themes is None or claims is None or counts is None:
            raise ValueError("without tokens, the articles and their themes, claims and counts are needed")
        ids = tuple(article.id for article in articles)
    else:
        ids = tuple(tokens.article.id for tokens in corpus_tokens)
    if themes is None:
        index = TermIndex(data.taxonomy.themes)
        themes = [read_article_themes(tokens, data.taxonomy, index) for tokens in corpus_tokens]
    if claims is None:
        claims = [article_claims(tokens, data.claims) for tokens in corpus_tokens]

    def enterprises_and_glossary():
        texts = corpus_tokens if corpus_tokens is not None else tuple(article_text_units(a) for a in articles)
        enterprises = read_enterprises(texts, data.enterprises, segmenter)
        names = frozenset(name for e in enterprises.enterprises for name in (e.name, *e.aliases))
        return enterprises, build_glossary(texts, names, glossary_memo, data.glossary)

    def keywords_related_and_duplicates():
        # pandas, numpy and datasketch are imported here: in the forked child when it runs in one
        from .duplicates import find_duplicates
        from .keywords import related_articles, term_weights, top_keywords

        weights = term_weights(corpus_tokens or (), segmenter, counts, ids)
        keywords = top_keywords(weights)
        weights = weights.with_sub_words()  # the plain table is let go before similarity is worked out
        texts = articles if corpus_tokens is None else tuple(tokens.article for tokens in corpus_tokens)
        return keywords, related_articles(weights), find_duplicates(texts)

    (keywords, related, duplicates), (enterprises, glossary) = side_by_side(
        keywords_related_and_duplicates, enterprises_and_glossary, parallel
    )
    readings = tuple(
        ArticleAnalysis(
            article_id=article_id,
            themes=reading.treated,
            primary_theme=reading.primary,
            enterprises=enterprises.links.get(article_id, ()),
            keywords=keywords.get(article_id, ()),
            claims=article_claims_of,
            related=related.get(article_id, ()),
            theme_mentions=reading.mentioned,
        )
        for article_id, reading, article_claims_of in zip(ids, themes, claims, strict=True)
    )
    return Analysis(
        themes=data.taxonomy.themes,
        enterprises=enterprises.enterprises,
        articles=readings,
        glossary=glossary,
        duplicates=duplicates,
    )
