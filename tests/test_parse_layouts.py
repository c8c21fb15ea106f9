"""Layout fixtures: real newspaper pages (mastheads, bylines of every form, news items, captions,
jump lines, editorial blocks, notices, OCR noise), each beside the records a careful reader expects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zhenggong_report.parse import parse_page
from zhenggong_report.sources import source_from_bytes

from invariants import assert_nothing_lost
from page_fixture_records import layout_records

PAGES = sorted((Path(__file__).parent / "fixtures" / "pages").glob("*.txt"))


def load(path: Path):
    return source_from_bytes(path.read_bytes(), path.name)


def expected_records(path: Path) -> dict:
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    expected.pop("note", None)
    return expected


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_layout_page_parses_to_expected_records(path: Path, segmenter) -> None:
    expected = expected_records(path)
    actual = layout_records(parse_page(load(path), segmenter))
    assert actual["page"] == expected["page"]
    assert actual["leftovers"] == expected["leftovers"]
    assert actual["articles"] == expected["articles"]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_layout_page_loses_no_line(path: Path, segmenter) -> None:
    source = load(path)
    result = parse_page(source, segmenter)
    assert_nothing_lost(source, list(result.articles) + list(result.leftovers))
