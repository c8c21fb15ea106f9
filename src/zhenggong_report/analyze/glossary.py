"""The 提法 glossary: formulations the articles put in quotation marks (“三会一课”, “一岗双责” …).

Each entry counts every use of the formulation in the corpus (quoted or not), lists the articles
that use it and shows the first quoted use in its sentence.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..models import GlossaryEntry
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


def build_glossary(corpus_tokens: tuple[ArticleTokens, ...], exclude: frozenset[str] = frozenset()) -> tuple[GlossaryEntry, ...]:
    """Every quoted formulation, commonest first; ``exclude`` names defined aliases (山能财司)."""
    first: dict[str, tuple[int, str, str]] = {}
    for position, tokens in enumerate(corpus_tokens):
        for unit in tokens.units:
            if unit.place == "keywords":
                continue
            for match in QUOTED.finditer(unit.text):
                term = match.group(1)
                if term in exclude or term in first or not is_formulation(term):
                    continue
                sentence = unit.sentence_at(match.start()) if unit.sentences else None
                context, _, _ = clip_context(unit.text, match.start(), match.end(), sentence)
                first[term] = (position, tokens.article.id, context)
    if not first:
        return ()
    counts: Counter = Counter()
    articles: dict[str, list[str]] = defaultdict(list)
    finder = re.compile(trie_pattern(first))
    inside = {t: [(o, t.count(o)) for o in first if o != t and o in t] for t in first}
    for tokens in corpus_tokens:
        here: Counter = Counter()
        for unit in tokens.units:
            if unit.place != "keywords":
                here.update(_overlapping_terms(finder, unit.text, inside))
        counts.update(here)
        for term in sorted(here):
            articles[term].append(tokens.article.id)
    entries = [
        GlossaryEntry(term, counts[term], tuple(articles[term]), first[term][1], first[term][2])
        for term in first
    ]
    entries.sort(key=lambda e: (-e.count, -len(e.articles), first[e.term][0], e.term))
    return tuple(entries)


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


def _overlapping_terms(finder: "re.Pattern[str]", text: str, inside: dict[str, list[tuple[str, int]]]) -> list[str]:
    """Every glossary term in ``text``, shorter terms inside longer ones included."""
    found = finder.findall(text)
    nested = [term for match in found if inside[match] for term, times in inside[match] for _ in range(times)]
    return found + nested if nested else found
