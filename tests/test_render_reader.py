"""The reader's vocabulary and an article's metadata: Chinese labels, compact reasons, page metadata,
the JSON record, the script compaction."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace as Ns

import pytest

from zhenggong_report.render.article_meta import PageInfo, article_record_json, compact_reasons, line_ranges, page_info
from zhenggong_report.render.html import compact_js
from zhenggong_report.render.labels import labels
from zhenggong_report.render.snippets import json_attribute


@pytest.mark.parametrize(
    "reason, shown",
    [
        ("标题点明（党建+）", "标题点明（党建+）"),
        ("小节 ¶2“二、实现党建与业务深度融合”", "第3段小标题"),
        ("分点 ¶0“一是完善信访工作体系。”", "第1段段首句点明"),
        ("成段论述 ¶10（权重 10.2）", "第11段集中论述（权重 10.2）"),
        ("贯穿 4 段（每千字权重 7.0）", "分布于 4 段（每千字权重 7.0）"),
        ("导语点明（工会、职代会）", "导语点明（工会、职代会）"),
        ("something new", "something new"),
    ],
)
def test_theme_reasons_are_shown_in_chinese(reason: str, shown: str) -> None:
    """The analyzer's reasons as a reader reads them: paragraphs counted from 1, the heading's words
    left to the evidence under them."""
    assert labels().reason(reason) == shown


def test_every_reason_the_analyzer_writes_reads_for_a_reader(seed_analysis) -> None:
    """No reason reaches the page with the analyzer's own ¶ numbers (counted from 0)."""
    written = {reason for item in seed_analysis.articles for hit in item.themes for reason in hit.reasons}
    assert written and not [labels().reason(r) for r in written if "¶" in labels().reason(r)]


def test_page_warnings_are_shown_in_chinese() -> None:
    assert labels().warning("p.txt: empty file") == "p.txt：文件为空"
    assert labels().warning("p.txt: no article found") == "p.txt：没有找到文章"
    assert labels().warning("p.txt: something else") == "p.txt: something else"


def test_reasons_of_one_kind_are_listed_once_with_their_paragraphs() -> None:
    reasons = ["标题点明（工会）", "第1段集中论述（权重 5.0）", "第3段小标题", "第4段集中论述（权重 7.1）", "第6段小标题", "分布于 4 段（每千字 7.0 次）"]
    assert compact_reasons(reasons) == ("标题点明（工会）", "第1、4段集中论述", "第3、6段小标题", "分布于 4 段（每千字 7.0 次）")


def test_every_kind_the_pipeline_writes_has_a_chinese_label() -> None:
    from zhenggong_report.parse.pages.records import LEFTOVER_KINDS

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| `data/leftovers.json` |"))
    documented = set(re.findall(r"`([a-z_]+)`", row.split("|")[2]))
    assert {"legal_notice", "advert", "caption", "fragment"} <= documented
    assert documented | {k for k in LEFTOVER_KINDS.values() if k} <= set(labels().leftover_kinds)
    assert labels().leftover_kinds["legal_notice"] == "法律公告"
    assert set(labels().join_kinds) == {"column", "page_break"}
    assert {"title-inferred", "partial", "no-author", "columns-rejoined"} <= set(labels().flags)


def test_page_info_comes_from_the_page_notes_printed_metadata() -> None:
    from zhenggong_report.models.parsed import PageMeta, PageNote

    assert page_info(None) == PageInfo()
    assert page_info(PageNote("a.txt", "leading", ())) == PageInfo(fields=())
    note = PageNote("a.txt", "leading", (), meta=PageMeta(newspaper="枣矿工人报", date="2024-05-01", edition="第3版", column="理论园地"))
    info = page_info(note)
    assert (info.date, info.edition) == ("2024-05-01", "第3版")
    assert dict(info.fields) == {"newspaper": "枣矿工人报", "date": "2024-05-01", "edition": "第3版", "column": "理论园地"}
    assert info.sort_key == "2024-05-01|0003|第3版"
    assert PageInfo(edition="第2版").sort_key == ""


def test_line_ranges_read_in_chinese() -> None:
    assert line_ranges([(3, 20), (25, 25)]) == "第3–20、25行"


def test_the_record_names_the_source_and_themes_but_not_the_text() -> None:
    article = Ns(id="a-1", title_inferred=False, file="p.txt", lines=((1, 9),))
    hits = [Ns(theme=Ns(id="petitions"), score=0.5)]
    record = json.loads(article_record_json(article, hits, "petitions", PageInfo(date="2024-05-01", fields=(("date", "2024-05-01"),))))
    assert record == {
        "id": "a-1", "title_inferred": False, "source": {"file": "p.txt", "lines": [[1, 9]]},
        "primary_theme": "petitions", "themes": [{"id": "petitions", "score": 0.5}], "page": {"date": "2024-05-01"},
    }
    assert "page" not in json.loads(article_record_json(article, hits, "petitions", PageInfo()))


def test_json_attribute_is_safe_in_single_quotes() -> None:
    assert str(json_attribute("data-record", '{"t":"it\'s <b> & co"}')) == "data-record='{\"t\":\"it&#39;s &lt;b> &amp; co\"}'"


def test_script_compaction_keeps_literals_and_meaning() -> None:
    source = 'var a = "x = 1 , y" + b;\n  // gone\nif (a && b) { c = /[a-z ]+/g; d = \'q ; r\'; }\nreturn -x - -y;\n'
    assert compact_js(source) == 'var a="x = 1 , y" + b;\nif(a&&b){c= /[a-z ]+/g;d=\'q ; r\';}\nreturn -x - -y;'


def test_a_paragraph_with_two_reasons_of_one_kind_is_named_once() -> None:
    """Two points opening in one paragraph (分点 ¶8 twice) read 第9段段首句点明, not 第9、9段."""
    reasons = ["第9段段首句点明", "第9段段首句点明", "第12段段首句点明"]
    assert compact_reasons(reasons) == ("第9、12段段首句点明",)
