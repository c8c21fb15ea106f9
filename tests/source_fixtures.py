"""Source files made by the tests themselves, with the same libraries' writers: a Word document
(python-docx) and PDF e-paper pages (reportlab, its built-in Chinese CID font STSong-Light)."""

from __future__ import annotations

from pathlib import Path

DOCX_TITLE = "以高质量党建引领企业高质量发展"
DOCX_AUTHOR_LINE = "作者：张晓东"
DOCX_UNIT_LINE = "单位：山东能源枣矿集团党委组织部"
DOCX_BODY = [
    ("heading", "一、坚持政治引领，把牢发展方向"),
    ("text", "集团党委始终把政治建设摆在首位，认真落实“第一议题”制度[1]，全年组织中心组集中学习12次，推动党的创新理论入脑入心。"),
    ("heading", "（一）健全学习制度"),
    ("text", "各基层党组织建立“三会一课”台账，党员领导干部带头讲党课86场，覆盖党员3200余名。"),
    ("table", [["指标", "2024年", "2025年"], ["党员人数", "3100", "3200"], ["讲党课场次", "64", "86"]]),
    ("heading", "二、坚持融入中心，服务生产经营"),
    ("text", "围绕安全生产和提质增效，设立党员先锋岗126个，开展“党建+安全”主题活动[2]，全年实现安全生产零事故。"),
]
DOCX_FOOTNOTES = {1: "“第一议题”制度：党委会议第一项议题学习习近平总书记重要讲话精神。", 2: "见《枣矿集团2025年党建工作要点》。"}


def write_docx(path: Path) -> Path:
    """A contribution as a Word document: title, 作者/单位 lines, numbered headings, a table, footnotes."""
    from docx import Document

    document = Document()
    document.core_properties.title = DOCX_TITLE
    document.core_properties.author = "张晓东"
    document.add_paragraph(DOCX_TITLE, style="Title")
    document.add_paragraph(DOCX_AUTHOR_LINE)
    document.add_paragraph(DOCX_UNIT_LINE)
    for kind, content in DOCX_BODY:
        if kind == "heading":
            document.add_paragraph(content, style="Heading 2")
        elif kind == "table":
            table = document.add_table(rows=len(content), cols=len(content[0]))
            for row, values in zip(table.rows, content):
                for cell, value in zip(row.cells, values):
                    cell.text = value
        else:
            _paragraph_with_footnote_marks(document, content)
    _add_footnotes(document, DOCX_FOOTNOTES)
    document.save(path)
    return path


def _paragraph_with_footnote_marks(document, text: str) -> None:
    """A paragraph whose ``[n]`` marks become Word footnote references."""
    import re

    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = document.add_paragraph()
    for piece in re.split(r"(\[\d+\])", text):
        if re.fullmatch(r"\[\d+\]", piece):
            run = paragraph.add_run()
            reference = OxmlElement("w:footnoteReference")
            reference.set(qn("w:id"), piece[1:-1])
            run._r.append(reference)
        elif piece:
            paragraph.add_run(piece)


def _add_footnotes(document, notes: dict[int, str]) -> None:
    """The footnotes part python-docx has no writer for, made from its XML."""
    from xml.sax.saxutils import escape

    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(
        f'<w:footnote w:id="{n}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {escape(t)}</w:t></w:r></w:p></w:footnote>'
        for n, t in notes.items()
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{w}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        f"{body}</w:footnotes>"
    )
    content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    part = Part(PackURI("/word/footnotes.xml"), content_type, xml.encode("utf-8"), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


PDF_HEADER = "枣庄矿业报　2026年1月5日　星期一　第3版　党建"
PDF_ARTICLES = [
    (
        "党建引领聚合力",
        "□ 张晓东",
        [
            "集团党委始终把政治建设摆在首位，认真落实第一议题制度，全年组织中心组集中学习12次，推动党的创新理论入脑入心、见行见效。",
            "各基层党组织建立三会一课台账，党员领导干部带头讲党课86场，覆盖党员3200余名，党员教育管理更加规范。",
            "围绕安全生产和提质增效，集团设立党员先锋岗126个，开展党建加安全主题活动，全年实现安全生产零事故，职工群众的获得感不断增强。",
        ],
    ),
    (
        "做好新时代信访工作",
        "□ 李文华",
        [
            "信访工作是党的群众工作的重要组成部分。公司坚持和发展新时代枫桥经验，推动矛盾纠纷就地化解，全年受理职工来信来访48件，办结率达到百分之百。",
            "公司完善领导干部接访下访制度，每月确定一个接待日，班子成员轮流坐班，当面听取职工的意见和建议，能解决的当场解决，一时解决不了的限期答复。",
            "下一步，公司将继续压实信访工作责任，把问题解决在基层、化解在萌芽状态，为企业改革发展营造和谐稳定的良好环境。",
        ],
    ),
]
PAGE_WIDTH, PAGE_HEIGHT, MARGIN, GUTTER = 400.0, 240.0, 30.0, 20.0
BODY_SIZE, BODY_LEADING, TITLE_SIZE, TITLE_LEADING = 10.5, 15.0, 16.0, 24.0
BODY_TOP, BODY_BOTTOM = 52.0, 202.0


def write_pdf(
    path: Path,
    columns: int = 2,
    header: str = PDF_HEADER,
    encrypt: str | None = None,
    title_across: bool = False,
    photo_page: bool = False,
    even_header: str | None = None,
    articles: list = PDF_ARTICLES,
) -> Path:
    """The PDF e-paper page of ``articles`` (:data:`PDF_ARTICLES`), in ``columns`` columns, a running header and a
    page-number footer on every page; paragraphs open with a two-character indent. With
    ``title_across`` the first title is set centred over all the columns (通栏标题); with
    ``photo_page`` a page holding only a picture (no text) comes first; with ``even_header`` the
    even pages carry that running head instead (a journal's title on one side, its name on the other)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path), pagesize=(PAGE_WIDTH, PAGE_HEIGHT), encrypt=encrypt, invariant=1)
    if photo_page:
        pdf.rect(MARGIN, MARGIN, PAGE_WIDTH - 2 * MARGIN, PAGE_HEIGHT - 2 * MARGIN, fill=1)
        pdf.showPage()
    width = (PAGE_WIDTH - 2 * MARGIN - (columns - 1) * GUTTER) / columns
    frames = _Frames(pdf, columns, width, header, even_header or header)
    for number, (title, byline, paragraphs) in enumerate(articles):
        if number:
            frames.skip(BODY_LEADING)
        if title_across and not number:
            frames.across(title, TITLE_SIZE, TITLE_LEADING)
        else:
            frames.line(title, TITLE_SIZE, TITLE_LEADING)
        frames.line(byline, BODY_SIZE, BODY_LEADING + 6)
        for text in paragraphs:
            per_line = int(width // BODY_SIZE)
            first, rest = text[: per_line - 2], text[per_line - 2 :]
            frames.line(first, BODY_SIZE, BODY_LEADING, indent=2 * BODY_SIZE)
            for start in range(0, len(rest), per_line):
                frames.line(rest[start : start + per_line], BODY_SIZE, BODY_LEADING)
    frames.finish()
    pdf.save()
    return path


class _Frames:
    """Columns filled top to bottom, left to right, page after page; each page gets its furniture."""

    def __init__(self, pdf, columns: int, width: float, header: str, even_header: str) -> None:
        self.pdf, self.columns, self.width, self.header, self.even_header = pdf, columns, width, header, even_header
        self.page, self.column, self.y, self.top = 1, 0, BODY_TOP, BODY_TOP
        self._furniture()

    def _furniture(self) -> None:
        self.pdf.setFont("STSong-Light", 9)
        self.pdf.drawString(MARGIN, PAGE_HEIGHT - 22, self.even_header if self.page % 2 == 0 else self.header)
        self.pdf.drawCentredString(PAGE_WIDTH / 2, 16, f"— {self.page} —")

    def across(self, text: str, size: float, leading: float) -> None:
        """A line centred over the whole width; the columns start below it."""
        self.pdf.setFont("STSong-Light", size)
        self.pdf.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - self.y - size, text)
        self.y += leading
        self.top = self.y

    def skip(self, height: float) -> None:
        self.y += height

    def line(self, text: str, size: float, leading: float, indent: float = 0.0) -> None:
        if self.y + size > BODY_BOTTOM:
            self._next_column()
        x = MARGIN + self.column * (self.width + GUTTER) + indent
        self.pdf.setFont("STSong-Light", size)
        self.pdf.drawString(x, PAGE_HEIGHT - self.y - size, text)
        self.y += leading

    def _next_column(self) -> None:
        self.column, self.y = self.column + 1, self.top
        if self.column == self.columns:
            self.pdf.showPage()
            self.page, self.column, self.y = self.page + 1, 0, BODY_TOP
            self.top = BODY_TOP
            self._furniture()

    def finish(self) -> None:
        self.pdf.showPage()


def article_fields(article) -> dict:
    """What the fixtures hold an article to: title, byline and its paragraphs (kind, text)."""
    return {
        "title": article.title,
        "author": article.author,
        "affiliation": article.affiliation,
        "paragraphs": [(p.kind, p.text) for p in article.paragraphs],
    }
