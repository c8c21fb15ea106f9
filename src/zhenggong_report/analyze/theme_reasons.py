"""Why an article treats a theme: the decision rule, each reason written in Chinese.

An article *treats* a theme when

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
decides alone.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Optional

from .data_files import ScoringRules
from .theme_matches import Match, mass, term_weight
from .tokens import LEAD_MAX, ArticleTokens, Unit


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
