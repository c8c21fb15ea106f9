"""Article text to HTML: prose reads as printed, markup never becomes live, theme terms are marked."""

from __future__ import annotations

import pytest

from zhenggong_report.models.parsed import Paragraph
from zhenggong_report.render.markdown import BodyRenderer, is_safe_link, mark_first, mark_span, terms_pattern


@pytest.fixture(scope="module")
def renderer() -> BodyRenderer:
    return BodyRenderer()


def paragraph(text: str, kind: str = "text") -> Paragraph:
    return Paragraph(kind, text, ((1, 1),))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1. 坚持党建引领，不是列表。", "<p>1. 坚持党建引领，不是列表。</p>"),
        ("2) 第二条", "<p>2) 第二条</p>"),
        ("# 不是标题", "<p># 不是标题</p>"),
        ("## 也不是标题", "<p>## 也不是标题</p>"),
        ("> 不是引用", "<p>&gt; 不是引用</p>"),
        ("- 不是列表", "<p>- 不是列表</p>"),
        ("+ 不是列表", "<p>+ 不是列表</p>"),
        ("    缩进的段落不是代码块", "<p>    缩进的段落不是代码块</p>"),
        ("---", "<p>---</p>"),
        ("===", "<p>===</p>"),
    ],
)
def test_block_syntax_at_a_paragraph_start_reads_as_printed(renderer, text, expected) -> None:
    assert renderer.paragraphs([paragraph(text)]) == expected


def test_headings_are_headings_and_text_is_paragraphs(renderer) -> None:
    html = renderer.paragraphs([paragraph("一、强化思想引领", "heading"), paragraph("正文。")], heading_level=4)
    assert html == "<h4>一、强化思想引领</h4>\n<p>正文。</p>"


def test_a_roll_list_of_names_or_units_is_a_names_paragraph(renderer) -> None:
    """The people and units a 决定 commends, read apart by single spaces: ``names`` (styled so that a
    line breaks only between two names); prose, a two-part headline and a spaced sentence are not."""
    rolls = ["王斌 李建华 张伟 陈玉梅 刘敏", "炼油厂党委 化肥厂党委 动力厂运行二车间党支部 集团公司机关第三党支部"]
    prose = ["希望受到表彰的先进基层党组织和优秀共产党员珍惜荣誉、再接再厉。", "用心用情解民忧 依法依规化矛盾",
             "2025年，集团公司 各级党组织 坚持以习近平新时代中国特色社会主义思想为指导。"]
    html = renderer.paragraphs([paragraph(text) for text in rolls + prose], terms=["党支部"])
    assert html.split("\n") == [
        '<p class="names">王斌 李建华 张伟 陈玉梅 刘敏</p>',
        '<p class="names">炼油厂党委 化肥厂党委 动力厂运行二车间<b>党支部</b> 集团公司机关第三<b>党支部</b></p>',
    ] + [f"<p>{text}</p>" for text in prose]
    assert renderer.paragraphs([paragraph("王斌 李建华 张伟", "heading")]) == "<h4>王斌 李建华 张伟</h4>"


def test_inline_emphasis_and_code_spans_still_work(renderer) -> None:
    html = renderer.inline("要**高度重视**`三会一课`")
    assert html == "要<strong>高度重视</strong><code>三会一课</code>"


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        '<a href="javascript:alert(1)">点这里</a>',
        "<svg onload=alert(1)></svg>",
        '<iframe src="javascript:alert(1)"></iframe>',
        "<style>body{display:none}</style>",
    ],
)
def test_raw_html_is_shown_as_text(renderer, source) -> None:
    html = renderer.inline(f"前文{source}后文")
    assert "<" not in html.replace("&lt;", "")
    assert html.startswith("前文&lt;")


@pytest.mark.parametrize(
    "source",
    [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](java\tscript:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](vbscript:msgbox(1))",
        "[x](file:///etc/passwd)",
        "[x](relative/path.html)",
        "<javascript:alert(1)>",
    ],
)
def test_links_with_unsafe_schemes_stay_literal_text(renderer, source) -> None:
    html = renderer.inline(source)
    assert "<a" not in html
    assert "href" not in html


def test_safe_links_keep_working_without_a_referrer(renderer) -> None:
    html = renderer.inline("[网页](https://example.com/党建) <mailto:editor@example.com>")
    assert '<a href="https://example.com/%E5%85%9A%E5%BB%BA" rel="noopener noreferrer">网页</a>' in html
    assert '<a href="mailto:editor@example.com" rel="noopener noreferrer">mailto:editor@example.com</a>' in html


def test_images_are_never_loaded(renderer) -> None:
    html = renderer.inline("![图](https://example.com/x.png)")
    assert "<img" not in html


def test_entities_are_left_as_printed(renderer) -> None:
    assert renderer.inline("&lt;b&gt; &amp; &copy;") == "&amp;lt;b&amp;gt; &amp;amp; &amp;copy;"


def test_is_safe_link() -> None:
    assert is_safe_link("https://example.com")
    assert is_safe_link("HTTP://example.com")
    assert is_safe_link("mailto:a@b.c")
    assert not is_safe_link(" javascript:alert(1)")
    assert not is_safe_link("java\nscript:alert(1)")
    assert not is_safe_link("#a-12345678")
    assert not is_safe_link("//example.com/x")


def test_terms_are_marked_longest_first(renderer) -> None:
    html = renderer.paragraphs([paragraph("推动党建融合，加强党建。")], ["党建", "党建融合"])
    assert html == "<p>推动<b>党建融合</b>，加强<b>党建</b>。</p>"


def test_terms_are_not_marked_inside_links_or_code(renderer) -> None:
    html = renderer.paragraphs([paragraph("[党建](https://example.com/党建) `党建` 党建")], ["党建"])
    assert html.count("<b>") == 1
    assert html.endswith(" <b>党建</b></p>")


def test_adjacent_terms_are_one_run(renderer) -> None:
    html = renderer.paragraphs([paragraph("推动党建引领工会工作")], ["党建引领", "工会"])
    assert html == "<p>推动<b>党建引领工会</b>工作</p>"


def test_terms_with_regex_characters_are_literal(renderer) -> None:
    html = renderer.paragraphs([paragraph("“党建+工会”和党建工会")], ["党建+工会"])
    assert html == "<p>“<b>党建+工会</b>”和党建工会</p>"


def test_terms_pattern_of_nothing_is_none() -> None:
    assert terms_pattern([]) is None
    assert terms_pattern(["", ""]) is None


def test_mark_span_escapes_and_marks() -> None:
    assert mark_span("<b>党建</b>引领", 3, 5) == "&lt;b&gt;<mark>党建</mark>&lt;/b&gt;引领"


def test_mark_span_keeps_a_window_of_context() -> None:
    text = "甲" * 100 + "党建" + "乙" * 100
    html = mark_span(text, 100, 102, width=10)
    assert html == "…" + "甲" * 10 + "<mark>党建</mark>" + "乙" * 10 + "…"


def test_mark_span_out_of_range_marks_nothing() -> None:
    assert mark_span("党建引领", 3, 9) == "党建引领"
    assert mark_span("党建引领", 2, 2) == "党建引领"


def test_mark_first_finds_the_needle() -> None:
    assert mark_first("学习“三会一课”制度", "三会一课") == "学习“<mark>三会一课</mark>”制度"
    assert mark_first("学习制度", "三会一课") == "学习制度"


def test_prose_without_inline_syntax_skips_the_parser_with_identical_html(seed_corpus) -> None:
    """The fast path for plain prose renders exactly what markdown-it renders."""
    from zhenggong_report.render.markdown import BodyRenderer, terms_pattern

    renderer = BodyRenderer()
    pattern = terms_pattern(["党建", "党建工作", "工会", "融合", "“三会一课”", '"引号"'])
    crafted = ['他说"好"的', "党建+工会#1", "a'b", "50%以上", "1. 列表", "# 标题", "> 引用", "- 项", "a  b", "{x}", "@人", "x^2=$5"]
    texts = [p.text for a in seed_corpus.articles for p in a.paragraphs] + crafted
    for text in texts:
        for terms in (None, pattern):
            assert renderer.inline(text, terms) == renderer.parsed_inline(text, terms), text
