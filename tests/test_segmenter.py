"""The Segmenter: user dictionary, stop words, the one POS tokenizer, content-word filter."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhenggong_report.errors import DataFileError
from zhenggong_report.segmenter import NAME_FLAGS, Segmenter, read_stopwords


def test_domain_terms_are_one_word(segmenter) -> None:
    words = segmenter.cut("严格落实三会一课制度，推行一岗双责，坚持第一议题。")
    assert {"三会一课", "一岗双责", "第一议题"} <= set(words)


def test_enterprise_names_are_one_word(segmenter) -> None:
    assert "山能财司" in segmenter.cut("山能财司打造党建品牌")
    assert "西铭矿" in segmenter.cut("西铭矿党委推行党建模式")


@pytest.mark.parametrize("word", ["党建", "党委", "纪检", "信访"])
def test_core_domain_words_survive_the_content_filter(segmenter, word) -> None:
    """jieba tags 党建/党委/纪检 ``j`` and 信访 ``v``: a noun-only POS filter would drop them."""
    assert segmenter.is_content_word(word)


def test_the_user_dictionary_tags_the_core_words_as_nouns(segmenter) -> None:
    """jieba's own dictionary tags them ``j``/``v``; the project's dictionary makes them nouns, so a
    POS filter keeps them too, and ``j`` (煤电 in 八一煤电化) still counts inside organisation names."""
    tags = dict(segmenter.tag("党建，党委，纪检，信访"))
    assert [tags[w] for w in ("党建", "党委", "纪检", "信访")] == ["n", "n", "n", "n"]
    assert "j" in NAME_FLAGS and dict(segmenter.tag("煤电"))["煤电"] == "j"


@pytest.mark.parametrize("word", ["的", "我们", "加强", "12", "3.5", "%", "，"])
def test_function_words_numbers_and_single_characters_are_no_content(segmenter, word) -> None:
    assert not segmenter.is_content_word(word)


def test_stop_words_come_from_the_data_file(segmenter) -> None:
    assert segmenter.is_stopword("进一步") and segmenter.is_stopword("因此")
    assert not segmenter.is_stopword("信访")


def test_one_pos_tokenizer_bound_to_the_segmenters_tokenizer(segmenter) -> None:
    assert segmenter.pos is segmenter.pos
    assert segmenter.pos.tokenizer is segmenter.tokenizer


def test_the_parser_helpers_still_answer(segmenter) -> None:
    assert segmenter.first_token("党建工作") in ("党建", "党建工作")
    assert segmenter.spanning_word("加强党", "建工作") is not None


def test_read_stopwords_skips_comments_and_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "stop.txt"
    path.write_text("# comment\n\n的\n我们  # trailing comment\n", encoding="utf-8")
    assert read_stopwords(path) == frozenset({"的", "我们"})


def test_a_stop_word_line_with_two_words_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "stop.txt"
    path.write_text("的\n我们 他们\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        read_stopwords(path)
    assert "stop.txt" in str(caught.value) and "line 2" in str(caught.value)


def test_a_missing_stop_word_file_is_a_data_file_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="not found"):
        read_stopwords(tmp_path / "none.txt")


def test_the_dictionary_cache_is_loaded_in_one_read_or_not_at_all(segmenter, tmp_path: Path) -> None:
    """A missing or damaged cache is refused (jieba then builds the dictionary and rewrites it)."""
    import jieba

    from zhenggong_report.cache import cache_dir
    from zhenggong_report.jieba_dictionary import CACHE_FILE, load_cached_dictionary

    bare = jieba.Tokenizer()
    assert not load_cached_dictionary(bare, tmp_path / "missing.cache")
    (tmp_path / "damaged.cache").write_bytes(b"not a marshal dump")
    assert not load_cached_dictionary(bare, tmp_path / "damaged.cache")
    assert not bare.initialized
    assert load_cached_dictionary(bare, cache_dir() / CACHE_FILE)
    assert bare.initialized and bare.FREQ.get("国有企业")
    assert bare.lcut("加强国有企业党建") == ["加强", "国有企业", "党建"]


def test_jieba_is_loaded_on_first_use_only(tmp_path: Path) -> None:
    from zhenggong_report.segmenter import Segmenter

    lazy = Segmenter(cache_folder=tmp_path)
    assert not lazy.loaded and lazy.is_content_word("党建")
    assert lazy.cut("加强国有企业党建") == ["加强", "国有企业", "党建"]
    assert lazy.loaded


def test_first_token_agrees_with_jieba_everywhere_in_the_seeds(segmenter) -> None:
    """The shortcut (no dictionary word starts here, so the route takes one character) never
    differs from segmenting: checked at every character of every seed page."""
    from conftest import SEEDS

    text = "".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    for start in range(len(text)):
        head = text[start : start + 8]
        expected = segmenter.tokenizer.lcut(head, HMM=False)
        assert segmenter.first_token(head) == (expected[0] if expected else ""), head


def test_content_word_answers_are_remembered_and_unchanged(segmenter) -> None:
    words = ["党建", "的", "2023", "工会", "我们", "12.5%", "信访"]
    first = [segmenter.is_content_word(w) for w in words]
    assert [segmenter.is_content_word(w) for w in words] == first == [segmenter._judge_content_word(w) for w in words]


def test_the_pos_tokenizer_copies_jiebas_tag_table_and_tags_as_its_own_would():
    """The POS tokenizer over jieba's own dictionary starts from the tag table ``jieba.posseg``
    already read; its tags (the user dictionary's included) are those of a POS tokenizer that reads
    the table afresh, and jieba's own table is left as it was."""
    import jieba.posseg

    from conftest import SEEDS

    text = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")[:3000]
    before = dict(jieba.posseg.dt.word_tag_tab)
    fresh = jieba.posseg.POSTokenizer(Segmenter().tokenizer)
    copied = Segmenter()
    assert copied.tag(text) == [(pair.word, pair.flag) for pair in fresh.lcut(text)]
    assert ("新时代", "n") in copied.tag(text)  # a user-dictionary word with its own tag
    assert jieba.posseg.dt.word_tag_tab == before


FIRST_LOAD_SCRIPT = """
import gc, sys, weakref
gc.disable()  # as during a build
from zhenggong_report.segmenter import Segmenter
class Held: pass
segmenter = Segmenter.for_data_dir(None)
def caller(first_use):
    held = Held()
    first_use()
    return weakref.ref(held)
use = {"load": segmenter.load, "cutter": lambda: segmenter.cutter, "first_token": lambda: segmenter.first_token("党建")}
print("jieba imported before:", "jieba" in sys.modules)
print("caller's locals freed:", caller(use[sys.argv[1]])() is None)
"""


@pytest.mark.parametrize("first_use", ["load", "cutter", "first_token"])
def test_the_first_load_of_jieba_keeps_none_of_its_callers_locals(first_use) -> None:
    """Importing jieba leaves reference cycles through the importing frames (pkg_resources' parse
    errors); with the cycle collector paused, a deep caller's locals (a reduce's bodies) would stay."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", FIRST_LOAD_SCRIPT, first_use], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["jieba imported before: False", "caller's locals freed: True"]


def test_an_unloaded_segmenter_lets_its_dictionary_go_and_cuts_the_same_words_after(tmp_path: Path) -> None:
    segmenter = Segmenter(cache_folder=tmp_path)
    text = "枣庄矿业集团深化党建工作与生产经营融合，职工代表大会审议通过。"
    words, tags = segmenter.cut(text), segmenter.tag(text)
    segmenter.unload()
    assert not segmenter.loaded
    assert segmenter.cut(text) == words and segmenter.tag(text) == tags
    assert segmenter.loaded
