"""Whose paper a page is, and the bare units on it that belong to that enterprise.

A paper prints its own enterprise's units bare: on a page of 兰化集团报 a byline or a brief's
credit says 炼油厂 or （动力厂）, never 兰化集团公司炼油厂. The page's masthead names the enterprise
(:func:`paper_owner`): the publisher it prints (``中国石油兰州石化公司主办``, ``枣庄矿业集团　枣矿报``),
else the paper's entry in ``enterprises.toml`` ``[papers]``, else the paper's name less its ending
(``layout.toml`` ``[masthead] endings``) when that is a known name (枣矿工人报 → 枣矿, 兰化集团报 →
兰化集团). An affiliation on that page that begins with a bare unit (a name ending like one:
``[names] unit_suffixes``, ``team_suffixes``) which no page prints under an enterprise and the data
file does not know is read as that enterprise's unit (:func:`owned_affiliation`): a unit of its own,
兰化集团公司炼油厂, whose parent the masthead gave. Never a unit known elsewhere, never on a page
whose masthead names no enterprise, and only on that page: the bare 炼油厂 of another paper, or of a
page with no masthead, is another unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, Optional

from ..models.parsed import PageNote
from .enterprise_registry import Affiliation, Entity, Registry, normal, slug_id


@dataclass(frozen=True)
class Masthead:
    """What a page's masthead prints of whose paper it is."""

    newspaper: Optional[str]
    publisher: Optional[str]
    """``中国石油兰州石化公司`` of ``…主办``, or the name printed beside the paper's."""
    stem: Optional[str]
    """The paper's name less its ending (枣矿 of 枣矿工人报), or None."""

    @property
    def paper(self) -> str:
        """How the report names the masthead: the paper, else its publisher line."""
        return self.newspaper or f"{self.publisher}主办"


def page_mastheads(pages: Iterable[PageNote], endings: Iterable[str]) -> dict[str, Masthead]:
    """File -> its masthead, for every page whose masthead prints a paper's name or a publisher."""
    endings = sorted(endings, key=len, reverse=True)
    found = {}
    for page in pages:
        paper, publisher = page.meta.newspaper, page.meta.publisher
        if paper or publisher:
            stem = next((paper[: -len(e)] for e in endings if paper and paper.endswith(e) and len(paper) > len(e) + 1), None)
            found[page.file] = Masthead(paper, publisher, stem)
    return found


@dataclass(frozen=True)
class PaperOwner:
    """The enterprise whose paper a page is."""

    entity: str
    printed: str
    """Its short name, what its bare units' names are prefixed with (兰化集团炼油厂, 兰州石化动力厂)."""
    paper: str


def paper_owner(registry: Registry, masthead: Masthead, papers: Mapping[str, str]) -> Optional[PaperOwner]:
    """The enterprise the masthead names, or None when it names none (中国煤炭报, 华电之声)."""
    entity_id, printed = None, None
    if masthead.publisher:
        read = registry.read_affiliation(masthead.publisher)
        entity_id = read.chain[-1] if read else None
    if entity_id is None and masthead.newspaper in papers:
        entity_id = papers[masthead.newspaper]
    if entity_id is None and masthead.stem and not registry.is_generic(masthead.stem):
        entity_id, printed = registry.lookup(masthead.stem), masthead.stem
    if entity_id is None:
        return None
    return PaperOwner(entity_id, short_name(registry, entity_id, printed), masthead.paper)


def short_name(registry: Registry, entity_id: str, printed: Optional[str]) -> str:
    """The shortest of an enterprise's names (and the masthead's) that says something alone (four
    characters or more): 兰州石化 of 中国石油兰州石化公司, 枣矿集团 of 枣庄矿业(集团)有限责任公司."""
    entity = registry.entities[entity_id]
    names = [n for n in (printed, *entity.names) if n and len(normal(n)) >= 4 and not registry.is_generic(n)]
    return min(names, key=lambda n: len(normal(n))) if names else entity.name


def is_bare(registry: Registry, entity: Entity, curated: set[str]) -> bool:
    """A unit no page prints under an enterprise and the data file does not know (炼油厂, 动力厂)."""
    return (
        entity.id not in curated and entity.curated_parent is None and not entity.parent_votes
        and registry.is_sub_unit(entity.name)
    )


def owned_affiliation(
    registry: Registry, owner: PaperOwner, printed: str, read: Optional[Affiliation], curated: set[str]
) -> Optional[Affiliation]:
    """The affiliation ``printed`` on a page of ``owner``'s paper, its bare unit read as the owner's
    (``炼油厂`` → 兰化集团公司 > 兰化集团公司炼油厂; ``综采一队党支部`` → 枣矿集团 > 枣矿综采一队, unit
    党支部), or None when it begins with no bare unit (``read``, as read alone, stands)."""
    if read is not None:
        first = registry.entities[read.chain[0]]
        if first.id == owner.entity or not is_bare(registry, first, curated):
            return None
        bare, rest, unit = first.name, read.chain[1:], read.unit
    else:
        body, unit = registry.strip_departments(printed.strip())
        if not registry.is_team_alone(normal(body)):
            return None
        bare, rest = body, ()
    unit_id = unit_under(registry, owner, bare)
    if rest:
        registry.entities[rest[0]].parent_votes[unit_id] += 1
    return Affiliation((owner.entity, unit_id, *rest), unit)


def unit_under(registry: Registry, owner: PaperOwner, bare: str) -> str:
    """The owner's unit printed ``bare`` on its paper (made when new): named with the owner's name
    as its masthead prints it, its parent the owner, by the masthead."""
    key = (owner.entity, normal(bare))
    unit_id = registry.scoped.get(key)
    if unit_id is None:
        name = owner.printed + bare
        unit_id = registry.lookup(name) or slug_id(name)
        if unit_id not in registry.entities:
            registry.entities[unit_id] = Entity(unit_id, name, registry.kind_of(bare))
        registry.register(name, unit_id)
        registry.scoped[key] = unit_id
    unit = registry.entities[unit_id]
    if unit.curated_parent is None and unit_id != owner.entity:
        unit.parent_votes[owner.entity] += 1
        unit.masthead_votes[owner.entity] += 1
        unit.mastheads.setdefault(owner.entity, owner.paper)
    return unit_id


def name_bare_units(registry: Registry) -> None:
    """Each owned unit's bare name among its names (shown as an alias), once the names a text is
    searched for are fixed: it names the unit on its paper's pages only."""
    for (_, bare), unit_id in sorted(registry.scoped.items()):
        registry.entities[unit_id].add_name(bare)


def masthead_of_parent(entity: Entity, parent: Optional[str]) -> Optional[str]:
    """The paper whose masthead alone gave ``entity`` its ``parent`` (no page prints it under it), or None."""
    if parent is None or parent not in entity.mastheads:
        return None
    return entity.mastheads[parent] if entity.parent_votes[parent] <= entity.masthead_votes[parent] else None
