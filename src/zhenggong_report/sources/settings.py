"""The readers' settings from ``data/sources.toml``: kind names, Word styles, PDF thresholds, WeChat chrome."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from ..errors import DataFileError
from ..resources import data_file, read_toml

SETTINGS_FILE = "sources.toml"


@dataclass(frozen=True)
class ReaderSettings:
    kinds: tuple[tuple[str, str], ...]
    title_styles: frozenset[str]
    heading_styles: tuple[str, ...]
    title_size: float
    furniture_pages: int
    wechat_chrome: frozenset[str]
    wechat_end_marks: frozenset[str]
    fingerprint: str = ""
    """SHA-256 of the settings file: what a reader made with other settings is not reused."""

    def kind_name(self, kind: str) -> str:
        return dict(self.kinds).get(kind, kind)

    def heading_level(self, style: str) -> Optional[int]:
        """2 for ``Heading 2``/``标题 2`` …; None for a style that marks no heading."""
        if style not in self.heading_styles:
            return None
        digits = "".join(c for c in style if c.isdigit())
        return max(2, min(6, int(digits))) if digits else 2


def load_reader_settings(data_dir: Optional[Path] = None) -> ReaderSettings:
    path = data_file(SETTINGS_FILE, data_dir)
    table = read_toml(path)
    where = str(path)
    docx, pdf, wechat = (_table(where, table, key) for key in ("docx", "pdf", "wechat"))
    kinds = _table(where, table, "kinds")
    return ReaderSettings(
        kinds=tuple(sorted((str(k), str(v)) for k, v in kinds.items())),
        title_styles=frozenset(_strings(where, "docx", docx, "title_styles")),
        heading_styles=_strings(where, "docx", docx, "heading_styles"),
        title_size=_number(where, "pdf", pdf, "title_size"),
        furniture_pages=int(_number(where, "pdf", pdf, "furniture_pages")),
        wechat_chrome=frozenset(wechat_words(where, wechat, "chrome")),
        wechat_end_marks=frozenset(wechat_words(where, wechat, "end_marks")),
        fingerprint=hashlib.sha256(path.read_bytes()).hexdigest(),
    )


def wechat_words(path: str, wechat: dict[str, Any], key: str) -> tuple[str, ...]:
    """One list of ``[wechat]`` (``chrome``, ``end_marks``): the WeChat reader drops these paragraphs
    and the parser reads the same words in a pasted ``.txt`` (:mod:`..parse.layout`)."""
    return _strings(path, "wechat", wechat, key)


def wechat_table(path: str) -> dict[str, Any]:
    """The ``[wechat]`` table of the settings file at ``path``."""
    return _table(path, read_toml(Path(path)), "wechat")


def _table(path: str, table: dict[str, Any], key: str) -> dict[str, Any]:
    value = table.get(key)
    if not isinstance(value, dict):
        raise DataFileError(path, f"missing table [{key}]")
    return value


def _strings(path: str, entry: str, table: dict[str, Any], key: str) -> tuple[str, ...]:
    value = table.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(path, f"'{key}' must be a list of non-empty strings", entry)
    return tuple(v.strip() for v in value)


def _number(path: str, entry: str, table: dict[str, Any], key: str) -> float:
    value = table.get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise DataFileError(path, f"'{key}' must be a positive number", entry)
    return float(value)
