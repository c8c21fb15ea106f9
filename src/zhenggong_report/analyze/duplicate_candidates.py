"""Which pairs of distinct texts the duplicate search measures: the candidates of a MinHash LSH
Ensemble (``datasketch``: its partitions and band parameters, its lookup rule applied to all texts
at once by :mod:`.duplicate_bands`), narrowed by the sketches, and what a later build may reuse.

Each eligible text looks up the others that may contain it. Whether a lookup finds a text depends
only on the two sketches, the two sizes (as :func:`size_class`) and the bounds of the partitions,
which the Ensemble lays out over the sizes of all the texts. So when a build's partitions are those
of the build before, two texts both builds had are candidates exactly when they were
(:class:`CandidateMemo`), and only the pairs with a new text are looked up: a corpus with one page
changed looks up that page's texts only. A test holds both ways to the same candidates.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional, Sequence

import numpy as np

from .duplicate_bands import Bands

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
the new texts up (both ways) costs about as much as looking every text up."""
MEASURED_AT_ONCE = 1 << 16
"""Pairs whose sketches are compared in one step (each gathers two rows of hash values)."""


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
    share paragraphs gives the LSH lookups many candidates; this keeps the exact measure to the few
    that matter, all at once in numpy."""
    possible = _sizes_allow(sizes[looking], sizes[found])  # a text too small to hold it, whatever its sketch
    looking, found = looking[possible], found[possible]
    if not len(found):
        return possible
    perms = signatures.shape[1]
    estimate = np.count_nonzero(signatures[found] == signatures[looking], axis=1) / perms  # a mean, without floats per value
    # The estimate's standard error is sqrt(J(1 - J) / NUM_PERM); an upper bound of the Jaccard
    # four of those above it (and never less than 0.02), turned into containment (a small text in a
    # large one magnifies it), decides.
    error = np.sqrt(np.maximum(estimate * (1 - estimate), 1 / perms) / perms)
    jaccard = np.minimum(estimate + np.maximum(SLACK_ERRORS * error, 0.02), 1.0)
    possible[possible] = _contains_enough(jaccard, sizes[looking], sizes[found])
    return possible


def _contains_enough(jaccard: np.ndarray, looking_size: np.ndarray, found_size: np.ndarray) -> np.ndarray:
    """Whether a Jaccard of ``jaccard`` between the two sets makes the found one hold
    :data:`CONTAINMENT` of the looking one's items."""
    return jaccard * (looking_size + found_size) / ((1 + jaccard) * looking_size) >= CONTAINMENT


def _sizes_allow(looking_size: np.ndarray, found_size: np.ndarray) -> np.ndarray:
    """:func:`_contains_enough` at a Jaccard of 1, its largest: a found set under 60 % of the
    looking one's size can never hold 80 % of it."""
    return _contains_enough(np.ones(len(looking_size)), looking_size, found_size)


class SketchSearch:
    """The distinct texts' MinHash sketches, sizes and candidates: :meth:`candidates` gives, for any
    eligible text, the others the LSH Ensemble finds that the sketches say may hold
    :data:`CONTAINMENT` of it — all looked up at once by the Ensemble's rule (:mod:`.duplicate_bands`),
    or taken from an ``earlier`` build's candidates and the new texts' lookups when the Ensemble
    would lay out the same partitions (``reused``)."""

    def __init__(self, texts: "DistinctTexts", eligible: list[int], earlier: Optional[CandidateMemo] = None) -> None:
        from datasketch import MinHashLSHEnsemble  # its parameters only: no index is built

        from .duplicate_texts import NUM_PERM

        self.texts, self.eligible = texts, np.array(eligible, dtype=np.int64)
        self.signatures = np.zeros((len(texts), NUM_PERM), dtype=np.uint32)
        self.signatures[eligible] = texts.sketches(eligible)
        self.sizes = np.array([texts.size(i) for i in range(len(texts))], dtype=np.float64)
        self.classes = np.array([size_class(texts.size(i)) for i in range(len(texts))], dtype=np.int64)
        self.ensemble = MinHashLSHEnsemble(
            threshold=CONTAINMENT - SKETCH_MARGIN, num_perm=NUM_PERM, num_part=PARTITIONS, weights=RECALL_WEIGHTS
        )
        self.bounds = partition_bounds(self.classes[self.eligible]) if len(self.eligible) else ()
        self.bands = Bands(self.signatures, self.classes, np.array([upper for _, upper in self.bounds], dtype=np.int64), self._parameters)
        known = self._reused(earlier) if earlier is not None else None
        self.reused = known is not None
        self.known = known if known is not None else _by_text(self._looked_up(self.eligible, self.eligible))

    def candidates(self, text: int) -> np.ndarray:
        """The texts ``text`` looks up, in ascending order, that the sketches say may contain it."""
        return self.known.get(text, np.zeros(0, dtype=np.int64))

    def remembered(self, looked_up: Sequence[np.ndarray]) -> CandidateMemo:
        """What a later build may reuse of this one's lookups (``looked_up``: the pairs as int32 rows)."""
        pairs = np.concatenate([np.zeros((0, 2), dtype=np.int32), *looked_up]).astype(np.int32)
        return CandidateMemo(tuple(p.digest for p in self.texts.prints), self.bounds, pairs.tobytes())

    def _reused(self, earlier: CandidateMemo) -> Optional[dict[int, np.ndarray]]:
        """Every eligible text's candidates from ``earlier`` and the new texts' lookups (theirs, and
        the others' of them), or None when the partitions differ or too many texts are new."""
        now = {p.digest: i for i, p in enumerate(self.texts.prints)}
        then = np.array([now.get(d, -1) for d in earlier.digests] + [-1], dtype=np.int64)
        seen = np.zeros(len(self.texts), dtype=bool)
        seen[then[then >= 0]] = True
        new = self.eligible[~seen[self.eligible]]
        if len(new) > REUSE_UP_TO * len(self.eligible) or self.bounds != earlier.bounds:
            return None
        kept = np.frombuffer(earlier.pairs, dtype=np.int32).reshape(-1, 2)
        kept = then[kept]  # into this build's numbers; -1 for a text no longer here
        kept = kept[(kept >= 0).all(axis=1)]
        return _by_text(np.concatenate([kept, self._looked_up(new, self.eligible), self._looked_up(self.eligible, new)]))

    def _looked_up(self, looking: np.ndarray, among: np.ndarray) -> np.ndarray:
        """(text looking, text found) rows: what each of ``looking`` finds among ``among`` that the
        sketches say may contain it."""
        kept = [np.zeros((0, 2), dtype=np.int64)]
        for queries, found in self.bands.found(looking, among):
            for start in range(0, len(found), MEASURED_AT_ONCE):
                q, f = queries[start : start + MEASURED_AT_ONCE], found[start : start + MEASURED_AT_ONCE]
                possible = may_contain(self.signatures, self.sizes, q, f)
                kept.append(np.column_stack([q[possible], f[possible]]))
        return np.concatenate(kept)

    def _parameters(self, upper: int, size: int) -> tuple[int, int]:
        bands, rows = self.ensemble._get_optimal_param(upper, size)
        return int(bands), int(rows)


def _by_text(pairs: np.ndarray) -> dict[int, np.ndarray]:
    """Candidate pairs as each looking text's found texts, distinct and ascending."""
    if not len(pairs):
        return {}
    pairs = np.unique(pairs.astype(np.int64), axis=0)  # sorted by the text looking, then the text found
    starts = np.flatnonzero(np.diff(pairs[:, 0], prepend=-1))
    return {int(pairs[s, 0]): found for s, found in zip(starts, np.split(pairs[:, 1], starts[1:]))}
