"""The one-pass route cuts exactly as jieba's own ``Tokenizer.lcut``: in Python alone (the plain way)
and with runs of Chinese characters cut by jieba-rs (what the build uses)."""

from __future__ import annotations

import functools

import jieba
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhenggong_report.sources import split_lines
from zhenggong_report.hancut import HAN_RUN, TOTAL_PADDING_WORD, HanRuns, han_run_cutter
from zhenggong_report.wordroute import RouteCutter

from conftest import SEEDS, FIXTURES

SEED_TEXT = "".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
SEED_CHARACTERS = "".join(sorted(set(SEED_TEXT) - {"\n", "\r"}))
SEED_HAN_CHARACTERS = "".join(c for c in SEED_CHARACTERS if HAN_RUN.fullmatch(c))
PAGE_LINES = tuple(
    line
    for folder, pattern in ((SEEDS, "*.txt"), (FIXTURES / "parse", "*.txt"))
    for path in sorted(folder.glob(pattern))
    for line in split_lines(path.read_bytes().decode("utf-8", errors="replace"))
)


@pytest.mark.parametrize("hmm", [True, False], ids=["hmm", "dictionary-only"])
def test_every_line_of_the_seeds_and_fixtures_cuts_as_jieba(segmenter, hmm) -> None:
    jieba_words = [segmenter.tokenizer.lcut(line, HMM=hmm) for line in PAGE_LINES]
    assert [segmenter.cut(line, hmm) for line in PAGE_LINES] == jieba_words
    for cutter in (RouteCutter(segmenter.tokenizer), compiled(segmenter)):
        assert [cutter.cut(line, hmm) for line in PAGE_LINES] == jieba_words


@functools.lru_cache(maxsize=None)
def compiled(segmenter) -> RouteCutter:
    """A cutter that hands runs of Chinese characters to jieba-rs from the first text on (one per
    segmenter: loading jieba-rs takes a third of a second)."""
    return RouteCutter(segmenter.tokenizer, HanRuns(segmenter.tokenizer, load_after=0))


def test_runs_of_chinese_characters_go_to_jieba_rs_once_enough_text_was_cut(segmenter) -> None:
    runs = HanRuns(segmenter.tokenizer, load_after=10)
    cutter = RouteCutter(segmenter.tokenizer, runs)
    text = "坚持党建引领，推动企业高质量发展"
    assert cutter.cut(text[:8]) == segmenter.tokenizer.lcut(text[:8]) and runs.cut is None
    assert cutter.cut(text) == segmenter.tokenizer.lcut(text) and runs.cut is not None
    run = max((block for line in PAGE_LINES for block in HAN_RUN.findall(line)), key=len)
    assert runs.cut(run, True) == segmenter.tokenizer.lcut(run)


def test_jieba_rs_is_given_the_tokenizer_total(tmp_path) -> None:
    """User words that replace a dictionary entry raise jieba's total beyond the sum of its words'
    frequencies; the padding word makes up the difference, so every score is the same."""
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(tmp_path)
    tokenizer.initialize()
    tokenizer.add_word("党建", 900_000)  # replaces the dictionary's 党建: total grows by the new count
    cut = han_run_cutter(tokenizer)
    assert cut is not None
    assert tokenizer.total > sum(tokenizer.FREQ.values())
    text = "党建工作引领基层治理和企业文化建设同步推进"
    assert cut(text, True) == tokenizer.lcut(text)
    mixed = "“" + text + "”，" + TOTAL_PADDING_WORD
    assert RouteCutter(tokenizer, HanRuns(tokenizer, 0)).cut(mixed) == tokenizer.lcut(mixed)


@pytest.mark.parametrize("hmm", [True, False], ids=["hmm", "dictionary-only"])
def test_whole_pages_cut_as_jieba(segmenter, hmm) -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        expected = segmenter.tokenizer.lcut(text, HMM=hmm)
        assert segmenter.cut(text, hmm) == expected == compiled(segmenter).cut(text, hmm), path.name


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(
        alphabet=st.sampled_from(SEED_CHARACTERS + "abcXYZ019+#&._%-  \t\r\n，。“”"), min_size=0, max_size=60
    ),
    hmm=st.booleans(),
)
def test_any_text_cuts_as_jieba(segmenter, text, hmm) -> None:
    expected = segmenter.tokenizer.lcut(text, HMM=hmm)
    assert RouteCutter(segmenter.tokenizer).cut(text, hmm) == expected
    assert compiled(segmenter).cut(text, hmm) == expected


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.sampled_from(SEED_HAN_CHARACTERS), min_size=1, max_size=80))
def test_any_run_of_seed_chinese_characters_cuts_as_jieba(segmenter, text) -> None:
    cutter = compiled(segmenter)
    for hmm in (True, False):
        assert cutter.cut(text, hmm) == segmenter.tokenizer.lcut(text, HMM=hmm)


def test_user_dictionary_words_are_routed_like_jieba(tmp_path) -> None:
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(tmp_path)
    tokenizer.initialize()
    text = "双十接待日和党建引领基层治理同步推进"
    before = RouteCutter(tokenizer).cut(text)
    assert before == tokenizer.lcut(text) == RouteCutter(tokenizer, HanRuns(tokenizer, 0)).cut(text)
    tokenizer.add_word("双十接待日", 50)
    after = RouteCutter(tokenizer).cut(text)  # a cutter is made after the dictionary is complete
    assert after == tokenizer.lcut(text) and "双十接待日" in after
    assert RouteCutter(tokenizer, HanRuns(tokenizer, 0)).cut(text) == after


def test_ties_go_to_the_longer_word_as_in_jieba() -> None:
    class Tiny:
        FREQ = {"甲": 1, "甲乙": 1, "乙": 1}
        total = 1

    cutter = RouteCutter(Tiny())  # type: ignore[arg-type]
    assert cutter.route("甲乙") == [1, 1, 0]  # log 1 + log 1 == log 1: the longer 甲乙 is taken
    assert cutter.cut("甲乙", hmm=False) == ["甲乙"]


@pytest.mark.parametrize("hmm", [True, False], ids=["hmm", "dictionary-only"])
def test_long_runs_of_single_characters_cut_as_jieba(segmenter, hmm) -> None:
    """Runs kept by where they start (linear for a run of millions of one letter): the same words."""
    for text in ("a" * 20_000, "ab1" * 3000 + "党建" + "x" * 5000, "的了吗呢" * 2000, "a党b建c" * 500):
        expected = segmenter.tokenizer.lcut(text, HMM=hmm)
        assert RouteCutter(segmenter.tokenizer).cut(text, hmm) == expected == compiled(segmenter).cut(text, hmm)
