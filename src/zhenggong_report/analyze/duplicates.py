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

from functools import partial
from typing import Callable, Optional, Sequence

import numpy as np

from ..models.analysis import DuplicateGroup, DuplicateMember
from ..models.parsed import Article
from .duplicate_candidates import CONTAINMENT, CandidateMemo, SketchSearch
from .duplicate_texts import DistinctTexts, DuplicateMemo, body_utf8

NEAR_DUPLICATE = 0.8
"""Shingle Jaccard from which a copy counts as a near-duplicate rather than an abridged one."""
MIN_SHINGLES = 30
"""Shorter bodies (a notice, a title alone) are never called duplicates."""
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

FoundPairs = tuple[list[tuple[int, int]], dict[bytes, int], np.ndarray]
"""The pairs a part of the search found, the shared-shingle counts it measured and the candidate
pairs it looked at (int32 rows; both for the memo)."""

SEARCH_PARTS = 2
"""How many parts the exact measures of the candidates are cut into for a ``spread``."""


def join_similar(
    texts: DistinctTexts,
    groups: _Groups,
    exact_below: int = EXACT_BELOW,
    spread: Optional[Spread] = None,
    earlier: Optional[CandidateMemo] = None,
) -> tuple[list[dict[bytes, int]], Optional[CandidateMemo]]:
    """Join in ``groups`` every two distinct texts where one holds at least :data:`CONTAINMENT` of
    the other. A pair already in one group is not measured (it would join nothing). Returns the
    shared counts the parts run by ``spread`` measured (what ``texts`` did not see) and the
    candidates a later build may reuse (None when the texts were compared pair by pair).

    Fewer than ``exact_below`` texts are simply compared pair by pair (cheaper than sketching them);
    more are sketched and their candidates looked up by the LSH Ensemble's rule (or taken from the
    ``earlier`` build's, see :mod:`.duplicate_candidates`), and only those compared. Given a
    ``spread``, the candidates are measured in :data:`SEARCH_PARTS` parts that it runs side by side,
    each finding its pairs on its own, joined here: the groups are the same as in one part, since a
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
        return [], None
    search = SketchSearch(texts, eligible, earlier)
    if spread is None:
        found = [contained_pairs(search, eligible)]
    else:
        parts = [eligible[k :: SEARCH_PARTS] for k in range(SEARCH_PARTS)]
        found = spread([partial(contained_pairs, search, part) for part in parts if part])
    for pairs, _, _ in found:
        for i, j in pairs:
            groups.join(i, j)
    candidates = search.remembered([looked for _, _, looked in found])
    return ([measured for _, measured, _ in found] if spread is not None else []), candidates


def contained_pairs(search: SketchSearch, indices: Sequence[int]) -> FoundPairs:
    """``(i, j)`` for each text ``i`` of ``indices`` and each of its candidates ``j`` that the
    exact shingles say holds :data:`CONTAINMENT` of it; a pair already connected by the pairs found
    before it is not measured. Also the shared counts measured here and the candidates looked at
    (the part may run in a process of its own)."""
    texts, found, joined, looked = search.texts, [], _Groups(len(search.texts)), []
    before = set(texts.measured)
    for i in indices:
        candidates = search.candidates(i)
        looked.append(np.column_stack([np.full(len(candidates), i), candidates]).astype(np.int32))
        for j in candidates.tolist():
            if joined.find(i) != joined.find(j) and texts.overlap(i, j)[1] >= CONTAINMENT:
                joined.join(i, j)
                found.append((i, j))
    measured = {key: count for key, count in texts.measured.items() if key not in before}
    return found, measured, np.concatenate([np.zeros((0, 2), dtype=np.int32), *looked])


def find_duplicates(articles: Sequence[Article], exact_below: int = EXACT_BELOW) -> tuple[DuplicateGroup, ...]:
    """Groups of two articles or more that are the same submission, representative first."""
    return search_duplicates([a.id for a in articles], [body_utf8(a) for a in articles], exact_below)[0]


def search_duplicates(
    ids: Sequence[str],
    raw_bodies: Sequence[bytes],
    exact_below: int = EXACT_BELOW,
    spread: Optional[Spread] = None,
    memo: Optional[DuplicateMemo] = None,
) -> tuple[tuple[DuplicateGroup, ...], DuplicateMemo]:
    """:func:`find_duplicates` from each article's id and :func:`.body_utf8`, and what a later build
    may take from this one; ``spread`` runs the parts of the pair search (see :func:`join_similar`),
    ``memo`` gives an earlier build's work on texts and pairs."""
    texts = DistinctTexts(raw_bodies, memo)
    groups = _Groups(len(texts))
    earlier = memo.candidates if memo is not None else None
    measured_elsewhere, candidates = join_similar(texts, groups, exact_below, spread, earlier)
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
    return groups_found, texts.remembered(measured_elsewhere, candidates)


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
