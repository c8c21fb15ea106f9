"""Giving each article its title, affiliation, abstract and keywords."""

from __future__ import annotations

from typing import Optional

from .model import PageState, TitleUnit
from .placement import _chain_after, _chain_before, _title_similarity

ORPHAN_MATCH_MIN = 0.2

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
            chain = _chain_ending_above(state, index)
            if chain is not None:
                state.chains[chain].affiliations.append(index)
        elif block.kind in ("abstract", "keywords", "journal"):
            below = index + 1
            while below < len(state.blocks) and state.blocks[below].kind in ("abstract", "keywords", "journal"):
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



def _chain_ending_above(state: PageState, index: int) -> Optional[int]:
    """The article whose text (or title unit, or closing lines) stands right above block ``index``."""
    position = index - 1
    while position >= 0 and (state.passes_over(position) or state.blocks[position].kind in (
            "affiliation", "editorial", "closing_byline", "jump", "credit")):
        for chain_number, chain in enumerate(state.chains):
            if position in chain.affiliations + chain.editorial + chain.bylines + chain.jumps + chain.credits:
                return chain_number
        position -= 1
    if position < 0:
        return None
    if state.is_body(position):
        return state.chain_of(position)
    return _chain_of_unit_block(state, position)


def _chain_starting_below(state: PageState, index: int, over_bands: bool = False) -> Optional[int]:
    """The article that opens right below block ``index`` (its title unit or its first paragraph),
    with ``over_bands`` also past a column band between them (:func:`_is_band`)."""
    position = index + 1
    while position < len(state.blocks) and (
            state.blocks[position].kind in ("editorial", "abstract", "keywords") or (over_bands and _is_band(state.blocks[position]))):
        position += 1
    if position >= len(state.blocks):
        return None
    if state.is_body(position):
        return state.chain_of(position)
    return _chain_of_unit_block(state, position)


def _is_band(block) -> bool:
    return block.kind == "furniture" and block.data.get("furniture") == "column_name"


def attach_closing_bylines(state: PageState) -> None:
    """A byline printed under an article's last paragraph gives that article its author (and unit)."""
    for index, block in enumerate(state.blocks):
        if block.kind == "closing_byline":
            chain = _chain_ending_above(state, index)
            if chain is not None:
                state.chains[chain].bylines.append(index)


def note_above(block) -> bool:
    """An editor's note printed above its article (``编者按``), not after it (``编者回复``)."""
    return block.data["field"] == "editor_note" and not block.data.get("after")


def attach_editorial(state: PageState) -> None:
    """An editor's note belongs to the article below it, a column band between them or not (a
    专版's ``编者按：`` at the page's top over ``政策问答`` and its first article: that article's), an
    editor's reply (``编者回复：``), an author bio, footnotes and references to the article above them."""
    for index, block in enumerate(state.blocks):
        if block.kind != "editorial":
            continue
        if note_above(block):
            chain = _chain_starting_below(state, index, over_bands=True)
        else:
            chain = _chain_ending_above(state, index)
        if chain is not None:
            state.chains[chain].editorial.append(index)


def attach_jumps(state: PageState) -> None:
    """``（下转第6版）`` closes the article above it (it goes on elsewhere); ``（上接第1版）`` opens the
    article below it (its beginning is elsewhere)."""
    for index, block in enumerate(state.blocks):
        if block.kind != "jump":
            continue
        if block.data["direction"] == "on":
            chain = _chain_ending_above(state, index)
        else:
            chain = _chain_starting_below(state, index)
        if chain is not None:
            state.chains[chain].jumps.append(index)
            if block.data["direction"] == "from":
                state.chains[chain].partial = True
