"""An article's themes: which it treats and which it merely mentions, how strongly, and the
sentences that show it.

The terms are found and weighed by :mod:`.theme_matches`; whether a theme is treated, and why, is
decided by :mod:`.theme_reasons`, and every decision is written, in Chinese, into the link's
``reasons``. The primary theme (:func:`primary_reading`) is the treated theme the title names — a
term that alone names a theme before a weaker sign, and of several the one named last (the head of
a Chinese noun phrase) — else the strongest.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Optional

from ..models.analysis import Evidence, ThemeDefinition, ThemeHit
from .data_files import ScoringRules, Taxonomy
from .theme_matches import Match, TermIndex, find_all_matches, mass
from .theme_reasons import brief_lead, section_spans, strongest_by_unit, treat_reasons
from .tokens import ArticleTokens, clip_context

NAMING_WEIGHT = 3.0
"""A term this heavy alone names its theme (see the weights in ``themes.toml``)."""


@dataclass(frozen=True)
class ThemeReading:
    """Everything decided about one article and one theme."""

    theme: ThemeDefinition
    order: int
    matches: tuple[Match, ...]
    strength: float
    reasons: tuple[str, ...]

    @property
    def treats(self) -> bool:
        return bool(self.reasons)


def read_theme(
    tokens: ArticleTokens,
    theme: ThemeDefinition,
    order: int,
    matches: list[Match],
    rules: ScoringRules,
    sections: list[tuple[int, list[int]]],
    strongest: Optional[dict[int, float]] = None,
    lead: Optional[tuple[int, int, bool]] = None,
) -> ThemeReading:
    reasons, _ = treat_reasons(tokens, matches, rules, sections, strongest, lead)
    strength = mass(matches, rules) / max(tokens.characters, 1000) * 1000
    return ThemeReading(theme, order, tuple(matches), strength, tuple(reasons))


def score_of(strength: float) -> float:
    """A 0–1 score from the weighted presence per 1,000 characters (10 gives 0.5)."""
    return round(strength / (strength + 10.0), 3)


def term_counts(matches: Iterable[Match]) -> tuple[tuple[str, int], ...]:
    counts: dict[str, int] = defaultdict(int)
    weights: dict[str, float] = {}
    for match in matches:
        counts[match.term] += 1
        weights[match.term] = match.weight
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], -weights[item[0]], item[0])))


def best_evidence(tokens: ArticleTokens, matches: tuple[Match, ...], rules: ScoringRules, limit: int) -> tuple[Evidence, ...]:
    """The strongest sentences (distinct paragraphs first), each with its heaviest term marked."""
    units = tokens.units
    factors = rules.place_factors
    sentences: dict[tuple[int, int], list[Match]] = defaultdict(list)
    for match in matches:
        if match.place in ("title", "keywords"):
            continue
        sentences[(match.unit, units[match.unit].sentence_index(match.start))].append(match)
    ranked = []
    for key, found in sentences.items():
        distinct = {m.term: m for m in found}
        value = sum(m.weight * factors.get(m.place, 1.0) for m in distinct.values())
        ranked.append((-value, key, found))
    ranked.sort(key=lambda item: (item[0], item[1]))
    chosen, used = [], set()
    for item in ranked:
        paragraph = units[item[1][0]].paragraph
        if paragraph not in used:
            chosen.append(item)
            used.add(paragraph)
        if len(chosen) == limit:
            break
    for item in ranked:
        if len(chosen) >= limit:
            break
        if item not in chosen:
            chosen.append(item)
    chosen.sort(key=lambda item: (item[0], item[1]))
    evidence = []
    for _, (unit_index, _), found in chosen:
        top = max(found, key=lambda m: (m.weight, len(m.term), -m.start))
        unit = units[unit_index]
        sentence, start, end = clip_context(unit.text, top.start, top.end, unit.sentence_at(top.start))
        evidence.append(Evidence(sentence, top.term, start, end, unit.paragraph, top.place))
    return tuple(evidence)


def to_hit(tokens: ArticleTokens, reading: ThemeReading, rules: ScoringRules) -> ThemeHit:
    """The link record; a mere mention keeps its one best sentence."""
    units = tokens.units
    return ThemeHit(
        theme_id=reading.theme.id,
        name=reading.theme.name,
        score=score_of(reading.strength),
        terms=term_counts(reading.matches),
        evidence=best_evidence(tokens, reading.matches, rules, rules.evidence if reading.treats else 1),
        reasons=reading.reasons,
        paragraphs=tuple(sorted({units[m.unit].paragraph for m in reading.matches})),
    )


@dataclass(frozen=True)
class ArticleThemes:
    treated: tuple[ThemeHit, ...]
    """The primary theme first, then the strongest first."""
    mentioned: tuple[ThemeHit, ...]
    primary: Optional[str]


def primary_reading(treated: list[ThemeReading]) -> Optional[ThemeReading]:
    """The theme the title names, among those the article treats; else the strongest.

    A term that alone names a theme (weight 3 or more in the data file) counts before a weaker sign.
    When the title names several themes, the one named last wins: the head of a Chinese noun phrase
    stands at its end (法治信访视角下国企政工队伍建设 is about 政工队伍, 去产能关井后基层思想政治工作 about
    思想政治工作).
    """
    named = [(r, [m for m in r.matches if m.place == "title"]) for r in treated]
    named = [(r, found) for r, found in named if found]
    if not named:
        return treated[0] if treated else None
    naming = max(max(m.weight for m in found) >= NAMING_WEIGHT for _, found in named)
    candidates = [(r, found) for r, found in named if max(m.weight for m in found) >= NAMING_WEIGHT or not naming]
    return max(candidates, key=lambda item: (max(m.end for m in item[1] if m.weight >= NAMING_WEIGHT or not naming), -item[0].order))[0]


def read_article_themes(tokens: ArticleTokens, taxonomy: Taxonomy, index: TermIndex) -> ArticleThemes:
    rules = taxonomy.scoring
    by_theme: dict[int, list[Match]] = defaultdict(list)
    for match in find_all_matches(index, tokens):
        by_theme[match.theme].append(match)
    sections = section_spans(tokens)
    strongest = strongest_by_unit(by_theme, rules)
    lead = brief_lead(tokens, rules)
    readings = [
        read_theme(tokens, taxonomy.themes[i], i, found, rules, sections, strongest, lead)
        for i, found in sorted(by_theme.items())
    ]
    readings.sort(key=lambda r: (-round(r.strength, 6), r.order))
    treated_readings = [r for r in readings if r.treats]
    primary = primary_reading(treated_readings)
    if primary is not None:
        treated_readings.remove(primary)
        treated_readings.insert(0, primary)
    treated = tuple(to_hit(tokens, r, rules) for r in treated_readings)
    mentioned = tuple(to_hit(tokens, r, rules) for r in readings if not r.treats)
    return ArticleThemes(treated, mentioned, treated[0].theme_id if treated else None)
