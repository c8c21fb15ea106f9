"""Where an article's tokens hold the taxonomy's terms, and what those terms weigh.

A term must begin and end on word boundaries, or lie inside one compound word; at any character
the longest term of a theme wins. Where a term stands weighs: the title counts ``title`` times its
weight, a heading or a run-in heading ``heading`` times. Weights grow less with each repetition of
the same term (``weight × (1 + ln count)``), so one word said ten times does not make a theme.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Mapping, NamedTuple, Optional

from ..models.analysis import ThemeDefinition
from .data_files import ScoringRules
from .tokens import ArticleTokens, Unit

MIN_INNER_TOKEN = 3
"""Only tokens this long can hold a term that starts inside them (工会 in 分工会); a term that
starts inside a shorter token would straddle a word boundary (工会 in 员工|会议)."""


@dataclass(frozen=True)
class TermEntry:
    term: str
    theme: int
    weight: float
    near: tuple[str, ...]


class Match(NamedTuple):
    """A term found in a unit (a named tuple: an article has hundreds and they are made in a hot loop)."""

    theme: int
    term: str
    weight: float
    unit: int
    start: int
    end: int
    place: str


class TermIndex:
    """Every theme's terms, and for each distinct token the terms it can hold or begin.

    A term matches inside one token (工会 in 工会主席, 分工会) or runs from a token's start to a
    later token boundary (党建 + 与 + 生产经营). The candidates are worked out once per distinct
    token and remembered, so scanning an article costs one lookup per token.
    """

    def __init__(self, themes: tuple[ThemeDefinition, ...]) -> None:
        self.themes = themes
        by_prefix: dict[str, list[TermEntry]] = defaultdict(list)
        by_first: dict[str, list[TermEntry]] = defaultdict(list)
        for index, theme in enumerate(themes):
            near = dict(theme.near)
            for term, weight in theme.terms:
                entry = TermEntry(term, index, weight, near.get(term, ()))
                by_prefix[term[:2]].append(entry)
                by_first[term[0]].append(entry)
        order = lambda e: (-len(e.term), e.theme)  # noqa: E731
        self.by_prefix = {key: sorted(entries, key=order) for key, entries in by_prefix.items()}
        self.by_first = {key: sorted(entries, key=order) for key, entries in by_first.items()}
        self.excludes = {i: theme.exclude for i, theme in enumerate(themes) if theme.exclude}
        self._memo: dict[str, tuple[dict[str, tuple[TermEntry, ...]], tuple[tuple[int, TermEntry], ...]]] = {}
        self._barren: set[str] = set()
        """Tokens known to begin and hold no term (most of them): skipped without a look."""

    def candidates(self, token: str) -> tuple[dict[str, tuple[TermEntry, ...]], tuple[tuple[int, TermEntry], ...]]:
        """What a token can start or hold, worked out once per distinct token.

        Returns the longer terms that begin with the token, keyed by the character that must follow
        it (longest first), and ``(offset, entry)`` for the terms inside it (by offset, longest first).
        """
        found = self._memo.get(token)
        if found is not None:
            return found
        longer: dict[str, list[TermEntry]] = defaultdict(list)
        inside: list[tuple[int, TermEntry]] = []
        pool = self.by_first.get(token, ()) if len(token) == 1 else self.by_prefix.get(token[:2], ())
        for entry in pool:
            if len(entry.term) > len(token) and entry.term.startswith(token):
                longer[entry.term[len(token)]].append(entry)
        if len(token) >= 2:
            offsets = range(len(token) - 1) if len(token) >= MIN_INNER_TOKEN else (0,)
            for offset in offsets:
                for entry in self.by_prefix.get(token[offset : offset + 2], ()):
                    if token.startswith(entry.term, offset):
                        inside.append((offset, entry))
        found = self._memo[token] = ({char: tuple(entries) for char, entries in longer.items()}, tuple(inside))
        if not longer and not inside:
            self._barren.add(token)
        return found

    def excluded_spans(self, text: str) -> dict[int, list[tuple[int, int]]]:
        spans: dict[int, list[tuple[int, int]]] = {}
        for theme, phrases in self.excludes.items():
            found = []
            for phrase in phrases:
                at = text.find(phrase)
                while at >= 0:
                    found.append((at, at + len(phrase)))
                    at = text.find(phrase, at + 1)
            if found:
                spans[theme] = found
        return spans

    def matches(self, unit: Unit, unit_index: int) -> list[Match]:
        """The terms found in one unit, at most one per theme at any character."""
        text = unit.text
        found: list[Match] = []
        covered: dict[int, int] = {}
        excluded: Optional[dict[int, list[tuple[int, int]]]] = None
        memo = self._memo
        size = len(text)
        barren = self._barren
        tokens, starts = unit.tokens, unit.starts
        for index in [i for i, token in enumerate(tokens) if token not in barren]:
            token, token_start = tokens[index], starts[index]
            known = memo.get(token)
            if known is None:
                known = self.candidates(token)
            longer, inside = known
            if not longer and not inside:
                continue
            token_end = token_start + len(token)
            pairs: list[tuple[int, TermEntry]] = []
            if longer and token_end < size:
                for entry in longer.get(text[token_end], ()):
                    end = token_start + len(entry.term)
                    if text.startswith(entry.term, token_start) and end in unit.boundaries:
                        pairs.append((0, entry))
            pairs.extend(inside)
            for offset, entry in pairs:
                start = token_start + offset
                if covered.get(entry.theme, -1) > start:
                    continue
                end = start + len(entry.term)
                if entry.near:
                    s_start, s_end = unit.sentence_at(start)
                    if not any(word in text[s_start:s_end] for word in entry.near):
                        continue
                if entry.theme in self.excludes:
                    if excluded is None:
                        excluded = self.excluded_spans(text)
                    if any(a <= start and end <= b for a, b in excluded.get(entry.theme, ())):
                        continue
                covered[entry.theme] = end
                found.append(Match(entry.theme, entry.term, entry.weight, unit_index, start, end, unit.place_at(start)))
        return found


def find_all_matches(index: TermIndex, tokens: ArticleTokens) -> list[Match]:
    found: list[Match] = []
    for unit_index, unit in enumerate(tokens.units):
        found.extend(index.matches(unit, unit_index))
    return found


def mass(matches: Iterable[Match], rules: ScoringRules) -> float:
    """Weighted presence: each term's mean boosted weight × (1 + ln count)."""
    return weighed(matches, rules.place_factors)


def term_weight(matches: Iterable[Match]) -> float:
    """The terms' own weights, wherever they stand, each repeated term adding less (``w × (1 + ln n)``)."""
    return weighed(matches, {})


def weighed(matches: Iterable[Match], factors: Mapping[str, float]) -> float:
    """Each term's mean weight, boosted by its places' ``factors``, × (1 + ln count)."""
    if isinstance(matches, (list, tuple)) and len(matches) == 1:  # the commonest case: w × (1 + ln 1)
        return matches[0].weight * factors.get(matches[0].place, 1.0)
    sums: dict[str, float] = {}
    counts: dict[str, int] = {}
    for match in matches:
        value = match.weight * factors.get(match.place, 1.0)
        if match.term in sums:
            sums[match.term] += value
            counts[match.term] += 1
        else:
            sums[match.term] = value
            counts[match.term] = 1
    return sum(total / counts[term] * (1 + math.log(counts[term])) for term, total in sums.items())
