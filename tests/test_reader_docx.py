"""The Word reader: styles, tables and footnotes read as such; the text parses with nothing lost."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from zhenggong_report.errors import InputError
from zhenggong_report.parse import parse_page
from zhenggong_report.sources import read_source

from invariants import assert_nothing_lost
from source_fixtures import DOCX_FOOTNOTES, DOCX_TITLE, article_fields, write_docx

TABLE_ROWS = ["指标\t2024年\t2025年", "党员人数\t3100\t3200", "讲党课场次\t64\t86"]
BODY = [
    ("heading", "一、坚持政治引领，把牢发展方向"),
    ("text", "集团党委始终把政治建设摆在首位，认真落实“第一议题”制度[1]，全年组织中心组集中学习12次，推动党的创新理论入脑入心。"),
    ("heading", "（一）健全学习制度"),
    ("text", "各基层党组织建立“三会一课”台账，党员领导干部带头讲党课86场，覆盖党员3200余名。"),
]
CLOSING = [
    ("heading", "二、坚持融入中心，服务生产经营"),
    ("text", "围绕安全生产和提质增效，设立党员先锋岗126个，开展“党建+安全”主题活动[2]，全年实现安全生产零事故。"),
]


@pytest.fixture(scope="module")
def docx_source(tmp_path_factory):
    return read_source(write_docx(tmp_path_factory.mktemp("docx") / "contribution.docx"))


@pytest.fixture(scope="module")
def docx_result(docx_source, segmenter):
    return parse_page(docx_source, segmenter)


def test_styles_make_the_title_and_headings_and_each_paragraph_is_a_block(docx_source):
    printed = [line for line in docx_source.lines if line]
    assert printed[:4] == [f"# {DOCX_TITLE}", "作者：张晓东", "单位：山东能源枣矿集团党委组织部", "## 一、坚持政治引领，把牢发展方向"]
    assert [bool(line) for line in docx_source.lines] == [bool(place) for place in docx_source.facts.places]
    assert all(docx_source.lines[i] == "" for i in range(1, 12, 2))  # one blank line between paragraphs
    assert docx_source.facts.kind == "docx" and docx_source.facts.kind_name == "Word 文档"
    assert dict(docx_source.facts.metadata) == {"title": DOCX_TITLE, "author": "张晓东"}


def test_a_table_is_one_block_of_tab_separated_rows(docx_source):
    start = docx_source.lines.index(TABLE_ROWS[0])
    assert list(docx_source.lines[start : start + 3]) == TABLE_ROWS
    assert docx_source.lines[start - 1] == docx_source.lines[start + 3] == ""
    assert docx_source.facts.places[start : start + 3] == ("表1 第1行", "表1 第2行", "表1 第3行")
    assert set(docx_source.facts.styles[start : start + 3]) == {"table"}


def test_footnotes_follow_the_body_and_their_marks_stay_in_the_text(docx_source):
    notes = [(line, place) for line, place in zip(docx_source.lines, docx_source.facts.places) if place.startswith("脚注")]
    assert notes == [(f"[{n}] {text}", f"脚注{n}") for n, text in DOCX_FOOTNOTES.items()]
    assert docx_source.lines[-1] == f"[2] {DOCX_FOOTNOTES[2]}"
    assert any("制度[1]，" in line for line in docx_source.lines)


def test_a_line_s_place_is_its_paragraph_number(docx_source):
    places = [p for line, p in zip(docx_source.lines, docx_source.facts.places) if line and p.startswith("¶")]
    assert places == [f"¶{n}" for n in range(1, 10)]  # the table sits between paragraphs 7 and 8
    assert docx_source.facts.place(1) == "¶1" and docx_source.facts.place(3) == "¶2"


def test_the_document_parses_into_its_article_with_nothing_lost(docx_source, docx_result):
    assert_nothing_lost(docx_source, list(docx_result.articles) + list(docx_result.leftovers))
    [article] = docx_result.articles
    assert article.title == DOCX_TITLE
    kinds = [kind for kind, _ in article_fields(article)["paragraphs"]]
    assert kinds.count("heading") == 3
    assert article.paragraphs[-1].text.endswith(DOCX_FOOTNOTES[2])


def test_the_author_and_unit_lines_are_the_byline(docx_result):
    [article] = docx_result.articles
    fields = article_fields(article)
    assert (fields["author"], fields["affiliation"]) == ("张晓东", "山东能源枣矿集团党委组织部")
    assert fields["paragraphs"][:4] == BODY


def test_the_table_stays_one_paragraph_with_its_rows(docx_result):
    [article] = docx_result.articles
    texts = [text for _, text in article_fields(article)["paragraphs"]]
    assert "\n".join(TABLE_ROWS) in texts  # its kind (text, table) is the parser's to say
    assert texts.index("\n".join(TABLE_ROWS)) + 1 == texts.index(CLOSING[0][1])


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


_XLSX_TYPES = (
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'
)


@pytest.mark.parametrize(
    "data, message",
    [
        (_zip({"photos/1.jpg": b"\xff\xd8\xff"}), "not a Word document: a zip file of 1 file (photos/1.jpg) with no Word body"),
        (_zip({"[Content_Types].xml": _XLSX_TYPES, "xl/workbook.xml": b"<workbook/>"}), "not a Word document: a zip file of an Excel workbook"),
        (_zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}), "a zip file of an OpenDocument text"),
        (_zip({"[Content_Types].xml": _XLSX_TYPES, "word/document.xml": b"<w:document"}), "damaged Word document"),
        ("党建工作总结".encode("gb18030"), "not a Word document: no .docx (zip) package"),
    ],
    ids=["zip of photos", "excel workbook", "odt", "damaged", "text renamed"],
)
def test_a_file_that_is_no_word_document_is_refused_by_name(tmp_path, data, message):
    path = tmp_path / "投稿.docx"
    path.write_bytes(data)
    with pytest.raises(InputError, match=re.escape(message)) as raised:
        read_source(path)
    assert raised.value.path == str(path)


def test_paragraphs_inside_a_content_control_are_read_in_place(tmp_path):
    from docx import Document
    from docx.oxml import parse_xml

    document = Document()
    document.add_paragraph("前言")
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    control = parse_xml(f'<w:sdt xmlns:w="{w}"><w:sdtContent><w:p><w:r><w:t>控件里的段落</w:t></w:r></w:p></w:sdtContent></w:sdt>')
    document.element.body.insert(1, control)
    document.add_paragraph("结尾")
    document.save(tmp_path / "form.docx")
    source = read_source(tmp_path / "form.docx")
    assert [line for line in source.lines if line] == ["前言", "控件里的段落", "结尾"]
    assert [p for p in source.facts.places if p] == ["¶1", "¶2", "¶3"]


def _numbered_document(path):
    """Headings numbered by a list definition (一、 （一） 1.), not typed."""
    from docx import Document
    from docx.oxml import parse_xml

    document = Document()
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate([("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")])
    )
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(f'<w:abstractNum xmlns:w="{w}" w:abstractNumId="90">{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num xmlns:w="{w}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for level, style, text in [
        (0, "Heading 2", "坚持政治引领"),
        (1, "Heading 3", "健全学习制度"),
        (2, None, "建立台账。"),
        (2, None, "按月通报。"),
        (1, "Heading 3", "压实工作责任"),
        (0, "Heading 2", "坚持融入中心"),
        (1, "Heading 3", "服务安全生产"),
    ]:
        paragraph = document.add_paragraph(text, style=style)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr xmlns:w="{w}"><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
        )
    document.save(path)
    return path


def test_automatic_numbering_is_printed_before_its_paragraphs(tmp_path):
    source = read_source(_numbered_document(tmp_path / "numbered.docx"))
    assert [line for line in source.lines if line] == [
        "## 一、坚持政治引领",
        "### （一）健全学习制度",
        "1. 建立台账。",
        "2. 按月通报。",
        "### （二）压实工作责任",
        "## 二、坚持融入中心",
        "### （一）服务安全生产",
    ]


def test_a_list_style_numbers_its_paragraphs(tmp_path):
    from docx import Document

    document = Document()
    for text in ("甲项", "乙项"):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("正文")
    document.save(tmp_path / "list.docx")
    assert [line for line in read_source(tmp_path / "list.docx").lines if line] == ["1. 甲项", "2. 乙项", "正文"]


@pytest.mark.parametrize(
    "number, text", [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"), (100, "一百"), (105, "一百零五"), (110, "一百一十")]
)
def test_chinese_counting(number, text):
    from zhenggong_report.sources.word_numbering import formatted

    assert formatted(number, "chineseCounting") == text
