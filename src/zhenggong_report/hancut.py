"""Runs of Chinese characters cut by jieba-rs (the ``rjieba`` binding) over jieba's own dictionary.

Almost all of an article's text is runs of Chinese characters between punctuation, and cutting
them is the one hot loop no build avoids. jieba-rs implements jieba's accurate mode — the same
word graph, the same ``log(freq) - log(total)`` scores with the same tie-breaking (the later end
wins), the same HMM model for runs of single characters — in compiled code, about twenty times
faster per run than Python. :func:`han_run_cutter` loads it with exactly the words and
frequencies of a ``jieba.Tokenizer`` (its user dictionary included) and the same total, so each
run cuts into the same words as ``Tokenizer.lcut``; :class:`..wordroute.RouteCutter` gives it
only runs of Chinese characters (``[\\u4e00-\\u9fd5]+``), where the two agree, and cuts every
other block (Latin letters, digits, ``+#&._%-`` mixed in) itself, where their regular expressions
differ. Tests hold the result equal to ``lcut`` on every line of the seeds and fixtures and on
generated text.

Loading jieba-rs takes about 0.3 s and 80 MB, what Python takes to cut some 300,000 characters:
:class:`HanRuns` loads it only once a process has cut :data:`LOAD_AFTER_CHARACTERS` (a worker
mapping many pages), never for a rebuild that maps one page.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, Optional

if TYPE_CHECKING:
    import jieba

HAN_RUN = re.compile("[\u4e00-\u9fd5]+")
"""A block of nothing but Chinese characters: what is handed to jieba-rs."""

TOTAL_PADDING_WORD = "\ue000"
"""A private-use character, never inside a run of Chinese characters, whose frequency makes
jieba-rs's total (the sum of its words' frequencies) equal to the tokenizer's ``total`` (which
also counts words listed twice and user words that replaced a dictionary entry)."""

HanRunCut = Callable[[str, bool], list]
"""``cut(run, hmm)``: the words of one run of Chinese characters."""

LOAD_AFTER_CHARACTERS = 100_000
"""Characters cut in Python before jieba-rs is loaded: at most a third of what loading it costs is
spent before it, and a build of a few pages never loads it."""


class HanRuns:
    """jieba-rs for a tokenizer, loaded once :data:`LOAD_AFTER_CHARACTERS` have been cut without it."""

    def __init__(self, tokenizer: "jieba.Tokenizer", load_after: int = LOAD_AFTER_CHARACTERS) -> None:
        self.tokenizer = tokenizer
        self.until_loaded: Optional[int] = load_after
        """Characters still to cut before loading; None once loaded (or found missing)."""
        self.cut: Optional[HanRunCut] = None

    def cutter_for(self, characters: int) -> Optional[HanRunCut]:
        """The compiled cutter for a text of ``characters`` about to be cut, or None: cut it in Python."""
        if self.until_loaded is not None:
            self.until_loaded -= characters
            if self.until_loaded < 0:
                self.until_loaded = None
                self.cut = han_run_cutter(self.tokenizer)
        return self.cut


def han_run_cutter(tokenizer: "jieba.Tokenizer") -> Optional[HanRunCut]:
    """jieba-rs loaded with ``tokenizer``'s dictionary, or None where ``rjieba`` is not installed.
    The tokenizer's dictionary must be complete (user words loaded) and not change afterwards."""
    try:
        import rjieba
    except ImportError:
        return None
    compiled = rjieba.Jieba.empty()
    added = 0
    for word, frequency in tokenizer.FREQ.items():
        if frequency:  # frequency 0 marks a prefix of a word, not a word
            compiled.add_word(word, frequency, "x")
            added += frequency
    if tokenizer.total > added:
        compiled.add_word(TOTAL_PADDING_WORD, tokenizer.total - added, "x")
    elif tokenizer.total < added:
        return None  # a total jieba-rs cannot be given: cut in Python
    return compiled.cut
