"""Duplicate submissions (一稿多投): the same article printed twice, or an abridged copy of it.

Corpus-wide, in the main process. Each article's body (headings left out) is normalised (NFKC, only letters, digits
and CJK characters kept, so width, spacing and punctuation do not matter) and cut into character
shingles of :data:`SHINGLE` characters (kept as 64-bit hashes). Articles with the very same normalised body are grouped by
its digest at once (linear; a corpus copied a thousand times costs one MinHash per distinct text).
The distinct texts (when there are :data:`EXACT_BELOW` or more; fewer are simply compared pair
by pair) get a MinHash (``datasketch``) and go into a MinHash LSH Ensemble, which finds
for each text the others that *contain* at least :data:`CONTAINMENT` of its shingles — a
near-duplicate contains nearly all of the other's, an abridged resubmission has nearly all of its
own shingles inside the full text. Every candidate is then checked on the exact shingle sets, so
the groups do not depend on the sketch's luck and are the same from build to build.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from functools import partial
from typing import Callable, Optional, Sequence

import numpy as np

from ..models import Article, DuplicateGroup, DuplicateMember

SHINGLE = 5
"""Characters per shingle: long enough that two unrelated articles on the same theme share few."""
CONTAINMENT = 0.8
"""Share of an article's shingles that must stand in another for the two to be duplicates."""
NEAR_DUPLICATE = 0.8
"""Shingle Jaccard from which a copy counts as a near-duplicate rather than an abridged one."""
MIN_SHINGLES = 30
"""Shorter bodies (a notice, a title alone) are never called duplicates."""
NUM_PERM = 128
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

_NOT_TEXT = re.compile(r"[\W_]+")


def body_text(article: Article) -> str:
    """The article's paragraphs as printed, headings left out (a resubmission may re-head them)."""
    return "".join(p.text for p in article.paragraphs if p.kind != "heading") or "".join(p.text for p in article.paragraphs)


def normalised(text: str) -> str:
    """Letters, digits and CJK characters, width-folded (NFKC), nothing else."""
    return _NOT_TEXT.sub("", unicodedata.normalize("NFKC", text))


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)
_LOW_32 = np.uint64(0xFFFFFFFF)


def shingles(text: str, size: int = SHINGLE) -> np.ndarray:
    """The text's distinct shingles of ``size`` characters, each as a 64-bit hash, sorted.

    Numbers rather than strings: a tenth of the memory (a corpus of 19,000 distinct articles holds
    some 40 million shingles) and set operations in numpy. Each hash is a polynomial over the
    shingle's code points, mixed (splitmix64's finaliser); two shingles share one by chance about
    once in 2⁶⁴ comparisons, far below what could change an overlap."""
    points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    count = len(points) - size + 1
    if count <= 0:
        return np.zeros(0, dtype=np.uint64)
    with np.errstate(over="ignore"):
        h = np.zeros(count, dtype=np.uint64)
        for k in range(size):  # arithmetic mod 2⁶⁴
            h = h * _MULTIPLIER + points[k : k + count]
        h ^= h >> np.uint64(30)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(27)
        h *= np.uint64(0x94D049BB133111EB)
        h ^= h >> np.uint64(31)
    return np.unique(h)


def shared_count(a: np.ndarray, b: np.ndarray) -> int:
    """How many values the sorted, distinct arrays ``a`` and ``b`` share (a binary search of each of
    ``a``'s in ``b``: no merged copy of both is sorted)."""
    if not len(a) or not len(b):
        return 0
    places = np.searchsorted(b, a)
    places[places == len(b)] = 0
    return int(np.count_nonzero(b[places] == a))


def overlap(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """Jaccard of the shingle sets ``a`` and ``b``, and the share of ``a`` that stands in ``b``."""
    shared = shared_count(a, b)
    union = len(a) + len(b) - shared
    return (shared / union if union else 0.0), (shared / len(a) if len(a) else 0.0)


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


Spread = Callable[[list[Callable[[], list[tuple[int, int]]]]], list[list[tuple[int, int]]]]
"""Runs the parts of the pair search side by side and returns their results in order (each part is
independent: it reads the sketches and texts and returns the pairs it found)."""

SEARCH_PARTS = 2
"""How many parts the pair search over the distinct texts is cut into for a ``spread``."""


def join_similar(
    texts: Sequence[np.ndarray], groups: _Groups, exact_below: int = EXACT_BELOW, spread: Optional[Spread] = None
) -> None:
    """Join in ``groups`` every two distinct texts where one holds at least :data:`CONTAINMENT` of
    the other. A pair already in one group is not measured (it would join nothing).

    Fewer than ``exact_below`` texts are simply compared pair by pair (cheaper than sketching them);
    more are sketched and looked up in the LSH Ensemble, and only its candidates compared. Given a
    ``spread``, the texts are looked up in :data:`SEARCH_PARTS` parts that it runs side by side, each
    finding its pairs on its own, joined here: the groups are the same as in one part, since a
    pair a part leaves unmeasured is one its own joins already connect.
    """
    eligible = [i for i, text in enumerate(texts) if len(text) >= MIN_SHINGLES]
    if len(eligible) < exact_below:
        for n, i in enumerate(eligible):
            for j in eligible[n + 1 :]:
                if groups.find(i) != groups.find(j) and (
                    overlap(texts[i], texts[j])[1] >= CONTAINMENT or overlap(texts[j], texts[i])[1] >= CONTAINMENT
                ):
                    groups.join(i, j)
        return
    search = SketchSearch(texts, eligible)
    if spread is None:
        found = [search.contained_pairs(eligible)]
    else:
        parts = [eligible[k :: SEARCH_PARTS] for k in range(SEARCH_PARTS)]
        found = spread([partial(search.contained_pairs, part) for part in parts if part])
    for pairs in found:
        for i, j in pairs:
            groups.join(i, j)


class SketchSearch:
    """The distinct texts' MinHash sketches in a MinHash LSH Ensemble, with their signatures and
    sizes: :meth:`contained_pairs` finds, for any of the texts, the others that hold at least
    :data:`CONTAINMENT` of it."""

    def __init__(self, texts: Sequence[np.ndarray], eligible: list[int]) -> None:
        from datasketch import MinHash, MinHashLSHEnsemble  # imported only when there are many texts to compare

        # One set of permutations for every sketch (MinHash.generator copies its first), each sketch fed 32-bit values.
        made = MinHash.generator(((texts[i] & _LOW_32).tolist() for i in eligible), num_perm=NUM_PERM, seed=1, hashfunc=int)
        self.texts = texts
        self.sketches = dict(zip(eligible, made, strict=True))
        self.index = MinHashLSHEnsemble(threshold=CONTAINMENT - SKETCH_MARGIN, num_perm=NUM_PERM, num_part=4, weights=RECALL_WEIGHTS)
        self.index.index((i, self.sketches[i], size_class(len(texts[i]))) for i in eligible)
        self.signatures = np.zeros((len(texts), NUM_PERM), dtype=np.uint64)
        for i in eligible:
            self.signatures[i] = self.sketches[i].hashvalues
        self.sizes = np.array([len(text) for text in texts], dtype=np.float64)

    def contained_pairs(self, indices: Sequence[int]) -> list[tuple[int, int]]:
        """``(i, j)`` for each text ``i`` of ``indices`` and each LSH candidate ``j`` that the
        sketches say may, and the exact shingles say does, hold :data:`CONTAINMENT` of it; a pair
        already connected by the pairs found before it is not measured."""
        texts, found, joined = self.texts, [], _Groups(len(self.texts))
        for i in indices:
            candidates = np.array(
                sorted(j for j in self.index.query(self.sketches[i], size_class(len(texts[i]))) if j != i), dtype=np.int64
            )
            for j in candidates[likely_containing(self.signatures, self.sizes, i, candidates)].tolist():
                if joined.find(i) != joined.find(j) and overlap(texts[i], texts[j])[1] >= CONTAINMENT:
                    joined.join(i, j)
                    found.append((i, j))
        return found


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
    return find_duplicate_bodies([a.id for a in articles], [body_text(a) for a in articles], exact_below)


def find_duplicate_bodies(
    ids: Sequence[str], raw_bodies: Sequence[str], exact_below: int = EXACT_BELOW, spread: Optional[Spread] = None
) -> tuple[DuplicateGroup, ...]:
    """:func:`find_duplicates` from each article's id and :func:`body_text`; ``spread`` runs the
    parts of the pair search (see :func:`join_similar`)."""
    normal_of_raw: dict[bytes, str] = {}  # exact copies are normalised once
    bodies = []
    for raw in raw_bodies:
        key = _digest(raw)
        if key not in normal_of_raw:
            normal_of_raw[key] = normalised(raw)
        bodies.append(normal_of_raw[key])
    distinct: dict[bytes, int] = {}
    text_of: list[int] = []
    first_body: dict[int, str] = {}
    for body in bodies:
        text = distinct.setdefault(_digest(body), len(distinct))
        text_of.append(text)
        first_body.setdefault(text, body)
    texts = [shingles(first_body[t]) for t in range(len(distinct))]
    groups = _Groups(len(texts))
    join_similar(texts, groups, exact_below, spread)
    members: dict[int, list[int]] = {}
    for index, text in enumerate(text_of):
        if len(texts[text]) >= MIN_SHINGLES:
            members.setdefault(groups.find(text), []).append(index)
    found = []
    for indices in members.values():
        if len(indices) < 2:
            continue
        representative = max(indices, key=lambda i: (len(bodies[i]), -i))
        found.append((min(indices), make_group(ids, text_of, texts, representative, indices)))
    return tuple(group for _, group in sorted(found, key=lambda item: item[0]))


def make_group(
    ids: Sequence[str], text_of: list[int], texts: list[np.ndarray], representative: int, indices: list[int]
) -> DuplicateGroup:
    head = text_of[representative]
    measured: dict[int, tuple[float, float]] = {}
    members = [DuplicateMember(ids[representative], "representative")]
    for index in indices:
        if index == representative:
            continue
        text = text_of[index]
        if text == head:
            members.append(DuplicateMember(ids[index], "identical"))
            continue
        if text not in measured:
            measured[text] = overlap(texts[text], texts[head])
        jaccard, containment = measured[text]
        relation = "near-duplicate" if jaccard >= NEAR_DUPLICATE else "abridged" if containment >= CONTAINMENT else "overlapping"
        members.append(DuplicateMember(ids[index], relation, round(jaccard, 3), round(containment, 3)))
    return DuplicateGroup("d-" + ids[representative].removeprefix("a-"), tuple(members))
