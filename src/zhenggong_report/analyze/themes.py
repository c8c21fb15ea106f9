"""Themes: which articles treat which theme, how strongly, and the sentences that show it.

Terms of the taxonomy are found in the article's tokens (a term must begin and end on word
boundaries, or lie inside one compound word; at any character the longest term of a theme wins).
Where a term stands weighs: the title counts ``title`` times its weight, a heading or a run-in
heading ``heading`` times. The decision rule — an article *treats* a theme when

* ``标题点明``: the title names it and the body carries it on (body mass >= ``section``), or
* ``小节``: a heading names it and its section's text carries it on (mass >= ``section``); a text
  paragraph that is one short sentence (三是优化动态评估改进机制。) heads the paragraphs after it, or
* ``分点``: a run-in heading names it — a paragraph's short opening sentence, or an enumerated
  sub-point inside a paragraph (一是打造线上政工阵地。 up to 二是…), or the first clause of a long
  enumerated sentence — and its sub-point carries it on (mass >= ``section``), or
* ``成段论述``: one paragraph is a sustained passage about it: mass >= ``passage`` from two terms or
  more in two sentences or ``；`` clauses or more (one sentence needs twice the mass), and at least
  ``share`` of the mass of the theme strongest in that paragraph — a side remark inside another
  theme's passage (党员示范岗 listed in a passage on 支部建设) is no passage of its own, or
* ``导语点明``: the article is a short piece (a news item: at most ``brief_characters`` of body) and
  its lead sentence — the first sentence of its first paragraph, which says who did what — names
  the theme, its terms there and in the title weighing ``brief_lead`` or more at their own weights (a
  term that alone names it, or strong signs together; see :func:`lead_reason`);

otherwise its terms are a mere mention, however many paragraphs they are scattered over:
``贯穿`` (``spread`` paragraphs at ``density``) is added as support to a theme already treated, never
decides alone. Weights grow less with each repetition of the same term (``weight × (1 + ln count)``),
so one word said ten times does not make a theme. Every decision is written, in Chinese, into the
link's ``reasons``.

The primary theme (:func:`primary_reading`) is the treated theme the title names — a term that
alone names a theme before a weaker sign, and of several the one named last (the head of a Chinese
noun phrase) — else the strongest.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Mapping, NamedTuple, Optional

from ..models import Evidence, ThemeDefinition, ThemeHit
from .data_files import ScoringRules, Taxonomy
from .tokens import LEAD_MAX, ArticleTokens, Unit, clip_context

NAMING_WEIGHT = 3.0
"""A term this heavy alone names its theme (see the weights in ``themes.toml``)."""

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


def is_standalone_head(unit: Unit) -> bool:
    """A text paragraph that is one short sentence (三是优化动态评估改进机制。) heads what follows it."""
    return unit.place == "text" and len(unit.sentences) == 1 and len(unit.text.strip()) <= LEAD_MAX


def section_spans(tokens: ArticleTokens) -> list[tuple[int, list[int]]]:
    """For each heading, its unit index and the units of its section (up to the next heading of its
    level). A standalone one-sentence paragraph heads the paragraphs up to the next heading of any kind."""
    units = tokens.units
    spans = []
    for i, unit in enumerate(units):
        standalone = is_standalone_head(unit)
        if unit.place != "heading" and not standalone:
            continue
        members = [i]
        for j in range(i + 1, len(units)):
            other = units[j]
            if other.place == "heading" and (standalone or other.level <= unit.level):
                break
            if standalone and is_standalone_head(other):
                break
            members.append(j)
        if len(members) > 1:
            spans.append((i, members))
    return spans


def clause_index(unit: Unit, offset: int) -> tuple[int, int]:
    """The sentence and ``；``-clause an offset stands in (a list of clauses reads as several sentences)."""
    sentence = unit.sentence_index(offset)
    start = unit.sentences[sentence][0] if unit.sentences else 0
    return sentence, unit.text.count("；", start, offset) + unit.text.count(";", start, offset)


def is_passage(unit: Unit, matches: list[Match], paragraph_mass: float, strongest: float, rules: ScoringRules) -> bool:
    """A sustained passage: two terms or more over two sentences (or ``；`` clauses) or more, or one very
    dense sentence, in a paragraph where the theme is not a side remark of another theme's passage."""
    if len({m.term for m in matches}) < 2 or paragraph_mass < rules.passage:
        return False
    if paragraph_mass < rules.share * strongest:
        return False
    clauses = {clause_index(unit, m.start) for m in matches}
    return len(clauses) >= 2 or paragraph_mass >= 2 * rules.passage


def point_reasons(unit: Unit, here: list[Match], rules: ScoringRules) -> list[str]:
    """Run-in headings (一是完善信访工作体系。) that name the theme while their sub-point carries it on."""
    reasons = []
    for start, head_end, end in unit.points:
        inside = [m for m in here if start <= m.start < end]
        named = any(m.start < head_end for m in inside)
        carried = any(m.start >= head_end for m in inside)
        if named and carried and mass(inside, rules) >= rules.section:
            reasons.append(f"分点 ¶{unit.paragraph}“{_short(unit.text[start:head_end].strip())}”")
    return reasons


def brief_lead(tokens: ArticleTokens, rules: ScoringRules) -> Optional[tuple[int, int, bool]]:
    """The lead sentence of a short piece: ``(unit index, end offset, printed title)`` of the first
    sentence of its first text paragraph and whether the piece has a title of its own (an inferred
    one is read off the lead: its words would count twice), or None when the article is longer than ``brief_characters``, has no text, or
    is a part of an article whose beginning is elsewhere (``partial``, ``continued_from``: no lead).

    A news item (本报讯, an item of a 简讯 column, often printed without a title) is too short for a
    section or a sustained passage, and the title, when there is one, is often missing; but news is
    written lead first: the opening sentence says who did what (``化肥厂工会为一线倒班职工送去“冬日暖心包”
    1200余份。``), so in a short piece it stands beside the title. In a long article the first sentence
    is an opening like any other and weighs nothing more.
    """
    article = tokens.article
    if tokens.characters > rules.brief_characters or article.partial or article.continued_from:
        return None
    for index, unit in enumerate(tokens.units):
        if unit.place == "text" and unit.text.strip():
            return index, (unit.sentences[0][1] if unit.sentences else len(unit.text)), not article.title_inferred
    return None


def lead_reason(matches: list[Match], lead: Optional[tuple[int, int, bool]], rules: ScoringRules) -> Optional[str]:
    """``导语点明``: a short piece's lead sentence (:func:`brief_lead`) names the theme, and the theme's
    terms there and in the title together weigh ``brief_lead`` or more (each at its own weight, a
    repeated term adding less): one term that alone names the theme (工会, 信访, 数字化转型), or a
    strong sign said twice, with others, or in a printed title as well (a title the parser read off
    the lead repeats the lead's own words, and adds nothing). One strong sign in the lead alone is not enough, since a lead also
    sets the scene (在转型升级期间开展…, 组织各党支部对…); a theme the lead does not name is a mention
    however the rest of the piece names it (…公司工会、团委负责人参加会议。)."""
    if lead is None:
        return None
    unit, end, printed_title = lead
    here = [m for m in matches if m.unit == unit and m.start < end]
    if not here:
        return None
    title = [m for m in matches if m.place == "title"] if printed_title else []
    if term_weight(here) + term_weight(title) < rules.brief_lead:
        return None
    return f"导语点明（{'、'.join(dict.fromkeys(m.term for m in here))}）"


def treat_reasons(
    tokens: ArticleTokens,
    matches: list[Match],
    rules: ScoringRules,
    sections: list[tuple[int, list[int]]],
    strongest: Optional[dict[int, float]] = None,
    lead: Optional[tuple[int, int, bool]] = None,
) -> tuple[list[str], float]:
    """Why the article treats the theme (empty for a mention), and the body's density.

    ``strongest``: per unit, the mass of the strongest theme there (for the passage rule's share);
    ``lead``: a short piece's lead sentence (:func:`brief_lead`), None for a long article.
    """
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
        reasons.append(f"标题点明（{'、'.join(sorted({m.term for m in title_matches}))}）")
    led = lead_reason(matches, lead, rules)
    if led is not None:
        reasons.append(led)

    for head, members in sections:
        if not by_unit.get(head):
            continue
        section = [m for i in members for m in by_unit.get(i, ())]
        if any(m.place == "text" and m.unit != head for m in section) and mass(section, rules) >= rules.section:
            reasons.append(f"小节 ¶{units[head].paragraph}“{_short(units[head].text.strip())}”")

    for i in sorted(by_unit):
        unit, here = units[i], by_unit[i]
        if unit.place != "text":
            continue
        found = point_reasons(unit, here, rules)
        reasons.extend(found)
        if found:
            continue
        paragraph_mass = mass(here, rules)
        top = (strongest or {}).get(i, paragraph_mass)
        if is_passage(unit, here, paragraph_mass, top, rules):
            reasons.append(f"成段论述 ¶{unit.paragraph}（权重 {paragraph_mass:.1f}）")

    paragraphs = {units[m.unit].paragraph for m in text_only}
    density = body_mass / max(tokens.characters, 1000) * 1000
    if reasons and len(paragraphs) >= rules.spread and density >= rules.density:  # supports, never decides
        reasons.append(f"贯穿 {len(paragraphs)} 段（每千字权重 {density:.1f}）")
    return reasons, density


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


def find_all_matches(index: TermIndex, tokens: ArticleTokens) -> list[Match]:
    found: list[Match] = []
    for unit_index, unit in enumerate(tokens.units):
        found.extend(index.matches(unit, unit_index))
    return found


def strongest_by_unit(by_theme: dict[int, list[Match]], rules: ScoringRules) -> dict[int, float]:
    """Per unit, the mass of the theme strongest there."""
    strongest: dict[int, float] = {}
    for found in by_theme.values():
        by_unit: dict[int, list[Match]] = defaultdict(list)
        for match in found:
            by_unit[match.unit].append(match)
        for unit, here in by_unit.items():
            strongest[unit] = max(strongest.get(unit, 0.0), mass(here, rules))
    return strongest


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
