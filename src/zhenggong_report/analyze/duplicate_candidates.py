"""Which pairs of distinct texts the duplicate search measures: the candidates of a MinHash LSH
Ensemble (``datasketch``), narrowed by the sketches, and what a later build may reuse of them.

Every eligible text's sketch goes into the Ensemble, and each text looks up the others that may
contain it. Whether a lookup finds a text depends only on the two sketches, the two sizes (as
:func:`size_class`) and the bounds of the index's partitions, which the index lays out over the
sizes of all the texts. So when a build's partitions are those of the build before, two texts both
builds had are candidates exactly when they were (:class:`CandidateMemo`), and the pairs with a new
text are looked at by the index's own rule (:func:`band_matches`: one of the first ``b`` bands of
``r`` values equal) without the index being built: a corpus with one page changed looks up that
page's texts only. A test holds both ways to the same candidates.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional, Sequence

import numpy as np

if TYPE_CHECKING:
    from .duplicate_texts import DistinctTexts

CONTAINMENT = 0.8
"""Share of an article's shingles that must stand in another for the two to be duplicates."""
SKETCH_MARGIN = 0.15
"""The sketch looks for pairs this far below :data:`CONTAINMENT`, so that a pair near it is not lost
to the sketch's luck; every candidate is then measured exactly."""
RECALL_WEIGHTS = (0.2, 0.8)
"""How the LSH Ensemble weighs a false candidate against a missed one when it sets its bands: a
false candidate costs one look at two sketches (every candidate is measured afterwards), a missed
one a duplicate unreported. With datasketch's even weights, a short text 81 % of which stands in one
3.6 times its size was missed (Jaccard 0.21); these weights find it, with fewer bands per text."""
PARTITIONS = 4
"""Partitions of the LSH Ensemble, by set size."""
SIZE_STEP = 1.02
SLACK_ERRORS = 4.0
"""Standard errors added to a sketch's Jaccard estimate before it may rule a candidate out."""
REUSE_UP_TO = 0.25
"""Largest share of new texts for which the earlier build's candidates are reused: past it, looking
each new text up by the bands costs more than building the index."""


@dataclass(frozen=True)
class CandidateMemo:
    """The candidates one build's lookups gave: every text's digest (``pairs`` number the texts in
    this order), the index's partitions as (lower, upper) size classes, and the pairs as int32
    (text looking up, text found), row by row."""

    digests: tuple[bytes, ...]
    bounds: tuple[tuple[int, int], ...]
    pairs: bytes


def size_class(size: int) -> int:
    """A set's size to within 2 %, as the LSH index is told it: the index lays out its partitions
    over the distinct sizes (in time quadratic in their number), and its threshold already has a
    margin; the exact measure afterwards uses the true sizes."""
    return max(1, round(SIZE_STEP ** round(math.log(size) / math.log(SIZE_STEP)))) if size > 0 else 0


def partition_bounds(classes: Sequence[int]) -> tuple[tuple[int, int], ...]:
    """The partitions the Ensemble lays out over these size classes (its own optimiser, as it calls it)."""
    from datasketch.lshensemble_partition import optimal_partitions

    sizes, counts = np.array(sorted(Counter(int(c) for c in classes).most_common())).T
    return tuple((int(lower), int(upper)) for lower, upper in optimal_partitions(sizes, counts, PARTITIONS))


def may_contain(signatures: np.ndarray, sizes: np.ndarray, looking: np.ndarray, found: np.ndarray) -> np.ndarray:
    """For each pair (``looking[k]``, ``found[k]``), whether the sketches say text ``found[k]`` may
    hold :data:`CONTAINMENT` of text ``looking[k]``'s shingles (its containment bounded from the
    sketches' Jaccard and the two sizes): only those are measured exactly. A corpus whose articles
    share paragraphs gives the LSH index many candidates; this keeps the exact measure to the few
    that matter, all at once in numpy."""
    if not len(found):
        return np.zeros(0, dtype=bool)
    estimate = (signatures[found] == signatures[looking]).mean(axis=1)
    # The estimate's standard error is sqrt(J(1 - J) / NUM_PERM); an upper bound of the Jaccard
    # four of those above it (and never less than 0.02), turned into containment (a small text in a
    # large one magnifies it), decides.
    perms = signatures.shape[1]
    error = np.sqrt(np.maximum(estimate * (1 - estimate), 1 / perms) / perms)
    jaccard = np.minimum(estimate + np.maximum(SLACK_ERRORS * error, 0.02), 1.0)
    return jaccard * (sizes[looking] + sizes[found]) / ((1 + jaccard) * sizes[looking]) >= CONTAINMENT


def band_matches(signatures: np.ndarray, text: int, others: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """Which of ``others`` share one of the first ``bands`` bands of ``rows`` hash values with
    ``text``: how an LSH index of those parameters finds a text (either way round)."""
    width = bands * rows
    equal = signatures[others, :width] == signatures[text, :width]
    return equal.reshape(len(others), bands, rows).all(axis=2).any(axis=1)


class SketchSearch:
    """The distinct texts' MinHash sketches, sizes and candidates: :meth:`candidates` gives, for any
    eligible text, the others the LSH Ensemble finds that the sketches say may hold
    :data:`CONTAINMENT` of it — from the index, or from an ``earlier`` build's candidates and a look
    at the new texts' bands when the index would lay out the same partitions."""

    def __init__(self, texts: "DistinctTexts", eligible: list[int], earlier: Optional[CandidateMemo] = None) -> None:
        from datasketch import LeanMinHash, MinHashLSHEnsemble  # imported only when there are many texts to compare

        from .duplicate_texts import NUM_PERM, SKETCH_SCHEME

        self.texts, self.eligible = texts, np.array(eligible, dtype=np.int64)
        self.signatures = np.zeros((len(texts), NUM_PERM), dtype=np.uint32)
        self.signatures[eligible] = texts.sketches(eligible)
        self.sizes = np.array([texts.size(i) for i in range(len(texts))], dtype=np.float64)
        self.classes = np.array([size_class(texts.size(i)) for i in range(len(texts))], dtype=np.int64)
        self.index = MinHashLSHEnsemble(
            threshold=CONTAINMENT - SKETCH_MARGIN, num_perm=NUM_PERM, num_part=PARTITIONS, weights=RECALL_WEIGHTS
        )
        self.known = self._reused(earlier) if earlier is not None else None
        if self.known is None:
            self.sketches = {i: LeanMinHash(seed=1, hashvalues=self.signatures[i], scheme=SKETCH_SCHEME) for i in eligible}
            self.index.index((i, self.sketches[i], int(self.classes[i])) for i in eligible)
            self.bounds = tuple((int(lo), int(up)) for lo, up in zip(self.index.lowers, self.index.uppers) if up is not None)

    def candidates(self, text: int) -> np.ndarray:
        """The texts ``text`` looks up, in ascending order, that the sketches say may contain it."""
        if self.known is not None:
            return self.known.get(text, np.zeros(0, dtype=np.int64))
        found = np.array(sorted(j for j in self.index.query(self.sketches[text], int(self.classes[text])) if j != text), dtype=np.int64)
        return found[may_contain(self.signatures, self.sizes, np.full(len(found), text), found)]

    def remembered(self, looked_up: Sequence[np.ndarray]) -> CandidateMemo:
        """What a later build may reuse of this one's lookups (``looked_up``: the pairs as int32 rows)."""
        pairs = np.concatenate([np.zeros((0, 2), dtype=np.int32), *looked_up]).astype(np.int32)
        return CandidateMemo(tuple(p.digest for p in self.texts.prints), self.bounds, pairs.tobytes())

    def _reused(self, earlier: CandidateMemo) -> Optional[dict[int, np.ndarray]]:
        """Every eligible text's candidates from ``earlier`` and the new texts' bands, or None when
        the partitions differ or too many texts are new (then the index is built)."""
        now = {p.digest: i for i, p in enumerate(self.texts.prints)}
        then = np.array([now.get(d, -1) for d in earlier.digests] + [-1], dtype=np.int64)
        seen = np.zeros(len(self.texts), dtype=bool)
        seen[then[then >= 0]] = True
        new = [int(i) for i in self.eligible if not seen[i]]
        if len(new) > REUSE_UP_TO * len(self.eligible):
            return None
        bounds = partition_bounds(self.classes[self.eligible]) if len(self.eligible) else ()
        if bounds != earlier.bounds:
            return None
        self.bounds = bounds
        uppers = np.array([upper for _, upper in bounds], dtype=np.int64)
        kept = np.frombuffer(earlier.pairs, dtype=np.int32).reshape(-1, 2)
        kept = then[kept]  # into this build's numbers; -1 for a text no longer here
        kept = kept[(kept >= 0).all(axis=1)]
        return _by_text(np.concatenate([kept, *(self._new_pairs(n, uppers) for n in new)]))

    def _new_pairs(self, text: int, uppers: np.ndarray) -> np.ndarray:
        """The candidate pairs with a new ``text`` (``uppers``: the partitions' upper size classes):
        the texts it finds, and the texts that find it."""
        others = self.eligible[self.eligible != text]
        part = np.searchsorted(uppers, self.classes[others], side="left")
        finds = [
            group[band_matches(self.signatures, text, group, *self._bands(uppers[p], self.classes[text]))]
            for p in range(len(uppers))
            for group in [others[part == p]]
            if len(group)
        ]
        own_upper = uppers[np.searchsorted(uppers, self.classes[text], side="left")]
        classes, where = np.unique(self.classes[others], return_inverse=True)
        bands = np.array([self._bands(own_upper, c) for c in classes], dtype=np.int64).reshape(-1, 2)[where]
        found_by = [
            group[band_matches(self.signatures, text, group, int(b), int(r))]
            for b, r in {tuple(row) for row in bands.tolist()}
            for group in [others[(bands[:, 0] == b) & (bands[:, 1] == r)]]
        ]
        looking = [np.column_stack([np.full(len(f), text), f]) for f in finds]
        looking += [np.column_stack([f, np.full(len(f), text)]) for f in found_by]
        pairs = np.concatenate([np.zeros((0, 2), dtype=np.int64), *looking])
        return pairs[may_contain(self.signatures, self.sizes, pairs[:, 0], pairs[:, 1])]

    def _bands(self, upper: int, size: int) -> tuple[int, int]:
        bands, rows = self.index._get_optimal_param(int(upper), int(size))
        return int(bands), int(rows)


def _by_text(pairs: np.ndarray) -> dict[int, np.ndarray]:
    """Candidate pairs as each looking text's found texts, distinct and ascending."""
    if not len(pairs):
        return {}
    pairs = np.unique(pairs.astype(np.int64), axis=0)  # sorted by the text looking, then the text found
    starts = np.flatnonzero(np.diff(pairs[:, 0], prepend=-1))
    return {int(pairs[s, 0]): found for s, found in zip(starts, np.split(pairs[:, 1], starts[1:]))}
