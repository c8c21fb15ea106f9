"""WeChat's own words in a pasted article: ``点击蓝字 关注我们``, ``[图片]``, ``- END -``, ``阅读原文``,
``分享 收藏 点赞 在看`` …, and the ``往期推荐`` list of the account's other articles.

The words are ``sources.toml`` ``[wechat]`` (the WeChat ``.html`` reader drops the same ones),
matched with spaces and letter widths aside.
"""

from __future__ import annotations

from ..state import BlockState, Line
from ..text import fold_for_matching
from .base import BlockRule, initials
from .furniture import push_furniture

RECOMMENDATION_MAX = 40
"""A punctuated line longer than this is an article's text, not a recommended title: the list ends."""


def _folded(layout) -> tuple[frozenset[str], frozenset[str]]:
    chrome = frozenset(fold_for_matching(word) for word in layout.wechat_chrome)
    marks = frozenset(fold_for_matching(word) for word in layout.wechat_end_marks) - chrome
    return chrome, marks


def _words(state: BlockState) -> tuple[frozenset[str], frozenset[str]]:
    return state.layout.derived("wechat_words", _folded)


def is_chrome(line: Line, state: BlockState) -> bool:
    return line.plain in _words(state)[0]


def opens_recommendations(line: Line, state: BlockState) -> bool:
    return line.plain in _words(state)[1]


def wechat_chrome(state: BlockState) -> bool:
    """A line that is only WeChat's interface words or an image placeholder (``[图片]``, ``END``,
    ``阅读原文``): a leftover of its own; reading order passes over it (an image between paragraphs)."""
    if not is_chrome(state.line, state):
        return False
    push_furniture(state, [state.line], "wechat_chrome")
    return True


def recommendations(state: BlockState) -> bool:
    """``往期推荐`` and the titles under it (up to WeChat's next interface line, or a line of text):
    the account's other articles, one leftover."""
    if not opens_recommendations(state.line, state):
        return False
    lines, index = [state.line], state.pos + 1
    while index < len(state.lines):
        line = state.lines[index]
        if not line.blank:
            if is_chrome(line, state) or (line.punctuated and len(line.text) > RECOMMENDATION_MAX):
                break
            lines.append(line)
        index += 1
    push_furniture(state, lines, "recommendations")
    return True


def _first_of(words_of):
    return lambda layout: initials(words_of(_folded(layout)))


CHROME = BlockRule(wechat_chrome, is_chrome, _first_of(lambda words: words[0]), unpunctuated=True)
RECOMMENDATIONS = BlockRule(recommendations, opens_recommendations, _first_of(lambda words: words[1]), unpunctuated=True)
