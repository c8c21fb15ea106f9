"""The command line: thin argparse front, library errors turned into exit codes."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

from zhenggong_report.cli import main

from conftest import SEEDS


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_parse_prints_one_row_per_article() -> None:
    code, out, _ = run("parse", "--seeds", str(SEEDS))
    assert code == 0
    rows = [line for line in out.splitlines() if line.startswith("a-")]
    assert len(rows) == 19
    assert "002_6c190a23e66049b4.txt:23-25,57-75" in out
    assert "title-inferred,partial,no-author" in out
    assert out.rstrip().endswith("19 articles, 1 leftovers in 5 files")


def test_parse_json_gives_the_records() -> None:
    code, out, _ = run("parse", "--seeds", str(SEEDS), "--json")
    payload = json.loads(out)
    assert code == 0
    assert len(payload["articles"]) == 19 and payload["leftovers"][0]["kind"] == "legal_notice"
    first = payload["articles"][0]
    assert first["source"] == {"file": "000_97e6e70326f5183f.txt", "lines": [[3, 35]]}
    assert first["headings"] == [] and first["body"].count("\n\n") == 11


def test_build_writes_the_data_files(tmp_path: Path) -> None:
    code, out, _ = run("build", "--seeds", str(SEEDS), "--out", str(tmp_path / "site"))
    assert code == 0, out
    articles = json.loads((tmp_path / "site" / "data" / "articles.json").read_text(encoding="utf-8"))
    leftovers = json.loads((tmp_path / "site" / "data" / "leftovers.json").read_text(encoding="utf-8"))
    assert len(articles) == 19 and len(leftovers) == 1
    for record in articles:
        assert set(record) >= {
            "id", "title", "display_title", "title_inferred", "kicker", "subtitle", "author", "affiliation",
            "partial", "abstract", "author_keywords", "source", "joins", "body",
        }


def test_missing_seeds_folder_exits_2_naming_it(tmp_path: Path) -> None:
    code, _, err = run("parse", "--seeds", str(tmp_path / "nowhere"))
    assert code == 2
    assert "nowhere" in err and "does not exist" in err


def test_other_files_are_noted_not_read(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    (seeds / "photo.png").write_bytes(b"\x89PNG\r\n")
    code, _, err = run("parse", "--seeds", str(seeds))
    assert code == 0
    assert "photo.png" in err and "ignored" in err


def test_build_layout_chooses_the_reports_form(tmp_path) -> None:
    code, _, _ = run("build", "--seeds", str(SEEDS), "--out", str(tmp_path / "folder"), "--layout", "folder", "--no-cache")
    assert code == 0
    assert (tmp_path / "folder" / "articles").is_dir() and (tmp_path / "folder" / "search" / "0000.js").is_file()
    code, _, _ = run("build", "--seeds", str(SEEDS), "--out", str(tmp_path / "auto"), "--no-cache")
    assert code == 0
    assert (tmp_path / "auto" / "index.html").is_file() and not (tmp_path / "auto" / "articles").exists()
