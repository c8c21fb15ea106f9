"""Chains: body blocks in reading order, following the joins."""

from __future__ import annotations

from .model import Chain, PageState
from .reading_order import next_in_reading_order

def build_chains(state: PageState) -> None:
    """Follow the joins and the page's reading order from each paragraph nothing leads into."""
    has_predecessor = set(state.predecessor)
    for index in range(len(state.blocks)):
        following = next_in_reading_order(state, index) if state.is_body(index) else None
        if following is not None:
            has_predecessor.add(following)
    for index in range(len(state.blocks)):
        if not state.is_body(index) or index in has_predecessor:
            continue
        chain, members = [index], {index}
        position = next_in_reading_order(state, index)
        while position is not None and position not in members:
            chain.append(position)
            members.add(position)
            position = next_in_reading_order(state, position)
        for block in chain:
            state.chain_by_block.setdefault(block, len(state.chains))
        state.chains.append(Chain(blocks=chain, partial=index in state.fragments))
    state.chain_texts = [chain_text(state, chain) for chain in state.chains]



def chain_text(state: PageState, chain: Chain) -> str:
    return "".join(state.blocks[i].text for i in chain.blocks)
