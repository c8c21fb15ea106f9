"""Hostile and odd input: links out of the seeds and templates folders, odd file names, formula
cells, user templates that reach for Python, and values no build can use. Each is refused or made
inert with one message line and the documented exit status."""

from __future__ import annotations

import csv
import io
import os
import shutil
from pathlib import Path

import pytest

from zhenggong_report.render.labels import labels
from zhenggong_report.pipeline import stages as build_module
from zhenggong_report import cli
from zhenggong_report.pipeline import pages as pages_module
from zhenggong_report.outputs import write_tree_atomically

from conftest import ROOT, SEEDS


def run_cli(*argv: str) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), stdout=stdout, stderr=stderr)
    return code, stdout.getvalue(), stderr.getvalue()


def one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


@pytest.fixture
def seeds(tmp_path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture(autouse=True)
def shared_segmenter(monkeypatch, segmenter):
    monkeypatch.setattr(build_module.Segmenter, "for_data_dir", classmethod(lambda cls, *args, **kwargs: segmenter))


@pytest.fixture
def templates(tmp_path) -> Path:
    folder = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", folder)
    return folder


def build_files(seeds: Path, out: Path, *extra: str) -> tuple[int, str]:
    code, _, stderr = run_cli("build", "--seeds", str(seeds), "--out", str(out), "--no-cache", *extra)
    return code, stderr


# --- links -----------------------------------------------------------------------------------------


def test_a_page_that_links_outside_the_seeds_folder_is_never_read(seeds, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:机密口令行:/root:/bin/bash\n", encoding="utf-8")
    (seeds / "x.txt").symlink_to(secret)
    inside = sorted(seeds.glob("*.txt"))[0]
    (seeds / "zz-alias.txt").symlink_to(inside.name)  # a link within the folder is a page like any
    code, stderr = build_files(seeds, tmp_path / "out")
    assert code == 0, stderr
    assert f"note: {seeds / 'x.txt'}: a link to a file outside the seeds folder, not read" in stderr.splitlines()
    report = b"".join(p.read_bytes() for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert "机密口令行".encode() not in report and b"x.txt" not in report
    assert b"zz-alias.txt" in report


def test_a_template_that_links_outside_its_folder_is_refused(seeds, tmp_path, templates):
    secret = tmp_path / "secret.css"
    secret.write_text("/* 机密 */ body{}", encoding="utf-8")
    (templates / "report.css").unlink()
    (templates / "report.css").symlink_to(secret)
    write_tree_atomically(tmp_path / "out", {"index.html": b"previous"})
    code, stderr = build_files(seeds, tmp_path / "out", "--templates", str(templates))
    assert code == 2
    assert one_error_line(stderr) == f"error: {templates / 'report.css'}: links to a file outside the templates folder; refused"
    assert (tmp_path / "out" / "index.html").read_bytes() == b"previous"


# --- file names ------------------------------------------------------------------------------------


def test_a_file_name_that_is_not_utf8_is_one_error_line(seeds, tmp_path):
    shutil.copyfile(sorted(seeds.glob("*.txt"))[0], os.fsencode(seeds) + b"/bad\xff.txt")
    code, stderr = build_files(seeds, tmp_path / "out")
    assert code == 2
    line = one_error_line(stderr)
    assert "bad\\udcff.txt" in line and "not UTF-8" in line
    assert not (tmp_path / "out").exists()


def test_line_breaks_and_escapes_in_a_file_name_stay_on_one_quoted_line(seeds, tmp_path):
    (seeds / "evil\n\x1b[31mred.txt").write_bytes(b"\x00binary")
    code, stderr = build_files(seeds, tmp_path / "out")
    assert code == 2
    assert "\x1b" not in stderr and len(stderr.strip().splitlines()) == 1
    assert "evil\\n\\x1b[31mred.txt" in one_error_line(stderr)


# --- CSV for Excel and WPS ---------------------------------------------------------------------------


def test_formula_cells_are_inert_and_a_cr_in_a_file_name_keeps_its_row(seeds, tmp_path):
    page = "=HYPERLINK(\"http://x\",\"点我\")党建工作的几点思考\n\n@SUM(1+1)公司 王明\n\n" + "加强党建工作，推进企业发展。" * 30 + "\n"
    (seeds / "crlf\rname.txt").write_text(page, encoding="utf-8")
    code, stderr = build_files(seeds, tmp_path / "out")
    assert code == 0, stderr
    with open(tmp_path / "out" / "data" / "articles.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    import json

    articles = json.loads((tmp_path / "out" / "data" / "articles.json").read_text(encoding="utf-8"))
    assert len(rows) == len(articles)
    ours = [r for r in rows if "HYPERLINK" in r[labels().csv_headers["title"]]]
    assert len(ours) == 1 and ours[0][labels().csv_headers["file"]] == "crlf\rname.txt"
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value
    assert ours[0][labels().csv_headers["title"]].startswith("'=HYPERLINK")


def test_inert_cell_prefixes_only_text_that_starts_a_formula():
    from zhenggong_report.render.tables import inert_cell

    assert [inert_cell(v) for v in ["=1+1", "+86", "-x", "@a", "\tx", "＝1", "党建", "a=b", 3, -2.5, None]] == [
        "'=1+1", "'+86", "'-x", "'@a", "'\tx", "'＝1", "党建", "a=b", 3, -2.5, None,
    ]


# --- user templates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "expression, message",
    [
        ("{{ cycler.__init__.__globals__.os.popen('touch RAN').read() }}", "not allowed in a template"),
        ("{% for i in range(10**12) %}{% endfor %}", "Range too big"),
        ("{{ 1/0 }}", "ZeroDivisionError while rendering"),
        ("{% macro r() %}{{ r() }}{% endmacro %}{{ r() }}", "RecursionError while rendering"),
    ],
    ids=["python internals", "huge range", "division by zero", "recursion"],
)
def test_a_user_template_runs_sandboxed_and_fails_in_one_line(seeds, tmp_path, templates, monkeypatch, expression, message):
    monkeypatch.chdir(tmp_path)
    entry = templates / "index.html.j2"
    entry.write_text(entry.read_text(encoding="utf-8").replace("<h1>", expression + "<h1>", 1), encoding="utf-8")
    code, stderr = build_files(seeds, tmp_path / "out", "--templates", str(templates))
    assert code == 2
    line = one_error_line(stderr)
    assert message in line and "index.html.j2" in line
    assert not (tmp_path / "RAN").exists() and not (tmp_path / "out").exists()


# --- values no build can use ---------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["99999999999999999999", "253402300800"])
def test_an_absurd_source_date_epoch_is_one_error_line(seeds, tmp_path, monkeypatch, value):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    code, stderr = build_files(seeds, tmp_path / "out")
    assert code == 2 and "SOURCE_DATE_EPOCH" in one_error_line(stderr)


def test_deeply_nested_toml_is_one_error_line(seeds, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "themes.toml").write_text("x = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    code, stderr = build_files(seeds, tmp_path / "out", "--data", str(data))
    assert code == 2 and "nested too deeply" in one_error_line(stderr)


def test_a_user_dictionary_that_is_not_utf8_in_parallel_mode_is_one_error_line(seeds, tmp_path, monkeypatch):
    monkeypatch.undo()  # a real segmenter in each worker
    monkeypatch.setattr(pages_module, "PARALLEL_MIN_CHARACTERS", 0)
    data = tmp_path / "data"
    data.mkdir()
    (data / "userdict.txt").write_bytes("双十接待日 50 n\n".encode("gb18030"))
    code, stderr = build_files(seeds, tmp_path / "out", "--data", str(data), "--jobs", "2")
    assert code == 2
    line = one_error_line(stderr)
    assert str(data / "userdict.txt") in line and "utf-8" in line.lower()


def test_a_utf8_page_with_one_corrupt_byte_is_read_but_warned_about(seeds, tmp_path):
    lines = ["加强企业党建工作", "", "同志", "", "推进基层组织落实责任", "职工工会信访工作质量发展"]
    data = bytearray("\n".join(lines * 3).encode("utf-8") + b"\n")
    data[1] = 0x41  # one corrupt byte: the page is no UTF-8 now, yet happens to be GB18030
    with pytest.raises(UnicodeDecodeError):
        bytes(data).decode("utf-8")
    bytes(data).decode("gb18030")
    page = seeds / "damaged.txt"
    page.write_bytes(bytes(data))
    code, stderr = build_files(seeds, tmp_path / "out")
    assert code == 0, stderr
    warnings = [line for line in stderr.splitlines() if line.startswith(f"warning: {page}:")]
    assert len(warnings) == 1 and "read as GB18030" in warnings[0] and "damaged UTF-8" in warnings[0], stderr
    assert "(the first at offset 0, line 1)" in warnings[0]


def test_a_real_gb18030_page_gets_no_such_warning(seeds, tmp_path):
    page = sorted(seeds.glob("*.txt"))[0]
    page.write_bytes(page.read_text(encoding="utf-8").encode("gb18030"))
    code, stderr = build_files(seeds, tmp_path / "out")
    assert code == 0 and "read as GB18030" not in stderr, stderr


def test_a_page_over_the_size_limit_is_refused_before_it_is_read(seeds, tmp_path, monkeypatch):
    from zhenggong_report import sources

    monkeypatch.setattr(sources, "MAX_PAGE_BYTES", 1000)
    code, stderr = build_files(seeds, tmp_path / "out")
    assert code == 2 and "a page may hold at most 1,000 bytes; split it into pages" in one_error_line(stderr)


def test_a_page_with_too_many_open_paragraphs_is_joined_in_order_with_a_warning(segmenter, monkeypatch):
    """Weighing every (open end, fragment) pair across columns is quadratic: past the limit each
    open paragraph is joined only to the next, and the page says so."""
    from zhenggong_report.parse import parse_page
    from zhenggong_report.parse.pages import continuations
    from zhenggong_report.sources import source_from_bytes

    lines = ["关于加强企业党建工作的思考", "", "□ 李林", ""]
    for n in range(60):
        lines += [f"的要求第{n}段各级党组织切实加强", ""]
    source = source_from_bytes("\n".join(lines).encode("utf-8"), "long.txt")
    monkeypatch.setattr(continuations, "REMOTE_PAIR_LIMIT", 100)
    result = parse_page(source, segmenter)
    assert any("too many to match across columns (limit 100 pairs)" in w for w in result.note.warnings)
    covered = {n for item in (*result.articles, *result.leftovers) for a, b in item.lines for n in range(a, b + 1)}
    assert covered >= set(source.non_blank_line_numbers)
