"""What every block rule shares: the rule record, the paragraph-ending test, names and joining."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Optional

from ..state import BlockState, Line
from ..text import CJK, collapse_spaces, join_wrapped

if TYPE_CHECKING:
    from ..layout import Layout

NAME = rf"[{CJK}](?: ?[{CJK}]){{1,3}}"
"""A person's name: two to four characters, possibly letter-spaced (``李 林``)."""
NAMES = rf"{NAME}(?:[ 、，,]+{NAME})*"
_NAME_LINE = re.compile(rf"^{NAME}$")


@dataclass(frozen=True)
class BlockRule:
    """One printed pattern: ``run`` consumes it at the cursor (True when it did).

    ``starts`` says whether a line opens this pattern; a rule that has one ends a running
    hard-wrapped paragraph there (as markdown-it-py's rules declare which others they may
    interrupt), so no other rule repeats its pattern.
    """

    run: Callable[[BlockState], bool]
    starts: Optional[Callable[[Line, BlockState], bool]] = None
    first: Optional[Callable[["Layout"], str]] = None
    """The characters a line that ``run`` or ``starts`` accepts can begin with (its first character
    with digits and letters folded to ASCII: ``Line.initial``), or None
    for any. Rules are looked up by a line's first character (see :class:`.dispatch.Dispatch`), so
    a line is not shown to rules it cannot start."""
    unpunctuated: bool = False
    """True when no line with sentence punctuation (``Line.punctuated``) can match (bylines,
    datelines, titles): such lines are not shown to the rule."""
    tabbed: bool = False
    """True when only a line of tab-separated cells (``Line.cells``) can match: others are not shown."""

    @property
    def name(self) -> str:
        return self.run.__name__

    @property
    def doc(self) -> str:
        return self.run.__doc__ or ""

    def __call__(self, state: BlockState) -> bool:
        return self.run(state)


def initials(words) -> str:
    """The first characters of ``words`` (a rule's ``first`` from a word list)."""
    return "".join(sorted({word[0] for word in words if word}))


def person_names(names: str) -> str:
    """``李 林`` is one name (李林); ``张三 李四`` are two (张三、李四)."""
    return "、".join(name_list(names))


def name_list(names: str) -> tuple[str, ...]:
    """The names of a byline: ``李 林`` is one (李林), ``张三 李四`` and ``张三、李四`` are two."""
    parts = [p for p in re.split(r"[ 、，,]+", names.strip()) if p]
    if all(len(p) == 1 for p in parts) or len(parts) == 1:
        return ("".join(parts),) if parts else ()
    return tuple(_spaced_runs(parts))


def _spaced_runs(parts: list[str]) -> list[str]:
    """Beside an unspaced name, a run of single characters is a letter-spaced name (``王 强 刘海燕``
    is 王强 and 刘海燕); a run of four is two such names."""
    names: list[str] = []
    run: list[str] = []
    for part in parts + [""]:
        if len(part) == 1:
            run.append(part)
            continue
        if len(run) == 4:
            names += ["".join(run[:2]), "".join(run[2:])]
        elif run:
            names.append("".join(run))
        run = []
        if part:
            names.append(part)
    return names


def is_office(word: str, state: BlockState) -> bool:
    """``党委书记``, ``董事长``: an office of ``layout.toml`` ``[bylines] offices``, no person's name."""
    return bool(state.layout.regex("offices", lambda layout: rf"^(?:{layout.pattern('offices')})$").match(word))


def is_name_line(text: str) -> bool:
    return bool(_NAME_LINE.match(text)) and len(text.replace(" ", "")) <= 4


def block_lines(state: BlockState, start: int) -> list[Line]:
    """The lines from ``start`` up to the next blank line or the next line that opens another block."""
    lines = [state.lines[start]]
    index = start + 1
    while index < len(state.lines):
        line = state.lines[index]
        if line.blank or state.interrupts(line):
            break
        lines.append(line)
        index += 1
    return lines


def push_whole_paragraph(state: BlockState, rule: str) -> None:
    """The cursor's :func:`block_lines` as one paragraph that nothing runs on from (``whole``: a
    quiz's option line or answer line ends no sentence, yet is complete)."""
    lines = block_lines(state, state.pos)
    state.push("text", lines[0].number, lines[-1].number, joined(lines), rule, indented=lines[0].indented, whole=True)
    state.pos += len(lines)


def push_line_heading(state: BlockState, rule: str) -> None:
    """The cursor's line alone as a heading of the article, its wide gaps one space each."""
    number = state.line.number
    state.push("heading", number, number, collapse_spaces(state.line.text), rule)
    state.pos += 1


def next_filled(state: BlockState, index: int) -> Optional[int]:
    """The index of the first non-blank line after line ``index``, or None at the page's end."""
    index += 1
    while index < len(state.lines) and state.lines[index].blank:
        index += 1
    return index if index < len(state.lines) else None


def joined(lines: list[Line]) -> str:
    text = ""
    for line in lines:
        text = join_wrapped(text, line.text)
    return collapse_spaces(text)
