"""What the 提法 glossary does not take for a formulation (``data/glossary.toml``), and the one
form under which variants of a formulation are merged."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataFileError
from .data_files import _strings, _unknown_keys, read_toml

_SPACES = re.compile(r"\s+")


def normal_form(text: str) -> str:
    """NFKC (full-width ＋ and digits folded) without spaces: “思政 +” and “思政＋” are “思政+”."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))


@dataclass(frozen=True)
class GlossaryFilter:
    """The ``[filter]`` table: quoted phrases that are no formulation."""

    words: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    short_length: int = 0
    short_suffixes: tuple[str, ...] = ()
    numerals: str = ""
    plus_heads: tuple[str, ...] = ()
    known: frozenset[str] = frozenset()
    path: str = ""

    def rejects(self, term: str) -> bool:
        """Whether the (normal-form) quoted phrase is an emphasis word, a fragment, a feeling or a name."""
        if term in self.words or term.startswith(self.prefixes) or term.endswith(self.suffixes):
            return True
        return len(term) <= self.short_length and term.endswith(self.short_suffixes)

    def keeps_single_article(self, term: str) -> bool:
        """Whether a phrase only one article uses is still a formulation: shaped like one (a
        numeral, a parallel list, a “+” formulation of a known head) or known."""
        if term in self.known or any(char in self.numerals for char in term) or "、" in term or "," in term:
            return True
        head, plus, _ = term.partition("+")
        return bool(plus) and head in self.plus_heads


FILTER_KEYS = {"words", "prefixes", "suffixes", "short_length", "short_suffixes"}


def load_glossary_filter(path: Path) -> GlossaryFilter:
    where = str(path)
    document = read_toml(path)
    _unknown_keys(where, "top level", document, {"filter", "single_article", "search"})  # [search]: render/search_synonyms.py
    table = document.get("filter")
    if not isinstance(table, dict):
        raise DataFileError(where, "a [filter] table is required", "filter")
    _unknown_keys(where, "filter", table, FILTER_KEYS)
    lists = {key: tuple(normal_form(w) for w in _strings(where, "filter", table.get(key, []), key)) for key in FILTER_KEYS - {"short_length"}}
    length = table.get("short_length", 0)
    if isinstance(length, bool) or not isinstance(length, int) or length < 0:
        raise DataFileError(where, "'short_length' must be a whole number of zero or more", "filter")
    single = document.get("single_article", {})
    if not isinstance(single, dict):
        raise DataFileError(where, "[single_article] must be a table", "single_article")
    _unknown_keys(where, "single_article", single, {"numerals", "plus_heads", "known"})
    numerals = single.get("numerals", "")
    if not isinstance(numerals, str):
        raise DataFileError(where, "'numerals' must be a string of characters", "single_article")
    return GlossaryFilter(
        frozenset(lists["words"]),
        lists["prefixes"],
        lists["suffixes"],
        length,
        lists["short_suffixes"],
        numerals,
        tuple(normal_form(w) for w in _strings(where, "single_article", single.get("plus_heads", []), "plus_heads")),
        frozenset(normal_form(w) for w in _strings(where, "single_article", single.get("known", []), "known")),
        where,
    )
