"""The LSH Ensemble's lookup rule applied to many texts at once (analyze/duplicate_bands.py), on
hand-made sketches whose equal bands are known (the test against datasketch's own index is in
test_duplicates.py)."""

from __future__ import annotations

import numpy as np
import pytest

from zhenggong_report.analyze import duplicate_bands
from zhenggong_report.analyze.duplicate_bands import Bands


def _signatures(rows: list[list[int]]) -> np.ndarray:
    return np.array(rows, dtype=np.uint32)


def _pairs(bands: Bands, looking, among=None) -> set[tuple[int, int]]:
    found = set()
    among = np.arange(len(bands.signatures)) if among is None else np.array(among, dtype=np.int64)
    for queries, hits in bands.found(np.array(looking, dtype=np.int64), among):
        found |= set(zip(queries.tolist(), hits.tolist()))
    return found


SKETCHES = _signatures(
    [
        [1, 2, 3, 4, 5, 6, 7, 8],
        [1, 2, 9, 9, 9, 9, 9, 9],  # text 0's first band of two
        [0, 0, 0, 0, 0, 0, 7, 8],  # text 0's last band: past the first two looked at
        [5, 5, 9, 9, 6, 6, 6, 6],  # text 1's second band
        [1, 0, 3, 0, 5, 0, 7, 0],  # every other value of text 0's: no band equal
    ]
)


@pytest.mark.parametrize("block_cells", [1 << 24, 5, 1], ids=["one-block", "two-texts-a-block", "one-text-a-block"])
def test_a_text_finds_those_sharing_one_of_the_first_b_bands_and_never_itself(monkeypatch, block_cells) -> None:
    monkeypatch.setattr(duplicate_bands, "BLOCK_CELLS", block_cells)
    bands = Bands(SKETCHES, np.full(5, 10), np.array([100]), lambda upper, size: (2, 2))
    assert _pairs(bands, range(5)) == {(0, 1), (1, 0), (1, 3), (3, 1)}


def test_the_band_width_and_count_are_the_partitions_parameters_for_the_looking_texts_size() -> None:
    """Texts 0 and 1 (size class 10) fall in the partition up to 10, texts 2–4 (size 50) in the one
    up to 60; a text of size 10 looks at the larger partition with one band of width 8 only."""
    classes = np.array([10, 10, 50, 50, 50])
    asked = []

    def parameters(upper: int, size: int) -> tuple[int, int]:
        asked.append((upper, size))
        return (4, 2) if upper == 10 or size == 50 else (1, 8)

    bands = Bands(SKETCHES, classes, np.array([10, 60]), parameters)
    assert _pairs(bands, [0, 1, 2, 3, 4]) == {(0, 1), (1, 0), (2, 0), (3, 1)}
    assert set(asked) == {(10, 10), (10, 50), (60, 10), (60, 50)}


def test_only_the_texts_looked_among_are_found_and_one_bands_serves_every_lookup() -> None:
    bands = Bands(SKETCHES, np.full(5, 10), np.array([100]), lambda upper, size: (4, 2))
    assert _pairs(bands, range(5), among=[1, 2]) == {(0, 1), (0, 2), (3, 1)}
    assert _pairs(bands, [1, 2], among=range(5)) == {(1, 0), (1, 3), (2, 0)}
    assert _pairs(bands, range(5), among=[1, 2]) == {(0, 1), (0, 2), (3, 1)}  # the same again


def test_bands_wider_than_two_values_are_equal_exactly_when_every_value_is() -> None:
    sketches = _signatures([[1, 2, 3, 4, 5, 6], [1, 2, 3, 0, 0, 0], [1, 2, 4, 0, 0, 0], [9, 9, 9, 4, 5, 6]])
    bands = Bands(sketches, np.full(4, 10), np.array([100]), lambda upper, size: (2, 3))
    assert _pairs(bands, range(4)) == {(0, 1), (1, 0), (0, 3), (3, 0), (1, 2), (2, 1)}  # not 0 and 2: one value differs
