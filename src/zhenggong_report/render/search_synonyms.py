"""The words the page's search reads alike: the ``[search] synonyms`` groups of ``data/glossary.toml``
(职代会 and 职工代表大会), checked here and handed to the page as JSON in ``<main data-synonyms>`` (``base.html.j2``);
``report.js`` folds them as it folds the text and expands each query word by its group."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any, Optional

from ..errors import DataFileError
from ..resources import data_file, read_toml

SYNONYMS_FILE = "glossary.toml"
Synonyms = tuple[tuple[str, ...], ...]


def _folded(word: str) -> str:
    """How the page compares words: NFKC, lower case (``report.js`` ``fold``)."""
    return unicodedata.normalize("NFKC", word).lower()


def _group(where: str, index: int, value: Any) -> tuple[str, ...]:
    entry = f"search.synonyms #{index + 1}"
    if not isinstance(value, list) or len(value) < 2 or not all(isinstance(w, str) for w in value):
        raise DataFileError(where, "each group of synonyms must be a list of two or more words", entry)
    words = tuple(w.strip() for w in value)
    for word in words:
        if not word or any(c.isspace() for c in word):
            raise DataFileError(where, f"'{word}': a synonym is one word, without spaces", entry)
    if len({_folded(w) for w in words}) < len(words):
        raise DataFileError(where, "a group names one word twice", entry)
    return words


def parse_search_synonyms(where: str, document: dict) -> Synonyms:
    """The groups of the ``[search]`` table of a read data file (none when it has no table)."""
    table = document.get("search", {})
    if not isinstance(table, dict):
        raise DataFileError(where, "[search] must be a table", "search")
    unknown = sorted(set(table) - {"synonyms"})
    if unknown:
        raise DataFileError(where, f"unknown key(s): {', '.join(unknown)} (allowed: synonyms)", "search")
    listed = table.get("synonyms", [])
    if not isinstance(listed, list):
        raise DataFileError(where, "'synonyms' must be a list of groups of words", "search")
    groups = tuple(_group(where, i, value) for i, value in enumerate(listed))
    seen: dict[str, int] = {}
    for index, group in enumerate(groups):
        for word in group:
            other = seen.setdefault(_folded(word), index)
            if other != index:
                raise DataFileError(where, f"'{word}' stands in two groups (#{other + 1} and #{index + 1})", f"search.synonyms #{index + 1}")
    return groups


def load_search_synonyms(data_dir: Optional[Path] = None) -> Synonyms:
    """The search's synonym groups, from ``data_dir``'s ``glossary.toml`` where it has one, else the packaged one."""
    path = data_file(SYNONYMS_FILE, data_dir)
    return parse_search_synonyms(str(path), read_toml(path))

