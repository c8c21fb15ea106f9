"""The one owner of jieba in this project.

A :class:`Segmenter` holds its own ``jieba.Tokenizer`` (never the module-level
global one), loads the project's user dictionary from a data file and keeps
jieba's dictionary cache in a project-controlled folder.
"""

from __future__ import annotations

import logging
import math
import os
from pathlib import Path
from typing import Optional

import jieba

from .resources import data_path

jieba.setLogLevel(logging.WARNING)

DEFAULT_CACHE_DIR = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "zhenggong-report"


def cache_dir() -> Path:
    """Where jieba's dictionary cache lives (``ZHENGGONG_CACHE_DIR`` overrides)."""
    return Path(os.environ.get("ZHENGGONG_CACHE_DIR", DEFAULT_CACHE_DIR))


class Segmenter:
    """Word segmentation for the parser (word evidence across joins) and the analyzer."""

    def __init__(self, userdict: Optional[Path] = None, cache_folder: Optional[Path] = None) -> None:
        self.userdict = userdict if userdict is not None else data_path("userdict.txt")
        folder = cache_folder if cache_folder is not None else cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        self.tokenizer = jieba.Tokenizer()
        self.tokenizer.tmp_dir = str(folder)
        self.tokenizer.cache_file = "jieba.dict.cache"
        self.tokenizer.initialize()
        if self.userdict and Path(self.userdict).exists():
            self.tokenizer.load_userdict(str(self.userdict))

    def cut(self, text: str, hmm: bool = True) -> list[str]:
        return self.tokenizer.lcut(text, HMM=hmm)

    def frequency(self, word: str) -> int:
        return self.tokenizer.FREQ.get(word, 0) or 0

    def spanning_word(self, left: str, right: str, window: int = 4) -> Optional[tuple[str, int]]:
        """The dictionary word that forms across ``left|right``, with its frequency, if any.

        Segments the last ``window`` characters of ``left`` joined to the first
        ``window`` of ``right`` (dictionary only, no HMM guessing) and returns the
        token that straddles the boundary.
        """
        found = self._straddling(left, right, window)
        return (found[0], self.frequency(found[0])) if found else None

    def _may_straddle(self, head: str, tail: str) -> bool:
        """Cheap pre-check: is any dictionary word made of the end of ``head`` and the start of ``tail``?"""
        freq = self.tokenizer.FREQ
        for left_size in range(1, len(head) + 1):
            for right_size in range(1, len(tail) + 1):
                if freq.get(head[-left_size:] + tail[:right_size]):
                    return True
        return False

    def _straddling(self, left: str, right: str, window: int) -> Optional[tuple[str, str, str]]:
        head, tail = left[-window:], right[:window]
        if not head or not tail or not self._may_straddle(head, tail):
            return None
        position = 0
        for token in self.tokenizer.lcut(head + tail, HMM=False):
            end = position + len(token)
            if position < len(head) < end:
                if self.frequency(token) <= 0:
                    return None
                cut = len(head) - position
                return token, token[:cut], token[cut:]
            position = end
        return None

    def word_evidence(self, left: str, right: str) -> float:
        """How strongly a real word is split by the join ``left|right``: 0 when none.

        The pointwise mutual information of the word against its two halves:
        ``落|实`` (落实) scores far above ``落|日`` (落日), whose half 日 is a common word alone.
        """
        return self.join_evidence(left, right)[1]

    def join_evidence(self, left: str, right: str) -> tuple[Optional[str], float]:
        """The word formed across ``left|right`` (or None) and its :meth:`word_evidence` score."""
        found = self._straddling(left, right, 4)
        if not found:
            return None, 0.0
        word, first, second = found
        total = self.tokenizer.total
        pmi = math.log(self.frequency(word)) + math.log(total) - math.log(self.frequency(first) + 1) - math.log(
            self.frequency(second) + 1
        )
        return word, max(0.0, min(3.5, pmi / 3))

    def first_token(self, text: str) -> str:
        tokens = self.tokenizer.lcut(text[:8], HMM=False)
        return tokens[0] if tokens else ""
