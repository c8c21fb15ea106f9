"""Where the packaged data files and templates are."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

from .errors import DataFileError

PACKAGE_DIR = Path(__file__).resolve().parent


def data_path(name: str) -> Path:
    """A file in the packaged ``data/`` folder (themes, dictionary, aliases, stop words)."""
    return PACKAGE_DIR / "data" / name


def data_file(name: str, data_dir: Optional[Path] = None) -> Path:
    """``data_dir/name`` when a user data folder overrides that file, else the packaged one."""
    if data_dir is not None and (Path(data_dir) / name).is_file():
        return Path(data_dir) / name
    return data_path(name)


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML data file; any problem reading it is a :class:`DataFileError` naming the file."""
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise DataFileError(str(path), "file not found") from None
    except tomllib.TOMLDecodeError as error:
        raise DataFileError(str(path), f"malformed TOML: {error}") from None
    except UnicodeDecodeError as error:
        raise DataFileError(str(path), f"not UTF-8 text ({error.reason})") from None
    except RecursionError:
        raise DataFileError(str(path), "malformed TOML: nested too deeply") from None


def templates_dir() -> Path:
    """The report templates: packaged into the wheel, or the repository's ``templates/``."""
    packaged = PACKAGE_DIR / "templates"
    if packaged.is_dir():
        return packaged
    return PACKAGE_DIR.parents[1] / "templates"
