"""``layout.toml``: the layout vocabulary is data, checked on load, replaceable from ``--data``."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhenggong_report.errors import DataFileError
from zhenggong_report.parse import parse_page
from zhenggong_report.parse.layout_file import load_layout
from zhenggong_report.resources import data_path
from zhenggong_report.sources import source_from_bytes
from zhenggong_report.sources.settings import load_reader_settings

from page_text import parse_text


def test_packaged_layout_loads_every_list() -> None:
    layout = load_layout()
    assert "责任编辑" in layout.editor_labels
    assert layout.role_of("本报记者") == "记者"
    assert [kind.kind for kind in layout.notice_kinds][0] == "legal_notice"
    settings = load_reader_settings()  # one list of WeChat's words for the .html reader and the parser
    assert (frozenset(layout.wechat_chrome), frozenset(layout.wechat_end_marks)) == (settings.wechat_chrome, settings.wechat_end_marks)


def test_malformed_layout_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "layout.toml").write_text("[masthead\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="layout.toml"):
        load_layout(tmp_path)


def test_wrong_type_names_the_table(tmp_path: Path) -> None:
    (tmp_path / "layout.toml").write_text('[editors]\nlabels = "责任编辑"\n', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"\[editors\]"):
        load_layout(tmp_path)


def test_a_users_column_name_is_recognised(tmp_path: Path, segmenter) -> None:
    text = data_path("layout.toml").read_text(encoding="utf-8").replace('names = ["政工园地"', 'names = ["矿山新语", "政工园地"')
    (tmp_path / "layout.toml").write_text(text, encoding="utf-8")
    page = "矿山新语\n\n新时代政工工作的思考\n\n■ 张三\n\n政工工作是企业发展的重要保障，必须坚持党的领导。\n"
    source = source_from_bytes(page.encode("utf-8"), "p.txt")
    packaged = parse_page(source, segmenter)
    custom = parse_page(source, segmenter, layout=load_layout(tmp_path))
    assert "column_name" not in [l.kind for l in packaged.leftovers]
    assert [l.kind for l in custom.leftovers] == ["column_name"]
    assert custom.note.meta.column == "矿山新语"


def test_wechat_words_come_from_sources_toml_for_the_parser_too(tmp_path: Path, segmenter) -> None:
    text = data_path("sources.toml").read_text(encoding="utf-8").replace('chrome = [\n', 'chrome = [\n  "长按识别二维码",\n')
    (tmp_path / "sources.toml").write_text(text, encoding="utf-8")
    page = "班组安全管理的几点体会\n\n原创 周涛 枣矿融媒 2026年2月3日 09:15 山东\n\n班组是企业安全管理的最前沿，班组长要把安全责任落实到每一名职工。\n\n长按识别二维码\n"
    source = source_from_bytes(page.encode("utf-8"), "p.txt")
    packaged = parse_page(source, segmenter)
    custom = parse_page(source, segmenter, layout=load_layout(tmp_path))
    assert "长按识别二维码" not in [l.text for l in packaged.leftovers]
    assert [(l.kind, l.text) for l in custom.leftovers] == [("wechat_chrome", "长按识别二维码")]
    assert dict(custom.articles[0].metadata)["account"] == "枣矿融媒"
    assert "长按识别二维码" in load_layout(tmp_path).wechat_chrome and "长按识别二维码" not in load_layout().wechat_chrome


ISSUE_BODY = "　　矿党委坚持把班组建设作为基础工程来抓，在全矿推行班组长竞聘上岗制度，选拔出一批懂技术、会管理的班组长。\n"


def _users_issue_forms(tmp_path: Path) -> Path:
    text = data_path("layout.toml").read_text(encoding="utf-8")
    assert 'issues = ["第{n}期", "总第{n}期"]' in text
    (tmp_path / "layout.toml").write_text(text.replace('issues = ["第{n}期", "总第{n}期"]', 'issues = ["第{n}号", "总第{n}号"]'), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("head, issue", [
    ("华能工人报\n2026年3月12日　星期四　第45号　第2版", "第45号"),          # a dateline
    ("华能工人报\n中国华能集团有限公司主办　　第45号（总第2478号）", "第45号"),  # the 报头's publisher line
    ("党建工作简报\n总第38号", "总第38号"),                                # a bulletin's issue line
])
def test_the_issue_is_read_in_the_users_forms_by_every_rule(tmp_path: Path, segmenter, head, issue) -> None:
    """``[dateline] issues`` is the one list of the issue's printed forms: the dateline, the
    publisher line and a bulletin's issue line all read the forms a user's file gives, and no other."""
    page = f"{head}\n\n班组建设的几点做法\n■ 张三\n\n{ISSUE_BODY}"
    custom = parse_text(page, segmenter, layout=load_layout(_users_issue_forms(tmp_path)))
    assert custom.note.meta.issue == issue
    assert parse_text(page, segmenter).note.meta.issue is None
    assert parse_text(page.replace("号", "期"), segmenter).note.meta.issue == issue.replace("号", "期")


def test_an_issue_form_without_its_number_names_the_table(tmp_path: Path) -> None:
    text = data_path("layout.toml").read_text(encoding="utf-8").replace('issues = ["第{n}期"', 'issues = ["第期"')
    (tmp_path / "layout.toml").write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=r"\[dateline\].*\{n\}|\{n\}.*\[dateline\]"):
        load_layout(tmp_path)
