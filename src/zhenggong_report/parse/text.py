"""Character classes and small text helpers shared by the parse rules."""

from __future__ import annotations

import re
from functools import lru_cache

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_CHAR = re.compile(f"[{CJK}]")

SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"
_ODD_SPACE = re.compile(f"[{SPACES}]")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")

SENTENCE_END = "。！？!?；;…"
"""Characters that end a sentence (a paragraph that ends with one is complete)."""
COLON = "：:"
CLOSERS = "”’」』）)】》〕]"
OPENERS = "“‘「『（(【《〔["
BRACKET_PAIRS = {"(": ")", "（": "）", "【": "】", "《": "》", "「": "」", "『": "』", "〔": "〕", "[": "]"}
CLOSING_PUNCT = "，。、；：？！）)】》」』”’,.;:?!"

CONNECTORS = "的和与及或、，,“《（(之在对把将为以从向"
"""A line that ends with one of these cannot end a heading or title."""

HEADING_ENUMERATOR = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}\s*、"
    r"|[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]"
    r"|第[一二三四五六七八九十]{1,3}[、，,章节部分]"
    r"|\d{1,2}\s*[、．]"
    r"|[①②③④⑤⑥⑦⑧⑨⑩])"
)
ENUMERATOR_INITIALS = "一二三四五六七八九十（(第0123456789①②③④⑤⑥⑦⑧⑨⑩"
"""What a line that :data:`HEADING_ENUMERATOR` opens can begin with (digits folded to ASCII)."""
LIST_STARTER = re.compile(r"^(?:[一二三四五六七八九十]是|首先|其次|再次|最后|一方面|另一方面|第[一二三四五六七八九十][，,])")

SENTENCE_STARTERS = frozenset(
    "在对将把从以为要让使被由经据按因但而并如若凡每各该此其这那我他她它有不可应须需当于与和及或同另又再还更"
    "也都就才已曾会是一二三四五六七八九十第本全某诸请向给比新大多好近今随总主各"
)
"""Single characters that commonly open a sentence on their own."""


def normalize_spaces(line: str) -> str:
    """Full-width, non-breaking and other spaces become plain spaces; zero-width marks go."""
    return _ZERO_WIDTH.sub("", _ODD_SPACE.sub(" ", line))


_LETTER_SPACED = re.compile(f"^[{CJK}](?: [{CJK}]){{2,}}$")
_SPACED_ENUMERATOR = re.compile(r"^([一二三四五六七八九十]{1,3}) +、")


def unspace_letters(line: str) -> str:
    """``政 工 园 地`` (a headline OCR read letter-spaced) is 政工园地; ``一 、`` is 一、.
    Two letter-spaced characters (``李 林``) are left for the name rules."""
    if " " not in line:
        return line
    if _LETTER_SPACED.match(line):
        return line.replace(" ", "")
    return _SPACED_ENUMERATOR.sub(r"\1、", line)


_WIDE_ALNUM = {c: c - 0xFEE0 for first, last in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
               for c in range(first, last + 1)}
_WIDE_ALNUM[0x20] = None  # spaces go too
_NEEDS_FOLDING = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a ]")


def fold_for_matching(text: str) -> str:
    """Full-width digits and letters as ASCII (``２０２６`` is 2026, ``ＣＮ`` is CN), spaces removed:
    the form the layout rules match dates, numbers and labels in."""
    return text.translate(_WIDE_ALNUM) if _NEEDS_FOLDING.search(text) else text


def is_cjk(char: str) -> bool:
    return bool(_CJK_CHAR.match(char))


def strip_closers(text: str) -> str:
    return text.rstrip(CLOSERS + " ")


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends a sentence (closing quotes and brackets after the stop allowed)."""
    text = text.rstrip()
    if not text:
        return True
    if text[-1] in SENTENCE_END + COLON:
        return True
    bare = strip_closers(text)
    return bool(bare) and bare[-1] in SENTENCE_END + COLON


_SENTENCE_PUNCTUATION = re.compile("[。！？!?；;]")


def has_sentence_punctuation(text: str) -> bool:
    return _SENTENCE_PUNCTUATION.search(text) is not None


def starts_with_enumerator(text: str) -> bool:
    return bool(HEADING_ENUMERATOR.match(text.lstrip()))


def join_wrapped(left: str, right: str) -> str:
    """Join two pieces of one paragraph: no space between CJK, one between Latin words."""
    left, right = left.rstrip(), right.lstrip()
    if not left or not right:
        return left + right
    if left[-1].isascii() and left[-1].isalpha() and right[0].isascii() and right[0].isalpha():
        return f"{left} {right}"
    return left + right


_SPACE_RUN = re.compile(r" {2,}")
_PADDED_PUNCTUATION = re.compile(r" ?([，。、；：？！“”（）]) ?")


def collapse_spaces(text: str) -> str:
    """Collapse runs of spaces to one; drop spaces that only pad CJK punctuation."""
    text = text.strip()
    if " " not in text:  # most Chinese paragraphs: nothing to do
        return text
    return _PADDED_PUNCTUATION.sub(r"\1", _SPACE_RUN.sub(" ", text))


@lru_cache(maxsize=4096)
def unbalanced_openers(text: str) -> tuple[str, ...]:
    """Brackets opened in ``text`` and not closed in it, innermost last (a paragraph is asked once
    per paragraph it might join, so answers are remembered)."""
    stack: list[str] = []
    closers = {v: k for k, v in BRACKET_PAIRS.items()}
    for char in text:
        if char in BRACKET_PAIRS:
            stack.append(char)
        elif char in closers and stack and stack[-1] == closers[char]:
            stack.pop()
    return tuple(stack)


@lru_cache(maxsize=4096)
def first_unmatched_closer(text: str) -> str | None:
    """The first closing bracket in ``text`` that nothing in ``text`` opened."""
    depth: dict[str, int] = {}
    closers = {v: k for k, v in BRACKET_PAIRS.items()}
    for char in text:
        if char in BRACKET_PAIRS:
            depth[char] = depth.get(char, 0) + 1
        elif char in closers:
            opener = closers[char]
            if depth.get(opener, 0):
                depth[opener] -= 1
            else:
                return char
    return None


def quote_balance(text: str) -> int:
    """Open curly double quotes minus closed ones."""
    return text.count("“") - text.count("”")


_CJK_RUN = re.compile(f"[{CJK}]+")


def run_bigrams(text: str) -> set[str]:
    """Pairs of adjacent CJK characters within each unbroken run (none across punctuation)."""
    return {run[i : i + 2] for run in _CJK_RUN.findall(text) for i in range(len(run) - 1)}


@lru_cache(maxsize=4096)
def bigrams(text: str) -> frozenset[str]:
    """Pairs of adjacent CJK characters (punctuation and Latin text are skipped over)."""
    chars = "".join(_CJK_RUN.findall(text))
    return frozenset(chars[i : i + 2] for i in range(len(chars) - 1))
