"""The input edge: every supported encoding and line end reads the same; anything else is refused clearly."""

from __future__ import annotations

import codecs
from functools import lru_cache

import pytest

from zhenggong_report.errors import InputError
from zhenggong_report.parse import parse_page
from zhenggong_report.render.data import article_record, leftover_record
from zhenggong_report.sources import decode_page, list_seed_files, read_source, source_from_bytes

from conftest import SEEDS

SEED_PATHS = sorted(SEEDS.glob("*.txt"))
PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


def _lines_joined(text: str, newline: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", newline)


VARIANTS = {
    "gb18030": lambda text: text.encode("gb18030"),
    "utf-16-le with BOM": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "utf-16-be with BOM": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "utf-8 with BOM": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "CRLF line ends": lambda text: _lines_joined(text, "\r\n").encode("utf-8"),
    "CR line ends": lambda text: _lines_joined(text, "\r").encode("utf-8"),
    "full-width spaces": lambda text: text.replace(" ", "\u3000").encode("utf-8"),
    "non-breaking spaces": lambda text: text.replace(" ", "\u00a0").encode("utf-8"),
    "gb18030, CRLF and full-width spaces": lambda text: _lines_joined(text.replace(" ", "\u3000"), "\r\n").encode(
        "gb18030"
    ),
}


@lru_cache(maxsize=None)
def _original_text(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def _parsed_records(data: bytes, name: str, segmenter) -> tuple[list[dict], list[dict]]:
    result = parse_page(source_from_bytes(data, name), segmenter)
    leftovers = [{**leftover_record(l), "text": None} for l in result.leftovers]  # leftover text stays verbatim
    return [article_record(a) for a in result.articles], leftovers


@pytest.fixture(scope="module")
def original_records(segmenter):
    return {
        path.name: _parsed_records(path.read_bytes(), path.name, segmenter) for path in SEED_PATHS
    }


def test_seed_pages_are_plain_utf8():
    for path in SEED_PATHS:
        assert decode_page(path.read_bytes(), path.name)[1] == "utf-8"


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("name", [p.name for p in SEED_PATHS])
def test_reencoded_seed_page_parses_to_the_same_articles(variant, name, segmenter, original_records, tmp_path):
    path = tmp_path / name
    path.write_bytes(VARIANTS[variant](_original_text(name)))
    source = read_source(path)
    assert "\n".join(source.lines).replace("\u3000", " ").replace("\u00a0", " ") == "\n".join(
        read_source(SEEDS / name).lines
    )
    assert _parsed_records(path.read_bytes(), name, segmenter) == original_records[name]


@pytest.mark.parametrize(
    "data, encoding",
    [
        (codecs.BOM_UTF8 + "党建".encode(), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + "党建".encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + "党建".encode("utf-16-be"), "utf-16-be"),
        ("党建工作".encode("gb18030"), "gb18030"),
        ("党建".encode(), "utf-8"),
        (b"", "utf-8"),
    ],
)
def test_encoding_is_recorded(data, encoding):
    assert decode_page(data, "p.txt")[1] == encoding


def test_bom_is_not_part_of_the_first_line():
    source = source_from_bytes(codecs.BOM_UTF8 + "标题\n正文".encode(), "p.txt")
    assert source.lines == ("标题", "正文")


def test_mixed_line_ends_split_alike():
    source = source_from_bytes("一\r\n二\r三\n四\r\n".encode(), "p.txt")
    assert source.lines == ("一", "二", "三", "四")


def test_form_feed_and_line_separator_do_not_split_lines():
    source = source_from_bytes("一\f二\u2028三\n四".encode(), "p.txt")
    assert source.lines == ("一\f二\u2028三", "四")


def _refusal(data: bytes) -> InputError:
    with pytest.raises(InputError) as caught:
        decode_page(data, "page.txt")
    error = caught.value
    assert str(error).startswith("page.txt"), str(error)
    assert "\n" not in str(error)
    return error


def test_png_bytes_are_refused_as_binary():
    error = _refusal(PNG_BYTES)
    assert "binary" in error.message
    assert error.line == 3  # the signature holds CR LF and LF: the NUL bytes are on line 3


def test_invalid_bytes_are_refused_with_their_line():
    data = "第一行\n第二行\n".encode() + b"\xff\xfe\xff\x80 broken\n"
    error = _refusal(data)
    assert error.line == 3
    assert "0xff" in error.message
    assert "UTF-8" in str(error) and "GB18030" in str(error)


def test_gb18030_page_with_a_corrupt_byte_names_the_gb18030_line():
    data = ("一行文字\n" * 5).encode("gb18030") + b"\x80\x80\n" + "再一行".encode("gb18030")
    error = _refusal(data)
    assert error.line == 6
    assert "GB18030" in error.message


def test_control_characters_are_refused_with_their_line():
    error = _refusal("正文\n正文\x01\x02\n".encode())
    assert error.line == 2
    assert "U+0001" in error.message


def test_utf16_without_bom_is_refused_with_a_hint():
    error = _refusal("党建\nab".encode("utf-16-le"))
    assert "byte-order mark" in error.message


def test_broken_utf16_is_refused_with_its_line():
    data = codecs.BOM_UTF16_LE + "一\n二\n".encode("utf-16-le") + b"\x00\xd8" + "三".encode("utf-16-le")
    error = _refusal(data)
    assert error.line == 3
    assert "UTF-16-LE" in error.message


def test_truncated_utf16_is_refused():
    assert "truncated" in _refusal(codecs.BOM_UTF16_BE + "党建".encode("utf-16-be")[:-1]).message


def test_utf32_is_refused_by_name():
    assert "UTF-32" in _refusal(codecs.BOM_UTF32_LE + "党建".encode("utf-32-le")).message


def test_utf16_le_text_opening_with_nul_is_refused_as_binary_not_as_utf32():
    error = _refusal(codecs.BOM_UTF16_LE + "\x00党".encode("utf-16-le"))
    assert "U+0000" in error.message and error.line == 1


def test_read_source_names_the_path(tmp_path):
    path = tmp_path / "picture.txt"
    path.write_bytes(PNG_BYTES)
    with pytest.raises(InputError, match=r"picture\.txt:3: "):
        read_source(path)


def test_unreadable_file_is_an_input_error(tmp_path, monkeypatch):
    path = tmp_path / "page.txt"
    path.write_text("正文", encoding="utf-8")

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(type(path), "read_bytes", refuse)
    with pytest.raises(InputError, match="cannot read: Permission denied"):
        read_source(path)


def test_listing_reads_txt_in_name_order_and_notes_the_rest(tmp_path):
    for name in ("b.txt", "a.TXT", "scan.tiff", ".hidden.txt", "._a.txt"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "old").mkdir()
    listing = list_seed_files(tmp_path)
    assert [p.name for p in listing.paths] == ["a.TXT", "b.txt"]
    assert listing.ignored == (("old", "a sub-folder, not read"), ("scan.tiff", "not a .txt, .docx, .pdf or .html file, ignored"))


def test_listing_refuses_a_missing_folder(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        list_seed_files(tmp_path / "nowhere")


def test_listing_refuses_a_file_given_as_folder(tmp_path):
    (tmp_path / "page.txt").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="is not a folder"):
        list_seed_files(tmp_path / "page.txt")


def test_listing_refuses_a_folder_without_pages(tmp_path):
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match=r"no \.txt file"):
        list_seed_files(tmp_path)


def test_a_page_pickled_for_a_worker_is_the_same_page_and_leaves_its_lines_as_large_as_before() -> None:
    """Sent to a Dask worker, a page goes as UTF-8: a pickled str would keep a UTF-8 copy of itself here."""
    import pickle
    import sys

    from zhenggong_report.sources import source_from_bytes

    page = source_from_bytes("枣庄矿业集团　枣矿报\n\n深化党建工作与生产经营融合\n　　职工代表大会审议通过。\n".encode("utf-8"), "p.txt")
    sizes = [sys.getsizeof(line) for line in page.lines]
    assert pickle.loads(pickle.dumps(page)) == page
    assert [sys.getsizeof(line) for line in page.lines] == sizes
