"""Where titles stand: do this page's titles lead their articles or trail them?"""

from __future__ import annotations

import math
from typing import Optional

from ..state import BODY_KINDS, HEADER_KINDS
from ..text import run_bigrams
from .model import PageState, TitleUnit

def _title_similarity(state: PageState, title: str, chain_number: Optional[int]) -> float:
    """How much of the title's vocabulary the article uses, rarer pairs counting more. Summed
    exactly (``math.fsum``): the pairs are a set, whose order changes from run to run, and a
    rounding error in the order of the sum must not tip a tie between above and below."""
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
    return math.fsum(w for g, w in weights.items() if g in present) / math.fsum(weights.values())


def _chain_after(state: PageState, unit: TitleUnit) -> tuple[Optional[int], bool]:
    """The chain that starts right below a title unit, and whether the paragraph there continues another."""
    position = unit.blocks[-1] + 1
    while position < len(state.blocks) and (
        state.blocks[position].kind in ("abstract", "keywords", "journal", "jump", "editorial", "affiliation", "credit")
        or state.blocks[position].data.get("furniture") == "wechat_chrome"
    ):
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

