"""The enterprises known while the corpus is read, and how their names are recognised.

An affiliation is split into a chain of names — known names first (the curated file and names
seen before), else by their endings (…集团, …有限公司, …煤矿, …中心) — with the author's
department (党群工作部, 党政办, (工会) …) kept apart as the unit inside the last enterprise.
``山西焦煤霍州煤电集团丰峪煤业`` gives 山西焦煤集团 > 霍州煤电集团 > 丰峪煤业; each link of a
chain is evidence for a parent. Each name also gives the short forms a text may use for it
(without 集团 or 有限公司, without the province, 田陈煤矿/田陈矿).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Optional

from .data_files import EnterpriseKnowledge, NameRules

KIND_RANK = {"group": 0, "company": 1, "mine": 2, "unit": 3}
MINE_SUFFIXES = ("煤矿", "矿井", "矿", "煤业")


def normal(name: str) -> str:
    """The form names are compared in: ASCII brackets, no spaces."""
    return name.replace("（", "(").replace("）", ")").replace(" ", "").replace("\u3000", "")


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
    mastheads: dict[str, str] = field(default_factory=dict)
    """Parent id -> the paper whose masthead gave that parent (the unit printed bare on its page)."""
    masthead_votes: Counter = field(default_factory=Counter)
    """The share of ``parent_votes`` the mastheads cast."""

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
        self.scoped: dict[tuple[str, str], str] = {}
        """(owner id, a unit's bare name) -> the unit: names that hold only on the owner's paper's pages."""
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

    def lookup(self, name: str, owner: Optional[str] = None) -> Optional[str]:
        """The entity ``name`` names; on a page of ``owner``'s paper, its bare unit names first."""
        key = normal(name)
        return (owner is not None and self.scoped.get((owner, key))) or self.by_name.get(key) or self.derived.get(key)

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

    def is_sub_unit(self, name: str) -> bool:
        """A name ending like a unit below a company (炼油厂, 西铭矿, 检维修中心, 运输分公司, 综采一队)."""
        return normal(name).endswith((*self.unit_suffixes, *self.rules.team_suffixes))

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
        names = sorted({*self.by_name, *self.derived, *(bare for _, bare in self.scoped)}, key=lambda n: (-len(n), n))
        names = [n for n in names if len(n) >= 2]
        return re.compile("|".join(re.escape(n) for n in names)) if names else None
