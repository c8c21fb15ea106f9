"""Where the packaged data files and templates are."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

PACKAGE_DIR = Path(__file__).resolve().parent


def data_path(name: str) -> Path:
    """A file in the packaged ``data/`` folder (themes, dictionary, aliases, stop words)."""
    return PACKAGE_DIR / "data" / name


def data_file(name: str, data_dir: Optional[Path] = None) -> Path:
    """``data_dir/name`` when a user data folder overrides that file, else the packaged one."""
    if data_dir is not None and (Path(data_dir) / name).is_file():
        return Path(data_dir) / name
    return data_path(name)


def templates_dir() -> Path:
    """The report templates: packaged into the wheel, or the repository's ``templates/``."""
    packaged = PACKAGE_DIR / "templates"
    if packaged.is_dir():
        return packaged
    return PACKAGE_DIR.parents[1] / "templates"
