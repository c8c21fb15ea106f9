"""Inferring a display title for an article whose page prints none."""

from __future__ import annotations

import re

_CLAUSE_SPLIT = re.compile(r"[，。；：！？,;:!?]")
_TOPIC_PHRASE = re.compile(
    r"(?P<phrase>.{6,34}?的(?:有效|实践|优化|创新)?(?:方法与路径|路径|方法|策略|途径|对策|思考|实践|探索))"
)
_SYSTEM_PROJECT = re.compile(r"(?P<phrase>.{6,30}?)是一项(?:系统工程|系统性工程|长期工程|重要工作)")
_LEADING_FILLERS = ("因此", "所以", "为此", "深入", "积极", "进一步", "不断", "努力", "探索", "研究", "探讨", "论述")
MAX_FALLBACK = 24


def _clean(phrase: str) -> str:
    phrase = phrase.strip(" “”\"'")
    changed = True
    while changed:
        changed = False
        for filler in _LEADING_FILLERS:
            if phrase.startswith(filler) and len(phrase) - len(filler) >= 6:
                phrase = phrase[len(filler) :]
                changed = True
    return phrase


def _clauses(text: str) -> list[str]:
    return [c.strip() for c in _CLAUSE_SPLIT.split(text) if c.strip()]


def infer_title(paragraphs: list[str]) -> str:
    """A title read off the article's own words.

    Looks, in the opening paragraph and then the closing ones, for the phrase
    articles use to name their subject ("…的路径", "…是一项系统工程"); falls back
    to the first clause of the text.
    """
    texts = [p for p in paragraphs if p.strip()]
    if not texts:
        return "（无标题）"
    ordered = texts[:1] + texts[-2:][::-1] + texts[1:-2]
    for pattern in (_TOPIC_PHRASE, _SYSTEM_PROJECT):
        for text in ordered:
            for clause in _clauses(text):
                match = pattern.search(clause)
                if match:
                    return _clean(match.group("phrase"))
    first = _first_telling_clause(texts[0])
    return first if len(first) <= MAX_FALLBACK else _shortened(first, MAX_FALLBACK)


_WHEN = re.compile(
    r"(?:(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:[至到—-]\d{1,2}(?:月\d{1,2})?日)?|近日|日前|近期|目前|当前|"
    r"今年以来|去年以来|.{1,4}以来|.{1,4}期间)[上中下]?旬?"
)
"""A news item's opening clause that only says when (``2月3日``, ``6月10日至12日``, ``近日``,
``入夏以来``): no title."""


def _first_telling_clause(text: str) -> str:
    """The text's first clause that says more than when it happened (``近日，化肥厂工会…``: the second)."""
    clauses = _clauses(text)
    for clause in clauses:
        if not _WHEN.fullmatch(clause):
            return clause
    return clauses[0] if clauses else text


_RUN = re.compile(r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ.．%％]+")


def _shortened(text: str, limit: int) -> str:
    """``text`` cut to about ``limit`` characters with ``…``, never inside a number or a Latin word
    (``…送去“冬日暖心包”1200余份`` is not cut to ``…120…``): the cut moves before the run, or past it
    when that would leave less than half."""
    cut = limit
    for run in _RUN.finditer(text):
        if run.start() < cut < run.end():
            cut = run.start() if run.start() >= limit // 2 else run.end()
            break
    return text[:cut] + "…" if cut < len(text) else text
