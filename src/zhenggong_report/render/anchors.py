"""Stable in-page anchors: the same slug for the same article, theme or enterprise in every build."""

from __future__ import annotations

import hashlib
import re

_PLAIN_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")

SECTION_IDS = ("main", "overview", "themes", "enterprises", "articles", "glossary", "claims")


def slug(prefix: str, key: str) -> str:
    """``prefix-key`` for plain ASCII ids (kept as they are if they already carry the prefix), else a hash."""
    if _PLAIN_ID.match(key):
        return key if key.startswith(f"{prefix}-") else f"{prefix}-{key}"
    return f"{prefix}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:10]}"


class AnchorBook:
    """Hands out one unique anchor per (kind, id); a clash gets a numbered suffix, in input order."""

    def __init__(self) -> None:
        self._by_key: dict[tuple[str, str], str] = {}
        self._taken: set[str] = set(SECTION_IDS)

    def add(self, prefix: str, key: str) -> str:
        existing = self._by_key.get((prefix, key))
        if existing is not None:
            return existing
        base = slug(prefix, key)
        anchor, number = base, 2
        while anchor in self._taken:
            anchor, number = f"{base}-{number}", number + 1
        self._taken.add(anchor)
        self._by_key[(prefix, key)] = anchor
        return anchor

    def get(self, prefix: str, key: str) -> str:
        return self._by_key[(prefix, key)]
