"""A journal's affiliation line under the author: ``（山东能源枣矿集团田陈煤矿，山东 枣庄 277000）``."""

from __future__ import annotations

import re

from ..state import BlockState, Line
from .base import BlockRule

_JOURNAL_AFFILIATION = re.compile(
    r"^[（(](?P<unit>[^，,()（）]{2,40})[，,]\s*(?P<place>[^，,()（）\d]{2,20}?)\s*(?P<postcode>\d{6})[)）]$"
)


def starts(line: Line, state: BlockState) -> bool:
    return _JOURNAL_AFFILIATION.match(line.text) is not None


def journal_affiliation(state: BlockState) -> bool:
    """A bracketed unit, its place and six-digit postcode on one line (as journals print the
    author's affiliation under the name): the author's affiliation."""
    match = _JOURNAL_AFFILIATION.match(state.line.text)
    if match is None:
        return False
    number = state.line.number
    state.push("affiliation", number, number, state.line.text, "journal_affiliation", unit=match.group("unit").strip(), role=None)
    state.pos += 1
    return True


RULE = BlockRule(journal_affiliation, starts, lambda layout: "（(")
