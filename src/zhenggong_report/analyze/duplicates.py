"""Duplicate submissions (一稿多投): the same article printed twice, or an abridged copy of it.

Corpus-wide, in the reduce. Each article's body (headings left out) is one of the distinct texts of
:mod:`.duplicate_texts` (normalised, so width, spacing and punctuation do not matter; exact copies
share one, so a corpus copied a thousand times costs one MinHash per distinct text), known by its
character shingles. The distinct texts (when there are :data:`EXACT_BELOW` or more; fewer are
simply compared pair by pair) get a MinHash (``datasketch``) and go into a MinHash LSH Ensemble,
which finds for each text the others that *contain* at least :data:`CONTAINMENT` of its shingles —
a near-duplicate contains nearly all of the other's, an abridged resubmission has nearly all of its
own shingles inside the full text. Every candidate is then checked on the exact shingle sets, so
the groups do not depend on the sketch's luck and are the same from build to build; a
:class:`.DuplicateMemo` of an earlier build spares the work on texts and pairs it already did.
"""

from __future__ import annotations

import math
from functools import partial
from typing import Callable, Optional, Sequence

import numpy as np

from ..models import Article, DuplicateGroup, DuplicateMember
from .duplicate_texts import NUM_PERM, SKETCH_SCHEME, DistinctTexts, DuplicateMemo, body_text

CONTAINMENT = 0.8
"""Share of an article's shingles that must stand in another for the two to be duplicates."""
NEAR_DUPLICATE = 0.8
"""Shingle Jaccard from which a copy counts as a near-duplicate rather than an abridged one."""
MIN_SHINGLES = 30
"""Shorter bodies (a notice, a title alone) are never called duplicates."""
SKETCH_MARGIN = 0.15
"""The sketch looks for pairs this far below :data:`CONTAINMENT`, so that a pair near it is not lost
to the sketch's luck; every candidate is then measured exactly."""
RECALL_WEIGHTS = (0.2, 0.8)
"""How the LSH Ensemble weighs a false candidate against a missed one when it sets its bands: a
false candidate costs one look at two sketches (every candidate is measured afterwards), a missed
one a duplicate unreported. With datasketch's even weights, a short text 81 % of which stands in one
3.6 times its size was missed (Jaccard 0.21); these weights find it, with fewer bands per text."""
SIZE_STEP = 1.02
SLACK_ERRORS = 4.0
"""Standard errors added to a sketch's Jaccard estimate before it may rule a candidate out."""
EXACT_BELOW = 64
"""Fewer distinct texts than this are compared pair by pair, exactly; more go through MinHash LSH."""


class _Groups:
    """Union-find over indices."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


Spread = Callable[[list[Callable[[], "FoundPairs"]]], list["FoundPairs"]]
"""Runs the parts of the pair search side by side and returns their results in order (each part is
independent: it reads the sketches and texts and returns the pairs it found)."""

FoundPairs = tuple[list[tuple[int, int]], dict[bytes, int]]
"""The pairs a part of the search found, and the shared-shingle counts it measured (for the memo)."""

SEARCH_PARTS = 2
"""How many parts the pair search over the distinct texts is cut into for a ``spread``."""


def join_similar(
    texts: DistinctTexts, groups: _Groups, exact_below: int = EXACT_BELOW, spread: Optional[Spread] = None
) -> list[dict[bytes, int]]:
    """Join in ``groups`` every two distinct texts where one holds at least :data:`CONTAINMENT` of
    the other. A pair already in one group is not measured (it would join nothing). Returns the
    shared counts the parts run by ``spread`` measured (what ``texts`` did not see).

    Fewer than ``exact_below`` texts are simply compared pair by pair (cheaper than sketching them);
    more are sketched and looked up in the LSH Ensemble, and only its candidates compared. Given a
    ``spread``, the texts are looked up in :data:`SEARCH_PARTS` parts that it runs side by side, each
    finding its pairs on its own, joined here: the groups are the same as in one part, since a
    pair a part leaves unmeasured is one its own joins already connect.
    """
    eligible = [i for i in range(len(texts)) if texts.size(i) >= MIN_SHINGLES]
    if len(eligible) < exact_below:
        for n, i in enumerate(eligible):
            for j in eligible[n + 1 :]:
                if groups.find(i) != groups.find(j) and (
                    texts.overlap(i, j)[1] >= CONTAINMENT or texts.overlap(j, i)[1] >= CONTAINMENT
                ):
                    groups.join(i, j)
        return []
    search = SketchSearch(texts, eligible)
    if spread is None:
        found = [search.contained_pairs(eligible)]
    else:
        parts = [eligible[k :: SEARCH_PARTS] for k in range(SEARCH_PARTS)]
        found = spread([partial(search.contained_pairs, part) for part in parts if part])
    for pairs, _ in found:
        for i, j in pairs:
            groups.join(i, j)
    return [measured for _, measured in found] if spread is not None else []


class SketchSearch:
    """The distinct texts' MinHash sketches in a MinHash LSH Ensemble, with their signatures and
    sizes: :meth:`contained_pairs` finds, for any of the texts, the others that hold at least
    :data:`CONTAINMENT` of it."""

    def __init__(self, texts: DistinctTexts, eligible: list[int]) -> None:
        from datasketch import LeanMinHash, MinHashLSHEnsemble  # imported only when there are many texts to compare

        self.texts = texts
        self.signatures = np.zeros((len(texts), NUM_PERM), dtype=np.uint32)
        self.signatures[eligible] = texts.sketches(eligible)
        self.sketches = {i: LeanMinHash(seed=1, hashvalues=self.signatures[i], scheme=SKETCH_SCHEME) for i in eligible}
        self.index = MinHashLSHEnsemble(threshold=CONTAINMENT - SKETCH_MARGIN, num_perm=NUM_PERM, num_part=4, weights=RECALL_WEIGHTS)
        self.index.index((i, self.sketches[i], size_class(texts.size(i))) for i in eligible)
        self.sizes = np.array([texts.size(i) for i in range(len(texts))], dtype=np.float64)

    def contained_pairs(self, indices: Sequence[int]) -> FoundPairs:
        """``(i, j)`` for each text ``i`` of ``indices`` and each LSH candidate ``j`` that the
        sketches say may, and the exact shingles say does, hold :data:`CONTAINMENT` of it; a pair
        already connected by the pairs found before it is not measured. Also the shared counts
        measured here (the part may run in a process of its own)."""
        texts, found, joined = self.texts, [], _Groups(len(self.texts))
        before = set(texts.measured)
        for i in indices:
            candidates = np.array(
                sorted(j for j in self.index.query(self.sketches[i], size_class(texts.size(i))) if j != i), dtype=np.int64
            )
            for j in candidates[likely_containing(self.signatures, self.sizes, i, candidates)].tolist():
                if joined.find(i) != joined.find(j) and texts.overlap(i, j)[1] >= CONTAINMENT:
                    joined.join(i, j)
                    found.append((i, j))
        return found, {key: count for key, count in texts.measured.items() if key not in before}


def size_class(size: int) -> int:
    """A set's size to within 2 %, as the LSH index is told it: the index lays out its partitions
    over the distinct sizes (in time quadratic in their number), and its threshold already has a
    margin; the exact measure afterwards uses the true sizes."""
    return max(1, round(SIZE_STEP ** round(math.log(size) / math.log(SIZE_STEP)))) if size > 0 else 0


def likely_containing(signatures: np.ndarray, sizes: np.ndarray, i: int, candidates: np.ndarray) -> np.ndarray:
    """Which candidates the sketches say may hold :data:`CONTAINMENT` of text ``i``'s shingles (its
    containment bounded from the sketches' Jaccard and the two sizes): only
    those are measured exactly. A corpus whose articles share paragraphs gives the LSH index many
    candidates; this keeps the exact measure to the few that matter, all at once in numpy."""
    if not len(candidates):
        return np.zeros(0, dtype=bool)
    estimate = (signatures[candidates] == signatures[i]).mean(axis=1)
    # The estimate's standard error is sqrt(J(1 - J) / NUM_PERM); an upper bound of the Jaccard
    # four of those above it (and never less than 0.02), turned into containment (a small text in a
    # large one magnifies it), decides.
    error = np.sqrt(np.maximum(estimate * (1 - estimate), 1 / NUM_PERM) / NUM_PERM)
    jaccard = np.minimum(estimate + np.maximum(SLACK_ERRORS * error, 0.02), 1.0)
    containment = jaccard * (sizes[i] + sizes[candidates]) / ((1 + jaccard) * sizes[i])
    return containment >= CONTAINMENT


def find_duplicates(articles: Sequence[Article], exact_below: int = EXACT_BELOW) -> tuple[DuplicateGroup, ...]:
    """Groups of two articles or more that are the same submission, representative first."""
    return search_duplicates([a.id for a in articles], [body_text(a) for a in articles], exact_below)[0]


def search_duplicates(
    ids: Sequence[str],
    raw_bodies: Sequence[str],
    exact_below: int = EXACT_BELOW,
    spread: Optional[Spread] = None,
    memo: Optional[DuplicateMemo] = None,
) -> tuple[tuple[DuplicateGroup, ...], DuplicateMemo]:
    """:func:`find_duplicates` from each article's id and :func:`body_text`, and what a later build
    may take from this one; ``spread`` runs the parts of the pair search (see :func:`join_similar`),
    ``memo`` gives an earlier build's work on texts and pairs."""
    texts = DistinctTexts(raw_bodies, memo)
    groups = _Groups(len(texts))
    measured_elsewhere = join_similar(texts, groups, exact_below, spread)
    members: dict[int, list[int]] = {}
    for index, text in enumerate(texts.text_of):
        if texts.size(text) >= MIN_SHINGLES:
            members.setdefault(groups.find(text), []).append(index)
    found = []
    for indices in members.values():
        if len(indices) < 2:
            continue
        representative = max(indices, key=lambda i: (texts.length(texts.text_of[i]), -i))
        found.append((min(indices), make_group(ids, texts, representative, indices)))
    groups_found = tuple(group for _, group in sorted(found, key=lambda item: item[0]))
    return groups_found, texts.remembered(measured_elsewhere)


def make_group(ids: Sequence[str], texts: DistinctTexts, representative: int, indices: list[int]) -> DuplicateGroup:
    head = texts.text_of[representative]
    members = [DuplicateMember(ids[representative], "representative")]
    for index in indices:
        if index == representative:
            continue
        text = texts.text_of[index]
        if text == head:
            members.append(DuplicateMember(ids[index], "identical"))
            continue
        jaccard, containment = texts.overlap(text, head)
        relation = "near-duplicate" if jaccard >= NEAR_DUPLICATE else "abridged" if containment >= CONTAINMENT else "overlapping"
        members.append(DuplicateMember(ids[index], relation, round(jaccard, 3), round(containment, 3)))
    return DuplicateGroup("d-" + ids[representative].removeprefix("a-"), tuple(members))
