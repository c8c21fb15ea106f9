"""``layout.toml``: the layout vocabulary is data, checked on load, replaceable from ``--data``."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhenggong_report.errors import DataFileError
from zhenggong_report.parse import parse_page
from zhenggong_report.parse.layout import load_layout
from zhenggong_report.resources import data_path
from zhenggong_report.sources import source_from_bytes


def test_packaged_layout_loads_every_list() -> None:
    layout = load_layout()
    assert "责任编辑" in layout.editor_labels
    assert layout.role_of("本报记者") == "记者"
    assert [kind.kind for kind in layout.notice_kinds][0] == "legal_notice"


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
