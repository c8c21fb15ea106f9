"""Photo captions marked ``[图]``/``【图】`` or ending in their ``NAME 摄`` credit (also on the caption's
second line, under a photo's title), the editor credit ``（编辑　赵敏）`` closing an article, and no
join across a caption into an indented paragraph."""

from __future__ import annotations

import pytest

from page_text import parse_text


HEAD = "班组建设的几点做法\n■ 张三\n\n"
FIRST = "　　矿党委坚持把班组建设作为基础工程来抓，在全矿推行班组长竞聘上岗制度，选拔出一批懂技术、会管理、能吃苦的班组长。"
LAST = "　　该矿还建立班组长月度考评制度，考评结果与绩效挂钩，激发了班组长履职尽责的积极性，班组面貌焕然一新。"


def _parse(body: str, segmenter):
    return parse_text(HEAD + body, segmenter)


@pytest.mark.parametrize("caption", [
    "[图] 3月12日，职工在实训基地练习支护操作。　　孙伟　摄",
    "【图】 职工在实训基地练习支护操作。（孙伟 摄）",
    "职工在实训基地练习支护操作。　　本报记者　孙伟　摄",
    "[图] 职工在实训基地练习支护操作",
])
def test_a_caption_between_paragraphs_is_a_caption(caption, segmenter) -> None:
    result = _parse(f"{FIRST}\n{caption}\n{LAST}\n", segmenter)
    assert [(l.kind, l.lines) for l in result.leftovers] == [("caption", ((5, 5),))]
    assert [p.lines for p in result.articles[0].paragraphs] == [((4, 4),), ((6, 6),)]


def test_a_caption_ending_in_its_credit_takes_no_line_after_it(segmenter) -> None:
    result = _parse(f"{FIRST}\n[图] 3月12日，职工在实训基地练习支护操作。　　孙伟　摄\n该矿还建立班组长月度考评制度，激发了班组长的积极性。\n", segmenter)
    assert [l.lines for l in result.leftovers if l.kind == "caption"] == [((5, 5),)]


def test_a_credit_run_into_the_words_is_not_a_caption(segmenter) -> None:
    result = _parse(f"{FIRST}\n这张照片由孙伟摄\n{LAST}\n", segmenter)
    assert "caption" not in [l.kind for l in result.leftovers]


def test_a_paragraph_stopping_mid_sentence_is_not_joined_to_an_indented_one(segmenter) -> None:
    cut = FIRST[: FIRST.index("，选拔")]
    result = _parse(f"{cut}\n[图] 职工在实训基地练习支护操作。　　孙伟　摄\n{LAST}\n", segmenter)
    (article,) = result.articles
    assert [p.text for p in article.paragraphs] == [cut.strip(), LAST.strip()]
    assert article.joins == ()


def test_a_paragraph_cut_by_a_caption_mid_line_is_still_joined(segmenter) -> None:
    body = "　　矿党委坚持把班组建设作为基础工程来抓，在全矿推\n[图] 职工在实训基地练习支护操作。　　孙伟　摄\n行班组长竞聘上岗制度。\n"
    (article,) = _parse(body, segmenter).articles
    assert [p.text for p in article.paragraphs] == ["矿党委坚持把班组建设作为基础工程来抓，在全矿推行班组长竞聘上岗制度。"]


@pytest.mark.parametrize("credit, editors", [
    ("（编辑　赵敏）", (("编辑", "赵敏"),)),
    ("(编辑:赵敏)", (("编辑", "赵敏"),)),
    ("（责任编辑：王丽　校对：李明）", (("责任编辑", "王丽"), ("校对", "李明"))),
])
def test_an_editor_credit_under_the_article_is_its_editors(credit, editors, segmenter) -> None:
    result = _parse(f"{FIRST}\n{LAST}\n{credit}\n", segmenter)
    (article,) = result.articles
    assert article.editors == editors
    assert [p.text for p in article.paragraphs] == [FIRST.strip(), LAST.strip()]
    assert article.lines == ((1, 6),) and result.leftovers == ()


@pytest.mark.parametrize("line", ["（编辑部）", "（作者单位：枣矿集团田陈煤矿）", "（编辑赵敏同志对本文亦有贡献）"])
def test_other_bracketed_lines_are_no_editor_credit(line, segmenter) -> None:
    result = _parse(f"{FIRST}\n{line}\n", segmenter)
    assert all(not a.editors for a in result.articles)


def test_a_wrapped_line_ending_in_a_short_phrase_and_tu_is_no_caption(segmenter) -> None:
    body = "　　矿党委坚持把班组建设作为基础工程来抓，实现了目标。绘就蓝图\n需要久久为功，持续发力。\n"
    result = _parse(body, segmenter)
    assert "caption" not in [l.kind for l in result.leftovers]


PHOTO = "春检正当时\n3月16日，镇海炼化员工在乙烯装置区开展设备春检，\n确保装置安全平稳运行。　　通讯员 王海涛 摄\n"


def test_a_photo_title_and_caption_over_its_credited_line_are_one_caption(segmenter) -> None:
    result = _parse(f"{FIRST}\n\n{PHOTO}\n{LAST}\n", segmenter)
    assert [(l.kind, l.lines) for l in result.leftovers] == [("caption", ((6, 8),))]
    assert [p.lines for p in result.articles[0].paragraphs] == [((4, 4),), ((10, 10),)]


def test_a_marked_caption_runs_on_to_the_line_ending_with_its_credit(segmenter) -> None:
    caption = "▲3月15日，茂名石化工会志愿者为\n一线员工送上热姜茶。　　本报记者 李响 摄"
    result = _parse(f"{FIRST}\n\n{caption}\n\n{LAST}\n", segmenter)
    assert [(l.kind, l.lines) for l in result.leftovers] == [("caption", ((6, 7),))]


def test_an_indented_paragraph_over_a_credited_caption_stays_text(segmenter) -> None:
    cut = FIRST[: FIRST.index("，选拔")] + "，"
    result = _parse(f"{cut}\n职工在实训基地练习支护操作。　　孙伟　摄\n\n{LAST}\n", segmenter)
    assert [(l.kind, l.lines) for l in result.leftovers] == [("caption", ((5, 5),))]
    assert result.articles[0].paragraphs[0].text == cut.strip()


INDENTED_PHOTO = ("　　3月20日，塔山煤矿8311综采工作面党员突击队在井下\n开展液压支架检修攻坚。该矿今年以来共组建党员突击队\n"
                  "16支，解决生产难题43项。（王　磊　摄）\n")


def test_an_indented_paragraph_under_a_photo_band_over_its_credited_line_is_one_caption(segmenter) -> None:
    result = _parse(f"{FIRST}\n\n图片新闻\n\n{INDENTED_PHOTO}\n{LAST}\n", segmenter)
    assert [(l.kind, l.lines) for l in result.leftovers] == [("column_name", ((6, 6),)), ("caption", ((8, 10),))]
    assert [a.lines for a in result.articles] == [((1, 4),), ((12, 12),)]  # the band opens what follows


def test_an_indented_paragraph_under_a_byline_over_a_credited_line_stays_text(segmenter) -> None:
    result = _parse(f"{INDENTED_PHOTO}\n{LAST}\n", segmenter)
    assert [(l.kind, l.lines) for l in result.leftovers] == [("caption", ((6, 6),))]
    assert result.articles[0].paragraphs[0].lines == ((4, 5),)


@pytest.mark.parametrize("credit", ["书法作品　　赵　刚", "国画《春山》　　李　明　作", "剪纸作品　王海燕"])
def test_a_line_alone_crediting_an_artwork_is_a_caption(credit, segmenter) -> None:
    """``书法作品　　赵　刚`` between blank lines credits a work printed on a 副刊 page: a caption, no
    byline and no text of the article above it."""
    result = _parse(f"{FIRST}\n\n{credit}\n\n", segmenter)
    assert [(l.kind, l.lines) for l in result.leftovers] == [("caption", ((6, 6),))]
    assert result.articles[0].authors == ("张三",)


def test_a_news_sentence_opening_with_an_artwork_word_stays_text(segmenter) -> None:
    """On a news page ``书法作品展…`` opens a sentence, no artist after a gap: the article's text."""
    line = "　　书法作品展在集团公司职工文化活动中心开幕，共展出职工作品86幅。"
    result = _parse(f"{FIRST}\n{line}\n", segmenter)
    assert result.leftovers == () or all(l.kind != "caption" for l in result.leftovers)
    assert [p.text for p in result.articles[0].paragraphs][-1] == line.strip()


def test_a_cartoons_title_over_its_credit_is_one_caption(segmenter) -> None:
    """A cartoon's one-line title right above ``漫画　李　文``, a blank line over the title: one caption
    of both lines, no paragraph of the article above and no title of its own."""
    result = _parse(f"{FIRST}\n\n安全检查岂能“走过场”\n漫画　李　文\n", segmenter)
    assert [(l.kind, l.lines, l.text) for l in result.leftovers] == [
        ("caption", ((6, 7),), "安全检查岂能“走过场”\n漫画　李　文")]
    assert [p.text for p in result.articles[0].paragraphs] == [FIRST.strip()]


def test_a_paragraphs_last_line_over_an_artwork_credit_stays_text(segmenter) -> None:
    """With no blank line over it, the line above the credit is the paragraph's, not the work's title."""
    result = _parse(f"{FIRST}\n职工们纷纷点赞\n漫画　李　文\n", segmenter)
    assert [(l.kind, l.lines) for l in result.leftovers] == [("caption", ((6, 6),))]
    assert result.articles[0].body.endswith("职工们纷纷点赞")
