"""A quiz box (知识问答, 学习测试) of a 学习园地 column: its title over ``单选题``, each question and each
printed line of options a paragraph of its own, ``参考答案：…`` its last."""

from __future__ import annotations

import pytest

from page_text import parse_text


QUIZ = (
    "学习园地\n\n党纪学习教育知识测试\n单选题\n"
    "1．《中国共产党纪律处分条例》规定的党的“六项纪\n律”不包括（　）。\n"
    "A．政治纪律　　B．廉洁纪律　　C．学习纪律\n"
    "2．国家电网公司的企业宗旨是（　）。\n"
    "A．人民电业为人民\nB．以客户为中心，专业专注，持续改善\n"
    "参考答案：1．C　2．A\n"
)


def test_a_quiz_is_one_article_with_its_title_questions_options_and_answers(segmenter) -> None:
    result = parse_text(QUIZ, segmenter)
    (quiz,) = result.articles
    assert (quiz.title, quiz.authors, quiz.lines) == ("党纪学习教育知识测试", (), ((3, 11),))
    assert [(p.kind, p.text) for p in quiz.paragraphs] == [
        ("heading", "单选题"),
        ("text", "1．《中国共产党纪律处分条例》规定的党的“六项纪律”不包括（）。"),
        ("text", "A．政治纪律 B．廉洁纪律 C．学习纪律"),
        ("text", "2．国家电网公司的企业宗旨是（）。"),
        ("text", "A．人民电业为人民"),
        ("text", "B．以客户为中心，专业专注，持续改善"),
        ("text", "参考答案：1．C 2．A"),
    ]
    assert [l.kind for l in result.leftovers] == ["column_name"]


@pytest.mark.parametrize("section", ["一、判断题", "多选题（每题5分）"])
def test_an_enumerated_or_noted_section_label_is_a_quiz_heading(section, segmenter) -> None:
    (quiz,) = parse_text(QUIZ.replace("单选题", section), segmenter).articles
    assert (quiz.title, quiz.paragraphs[0].kind, quiz.paragraphs[0].text) == ("党纪学习教育知识测试", "heading", section)


def test_a_letter_opening_a_wrapped_line_of_prose_is_no_option(segmenter) -> None:
    """``A．`` opens an option only under a question's blank (``（　）``) or another option line."""
    page = "　　公司推行“党建+安全”工程，将各区队分为\nA．B两级管理，实行动态考核。\n"
    (article,) = parse_text(page, segmenter).articles
    assert [p.text for p in article.paragraphs] == ["公司推行“党建+安全”工程，将各区队分为A．B两级管理，实行动态考核。"]
