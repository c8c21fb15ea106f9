"""Page rules: turn a page's blocks into articles and leftovers.

Each rule is a small function over a :class:`PageState` with a docstring
naming what it recognises; :data:`PAGE_RULES` runs them in order, like
markdown-it-py's core rules run after its block rules.
"""

from __future__ import annotations

import hashlib
import itertools
import math
from dataclasses import dataclass, field
from typing import Callable, Optional

from ..models import Article, Join, Leftover, PageNote, Paragraph, SourceFile, Span
from .state import BODY_KINDS, HEADER_KINDS, Block, Lexicon
from .text import (
    CONNECTORS,
    SENTENCE_STARTERS,
    bigrams,
    ends_sentence,
    first_unmatched_closer,
    has_sentence_punctuation,
    is_cjk,
    join_wrapped,
    run_bigrams,
    quote_balance,
    starts_with_enumerator,
    unbalanced_openers,
    BRACKET_PAIRS,
    CLOSING_PUNCT,
    CLOSERS,
)
from .titles import infer_title

TITLE_MAX = 60
MIN_LINK_SCORE = 1.0
MIN_REMOTE_EVIDENCE = 1.5
ORPHAN_MATCH_MIN = 0.2
EXHAUSTIVE_LIMIT = 20000
SETTLED_WORD = 2.0
"""A word this strong formed across a page break settles the join: no need to look elsewhere."""


@dataclass
class TitleUnit:
    """A title with its subtitle and byline(s), as printed together."""

    blocks: list[int]
    title: Optional[str] = None
    subtitle: Optional[str] = None
    author: Optional[str] = None
    unit: Optional[str] = None


@dataclass
class Link:
    before: int
    after: int
    score: float
    evidence: tuple[str, ...]
    adjacent: bool
    word: float = 0.0
    """The dictionary-word part of the score."""


@dataclass
class Chain:
    """Body blocks in reading order, and what the page prints around them."""

    blocks: list[int]
    title_unit: Optional[int] = None
    title_note: Optional[str] = None
    affiliations: list[int] = field(default_factory=list)
    extras: list[int] = field(default_factory=list)
    partial: bool = False


@dataclass
class PageState:
    source: SourceFile
    blocks: list[Block]
    lexicon: Lexicon
    hard_wrapped: bool
    units: list[TitleUnit] = field(default_factory=list)
    links: dict[int, Link] = field(default_factory=dict)
    successor: dict[int, int] = field(default_factory=dict)
    predecessor: dict[int, int] = field(default_factory=dict)
    chains: list[Chain] = field(default_factory=list)
    placement: str = "leading"
    evidence: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    claimed: set[int] = field(default_factory=set)
    fragments: set[int] = field(default_factory=set)
    """Body blocks that start mid-sentence."""
    chain_texts: list[str] = field(default_factory=list)
    title_weights: dict[str, dict[str, float]] = field(default_factory=dict)
    """Each title's character pairs weighted by their rarity among the chains (see ``_title_similarity``)."""
    chain_by_block: dict[int, int] = field(default_factory=dict)
    articles: list[Article] = field(default_factory=list)
    leftovers: list[Leftover] = field(default_factory=list)

    def is_body(self, index: int) -> bool:
        return 0 <= index < len(self.blocks) and self.blocks[index].kind in BODY_KINDS

    def chain_of(self, index: int) -> Optional[int]:
        return self.chain_by_block.get(index)


PageRule = Callable[[PageState], None]


# --- titles and bylines -----------------------------------------------------------------


def _title_like(block: Block) -> bool:
    text = block.text
    return (
        block.kind in BODY_KINDS
        and 2 <= len(text) <= TITLE_MAX
        and not has_sentence_punctuation(text)
        and not starts_with_enumerator(text)
        and text[-1] not in CONNECTORS
    )


def mark_titles_above_bylines(state: PageState) -> None:
    """The short unpunctuated line just above a byline (or above its ``——`` subtitle) is the title."""
    for index, block in enumerate(state.blocks):
        if block.kind != "byline":
            continue
        above = index - 1
        if above >= 0 and state.blocks[above].kind == "subtitle":
            above -= 1
        if above >= 0 and _title_like(state.blocks[above]):
            state.blocks[above].kind = "title"


def group_title_units(state: PageState) -> None:
    """A title, its subtitle and its byline printed together form one title unit."""
    current: Optional[TitleUnit] = None
    for index, block in enumerate(state.blocks):
        if block.kind not in HEADER_KINDS:
            current = None
            continue
        starts_new = current is None or block.kind == "title" or (
            block.kind == "subtitle" and current.subtitle is not None
        ) or (block.kind == "byline" and current.author is not None)
        if starts_new:
            current = TitleUnit(blocks=[])
            state.units.append(current)
        assert current is not None
        current.blocks.append(index)
        if block.kind == "title":
            current.title = block.text
        elif block.kind == "subtitle":
            current.subtitle = block.text.lstrip("—-").strip()
        else:
            current.author = block.data.get("author")
            current.unit = block.data.get("unit")


# --- continuations ------------------------------------------------------------------------


def ends_mid_sentence(block: Block) -> bool:
    """A paragraph stops mid-sentence when it ends on a character, a comma or an opening mark."""
    text = block.text.rstrip()
    if not text or ends_sentence(text):
        return False
    return text[-1] not in CLOSERS


def starts_mid_sentence(block: Block, lexicon: Lexicon) -> bool:
    """A paragraph starts mid-sentence when it opens with closing punctuation or a stray syllable."""
    text = block.text.lstrip()
    if not text or block.kind != "text" or starts_with_enumerator(text):
        return False
    if text[0] in CLOSING_PUNCT:
        return True
    if not is_cjk(text[0]):
        return False
    token = lexicon.first_token(text)
    return len(token) == 1 and token not in SENTENCE_STARTERS


def _bracket_evidence(before: str, after: str) -> tuple[float, Optional[str]]:
    closer = first_unmatched_closer(after)
    if closer is None:
        return 0.0, None
    openers = unbalanced_openers(before)
    if not openers:
        return -2.0, None
    opener = openers[-1]
    if BRACKET_PAIRS.get(opener) != closer:
        return -1.0, None
    distance = (len(before) - before.rfind(opener)) + after.find(closer)
    weight = 2.0 if distance <= 40 else 1.0 if distance <= 100 else 0.5
    return weight, f"补全了接缝前{len(before) - before.rfind(opener) - 1}字处打开的括号{opener}…{closer}"


def _quote_evidence(before: str, after: str) -> tuple[float, Optional[str]]:
    if quote_balance(before) > 0 and quote_balance(after) < 0:
        return 1.0, "补全了未闭合的引号"
    return 0.0, None


def _neighbourhood(state: PageState, index: int, step: int) -> str:
    texts = []
    position = index
    while len(texts) < 3 and state.is_body(position):
        texts.append(state.blocks[position].text)
        position += step
    return "".join(texts)


def _topic_similarity(state: PageState, before: int, after: int) -> float:
    left = bigrams(_neighbourhood(state, before, -1))
    right = bigrams(_neighbourhood(state, after, 1))
    if not left or not right:
        return 0.0
    return len(left & right) / math.sqrt(len(left) * len(right))


def _heading_like(state: PageState, block: Block) -> bool:
    if block.kind == "heading":
        return True
    return not state.hard_wrapped and len(block.text) <= 30 and not has_sentence_punctuation(block.text)


def _score_link(state: PageState, before: int, after: int) -> Optional[Link]:
    first, second = state.blocks[before], state.blocks[after]
    adjacent = after == before + 1
    if (first.kind == "heading" or second.kind == "heading") and not (
        adjacent and first.kind == second.kind == "heading"
    ):
        return None
    if starts_with_enumerator(second.text):
        return None
    word, word_score = state.lexicon.join_evidence(first.text, second.text)
    bracket_score, bracket_note = _bracket_evidence(first.text, second.text)
    quote_score, quote_note = _quote_evidence(first.text, second.text)
    fragment = after in state.fragments
    if _heading_like(state, first) and not (adjacent and word_score > 0):
        return None
    if not adjacent and (not fragment or word_score + max(bracket_score, 0) + quote_score < MIN_REMOTE_EVIDENCE):
        return None
    topic = _topic_similarity(state, before, after)
    score = word_score + bracket_score + quote_score + (1.0 if adjacent else 0.0) + (0.5 if fragment else 0.0) + topic
    if score < MIN_LINK_SCORE:
        return None
    evidence = []
    if word:
        evidence.append(f"接缝两侧合成词语“{word}”")
    if bracket_note:
        evidence.append(bracket_note)
    if quote_note:
        evidence.append(quote_note)
    if adjacent:
        evidence.append("版面上紧接的下一段")
    elif fragment:
        evidence.append("续段以半句开头")
    evidence.append(f"话题相似度 {topic:.2f}")
    return Link(before, after, round(score, 3), tuple(evidence), adjacent, word_score)


def _best_matching(candidates: dict[int, list[Link]]) -> list[Link]:
    """The set of links, one per paragraph end and start, with the largest total score."""
    ends = sorted(candidates)
    sizes = [len(candidates[e]) + 1 for e in ends]
    if math.prod(sizes) > EXHAUSTIVE_LIMIT:
        return _greedy_matching(candidates)
    best: tuple[float, list[Link]] = (0.0, [])

    def search(position: int, used: set[int], chosen: list[Link], total: float) -> None:
        nonlocal best
        if position == len(ends):
            if total > best[0]:
                best = (total, list(chosen))
            return
        for link in candidates[ends[position]]:
            if link.after not in used:
                used.add(link.after)
                chosen.append(link)
                search(position + 1, used, chosen, total + link.score)
                chosen.pop()
                used.discard(link.after)
        search(position + 1, used, chosen, total)

    search(0, set(), [], 0.0)
    return best[1]


def _greedy_matching(candidates: dict[int, list[Link]]) -> list[Link]:
    links = sorted(itertools.chain.from_iterable(candidates.values()), key=lambda l: (-l.score, l.before, l.after))
    taken_before: set[int] = set()
    taken_after: set[int] = set()
    chosen = []
    for link in links:
        if link.before not in taken_before and link.after not in taken_after:
            chosen.append(link)
            taken_before.add(link.before)
            taken_after.add(link.after)
    return chosen


def _components(candidates: dict[int, list[Link]]) -> list[dict[int, list[Link]]]:
    """Split the candidate links into independent groups (paragraphs that compete for nothing in common)."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(node: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    for end, links in candidates.items():
        for link in links:
            parent[find(("end", end))] = find(("start", link.after))
    groups: dict[tuple[str, int], dict[int, list[Link]]] = {}
    for end, links in candidates.items():
        groups.setdefault(find(("end", end)), {})[end] = links
    return list(groups.values())


REMOTE_PAIR_LIMIT = 40_000
"""Most (open end, fragment) pairs weighed on one page for joins across columns (a newspaper page
has a few hundred at most; each pair costs a few microseconds)."""


def link_continuations(state: PageState) -> None:
    """A paragraph that stops mid-sentence goes on in the paragraph that best continues it.

    The next paragraph after a page break, or one elsewhere on the page that
    starts mid-sentence (interleaved columns). Evidence: a dictionary word
    formed across the join, brackets and quotes that balance, topical
    similarity; the best total over the page wins.
    """
    candidates: dict[int, list[Link]] = {}
    state.fragments = {
        i for i in range(len(state.blocks)) if state.is_body(i) and starts_mid_sentence(state.blocks[i], state.lexicon)
    }
    open_ends = [i for i, block in enumerate(state.blocks) if state.is_body(i) and ends_mid_sentence(block)]
    settled: set[int] = set()
    for index in open_ends:
        if state.is_body(index + 1):
            link = _score_link(state, index, index + 1)
            if link:
                candidates[index] = [link]
                if link.word >= SETTLED_WORD:
                    settled.add(index + 1)
    starts = sorted(state.fragments - settled)
    unsettled = [index for index in open_ends if not (index + 1 in settled and index in candidates)]
    if len(unsettled) * len(starts) > REMOTE_PAIR_LIMIT:  # every pair would be weighed: quadratic
        state.warnings.append(
            f"{len(unsettled)} paragraphs stop mid-sentence and {len(starts)} start so: too many to match "
            f"across columns (limit {REMOTE_PAIR_LIMIT:,} pairs); each is joined only to the next paragraph"
        )
        starts = []
    for index in open_ends:
        if index + 1 in settled and index in candidates:
            continue
        remote = [_score_link(state, index, s) for s in starts if s not in (index, index + 1)]
        links = candidates.get(index, []) + [link for link in remote if link]
        if links:
            candidates[index] = links
    chosen = []
    for component in _components(candidates):
        chosen.extend(_best_matching(component))
    for link in sorted(chosen, key=lambda l: l.before):
        state.links[link.before] = link
        state.successor[link.before] = link.after
        state.predecessor[link.after] = link.before
    _break_cycles(state)


def _break_cycles(state: PageState) -> None:
    """Drop the weakest join of any loop the joins and the reading order would form."""
    while True:
        loop = _find_loop(state)
        if not loop:
            return
        weakest = min((state.links[i] for i in loop if i in state.links), key=lambda l: l.score)
        del state.links[weakest.before]
        del state.successor[weakest.before]
        del state.predecessor[weakest.after]


def _next_in_reading_order(state: PageState, index: int) -> Optional[int]:
    if index in state.successor:
        return state.successor[index]
    following = index + 1
    if state.is_body(following) and following not in state.predecessor:
        return following
    return None


def _find_loop(state: PageState) -> list[int]:
    """The loop through the first join (in join order) that lies on one, from that join on; [] if none.

    Each paragraph leads to at most one other, so every walk ends or enters a loop: the walks from
    all joins together visit each paragraph once (linear in the page, not joins times paragraphs)."""
    on_loop: set[int] = set()
    visited: set[int] = set()
    for start in state.links:
        path: dict[int, int] = {}
        position: Optional[int] = start
        while position is not None and position not in visited:
            path[position] = len(path)
            visited.add(position)
            position = _next_in_reading_order(state, position)
        if position is not None and position in path:  # this walk closed a loop of its own
            on_loop.update(list(path)[path[position] :])
    for start in state.links:
        if start in on_loop:
            loop = [start]
            position = _next_in_reading_order(state, start)
            while position != start:
                loop.append(position)
                position = _next_in_reading_order(state, position)
            return loop
    return []


def build_chains(state: PageState) -> None:
    """Follow the joins and the page's reading order from each paragraph nothing leads into."""
    has_predecessor = set(state.predecessor)
    for index in range(len(state.blocks)):
        following = _next_in_reading_order(state, index) if state.is_body(index) else None
        if following is not None:
            has_predecessor.add(following)
    for index in range(len(state.blocks)):
        if not state.is_body(index) or index in has_predecessor:
            continue
        chain, members = [index], {index}
        position = _next_in_reading_order(state, index)
        while position is not None and position not in members:
            chain.append(position)
            members.add(position)
            position = _next_in_reading_order(state, position)
        for block in chain:
            state.chain_by_block.setdefault(block, len(state.chains))
        state.chains.append(Chain(blocks=chain, partial=index in state.fragments))
    state.chain_texts = [_chain_text(state, chain) for chain in state.chains]


# --- where titles stand ---------------------------------------------------------------------


def _chain_text(state: PageState, chain: Chain) -> str:
    return "".join(state.blocks[i].text for i in chain.blocks)


def _title_similarity(state: PageState, title: str, chain_number: Optional[int]) -> float:
    """How much of the title's vocabulary the article uses, rarer pairs counting more."""
    if chain_number is None or not title:
        return 0.0
    grams = run_bigrams(title)
    if not grams:
        return 0.0
    weights = state.title_weights.get(title)
    if weights is None:  # the same title is compared with several articles
        texts = state.chain_texts
        total = len(texts)
        weights = {g: math.log((total + 1) / (sum(1 for t in texts if g in t) + 0.5)) + 0.1 for g in grams}
        state.title_weights[title] = weights
    present = state.chain_texts[chain_number]
    return sum(w for g, w in weights.items() if g in present) / sum(weights.values())


def _chain_after(state: PageState, unit: TitleUnit) -> tuple[Optional[int], bool]:
    """The chain that starts right below a title unit, and whether the paragraph there continues another."""
    position = unit.blocks[-1] + 1
    while position < len(state.blocks) and state.blocks[position].kind in ("abstract", "keywords"):
        position += 1
    if not state.is_body(position):
        return None, False
    chain = state.chain_of(position)
    if chain is None or state.chains[chain].blocks[0] != position:
        return None, True
    return chain, False


def _chain_before(state: PageState, unit: TitleUnit) -> Optional[int]:
    """The chain that ends right above a title unit (its affiliation line may stand between)."""
    position = unit.blocks[0] - 1
    while position >= 0 and state.blocks[position].kind == "affiliation":
        position -= 1
    if not state.is_body(position):
        return None
    chain = state.chain_of(position)
    if chain is None or state.chains[chain].blocks[-1] != position:
        return None
    return chain


def decide_title_placement(state: PageState) -> None:
    """Do this page's titles lead their articles or trail them? Decided from evidence, not from the file name.

    What opens and closes the page, and whether each title's words match the
    article above it or the one below it.
    """
    if not state.units:
        state.evidence.append("本版面未印标题或署名")
        return
    articles = [i for i, b in enumerate(state.blocks) if b.kind not in ("notice",)]
    first_kind = state.blocks[articles[0]].kind if articles else ""
    last_kind = state.blocks[articles[-1]].kind if articles else ""
    score = 0.0
    if first_kind in HEADER_KINDS:
        score -= 2
        state.evidence.append("版面以标题开头：标题在前（−2）")
    elif first_kind in BODY_KINDS:
        score += 1
        state.evidence.append("版面以正文开头，其上无标题：标题在后（+1）")
    if last_kind in HEADER_KINDS:
        score += 2
        state.evidence.append("版面以标题和署名结尾：标题在后（+2）")
    elif last_kind in BODY_KINDS + ("affiliation",):
        score -= 1
        state.evidence.append("版面以正文或作者单位结尾：标题在前（−1）")
    for unit in state.units:
        if not unit.title:
            continue
        above = _title_similarity(state, unit.title, _chain_before(state, unit))
        below_chain, _ = _chain_after(state, unit)
        below = _title_similarity(state, unit.title, below_chain)
        delta = 3 * (above - below)
        score += delta
        state.evidence.append(
            f"“{unit.title}”与上方正文的用词吻合度 {above:.2f}，与下方 {below:.2f}（{delta:+.2f}）"
        )
    state.placement = "trailing" if score > 0 else "leading"
    side = "后" if state.placement == "trailing" else "前"
    state.evidence.append(f"合计 {score:+.2f}：本版面标题在文章之{side}")


def attach_titles(state: PageState) -> None:
    """Give each title unit its article; a title printed away from its text goes to the untitled article whose words it shares."""
    orphans: list[int] = []
    for number, unit in enumerate(state.units):
        if state.placement == "trailing":
            chain = _chain_before(state, unit)
        else:
            chain, _ = _chain_after(state, unit)
        if chain is not None and state.chains[chain].title_unit is None:
            state.chains[chain].title_unit = number
        else:
            orphans.append(number)
    for number in orphans:
        unit = state.units[number]
        untitled = [c for c, chain in enumerate(state.chains) if chain.title_unit is None and not chain.partial]
        if not untitled or not unit.title:
            continue
        scored = sorted(((_title_similarity(state, unit.title, c), c) for c in untitled), reverse=True)
        similarity, chain = scored[0]
        if similarity >= ORPHAN_MATCH_MIN:
            state.chains[chain].title_unit = number
            state.chains[chain].title_note = (
                f"标题与正文分开排印（第{_unit_span(state, unit)}行），按共有词语匹配（吻合度 {similarity:.2f}）"
            )


def _unit_span(state: PageState, unit: TitleUnit) -> str:
    return f"{state.blocks[unit.blocks[0]].first}–{state.blocks[unit.blocks[-1]].last}"


def attach_affiliations_and_abstracts(state: PageState) -> None:
    """An affiliation line closes the article above it; an abstract and keywords open the article below them."""
    for index, block in enumerate(state.blocks):
        if block.kind == "affiliation":
            above = index - 1
            chain = state.chain_of(above) if state.is_body(above) else None
            if chain is None:
                chain = _chain_of_unit_block(state, above)
            if chain is not None:
                state.chains[chain].affiliations.append(index)
        elif block.kind in ("abstract", "keywords"):
            below = index + 1
            while below < len(state.blocks) and state.blocks[below].kind in ("abstract", "keywords"):
                below += 1
            chain = state.chain_of(below) if state.is_body(below) else None
            if chain is not None:
                state.chains[chain].extras.append(index)


def _chain_of_unit_block(state: PageState, index: int) -> Optional[int]:
    for number, unit in enumerate(state.units):
        if index in unit.blocks:
            for c, chain in enumerate(state.chains):
                if chain.title_unit == number:
                    return c
    return None


# --- records --------------------------------------------------------------------------------


def _merge_spans(spans: list[Span], source: SourceFile) -> tuple[Span, ...]:
    """Merge spans that follow each other with only blank lines between."""
    merged: list[list[int]] = []
    for first, last in spans:
        if merged:
            previous = merged[-1]
            gap = range(previous[1] + 1, first)
            if previous[0] <= first and all(not source.lines[n - 1].strip() for n in gap):
                previous[1] = max(previous[1], last)
                continue
        merged.append([first, last])
    return tuple((a, b) for a, b in merged)


def _article_id(source: SourceFile, title: str, author: Optional[str], taken: set[str]) -> str:
    digest = hashlib.sha1(f"{source.name}\n{title}\n{author or ''}".encode("utf-8")).hexdigest()
    base = f"a-{digest[:8]}"
    candidate, counter = base, 2
    while candidate in taken:
        candidate = f"{base}-{counter}"
        counter += 1
    taken.add(candidate)
    return candidate


class _GrowingParagraph:
    """A paragraph being joined from pieces: its text as a list of parts and its spans as a list, so
    joining the n-th piece costs that piece, not the whole text so far (``join_wrapped``'s result)."""

    def __init__(self, kind: str, text: str, span) -> None:
        self.kind = kind
        self.parts = [text]
        self.spans = [span]

    def join(self, text: str, span) -> None:
        parts = self.parts
        while parts and not parts[-1].rstrip():
            parts.pop()
        if parts:
            parts[-1] = parts[-1].rstrip()
        right = text.lstrip()
        if parts and right and parts[-1][-1].isascii() and parts[-1][-1].isalpha() and right[0].isascii() and right[0].isalpha():
            parts.append(" ")
        if right:
            parts.append(right)
        self.spans.append(span)

    def tail(self, size: int) -> str:
        """The last ``size`` characters of the text."""
        taken, length = [], 0
        for part in reversed(self.parts):
            taken.append(part)
            length += len(part)
            if length >= size:
                break
        return "".join(reversed(taken))[-size:]

    def paragraph(self) -> Paragraph:
        return Paragraph(self.kind, "".join(self.parts), tuple(self.spans))


def _paragraphs(state: PageState, chain: Chain) -> tuple[list[Paragraph], list[Join]]:
    paragraphs: list[_GrowingParagraph] = []
    joins: list[Join] = []
    previous: Optional[int] = None
    for index in chain.blocks:
        block = state.blocks[index]
        link = state.links.get(previous) if previous is not None else None
        if link is not None and link.after == index:
            last = paragraphs[-1]
            joins.append(
                Join(
                    kind="page_break" if link.adjacent else "column",
                    before=last.spans[-1],
                    after=block.span,
                    evidence=link.evidence,
                    score=link.score,
                    text_before=last.tail(12),
                    text_after=block.text[:12],
                )
            )
            last.join(block.text, block.span)
        else:
            paragraphs.append(_GrowingParagraph(block.kind, block.text, block.span))
        previous = index
    return [p.paragraph() for p in paragraphs], joins


def emit_articles(state: PageState, taken_ids: set[str]) -> None:
    """One article per chain, with its title unit, affiliation, abstract and keywords."""
    for chain in state.chains:
        unit = state.units[chain.title_unit] if chain.title_unit is not None else None
        paragraphs, joins = _paragraphs(state, chain)
        if unit is None and sum(len(p.text) for p in paragraphs) < 20 and not chain.affiliations:
            continue
        notes: list[str] = []
        unit_spans = [state.blocks[i].span for i in unit.blocks] if unit else []
        extra_spans = [state.blocks[i].span for i in chain.extras]
        body_spans = [span for p in paragraphs for span in p.lines]
        affiliation_spans = [state.blocks[i].span for i in chain.affiliations]
        if state.placement == "trailing" and unit is not None and chain.title_note is None:
            spans = extra_spans + body_spans + affiliation_spans + unit_spans
            notes.append("标题印在文章之后（本版面标题均在文后）")
        else:
            spans = unit_spans + extra_spans + body_spans + affiliation_spans
        if chain.title_note:
            notes.append(chain.title_note)
        title = unit.title if unit else None
        texts = [p.text for p in paragraphs if p.kind == "text"] or [p.text for p in paragraphs]
        display = title or infer_title(texts)
        if title is None:
            notes.append("版面未印标题；显示标题据正文推断")
        if chain.partial:
            notes.append("本文开头不在任何版面上")
        affiliation, role = _affiliation(state, chain, unit)
        abstract = next((state.blocks[i].text for i in chain.extras if state.blocks[i].kind == "abstract"), None)
        keywords = next((state.blocks[i].data["words"] for i in chain.extras if state.blocks[i].kind == "keywords"), ())
        for index in chain.blocks + chain.affiliations + chain.extras + (unit.blocks if unit else []):
            state.claimed.add(index)
        state.articles.append(
            Article(
                id=_article_id(state.source, display, unit.author if unit else None, taken_ids),
                file=state.source.name,
                title=title,
                display_title=display,
                title_inferred=title is None,
                subtitle=unit.subtitle if unit else None,
                author=unit.author if unit else None,
                affiliation=affiliation,
                role=role,
                partial=chain.partial,
                abstract=abstract,
                author_keywords=tuple(keywords),
                lines=_merge_spans(spans, state.source),
                joins=tuple(joins),
                paragraphs=tuple(paragraphs),
                notes=tuple(notes),
            )
        )


def _affiliation(state: PageState, chain: Chain, unit: Optional[TitleUnit]) -> tuple[Optional[str], Optional[str]]:
    for index in chain.affiliations:
        data = state.blocks[index].data
        if data.get("unit"):
            return data["unit"], data.get("role")
    if unit and unit.unit:
        return unit.unit, None
    return None, None


LEFTOVER_KINDS = {
    "notice": None,
    "affiliation": "stray_affiliation",
    "title": "orphan_title",
    "subtitle": "orphan_title",
    "byline": "orphan_byline",
}


def emit_leftovers(state: PageState) -> None:
    """Whatever no article claimed is kept verbatim as a leftover, with its kind."""
    pending: list[int] = []

    def flush() -> None:
        if not pending:
            return
        first = state.blocks[pending[0]]
        kind = first.data.get("notice_kind") or LEFTOVER_KINDS.get(first.kind) or "fragment"
        spans = [state.blocks[i].span for i in pending]
        text = "\n".join(_verbatim(state.source, span) for span in spans)
        state.leftovers.append(Leftover(kind, state.source.name, text, _merge_spans(spans, state.source)))
        pending.clear()

    for index, block in enumerate(state.blocks):
        if index in state.claimed:
            flush()
            continue
        if pending and (block.kind == "notice" or state.blocks[pending[-1]].kind == "notice"):
            flush()
        pending.append(index)
    flush()


def _verbatim(source: SourceFile, span: Span) -> str:
    return "\n".join(line.strip() for line in source.lines[span[0] - 1 : span[1]] if line.strip())


PAGE_RULES: tuple[PageRule, ...] = (
    mark_titles_above_bylines,
    group_title_units,
    link_continuations,
    build_chains,
    decide_title_placement,
    attach_titles,
    attach_affiliations_and_abstracts,
)


def page_note(state: PageState) -> PageNote:
    return PageNote(state.source.name, state.placement, tuple(state.evidence), tuple(state.warnings))
