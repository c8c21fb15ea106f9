"""The rules' hints skip work only: with them the block rules find exactly the blocks they find without."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhenggong_report.parse.blocks import tokenize_blocks
from zhenggong_report.parse.layout_file import default_layout
from zhenggong_report.parse.state import BlockState, read_lines
from zhenggong_report.sources import source_from_bytes

ROOT = Path(__file__).parent
PAGES = sorted(
    list((ROOT / "fixtures" / "parse").glob("*.txt"))
    + list((ROOT / "fixtures" / "pages").glob("*.txt"))
    + list((ROOT.parent / "seeds").glob("*.txt"))
)


def _state(path: Path, segmenter) -> BlockState:
    return BlockState(read_lines(source_from_bytes(path.read_bytes(), path.name).lines), segmenter, default_layout())


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_hints_give_the_same_blocks(path: Path, segmenter) -> None:
    hinted = tokenize_blocks(_state(path, segmenter), use_hints=True)
    plain = tokenize_blocks(_state(path, segmenter), use_hints=False)
    assert [(b.kind, b.first, b.last, b.text, b.rule) for b in hinted] == [(b.kind, b.first, b.last, b.text, b.rule) for b in plain]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_hinted_interruption_equals_asking_every_rule(path: Path, segmenter) -> None:
    state = _state(path, segmenter)
    tokenize_blocks(state)
    for line in state.lines:
        if not line.blank:
            assert state.interrupts(line) == state.interrupts_plainly(line), line
