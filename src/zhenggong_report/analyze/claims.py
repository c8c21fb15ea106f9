"""Quantitative claims: every figure printed with its unit, in the sentence it stands in, and whose
figure it is.

``组织12场事迹宣讲`` gives 12 场, ``覆盖3000余名员工`` 3000余 名, ``提升18%`` 18 %, ``单条播放量破10万``
10万 播放量, ``系统包含十个模块`` 10 个, ``零安全事故`` 0 安全事故. Years and dates (2024年, 12月31日),
model numbers (ZYWL-6000Y), bare numbers and small Chinese numerals (三个层面, 四个意识) are not claims.
A figure is the author's enterprise's unless its clause names an anonymous example (某制造企业 →
``某企业 (例)``) or a survey or sector-wide share (调研显示, 40%企业 → ``行业数据``). The vocabulary is in
``data/claims.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ..errors import DataFileError
from ..models.analysis import Claim
from ..resources import data_path
from .data_files import _strings, _unknown_keys, read_toml
from .tokens import ArticleTokens, clip_context

LARGE = "万亿"
NUMBER = re.compile(r"(?<![A-Za-z0-9.\-_/])\d+(?:\.\d+)?[余多]?")
DATE_AFTER = re.compile(r"\d{1,2}[日号]")
CHINESE_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CHINESE_NUMBER = re.compile(r"(?<![第零一二两三四五六七八九十百千])[一二两三四五六七八九十百千]+[余多]?")
QUOTED = re.compile(r"“[^“”]*”")


@dataclass(frozen=True)
class ClaimVocabulary:
    """``data/claims.toml``."""

    units: tuple[str, ...]
    count_nouns: tuple[str, ...]
    chinese_units: tuple[str, ...]
    zero_nouns: tuple[str, ...]
    example_marks: tuple[str, ...]
    example_span: int
    example_heads: tuple[str, ...]
    sector_marks: tuple[str, ...]
    example_label: str
    sector_label: str

    def __post_init__(self) -> None:
        longest = lambda words: "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # noqa: E731
        object.__setattr__(self, "unit_pattern", re.compile(longest(self.units)))
        object.__setattr__(self, "chinese_unit_pattern", re.compile(longest(self.chinese_units)))
        object.__setattr__(self, "zero_pattern", re.compile("零(" + longest(self.zero_nouns) + ")"))
        heads = longest(self.example_heads)
        marks = longest(self.example_marks)
        object.__setattr__(self, "example_pattern", re.compile(f"(?:{marks})[\u4e00-\u9fff]{{0,{self.example_span}}}?(?:{heads})"))


def load_claim_vocabulary(path: Path) -> ClaimVocabulary:
    where = str(path)
    document = read_toml(path)
    _unknown_keys(where, "top level", document, {"units", "count_nouns", "chinese_units", "zero_nouns", "subject"})
    subject = document.get("subject")
    if not isinstance(subject, dict):
        raise DataFileError(where, "a [subject] table is required", "subject")
    keys = {"example_marks", "example_span", "example_heads", "sector_marks", "example_label", "sector_label"}
    _unknown_keys(where, "subject", subject, keys)
    span = subject.get("example_span", 6)
    if isinstance(span, bool) or not isinstance(span, int) or span < 0:
        raise DataFileError(where, "'example_span' must be a whole number of zero or more", "subject")
    labels = [subject.get(k) for k in ("example_label", "sector_label")]
    if not all(isinstance(label, str) and label.strip() for label in labels):
        raise DataFileError(where, "'example_label' and 'sector_label' must be non-empty strings", "subject")
    lists = {k: _strings(where, "top level", document.get(k, []), k) for k in ("units", "count_nouns", "chinese_units", "zero_nouns")}
    if not lists["units"]:
        raise DataFileError(where, "'units' needs at least one unit")
    return ClaimVocabulary(
        lists["units"], lists["count_nouns"], lists["chinese_units"], lists["zero_nouns"],
        _strings(where, "subject", subject.get("example_marks", []), "example_marks"), span,
        _strings(where, "subject", subject.get("example_heads", []), "example_heads"),
        _strings(where, "subject", subject.get("sector_marks", []), "sector_marks"),
        labels[0].strip(), labels[1].strip(),
    )


@lru_cache(maxsize=None)
def packaged_vocabulary() -> ClaimVocabulary:
    return load_claim_vocabulary(data_path("claims.toml"))


def figure_at(text: str, match: "re.Match[str]", vocabulary: ClaimVocabulary) -> tuple[str, str, int] | None:
    """``(value, unit, end)`` for the number ``match``: 12场, 3000余名, 18%, 10万元, 3万余人, 10万."""
    value, end = match.group(0), match.end()
    units = vocabulary.unit_pattern
    unit = units.match(text, end)
    if unit is not None:
        measure, end = unit.group(0), unit.end()
    elif end < len(text) and text[end] in LARGE:
        large = text[end]
        end += 1
        if end < len(text) and text[end] in "余多":
            value, end = value + text[end], end + 1
        unit = units.match(text, end)
        if unit is not None:
            value, measure, end = value.rstrip("余多") + large + value[len(value.rstrip("余多")) :], unit.group(0), unit.end()
        else:
            value, measure = value.rstrip("余多") + large + value[len(value.rstrip("余多")) :], count_noun_before(text, match.start(), vocabulary) or large
            if measure == large:
                value = match.group(0)
    else:
        return None
    return value, measure, end


def count_noun_before(text: str, start: int, vocabulary: ClaimVocabulary) -> Optional[str]:
    """What a bare 万 counts: a count noun (播放量 …) just before the number, in its clause."""
    clause = re.split(r"[，,；;。：:]", text[max(0, start - 12) : start])[-1]
    found = [(clause.rfind(noun), noun) for noun in vocabulary.count_nouns if noun in clause]
    return max(found)[1] if found else None


def chinese_value(numeral: str) -> Optional[int]:
    """十 → 10, 十二 → 12, 二十 → 20, 一百二十 → 120; None for what is no plain numeral."""
    total, current = 0, 0
    for char in numeral:
        if char in CHINESE_DIGITS:
            current = CHINESE_DIGITS[char]
        elif char in "十百千":
            scale = {"十": 10, "百": 100, "千": 1000}[char]
            total += (current or 1) * scale
            current = 0
        else:
            return None
    return total + current


def is_date(value: str, unit: str, text: str, end: int) -> bool:
    """2024年 is a year; 2024年12月31日 a date (月 and 日 are no units, so only 年 needs the check)."""
    digits = value.rstrip("余多万亿")
    if unit == "年" and len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2100:
        return True
    return unit == "年" and DATE_AFTER.match(text, end) is not None


def clause_around(text: str, start: int, end: int) -> str:
    """The ``；``/``。`` clause holding ``text[start:end]``."""
    stops = "。！？；;"
    left = max(text.rfind(stop, 0, start) for stop in stops) + 1
    rights = [at for at in (text.find(stop, end) for stop in stops) if at >= 0]
    return text[left : min(rights) + 1 if rights else len(text)]


def subject_of(clause: str, affiliation: Optional[str], vocabulary: ClaimVocabulary) -> tuple[str, str]:
    """Whose figure: ``(subject, kind)`` — an anonymous example, sector data, or the author's enterprise."""
    if vocabulary.example_pattern.search(clause):
        return vocabulary.example_label, "example"
    compact = clause.replace(" ", "")
    if any(mark in compact for mark in vocabulary.sector_marks):
        return vocabulary.sector_label, "sector"
    return (affiliation or ""), "enterprise"


def figures_in(text: str, vocabulary: ClaimVocabulary) -> list[tuple[int, int, str, str]]:
    """``(start, end, value, unit)`` of every figure in ``text``, in order."""
    found = []
    for match in NUMBER.finditer(text):
        figure = figure_at(text, match, vocabulary)
        if figure is None:
            continue
        value, measure, figure_end = figure
        if is_date(value, measure, text, figure_end):
            continue
        found.append((match.start(), figure_end, value, "%" if measure == "％" else measure))
    quoted = [(m.start(), m.end()) for m in QUOTED.finditer(text)]
    outside = lambda at: not any(a <= at < b for a, b in quoted)  # noqa: E731
    for match in CHINESE_NUMBER.finditer(text):
        number = chinese_value(match.group(0).rstrip("余多"))
        unit = vocabulary.chinese_unit_pattern.match(text, match.end())
        if number is None or number < 10 or unit is None or not outside(match.start()):
            continue
        found.append((match.start(), unit.end(), str(number) + match.group(0)[len(match.group(0).rstrip("余多")) :], unit.group(0)))
    for match in vocabulary.zero_pattern.finditer(text):
        if outside(match.start()):
            found.append((match.start(), match.end(), "0", match.group(1)))
    return sorted(found)


def article_claims(tokens: ArticleTokens, vocabulary: Optional[ClaimVocabulary] = None) -> tuple[Claim, ...]:
    vocabulary = vocabulary or packaged_vocabulary()
    affiliation = tokens.article.affiliation
    claims = []
    for unit in tokens.units:
        if unit.place not in ("abstract", "text", "heading"):
            continue
        text = unit.text
        for start, figure_end, value, measure in figures_in(text, vocabulary):
            subject, kind = subject_of(clause_around(text, start, figure_end), affiliation, vocabulary)
            sentence, s_start, s_end = clip_context(text, start, figure_end, unit.sentence_at(start), limit=160)
            claims.append(Claim(value, measure, sentence, tokens.article.id, unit.paragraph, s_start, s_end, subject, kind))
    return tuple(claims)
