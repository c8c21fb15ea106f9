"""Columns OCR'd side by side (:mod:`zhenggong_report.parse.gutter`): the page is split at its gutter
and read one column after the other; every other page is read as printed."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhenggong_report.models.source_files import LEFT, RIGHT, WHOLE_ROW, SourceFile, lines_label
from zhenggong_report.parse import parse_page
from zhenggong_report.parse.blocks import tokenize_blocks
from zhenggong_report.parse.gutter import TOLERANCE, split_at_gutter
from zhenggong_report.parse.layout_file import default_layout
from zhenggong_report.parse.state import BlockState, read_lines
from zhenggong_report.render.data import article_record, leftover_record
from zhenggong_report.render.view import article_source_label, source_label
from zhenggong_report.sources import source_from_bytes

from conftest import FIXTURES, SEEDS
from invariants import assert_nothing_lost
from page_fixture_records import layout_records

SIDE_BY_SIDE = FIXTURES / "pages" / "side_by_side.txt"
UNSPLIT = sorted((FIXTURES / "unsplit").glob("*.txt"))
"""Pages with runs of spaces on many lines (bylines, datelines, staff lines, a contents list, a name
table, couplets, spaced sentences, ASCII indents) that are no columns side by side."""
SPLIT_PAGES = {SIDE_BY_SIDE, FIXTURES / "pages" / "spanning_headline_columns.txt"}
"""The fixture pages whose columns were OCR'd side by side."""
EVERY_OTHER_PAGE = sorted(SEEDS.glob("*.txt")) + sorted(p for p in FIXTURES.glob("*/*.txt") if p not in SPLIT_PAGES)


def load(path: Path) -> SourceFile:
    return source_from_bytes(path.read_bytes(), path.name)


def expected(path: Path) -> dict:
    records = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    records.pop("note")
    return records


def page(name: str, rows: list[str]) -> SourceFile:
    return SourceFile(name=name, encoding="utf-8", size=0, sha256="0" * 64, lines=tuple(rows))


def columns_of(path: Path) -> tuple[list[str], list[str], list[str], list[str]]:
    """The fixture's rows above the columns, its left and right column, and its rows below."""
    split = split_at_gutter(load(path).lines)
    assert split is not None
    cells = list(zip(split.cells, split.texts))
    first = next(row for (row, column), _ in cells if column == LEFT)
    above = [text for (row, column), text in cells if column == WHOLE_ROW and row < first]
    below = [text for (row, column), text in cells if column == WHOLE_ROW and row > first]
    return above, [t for (_, c), t in cells if c == LEFT], [t for (_, c), t in cells if c == RIGHT], below


def side_by_side(left: list[str], right: list[str], gutter: int, jitter: tuple[int, ...] = (0,)) -> list[str]:
    """Rows as OCR prints two columns read straight across: left line, spaces to the gutter, right line."""
    rows = []
    for index in range(max(len(left), len(right))):
        left_line = left[index] if index < len(left) else ""
        right_line = right[index].rstrip() if index < len(right) else ""
        if not right_line:
            rows.append(left_line)
            continue
        at = gutter + jitter[index % len(jitter)]
        assert len(left_line) <= at - 3
        rows.append(left_line.ljust(at) + right_line)
    return [row.rstrip() for row in rows]


def test_the_side_by_side_page_is_split_at_its_gutter() -> None:
    split = split_at_gutter(load(SIDE_BY_SIDE).lines)
    assert split is not None and split.gutter == 24
    rows_of = {column: [row for row, c in split.cells if c == column] for column in (WHOLE_ROW, LEFT, RIGHT)}
    assert rows_of[LEFT] == rows_of[RIGHT] == list(range(3, 41))
    assert rows_of[WHOLE_ROW] == [1, 2, 41, 42]
    assert split.texts[split.cells.index((4, RIGHT))] == "济南建工集团有限公司党群工作部 戚成志"
    assert split.texts[split.cells.index((38, LEFT))] == "作的吸引力和感染力。"
    assert split.texts[split.cells.index((38, RIGHT))] == ""


def test_each_record_names_the_column_its_rows_are_in(segmenter) -> None:
    result = parse_page(load(SIDE_BY_SIDE), segmenter)
    assert [(a.lines, a.columns) for a in result.articles] == [(((3, 40),), (LEFT,)), (((3, 37),), (RIGHT,))]
    assert [(l.lines, l.columns) for l in result.leftovers] == [(((1, 1),), ()), (((42, 42),), ())]
    right = result.articles[1]
    assert right.paragraphs[0].lines == ((5, 7),) and right.paragraphs[-1].lines == ((35, 37),)


def test_lines_and_blocks_carry_their_column(segmenter) -> None:
    split = split_at_gutter(load(SIDE_BY_SIDE).lines)
    lines = read_lines(split.texts, split.columns)
    assert [line.column for line in lines] == list(split.columns)
    assert all(line.column == WHOLE_ROW for line in read_lines(load(SIDE_BY_SIDE).lines))
    blocks = tokenize_blocks(BlockState(lines, segmenter, default_layout()))
    split.mark_columns(blocks)
    titles = {block.text: block.column for block in blocks if block.text.startswith("国有企业")}
    assert titles["国有企业“党建+工会”工作创新路径的探索"] == LEFT
    assert titles["国有企业思想政治工作实践与创新路径"] == RIGHT
    assert {block.column for block in blocks if block.first <= 2} == {WHOLE_ROW}


@pytest.mark.parametrize("path", UNSPLIT + EVERY_OTHER_PAGE, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_page_without_columns_side_by_side_is_never_split(path: Path, segmenter) -> None:
    source = load(path)
    assert split_at_gutter(source.lines) is None
    result = parse_page(source, segmenter)
    assert all(not record.columns for record in result.articles + result.leftovers)
    assert_nothing_lost(source, list(result.articles) + list(result.leftovers))


def test_the_unsplit_pages_have_runs_of_spaces_on_many_lines() -> None:
    for path in UNSPLIT:
        lines = load(path).lines
        assert sum("   " in line for line in lines) >= 5, path.name


def test_the_longer_column_on_the_right_runs_on_alone(segmenter) -> None:
    """The fixture's columns swapped: now the right one is longer, its last rows spaces and text."""
    above, left, right, below = columns_of(SIDE_BY_SIDE)
    rows = above + side_by_side(right, left, 24) + below
    result = parse_page(page("swapped.txt", rows), segmenter)
    gold = expected(SIDE_BY_SIDE)["articles"]
    assert [a.title for a in result.articles] == [gold[1]["title"], gold[0]["title"]]
    assert [[[p.kind, p.text] for p in a.paragraphs] for a in result.articles] == [gold[1]["paragraphs"], gold[0]["paragraphs"]]
    assert [(a.lines, a.columns) for a in result.articles] == [(((3, 37),), (LEFT,)), (((3, 40),), (RIGHT,))]
    assert rows[37].startswith(" " * 24) and not rows[37][24].isspace()
    assert_nothing_lost(page("swapped.txt", rows), list(result.articles) + list(result.leftovers))


def test_a_gutter_that_strays_by_two_characters_is_one_gutter(segmenter) -> None:
    above, left, right, below = columns_of(SIDE_BY_SIDE)
    rows = above + side_by_side(left, right, 26, jitter=(0, 2, -2, 1, -1)) + below
    assert split_at_gutter(rows).gutter == 26
    assert layout_records(parse_page(page("jitter.txt", rows), segmenter)) == expected(SIDE_BY_SIDE)


def test_spaces_past_the_gutter_are_the_right_columns_indent(segmenter) -> None:
    above, left, right, below = columns_of(SIDE_BY_SIDE)
    right = [line.replace("\u3000\u3000", "    ") for line in right]
    rows = above + side_by_side(left, right, 24) + below
    split = split_at_gutter(rows)
    assert split.texts[split.cells.index((5, RIGHT))] == "    思想政治工作是党的优良传统、鲜"
    assert layout_records(parse_page(page("indents.txt", rows), segmenter)) == expected(SIDE_BY_SIDE)


def test_a_row_whose_text_runs_across_the_gutter_leaves_the_page_as_printed() -> None:
    rows = list(load(SIDE_BY_SIDE).lines)
    assert split_at_gutter(rows) is not None
    rows[19] = re.sub(" {3,}", " ", rows[19])  # row 20: the gutter closed up to one space
    assert split_at_gutter(rows) is None


def test_too_few_rows_split_at_one_place_leave_the_page_as_printed() -> None:
    rows = list(load(SIDE_BY_SIDE).lines)[:6]  # the dateline, a blank and four split rows
    assert split_at_gutter(rows) is None
    assert split_at_gutter(list(load(SIDE_BY_SIDE).lines)[:7]) is not None


def test_the_invariant_counts_each_column_of_a_split_row(segmenter) -> None:
    source = load(SIDE_BY_SIDE)
    result = parse_page(source, segmenter)
    left, right = result.articles
    with pytest.raises(AssertionError, match=r"in no record: \[\(3, 2\), \(4, 2\)"):
        assert_nothing_lost(source, [left, *result.leftovers])
    with pytest.raises(AssertionError, match="in no column 0"):
        assert_nothing_lost(source, [left, replace(right, columns=()), *result.leftovers])
    with pytest.raises(AssertionError, match=r"in several records: \[\(3, 1\)"):
        assert_nothing_lost(source, [left, right, replace(right, columns=(LEFT,)), *result.leftovers])


def test_the_records_and_labels_name_the_column(segmenter) -> None:
    result = parse_page(load(SIDE_BY_SIDE), segmenter)
    left, right = result.articles
    assert article_record(right)["source"] == {"file": "side_by_side.txt", "lines": [[3, 37]], "columns": [RIGHT]}
    assert leftover_record(result.leftovers[0])["source"] == {"file": "side_by_side.txt", "lines": [[1, 1]]}
    assert source_label(left.file, left.lines, columns=left.columns) == "side_by_side.txt:3–40 左栏"
    assert lines_label(((1, 1), (3, 9), (3, 5)), (WHOLE_ROW, LEFT, RIGHT), dash="-") == "1,3-9 左栏,3-5 右栏"
    assert lines_label(((5, 7), (9, 9))) == "5–7,9"


ONE_ARTICLE = (
    "在新时代背景下，职工群众的需求从“物质满足”向“精神富足、价值实现”多元转变，工会作为党联系职工群众的桥梁纽带，"
    "需紧跟时代步伐，以创新思维、务实举措破解服务难题，切实将“职工之家”的温暖送到心坎上，为企业发展与社会和谐凝聚力量。"
    "当前职工群体结构、工作环境、思想观念均发生显著变化，需求呈现三大新特征。一是需求维度更丰富，除薪酬福利、劳动保障等"
    "基础需求外，职工对职业技能提升、职业发展通道、心理健康疏导的需求日益迫切。"
)


def wrapped(text: str, measure: int = 17) -> list[str]:
    """A paragraph hard-wrapped to a column of ``measure`` characters, its first line indented."""
    first = measure - 2
    return ["\u3000\u3000" + text[:first]] + [text[i : i + measure] for i in range(first, len(text), measure)]


def test_a_paragraph_that_goes_on_at_the_top_of_the_right_column_is_one_paragraph(segmenter) -> None:
    body = wrapped(ONE_ARTICLE)
    half = (len(body) + 1) // 2
    rows = ["新时代工会工作服务职工群众的路径探索", "枣庄矿业集团田陈煤矿 王乔媛", ""] + side_by_side(body[:half], body[half:], 22)
    result = parse_page(page("one.txt", rows), segmenter)
    (article,) = result.articles
    assert (article.author, article.body) == ("王乔媛", ONE_ARTICLE)
    assert article.lines == ((1, 2), (4, 3 + half), (4, 3 + len(body) - half))
    assert article.columns == (WHOLE_ROW, LEFT, RIGHT)
    assert article.paragraphs[0].lines == article.lines[1:]
    assert_nothing_lost(page("one.txt", rows), [*result.articles, *result.leftovers])


SEED_TEXT = "".join(line.strip() for path in sorted(SEEDS.glob("*.txt")) for line in load(path).lines)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    start=st.integers(0, len(SEED_TEXT) - 2000),
    measure=st.integers(10, 20),
    rows=st.tuples(st.integers(0, 40), st.integers(0, 40)),
    extra=st.integers(3, 6),
    jitter=st.lists(st.integers(-TOLERANCE, TOLERANCE), min_size=1, max_size=5),
    blanks=st.sets(st.integers(0, 40), max_size=4),
    above=st.lists(st.sampled_from(["2026年3月19日 星期四 第3版", "政工园地", "", "责任编辑：王丽    版式：张强"]), max_size=3),
)
def test_any_two_columns_side_by_side_lose_no_cell(segmenter, start, measure, rows, extra, jitter, blanks, above) -> None:
    text = SEED_TEXT[start:]
    left = [text[i * measure : (i + 1) * measure] for i in range(rows[0])]
    right = [text[(rows[0] + i) * measure : (rows[0] + i + 1) * measure] for i in range(rows[1])]
    left = ["" if i in blanks else line for i, line in enumerate(left)]
    source = page("columns.txt", above + side_by_side(left, right, measure + extra + TOLERANCE, tuple(jitter)) + above[::-1])
    result = parse_page(source, segmenter)
    assert_nothing_lost(source, [*result.articles, *result.leftovers])
    for record in [*result.articles, *result.leftovers]:
        assert record.lines and len(record.columns) in (0, len(record.lines))
        json.dumps(article_record(record) if hasattr(record, "paragraphs") else leftover_record(record), ensure_ascii=False)


def test_a_joined_articles_own_part_keeps_its_columns(segmenter) -> None:
    right = parse_page(load(SIDE_BY_SIDE), segmenter).articles[1]
    joined = replace(right, parts=((right.file, right.lines), ("p6.txt", ((4, 9),))))
    assert [part["columns"] if "columns" in part else None for part in article_record(joined)["parts"]] == [[RIGHT], None]
    assert article_source_label(joined) == "side_by_side.txt:3–37 右栏；p6.txt:4–9"


def test_three_columns_across_are_not_read_as_two() -> None:
    _, left, right, _ = columns_of(SIDE_BY_SIDE)
    two = side_by_side(left, right, 24)
    assert split_at_gutter(two) is not None
    assert split_at_gutter(side_by_side(two, left, 48)) is None
    assert split_at_gutter(side_by_side(left, two, 24)) is None


SPANNING = FIXTURES / "pages" / "spanning_headline_columns.txt"
assert SPANNING in SPLIT_PAGES


@pytest.mark.parametrize("path, row", [(SIDE_BY_SIDE, 20), (SPANNING, 12)])
def test_columns_that_cannot_be_split_reliably_are_warned_of(path, row, segmenter) -> None:
    """Two columns side by side whose gutter OCR closed up on one row (the row's text runs across
    it): no split is believed, the page is read as printed, and the page's warning and each of its
    articles' notes say so, naming the row, so no article passes for a clean reading."""
    rows = list(load(path).lines)
    assert split_at_gutter(rows) is not None
    rows[row - 1] = re.sub(" {3,}", " ", rows[row - 1])
    source = page(path.name, rows)
    result = parse_page(source, segmenter)
    assert split_at_gutter(rows) is None
    assert result.note.warnings == (f"{path.name}:{row}: columns side by side not split",)
    assert result.articles and all(any(f"第{row}行" in note for note in a.notes) for a in result.articles)


def test_a_split_page_and_a_page_without_columns_warn_of_nothing(segmenter) -> None:
    assert parse_page(load(SPANNING), segmenter).note.warnings == ()
    for path in UNSPLIT:
        assert not any("columns side by side" in w for w in parse_page(load(path), segmenter).note.warnings)
