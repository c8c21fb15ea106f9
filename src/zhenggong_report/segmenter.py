"""The one owner of jieba in this project.

A :class:`Segmenter` holds its own ``jieba.Tokenizer`` (never the module-level
global one), loads the project's user dictionary and stop words from data files
and keeps jieba's dictionary cache in a project-controlled folder (how the
dictionary is loaded and kept: :mod:`.jieba_dictionary`). Its one POS
tokenizer is bound to that tokenizer and built only when a caller first needs
tags (loading jieba's tag table costs about as much as segmenting the seeds), and
only for small spans: whole articles are cut once with the plain tokenizer.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from .cache import cache_dir
from .errors import DataFileError
from .jieba_dictionary import import_jieba, load_dictionary, pos_tokenizer
from .resources import data_path

if TYPE_CHECKING:  # jieba itself is imported on first use: a rebuild from the cache never needs it
    import jieba

    from .wordroute import RouteCutter


NAME_FLAGS = frozenset({"n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "eng", "x", "m"})
"""POS flags a token inside an organisation name may carry. jieba tags several core
domain words ``j`` (党建, 党委, 纪检, 煤电), so a noun-only filter would lose them."""


def read_stopwords(path: Path) -> frozenset[str]:
    """One word per line; blank lines and ``#`` comments are ignored."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataFileError(str(path), "stop-word file not found") from None
    except UnicodeDecodeError as error:
        raise DataFileError(str(path), f"not UTF-8 text ({error.reason} at byte {error.start})") from None
    words = set()
    for number, line in enumerate(text.splitlines(), 1):
        word = line.split("#", 1)[0].strip()
        if not word:
            continue
        if any(c.isspace() for c in word):
            raise DataFileError(str(path), "one word per line, no spaces inside a word", f"line {number}")
        words.add(word)
    return frozenset(words)


HAN = re.compile("[\u4e00-\u9fd5]")
"""The Chinese characters of jieba's dictionary route."""


class Segmenter:
    """Word segmentation for the parser (word evidence across joins) and the analyzer."""

    def __init__(
        self,
        userdict: Optional[Path] = None,
        cache_folder: Optional[Path] = None,
        stopwords: Optional[Path] = None,
        keep_dictionary: bool = True,
    ) -> None:
        self.keep_dictionary = keep_dictionary
        """Whether a dictionary built here is written to the cache folder (not with ``--no-cache``)."""
        self.userdict = userdict if userdict is not None else data_path("userdict.txt")
        self.stopwords_file = stopwords if stopwords is not None else data_path("stopwords.txt")
        self.cache_folder = cache_folder if cache_folder is not None else cache_dir()
        self.stopwords = read_stopwords(self.stopwords_file)
        self._tokenizer: Optional["jieba.Tokenizer"] = None
        self._pos = None
        self._cutter: Optional["RouteCutter"] = None
        self._content_words: dict[str, bool] = {}

    @property
    def loaded(self) -> bool:
        """Whether jieba's dictionary has been loaded (it is, on first use)."""
        return self._tokenizer is not None

    def load(self) -> None:
        """Load the dictionary now rather than on first use."""
        _ = self.tokenizer

    def unload(self) -> None:
        """Let the dictionary, the tag table and the words judged so far go (a later use loads
        them again): a build's renderer needs no words, and at scale they are a tenth of its process."""
        self._tokenizer = None
        self._pos = None
        self._cutter = None
        self._content_words = {}

    @property
    def tokenizer(self) -> "jieba.Tokenizer":
        """This segmenter's own jieba tokenizer, its dictionary loaded on first use.

        A build whose pages all come from the cache never pays for the load.
        """
        if self._tokenizer is None:
            tokenizer = import_jieba().Tokenizer()
            self._tokenizer = tokenizer
            try:
                load_dictionary(tokenizer, Path(self.cache_folder), self.keep_dictionary, self.userdict)
            except DataFileError:
                self._tokenizer = None
                raise
        return self._tokenizer

    @classmethod
    def for_data_dir(
        cls, data_dir: Optional[Path] = None, cache_folder: Optional[Path] = None, keep_dictionary: bool = True
    ) -> "Segmenter":
        """A segmenter whose user dictionary and stop words come from ``data_dir`` where it has them."""
        from .resources import data_file

        return cls(
            userdict=data_file("userdict.txt", data_dir),
            cache_folder=cache_folder,
            stopwords=data_file("stopwords.txt", data_dir),
            keep_dictionary=keep_dictionary,
        )

    @property
    def cutter(self) -> "RouteCutter":
        """jieba's accurate mode over this segmenter's dictionary, in one pass (see :mod:`.wordroute`),
        runs of Chinese characters cut by jieba-rs (see :mod:`.hancut`)."""
        if self._cutter is None:
            from .hancut import HanRuns
            from .wordroute import RouteCutter

            self._cutter = RouteCutter(self.tokenizer, HanRuns(self.tokenizer))
        return self._cutter

    def cut(self, text: str, hmm: bool = True) -> list[str]:
        """The words of ``text``, exactly as ``self.tokenizer.lcut(text, HMM=hmm)``."""
        return self.cutter.cut(text, hmm)

    def is_stopword(self, word: str) -> bool:
        return word in self.stopwords

    def is_content_word(self, word: str) -> bool:
        """A word worth counting as a keyword: two characters or more, not a stop word, not a number
        (decided once per distinct word)."""
        known = self._content_words.get(word)
        if known is None:
            known = self._content_words[word] = self._judge_content_word(word)
        return known

    def _judge_content_word(self, word: str) -> bool:
        if len(word) < 2 or word in self.stopwords:
            return False
        if not any(c.isalpha() for c in word):
            return False
        return not all(c.isdigit() or c in ".%％" for c in word)

    @property
    def pos(self):
        """The one POS tokenizer, bound to this segmenter's tokenizer (built on first use)."""
        if self._pos is None:
            self._pos = pos_tokenizer(self.tokenizer)
        return self._pos

    def tag(self, text: str) -> list[tuple[str, str]]:
        """``(word, flag)`` pairs for a short span (POS tagging costs several plain cuts)."""
        return [(pair.word, pair.flag) for pair in self.pos.lcut(text)]

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
        for token in self.cut(head + tail, hmm=False):
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
        """The first word of ``text`` (dictionary only, no HMM guessing)."""
        from .wordroute import RE_HAN

        head = text[:8]
        run = RE_HAN.match(head)
        if run is None or not HAN.match(head):
            tokens = self.cut(head, hmm=False)
            return tokens[0] if tokens else ""
        # A Chinese character opens the text: the first word is the first step of jieba's route
        # through the block it segments together.
        block = run.group()
        if not any(self.frequency(block[:size]) > 0 for size in range(2, len(block) + 1)):
            return block[0]  # no dictionary word starts here: the route can only take one character
        return block[: self.cutter.first_word_length(block)]
