"""Report pages written to disk for the browser and validator tests."""

from __future__ import annotations

from pathlib import Path

from zhenggong_report.build import load_sources, parse_sources
from zhenggong_report.outputs import write_tree_atomically
from zhenggong_report.render.html import render_html

from analysis_fixture import hand_made_analysis
from conftest import FIXTURES

MARKUP_SEEDS = FIXTURES / "render" / "markup"


def write_report(seeds: Path, out: Path, segmenter) -> Path:
    """Render the report of ``seeds`` into ``out``; return the page's path."""
    corpus = parse_sources(load_sources(seeds).sources, segmenter)
    write_tree_atomically(out, render_html(corpus, hand_made_analysis(corpus)))
    return out / "index.html"
