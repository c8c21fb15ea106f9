"""Where each enterprise stands: its parent, and which enterprises the report lists in what order.

Each enterprise's parent is the curated one, else the most specific one the evidence names
(西铭矿 under 西山煤电 rather than directly under 山西焦煤集团).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Optional

from .enterprise_registry import KIND_RANK, Entity, Registry


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
