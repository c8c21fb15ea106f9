"""Keywords and related articles from TF-IDF over this corpus.

Words are the article's tokens (title, abstract, author keywords and paragraphs) that are content
words: two characters or more, not stop words, not numbers. ``tf`` is a word's share of the
article's content words, ``idf = ln((1 + N) / (1 + df)) + 1`` over the N articles of this corpus.
Vectors are L2-normalised, so a keyword's weight is its share of the article's vector and the
cosine of two articles is the dot product of their vectors.

Two readings make the words say what an article is about. For related articles, a compound word
also counts for the corpus words it begins or ends with (信访工作 and 法治信访 count for 信访 too),
so two articles that share a topic in different compounds see it shared. And the keywords are
families: a word that begins or ends with another of the article's strong words, adding a word of
two characters or more to it (信访 + 工作, 法治 + 信访), joins that word's family, shown by its
strongest member with the family's share of the vector (the root of its members' squared
weights), so one topic does not fill the list. Counted phrases (两个,
一套: a numeral and a measure word) and the stop words of ``data/stopwords.txt`` are never keywords.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import chain
from typing import Mapping, Optional, Sequence

import numpy as np
import pandas as pd

from ..models.analysis import Keyword, Related
from ..segmenter import Segmenter
from .tokens import ArticleTokens, content_counts

TOP_KEYWORDS = 10
TOP_RELATED = 3
SIGNATURE = 200
"""Similarity uses each article's strongest words only (plenty for articles of a few pages, and
it keeps the similarity rows sparse when the corpus grows to thousands of articles)."""
ROW_BLOCK = 256
"""Articles whose similarity rows are made at once: memory ROW_BLOCK × articles, never articles²."""
FAMILY_POOL = 40
"""How many of an article's strongest words are gathered into keyword families."""
COUNTED = re.compile(r"^[一二两三四五六七八九十几每各多]+[个套项条种次批名些大类点层级方面]$")
"""A numeral and a measure word (两个, 一套, 三大): counting, not a topic."""


def sub_words(word: str, vocabulary: frozenset[str] | set[str]) -> tuple[str, ...]:
    """The corpus words ``word`` begins or ends with (信访 in 信访工作 and in 法治信访), longest first;
    never one inside it (工人 is not in 政工人员)."""
    if len(word) < 3:
        return ()
    found = {word[:n] for n in range(2, len(word))} | {word[-n:] for n in range(2, len(word))}
    return tuple(sorted((w for w in found if w in vocabulary), key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class TermWeights:
    """The corpus's TF-IDF table: one row per (article, word), words by their number in ``words``.

    Numbers rather than the words themselves: every sort and group below is then over integers
    (a 19,000-article corpus has some 8 million rows; as Python strings each copy of the column
    would cost a gigabyte)."""

    table: pd.DataFrame
    """Columns ``doc`` (article position), ``word`` (position in ``words``), ``count``, ``weight``
    (L2-normalised tf-idf)."""
    articles: tuple[str, ...]
    words: np.ndarray = field(default_factory=lambda: np.array([], dtype=object))
    """The corpus's words, sorted: a word's number orders as the word does."""
    with_parts: bool = False
    """Whether every compound also counts for the words it begins or ends with (for similarity)."""

    def ranked(self) -> pd.DataFrame:
        """The table by article, strongest word first (ties by the word): a sorted copy, made for
        its one reader (the keywords read the plain table, the similarity signature the one with
        sub-words) and let go with it."""
        table = self.table  # numpy's lexsort on the three columns: a third of pandas' multi-key sort_values
        order = np.lexsort((table["word"].to_numpy(), -table["weight"].to_numpy(), table["doc"].to_numpy()))
        return table.take(order)

    def with_sub_words(self) -> "TermWeights":
        """The table again with every compound also counted for the corpus words it begins or ends
        with (信访工作 and 法治信访 for 信访 too), weighed afresh: what similarity reads."""
        if self.with_parts or self.table.empty:
            return TermWeights(self.table, self.articles, self.words, True)
        number = {word: n for n, word in enumerate(self.words.tolist())}
        parts = [(n, number[part]) for word, n in number.items() for part in sub_words(word, number.keys())]
        if not parts:
            return TermWeights(self.table, self.articles, self.words, True)
        mapping = pd.DataFrame(np.array(parts, dtype=np.int32), columns=["word", "part"])
        extra = self.table[["doc", "word", "count"]].merge(mapping, on="word")[["doc", "part", "count"]]
        counts = pd.concat([self.table[["doc", "word", "count"]], extra.rename(columns={"part": "word"})], ignore_index=True)
        return TermWeights(weigh(summed_counts(counts), len(self.articles)), self.articles, self.words, True)


def summed_counts(counts: pd.DataFrame) -> pd.DataFrame:
    """``counts`` (``doc``, ``word``, ``count``) with each (doc, word) once, its counts summed, in
    (doc, word) order: pandas' two-key ``groupby(...).sum()``, through a sparse matrix that sums its
    duplicate entries (a tenth of the time on millions of rows; a test holds the two equal)."""
    from scipy.sparse import coo_array

    doc, word, count = (counts[column].to_numpy() for column in ("doc", "word", "count"))
    if not len(doc):
        return counts.groupby(["doc", "word"], sort=True, as_index=False)["count"].sum()
    matrix = coo_array((count, (doc, word)), shape=(int(doc.max()) + 1, int(word.max()) + 1)).tocsr()
    matrix.sum_duplicates()
    matrix.sort_indices()
    rows = np.repeat(np.arange(matrix.shape[0], dtype=doc.dtype), np.diff(matrix.indptr))
    return pd.DataFrame({"doc": rows, "word": matrix.indices.astype(word.dtype), "count": matrix.data.astype(count.dtype)})


def term_weights(
    corpus_tokens: tuple[ArticleTokens, ...],
    segmenter: Segmenter,
    article_counts: Optional[Sequence[Mapping[str, int] | tuple[Sequence[str], Sequence[int]]]] = None,
    article_ids: Optional[Sequence[str]] = None,
) -> TermWeights:
    """The TF-IDF table; ``article_counts`` are each article's :func:`content_counts` when already
    made, as a mapping or as parallel ``(words, counts)`` (then ``article_ids`` may stand in for
    the tokens)."""
    if article_counts is None:
        article_counts = [content_counts(tokens, segmenter) for tokens in corpus_tokens]
    pairs = [
        (tuple(counted), tuple(counted.values())) if isinstance(counted, Mapping) else (tuple(counted[0]), tuple(counted[1]))
        for counted in article_counts
    ]
    articles = tuple(article_ids) if article_ids is not None else tuple(t.article.id for t in corpus_tokens)
    plain = [tuple(zip(*[(w, n) for w, n in zip(words, counts) if not COUNTED.match(w)])) or ((), ()) for words, counts in pairs]
    table, words = tf_idf(plain, len(articles))
    return TermWeights(table, articles, words)


def tf_idf(pairs, articles: int) -> tuple[pd.DataFrame, np.ndarray]:
    """The table of :class:`TermWeights` from each article's ``(words, counts)``, and its words."""
    codes, words = pd.factorize(pd.Series(list(chain.from_iterable(w for w, _ in pairs)), dtype=object), sort=True)
    counts = pd.DataFrame(
        {
            "doc": np.repeat(np.arange(len(pairs), dtype=np.int32), [len(w) for w, _ in pairs]),
            "word": codes.astype(np.int32),
            "count": np.fromiter(chain.from_iterable(n for _, n in pairs), dtype=np.int32, count=len(codes)),
        }
    )
    return weigh(counts, articles), np.asarray(words, dtype=object)


def weigh(table: pd.DataFrame, articles: int) -> pd.DataFrame:
    """``table`` (``doc``, ``word``, ``count``; each (doc, word) once) with its L2-normalised
    tf-idf ``weight``. Per-article and per-word sums by ``np.bincount`` over the row numbers: a
    quarter of the time of pandas' group-by transforms, the same values to the last bit or two."""
    if table.empty:
        return table.assign(weight=pd.Series(dtype=float))
    doc, word, count = (table[column].to_numpy() for column in ("doc", "word", "count"))
    total = np.bincount(doc, weights=count)[doc]
    df = np.bincount(word)[word]  # articles a word is in: each (doc, word) is one row
    idf = np.log((1 + articles) / (1 + df)) + 1
    weight = count / total * idf
    table["weight"] = weight / np.sqrt(np.bincount(doc, weights=weight * weight)[doc])
    return table


def family_root(word: str, place: Mapping[str, int]) -> str:
    """The shortest of the words in ``place`` (each word's rank) that ``word`` begins or ends with,
    adding two characters or more; of two as short, the higher ranked. Looked up among ``word``'s
    own beginnings and ends, so it costs the word's length, not the number of words."""
    pieces = {word[:n] for n in range(2, len(word) - 1)} | {word[-n:] for n in range(2, len(word) - 1)}
    roots = [w for w in pieces if w in place]
    return min(roots, key=lambda w: (len(w), place[w])) if roots else word


def keyword_families(ranked: list[tuple[str, float]], limit: int) -> tuple[Keyword, ...]:
    """The strongest words with their variants merged (see the module docstring): each family shown
    by its strongest member, ranked by its share of the article's vector."""
    place: dict[str, int] = {}
    for rank, (w, _) in enumerate(ranked):
        place.setdefault(w, rank)
    total: dict[str, float] = {}
    shown: dict[str, str] = {}
    for word, weight in ranked:  # strongest first: a family's first member is its strongest
        root = family_root(word, place)
        total[root] = total.get(root, 0.0) + weight * weight
        shown.setdefault(root, word)
    best = sorted(total.items(), key=lambda item: (-round(item[1], 9), shown[item[0]]))[:limit]
    return tuple(Keyword(shown[root], round(weight**0.5, 4)) for root, weight in best)


def top_keywords(weights: TermWeights, limit: int = TOP_KEYWORDS) -> dict[str, tuple[Keyword, ...]]:
    """Each article's strongest word families (ties broken by the word), weights rounded to 4 places."""
    out: dict[str, tuple[Keyword, ...]] = {article: () for article in weights.articles}
    if weights.table.empty:
        return out
    head = weights.ranked().groupby("doc", sort=False).head(FAMILY_POOL)
    found: dict[int, list[tuple[str, float]]] = {}
    words = weights.words[head["word"].to_numpy()].tolist()
    for doc, word, weight in zip(head["doc"].tolist(), words, head["weight"].tolist(), strict=True):
        found.setdefault(doc, []).append((word, weight))
    for doc, ranked in found.items():
        out[weights.articles[doc]] = keyword_families(ranked, limit)
    return out


def signature_entries(weights: TermWeights, size: int = SIGNATURE) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """The articles × words signature as sparse ``(rows, columns, values, column count)``: each
    article's strongest ``size`` words (shared with another article), re-normalised over all of them."""
    n = len(weights.articles)
    if weights.table.empty:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.float32), 0
    ranked = weights.ranked()
    full = ranked.groupby("doc", sort=False).head(size)
    shared = full.groupby("word")["doc"].transform("nunique") > 1
    kept = full[shared]
    codes, columns = pd.factorize(kept["word"], sort=True)  # column = the word's place in sorted order
    norms = np.zeros(n, dtype=np.float32)
    sums = (full["weight"] ** 2).groupby(full["doc"]).sum()
    norms[sums.index.to_numpy()] = np.sqrt(sums.to_numpy(dtype=np.float32))
    norms[norms == 0] = 1
    rows = kept["doc"].to_numpy(dtype=np.int64)
    cols = codes.astype(np.int64)
    values = kept["weight"].to_numpy(dtype=np.float32) / norms[rows]
    return rows, cols, values, len(columns)


def signature_matrix(weights: TermWeights, size: int = SIGNATURE):
    """The articles × words signature as a sparse CSR matrix (float64)."""
    from scipy.sparse import csr_matrix

    rows, cols, values, width = signature_entries(weights, size)
    matrix = csr_matrix((values.astype(np.float64), (rows, cols)), shape=(len(weights.articles), max(width, 1)))
    matrix.sort_indices()  # canonical, so identical rows have identical bytes
    return matrix


def related_articles(weights: TermWeights, limit: int = TOP_RELATED, block: int = ROW_BLOCK) -> dict[str, tuple[Related, ...]]:
    """Each article's ``limit`` most similar others by cosine (score rounded to 4 places, > 0);
    ties go to the article that comes first. Articles with the same signature (copies of one
    text) share one row of similarities; each pair of distinct rows is worked out once
    (:func:`best_columns`)."""
    ids = weights.articles
    keep = min(limit, max(len(ids) - 1, 0))
    if keep == 0:
        return {article_id: () for article_id in ids}
    signature = signature_matrix(weights.with_sub_words())
    distinct, members = same_rows(signature)
    best = best_columns(signature[distinct], keep + 1, block)  # one spare: an article never counts itself
    out: dict[str, tuple[Related, ...]] = {}
    for row, group in enumerate(members):
        ranked = sorted(
            (-score, article)
            for score, column in best[row]
            for article in members[column][: keep + 1]
        )[: keep + 1]
        for me in group:
            chosen = [(-score, article) for score, article in ranked if article != me][:keep]
            out[ids[me]] = tuple(Related(ids[article], score / SCALE) for score, article in chosen if score > 0)
    return {article_id: out[article_id] for article_id in ids}


SCALE = 10_000
"""Scores are rounded to 4 places: as integers, score × SCALE (``np.round(x, 4)`` is
``rint(x × SCALE) / SCALE``), so a score and its row pack into one sortable integer."""


def best_columns(matrix, keep: int, block: int = ROW_BLOCK) -> list[list[tuple[int, int]]]:
    """For each row of the CSR ``matrix`` (rows L2-normalised, indices sorted), the ``keep`` rows
    with the highest rounded dot product with it (itself among them), as (score × SCALE, row),
    best first, ties to the lower row.

    Each pair is multiplied once: the rows are taken ``block`` at a time against themselves and
    every later row, and a block's products serve its own rows and, read down the columns, the
    later rows. A product comes out the same either way round, bit for bit (the sparse product
    sums the pair's shared columns in column order), so this equals working out every row in
    full; memory stays ``block`` × rows."""
    rows = matrix.shape[0]
    keep = min(keep, rows)
    best = np.full((rows, keep), -1, dtype=np.int64)  # packed: score × SCALE × rows + (rows − 1 − row)
    lowest_first = rows - 1 - np.arange(rows, dtype=np.int64)
    for start in range(0, rows, block):
        end = min(start + block, rows)
        scores = np.rint((matrix[start:end] @ matrix[start:].T).toarray() * SCALE).astype(np.int64)
        across = scores * rows + lowest_first[start:]  # this block's rows: every row from start on
        best[start:end] = _top(np.concatenate([best[start:end], _top(across, keep, axis=1)], axis=1), keep, axis=1)
        if end < rows:  # the later rows, from this block's: read down the columns
            down = scores[:, end - start :] * rows + lowest_first[start:end, None]
            best[end:] = _top(np.concatenate([best[end:], _top(down, min(keep, end - start), axis=0).T], axis=1), keep, axis=1)
    return [[(int(key // rows), rows - 1 - int(key % rows)) for key in found if key >= 0] for found in best]


def _top(keys: np.ndarray, keep: int, axis: int) -> np.ndarray:
    """The ``keep`` largest of ``keys`` along ``axis`` (all when there are fewer), largest first."""
    size = keys.shape[axis]
    if size > keep:
        keys = np.partition(keys, size - keep, axis=axis)
        keys = keys[:, size - keep :] if axis == 1 else keys[size - keep :]
    return -np.sort(-keys, axis=axis)


def same_rows(matrix) -> tuple[list[int], list[list[int]]]:
    """The first of each set of identical rows of a CSR ``matrix``, and each set's rows in order."""
    first: dict[bytes, int] = {}
    members: list[list[int]] = []
    distinct: list[int] = []
    indptr, indices, data = matrix.indptr, matrix.indices, matrix.data
    for row in range(matrix.shape[0]):
        lo, hi = indptr[row], indptr[row + 1]
        key = indices[lo:hi].tobytes() + b"|" + data[lo:hi].tobytes()
        group = first.setdefault(key, len(distinct))
        if group == len(distinct):
            distinct.append(row)
            members.append([])
        members[group].append(row)
    return distinct, members

