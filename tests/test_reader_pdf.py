"""The PDF reader: running header and footer out of the text, columns read in order, page
breaks known; two columns give the same articles as one."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from zhenggong_report.errors import InputError
from zhenggong_report.parse import parse_page
from zhenggong_report.sources import read_source

from invariants import assert_nothing_lost
from source_fixtures import PDF_ARTICLES, PDF_HEADER, article_fields, write_pdf


@pytest.fixture(scope="module")
def pdf_sources(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdf")
    return {columns: read_source(write_pdf(folder / f"paper-{columns}.pdf", columns)) for columns in (1, 2)}


@pytest.fixture(scope="module")
def pdf_results(pdf_sources, segmenter):
    return {columns: parse_page(source, segmenter) for columns, source in pdf_sources.items()}


def _printed_characters(path) -> Counter:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return Counter(c["text"] for page in pdf.pages for c in page.chars if c["text"].strip())


def test_the_running_header_and_footer_leave_the_text_and_are_kept_as_furniture(pdf_sources):
    source = pdf_sources[2]
    pages = len(source.facts.pages)
    assert pages == 2
    assert [(f.page, f.role, f.text) for f in source.facts.furniture] == [(1, "footer", "— 1 —")] + [
        (page, role, text) for page in range(2, pages + 1) for role, text in (("header", PDF_HEADER), ("footer", f"— {page} —"))
    ]
    assert [line for line in source.lines if "枣庄矿业报" in line or re.fullmatch(r"— \d+ —", line)] == [PDF_HEADER]


def test_the_first_page_s_header_opens_the_text_and_tells_the_parser_the_date(pdf_sources, pdf_results):
    source = pdf_sources[2]
    assert source.lines[0] == PDF_HEADER and source.facts.place(1) == "第1页 页眉 第1行"
    assert source.facts.styles[0] == "header"
    assert [(l.text, l.lines) for l in pdf_results[2].leftovers] == [(PDF_HEADER, ((1, 1),))]
    assert (pdf_results[2].note.meta.date, pdf_results[2].note.meta.edition) == ("2026-01-05", "第3版")


@pytest.mark.parametrize("columns", [1, 2])
def test_every_printed_character_is_in_the_text_or_the_furniture(pdf_sources, tmp_path, columns):
    source = pdf_sources[columns]
    path = write_pdf(tmp_path / "again.pdf", columns)
    text = "".join(line.removeprefix("# ") for line in source.lines) + "".join(f.text for f in source.facts.furniture)
    assert Counter(c for c in text if c.strip()) == _printed_characters(path)


def test_columns_are_read_left_then_right_page_by_page(pdf_sources):
    facts = pdf_sources[2].facts
    assert [(box.page, box.x0 < 100) for box in facts.columns] == [(1, True), (1, False), (2, True), (2, False)]
    first_of_page_2 = facts.pages[1][0]
    assert facts.place(first_of_page_2) == "第2页 第1栏 第1行"
    assert pdf_sources[2].lines[first_of_page_2 - 1] == PDF_ARTICLES[1][1]  # the byline opens page 2
    assert facts.place(facts.pages[0][1]) == "第1页 第2栏 第8行"


def test_titles_come_from_the_type_size(pdf_sources):
    titles = [line for line in pdf_sources[2].lines if line.startswith("# ")]
    assert titles == [f"# {title}" for title, _, _ in PDF_ARTICLES]


@pytest.mark.parametrize("columns", [1, 2])
def test_the_pages_parse_into_their_articles_with_nothing_lost(pdf_sources, pdf_results, columns):
    result = pdf_results[columns]
    assert_nothing_lost(pdf_sources[columns], list(result.articles) + list(result.leftovers))
    expected = [
        {"title": title, "author": byline.removeprefix("□ "), "affiliation": None, "paragraphs": [("text", p) for p in paragraphs]}
        for title, byline, paragraphs in PDF_ARTICLES
    ]
    assert [article_fields(a) for a in result.articles] == expected
    assert [leftover.text for leftover in result.leftovers] == [PDF_HEADER]


def test_two_columns_and_a_running_header_give_the_same_articles_as_one_column(pdf_results):
    one, two = ([article_fields(a) for a in pdf_results[n].articles] for n in (1, 2))
    assert one == two and len(one) == 2


def test_a_title_across_both_columns_is_read_before_them(tmp_path, pdf_results, segmenter):
    source = read_source(write_pdf(tmp_path / "across.pdf", title_across=True))
    assert source.lines[2] == f"# {PDF_ARTICLES[0][0]}" and source.facts.place(3) == "第1页 通栏 第1行"
    assert source.facts.place(5) == "第1页 第1栏 第1行"
    result = parse_page(source, segmenter)
    assert_nothing_lost(source, list(result.articles) + list(result.leftovers))
    assert [article_fields(a) for a in result.articles] == [article_fields(a) for a in pdf_results[1].articles]


def test_an_encrypted_pdf_is_refused_by_name(tmp_path):
    path = write_pdf(tmp_path / "locked.pdf", encrypt="secret")
    with pytest.raises(InputError, match="encrypted PDF") as raised:
        read_source(path)
    assert raised.value.path == str(path)


def test_an_image_only_pdf_is_refused_by_name(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(400, 240))
    pdf.rect(20, 20, 360, 200, fill=1)
    pdf.showPage()
    pdf.save()
    with pytest.raises(InputError, match="no text in this PDF") as raised:
        read_source(path)
    assert raised.value.path == str(path)


@pytest.mark.parametrize("data", [b"%PDF-1.4\n\x00 broken", "版面文字".encode("utf-8")], ids=["damaged", "text renamed"])
def test_a_file_that_is_no_readable_pdf_is_refused_by_name(tmp_path, data):
    path = tmp_path / "paper.pdf"
    path.write_bytes(data)
    with pytest.raises(InputError, match="PDF") as raised:
        read_source(path)
    assert raised.value.path == str(path)


def test_a_character_printed_twice_for_bold_is_read_once(tmp_path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "bold.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(400, 240))
    pdf.setFont("STSong-Light", 16)
    for offset in (0, 0.3):  # how some e-papers set bold titles
        pdf.drawString(30 + offset, 200, "党建引领聚合力")
    pdf.setFont("STSong-Light", 10.5)
    pdf.drawString(30, 170, "集团党委始终把政治建设摆在首位。")
    pdf.save()
    assert [line for line in read_source(path).lines if line] == ["# 党建引领聚合力", "集团党委始终把政治建设摆在首位。"]  # one page: no furniture


def test_a_page_with_only_a_picture_leaves_the_others_furniture_alone(tmp_path, pdf_sources):
    source = read_source(write_pdf(tmp_path / "photo.pdf", photo_page=True))
    assert source.lines == pdf_sources[2].lines
    assert source.facts.pages[0] == (0, 0) and len(source.facts.furniture) == 3
    assert {f.page for f in source.facts.furniture} == {2, 3}
    assert source.facts.place(1) == "第2页 页眉 第1行"


def test_running_heads_that_alternate_between_odd_and_even_pages_are_furniture(tmp_path, segmenter):
    articles = PDF_ARTICLES + [(f"{title}（续）", byline, paragraphs) for title, byline, paragraphs in PDF_ARTICLES]
    path = write_pdf(tmp_path / "journal.pdf", 1, "党建研究　2026年第1期", even_header="基层党建实践", articles=articles)
    source = read_source(path)
    pages = len(source.facts.pages)
    assert pages >= 4
    heads = [(f.page, f.text) for f in source.facts.furniture if f.role == "header"]
    assert heads == [(page, "基层党建实践" if page % 2 == 0 else "党建研究\u30002026年第1期") for page in range(2, pages + 1)]
    result = parse_page(source, segmenter)
    assert_nothing_lost(source, list(result.articles) + list(result.leftovers))
    assert [a.title for a in result.articles] == [title for title, _, _ in articles]


def test_a_raised_footnote_mark_stays_on_its_line(tmp_path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "note.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(400, 240))
    pdf.setFont("STSong-Light", 10.5)
    pdf.drawString(30, 170, "落实第一议题制度")
    pdf.setFont("STSong-Light", 6)
    pdf.drawString(30 + 8 * 10.5, 174, "1")
    pdf.setFont("STSong-Light", 10.5)
    pdf.drawString(30 + 8 * 10.5 + 3.5, 170, "，全年组织学习。")
    pdf.drawString(30, 155, "第二行。")
    pdf.save()
    assert [line for line in read_source(path).lines if line] == ["落实第一议题制度1，全年组织学习。", "第二行。"]
