"""Each article cut into words once; every other analysis step reads these tokens.

An article becomes a sequence of :class:`Unit` s — its title, abstract, author keywords and
paragraphs — each with its words, their character offsets and its sentences. Nothing downstream
segments again.
"""

from __future__ import annotations

import re
from collections import Counter
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable, Optional

from ..models.parsed import Article, ParsedCorpus
from ..segmenter import Segmenter

SENTENCE_STOPS = "。！？!?"
CLAUSE_STOPS = "；;"
CLOSERS = "”’」』）)】》"

HEADING_LEVELS = (
    (re.compile(r"^\s*[一二三四五六七八九十]{1,3}\s*[、.．]"), 1),
    (re.compile(r"^\s*第[一二三四五六七八九十]{1,3}[章节部分]"), 1),
    (re.compile(r"^\s*[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]"), 2),
    (re.compile(r"^\s*\d{1,2}\s*[、.．]"), 3),
    (re.compile(r"^\s*[（(]\s*\d{1,2}\s*[)）]"), 4),
)
LEAD_MAX = 32
"""A paragraph's opening sentence this short, with more text after it, reads as a run-in heading."""
LEAD_MIN_REST = 20
CLAUSE_HEAD_MAX = 20
"""An enumerated sentence too long to be a heading still opens with one: its first clause, this short."""
POINT_MARK = re.compile(
    r"\s*(?:[一二三四五六七八九十]{1,2}(?:是|要)|首先|其次|再次|最后|其[一二三四五六]|"
    r"[（(]\s*[一二三四五六七八九十\d]{1,2}\s*[)）]|\d{1,2}\s*[、.．](?!\d))"
)
"""How an enumerated sub-point begins (一是, 二要, 首先, 其一, (一), 1.)."""
CLAUSE_MARKS = "，,：:；;"


_SPLITTERS: dict[str, "re.Pattern[str]"] = {}


def sentence_spans(text: str, stops: str = SENTENCE_STOPS) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` of each sentence; closing quotes and brackets stay with their sentence."""
    splitter = _SPLITTERS.get(stops)
    if splitter is None:
        marks = re.escape(stops)
        splitter = _SPLITTERS[stops] = re.compile(f"[^{marks}]*(?:[{marks}]+[{re.escape(CLOSERS)}]*|$)")
    return tuple((m.start(), m.end()) for m in splitter.finditer(text) if m.end() > m.start() and text[m.start() : m.end()].strip())


def heading_level(text: str) -> int:
    for pattern, level in HEADING_LEVELS:
        if pattern.match(text):
            return level
    return 1


@dataclass(frozen=True)
class Unit:
    """One piece of an article's text with its words."""

    place: str
    """``title``, ``abstract``, ``keywords``, ``heading`` or ``text``."""
    paragraph: int
    """Index into the article's paragraphs; -1 for title, abstract and keywords."""
    text: str
    tokens: tuple[str, ...]
    starts: tuple[int, ...]
    """Character offset of each token."""
    sentences: tuple[tuple[int, int], ...]
    lead_end: int = 0
    """End of the paragraph's run-in heading sentence, 0 when it has none."""
    points: tuple[tuple[int, int, int], ...] = ()
    """The paragraph's run-in headings: ``(start, head end, end of the sub-point)`` for the opening
    heading (its sub-point is the whole paragraph) and each enumerated sub-point inside it
    (一是…。 up to 二是…); empty for other units."""
    level: int = 0
    """Heading level (1 for ``一、``, 2 for ``(一)`` ...); 0 for other units."""
    boundaries: frozenset[int] = field(default=frozenset(), compare=False, repr=False)
    sentence_starts: tuple[int, ...] = field(default=(), compare=False, repr=False)

    def __reduce__(self):
        """Pickle as the cut text alone (for worker processes); the rest is re-derived."""
        joined = self.joined_tokens()
        if joined is None:
            return (unit_from_tokens, (self.place, self.paragraph, self.text, self.tokens))
        return (unit_from_joined, (self.place, self.paragraph, joined))

    def joined_tokens(self) -> Optional[str]:
        """The tokens as one string, joined by :data:`TOKEN_SEPARATOR` (the text, cut), or None when
        that would not give them back (the text holds the separator, or is not their join)."""
        if TOKEN_SEPARATOR in self.text or "".join(self.tokens) != self.text:
            return None
        return TOKEN_SEPARATOR.join(self.tokens)

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect_right(self.sentence_starts, offset) - 1)

    def sentence_at(self, offset: int) -> tuple[int, int]:
        return self.sentences[self.sentence_index(offset)] if self.sentences else (0, len(self.text))

    def token_at(self, offset: int) -> int:
        """Index of the token covering ``offset``."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def place_at(self, offset: int) -> str:
        """``lead`` inside one of the paragraph's run-in headings, else the unit's place."""
        if self.place == "text" and self.points:
            if any(start <= offset < head_end for start, head_end, _ in self.points):
                return "lead"
        return self.place


TOKEN_SEPARATOR = "\x1f"


_NO_BOUNDARIES: frozenset[int] = frozenset()
"""A text-only unit's (it has no words): one object for all of them, not a set of one each."""


def make_unit(place: str, paragraph: int, text: str, segmenter: Segmenter) -> Unit:
    return unit_from_tokens(place, paragraph, text, tuple(segmenter.cut(text)))


def unit_from_tokens(place: str, paragraph: int, text: str, tokens: tuple[str, ...], with_sentences: bool = True) -> Unit:
    """A unit from text already cut into ``tokens``; everything else is derived without jieba.
    ``with_sentences=False`` leaves the sentence spans out (for text-only units)."""
    starts = []
    offset = 0
    for token in tokens:
        starts.append(offset)
        offset += len(token)
    sentences = sentence_spans(text) if with_sentences else ()
    points = run_in_points(text, sentences) if place == "text" else ()
    lead_end = points[0][1] if points and points[0][0] == 0 and points[0][2] == len(text) else 0
    return Unit(
        place=place,
        paragraph=paragraph,
        text=text,
        tokens=tokens,
        starts=tuple(starts),
        sentences=sentences,
        lead_end=lead_end,
        points=points,
        level=heading_level(text) if place == "heading" else 0,
        boundaries=frozenset((*starts, len(text))) if tokens else _NO_BOUNDARIES,
        sentence_starts=tuple(a for a, _ in sentences),
    )


def point_head(text: str, start: int, end: int, enumerated: bool) -> int:
    """Where a run-in heading opening the sentence ``text[start:end]`` ends, or 0 for none: the
    whole sentence when it is short, else (for an enumerated one) its first clause when that is short."""
    if end - start <= LEAD_MAX:
        return end
    if enumerated:
        for at in range(start, min(end, start + CLAUSE_HEAD_MAX + 1)):
            if text[at] in CLAUSE_MARKS:
                return at + 1
    return 0


def run_in_points(text: str, sentences: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int, int], ...]:
    """The paragraph's run-in headings and the extent of each sub-point (see :attr:`Unit.points`).

    The opening sentence is a heading when it is short and more text follows (or, enumerated, its
    first clause is short); inside the paragraph, a sentence that begins like 一是 / 二要 / 首先 /
    (二) opens a sub-point that runs to the next such sentence.
    """
    if len(sentences) == 1 and sentences[0][1] - sentences[0][0] <= LEAD_MAX:
        return ((sentences[0][0], sentences[0][1], sentences[0][1]),)  # a paragraph that is a heading
    if len(sentences) < 2:
        return ()
    heads: list[tuple[int, int]] = []
    first_start, first_end = sentences[0]
    opening = point_head(text, first_start, first_end, bool(POINT_MARK.match(text, first_start)))
    if opening and len(text) - opening >= LEAD_MIN_REST:
        heads.append((first_start, opening))
    for start, end in sentences[1:]:
        if POINT_MARK.match(text, start):
            head_end = point_head(text, start, end, True)
            if head_end and head_end < len(text):
                heads.append((start, head_end))
    points = []
    inner = heads
    if heads and heads[0][0] == first_start:
        points.append((first_start, heads[0][1], len(text)))  # the opening heading's sub-point: the paragraph
        inner = heads[1:]
    for index, (start, head_end) in enumerate(inner):
        stop = inner[index + 1][0] if index + 1 < len(inner) else len(text)
        points.append((start, head_end, stop))
    return tuple(points)


def unit_from_joined(place: str, paragraph: int, joined: str) -> Unit:
    """The unit of :meth:`Unit.joined_tokens`."""
    tokens = tuple(joined.split(TOKEN_SEPARATOR)) if joined else ()
    return unit_from_tokens(place, paragraph, "".join(tokens), tokens)


@dataclass(frozen=True)
class ArticleTokens:
    article: Article
    units: tuple[Unit, ...]

    @cached_property
    def characters(self) -> int:
        """Characters of the body (headings and paragraphs), counted once."""
        return sum(len(u.text) for u in self.units if u.place in ("text", "heading"))

    def body(self) -> Iterable[Unit]:
        return (u for u in self.units if u.place in ("text", "heading"))

    def unit(self, place: str) -> Optional[Unit]:
        return next((u for u in self.units if u.place == place), None)


def tokenize_article(article: Article, segmenter: Segmenter) -> ArticleTokens:
    """Cut the article's title, abstract, author keywords and paragraphs, each exactly once."""
    units = [make_unit("title", -1, article.display_title, segmenter)]
    if article.abstract:
        units.append(make_unit("abstract", -1, article.abstract, segmenter))
    if article.author_keywords:
        units.append(make_unit("keywords", -1, "；".join(article.author_keywords), segmenter))
    for index, paragraph in enumerate(article.paragraphs):
        place = "heading" if paragraph.kind == "heading" else "text"
        units.append(make_unit(place, index, paragraph.text, segmenter))
    return ArticleTokens(article, tuple(units))


def article_text_units(article: Article) -> ArticleTokens:
    """The article's units with their text only (no words, no sentence spans): what the corpus-wide
    steps (enterprises, glossary) read once each article's own word-level reading is done elsewhere."""
    units = [unit_from_tokens("title", -1, article.display_title, (), False)]
    if article.abstract:
        units.append(unit_from_tokens("abstract", -1, article.abstract, (), False))
    if article.author_keywords:
        units.append(unit_from_tokens("keywords", -1, "；".join(article.author_keywords), (), False))
    for index, paragraph in enumerate(article.paragraphs):
        place = "heading" if paragraph.kind == "heading" else "text"
        units.append(unit_from_tokens(place, index, paragraph.text, (), False))
    return ArticleTokens(article, tuple(units))


def content_counts(tokens: ArticleTokens, segmenter: Segmenter) -> Counter:
    """How often each content word stands in the article (the filter runs once per distinct word)."""
    counts: Counter = Counter()
    for unit in tokens.units:
        counts.update(unit.tokens)
    return Counter({word: n for word, n in counts.items() if segmenter.is_content_word(word)})


def tokenize_corpus(corpus: ParsedCorpus, segmenter: Segmenter) -> tuple[ArticleTokens, ...]:
    return tuple(tokenize_article(article, segmenter) for article in corpus.articles)


def clip_context(
    text: str, start: int, end: int, sentence: Optional[tuple[int, int]] = None, limit: int = 120
) -> tuple[str, int, int]:
    """The sentence around ``text[start:end]``, cut to about ``limit`` characters at clause marks.

    ``sentence`` is the sentence's span when the caller knows it. Returns the snippet and the
    match's offsets inside it; ``…`` marks a cut.
    """
    if sentence is None:
        sentence = next(((a, b) for a, b in sentence_spans(text) if a <= start < b), (0, len(text)))
    s_start, s_end = sentence
    if s_end - s_start > limit:
        clauses = [(a + s_start, b + s_start) for a, b in sentence_spans(text[s_start:s_end], SENTENCE_STOPS + CLAUSE_STOPS)]
        inside = [i for i, (a, b) in enumerate(clauses) if a <= start < b]
        if inside:
            lo = hi = inside[0]
            while hi + 1 < len(clauses) and clauses[hi][1] < end:
                hi += 1
            while True:
                grown = False
                if lo > 0 and clauses[hi][1] - clauses[lo - 1][0] <= limit:
                    lo -= 1
                    grown = True
                if hi + 1 < len(clauses) and clauses[hi + 1][1] - clauses[lo][0] <= limit:
                    hi += 1
                    grown = True
                if not grown:
                    break
            s_start, s_end = clauses[lo][0], clauses[hi][1]
        if s_end - s_start > limit:
            half = max(10, (limit - (end - start)) // 2)
            s_start = max(s_start, start - half)
            s_end = min(s_end, max(end + half, s_start + limit))
    prefix = "…" if s_start > 0 and text[s_start - 1] not in SENTENCE_STOPS + CLOSERS else ""
    suffix = "…" if s_end < len(text) and text[s_end - 1] not in SENTENCE_STOPS + CLAUSE_STOPS + CLOSERS else ""
    snippet = prefix + text[s_start:s_end].strip() + suffix
    lead = len(prefix) + (len(text[s_start:s_end]) - len(text[s_start:s_end].lstrip()))
    return snippet, start - s_start + lead, end - s_start + lead
