"""A page given as text, parsed as a build parses a file holding it: the parser rules' tests."""

from __future__ import annotations

from zhenggong_report.parse import parse_page
from zhenggong_report.sources import source_from_bytes


def parse_text(page: str, segmenter, layout=None, name: str = "p.txt"):
    """The :class:`PageResult` of ``page`` read as the UTF-8 file ``name``."""
    return parse_page(source_from_bytes(page.encode("utf-8"), name), segmenter, layout=layout)
