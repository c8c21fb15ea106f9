"""Property tests: whatever text a page holds, the parser neither crashes nor loses a line.

The only exception the input edge may raise is the documented :class:`InputError`
(bytes that are no text); once a page is decoded, ``parse_page`` must return,
and every non-blank line must lie in exactly one article's or leftover's spans.
"""

from __future__ import annotations

import codecs
import json
import os
import re

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from zhenggong_report.errors import InputError
from zhenggong_report.models.source_files import SourceFile, is_blank_line
from zhenggong_report.parse import parse_page
from zhenggong_report.render.data import article_record, leftover_record
from zhenggong_report.sources import source_from_bytes, split_lines

from conftest import SEEDS
from invariants import assert_nothing_lost

SCALE = float(os.environ.get("ZHENGGONG_PROPERTY_SCALE", "1"))
"""Multiply the example counts (e.g. ``ZHENGGONG_PROPERTY_SCALE=50`` for a long bug hunt)."""


def examples(count: int) -> int:
    return max(1, int(count * SCALE))


PROPERTY_SETTINGS = settings(
    max_examples=examples(100),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SEED_LINES = tuple(
    line for path in sorted(SEEDS.glob("*.txt")) for line in split_lines(path.read_text(encoding="utf-8"))
)

MARKERS = "●○□■◎◆◇★☆▲△▼▽•◉◈"
PUNCTUATION = "，。、；：？！“”‘’（）()【】《》〔〕[]「」『』—…-·,.;:?!\"'"
BRACKETS = "（）()【】[]《》〔〕「」『』“”"
SPACES = " \t\u3000\u00a0\u2002\u2003\u200b\ufeff"
CJK_SAMPLE = "党建工会政工企业国有新时代路径探索作者单位系部长摘要关键词公告特此一二三是的和与在对李林张"


def make_source(lines: list[str], name: str = "page.txt") -> SourceFile:
    """A decoded page as the input edge hands it to the parser (any character but a line break)."""
    text = "\n".join(lines)
    return SourceFile(name=name, encoding="utf-8", size=len(text), sha256="0" * 64, lines=split_lines(text))


def assert_sound(source: SourceFile, result) -> None:
    """Nothing lost, no span outside the file, every record serialises, every article has a title to show."""
    assert_nothing_lost(source, [*result.articles, *result.leftovers])
    for article in result.articles:
        json.dumps(article_record(article), ensure_ascii=False)
        assert article.lines and article.display_title.strip(), article
    for leftover in result.leftovers:
        json.dumps(leftover_record(leftover), ensure_ascii=False)
        assert leftover.lines, leftover


def parse_and_check(lines: list[str], segmenter) -> None:
    source = make_source(lines)
    assert_sound(source, parse_page(source, segmenter))


def lines_of(alphabet: st.SearchStrategy[str] | str, max_line: int = 40, max_lines: int = 30):
    chars = st.sampled_from(alphabet) if isinstance(alphabet, str) else alphabet
    line = st.text(alphabet=chars, max_size=max_line)
    return st.lists(line, max_size=max_lines)


# Any Unicode scalar except the line breaks the page splitter itself cuts on.
ANY_CHAR = st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n")
CJK_CHAR = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
MIXED_CHAR = st.one_of(ANY_CHAR, CJK_CHAR, st.sampled_from(CJK_SAMPLE + PUNCTUATION + MARKERS + SPACES + "#"))


@PROPERTY_SETTINGS
@given(lines=lines_of(MIXED_CHAR))
@example(lines=["\u200b", "正文"])
@example(lines=["\ufeff", "\u3000", "#"])
def test_random_unicode_lines(lines, segmenter):
    parse_and_check(lines, segmenter)


@PROPERTY_SETTINGS
@given(lines=lines_of(CJK_SAMPLE + PUNCTUATION + MARKERS + " \u3000#", max_line=60, max_lines=40))
def test_lines_built_from_the_parsers_own_vocabulary(lines, segmenter):
    parse_and_check(lines, segmenter)


@settings(PROPERTY_SETTINGS, max_examples=examples(12))
@given(
    char=st.sampled_from("中国a。，#●（"),
    length=st.integers(min_value=5_000, max_value=60_000),
    extra=st.lists(st.sampled_from(SEED_LINES), max_size=3),
)
def test_huge_lines(char, length, extra, segmenter):
    parse_and_check([char * length, *extra, "党建" * (length // 4)], segmenter)


@PROPERTY_SETTINGS
@given(lines=lines_of(PUNCTUATION + " "))
def test_only_punctuation(lines, segmenter):
    parse_and_check(lines, segmenter)


@PROPERTY_SETTINGS
@given(lines=lines_of(MARKERS + " \u3000", max_line=8))
def test_only_byline_markers(lines, segmenter):
    parse_and_check(lines, segmenter)


@PROPERTY_SETTINGS
@given(lines=lines_of(BRACKETS + " "))
def test_only_brackets(lines, segmenter):
    parse_and_check(lines, segmenter)


@PROPERTY_SETTINGS
@given(lines=lines_of("# ", max_line=12))
def test_only_hashes(lines, segmenter):
    parse_and_check(lines, segmenter)


@settings(PROPERTY_SETTINGS, max_examples=examples(60))
@given(lines=st.lists(st.sampled_from(SEED_LINES), min_size=5, max_size=120))
def test_seed_lines_shuffled(lines, segmenter):
    parse_and_check(lines, segmenter)


@settings(PROPERTY_SETTINGS, max_examples=examples(60))
@given(
    lines=st.lists(
        st.one_of(
            st.sampled_from(SEED_LINES),
            st.sampled_from(SEED_LINES).map(lambda line: line[: len(line) // 2]),
            st.text(alphabet=st.sampled_from(MARKERS + BRACKETS + "# "), max_size=4).map(
                lambda prefix: prefix + "李 林"
            ),
            st.just(""),
        ),
        min_size=5,
        max_size=80,
    )
)
def test_seed_lines_mixed_with_markers_and_fragments(lines, segmenter):
    parse_and_check(lines, segmenter)


CJK_WORDS = st.text(alphabet=st.sampled_from(CJK_SAMPLE), min_size=1, max_size=12)
PRINTED_PATTERNS = st.one_of(
    CJK_WORDS.map(lambda t: f"# {t}"),
    CJK_WORDS.map(lambda t: f"## ——{t}"),
    CJK_WORDS.map(lambda t: f"——{t}"),
    st.tuples(st.sampled_from(MARKERS), st.sampled_from(["李 林", "刘兆媛", "张三 李四", "王"])).map(lambda p: f"{p[0]} {p[1]}"),
    CJK_WORDS.map(lambda t: f"{t}有限公司 赵丽娜"),
    st.sampled_from(["(作者单位：", "（作者单位:", "【作者单位：", "（作者系", "("]).flatmap(
        lambda opening: st.tuples(CJK_WORDS, st.sampled_from(["）", ")", "】", "部长）", ""])).map(
            lambda rest: opening + rest[0] + rest[1]
        )
    ),
    CJK_WORDS.map(lambda t: f"摘要：{t}。"),
    CJK_WORDS.map(lambda t: f"关键词：{t}；{t[::-1]}"),
    st.sampled_from(["注销公告", "特此公告", "2024年1月1日", "遗失声明", "特此声明"]),
    st.tuples(st.sampled_from(["一、", "（二）", "(三)", "第四，", "1.", "①"]), CJK_WORDS).map("".join),
    st.tuples(CJK_WORDS, st.sampled_from(["，", "。", "“", "”", "（", "）", ""]), CJK_WORDS).map("".join),
    st.sampled_from(SEED_LINES),
    st.just(""),
)


@settings(PROPERTY_SETTINGS, max_examples=examples(150))
@given(lines=st.lists(PRINTED_PATTERNS, min_size=1, max_size=50), indent=st.lists(st.booleans(), max_size=50))
def test_pages_made_of_the_printed_patterns(lines, indent, segmenter):
    """Titles, subtitles, bylines, affiliations, abstracts, notices, headings and text in any order."""
    lines = [(" " + line if flag else line) for line, flag in zip(lines, indent + [False] * len(lines), strict=False)]
    parse_and_check(lines, segmenter)


@PROPERTY_SETTINGS
@given(data=st.binary(max_size=2_000))
def test_any_bytes_decode_or_raise_input_error(data, segmenter):
    try:
        source = source_from_bytes(data, "bytes.txt")
    except InputError as error:
        assert str(error).startswith("bytes.txt"), str(error)
        assert "\n" not in str(error)
        return
    assert_sound(source, parse_page(source, segmenter))


ENCODERS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8-sig": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf-16-le": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "utf-16-be": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "gb18030": lambda text: text.encode("gb18030"),
}
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


@PROPERTY_SETTINGS
@given(
    text=st.text(alphabet=st.one_of(MIXED_CHAR, st.sampled_from("\r\n")), max_size=400),
    encoding=st.sampled_from(sorted(ENCODERS)),
)
@example(text="\x00", encoding="utf-16-le")
@example(text="\x00党", encoding="utf-16-le")
def test_every_supported_encoding_reads_back_the_same_lines(text, encoding):
    text = text.lstrip("\ufeff")
    data = ENCODERS[encoding](text)
    if encoding == "gb18030":
        assume(not _also_utf8(data))  # such bytes are read as UTF-8, by design
    try:
        source = source_from_bytes(data, "page.txt")
    except InputError as error:
        assert CONTROL_CHARACTERS.search(text), f"refused a text page: {error}"
        # UTF-16 LE text opening with NUL starts with the UTF-32 LE byte-order mark: refused as UTF-32.
        assert error.line is not None or "UTF-32" in error.message, error
        return
    assert not CONTROL_CHARACTERS.search(text), "accepted a page holding control characters"
    assert source.lines == split_lines(text)
    assert source.encoding == encoding


def _also_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def test_blank_means_no_visible_character():
    assert is_blank_line("\u200b\u3000\ufeff\t\u00a0")
    assert not is_blank_line("\u200b正")
