"""What the outputs say a reader took from a file as fact."""

from __future__ import annotations

from zhenggong_report.models.source_files import SourceFacts
from zhenggong_report.sources import read_source, source_from_bytes
from zhenggong_report.sources.facts import facts_record, facts_summary

from conftest import FIXTURES
from source_fixtures import write_docx, write_pdf


def test_a_text_page_states_no_facts():
    source = source_from_bytes("# 标题\n\n正文。\n".encode("utf-8"), "page.txt")
    assert source.facts == SourceFacts()
    assert facts_record(source.facts) == {} and facts_summary(source.facts) == ()
    assert source.facts.place(2) == "2"


def test_a_word_document_s_facts_name_its_styles_table_and_footnotes(tmp_path):
    facts = read_source(write_docx(tmp_path / "c.docx")).facts
    assert facts_summary(facts)[0] == "段落样式：Heading 2 ×3、Normal ×5、Title ×1；表格 1 个（3 行）；脚注 2 条；行的出处为段落号（¶）"
    record = facts_record(facts)
    assert set(record) == {"places", "styles", "metadata"} and len(record["places"]) == len(record["styles"])


def test_a_pdf_s_facts_give_pages_columns_and_furniture_with_their_boxes(tmp_path):
    facts = read_source(write_pdf(tmp_path / "p.pdf")).facts
    record = facts_record(facts)
    assert record["pages"] == [list(span) for span in facts.pages]
    assert record["columns"][0][:2] == [1, 30.0] and len(record["columns"]) == 4
    assert record["furniture"][0]["role"] == "footer" and record["furniture"][0]["box"][0] == 1
    assert facts_summary(facts)[:2] == (
        "2 页，每页 2 栏，按栏阅读；行的出处为页、栏、行",
        "页眉页脚 3 行移出正文（页眉：枣庄矿业报\u30002026年1月5日\u3000星期一\u3000第3版\u3000党建）",
    )


def test_a_wechat_article_s_facts_are_its_metadata_and_the_chrome_left_out():
    summary = facts_summary(read_source(FIXTURES / "sources" / "wechat_article.html").facts)
    assert summary[0].startswith("公众号：枣矿融媒；作者：王宏伟；声明：原创；发布时间：2026年1月5日 08:00；发布地：山东；")
    assert summary[1].startswith("微信界面文字 5 段未计入正文：点击蓝字 关注我们、END、往期推荐")


def test_a_span_reads_as_paragraphs_or_pages_where_the_file_says_where_lines_were_printed(tmp_path):
    from zhenggong_report.render.view import source_label

    docx = read_source(write_docx(tmp_path / "c.docx"))
    assert source_label("c.docx", ((1, 5), (9, 9)), docx) == "c.docx:¶1–¶3,¶5"
    pdf = read_source(write_pdf(tmp_path / "p.pdf"))
    first, last = pdf.facts.pages
    assert source_label("p.pdf", ((3, first[1]),), pdf) == "p.pdf:第1页 第1栏 第1行–第2栏 第8行"
    assert source_label("p.pdf", ((3, last[1]),), pdf) == "p.pdf:第1页 第1栏 第1行–第2页 第2栏 第6行"
    assert source_label("p.pdf", ((1, 1),), pdf) == "p.pdf:第1页 页眉 第1行"
    text = source_from_bytes("标题\n\n正文。\n".encode("utf-8"), "page.txt")
    assert source_label("page.txt", ((1, 3),), text) == "page.txt:1–3"
