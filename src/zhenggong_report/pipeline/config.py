"""The one build configuration, checked once before any work, and the fingerprints of what a
report is made from (the cache keys)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..cache import code_digest, digest, file_digest, tree_digest
from ..errors import DataFileError, ReportError
from ..models.source_files import SourceFile
from ..resources import data_file, templates_dir

DATA_FILES = (
    "userdict.txt", "stopwords.txt", "themes.toml", "enterprises.toml", "layout.toml", "sources.toml", "glossary.toml",
    "claims.toml",
)
LAYOUTS = ("auto", "single", "folder")


class ConfigError(ReportError):
    """A build option that cannot be used."""


@dataclass(frozen=True)
class BuildConfig:
    """What a build is asked to do; :meth:`checked` before any stage runs."""

    seeds: Path
    out: Path
    data_dir: Optional[Path] = None
    """Data files replacing the packaged ones of the same name."""
    templates: Optional[Path] = None
    """A copy of the report templates to render with."""
    layout: str = "auto"
    use_cache: bool = True
    jobs: Optional[int] = None
    """Local worker processes for the map (None: one per core, when there is enough work)."""
    scheduler: Optional[str] = None
    """A Dask scheduler's address, or ``local:N``: the map runs there instead."""

    def checked(self) -> "BuildConfig":
        """This configuration, each option checked (the templates folder is checked by the renderer)."""
        from .cluster import parse_scheduler

        if self.data_dir is not None and not Path(self.data_dir).is_dir():
            raise DataFileError(str(self.data_dir), "data folder does not exist")
        if self.layout not in LAYOUTS:
            raise ConfigError(f"--layout: one of {', '.join(LAYOUTS)}, not {self.layout!r}")
        if self.jobs is not None and self.jobs < 1:
            raise ConfigError(f"--jobs: at least 1, not {self.jobs}")
        if self.scheduler is not None:
            try:
                parse_scheduler(self.scheduler)
            except ValueError as error:
                raise ConfigError(f"--scheduler: {error}") from None
        return self

    @property
    def templates_folder(self) -> Path:
        return self.templates or templates_dir()


@dataclass(frozen=True)
class Fingerprints:
    """Content hashes of everything a report is made from."""

    code: str
    data: dict[str, str]
    templates: str

    @classmethod
    def of(cls, data_dir: Optional[Path], templates: Optional[Path]) -> "Fingerprints":
        return cls(
            code=code_digest(),
            data={name: file_digest(data_file(name, data_dir)) for name in DATA_FILES},
            templates=tree_digest(templates or templates_dir()),
        )

    def report_key(self, sources: tuple[SourceFile, ...], *extra: str) -> str:
        """``extra``: anything else the output depends on (the build date, the renderer's libraries)."""
        parts = [self.code, self.templates, *(f"{k}={v}" for k, v in sorted(self.data.items()))]
        parts += [f"{s.name}\0{s.sha256}\0{s.facts.text_digest}" for s in sources]
        return digest("report", *parts, *extra)

    @property
    def layout(self) -> str:
        """What the parser reads besides the page: the layout file and the WeChat words of sources.toml."""
        return digest(self.data["layout.toml"], self.data["sources.toml"])

    @property
    def reading(self) -> str:
        """What each article's reading depends on besides its words: the theme and claim files."""
        return digest(self.data["themes.toml"], self.data["claims.toml"])
