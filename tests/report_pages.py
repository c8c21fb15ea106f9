"""Report pages built to disk, through the real pipeline, for the browser and validator tests."""

from __future__ import annotations

from pathlib import Path

from zhenggong_report.pipeline import build

from conftest import FIXTURES

MARKUP_SEEDS = FIXTURES / "render" / "markup"


def write_report(seeds: Path, out: Path) -> Path:
    """Build the report of ``seeds`` into ``out``; return the page's path."""
    build(seeds, out)
    return out / "index.html"
