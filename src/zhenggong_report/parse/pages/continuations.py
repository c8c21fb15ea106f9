"""Joining a paragraph that stops mid-sentence to the paragraph that continues it."""

from __future__ import annotations

import itertools
import math
from typing import Optional

from ..state import Block, Lexicon
from ..text import (
    BRACKET_PAIRS,
    CLOSERS,
    CLOSING_PUNCT,
    SENTENCE_STARTERS,
    bigrams,
    ends_sentence,
    first_unmatched_closer,
    has_sentence_punctuation,
    is_cjk,
    quote_balance,
    starts_with_enumerator,
    unbalanced_openers,
)
from .model import Link, PageState
from .reading_order import find_loop

MIN_LINK_SCORE = 1.0
REMOTE_PAIR_LIMIT = 40_000
"""Most (open end, fragment) pairs weighed on one page for joins across columns (a newspaper page
has a few hundred at most; each pair costs a few microseconds)."""
MIN_REMOTE_EVIDENCE = 1.5
EXHAUSTIVE_LIMIT = 20000
SETTLED_WORD = 2.0
"""A word this strong formed across a page break settles the join: no need to look elsewhere."""

def ends_mid_sentence(block: Block) -> bool:
    """A paragraph stops mid-sentence when it ends on a character, a comma or an opening mark; an
    item printed whole on its own line (a quiz's options or answers: ``whole``) never does."""
    text = block.text.rstrip()
    if not text or ends_sentence(text) or block.data.get("whole"):
        return False
    return text[-1] not in CLOSERS


def starts_mid_sentence(block: Block, lexicon: Lexicon) -> bool:
    """A paragraph starts mid-sentence when it opens with closing punctuation or a stray syllable;
    never an item its rule found complete (a bullet, its sentences, its credit: ``■孤东采油厂…``)."""
    text = block.text.lstrip()
    if not text or block.kind != "text" or starts_with_enumerator(text) or block.data.get("indented") or block.data.get("complete"):
        return False  # an indent (``　　``) on a hard-wrapped page marks a paragraph's start
    if text[0] in CLOSING_PUNCT:
        return True
    if not is_cjk(text[0]):
        return False
    token = lexicon.first_token(text)
    return len(token) == 1 and token not in SENTENCE_STARTERS


def opens_with_indent(first: Block, second: Block) -> bool:
    """On a page that indents its paragraphs (``first`` is indented), an indented ``second`` opens a
    paragraph of its own: ``first`` stops mid-sentence where the page lost its rest, and no join
    is made up for it (``…工作中的急难`` / a caption / ``　　治国安邦…``)."""
    return bool(first.data.get("indented")) and bool(second.data.get("indented"))


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


def stands_over_indent(first: Block, second: Block) -> bool:
    """A short unpunctuated line alone (a blank line under it) over an indented paragraph is a title
    or heading over the paragraph the indent opens, on a hard-wrapped page too: no join
    (``党员就要往难处站`` / blank / ``　　本报评论员认为…``)."""
    return (
        bool(second.data.get("indented")) and first.first == first.last and second.first > first.last + 1
        and len(first.text) <= 30 and not has_sentence_punctuation(first.text)
    )


def _heading_like(state: PageState, block: Block) -> bool:
    if block.kind == "heading":
        return True
    return not state.hard_wrapped and len(block.text) <= 30 and not has_sentence_punctuation(block.text)


def _score_link(state: PageState, before: int, after: int) -> Optional[Link]:
    first, second = state.blocks[before], state.blocks[after]
    if second.kind == "verse":  # a stanza's lines are its own: no paragraph runs on into it
        return None
    adjacent = after == state.next_body(before)
    if (first.kind == "heading" or second.kind == "heading") and not (
        adjacent and first.kind == second.kind == "heading"
    ):
        return None
    if starts_with_enumerator(second.text) or opens_with_indent(first, second) or stands_over_indent(first, second):
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
    open_ends = [i for i, block in enumerate(state.blocks) if block.kind in ("text", "heading") and ends_mid_sentence(block)]
    settled: set[int] = set()
    for index in open_ends:
        following = state.next_body(index)
        if state.is_body(following):
            link = _score_link(state, index, following)
            if link:
                candidates[index] = [link]
                if link.word >= SETTLED_WORD:
                    settled.add(following)
    starts = sorted(state.fragments - settled)
    unsettled = [i for i in open_ends if not (state.next_body(i) in settled and i in candidates)]
    if len(unsettled) * len(starts) > REMOTE_PAIR_LIMIT:  # every pair would be weighed: quadratic
        state.warnings.append(
            f"{len(unsettled)} paragraphs stop mid-sentence and {len(starts)} start so: too many to match "
            f"across columns (limit {REMOTE_PAIR_LIMIT:,} pairs); each is joined only to the next paragraph"
        )
        starts = []
    for index in open_ends:
        following = state.next_body(index)
        if following in settled and index in candidates:
            continue
        remote = [_score_link(state, index, s) for s in starts if s not in (index, following)]
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
        loop = find_loop(state)
        if not loop:
            return
        weakest = min((state.links[i] for i in loop if i in state.links), key=lambda l: l.score)
        del state.links[weakest.before]
        del state.successor[weakest.before]
        del state.predecessor[weakest.after]

