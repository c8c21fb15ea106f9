"""Credits of a pasted WeChat article: its account line, ``编辑：… 审核：…`` and ``来源：…`` lines."""

from __future__ import annotations

from typing import Optional

from .attach import _chain_ending_above
from .model import Chain, PageState, TitleUnit

WECHAT_RULES = ("wechat_meta", "wechat_chrome", "recommendations")
"""Blocks only a copied WeChat article prints: a page with one is such a paste."""


def is_wechat_paste(state: PageState) -> bool:
    return any(block.rule in WECHAT_RULES for block in state.blocks)


def mark_wechat_credits(state: PageState) -> None:
    """On a pasted WeChat article, the staff line (``编辑：刘洋 审核：陈静``) is the article's, not the
    page's; and the account's name printed alone at the top (the one its meta line names, or the line
    right above ``点击蓝字 关注我们``) is WeChat's chrome, giving the account."""
    if not is_wechat_paste(state):
        return
    for block in state.blocks:
        if block.kind == "furniture" and block.data.get("furniture") == "editors":
            block.kind, block.data = "credit", {"furniture": "editors", "editors": tuple(block.data["meta"]["editors"].items())}
    accounts = {dict(b.data["wechat"])["account"] for b in state.blocks if b.rule == "wechat_meta"}
    for index, block in enumerate(state.blocks):
        if block.kind in ("byline", "title") or block.rule == "wechat_meta":
            break
        below = state.blocks[index + 1] if index + 1 < len(state.blocks) else None
        above_chrome = below is not None and below.rule == "wechat_chrome" and below.first == block.last + 1
        if block.kind == "text" and block.first == block.last and (block.text in accounts or above_chrome):
            block.kind, block.rule = "furniture", "wechat_account"
            block.data = {"furniture": "wechat_chrome", "meta": {}, "account": block.text}


def attach_credits(state: PageState) -> None:
    """A source or staff line belongs to the article whose text (or title unit) stands right above it."""
    for index, block in enumerate(state.blocks):
        if block.kind == "credit":
            chain = _chain_ending_above(state, index)
            if chain is not None:
                state.chains[chain].credits.append(index)


def page_account(state: PageState) -> Optional[str]:
    """The account named by the line at the top of a pasted WeChat article, if any."""
    return next((b.data["account"] for b in state.blocks if b.rule == "wechat_account"), None)


def article_metadata(state: PageState, chain: Chain, unit: Optional[TitleUnit]) -> tuple[tuple[str, str], ...]:
    """The meta line's fields (the page's account line giving the account when it does not), then
    the source, then the issuer and date a document is signed with at its end."""
    found = dict(unit.wechat) if unit else {}
    account = page_account(state)
    if account and "account" not in found:
        found = {"account": account, **found}
    for index in chain.credits:
        if "source" in state.blocks[index].data:
            found.setdefault("source", state.blocks[index].data["source"])
    for index in chain.bylines:
        block = state.blocks[index]
        if block.rule == "issuer_signature":
            found.setdefault("issuer", block.data["unit"])
            found.setdefault("signed", block.data["signed"])
    return tuple(found.items())


def article_editors(state: PageState, chain: Chain) -> tuple[tuple[str, str], ...]:
    return tuple(pair for index in chain.credits for pair in state.blocks[index].data.get("editors", ()))
