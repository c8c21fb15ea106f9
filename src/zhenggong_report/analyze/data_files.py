"""The analyzer's domain knowledge, read and checked from user-editable data files.

``themes.toml`` (the taxonomy) and ``enterprises.toml`` (curated names and parents) live in the
packaged ``data/`` folder; a user data folder may replace either. Every problem is reported as a
:class:`~zhenggong_report.errors.DataFileError` naming the file and the entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Optional

from ..errors import DataFileError
from ..models.analysis import ThemeDefinition
from ..resources import data_file, read_toml

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KINDS = ("group", "company", "mine", "unit")


@dataclass(frozen=True)
class ScoringRules:
    """When an article treats a theme; see the ``[scoring]`` table of ``themes.toml``."""

    title: float = 3.0
    heading: float = 2.0
    abstract: float = 1.5
    section: float = 5.0
    passage: float = 5.0
    share: float = 0.3
    spread: int = 3
    density: float = 4.0
    evidence: int = 3
    brief_characters: int = 300
    """A piece of at most this many body characters is short: its lead sentence names what it reports."""
    brief_lead: float = 3.0
    """The weight of a theme's terms in a short piece's lead sentence that makes the piece treat it."""

    @cached_property
    def place_factors(self) -> dict[str, float]:
        """How much a term weighs by where it stands (1 in body text)."""
        return {
            "title": self.title,
            "heading": self.heading,
            "lead": self.heading,
            "abstract": self.abstract,
            "keywords": self.abstract,
        }


@dataclass(frozen=True)
class Taxonomy:
    themes: tuple[ThemeDefinition, ...]
    scoring: ScoringRules
    path: str


@dataclass(frozen=True)
class CuratedEnterprise:
    id: str
    name: str
    aliases: tuple[str, ...]
    parent: Optional[str]
    kind: Optional[str]


@dataclass(frozen=True)
class NameRules:
    """How organisation names are read (the ``[names]`` table of ``enterprises.toml``)."""

    company_suffixes: tuple[str, ...]
    unit_suffixes: tuple[str, ...]
    legal_suffixes: tuple[str, ...]
    departments: tuple[str, ...]
    provinces: tuple[str, ...]
    trade_words: tuple[str, ...]
    generic: frozenset[str]
    party_prefixes: tuple[str, ...] = ()
    """What a party organisation's name prints before its enterprise (``中共``兰化集团公司委员会)."""
    team_suffixes: tuple[str, ...] = ()
    """Endings of a team or workshop's designation (综采一队, 运行二车间): many enterprises have one."""


@dataclass(frozen=True)
class EnterpriseKnowledge:
    enterprises: tuple[CuratedEnterprise, ...]
    names: NameRules
    path: str
    papers: tuple[tuple[str, str], ...] = ()
    """(paper's name, enterprise id) of the ``[papers]`` table: whose paper a masthead is when its
    name does not say (长庆石油报 is 长庆油田's)."""


@dataclass(frozen=True)
class AnalysisData:
    taxonomy: Taxonomy
    enterprises: EnterpriseKnowledge
    glossary: Any = None
    """The 提法 filter (:class:`~.glossary_rules.GlossaryFilter`), or None for none."""
    claims: Any = None
    """How figures are read (:class:`~.claims.ClaimVocabulary`), or None for the packaged file."""


def load_analysis_data(data_dir: Optional[Path] = None) -> AnalysisData:
    """The TOML files, from ``data_dir`` where it has them, else the packaged ones."""
    from .claims import load_claim_vocabulary
    from .glossary_rules import load_glossary_filter

    return AnalysisData(
        taxonomy=load_taxonomy(data_file("themes.toml", data_dir)),
        enterprises=load_enterprises(data_file("enterprises.toml", data_dir)),
        glossary=load_glossary_filter(data_file("glossary.toml", data_dir)),
        claims=load_claim_vocabulary(data_file("claims.toml", data_dir)),
    )


def _require(path: str, entry: str, table: dict, key: str, kind: type) -> Any:
    if key not in table:
        raise DataFileError(path, f"missing '{key}'", entry)
    value = table[key]
    if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
        raise DataFileError(path, f"'{key}' must be a non-empty {kind.__name__}", entry)
    return value.strip() if isinstance(value, str) else value


def _strings(path: str, entry: str, value: Any, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(path, f"'{key}' must be a list of non-empty strings", entry)
    return tuple(v.strip() for v in value)


def _unknown_keys(path: str, entry: str, table: dict, allowed: set[str]) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise DataFileError(path, f"unknown key(s): {', '.join(unknown)} (allowed: {', '.join(sorted(allowed))})", entry)


def _weight(path: str, entry: str, term: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise DataFileError(path, f"term '{term}': the weight must be a positive number", entry)
    return float(value)


def _entry_with_id(path: str, kind: str, index: int, table: Any, keys: set[str]) -> tuple[str, str]:
    """Check one ``[[kind]]`` table's shape and id; return how messages name it, and its id."""
    entry = f"{kind} #{index}"
    if not isinstance(table, dict):
        raise DataFileError(path, f"each [[{kind}]] must be a table", entry)
    if isinstance(table.get("id"), str) and table["id"].strip():
        entry = f"{kind} '{table['id'].strip()}'"
    _unknown_keys(path, entry, table, keys)
    entry_id = _require(path, entry, table, "id", str)
    if not SLUG.match(entry_id):
        raise DataFileError(path, "the id must be lower-case ASCII letters, digits and '-'", entry)
    return entry, entry_id


def parse_theme(path: str, index: int, table: Any) -> ThemeDefinition:
    entry, theme_id = _entry_with_id(path, "theme", index, table, {"id", "name", "description", "terms", "exclude"})
    name = _require(path, entry, table, "name", str)
    description = _require(path, entry, table, "description", str)
    raw_terms = table.get("terms")
    if not isinstance(raw_terms, dict) or not raw_terms:
        raise DataFileError(path, "a theme needs at least one term in [theme.terms]", entry)
    terms: list[tuple[str, float]] = []
    near: list[tuple[str, tuple[str, ...]]] = []
    for term, value in raw_terms.items():
        if not term.strip():
            raise DataFileError(path, "an empty term", entry)
        if len(term.strip()) < 2:
            raise DataFileError(path, f"term '{term}': a term needs two characters or more", entry)
        if isinstance(value, dict):
            _unknown_keys(path, f"{entry} term '{term}'", value, {"weight", "near"})
            terms.append((term, _weight(path, entry, term, value.get("weight"))))
            if "near" in value:
                near.append((term, _strings(path, f"{entry} term '{term}'", value["near"], "near")))
        else:
            terms.append((term, _weight(path, entry, term, value)))
    exclude = _strings(path, entry, table.get("exclude", []), "exclude")
    return ThemeDefinition(theme_id, name, description, tuple(terms), exclude, tuple(near))


def parse_scoring(path: str, table: Any) -> ScoringRules:
    if table is None:
        return ScoringRules()
    if not isinstance(table, dict):
        raise DataFileError(path, "[scoring] must be a table", "scoring")
    defaults = ScoringRules()
    _unknown_keys(path, "scoring", table, set(defaults.__dataclass_fields__))
    values = {}
    for key, value in table.items():
        wanted = type(getattr(defaults, key))
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise DataFileError(path, f"'{key}' must be a number of zero or more", "scoring")
        if wanted is int and not float(value).is_integer():
            raise DataFileError(path, f"'{key}' must be a whole number", "scoring")
        values[key] = wanted(value)
    return ScoringRules(**values)


def load_taxonomy(path: Path) -> Taxonomy:
    where = str(path)
    document = read_toml(path)
    _unknown_keys(where, "top level", document, {"theme", "scoring"})
    raw = document.get("theme")
    if not isinstance(raw, list) or not raw:
        raise DataFileError(where, "no [[theme]] entries")
    themes = tuple(parse_theme(where, i, table) for i, table in enumerate(raw, 1))
    seen_ids: set[str] = set()
    seen_names: set[str] = set()
    for theme in themes:
        if theme.id in seen_ids:
            raise DataFileError(where, "duplicate theme id", f"theme '{theme.id}'")
        if theme.name in seen_names:
            raise DataFileError(where, f"duplicate theme name '{theme.name}'", f"theme '{theme.id}'")
        seen_ids.add(theme.id)
        seen_names.add(theme.name)
    return Taxonomy(themes, parse_scoring(where, document.get("scoring")), where)


def parse_curated(path: str, index: int, table: Any) -> CuratedEnterprise:
    entry, enterprise_id = _entry_with_id(path, "enterprise", index, table, {"id", "name", "aliases", "parent", "kind"})
    name = _require(path, entry, table, "name", str)
    aliases = _strings(path, entry, table.get("aliases", []), "aliases")
    parent = _require(path, entry, table, "parent", str) if "parent" in table else None
    kind = _require(path, entry, table, "kind", str) if "kind" in table else None
    if kind is not None and kind not in KINDS:
        raise DataFileError(path, f"kind must be one of {', '.join(KINDS)}", entry)
    return CuratedEnterprise(enterprise_id, name, aliases, parent, kind)


NAME_LISTS = ("company_suffixes", "unit_suffixes", "legal_suffixes", "departments", "provinces", "trade_words", "generic")
OPTIONAL_NAME_LISTS = ("party_prefixes", "team_suffixes")


def parse_names(path: str, table: Any) -> NameRules:
    if not isinstance(table, dict):
        raise DataFileError(path, "a [names] table is required", "names")
    _unknown_keys(path, "names", table, set(NAME_LISTS) | set(OPTIONAL_NAME_LISTS))
    lists = {}
    for key in NAME_LISTS:
        if key not in table:
            raise DataFileError(path, f"missing '{key}'", "names")
        lists[key] = _strings(path, "names", table[key], key)
    for key in OPTIONAL_NAME_LISTS:
        lists[key] = _strings(path, "names", table[key], key) if key in table else ()
    return NameRules(
        company_suffixes=lists["company_suffixes"],
        unit_suffixes=lists["unit_suffixes"],
        legal_suffixes=lists["legal_suffixes"],
        departments=lists["departments"],
        provinces=lists["provinces"],
        trade_words=lists["trade_words"],
        generic=frozenset(lists["generic"]),
        party_prefixes=lists["party_prefixes"],
        team_suffixes=lists["team_suffixes"],
    )


def load_enterprises(path: Path) -> EnterpriseKnowledge:
    where = str(path)
    document = read_toml(path)
    _unknown_keys(where, "top level", document, {"enterprise", "names", "papers"})
    raw = document.get("enterprise", [])
    if not isinstance(raw, list):
        raise DataFileError(where, "[[enterprise]] must be an array of tables")
    curated = tuple(parse_curated(where, i, table) for i, table in enumerate(raw, 1))
    ids: set[str] = set()
    owner: dict[str, str] = {}
    for item in curated:
        if item.id in ids:
            raise DataFileError(where, "duplicate enterprise id", f"enterprise '{item.id}'")
        ids.add(item.id)
        for name in (item.name, *item.aliases):
            if name in owner and owner[name] != item.id:
                raise DataFileError(where, f"name '{name}' is already given to '{owner[name]}'", f"enterprise '{item.id}'")
            owner[name] = item.id
    for item in curated:
        if item.parent is not None and item.parent not in ids:
            raise DataFileError(where, f"unknown parent '{item.parent}'", f"enterprise '{item.id}'")
        if item.parent == item.id:
            raise DataFileError(where, "an enterprise cannot be its own parent", f"enterprise '{item.id}'")
    parents = {item.id: item.parent for item in curated}
    for item in curated:
        seen, current = {item.id}, item.parent
        while current is not None:
            if current in seen:
                raise DataFileError(where, "the parents form a cycle", f"enterprise '{item.id}'")
            seen.add(current)
            current = parents[current]
    return EnterpriseKnowledge(curated, parse_names(where, document.get("names")), where, parse_papers(where, document.get("papers", {}), ids))


def parse_papers(path: str, table: Any, ids: set[str]) -> tuple[tuple[str, str], ...]:
    """The ``[papers]`` table: each paper's name (as its masthead prints it) and the id of an
    ``[[enterprise]]`` of the file."""
    if not isinstance(table, dict):
        raise DataFileError(path, "[papers] must be a table of paper = enterprise id", "papers")
    papers = []
    for paper, enterprise_id in table.items():
        if not paper.strip() or not isinstance(enterprise_id, str) or enterprise_id.strip() not in ids:
            raise DataFileError(path, f"'{paper}' must name the id of an [[enterprise]] of this file, not {enterprise_id!r}", "papers")
        papers.append((paper.strip(), enterprise_id.strip()))
    return tuple(sorted(papers))
