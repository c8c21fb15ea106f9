"""The LSH Ensemble's lookups for many texts at once, in numpy: which texts each text finds.

datasketch's :class:`MinHashLSHEnsemble` keeps, for each of its partitions (by set size) and each
band width ``r`` it may use, a hash table of every indexed text's bands; a lookup walks the first
``b`` tables and takes every text in every bucket it meets, one Python step per text and band. On
a corpus where a constant share of the other texts meets a text in some band (articles sharing
sentences), that is the one part of the duplicate search that grows as n², and the tables hold a
dict entry and a set per text and band.

:class:`Bands` applies the same rule without the tables: text ``q`` finds text ``o`` (``o != q``)
when, with ``p`` the partition of ``o``'s size class and ``(b, r)`` the Ensemble's parameters for
``p``'s upper size class and ``q``'s, one of the first ``b`` bands of ``r`` hash values is equal.
Each band is turned into one exact number per text (its rank among the distinct bands), the texts
looked among are sorted by it once, and a block of looking texts at a time has its equal runs
marked in a block × texts bitmap (a pair met in several bands is marked once; the bitmap stays
within :data:`BLOCK_CELLS` bytes). A test holds the found pairs to the Ensemble's own lookups.
"""

from __future__ import annotations

from typing import Callable, Iterator

import numpy as np

BLOCK_CELLS = 1 << 24
"""Bytes of the looking block's bitmap (a block of ``BLOCK_CELLS // texts`` looking texts)."""

Parameters = Callable[[int, int], tuple[int, int]]
"""``(b, r)`` the Ensemble looks up with, for a partition's upper size class and a text's size class."""


class Bands:
    """The bands of texts of the same ``signatures`` (rows: texts; columns: hash values) and size
    ``classes``, ready for any texts to be looked up among any others (each band's ranks are worked
    out once, for every lookup)."""

    def __init__(self, signatures: np.ndarray, classes: np.ndarray, uppers: np.ndarray, parameters: Parameters) -> None:
        self.signatures, self.classes, self.uppers, self.parameters = signatures, classes, uppers, parameters
        self._ranks: dict[tuple[int, int], np.ndarray] = {}

    def found(self, looking: np.ndarray, among: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """``(looking texts, found texts)`` pairs, the texts found being of ``among``, block by
        block, in ascending order of both."""
        part = np.searchsorted(self.uppers, self.classes[among], side="left")
        parts = [among[part == p] for p in range(len(self.uppers))]
        sorted_parts: dict[tuple[int, int, int], tuple[np.ndarray, np.ndarray]] = {}
        texts = len(self.signatures)
        block = max(1, BLOCK_CELLS // max(texts, 1))
        for start in range(0, len(looking), block):
            queries = looking[start : start + block]
            hits = np.zeros((len(queries), texts), dtype=bool)
            for p, members in enumerate(parts):
                if len(members):
                    self._mark(hits, queries, p, members, sorted_parts)
            hits[np.arange(len(queries)), queries] = False  # a text does not find itself
            rows, found = np.nonzero(hits)
            yield queries[rows], found

    def _mark(self, hits: np.ndarray, queries: np.ndarray, p: int, members: np.ndarray, sorted_parts: dict) -> None:
        """Mark in ``hits`` the texts of partition ``p`` (``members``) that each of ``queries`` finds."""
        classes, where = np.unique(self.classes[queries], return_inverse=True)
        params = np.array([self.parameters(int(self.uppers[p]), int(c)) for c in classes], dtype=np.int64).reshape(-1, 2)[where]
        for b, r in {tuple(row) for row in params.tolist()}:
            rows = np.flatnonzero((params[:, 0] == b) & (params[:, 1] == r))
            for band in range(b):
                if (p, r, band) not in sorted_parts:
                    sorted_parts[p, r, band] = self._sorted(members, r, band)
                ranks, order = sorted_parts[p, r, band]
                wanted = self._band_ranks(r, band)[queries[rows]]
                low, high = np.searchsorted(ranks, wanted, side="left"), np.searchsorted(ranks, wanted, side="right")
                counts = high - low
                total = int(counts.sum())
                if not total:
                    continue
                starts = np.repeat(low - (np.cumsum(counts) - counts), counts)
                hits[np.repeat(rows, counts), order[starts + np.arange(total)]] = True

    def _sorted(self, members: np.ndarray, r: int, band: int) -> tuple[np.ndarray, np.ndarray]:
        """The ``members``' ranks of band ``band`` (width ``r``), sorted, and the members in that order."""
        ranks = self._band_ranks(r, band)[members]
        order = np.argsort(ranks, kind="stable")
        return ranks[order], members[order]

    def _band_ranks(self, r: int, band: int) -> np.ndarray:
        """One number per text for band ``band`` of width ``r``, equal exactly when the bands are."""
        key = (r, band)
        if key not in self._ranks:
            values = self.signatures[:, band * r : (band + 1) * r]
            if r == 1:
                self._ranks[key] = values[:, 0].copy()
            else:
                self._ranks[key] = np.unique(values, axis=0, return_inverse=True)[1].reshape(-1).astype(np.int32)
        return self._ranks[key]
