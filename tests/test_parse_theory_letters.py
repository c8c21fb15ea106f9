"""Layouts of a 理论·党建 page and its letters: a title over ``（上接第1版）…``, names with their unit
in brackets under a research article's title, ``本报评论员`` alone as a commentary's byline, a
letter signed from a place, the editor's reply after it, letter-spaced authors of references."""

from __future__ import annotations

import pytest

from zhenggong_report.parse.blocks.base import name_list

from page_text import parse_text

BODY = "　　集团公司党委制定基层党支部工作标准手册，对支部设置、组织生活、党员管理等6个方面\n42项工作逐项明确标准。\n"
LETTER = (
    "站台上的“爱心通道”能否再延长些\n　　编辑同志：\n"
    "　　近来张掖西站为老年旅客开设了“爱心通道”，进站很方便。但通\n道只开到检票口，希望车站能把服务延伸到车厢门口。\n"
)


@pytest.mark.parametrize("jump", ["（上接第1版）", "（接第2版）", "(上接第A1版)"])
def test_a_title_over_a_paragraph_opening_with_a_jump_is_its_title(jump, segmenter) -> None:
    page = f"守好钢铁驼峰　当好高原先锋\n{jump}在海拔3000米以上的隧道群，工务\n段党委把党小组建在巡道工区。\n"
    result = parse_text(page, segmenter)
    [article] = result.articles
    assert article.title == "守好钢铁驼峰 当好高原先锋"
    assert article.partial and article.continued_from.startswith("第")
    assert article.body == "在海拔3000米以上的隧道群，工务段党委把党小组建在巡道工区。"


def test_a_bracketed_aside_opening_a_wrapped_line_runs_on(segmenter) -> None:
    """Only a jump opens a paragraph of its own: other brackets at a line's start run on."""
    page = "　　全段职工共2000余人\n（含外委人员）参加了安全知识答题。\n"
    [article] = parse_text(page, segmenter).articles
    assert article.body == "全段职工共2000余人（含外委人员）参加了安全知识答题。"
    assert not article.partial


@pytest.mark.parametrize(
    ("byline", "authors", "unit"),
    [
        ("王　强　刘海燕（陇原局集团公司党校）", ("王强", "刘海燕"), "陇原局集团公司党校"),
        ("李林（西铭矿党群工作部）", ("李林",), "西铭矿党群工作部"),
        ("张 三　李四(某某铁路公司车务段)", ("张三", "李四"), "某某铁路公司车务段"),
    ],
)
def test_names_with_their_unit_in_brackets_under_a_title_are_its_byline(byline, authors, unit, segmenter) -> None:
    page = f"新时代铁路企业基层党支部标准化规范化\n建设的实践路径\n{byline}\n\n{BODY}"
    [article] = parse_text(page, segmenter).articles
    assert article.title == "新时代铁路企业基层党支部标准化规范化建设的实践路径"
    assert (article.authors, article.affiliation) == (authors, unit)
    assert article.body.startswith("集团公司党委制定")


def test_a_name_with_a_bracket_that_names_no_unit_is_no_affiliation(segmenter) -> None:
    page = f"新时代铁路企业基层党支部建设的实践路径\n李林（右二）\n\n{BODY}"
    [article] = parse_text(page, segmenter).articles
    assert article.affiliation is None
    assert "右二" not in (article.affiliation or "") and article.authors != ("李林",)


def test_letter_spaced_names_beside_an_unspaced_one_are_names_of_their_own() -> None:
    assert name_list("王 强 刘海燕") == ("王强", "刘海燕")
    assert name_list("刘海燕 王 强 李 明") == ("刘海燕", "王强", "李明")
    assert name_list("李 林") == ("李林",)


@pytest.mark.parametrize("byline", ["本报评论员", "本刊评论员", "评　论　员"])
def test_a_commentators_role_alone_under_a_title_is_a_byline_naming_no_one(byline, segmenter) -> None:
    page = f"言论\n\n党员就要往难处站\n{byline}\n　　铁路安全无小事。越是大风沙尘的时候，\n越需要党员站出来、顶上去。\n"
    [article] = parse_text(page, segmenter).articles
    assert (article.title, article.authors) == ("党员就要往难处站", ())
    assert article.body == "铁路安全无小事。越是大风沙尘的时候，越需要党员站出来、顶上去。"


def test_a_commentators_role_inside_a_sentence_stays_text(segmenter) -> None:
    page = "党员就要往难处站\n■ 张三\n\n　　本报评论员认为，越是大风沙尘的时候，\n越需要党员站出来、顶上去。\n"
    [article] = parse_text(page, segmenter).articles
    assert (article.authors, article.body[:7]) == (("张三",), "本报评论员认为")


@pytest.mark.parametrize("signed", ["——张掖市甘州区　赵　刚", "——甘肃省武威市 赵刚", "—— 兰州市城关区 赵刚"])
def test_a_letter_signed_from_a_place_is_the_writers_with_no_unit(signed, segmenter) -> None:
    [article] = parse_text(f"{LETTER}　　　　　　{signed}\n", segmenter).articles
    assert (article.title, article.authors, article.affiliation) == ("站台上的“爱心通道”能否再延长些", ("赵刚",), None)
    assert "赵" not in article.body


def test_a_letter_signed_from_a_unit_keeps_the_unit(segmenter) -> None:
    [article] = parse_text(f"{LETTER}　　　　　　——嘉峪关工务段　赵　刚\n", segmenter).articles
    assert (article.authors, article.affiliation) == (("赵刚",), "嘉峪关工务段")


@pytest.mark.parametrize("label", ["编者回复：", "编后：", "【编后】", "编者附言："])
def test_the_editors_reply_after_a_letter_is_its_editor_note(label, segmenter) -> None:
    reply = f"　　{label}本报将来信转给张掖西站。车站回复，已安排\n志愿者到站台引导。\n"
    result = parse_text(f"{LETTER}　　　　　　——张掖市甘州区　赵　刚\n{reply}\n", segmenter)
    [article] = result.articles
    assert article.authors == ("赵刚",)
    assert article.editor_note == "本报将来信转给张掖西站。车站回复，已安排志愿者到站台引导。"
    assert "本报将来信" not in article.body and article.lines == ((1, 7),)


def test_an_editors_note_above_an_article_still_opens_the_article_below(segmenter) -> None:
    page = f"　　编者按：本版今起开设专栏，敬请关注。\n\n{LETTER}　　　　　　——张掖市甘州区　赵　刚\n"
    [article] = parse_text(page, segmenter).articles
    assert article.editor_note == "本版今起开设专栏，敬请关注。"


def test_a_reply_named_inside_a_paragraph_stays_text(segmenter) -> None:
    page = "候车服务再升级\n\n　　车站收到旅客来信后，编者回复：的做法得到肯定，\n车站随即增设爱心通道。\n"
    [article] = parse_text(page, segmenter).articles
    assert article.editor_note is None and "编者回复" in article.body


def test_a_references_letter_spaced_author_is_one_name(segmenter) -> None:
    page = (f"新时代铁路企业基层党支部建设的实践路径\n王　强（陇原局集团公司党校）\n\n{BODY}"
            "【参考文献】\n[1]李　明.国有企业基层党支部标准化建设研究[J].党建\n研究，2023（6）：45-47.\n"
            "[2]张建华.铁路企业党建工作创新的思考[J].铁道政工，2024（3）：12-15.\n")
    [article] = parse_text(page, segmenter).articles
    assert article.references == ("李明.国有企业基层党支部标准化建设研究[J].党建研究，2023（6）：45-47.",
                                  "张建华.铁路企业党建工作创新的思考[J].铁道政工，2024（3）：12-15.")


@pytest.mark.parametrize("band", ["理论前沿", "党建前沿"])
def test_a_short_line_ending_in_qianyan_is_a_column_band(band, segmenter) -> None:
    result = parse_text(f"{band}\n\n新时代铁路企业基层党支部建设的实践路径\n王　强\n\n{BODY}", segmenter)
    assert [(l.kind, l.text) for l in result.leftovers] == [("column_name", band)]
    assert [a.title for a in result.articles] == ["新时代铁路企业基层党支部建设的实践路径"]


def test_a_longer_line_ending_in_qianyan_stays_a_title(segmenter) -> None:
    result = parse_text(f"党员冲在抢险最前沿\n王　强\n\n{BODY}", segmenter)
    assert [a.title for a in result.articles] == ["党员冲在抢险最前沿"]


WRAPPED = "　　本报评论员认为，越是艰苦的地方，越需要党员站出来。在抢险一线，\n党员干部冲锋在前，群众看在眼里。\n　　这是党员的本色。\n"


@pytest.mark.parametrize("line", ["党员就要往难处站", "班组建设的几点做法", "让党旗在井场高高飘扬"])
def test_a_short_line_alone_over_an_indented_paragraph_is_not_run_into_it(line, segmenter) -> None:
    """On a hard-wrapped page too, the indent under a blank line opens a paragraph: the line above
    stays a paragraph of its own (no byline says it is a title, so none is claimed)."""
    [article] = parse_text(f"{line}\n\n{WRAPPED}", segmenter).articles
    assert [p.text for p in article.paragraphs][:2] == [
        line, "本报评论员认为，越是艰苦的地方，越需要党员站出来。在抢险一线，党员干部冲锋在前，群众看在眼里。"]


def test_a_paragraph_broken_by_a_blank_line_without_an_indent_is_still_joined(segmenter) -> None:
    page = "　　矿党委坚持把班组建设作为基础工程来抓，在全矿推行班组长竞聘上岗\n\n制度，选拔出一批懂技术、会管理的班组长。\n"
    [article] = parse_text(page, segmenter).articles
    assert [p.text for p in article.paragraphs] == ["矿党委坚持把班组建设作为基础工程来抓，在全矿推行班组长竞聘上岗制度，选拔出一批懂技术、会管理的班组长。"]


SPEECH = "　　这次会议的主要任务是，总结去年党建工作，安排部署今年重点任务。\n"


@pytest.mark.parametrize("speaker", ["党委书记　董事长　刘建国", "党委书记、董事长　刘建国", "总经理 刘 建 国"])
def test_a_speakers_offices_before_the_name_are_no_authors(speaker, segmenter) -> None:
    [article] = parse_text(f"在公司2026年党建工作会议上的讲话（摘要）\n{speaker}\n\n同志们：\n{SPEECH}", segmenter).articles
    assert (article.title, article.authors, article.author_roles) == ("在公司2026年党建工作会议上的讲话（摘要）", ("刘建国",), (None,))
    assert article.role == ("总经理" if speaker.startswith("总经理") else "党委书记、董事长")  # the speaker's position


def test_offices_alone_under_a_title_name_no_speaker(segmenter) -> None:
    [article] = parse_text(f"在公司2026年党建工作会议上的讲话\n党委书记　董事长\n\n{SPEECH}", segmenter).articles
    assert "刘建国" not in article.authors and "党委书记" not in article.authors


@pytest.mark.parametrize("remark", ["（根据录音整理，有删节）", "（本文有删节）", "(根据讲话录音整理)"])
def test_the_editors_remark_under_a_transcript_is_its_editor_note(remark, segmenter) -> None:
    page = f"做新时代合格共产党员\n◎张　慧（塔山煤矿党委）\n\n{SPEECH}{remark}\n"
    [article] = parse_text(page, segmenter).articles
    assert article.editor_note == remark[1:-1]
    assert remark not in article.body and article.lines == ((1, 5),)


def test_a_bracketed_aside_with_no_remark_word_stays_text(segmenter) -> None:
    page = f"做新时代合格共产党员\n◎张　慧（塔山煤矿党委）\n\n{SPEECH}（掌声）\n"
    [article] = parse_text(page, segmenter).articles
    assert article.editor_note is None and "掌声" in article.body


@pytest.mark.parametrize("band", ["微党课", "党课"])
def test_a_party_lecture_band_is_a_column_name(band, segmenter) -> None:
    result = parse_text(f"{band}\n\n做新时代合格共产党员\n◎张　慧\n\n{SPEECH}", segmenter)
    assert [(l.kind, l.text) for l in result.leftovers] == [("column_name", band)]
    assert [a.title for a in result.articles] == ["做新时代合格共产党员"]


REVIEW = ("匠心是一辈子的修行\n——读《大国工匠》\n□　张　伟\n《大国工匠》，李　明著，人民出版社2025年出版\n\n"
          "　　读完《大国工匠》，我在扉页上写下一句话：匠心是一辈子的修行。\n")


def test_a_reviews_book_line_under_its_byline_is_its_reference(segmenter) -> None:
    """The book a review reads, on the line under its byline: its reference (the letter-spaced
    author closed up), neither a byline nor text."""
    [article] = parse_text(REVIEW, segmenter).articles
    assert (article.authors, article.subtitle) == (("张伟",), "读《大国工匠》")
    assert article.references == ("《大国工匠》，李明著，人民出版社2025年出版",)
    assert [p.text for p in article.paragraphs] == ["读完《大国工匠》，我在扉页上写下一句话：匠心是一辈子的修行。"]
    assert article.lines == ((1, 6),)


def test_a_book_named_in_a_news_articles_text_stays_text(segmenter) -> None:
    """A paragraph of a news story that opens with a book's title is its text, no reference."""
    page = ("集团公司职工书屋新添图书500册\n本报记者　王　芳\n\n"
            "《大国工匠》，李明著，人民出版社2025年出版，是此次新书中借阅最多的一本。\n")
    [article] = parse_text(page, segmenter).articles
    assert article.references == () and article.paragraphs[0].text.startswith("《大国工匠》")


THEORY = "【摘要】党支部是党在基层的战斗堡垒。\n\n　　近年来，采油厂生产单元点多线长，部分党支部组织设置与生产单元不匹配。\n"


@pytest.mark.parametrize(
    "byline, author, unit, position",
    [
        ("孤岛采油厂党委书记　马国栋", "马国栋", "孤岛采油厂", "党委书记"),
        ("东滩煤矿工会主席　李娜", "李娜", "东滩煤矿", "工会主席"),
        ("孤岛采油厂党委　马国栋", "马国栋", "孤岛采油厂党委", None),
    ],
)
def test_an_office_glued_to_the_unit_in_a_byline_is_the_writers_position(byline, author, unit, position, segmenter) -> None:
    """``孤岛采油厂党委书记　马国栋`` under a headline and its subtitle: the office (``[bylines] offices``)
    is neither part of the unit nor a name; the headline stays the title."""
    page = f"以“三基”工作夯实基层党建根基\n——关于党支部标准化建设的思考\n{byline}\n\n{THEORY}"
    [article] = parse_text(page, segmenter).articles
    assert (article.title, article.subtitle) == ("以“三基”工作夯实基层党建根基", "关于党支部标准化建设的思考")
    assert (article.authors, article.affiliation, article.role) == ((author,), unit, position)


def test_a_unit_ending_in_an_office_word_with_no_name_after_it_is_no_byline(segmenter) -> None:
    page = f"以“三基”工作夯实基层党建根基\n孤岛采油厂党委书记　马国栋说得好，党建要落地\n\n{THEORY}"
    article = parse_text(page, segmenter).articles[0]
    assert "马国栋" not in article.authors


@pytest.mark.parametrize("line", ["　孤岛采油厂党委书记", "孤岛采油厂党委书记　", "党委书记　马国栋"])
def test_a_line_without_both_a_unit_with_its_office_and_a_name_is_no_unit_office_byline(line, segmenter) -> None:
    from zhenggong_report.parse.blocks.unit_byline import unit_office_byline
    from zhenggong_report.parse.layout_file import load_layout

    class State:
        layout = load_layout(None)

    assert unit_office_byline(line.replace("　", " "), State()) is None
