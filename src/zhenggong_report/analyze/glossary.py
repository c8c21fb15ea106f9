"""The 提法 glossary: formulations the articles put in quotation marks (“三会一课”, “一岗双责” …).

A quoted phrase is a formulation when it has the shape of one (:func:`is_formulation`) and the
filter of ``data/glossary.toml`` does not reject it (emphasis words, fragments, quoted feelings,
names of activities). Variants are one formulation under their normal form (NFKC, no spaces:
“思政 +” is “思政+”). Each entry counts its quoted uses and all its uses separately, longest match
first — 先锋岗 inside 党员先锋岗 is a use of 党员先锋岗 only — lists the articles that use it and
shows the first quotation, in the first article that quotes it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Optional

from ..cache import digest
from ..models.analysis import GlossaryEntry
from .glossary_rules import GlossaryFilter, normal_form
from .tokens import ArticleTokens, clip_context

QUOTED = re.compile(r"“([^“”\n]{2,24})”")
NOT_A_FORMULATION = re.compile(r"[。！？；]")
NUMERALS = "一二三四五六七八九十两双百千万"


def is_formulation(text: str) -> bool:
    """A set phrase, not a quoted ordinary word: three Chinese characters or more (三会一课), or two
    with a numeral or a sign (四风, 党建+). “服务”, “责任” are emphasis, not 提法; nor is a sentence."""
    cjk = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    if NOT_A_FORMULATION.search(text) or text.strip() != text or cjk < 2:
        return False
    return cjk >= 3 or text[0] in NUMERALS or len(text) > cjk


@dataclass
class GlossaryMemo:
    """Each article's glossary work, remembered between builds by content (a pure cache: with or
    without it the glossary is the same). When one page changes, only its articles are read again,
    and the counting too when the set of formulations stayed the same."""

    quoted: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Article text digest -> its formulations in order of first quotation (their contexts are
    cut again for the few articles that quote a formulation first: kept for every article, they
    were most of the memo)."""
    counts: dict[str, dict[str, tuple[tuple[str, int, int], ...]]] = field(default_factory=dict)
    """Digest of the set of formulations -> article text digest -> (formulation, uses, quoted uses)."""


def build_glossary(
    corpus_tokens: tuple[ArticleTokens, ...],
    exclude: frozenset[str] = frozenset(),
    memo: Optional[GlossaryMemo] = None,
    rules: Optional[GlossaryFilter] = None,
) -> tuple[GlossaryEntry, ...]:
    """Every quoted formulation, commonest first; ``exclude`` names defined aliases (山能财司),
    ``rules`` the filter of what is no formulation. ``memo``, when given, supplies and collects
    each article's share of the work (and is left holding this corpus's share only)."""
    keys = [_article_key(tokens) for tokens in corpus_tokens] if memo is not None else None
    excluded = frozenset(normal_form(name) for name in exclude)
    first: dict[str, int] = {}
    for position, tokens in enumerate(corpus_tokens):
        if memo is not None and keys is not None:
            quoted = memo.quoted.get(keys[position])
            if quoted is None:
                quoted = memo.quoted[keys[position]] = tuple(term for term, _, _ in _first_quotations(tokens))
        else:
            quoted = (term for term, _, _ in _first_quotations(tokens, skip=first.keys() | excluded))
        for term in quoted:
            if term not in excluded and term not in first and not (rules is not None and rules.rejects(term)):
                first[term] = position
    if not first:
        return ()
    contexts = _first_contexts(corpus_tokens, first)
    counts: Counter = Counter()
    quotations: Counter = Counter()
    articles: dict[str, list[str]] = defaultdict(list)
    counter = _FormulationCounter(first)
    remembered = memo.counts.setdefault(counter.key, {}) if memo is not None else {}
    for position, tokens in enumerate(corpus_tokens):
        found = remembered.get(keys[position]) if keys is not None else None
        if found is None:
            found = counter.count(tokens)
            if keys is not None:
                remembered[keys[position]] = found
        for term, uses, quoted_uses in found:
            counts[term] += uses
            quotations[term] += quoted_uses
            articles[term].append(tokens.article.id)
    if memo is not None and keys is not None:  # keep one corpus's worth: this one
        current = set(keys)
        memo.quoted = {k: q for k, q in memo.quoted.items() if k in current}
        memo.counts = {counter.key: {k: c for k, c in remembered.items() if k in current}}
    entries = [
        GlossaryEntry(term, counts[term], tuple(articles[term]), corpus_tokens[first[term]].article.id, contexts[term], quotations[term])
        for term in first
        if rules is None or len(articles[term]) > 1 or rules.keeps_single_article(term)
    ]
    entries.sort(key=lambda e: (-e.count, -len(e.articles), first[e.term], e.term))
    return tuple(entries)


def _article_key(tokens: ArticleTokens) -> str:
    """What the glossary reads of an article: the text of each unit but the author's keywords."""
    return digest("glossary-article", *(unit.text for unit in tokens.units if unit.place != "keywords"))


def _first_quotations(tokens: ArticleTokens, skip=frozenset()):
    """The article's quoted phrases shaped like formulations, in their normal form, in order of
    first quotation (none in ``skip``), each with the unit and the match where it is quoted."""
    seen = set(skip)
    for unit in tokens.units:
        if unit.place == "keywords":
            continue
        for match in QUOTED.finditer(unit.text):
            term = normal_form(match.group(1))
            if term in seen or not is_formulation(term):
                continue
            seen.add(term)
            yield term, unit, match


def _first_contexts(corpus_tokens: tuple[ArticleTokens, ...], first: dict[str, int]) -> dict[str, str]:
    """Each formulation's first quotation in the article that quotes it first (``first``: its
    position), as the sentence around it."""
    wanted: dict[int, set[str]] = defaultdict(set)
    for term, position in first.items():
        wanted[position].add(term)
    contexts = {}
    for position, terms in wanted.items():
        for term, unit, match in _first_quotations(corpus_tokens[position]):
            if term in terms:
                sentence = unit.sentence_at(match.start()) if unit.sentences else None
                contexts[term] = clip_context(unit.text, match.start(), match.end(), sentence)[0]
    return contexts


class _FormulationCounter:
    """Counts the uses of a set of formulations in an article: all of them and the quoted ones,
    in the normal form of the text, longest match first (a term inside a longer one is not counted)."""

    def __init__(self, terms) -> None:
        self.terms = set(terms)
        self.key = digest("glossary-terms", *sorted(self.terms))
        self.finder = re.compile(trie_pattern(sorted(self.terms)))

    def count(self, tokens: ArticleTokens) -> tuple[tuple[str, int, int], ...]:
        uses: Counter = Counter()
        quoted: Counter = Counter()
        for unit in tokens.units:
            if unit.place == "keywords":
                continue
            text = normal_form(unit.text)
            uses.update(self.finder.findall(text))
            quoted.update(term for term in QUOTED.findall(text) if term in self.terms)
        return tuple((term, uses[term], quoted[term]) for term in sorted(uses))


def trie_pattern(words) -> str:
    """One regular expression matching any of ``words``, longest first, factored by common
    prefixes (党建+|党建+工会|党建引领 -> 党建(?:\\+(?:工会)?|引领)), which compiles and scans far
    faster than a flat alternation of hundreds of phrases."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        optional = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not optional else "(?:" + "|".join(branches) + ")"
        if len(branches) > 1 and not optional:
            return body
        return body + "?" if optional else body

    return emit(trie)
