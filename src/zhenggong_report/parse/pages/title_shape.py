"""What a title looks like: a short line of words, no sentence in it, that neither opens with a
section's number nor ends on a connector (``和``, ``与``) that runs on into the next line."""

from __future__ import annotations

import re

from ..state import BODY_KINDS, Block
from ..text import CONNECTORS, has_sentence_punctuation, starts_with_enumerator

TITLE_MAX = 60
_HEADLINE_QUESTION = re.compile(r"^[^。；;，,：:！？!?]{2,}[？！?!](?P<rest>[^。；;，,：:！？!?]{2,})$")
"""Two phrases with one question or exclamation mark between them and no other stop or comma."""


def asks_between_phrases(text: str) -> bool:
    """A headline that asks (or exclaims) in its first phrase and answers in its second, one mark
    between them (``信访事项怎么提、怎么办？这三个问题要知道``, ``安全为了谁？为了你我他``): a title's
    shape, not a sentence's. A line that ends with the mark, or holds a comma or a second stop
    (``问：对处理意见不服，还能怎么办？``), is read as text."""
    match = _HEADLINE_QUESTION.match(text)
    return match is not None and match.group("rest")[:1] not in "”’\"）)"


def title_like(block: Block) -> bool:
    """A body block that may be a title: at most :data:`TITLE_MAX` characters, no sentence
    punctuation (but a headline's question between two phrases, :func:`asks_between_phrases`), no
    section number first, no connector last; a stanza is never one."""
    text = block.text
    return (
        block.kind in BODY_KINDS
        and block.kind != "verse"
        and 2 <= len(text) <= TITLE_MAX
        and (not has_sentence_punctuation(text) or asks_between_phrases(text))
        and not starts_with_enumerator(text)
        and text[-1] not in CONNECTORS
    )
