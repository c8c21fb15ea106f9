"""What a build gives back, and the summary kept with a cached report."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .inputs import LoadedSources


@dataclass(frozen=True)
class BuildResult:
    out: Path
    files: tuple[str, ...]
    articles: int
    leftovers: int
    warnings: tuple[str, ...]
    notes: tuple[str, ...]
    reused: bool = False
    """True when the whole report came from the cache (nothing had changed)."""

    @classmethod
    def of(
        cls, out: Path, files: dict[str, int], meta: dict, loaded: LoadedSources, reused: bool, extra_notes: tuple[str, ...] = ()
    ) -> "BuildResult":
        warnings = loaded.warnings + tuple(meta["warnings"])
        return cls(out, tuple(sorted(files)), meta["articles"], meta["leftovers"], warnings, loaded.notes + extra_notes, reused)


def is_report_meta(meta: object) -> bool:
    """Whether a cached summary has the shape a build gives it (checked before any use)."""
    return (
        isinstance(meta, dict)
        and all(isinstance(meta.get(k), int) and not isinstance(meta.get(k), bool) for k in ("articles", "leftovers"))
        and isinstance(meta.get("warnings"), (list, tuple))
        and all(isinstance(w, str) for w in meta["warnings"])
    )
