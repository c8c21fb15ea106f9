"""The user-editable data files: loaded, checked, and errors that name the file and the entry."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from zhenggong_report.analyze.data_files import load_analysis_data, load_enterprises, load_taxonomy
from zhenggong_report.cli import main
from zhenggong_report.errors import DataFileError
from zhenggong_report.resources import data_path

from conftest import SEEDS

GOOD_THEME = """
[[theme]]
id = "petitions"
name = "信访"
description = "信访工作"
[theme.terms]
"信访" = 3
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(loader, path: Path) -> DataFileError:
    with pytest.raises(DataFileError) as caught:
        loader(path)
    return caught.value


def test_the_packaged_files_load() -> None:
    data = load_analysis_data()
    assert len(data.taxonomy.themes) >= 12
    assert all(t.description and t.terms for t in data.taxonomy.themes)
    assert data.enterprises.enterprises and data.enterprises.names.departments
    assert data_path("stopwords.txt").is_file() and data_path("userdict.txt").is_file()


def test_every_theme_term_is_two_characters_or_more() -> None:
    for theme in load_analysis_data().taxonomy.themes:
        assert all(len(term) >= 2 for term, _ in theme.terms), theme.id


def test_malformed_toml_names_the_file(tmp_path: Path) -> None:
    error = error_of(load_taxonomy, write(tmp_path, "themes.toml", "[[theme]\nid = 1"))
    assert "themes.toml" in str(error) and "malformed TOML" in str(error)


def test_a_theme_without_terms_names_the_theme(tmp_path: Path) -> None:
    text = GOOD_THEME + '\n[[theme]]\nid = "empty"\nname = "空"\ndescription = "无词"\n'
    error = error_of(load_taxonomy, write(tmp_path, "themes.toml", text))
    assert error.entry == "theme 'empty'" and "at least one term" in str(error)


def test_a_duplicate_theme_id(tmp_path: Path) -> None:
    error = error_of(load_taxonomy, write(tmp_path, "themes.toml", GOOD_THEME + GOOD_THEME.replace('"信访"\ndesc', '"信访二"\ndesc')))
    assert "duplicate theme id" in str(error) and error.entry == "theme 'petitions'"


@pytest.mark.parametrize(
    "change, message",
    [
        (('"信访" = 3', '"信访" = -1'), "positive number"),
        (('"信访" = 3', '"信访" = "high"'), "positive number"),
        (('"信访" = 3', '"信访" = 3\n"" = 1'), "empty term"),
        (('"信访" = 3', '"信访" = 3\n"访" = 1'), "two characters"),
        (('id = "petitions"', 'id = "信访"'), "lower-case ASCII"),
        (('description = "信访工作"', 'description = "信访工作"\ncolour = "red"'), "unknown key"),
        (('"信访" = 3', '"信访" = { weight = 3, near = "党建" }'), "list of non-empty strings"),
    ],
)
def test_bad_theme_entries(tmp_path: Path, change, message) -> None:
    error = error_of(load_taxonomy, write(tmp_path, "themes.toml", GOOD_THEME.replace(*change)))
    assert message in str(error) and "themes.toml" in str(error)


def test_scoring_can_be_tuned_and_is_checked(tmp_path: Path) -> None:
    assert load_taxonomy(write(tmp_path, "a.toml", GOOD_THEME + "[scoring]\nspread = 4\n")).scoring.spread == 4
    error = error_of(load_taxonomy, write(tmp_path, "b.toml", GOOD_THEME + "[scoring]\nspread = 2.5\n"))
    assert error.entry == "scoring" and "whole number" in str(error)


ENTERPRISES = """
[[enterprise]]
id = "group"
name = "某某集团"
[[enterprise]]
id = "mine"
name = "某某煤矿"
parent = "{parent}"
[names]
company_suffixes = ["集团", "公司"]
unit_suffixes = ["煤矿"]
legal_suffixes = ["有限公司"]
departments = ["党政办"]
provinces = ["山西"]
trade_words = ["实业"]
generic = ["公司"]
"""


def test_an_unknown_parent_names_the_enterprise(tmp_path: Path) -> None:
    error = error_of(load_enterprises, write(tmp_path, "enterprises.toml", ENTERPRISES.format(parent="nobody")))
    assert "unknown parent 'nobody'" in str(error) and error.entry == "enterprise 'mine'"
    assert load_enterprises(write(tmp_path, "ok.toml", ENTERPRISES.format(parent="group"))).enterprises[1].parent == "group"


def test_a_name_given_to_two_enterprises(tmp_path: Path) -> None:
    text = ENTERPRISES.format(parent="group").replace('name = "某某煤矿"', 'name = "某某煤矿"\naliases = ["某某集团"]')
    assert "already given to 'group'" in str(error_of(load_enterprises, write(tmp_path, "e.toml", text)))


def test_parents_in_a_cycle(tmp_path: Path) -> None:
    text = ENTERPRISES.format(parent="group").replace('name = "某某集团"', 'name = "某某集团"\nparent = "mine"')
    assert "cycle" in str(error_of(load_enterprises, write(tmp_path, "e.toml", text)))


def test_a_duplicate_enterprise_id(tmp_path: Path) -> None:
    text = ENTERPRISES.format(parent="group").replace('id = "mine"', 'id = "group"')
    assert "duplicate enterprise id" in str(error_of(load_enterprises, write(tmp_path, "e.toml", text)))


def test_a_data_folder_replaces_only_the_files_it_holds(tmp_path: Path) -> None:
    write(tmp_path, "themes.toml", GOOD_THEME)
    data = load_analysis_data(tmp_path)
    assert [t.name for t in data.taxonomy.themes] == ["信访"]
    assert data.enterprises.path == str(data_path("enterprises.toml"))


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), stdout=out, stderr=err), out.getvalue(), err.getvalue()


def test_build_with_a_broken_data_file_exits_2_naming_it(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    write(tmp_path / "data", "themes.toml", GOOD_THEME + GOOD_THEME)
    code, _, err = run("build", "--seeds", str(SEEDS), "--out", str(tmp_path / "site"), "--data", str(tmp_path / "data"))
    assert code == 2 and "themes.toml" in err and "duplicate theme id" in err
    assert not (tmp_path / "site").exists()


def test_build_with_a_missing_data_folder_exits_2(tmp_path: Path) -> None:
    code, _, err = run("build", "--seeds", str(SEEDS), "--out", str(tmp_path / "site"), "--data", str(tmp_path / "nowhere"))
    assert code == 2 and "nowhere" in err and "does not exist" in err


def test_a_data_folder_reaches_the_build(tmp_path: Path) -> None:
    """Stop words from --data replace the packaged list: 信访 is no keyword any more."""
    import json

    (tmp_path / "data").mkdir()
    packaged = data_path("stopwords.txt").read_text(encoding="utf-8")
    write(tmp_path / "data", "stopwords.txt", packaged + "\n信访\n")
    code, _, err = run("build", "--seeds", str(SEEDS), "--out", str(tmp_path / "site"), "--data", str(tmp_path / "data"))
    assert code == 0, err
    articles = json.loads((tmp_path / "site" / "data" / "articles.json").read_text(encoding="utf-8"))
    assert all("信访" not in [k["word"] for k in a["keywords"]] for a in articles)
