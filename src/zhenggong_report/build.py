"""The pipeline: sources -> parse -> analyze -> render, then one atomic write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .errors import DataFileError
from .models import ParsedCorpus, SourceFile
from .outputs import source_date, write_tree_atomically
from .parse import parse_corpus
from .render.data import parse_files
from .render.html import make_environment, render_html
from .resources import templates_dir
from .segmenter import Segmenter
from .sources import list_seed_files, read_source


@dataclass(frozen=True)
class LoadedSources:
    sources: tuple[SourceFile, ...]
    notes: tuple[str, ...]
    """Files in the seeds folder that were not read, and why."""


@dataclass(frozen=True)
class BuildResult:
    out: Path
    files: tuple[str, ...]
    articles: int
    leftovers: int
    warnings: tuple[str, ...]
    notes: tuple[str, ...]


def load_sources(seeds: Path) -> LoadedSources:
    """Read and decode every ``.txt`` page of the seeds folder (the input edge)."""
    listing = list_seed_files(seeds)
    sources = tuple(read_source(path) for path in listing.paths)
    notes = tuple(f"{seeds / name}: {why}" for name, why in listing.ignored)
    return LoadedSources(sources, notes)


def check_data_dir(data_dir: Optional[Path]) -> None:
    if data_dir is not None and not Path(data_dir).is_dir():
        raise DataFileError(str(data_dir), "data folder does not exist")


def parse_sources(sources: tuple[SourceFile, ...], segmenter: Optional[Segmenter] = None) -> ParsedCorpus:
    return parse_corpus(sources, segmenter or Segmenter())


def build(seeds: Path, out: Path, data_dir: Optional[Path] = None, templates: Optional[Path] = None) -> BuildResult:
    """Build the report from ``seeds`` into ``out``; nothing is written unless every stage succeeds.

    ``data_dir`` holds data files (themes.toml, enterprises.toml, stopwords.txt, userdict.txt) that
    replace the packaged ones of the same name; ``templates`` is a copy of the report templates to
    render the page with. One segmenter (one jieba load) serves every stage.
    """
    from .analyze import analyze_corpus, load_analysis_data

    check_data_dir(data_dir)
    make_environment(templates or templates_dir())  # a missing templates folder fails before any work
    built_on = source_date()
    data = load_analysis_data(data_dir)
    loaded = load_sources(seeds)
    segmenter = Segmenter.for_data_dir(data_dir)
    corpus = parse_sources(loaded.sources, segmenter)
    analysis = analyze_corpus(corpus, segmenter, data_dir, data)
    files = parse_files(corpus, analysis)
    files.update(render_html(corpus, analysis, templates, built_on.date().isoformat() if built_on else None))
    write_tree_atomically(out, files)
    return BuildResult(
        out=out,
        files=tuple(sorted(files)),
        articles=len(corpus.articles),
        leftovers=len(corpus.leftovers),
        warnings=corpus.warnings,
        notes=loaded.notes,
    )
