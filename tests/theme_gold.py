"""The careful reading of the seed articles in ``tests/gold/themes.toml``, and how the analyzer
is scored against it (precision and recall over article ↔ theme links)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

GOLD = Path(__file__).resolve().parent / "gold" / "themes.toml"


@dataclass(frozen=True)
class GoldArticle:
    id: str
    title: str
    primary: str
    also_primary: tuple[str, ...]
    treats: dict
    passing: dict


def load_gold(path: Path = GOLD) -> tuple[GoldArticle, ...]:
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    return tuple(
        GoldArticle(a["id"], a["title"], a["primary"], tuple(a.get("also_primary", ())), a["treats"], a.get("passing", {}))
        for a in data["article"]
    )


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    false_links: tuple[tuple[str, str], ...]
    missed_links: tuple[tuple[str, str], ...]
    wrong_primary: tuple[tuple[str, str, str], ...]


def score_links(gold: tuple[GoldArticle, ...], found: dict[str, tuple[set, str]]) -> Score:
    """``found``: per article id, the set of treated theme ids and the primary theme id."""
    wanted = {(g.id, theme) for g in gold for theme in g.treats}
    made = {(article, theme) for article, (themes, _) in found.items() for theme in themes if article in {g.id for g in gold}}
    right = wanted & made
    wrong_primary = tuple(
        (g.id, g.primary, found.get(g.id, (set(), None))[1])
        for g in gold
        if found.get(g.id, (set(), None))[1] not in (g.primary, *g.also_primary)
    )
    return Score(
        precision=len(right) / len(made) if made else 0.0,
        recall=len(right) / len(wanted) if wanted else 0.0,
        false_links=tuple(sorted(made - wanted)),
        missed_links=tuple(sorted(wanted - made)),
        wrong_primary=wrong_primary,
    )
