"""The search's synonyms: the ``[search] synonyms`` groups of ``data/glossary.toml``, checked, and
handed to the page exactly as the file lists them (``<main data-synonyms>``); a data folder's file
replaces them, a file without the table gives none, and a broken table fails before any work."""

from __future__ import annotations

import html as html_module
import json
import re
from pathlib import Path

import pytest

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

from zhenggong_report.analyze.data_files import load_analysis_data
from zhenggong_report.errors import DataFileError
from zhenggong_report.pipeline import build
from zhenggong_report.render.html import render_html
from zhenggong_report.render.search_synonyms import load_search_synonyms, parse_search_synonyms
from zhenggong_report.resources import data_path, read_toml

from analysis_fixture import hand_made_analysis
from report_pages import MARKUP_SEEDS

PACKAGED = data_path("glossary.toml")


def handed_over(page: bytes) -> list[list[str]] | None:
    """The groups the page's ``<main>`` hands to its script, or None when it hands none."""
    text = page.decode("utf-8")
    main = re.match(r"""<main id="main" tabindex="-1"(?: data-synonyms='([^']*)')?>""", text[text.index("<main "):])
    return json.loads(html_module.unescape(main.group(1))) if main.group(1) else None


def parse(text: str):
    return parse_search_synonyms("glossary.toml", tomllib.loads(text))


def test_the_packaged_file_reads_the_short_and_full_form_of_the_workers_congress_alike() -> None:
    groups = load_search_synonyms()
    assert ("职代会", "职工代表大会") in groups
    assert all(len(g) >= 2 for g in groups)
    words = [w for g in groups for w in g]
    assert len(words) == len(set(words))
    assert not any("支部" in w for w in words), "支部 is no 党支部: 团支部 is one too"


def test_the_glossary_filter_still_reads_the_file_with_its_search_table() -> None:
    assert "search" in read_toml(PACKAGED)
    assert load_analysis_data().glossary.known


def test_the_page_hands_its_script_the_groups_of_the_data_file(seed_corpus) -> None:
    page = render_html(seed_corpus, hand_made_analysis(seed_corpus))["index.html"]
    assert handed_over(page) == [list(g) for g in load_search_synonyms()]
    first = load_search_synonyms()[0]
    assert f"“{first[0]}”也查“{first[1]}”" in page.decode("utf-8")


def test_groups_given_to_the_renderer_are_the_ones_handed_over_and_none_hand_over_nothing(seed_corpus) -> None:
    analysis = hand_made_analysis(seed_corpus)
    mine = (("双创", "大众创业万众创新"),)
    assert handed_over(render_html(seed_corpus, analysis, synonyms=mine)["index.html"]) == [["双创", "大众创业万众创新"]]
    bare = render_html(seed_corpus, analysis, synonyms=())["index.html"]
    assert handed_over(bare) is None and "也查" not in bare.decode("utf-8")


def test_a_word_with_quotes_or_markup_is_handed_over_intact(seed_corpus) -> None:
    odd = (("A&B", "<b>'x'</b>"),)
    page = render_html(seed_corpus, hand_made_analysis(seed_corpus), synonyms=odd)["index.html"]
    assert handed_over(page) == [["A&B", "<b>'x'</b>"]]
    assert "<b>'x'" not in page.decode("utf-8")


def test_a_data_folders_glossary_replaces_the_synonyms_in_every_page_of_the_folder_form(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    text = PACKAGED.read_text(encoding="utf-8")
    head = text[: text.index("\n[search]\n")]
    (data / "glossary.toml").write_text(head + '\n[search]\nsynonyms = [["双创", "大众创业万众创新"]]\n', encoding="utf-8")
    build(MARKUP_SEEDS, tmp_path / "site", data_dir=data, layout="folder")
    pages = sorted((tmp_path / "site").glob("**/*.html"))
    assert any(p.parent.name == "articles" for p in pages)
    assert {json.dumps(handed_over(p.read_bytes())) for p in pages} == {json.dumps([["双创", "大众创业万众创新"]])}


def test_a_file_without_a_search_table_has_no_synonyms() -> None:
    assert parse('[filter]\nwords = ["表面文章"]\n') == ()


@pytest.mark.parametrize(
    ("table", "problem"),
    [
        ('search = "职代会"', "must be a table"),
        ("[search]\nsynonym = []", "unknown key"),
        ('[search]\nsynonyms = "职代会"', "list of groups"),
        ('[search]\nsynonyms = [["职代会"]]', "two or more words"),
        ('[search]\nsynonyms = [["职代会", 3]]', "two or more words"),
        ('[search]\nsynonyms = [["职代会", "职工 代表大会"]]', "without spaces"),
        ('[search]\nsynonyms = [["职代会", " "]]', "without spaces"),
        ('[search]\nsynonyms = [["劳模", "劳模"]]', "one word twice"),
        ('[search]\nsynonyms = [["ＡＢ", "ab"]]', "one word twice"),
        ('[search]\nsynonyms = [["党建", "党的建设"], ["党的建设", "党建工作"]]', "stands in two groups"),
    ],
)
def test_a_broken_search_table_is_an_error_naming_the_file_and_the_table(table: str, problem: str) -> None:
    with pytest.raises(DataFileError) as error:
        parse(table)
    assert problem in str(error.value) and "glossary.toml [search" in str(error.value)


def test_a_broken_search_table_fails_the_build_before_any_page_is_read(tmp_path: Path, monkeypatch) -> None:
    from zhenggong_report.pipeline import stages

    data = tmp_path / "data"
    data.mkdir()
    (data / "glossary.toml").write_text('[filter]\nwords = []\n[search]\nsynonyms = [["职代会"]]\n', encoding="utf-8")
    monkeypatch.setattr(stages, "map_stage", lambda *args: pytest.fail("the map ran before the data files were checked"))
    with pytest.raises(DataFileError, match="two or more words"):
        build(MARKUP_SEEDS, tmp_path / "site", data_dir=data, use_cache=False)
    assert not (tmp_path / "site").exists()
