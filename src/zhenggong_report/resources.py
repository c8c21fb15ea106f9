"""Where the packaged data files and templates are."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def data_path(name: str) -> Path:
    """A file in the packaged ``data/`` folder (themes, dictionary, aliases, stop words)."""
    return PACKAGE_DIR / "data" / name


def templates_dir() -> Path:
    """The report templates: packaged into the wheel, or the repository's ``templates/``."""
    packaged = PACKAGE_DIR / "templates"
    if packaged.is_dir():
        return packaged
    return PACKAGE_DIR.parents[1] / "templates"
