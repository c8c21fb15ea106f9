"""The nothing-lost invariant: every non-blank source line lies in exactly one record."""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from zhenggong_report.models import SourceFile


def line_owners(source: SourceFile, records: Iterable) -> Counter:
    owners: Counter = Counter()
    for record in records:
        parts = getattr(record, "parts", ()) or ((record.file, record.lines),)
        spans = [span for file, lines in parts if file == source.name for span in lines]
        if not spans:
            continue
        covered = set()
        for first, last in spans:
            assert 1 <= first <= last <= len(source.lines), f"span {first}-{last} outside {source.name}"
            covered.update(range(first, last + 1))
        owners.update(n for n in covered if source.lines[n - 1].strip())
    return owners


def assert_nothing_lost(source: SourceFile, records: Iterable) -> None:
    owners = line_owners(source, records)
    missing = [n for n in source.non_blank_line_numbers if owners[n] == 0]
    shared = sorted(n for n, count in owners.items() if count > 1)
    assert not missing, f"{source.name}: lines in no record: {missing[:20]}"
    assert not shared, f"{source.name}: lines in several records: {shared[:20]}"
