"""The input edge: the seeds folder read into source files, with what was not read and why."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..cache import BuildCache, code_digest
from ..errors import shown
from ..models.parsed import ParsedCorpus
from ..models.source_files import SourceFile
from ..segmenter import Segmenter
from ..sources import gb18030_doubt, list_seed_files, read_source
from ..sources.remembered import read_remembered
from ..sources.settings import load_reader_settings


@dataclass(frozen=True)
class LoadedSources:
    sources: tuple[SourceFile, ...]
    notes: tuple[str, ...]
    """Files in the seeds folder that were not read, and why."""
    warnings: tuple[str, ...] = ()
    """Pages read, but perhaps not as their author meant (a damaged UTF-8 page read as GB18030)."""


def load_sources(seeds: Path, data_dir: Optional[Path] = None, cache: Optional[BuildCache] = None) -> LoadedSources:
    """Read every page of the seeds folder; the readers' settings come from ``sources.toml`` in
    ``data_dir`` or the packaged one. With a cache, what the Word, PDF and WeChat readers made of
    a file before is reused."""
    listing = list_seed_files(seeds)
    settings = load_reader_settings(data_dir)
    if cache is not None and cache.enabled:
        code = code_digest()
        sources = tuple(read_remembered(path, settings, cache, code) for path in listing.paths)
    else:
        sources = tuple(read_source(path, settings) for path in listing.paths)
    notes = tuple(f"{shown(str(seeds / name))}: {why}" for name, why in listing.ignored)
    warnings = []
    for path, source in zip(listing.paths, sources, strict=True):
        doubt = gb18030_doubt(path.read_bytes()) if source.encoding == "gb18030" else None
        if doubt:
            warnings.append(f"{shown(str(path))}: {doubt}")
    return LoadedSources(sources, notes, tuple(warnings))


def parse_sources(
    sources: tuple[SourceFile, ...], segmenter: Optional[Segmenter] = None, data_dir: Optional[Path] = None
) -> ParsedCorpus:
    """Every page parsed, nothing analysed (``zhenggong_report parse``)."""
    from ..parse import parse_corpus
    from ..parse.layout_file import load_layout

    return parse_corpus(sources, segmenter or Segmenter(), load_layout(data_dir))
