"""Enterprises: who wrote from where, and which enterprises the articles speak of.

Read in three passes over the corpus:

1. Affiliations, each split into a chain of enterprises and the author's department
   (:mod:`.enterprise_registry`).
2. Names defined by the text itself: ``山东能源集团财务有限公司(下称“山能财司”)``.
3. Mentions of every known name, alias and short form, and new full legal names
   (:mod:`.enterprise_mentions`, which also reads the definitions).

Between the second and the third, a bare unit on a page of an enterprise's own paper (炼油厂 on
兰化集团报) is read as that enterprise's (:mod:`.paper_owners`), and so are the page's mentions of it.
Then each enterprise gets its parent (:mod:`.enterprise_hierarchy`), and each article its links:
the author's enterprise first, then the ones it names, most often named first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional

from ..models.analysis import Enterprise, EnterpriseLink
from ..segmenter import Segmenter
from .data_files import EnterpriseKnowledge
from .enterprise_hierarchy import needed_entities, ordered_entities, resolve_parents
from .enterprise_mentions import definitions_in, name_before, scan_mentions
from .enterprise_registry import KIND_RANK, Affiliation, Registry, normal
from .paper_owners import Masthead, PaperOwner, masthead_of_parent, name_bare_units, owned_affiliation, paper_owner
from .tokens import ArticleTokens


@dataclass(frozen=True)
class EnterpriseReading:
    enterprises: tuple[Enterprise, ...]
    links: dict[str, tuple[EnterpriseLink, ...]]
    """Article id -> its enterprises, the author's first, then by how often they are named."""


def read_enterprises(
    corpus_tokens: tuple[ArticleTokens, ...], knowledge: EnterpriseKnowledge, segmenter: Segmenter,
    mastheads: Mapping[str, Masthead] = {},
) -> EnterpriseReading:
    """``mastheads``: each page's masthead, by file (:func:`.paper_owners.page_mastheads`)."""
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

    owners = read_owned_units(registry, knowledge, corpus_tokens, affiliations, mastheads)
    registry.derive_short_forms()
    pattern = registry.matcher()
    name_bare_units(registry)
    scans = {}
    for tokens in corpus_tokens:
        owner = owners.get(tokens.article.file)
        scan = scan_mentions(registry, pattern, tokens, segmenter, owner.entity if owner else None)
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
            parent_masthead=masthead_of_parent(entity, parent[entity.id]),
        )
        for entity in ordered_entities(registry, parent, used)
    )
    return EnterpriseReading(enterprises, links)


def read_owned_units(
    registry: Registry, knowledge: EnterpriseKnowledge, corpus_tokens: tuple[ArticleTokens, ...],
    affiliations: dict[str, Optional[Affiliation]], mastheads: Mapping[str, Masthead],
) -> dict[str, PaperOwner]:
    """Each page's owner (by file), once every affiliation is read (so that a unit printed under
    its enterprise anywhere stands as printed); the bare units of the owners' pages re-read in
    ``affiliations`` as theirs."""
    registry.derive_short_forms()  # the short forms a paper's name may use (枣矿 of 枣矿工人报)
    papers = dict(knowledge.papers)
    owners = {file: found for file, masthead in sorted(mastheads.items()) if (found := paper_owner(registry, masthead, papers))}
    curated = {item.id for item in knowledge.enterprises}
    for tokens in corpus_tokens:
        article, owner = tokens.article, owners.get(tokens.article.file)
        if owner is None or not article.affiliation:
            continue
        owned = owned_affiliation(registry, owner, article.affiliation, affiliations[article.id], curated)
        if owned is not None:
            affiliations[article.id] = owned
    return owners
