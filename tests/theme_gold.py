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


# --- the short news items of the layout fixtures (tests/gold/brief_themes.toml) -----------------

BRIEF_GOLD = Path(__file__).resolve().parent / "gold" / "brief_themes.toml"
PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"


@dataclass(frozen=True)
class GoldBrief:
    file: str
    opens: str
    kind: str
    treats: dict
    passing: dict

    @property
    def id(self) -> str:
        """How links name the item: its page and opening words (article ids hash inferred titles)."""
        return f"{self.file}:{self.opens}"


def load_brief_gold(path: Path = BRIEF_GOLD) -> tuple[GoldBrief, ...]:
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    return tuple(
        GoldBrief(b["file"], b["opens"], b["kind"], b.get("treats", {}), b.get("passing", {})) for b in data["brief"]
    )


def brief_articles(gold: tuple[GoldBrief, ...], segmenter) -> dict:
    """Each gold item's article, parsed from its fixture page (one page at a time, as the build does)."""
    from zhenggong_report.parse import parse_page
    from zhenggong_report.sources import source_from_bytes

    found = {}
    for name in sorted({b.file for b in gold}):
        path = PAGES / name
        articles = parse_page(source_from_bytes(path.read_bytes(), path.name), segmenter).articles
        for brief in (b for b in gold if b.file == name):
            matches = [a for a in articles if a.paragraphs and a.paragraphs[0].text.lstrip().startswith(brief.opens)]
            assert len(matches) == 1, f"{brief.id}: {len(matches)} articles open so"
            found[brief.id] = matches[0]
    return found


def score_briefs(gold: tuple[GoldBrief, ...], found: dict[str, set]) -> Score:
    """``found``: per gold item id, the set of theme ids the analyzer says it treats."""
    as_articles = tuple(GoldArticle(b.id, b.opens, "", (), b.treats, b.passing) for b in gold)
    score = score_links(as_articles, {key: (themes, "") for key, themes in found.items()})
    return Score(score.precision, score.recall, score.false_links, score.missed_links, ())
