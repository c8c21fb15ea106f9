"""Word, PDF and WeChat files in a real build: their kind and facts in the outputs, bad files as
one error line, and the cache following the files' bytes."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from zhenggong_report.pipeline import stages as build_module
from zhenggong_report import cli
from zhenggong_report.models.source_files import SourceFacts
from zhenggong_report.pipeline.store import page_keys
from zhenggong_report.sources import read_source

from conftest import FIXTURES, SEEDS
from source_fixtures import DOCX_TITLE, write_docx, write_pdf

WECHAT = FIXTURES / "sources" / "wechat_article.html"


def run_cli(*argv: str) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), stdout=stdout, stderr=stderr)
    return code, stdout.getvalue(), stderr.getvalue()


@pytest.fixture
def shared_segmenter(monkeypatch, segmenter):
    monkeypatch.setattr(build_module.Segmenter, "for_data_dir", classmethod(lambda cls, *args, **kwargs: segmenter))


@pytest.fixture
def mixed_seeds(tmp_path) -> Path:
    """One seed page beside a Word document, a two-column PDF and a saved WeChat article."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], folder)
    write_docx(folder / "contribution.docx")
    write_pdf(folder / "paper.pdf")
    shutil.copy(WECHAT, folder / "wechat.html")
    return folder


def _json(out: Path, name: str) -> list[dict]:
    return json.loads((out / "data" / name).read_text(encoding="utf-8"))


def test_the_outputs_say_each_source_s_kind_and_what_was_taken_from_it(mixed_seeds, tmp_path, shared_segmenter):
    out = tmp_path / "build"
    code, _, stderr = run_cli("build", "--seeds", str(mixed_seeds), "--out", str(out))
    assert code == 0 and "error:" not in stderr, stderr
    pages = {p["file"]: p for p in _json(out, "pages.json")}
    kinds = {name: (p["kind"], p["kind_name"]) for name, p in pages.items()}
    assert kinds == {
        sorted(SEEDS.glob("*.txt"))[0].name: ("text", "OCR 文本"),
        "contribution.docx": ("docx", "Word 文档"),
        "paper.pdf": ("pdf", "PDF 电子版"),
        "wechat.html": ("wechat", "微信公众号文章"),
    }
    assert pages["paper.pdf"]["facts"]["pages"] == [[1, 24], [26, 43]]
    assert len(pages["paper.pdf"]["facts"]["furniture"]) == 3
    assert pages["paper.pdf"]["printed"]["date"] == "2026-01-05"
    assert dict(pages["wechat.html"]["facts"]["metadata"])["account"] == "枣矿融媒"
    docx = pages["contribution.docx"]["facts"]
    assert len(docx["places"]) == len(read_source(mixed_seeds / "contribution.docx").lines)
    page = (out / "index.html").read_text(encoding="utf-8")
    for shown in ("Word 文档", "PDF 电子版", "微信公众号文章", "页眉页脚 3 行移出正文", "公众号：枣矿融媒"):
        assert shown in page


def test_every_line_of_every_kind_of_source_is_in_one_record(mixed_seeds, tmp_path, shared_segmenter):
    out = tmp_path / "build"
    assert run_cli("build", "--seeds", str(mixed_seeds), "--out", str(out))[0] == 0
    owners: dict[tuple[str, int], int] = {}
    for record in _json(out, "articles.json") + _json(out, "leftovers.json"):
        for first, last in record["source"]["lines"]:
            for line in range(first, last + 1):
                key = (record["source"]["file"], line)
                owners[key] = owners.get(key, 0) + 1
    for path in sorted(mixed_seeds.iterdir()):
        source = read_source(path)
        for number in source.non_blank_line_numbers:
            assert owners.get((path.name, number)) == 1, (path.name, number, source.lines[number - 1])


def _renamed_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def _image_only_pdf(path: Path) -> None:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    pdf.rect(50, 50, 200, 200, fill=1)
    pdf.save()


BAD_FILES = {
    "renamed zip as .docx": ("table.docx", lambda path: path.write_bytes(_renamed_zip()), "not a Word document"),
    "encrypted pdf": ("locked.pdf", lambda path: write_pdf(path, encrypt="secret"), "encrypted PDF"),
    "image-only pdf": ("scan.pdf", _image_only_pdf, "no text in this PDF"),
    "html without article": ("page.html", lambda path: path.write_text("<html><body><p>x</p></body></html>"), "no WeChat article"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_bad_file_ends_the_build_with_one_error_line_naming_it(case, tmp_path, shared_segmenter):
    name, make, message = BAD_FILES[case]
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], seeds)
    make(seeds / name)
    out = tmp_path / "build"
    code, _, stderr = run_cli("build", "--seeds", str(seeds), "--out", str(out))
    assert code == 2
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {seeds / name}: ") and message in lines[0], stderr
    assert not out.exists()


def test_a_changed_word_or_pdf_file_is_read_and_parsed_again(mixed_seeds, tmp_path, monkeypatch, shared_segmenter):
    monkeypatch.setenv("ZHENGGONG_CACHE_DIR", str(tmp_path / "cache"))
    assert run_cli("build", "--seeds", str(mixed_seeds), "--out", str(tmp_path / "one"))[0] == 0
    from docx import Document

    document = Document(mixed_seeds / "contribution.docx")
    document.paragraphs[0].text = "以高质量党建引领企业转型发展"
    document.save(mixed_seeds / "contribution.docx")
    write_pdf(mixed_seeds / "paper.pdf", columns=1)
    assert run_cli("build", "--seeds", str(mixed_seeds), "--out", str(tmp_path / "two"))[0] == 0
    titles = {a["title"] for a in _json(tmp_path / "two", "articles.json")}
    assert "以高质量党建引领企业转型发展" in titles and DOCX_TITLE not in titles
    pdf_places = next(p for p in _json(tmp_path / "two", "pages.json") if p["file"] == "paper.pdf")["facts"]["pages"]
    assert len(pdf_places) == 3  # the one-column layout takes three pages


def test_the_page_key_follows_the_text_a_reader_made_not_only_the_bytes(tmp_path):
    source = read_source(write_pdf(tmp_path / "paper.pdf"))
    rereading = type(source)(**{**source.__dict__, "facts": SourceFacts(kind="pdf", text_digest="0" * 64)})
    assert page_keys(source, "code", "dict", "themes").work != page_keys(rereading, "code", "dict", "themes").work


def test_the_readers_settings_come_from_the_data_folder(mixed_seeds, tmp_path, shared_segmenter):
    from zhenggong_report.resources import data_path

    data = tmp_path / "data"
    data.mkdir()
    (data / "sources.toml").write_text(
        data_path("sources.toml").read_text(encoding="utf-8").replace('pdf = "PDF 电子版"', 'pdf = "电子报"'), encoding="utf-8"
    )
    out = tmp_path / "build"
    assert run_cli("build", "--seeds", str(mixed_seeds), "--out", str(out), "--data", str(data))[0] == 0
    assert {p["file"]: p["kind_name"] for p in _json(out, "pages.json")}["paper.pdf"] == "电子报"
    (data / "sources.toml").write_text("[kinds]\n[docx]\ntitle_styles = 3\n", encoding="utf-8")
    code, _, stderr = run_cli("build", "--seeds", str(mixed_seeds), "--out", str(out), "--data", str(data))
    assert code == 2 and stderr.splitlines() == [f"error: {data / 'sources.toml'}: missing table [pdf]"], stderr


def test_a_rebuild_reads_no_unchanged_pdf_again(mixed_seeds, tmp_path, monkeypatch, shared_segmenter):
    from zhenggong_report.sources import pdf as pdf_module

    monkeypatch.setenv("ZHENGGONG_CACHE_DIR", str(tmp_path / "cache"))
    reads = []
    original = pdf_module.read_pdf
    monkeypatch.setattr(pdf_module, "read_pdf", lambda *args: reads.append(args[1]) or original(*args))
    assert run_cli("build", "--seeds", str(mixed_seeds), "--out", str(tmp_path / "one"))[0] == 0
    assert run_cli("build", "--seeds", str(mixed_seeds), "--out", str(tmp_path / "two"))[0] == 0
    assert reads == ["paper.pdf"]
    write_pdf(mixed_seeds / "paper.pdf", columns=1)
    assert run_cli("build", "--seeds", str(mixed_seeds), "--out", str(tmp_path / "three"))[0] == 0
    assert reads == ["paper.pdf", "paper.pdf"]
    assert run_cli("build", "--no-cache", "--seeds", str(mixed_seeds), "--out", str(tmp_path / "four"))[0] == 0
    assert reads == ["paper.pdf"] * 3


def test_builds_from_word_pdf_and_wechat_files_are_byte_identical(mixed_seeds, tmp_path, shared_segmenter):
    for name in ("one", "two"):
        assert run_cli("build", "--no-cache", "--seeds", str(mixed_seeds), "--out", str(tmp_path / name))[0] == 0
    one, two = ({p.relative_to(tmp_path / n): p.read_bytes() for p in (tmp_path / n).rglob("*") if p.is_file()} for n in ("one", "two"))
    assert one == two
