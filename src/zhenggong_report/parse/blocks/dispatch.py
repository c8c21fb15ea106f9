"""Which rules to ask about a line: those that can begin with its first character."""

from __future__ import annotations

from typing import Callable

from ..layout import Layout
from ..state import BlockState, Line
from .base import BlockRule

Run = Callable[[BlockState], bool]
Starts = Callable[[Line, BlockState], bool]


_EVERY_RULE = ("", False, True)
"""The key under which every rule is shown (no rule needs a first character or is punctuation-free)."""


class Dispatch:
    """The rules (in their order) a line can match, looked up by its first character.

    A rule with a ``first`` set is only shown lines that begin with one of its characters; the
    others are shown every line. ``everything=True`` shows every rule every line (the plain way a
    test holds this one equal to).
    """

    def __init__(self, rules: tuple[BlockRule, ...], layout: Layout, everything: bool = False) -> None:
        self.rules = rules
        self.everything = everything
        self.firsts = [None if everything or rule.first is None else frozenset(rule.first(layout)) for rule in rules]
        self._runs: dict[tuple[str, bool, bool], tuple[Run, ...]] = {}
        self._starts: dict[tuple[str, bool, bool], tuple[Starts, ...]] = {}

    def _key(self, line: Line) -> tuple[str, bool, bool]:
        return _EVERY_RULE if self.everything else line.shape

    def _may_start(self, key: tuple[str, bool, bool]) -> list[BlockRule]:
        char, punctuated, tabbed = key
        return [
            rule
            for rule, first in zip(self.rules, self.firsts, strict=True)
            if (first is None or char in first) and not (punctuated and rule.unpunctuated) and (tabbed or not rule.tabbed)
        ]

    def runs(self, line: Line) -> tuple[Run, ...]:
        key = self._key(line)
        found = self._runs.get(key)
        if found is None:
            found = self._runs[key] = tuple(rule.run for rule in self._may_start(key))
        return found

    def starts(self, line: Line) -> tuple[Starts, ...]:
        """The ``starts`` tests of the rules that may open at this line (and so end a paragraph)."""
        key = self._key(line)
        found = self._starts.get(key)
        if found is None:
            found = self._starts[key] = tuple(rule.starts for rule in self._may_start(key) if rule.starts is not None)
        return found

    def all_starts(self) -> tuple[Starts, ...]:
        return tuple(rule.starts for rule in self.rules if rule.starts is not None)
