"""The display vocabulary (``data/labels.toml``): Chinese for the codes the pipeline writes.

Kinds of leftovers, enterprises, joins and flags, the title placement, the theme reasons and the
CSV headers are looked up here; the codes themselves stay in the JSON files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping

from ..resources import data_path

try:
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python < 3.11
    import tomli as tomllib  # type: ignore[no-redef]

LABELS_FILE = "labels.toml"


@dataclass(frozen=True)
class ReasonRule:
    pattern: re.Pattern
    label: str

    def apply(self, reason: str) -> str | None:
        match = self.pattern.match(reason)
        if match is None:
            return None
        groups = match.groupdict()
        if groups.get("paragraph") is not None:
            groups["p"] = str(int(groups["paragraph"]) + 1)
        return self.label.format(**groups)


@dataclass(frozen=True)
class Labels:
    leftover_kinds: Mapping[str, str]
    enterprise_kinds: Mapping[str, str]
    title_placements: Mapping[str, str]
    join_kinds: Mapping[str, str]
    flags: Mapping[str, str]
    page_warnings: Mapping[str, str]
    reasons: tuple[ReasonRule, ...]
    csv_headers: Mapping[str, str]

    def reason(self, text: str) -> str:
        """A theme reason in Chinese (the analyzer's wording when no rule matches)."""
        for rule in self.reasons:
            shown = rule.apply(text)
            if shown is not None:
                return shown
        return text

    def warning(self, text: str) -> str:
        """``seed.txt: empty file`` as ``seed.txt：文件为空`` (unknown warnings as they are)."""
        file, _, what = text.rpartition(": ")
        shown = self.page_warnings.get(what)
        return f"{file}：{shown}" if shown and file else text


def parse_labels(data: Mapping) -> Labels:
    return Labels(
        leftover_kinds=dict(data.get("leftover_kinds", {})),
        enterprise_kinds=dict(data.get("enterprise_kinds", {})),
        title_placements=dict(data.get("title_placements", {})),
        join_kinds=dict(data.get("join_kinds", {})),
        flags=dict(data.get("flags", {})),
        page_warnings=dict(data.get("page_warnings", {})),
        reasons=tuple(ReasonRule(re.compile(r["pattern"]), r["label"]) for r in data.get("reasons", ())),
        csv_headers=dict(data.get("csv_headers", {})),
    )


@lru_cache(maxsize=1)
def labels() -> Labels:
    """The packaged display vocabulary."""
    with open(data_path(LABELS_FILE), "rb") as handle:
        return parse_labels(tomllib.load(handle))
