"""Enterprises: who wrote from where, and which enterprises the articles speak of.

Read in three passes over the corpus:

1. Affiliations. Each is split into a chain of names — known names first (the curated file and
   names seen before), else by their endings (…集团, …有限公司, …煤矿, …中心) — with the author's
   department (党群工作部, 党政办, (工会) …) kept apart as the unit inside the last enterprise.
   ``山西焦煤霍州煤电集团丰峪煤业`` gives 山西焦煤集团 > 霍州煤电集团 > 丰峪煤业; each link of a
   chain is evidence for a parent.
2. Names defined by the text itself: ``山东能源集团财务有限公司(下称“山能财司”)``.
3. Mentions: every known name, its defined aliases and its derived short forms (without 集团 or
   有限公司, without the province, 田陈煤矿/田陈矿) are looked up in the text; names printed one
   after the other (``山西焦煤集团西铭矿``) are parent evidence too. A new full legal name
   (…有限责任公司, …股份有限公司, …有限公司) found in the text becomes an enterprise once the POS
   tagger confirms a proper name in it; bare 集团/公司/矿 count only for names already known.

Each enterprise's parent is the curated one, else the most specific one the evidence names
(西铭矿 under 西山煤电 rather than directly under 山西焦煤集团).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Optional

from ..models import Enterprise, EnterpriseLink
from ..segmenter import NAME_FLAGS, Segmenter
from .data_files import EnterpriseKnowledge, NameRules
from .tokens import ArticleTokens

KIND_RANK = {"group": 0, "company": 1, "mine": 2, "unit": 3}
MINE_SUFFIXES = ("煤矿", "矿井", "矿", "煤业")
CLAUSE_BREAK = re.compile(r"[\s，。；：、,;:！？!?“”\"《》]")
DEFINITION = re.compile(
    r"[(（]\s*(?:以下简称|以下称|下称|简称)(?:为)?\s*[:：]?\s*[“\"「『]([^”\"」』]{1,16})[”\"」』]\s*[)）]"
)
MAX_NAME = 40


def normal(name: str) -> str:
    """The form names are compared in: ASCII brackets, no spaces."""
    return name.replace("（", "(").replace("）", ")").replace(" ", "").replace("\u3000", "")


def same_length_normal(text: str) -> str:
    """Brackets made ASCII without moving any character (offsets stay valid)."""
    return text.replace("（", "(").replace("）", ")")


def slug_id(name: str) -> str:
    return "e-" + hashlib.sha1(normal(name).encode("utf-8")).hexdigest()[:8]


@dataclass
class Entity:
    """An enterprise while the corpus is read."""

    id: str
    name: str
    kind: str
    names: list[str] = field(default_factory=list)
    """Every name printed, curated or defined for it, first seen first."""
    curated_parent: Optional[str] = None
    parent_votes: Counter = field(default_factory=Counter)

    def add_name(self, name: str) -> None:
        if name and name not in self.names:
            self.names.append(name)


@dataclass(frozen=True)
class Affiliation:
    """An affiliation read as a chain of enterprises plus the department inside the last one."""

    chain: tuple[str, ...]
    """Entity ids, outermost first."""
    unit: Optional[str]


class Registry:
    """All enterprises known so far and how to recognise their names."""

    def __init__(self, knowledge: EnterpriseKnowledge) -> None:
        self.rules: NameRules = knowledge.names
        self.entities: dict[str, Entity] = {}
        self.by_name: dict[str, str] = {}
        self.derived: dict[str, str] = {}
        self.max_name = 2
        suffixes = sorted(self.rules.company_suffixes, key=len, reverse=True)
        self.company_pattern = re.compile(
            "(.{2,}?)(" + "|".join(re.escape(normal(s)) for s in suffixes) + r")(?![有股公)])"
        )
        self.departments = sorted(self.rules.departments, key=len, reverse=True)
        self.unit_suffixes = tuple(sorted(self.rules.unit_suffixes, key=len, reverse=True))
        self.legal_pattern = re.compile("|".join(re.escape(s) for s in sorted(self.rules.legal_suffixes, key=len, reverse=True)))
        for item in knowledge.enterprises:
            entity = Entity(item.id, item.name, item.kind or self.kind_of(item.name), curated_parent=item.parent)
            self.entities[item.id] = entity
            for name in (item.name, *item.aliases):
                self.register(name, item.id)

    # --- names -------------------------------------------------------------------------------

    def register(self, name: str, entity_id: str) -> None:
        key = normal(name)
        if not key:
            return
        self.by_name.setdefault(key, entity_id)
        self.entities[entity_id].add_name(name)
        self.max_name = max(self.max_name, len(key))

    def lookup(self, name: str) -> Optional[str]:
        key = normal(name)
        return self.by_name.get(key) or self.derived.get(key)

    def known_at(self, text: str, position: int) -> Optional[tuple[str, int]]:
        """The longest known name starting at ``position``: its entity id and end."""
        for size in range(min(self.max_name, len(text) - position), 1, -1):
            found = self.by_name.get(normal(text[position : position + size]))
            if found:
                return found, position + size
        return None

    def kind_of(self, name: str) -> str:
        key = normal(name)
        match = self.company_pattern.fullmatch(key)
        if match:
            return "group" if "集团" in match.group(2) else "company"
        if key.endswith(MINE_SUFFIXES):
            return "mine"
        if key.endswith("公司"):
            return "company"
        if key.endswith("集团"):
            return "group"
        return "unit"

    def base_of(self, name: str) -> str:
        """The name without its ending (公司, 集团, 煤矿 …)."""
        key = normal(name)
        match = self.company_pattern.fullmatch(key)
        if match:
            return match.group(1)
        for suffix in self.unit_suffixes:
            if key.endswith(suffix) and len(key) > len(suffix):
                return key[: -len(suffix)]
        return key

    def is_generic(self, name: str) -> bool:
        return normal(name) in self.rules.generic

    def names_no_enterprise(self, segment: str) -> bool:
        """A generic name (公司, 集团公司), a department (党委, 信访办) or a team's designation alone
        (综采一队, 运行二车间: ``[names] team_suffixes``, which many enterprises share; 桃园煤矿综采一队
        names its mine): no enterprise of its own."""
        name = normal(segment)
        return self.is_generic(segment) or name in self.rules.departments or self.is_team_alone(name)

    def is_team_alone(self, name: str) -> bool:
        return name.endswith(self.rules.team_suffixes) and not any(unit in name[:-1] for unit in self.rules.unit_suffixes)

    def needs_parent_name(self, segment: str) -> bool:
        """True when a segment says nothing alone (财务有限公司, 太原有限公司): show it with its parent.

        A company needs a name of its own beyond a place of two characters; a mine or unit is
        usually named by its place alone (田陈煤矿, 西铭矿).
        """
        if self.is_generic(segment):
            return True
        base = re.sub(r"\(.*?\)", "", self.base_of(segment))
        if self.kind_of(segment) in ("mine", "unit"):
            return len(base) <= 1 or self.is_generic(base)
        for word in self.rules.trade_words:
            if base.endswith(word) and len(base) > len(word):
                base = base[: -len(word)]
        return len(base) <= 2 or self.is_generic(base)

    # --- affiliations ------------------------------------------------------------------------

    def strip_departments(self, text: str) -> tuple[str, Optional[str]]:
        units: list[str] = []
        changed = True
        while changed:
            changed = False
            for department in self.departments:
                for form in (f"({department})", f"（{department}）", department):
                    if text.endswith(form) and len(text) > len(form) + 1:
                        units.insert(0, form)
                        text = text[: -len(form)].rstrip()
                        changed = True
                        break
                if changed:
                    break
        return text, ("".join(units) or None)

    def split_chain(self, text: str) -> list[tuple[str, Optional[str]]]:
        """``(printed segment, known entity id or None)`` from the outermost enterprise inwards."""
        key = normal(text)
        segments: list[tuple[str, Optional[str]]] = []
        position = 0
        while position < len(key):
            known = self.known_at(key, position)
            if known:
                segments.append((text[position : known[1]], known[0]))
                position = known[1]
                continue
            match = self.company_pattern.match(key, position)
            if match:
                segments.append((text[position : match.end()], None))
                position = match.end()
                continue
            segments.append((text[position:], None))
            break
        return [(segment.strip(), entity) for segment, entity in segments if segment.strip()]

    def entity_for(self, segment: str, parent: Optional[tuple[str, str]]) -> str:
        """The entity a printed segment names, created when new. ``parent`` is (id, printed form)."""
        found = self.lookup(segment)
        if found:
            return found
        name = segment
        if parent is not None and self.needs_parent_name(segment):
            name = parent[1] + segment
            found = self.lookup(name)
            if found:
                return found
        entity_id = slug_id(name)
        if entity_id not in self.entities:
            self.entities[entity_id] = Entity(entity_id, name, self.kind_of(segment))
        self.register(name, entity_id)
        return entity_id

    def read_affiliation(self, text: str) -> Optional[Affiliation]:
        """Split an affiliation into its enterprises (registering new ones) and the department. A
        generic name or a department with no enterprise named before it (公司工会, 集团公司团委,
        党委组织部, 信访办: the writer's own company, unnamed) names no enterprise."""
        body, unit = self.strip_departments(text.strip())
        body = next((body[len(p) :] for p in self.rules.party_prefixes if body.startswith(p) and len(body) > len(p)), body)
        chain: list[str] = []
        parent: Optional[tuple[str, str]] = None
        for segment, known in self.split_chain(body):
            if known is None and parent is None and self.names_no_enterprise(segment):
                continue
            entity_id = known or self.entity_for(segment, parent)
            if parent is not None and parent[0] != entity_id:
                self.entities[entity_id].parent_votes[parent[0]] += 1
            if not chain or chain[-1] != entity_id:
                chain.append(entity_id)
            parent = (entity_id, segment)
        if not chain:
            return None
        if len(chain) > 1:
            self.register(body, chain[-1])
        return Affiliation(tuple(chain), unit)

    # --- derived short forms -----------------------------------------------------------------

    def short_forms(self, entity: Entity) -> set[str]:
        """Forms a text may use for an entity's names: 霍州煤电 for 霍州煤电集团, 枣庄联创公司 for
        枣庄联创实业有限责任公司, 八一煤电化公司 for 山东八一煤电化有限公司, 田陈矿 for 田陈煤矿."""
        forms: set[str] = set()
        for name in entity.names:
            key = normal(name)
            match = self.company_pattern.fullmatch(key)
            if match:
                base, suffix = match.group(1), match.group(2)
                bases = {base}
                for province in self.rules.provinces:
                    if base.startswith(province) and len(base) - len(province) >= 3:
                        bases.add(base[len(province) :])
                for word in self.rules.trade_words:
                    for b in list(bases):
                        if b.endswith(word) and len(b) - len(word) >= 3:
                            bases.add(b[: -len(word)])
                for b in bases:
                    forms.add(b + "公司")
                    if "集团" in suffix:
                        forms.add(b + "集团")
                        if len(b) >= 4:
                            forms.add(b)
            elif key.endswith("煤矿") and len(key) >= 4:
                forms.add(key[:-2] + "矿")
            elif key.endswith("矿") and not key.endswith("煤矿") and len(key) >= 3:
                forms.add(key[:-1] + "煤矿")
        return {f for f in forms if len(f) >= 3 and not self.is_generic(f) and f not in self.by_name}

    def derive_short_forms(self) -> None:
        owners: dict[str, set[str]] = defaultdict(set)
        for entity in self.entities.values():
            for form in self.short_forms(entity):
                owners[form].add(entity.id)
        self.derived = {form: next(iter(ids)) for form, ids in owners.items() if len(ids) == 1}

    def matcher(self) -> Optional["re.Pattern[str]"]:
        names = sorted({*self.by_name, *self.derived}, key=lambda n: (-len(n), n))
        names = [n for n in names if len(n) >= 2]
        return re.compile("|".join(re.escape(n) for n in names)) if names else None


# --- the passes over the corpus ------------------------------------------------------------------


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
    registry: Registry, pattern: Optional["re.Pattern[str]"], tokens: ArticleTokens, segmenter: Segmenter
) -> MentionScan:
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
                entity_id = registry.lookup(match.group(0))
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


# --- hierarchy -----------------------------------------------------------------------------------


def resolve_parents(registry: Registry) -> dict[str, Optional[str]]:
    """Curated parents first; otherwise the most specific parent the evidence names."""
    entities = registry.entities
    parent: dict[str, Optional[str]] = {e.id: e.curated_parent for e in entities.values()}

    def ancestors(entity_id: str) -> list[str]:
        chain, seen, current = [], {entity_id}, parent.get(entity_id)
        while current is not None and current not in seen:
            chain.append(current)
            seen.add(current)
            current = parent.get(current)
        return chain

    for _ in range(len(entities)):
        changed = False
        for entity in sorted(entities.values(), key=lambda e: e.id):
            if entity.curated_parent is not None:
                continue
            options = [c for c in entity.parent_votes if c != entity.id and entity.id not in ancestors(c)]
            if not options:
                continue
            best = max(options, key=lambda c: (len(ancestors(c)), entity.parent_votes[c], entities[c].name))
            if parent[entity.id] != best:
                parent[entity.id] = best
                changed = True
        if not changed:
            break
    return parent


def ordered_entities(registry: Registry, parent: dict[str, Optional[str]], used: set[str]) -> list[Entity]:
    """Groups first, each followed by its descendants (by kind, then name)."""
    children: dict[Optional[str], list[Entity]] = defaultdict(list)
    for entity in registry.entities.values():
        if entity.id in used:
            children[parent[entity.id] if parent[entity.id] in used else None].append(entity)
    out: list[Entity] = []

    def walk(node: Optional[str]) -> None:
        for child in sorted(children.get(node, ()), key=lambda e: (KIND_RANK.get(e.kind, 9), e.name, e.id)):
            out.append(child)
            walk(child.id)

    walk(None)
    return out


def needed_entities(registry: Registry, parent: dict[str, Optional[str]], linked: set[str]) -> set[str]:
    """The linked enterprises and all their ancestors (curated ones nobody mentions are left out)."""
    used: set[str] = set()
    for entity_id in linked:
        current: Optional[str] = entity_id
        while current is not None and current not in used:
            used.add(current)
            current = parent.get(current)
    return used


# --- the stage -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class EnterpriseReading:
    enterprises: tuple[Enterprise, ...]
    links: dict[str, tuple[EnterpriseLink, ...]]
    """Article id -> its enterprises, the author's first, then by how often they are named."""


def read_enterprises(
    corpus_tokens: tuple[ArticleTokens, ...], knowledge: EnterpriseKnowledge, segmenter: Segmenter
) -> EnterpriseReading:
    registry = Registry(knowledge)
    affiliations: dict[str, Optional[Affiliation]] = {}
    for tokens in corpus_tokens:
        article = tokens.article
        affiliations[article.id] = registry.read_affiliation(article.affiliation) if article.affiliation else None

    for tokens in corpus_tokens:
        for unit in tokens.units:
            for position, alias in definitions_in(unit.text):
                owner = name_before(registry, unit.text, position, segmenter)
                if owner and not registry.lookup(alias):
                    registry.register(alias, owner)

    registry.derive_short_forms()
    pattern = registry.matcher()
    scans = {}
    for tokens in corpus_tokens:
        scan = scan_mentions(registry, pattern, tokens, segmenter)
        for parent_id, child_id in scan.chains:
            if KIND_RANK[registry.entities[parent_id].kind] <= KIND_RANK[registry.entities[child_id].kind]:
                registry.entities[child_id].parent_votes[parent_id] += 1
        scans[tokens.article.id] = scan

        for entity_id, form in scan.forms:
            registry.entities[entity_id].add_name(form)

    parent = resolve_parents(registry)
    links: dict[str, tuple[EnterpriseLink, ...]] = {}
    linked: set[str] = set()
    for tokens in corpus_tokens:
        article_id = tokens.article.id
        counts = scans[article_id].counts
        entries: list[EnterpriseLink] = []
        affiliation = affiliations[article_id]
        own = affiliation.chain[-1] if affiliation else None
        if own is not None:
            entries.append(EnterpriseLink(own, registry.entities[own].name, "affiliation", counts.get(own, 0), affiliation.unit))
        mentioned = sorted(
            (e for e in counts if e != own), key=lambda e: (-counts[e], registry.entities[e].name, e)
        )
        entries.extend(EnterpriseLink(e, registry.entities[e].name, "mention", counts[e]) for e in mentioned)
        links[article_id] = tuple(entries)
        linked.update(link.enterprise_id for link in entries)

    used = needed_entities(registry, parent, linked)
    enterprises = tuple(
        Enterprise(
            id=entity.id,
            name=entity.name,
            aliases=tuple(sorted({n for n in entity.names if normal(n) != normal(entity.name)}, key=lambda n: (len(n), n))),
            parent=parent[entity.id],
            kind=entity.kind,
        )
        for entity in ordered_entities(registry, parent, used)
    )
    return EnterpriseReading(enterprises, links)
