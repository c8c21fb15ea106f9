"""jieba's accurate mode, with its word graph and best route found in one pass.

``jieba.Tokenizer.cut`` builds a dict of every dictionary word starting at each character
(``get_DAG``), then walks it right to left taking, at each character, the word that maximises
``log(freq / total)`` plus the best score of the rest (``calc``), and finally lets its HMM
(``jieba.finalseg``) split the runs of single characters that are not a word. A build cuts
every article once, so this is the one hot loop no build avoids.

:class:`RouteCutter` does exactly that with the same dictionary, the same scores and the same
tie-breaking (the later end wins), but fuses the graph and the route into one loop and keeps each
word's log-probability once computed; the HMM part is jieba's own. The words are identical to
``Tokenizer.lcut`` (a test holds them equal on every line of the seed pages and on generated
text) in about half the time. Given a compiled cutter for runs of Chinese characters
(:mod:`.hancut`), it hands those runs to it and cuts only the other blocks itself. The tokenizer's
dictionary must not change after the cutter is made.
"""

from __future__ import annotations

import math
from typing import Optional

from .hancut import HAN_RUN, HanRuns
from .jieba_dictionary import import_jieba

jieba = import_jieba()  # imported apart the first time (see its docstring), whoever imports this module first
from jieba import finalseg  # noqa: E402 - jieba must be imported through import_jieba first

RE_HAN = jieba.re_han_default
"""What jieba cuts as one block: Chinese characters, Latin letters, digits and ``+#&._%-``."""
RE_SKIP = jieba.re_skip_default
RE_ENG = jieba.re_eng


class RouteCutter:
    """Cuts text into words as ``tokenizer.lcut(text, HMM=...)`` does."""

    def __init__(self, tokenizer: jieba.Tokenizer, han_runs: Optional[HanRuns] = None) -> None:
        self.han_runs = han_runs
        """Cuts runs of Chinese characters as this class would (see :mod:`.hancut`); None: cut here."""
        self.freq = tokenizer.FREQ
        self.log_total = math.log(tokenizer.total)
        self.log_probability: dict[str, float] = {}
        """``log(freq) - log(total)`` of each word met so far."""

    def cut(self, text: str, hmm: bool = True) -> list[str]:
        words: list[str] = []
        han_run_cut = self.han_runs.cutter_for(len(text)) if self.han_runs is not None else None
        for block in RE_HAN.split(text):
            if not block:
                continue
            if RE_HAN.match(block):
                if han_run_cut is not None and HAN_RUN.fullmatch(block):
                    words.extend(han_run_cut(block, hmm))
                elif hmm:
                    self._cut_block(block, words)
                else:
                    self._cut_block_without_hmm(block, words)
            else:
                for piece in RE_SKIP.split(block):
                    if RE_SKIP.match(piece):
                        words.append(piece)
                    else:
                        words.extend(piece)  # every other character is a word of its own
        return words

    def first_word_length(self, block: str) -> int:
        """Length of the first word jieba's route takes through ``block`` (one ``RE_HAN`` block)."""
        return self.route(block)[0] + 1 if block else 0

    def route(self, sentence: str) -> list[int]:
        """For each character, the last character of the best word starting there.

        ``jieba.Tokenizer.calc`` over ``get_DAG``: the candidates at ``k`` are the dictionary words
        (frequency above zero) starting at ``k``, or the character alone when there is none; each
        scores its log-probability plus the best score from its end, the highest score wins, and
        of equal scores the longest word (``max`` over ``(score, end)`` tuples).
        """
        freq = self.freq
        known = self.log_probability
        log_total = self.log_total
        size = len(sentence)
        score = [0.0] * (size + 1)
        ends = [0] * (size + 1)
        for start in range(size - 1, -1, -1):
            best: float | None = None
            best_end = start
            end = start
            fragment = sentence[start]
            while end < size and fragment in freq:
                if freq[fragment]:
                    value = known.get(fragment)
                    if value is None:
                        value = known[fragment] = math.log(freq[fragment]) - log_total
                    candidate = value + score[end + 1]
                    if best is None or candidate >= best:
                        best, best_end = candidate, end
                end += 1
                fragment = sentence[start : end + 1]
            if best is None:
                best = math.log(freq.get(sentence[start]) or 1) - log_total + score[start + 1]
            score[start] = best
            ends[start] = best_end
        return ends

    def _cut_block(self, sentence: str, words: list[str]) -> None:
        """``Tokenizer.__cut_DAG``: the route's words, runs of single characters given to the HMM.
        A run is kept as where it starts (not grown a character at a time), so a long one stays linear."""
        ends = self.route(sentence)
        position, run_start, size = 0, -1, len(sentence)
        while position < size:
            after = ends[position] + 1
            if after - position == 1:
                if run_start < 0:
                    run_start = position
            else:
                if run_start >= 0:
                    self._flush_run(sentence[run_start:position], words)
                    run_start = -1
                words.append(sentence[position:after])
            position = after
        if run_start >= 0:
            self._flush_run(sentence[run_start:], words)

    def _flush_run(self, run: str, words: list[str]) -> None:
        if len(run) == 1:
            words.append(run)
        elif not self.freq.get(run):
            words.extend(finalseg.cut(run))
        else:
            words.extend(run)

    def _cut_block_without_hmm(self, sentence: str, words: list[str]) -> None:
        """``Tokenizer.__cut_DAG_NO_HMM``: the route's words, single Latin letters and digits joined."""
        ends = self.route(sentence)
        position, run_start, size = 0, -1, len(sentence)
        while position < size:
            after = ends[position] + 1
            if after - position == 1 and RE_ENG.match(sentence, position, after):
                if run_start < 0:
                    run_start = position
            else:
                if run_start >= 0:
                    words.append(sentence[run_start:position])
                    run_start = -1
                words.append(sentence[position:after])
            position = after
        if run_start >= 0:
            words.append(sentence[run_start:])
