"""Each parse fixture is an input page beside the records a careful reader expects from it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zhenggong_report.parse import parse_page
from zhenggong_report.parse.blocks import BLOCK_RULES, tokenize_blocks
from zhenggong_report.parse.layout_file import default_layout
from zhenggong_report.parse.pages import PAGE_RULES
from zhenggong_report.parse.state import BlockState, read_lines
from zhenggong_report.sources import source_from_bytes

from fixture_records import page_records
from invariants import assert_nothing_lost

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "parse").glob("*.txt"))
LAYOUT_PAGES = sorted((Path(__file__).parent / "fixtures" / "pages").glob("*.txt"))


def load(path: Path):
    return source_from_bytes(path.read_bytes(), path.name)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_fixture_parses_to_expected_records(path: Path, segmenter) -> None:
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    assert page_records(parse_page(load(path), segmenter)) == expected


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_fixture_loses_no_line(path: Path, segmenter) -> None:
    source = load(path)
    result = parse_page(source, segmenter)
    assert_nothing_lost(source, list(result.articles) + list(result.leftovers))


def test_every_block_rule_is_exercised_by_a_fixture(segmenter) -> None:
    used = set()
    for path in FIXTURES + LAYOUT_PAGES:
        state = BlockState(read_lines(load(path).lines), segmenter, default_layout())
        used.update(block.rule for block in tokenize_blocks(state))
    named = {rule.name for rule in BLOCK_RULES} - {"blank_line"}
    assert named - used == set()


@pytest.mark.parametrize("rule", [r.run for r in BLOCK_RULES] + list(PAGE_RULES), ids=lambda r: r.__name__)
def test_every_rule_names_its_pattern(rule) -> None:
    assert rule.__doc__ and len(rule.__doc__.strip()) > 20
