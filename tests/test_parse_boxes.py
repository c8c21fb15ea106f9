"""Ruled boxes (``━━━━`` / ``广　告`` / … / ``━━━━``) and printed rules standing alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhenggong_report.parse import parse_page
from zhenggong_report.parse.layout import load_layout
from zhenggong_report.resources import data_path
from zhenggong_report.sources import source_from_bytes

ARTICLE = "班组建设的几点做法\n■ 张三\n\n　　矿党委坚持把班组建设作为基础工程来抓，选拔出一批懂技术、会管理的班组长。\n"
ADVERT = "广　告\n晋能控股煤业集团职工培训中心2026年春季招生\n开设采煤、掘进等工种培训，报名电话：0352-1234567\n地址：大同市平城区迎宾街18号"


def _parse(page: str, segmenter, layout=None):
    return parse_page(source_from_bytes(page.encode("utf-8"), "p.txt"), segmenter, layout=layout)


@pytest.mark.parametrize("rule", ["━━━━━━━━━━", "══════════", "——————————", "──────────"])
def test_a_ruled_box_labelled_advert_is_one_advert(rule, segmenter) -> None:
    result = _parse(f"{ARTICLE}\n{rule}\n{ADVERT}\n{rule}\n", segmenter)
    assert [(l.kind, l.lines) for l in result.leftovers] == [("advert", ((6, 11),))]
    assert [p.text for p in result.articles[0].paragraphs] == ["矿党委坚持把班组建设作为基础工程来抓，选拔出一批懂技术、会管理的班组长。"]


def test_blank_lines_inside_the_box_do_not_make_a_title_or_a_byline(segmenter) -> None:
    result = _parse(f"{ARTICLE}\n━━━━━━━━━━\n\n{ADVERT}\n\n━━━━━━━━━━\n", segmenter)
    assert [a.title for a in result.articles] == ["班组建设的几点做法"]
    assert [(l.kind, l.lines) for l in result.leftovers] == [("advert", ((6, 13),))]


def test_a_box_right_under_the_text_ends_its_paragraph(segmenter) -> None:
    page = "班组建设的几点做法\n■ 张三\n\n　　矿党委坚持把班组建设作为基础工程来抓，\n选拔出一批懂技术的班组长。\n━━━━━━━━━━\n" + ADVERT + "\n━━━━━━━━━━\n"
    result = _parse(page, segmenter)
    assert result.articles[0].lines == ((1, 5),)
    assert [l.kind for l in result.leftovers] == ["advert"]


def test_a_box_without_a_label_is_left_to_the_other_rules(segmenter) -> None:
    result = _parse(f"{ARTICLE}\n━━━━━━━━━━\n相关链接\n“三强三优”指班子强、队伍强、作用强。\n━━━━━━━━━━\n", segmenter)
    assert "advert" not in [l.kind for l in result.leftovers]
    assert [l.kind for l in result.leftovers].count("rule") == 2


def test_a_label_with_no_rule_under_it_is_no_box(segmenter) -> None:
    result = _parse(f"{ARTICLE}\n━━━━━━━━━━\n{ADVERT}\n", segmenter)
    assert [l.kind for l in result.leftovers][0] == "rule"
    assert ("advert", ((6, 11),)) not in [(l.kind, l.lines) for l in result.leftovers]


def test_a_rule_alone_is_never_a_title(segmenter) -> None:
    result = _parse(f"══════════\n\n{ARTICLE}", segmenter)
    assert [a.title for a in result.articles] == ["班组建设的几点做法"]
    assert [(l.kind, l.text) for l in result.leftovers] == [("rule", "══════════")]


def test_a_short_dash_run_is_still_a_subtitle(segmenter) -> None:
    page = "以身作则树旗帜\n——论优秀共产党员的表率作用\n■ 张三\n\n　　优秀共产党员的表率作用意义重大。\n"
    (article,) = _parse(page, segmenter).articles
    assert article.subtitle == "论优秀共产党员的表率作用"


def test_box_labels_come_from_layout_toml(tmp_path: Path, segmenter) -> None:
    text = data_path("layout.toml").read_text(encoding="utf-8").replace('"广告" = "advert"', '"广告" = "advert"\n"启事" = "announcement"')
    (tmp_path / "layout.toml").write_text(text, encoding="utf-8")
    page = f"{ARTICLE}\n━━━━━━━━━━\n启　事\n本报编辑部即日起迁至新址办公。\n━━━━━━━━━━\n"
    assert [l.kind for l in _parse(page, segmenter).leftovers] != ["announcement"]
    assert [l.kind for l in _parse(page, segmenter, load_layout(tmp_path)).leftovers] == ["announcement"]
