"""Where an article's text names enterprises: the aliases it defines, the known names it uses, and
new full legal names.

``山东能源集团财务有限公司(下称“山能财司”)`` defines an alias for the name before it. Every known
name, alias and short form is looked up in the text; names printed one after the other
(``山西焦煤集团西铭矿``) are parent evidence. A new full legal name (…有限责任公司, …股份有限公司,
…有限公司) becomes an enterprise once the POS tagger confirms a proper name in it; bare
集团/公司/矿 count only for names already known.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Optional

from ..segmenter import NAME_FLAGS, Segmenter
from .enterprise_registry import Registry
from .tokens import ArticleTokens

CLAUSE_BREAK = re.compile(r"[\s，。；：、,;:！？!?“”\"《》]")
DEFINITION = re.compile(
    r"[(（]\s*(?:以下简称|以下称|下称|简称)(?:为)?\s*[:：]?\s*[“\"「『]([^”\"」』]{1,16})[”\"」』]\s*[)）]"
)
MAX_NAME = 40


def same_length_normal(text: str) -> str:
    """Brackets made ASCII without moving any character (offsets stay valid)."""
    return text.replace("（", "(").replace("）", ")")


def definitions_in(text: str) -> Iterable[tuple[int, str]]:
    """``(position of the bracket, alias)`` for each ``(下称“…”)`` in ``text``."""
    for match in DEFINITION.finditer(text):
        yield match.start(), match.group(1).strip()


def name_before(registry: Registry, text: str, position: int, segmenter: Segmenter) -> Optional[str]:
    """The enterprise whose name ends right before ``position`` (known, or read off the clause)."""
    key = same_length_normal(text)
    for size in range(min(MAX_NAME, position), 1, -1):
        found = registry.lookup(key[position - size : position])
        if found:
            return found
    clause_start = max((m.end() for m in CLAUSE_BREAK.finditer(key, 0, position)), default=0)
    clause = trim_leading_words(text[clause_start:position], segmenter)
    if len(clause) < 3 or registry.is_generic(clause):
        return None
    affiliation = registry.read_affiliation(clause)
    return affiliation.chain[-1] if affiliation else None


def trim_leading_words(span: str, segmenter: Segmenter) -> str:
    """Drop what precedes a name in its clause (本文结合…, 我们与…, 推动…): leading stop words and
    words whose POS tag cannot stand in a name. Only called for short spans of unknown names."""
    words = segmenter.tag(span)
    while words and (segmenter.is_stopword(words[0][0]) or words[0][1] not in NAME_FLAGS or not words[0][0].strip()):
        words.pop(0)
    return "".join(word for word, _ in words)


def confirm_name(candidate: str, registry: Registry, segmenter: Segmenter) -> bool:
    """A new legal name must hold a proper-name word (place, organisation, abbreviation …)."""
    base = registry.base_of(candidate)
    if len(base) < 2 or registry.is_generic(base) or registry.is_generic(candidate):
        return False
    return any(flag in NAME_FLAGS and flag not in ("n", "m", "x") for _, flag in segmenter.tag(base))


@dataclass(frozen=True)
class MentionScan:
    counts: Counter
    chains: tuple[tuple[str, str], ...]
    """``(parent id, child id)`` for names printed one right after the other."""
    forms: tuple[tuple[str, str], ...]
    """``(entity id, the name as printed)`` for every name found, in order of appearance."""


def scan_mentions(
    registry: Registry, pattern: Optional["re.Pattern[str]"], tokens: ArticleTokens, segmenter: Segmenter,
    owner: Optional[str] = None,
) -> MentionScan:
    """The names an article's text uses; on a page of ``owner``'s paper its bare unit names are the owner's units."""
    counts: Counter = Counter()
    chains: list[tuple[str, str]] = []
    forms: list[tuple[str, str]] = []
    for unit in tokens.units:
        if unit.place == "keywords":
            continue
        text = same_length_normal(unit.text)
        covered: list[tuple[int, int]] = [m.span() for m in DEFINITION.finditer(text)]
        previous: Optional[tuple[str, int]] = None
        if pattern is not None:
            for match in pattern.finditer(text):
                entity_id = registry.lookup(match.group(0), owner)
                if entity_id is None or any(a <= match.start() and match.end() <= b for a, b in covered):
                    continue
                counts[entity_id] += 1
                forms.append((entity_id, unit.text[match.start() : match.end()]))
                covered.append(match.span())
                if previous and previous[1] == match.start() and previous[0] != entity_id:
                    chains.append((previous[0], entity_id))
                previous = (entity_id, match.end())
        for found in discover_legal_names(registry, unit.text, covered, segmenter):
            counts[found] += 1
    return MentionScan(counts, tuple(chains), tuple(forms))


def discover_legal_names(registry: Registry, text: str, covered: list[tuple[int, int]], segmenter: Segmenter) -> list[str]:
    """New full legal names (…有限公司) in a text, registered as enterprises when confirmed."""
    found = []
    key = same_length_normal(text)
    for match in registry.legal_pattern.finditer(key):
        end = match.end()
        if any(a < end <= b for a, b in covered):
            continue
        clause_start = max((m.end() for m in CLAUSE_BREAK.finditer(key, 0, match.start())), default=0)
        candidate = trim_leading_words(text[clause_start:end], segmenter)
        if len(candidate) <= len(match.group(0)) + 1 or not confirm_name(candidate, registry, segmenter):
            continue
        affiliation = registry.read_affiliation(candidate)
        if affiliation:
            found.append(affiliation.chain[-1])
    return found
