"""The nothing-lost invariant: every non-blank source line lies in exactly one record.

On a page whose columns were OCR'd side by side (:mod:`zhenggong_report.parse.gutter`) the unit
is the cell, (row, column): each column's part of a split row lies in exactly one record.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from zhenggong_report.models.source_files import WHOLE_ROW, SourceFile, is_blank_line, spans_in_columns
from zhenggong_report.parse.gutter import split_at_gutter


def page_cells(source: SourceFile) -> dict[tuple[int, int], str]:
    """Every (row, column) cell of the page with its text: whole rows, or the parts of split rows."""
    split = split_at_gutter(source.lines)
    if split is None:
        return {(number, WHOLE_ROW): line for number, line in enumerate(source.lines, 1)}
    return dict(zip(split.cells, split.texts))


def line_owners(source: SourceFile, records: Iterable, cells: dict[tuple[int, int], str] | None = None) -> Counter:
    """How many records hold each non-blank cell of ``source``."""
    cells = page_cells(source) if cells is None else cells
    owners: Counter = Counter()
    for record in records:
        own = (record.file, record.lines)
        parts = getattr(record, "parts", ()) or (own,)
        spans = [
            (span, column if (file, lines) == own else WHOLE_ROW)
            for file, lines in parts if file == source.name
            for span, column in spans_in_columns(lines, record.columns if (file, lines) == own else ())
        ]
        covered = set()
        for (first, last), column in spans:
            assert 1 <= first <= last <= len(source.lines), f"span {first}-{last} outside {source.name}"
            assert (first, column) in cells and (last, column) in cells, f"span {first}-{last} in no column {column} of {source.name}"
            covered.update((row, column) for row in range(first, last + 1))
        owners.update(cell for cell in covered if cells.get(cell, "").strip())
    return owners


def assert_nothing_lost(source: SourceFile, records: Iterable) -> None:
    cells = page_cells(source)
    owners = line_owners(source, records, cells)
    missing = [cell for cell, text in cells.items() if not is_blank_line(text) and owners[cell] == 0]
    shared = sorted(cell for cell, count in owners.items() if count > 1)
    assert not missing, f"{source.name}: lines in no record: {_shown(missing[:20])}"
    assert not shared, f"{source.name}: lines in several records: {_shown(shared[:20])}"


def _shown(cells: list[tuple[int, int]]) -> list:
    """Row numbers as before; ``(row, column)`` only for the cells of split rows."""
    return [row if column == WHOLE_ROW else (row, column) for row, column in cells]
