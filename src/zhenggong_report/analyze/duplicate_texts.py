"""The texts the duplicate search compares, and what it remembers of them between builds.

Each article's body is normalised (NFKC, only letters, digits and CJK characters kept) and its
exact copies share one distinct text. A text is known by its shingles (:func:`shingles`), their
number and, for the LSH search, their MinHash sketch; two texts by the shingles they share.
:class:`DistinctTexts` works each of these out once, when first asked, and takes what a
:class:`DuplicateMemo` of an earlier build already holds: a corpus with one page changed
normalises, shingles, sketches and measures only what that page brought.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Optional, Sequence

import numpy as np

from ..models.parsed import Article
from .duplicate_candidates import CandidateMemo

SHINGLE = 5
"""Characters per shingle: long enough that two unrelated articles on the same theme share few."""
NUM_PERM = 128
"""Hash values per MinHash sketch."""
SKETCH_SCHEME = "affine32"
"""datasketch's permutation scheme of the sketches (32-bit values: what the shingles are fed as)."""

_NOT_TEXT = re.compile(r"[\W_]+")
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)
_LOW_32 = np.uint64(0xFFFFFFFF)


def body_text(article: Article) -> str:
    """The article's paragraphs as printed, headings left out (a resubmission may re-head them)."""
    return "".join(p.text for p in article.paragraphs if p.kind != "heading") or "".join(p.text for p in article.paragraphs)


def normalised(text: str) -> str:
    """Letters, digits and CJK characters, width-folded (NFKC), nothing else."""
    return _NOT_TEXT.sub("", unicodedata.normalize("NFKC", text))


def body_utf8(article: Article) -> bytes:
    """:func:`body_text` in UTF-8, as the duplicate search is given it. Bytes, not a str: a str
    pickled for another process keeps a UTF-8 copy inside itself in the sender for its life
    (CPython caches it), and the bodies go to a process of their own at scale."""
    return body_text(article).encode("utf-8")


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


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
    return overlap_of(shared_count(a, b), len(a), len(b))


def overlap_of(shared: int, size_a: int, size_b: int) -> tuple[float, float]:
    """:func:`overlap` from the number of shingles two sets of these sizes share."""
    union = size_a + size_b - shared
    return (shared / union if union else 0.0), (shared / size_a if size_a else 0.0)


@dataclass(frozen=True)
class TextPrint:
    """What the search keeps of one distinct text: its digest, its length in characters (the
    longest copy represents a group), its number of distinct shingles and, once it was
    looked up by sketch, its MinHash values (:data:`SKETCH_SCHEME`, as bytes)."""

    digest: bytes
    length: int
    size: int
    sketch: bytes = b""


@dataclass
class DuplicateMemo:
    """The duplicate search's work on each text and each measured pair, remembered between builds
    by content — a pure cache: the groups are the same with it or without it. After a search it
    holds that corpus's texts and pairs only."""

    prints: dict[bytes, TextPrint] = field(default_factory=dict)
    """Digest of a body as printed -> its normalised text's print."""
    shared: dict[bytes, int] = field(default_factory=dict)
    """The two texts' digests, the smaller first -> how many shingles they share."""
    candidates: Optional[CandidateMemo] = None
    """The LSH lookups' candidate pairs (None when the texts were compared pair by pair)."""


class DistinctTexts:
    """The corpus's distinct normalised texts, numbered in order of first appearance, each worked
    out when first needed and at most once, or taken from ``memo``: :meth:`size`, :meth:`shingles`,
    :meth:`sketches`, :meth:`shared`. ``text_of[i]`` is the text of the ``i``-th body."""

    def __init__(self, raw_bodies: Sequence[bytes], memo: Optional[DuplicateMemo] = None) -> None:
        known = memo.prints if memo is not None else {}
        self.memo_shared = memo.shared if memo is not None else {}
        self.prints: list[TextPrint] = []
        self.raw: list[bytes] = []
        self.text_of: list[int] = []
        self.raw_prints: dict[bytes, TextPrint] = {}
        self._shingles: dict[int, np.ndarray] = {}
        self.measured: dict[bytes, int] = {}
        numbers: dict[bytes, int] = {}
        for raw in raw_bodies:
            key = digest(raw)
            found, made = self.raw_prints.get(key) or known.get(key), None
            if found is None:
                text = normalised(raw.decode("utf-8"))
                made = shingles(text)
                found = TextPrint(digest(text.encode("utf-8")), len(text), len(made))
            self.raw_prints[key] = found
            number = numbers.get(found.digest)
            if number is None:
                number = numbers[found.digest] = len(self.prints)
                self.prints.append(found)
                self.raw.append(raw)
                if made is not None:
                    self._shingles[number] = made
            self.text_of.append(number)

    def __len__(self) -> int:
        return len(self.prints)

    def size(self, text: int) -> int:
        return self.prints[text].size

    def length(self, text: int) -> int:
        return self.prints[text].length

    def shingles(self, text: int) -> np.ndarray:
        made = self._shingles.get(text)
        if made is None:
            made = self._shingles[text] = shingles(normalised(self.raw[text].decode("utf-8")))
        return made

    def sketches(self, texts: Sequence[int]) -> list[np.ndarray]:
        """The MinHash values of ``texts``, those not yet known made in one go (datasketch's
        generator shares one set of permutations), each shingle fed as its low 32 bits."""
        missing = [t for t in texts if not self.prints[t].sketch]
        if missing:
            from datasketch import MinHash  # imported only when there are many texts to compare

            made = MinHash.generator(
                ((self.shingles(t) & _LOW_32).tolist() for t in missing), num_perm=NUM_PERM, seed=1, hashfunc=int, scheme=SKETCH_SCHEME
            )
            for t, sketch in zip(missing, made, strict=True):
                self.prints[t] = replace(self.prints[t], sketch=sketch.hashvalues.tobytes())
        return [np.frombuffer(self.prints[t].sketch, dtype=np.uint32) for t in texts]

    def shared(self, a: int, b: int) -> int:
        """How many shingles texts ``a`` and ``b`` share (from the memo when it knows)."""
        first, second = sorted((self.prints[a].digest, self.prints[b].digest))
        key = first + second
        count = self.memo_shared.get(key)
        if count is None:
            count = self.measured.get(key)
        if count is None:
            count = shared_count(self.shingles(a), self.shingles(b))
        self.measured[key] = count
        return count

    def overlap(self, a: int, b: int) -> tuple[float, float]:
        """Jaccard of texts ``a`` and ``b``, and the share of ``a``'s shingles that stands in ``b``."""
        return overlap_of(self.shared(a, b), self.size(a), self.size(b))

    def remembered(self, measured_elsewhere: Sequence[dict[bytes, int]] = (), candidates: Optional[CandidateMemo] = None) -> DuplicateMemo:
        """What a later build may reuse: this corpus's prints (sketches made here included), every
        pair measured or looked up here and in the search's parts run elsewhere, and the candidates."""
        by_digest = {p.digest: p for p in self.prints}
        shared = dict(self.measured)
        for part in measured_elsewhere:
            shared.update(part)
        return DuplicateMemo({key: by_digest[p.digest] for key, p in self.raw_prints.items()}, shared, candidates)
