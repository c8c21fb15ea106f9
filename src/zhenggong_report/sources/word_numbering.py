"""Word's automatic numbering: the ``一、`` ``（一）`` ``1.`` that a numbering definition prints
before a paragraph rather than its text holding them (python-docx reads no numbering)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DIGITS = "零一二三四五六七八九"
_CELESTIAL = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 21 -> 二十一, 105 -> 一百零五 (as Word's chineseCounting prints them)."""
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n >= 1000:
        return str(n)
    hundreds, rest = divmod(n, 100)
    text = _DIGITS[hundreds] + "百"
    if rest == 0:
        return text
    if rest < 10:
        return text + "零" + _DIGITS[rest]
    return text + ("一" if rest < 20 else "") + chinese_number(rest)


def formatted(n: int, number_format: str) -> str:
    if number_format in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "chineseLegalSimplified"):
        return chinese_number(n)
    if number_format == "ideographTraditional" and 1 <= n <= 10:
        return _CELESTIAL[n - 1]
    if number_format in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return _CIRCLED[n - 1]
    if number_format in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if number_format == "upperLetter" else letter
    if number_format in ("lowerRoman", "upperRoman"):
        roman = ""
        for value, letters in _ROMAN:
            while n >= value:
                roman, n = roman + letters, n - value
        return roman.upper() if number_format == "upperRoman" else roman
    if number_format == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    return str(n)


@dataclass(frozen=True)
class Level:
    """One level of a list: how its number is written (``chineseCounting``), the text around the
    numbers (``（%2）``: ``%n`` is level n's number) and where it starts."""

    number_format: str = "decimal"
    text: str = ""
    start: int = 1


class Numbering:
    """The document's numbering definitions and the running counts of each list."""

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, Level]] = {}
        self.style_numbers: dict[str, tuple[str, int]] = {}
        self.counts: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {a.get(f"{_W}abstractNumId"): _levels(a) for a in root.iter(f"{_W}abstractNum")}
        for num in root.iter(f"{_W}num"):
            target = num.find(f"{_W}abstractNumId")
            if target is not None and target.get(f"{_W}val") in abstract:
                self.levels[num.get(f"{_W}numId")] = abstract[target.get(f"{_W}val")]
        self.style_numbers = _style_numbers(document)

    def label(self, paragraph, style_id: Optional[str]) -> str:
        """The number Word prints before ``paragraph`` (advancing its list), or ``""``."""
        reference = _own_number(paragraph) or self.style_numbers.get(style_id or "")
        if reference is None or reference[0] not in self.levels:
            return ""
        num_id, level = reference
        levels = self.levels[num_id]
        if level not in levels or levels[level].number_format in ("bullet", "none"):
            return ""
        start = [levels.get(i, Level()).start for i in range(9)]
        counts = self.counts.setdefault(num_id, [first - 1 for first in start])
        counts[level] += 1
        counts[level + 1 :] = [first - 1 for first in start[level + 1 :]]
        text = levels[level].text
        for i in range(9):
            if f"%{i + 1}" in text:
                shown = max(counts[i], start[i])  # a higher level not yet used prints its start
                text = text.replace(f"%{i + 1}", formatted(shown, levels.get(i, Level()).number_format))
        return text


def _levels(abstract) -> dict[int, Level]:
    found = {}
    for level in abstract.iter(f"{_W}lvl"):
        number_format, text, start = (level.find(f"{_W}{tag}") for tag in ("numFmt", "lvlText", "start"))
        found[int(level.get(f"{_W}ilvl", "0"))] = Level(
            number_format.get(f"{_W}val") if number_format is not None else "decimal",
            text.get(f"{_W}val") if text is not None else "",
            int(start.get(f"{_W}val")) if start is not None else 1,
        )
    return found


def _number_reference(properties) -> Optional[tuple[str, int]]:
    if properties is None:
        return None
    numbering = properties.find(f"{_W}numPr")
    if numbering is None:
        return None
    num_id, level = numbering.find(f"{_W}numId"), numbering.find(f"{_W}ilvl")
    if num_id is None or num_id.get(f"{_W}val") == "0":
        return None
    return num_id.get(f"{_W}val"), int(level.get(f"{_W}val")) if level is not None else 0


def _own_number(paragraph) -> Optional[tuple[str, int]]:
    return _number_reference(paragraph.find(f"{_W}pPr"))


def _style_numbers(document) -> dict[str, tuple[str, int]]:
    """Style id -> the list its paragraphs are numbered in (also through the styles it is based on)."""
    elements = {s.style_id: s.element for s in document.styles}
    found: dict[str, tuple[str, int]] = {}
    for style_id in elements:
        seen, current = set(), style_id
        while current in elements and current not in seen:
            seen.add(current)
            reference = _number_reference(elements[current].find(f"{_W}pPr"))
            if reference is not None:
                found[style_id] = reference
                break
            based = elements[current].find(f"{_W}basedOn")
            current = based.get(f"{_W}val") if based is not None else None
    return found
