"""Themes: which articles treat which theme, how strongly, and the sentences that show it.

Terms of the taxonomy are found in the article's tokens (a term must begin and end on word
boundaries, or lie inside one compound word). An article *treats* a theme when

* its title, a heading or a paragraph's run-in heading names the theme and that section's text
  carries it on (``section``), or
* one paragraph is a sustained passage about it (``passage``: enough weight, two terms or more
  over two sentences or more — a single sentence needs twice the weight), or
* the theme's terms recur across several paragraphs at a useful density (``spread``);

otherwise a hit is a mere mention. Weights grow less with each repetition of the same term
(``weight × (1 + ln count)``), so one word said ten times does not make a theme.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, NamedTuple, Optional

from ..models import Evidence, ThemeDefinition, ThemeHit
from .data_files import ScoringRules, Taxonomy
from .tokens import ArticleTokens, Unit, clip_context

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


def mass(matches: Iterable[Match], rules: ScoringRules) -> float:
    """Weighted presence: each term's mean boosted weight × (1 + ln count)."""
    factors = rules.place_factors
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


def _short(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def section_spans(tokens: ArticleTokens) -> list[tuple[int, list[int]]]:
    """For each heading, its unit index and the units of its section (up to the next heading of its level)."""
    units = tokens.units
    spans = []
    for i, unit in enumerate(units):
        if unit.place != "heading":
            continue
        members = [i]
        for j in range(i + 1, len(units)):
            if units[j].place == "heading" and units[j].level <= unit.level:
                break
            members.append(j)
        spans.append((i, members))
    return spans


def is_passage(unit: Unit, matches: list[Match], paragraph_mass: float, rules: ScoringRules) -> bool:
    """A sustained passage: two terms or more over two sentences or more, or one very dense sentence."""
    if len({m.term for m in matches}) < 2 or paragraph_mass < rules.passage:
        return False
    sentences = {unit.sentence_index(m.start) for m in matches}
    return len(sentences) >= 2 or paragraph_mass >= 2 * rules.passage


def treat_reasons(
    tokens: ArticleTokens, matches: list[Match], rules: ScoringRules, sections: list[tuple[int, list[int]]]
) -> tuple[list[str], float]:
    """Why the article treats the theme (empty for a mention), and the body's density."""
    units = tokens.units
    by_unit: dict[int, list[Match]] = defaultdict(list)
    for match in matches:
        by_unit[match.unit].append(match)
    body = [m for m in matches if units[m.unit].place in ("text", "heading")]
    text_only = [m for m in body if m.place == "text"]
    reasons: list[str] = []

    body_mass = mass(body, rules)
    title_matches = [m for m in matches if m.place == "title"]
    if title_matches and text_only and body_mass >= rules.section:
        reasons.append(f"title names it ({', '.join(sorted({m.term for m in title_matches}))})")

    for head, members in sections:
        if not by_unit.get(head):
            continue
        section = [m for i in members for m in by_unit.get(i, ())]
        if any(m.place == "text" for m in section) and mass(section, rules) >= rules.section:
            reasons.append(f"section ¶{units[head].paragraph} “{_short(units[head].text)}”")

    for i in sorted(by_unit):
        unit, here = units[i], by_unit[i]
        if unit.place != "text":
            continue
        lead = any(m.place == "lead" for m in here)
        if not lead and len({m.term for m in here}) < 2:
            continue  # no run-in heading, and a passage needs two terms
        paragraph_mass = mass(here, rules)
        if lead and any(m.place == "text" for m in here) and paragraph_mass >= rules.section:
            reasons.append(f"run-in heading ¶{unit.paragraph} “{_short(unit.text[: unit.lead_end])}”")
        elif is_passage(unit, here, paragraph_mass, rules):
            reasons.append(f"passage ¶{unit.paragraph} (weight {paragraph_mass:.1f})")

    paragraphs = {units[m.unit].paragraph for m in text_only}
    density = body_mass / max(tokens.characters, 1000) * 1000
    if len(paragraphs) >= rules.spread and density >= rules.density:
        reasons.append(f"spread over {len(paragraphs)} paragraphs ({density:.1f} per 1,000 characters)")
    return reasons, density


def read_theme(
    tokens: ArticleTokens,
    theme: ThemeDefinition,
    order: int,
    matches: list[Match],
    rules: ScoringRules,
    sections: list[tuple[int, list[int]]],
) -> ThemeReading:
    reasons, _ = treat_reasons(tokens, matches, rules, sections)
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
    """Strongest first."""
    mentioned: tuple[ThemeHit, ...]
    primary: Optional[str]


def find_all_matches(index: TermIndex, tokens: ArticleTokens) -> list[Match]:
    found: list[Match] = []
    for unit_index, unit in enumerate(tokens.units):
        found.extend(index.matches(unit, unit_index))
    return found


def read_article_themes(tokens: ArticleTokens, taxonomy: Taxonomy, index: TermIndex) -> ArticleThemes:
    rules = taxonomy.scoring
    by_theme: dict[int, list[Match]] = defaultdict(list)
    for match in find_all_matches(index, tokens):
        by_theme[match.theme].append(match)
    sections = section_spans(tokens)
    readings = [read_theme(tokens, taxonomy.themes[i], i, found, rules, sections) for i, found in sorted(by_theme.items())]
    readings.sort(key=lambda r: (-round(r.strength, 6), r.order))
    treated = tuple(to_hit(tokens, r, rules) for r in readings if r.treats)
    mentioned = tuple(to_hit(tokens, r, rules) for r in readings if not r.treats)
    return ArticleThemes(treated, mentioned, treated[0].theme_id if treated else None)
