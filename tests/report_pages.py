"""Report pages built to disk, through the real pipeline, for the browser and validator tests."""

from __future__ import annotations

import shutil
from pathlib import Path

from zhenggong_report.pipeline import build

from conftest import FIXTURES

MARKUP_SEEDS = FIXTURES / "render" / "markup"


def write_report(seeds: Path, out: Path) -> Path:
    """Build the report of ``seeds`` into ``out``; return the page's path."""
    build(seeds, out)
    return out / "index.html"


def fixture_page_report(folder: Path, name: str) -> Path:
    """The report of the one fixture page ``tests/fixtures/pages/<name>.txt``, built under ``folder``; its page's path."""
    pages = folder / f"{name}-pages"
    pages.mkdir()
    shutil.copy(FIXTURES / "pages" / f"{name}.txt", pages)
    return write_report(pages, folder / name)
