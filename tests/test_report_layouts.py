"""A build of the layout fixture pages: the report shows where each page is from and each article's
editorial blocks, and the data files carry them."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from zhenggong_report.pipeline import build
from zhenggong_report.render.labels import labels

PAGES = Path(__file__).parent / "fixtures" / "pages"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("layouts")
    seeds = root / "seeds"
    seeds.mkdir()
    for page in PAGES.glob("*.txt"):
        if page.stem != "side_by_side":
            shutil.copy(page, seeds / page.name)
    build(seeds, root / "out", use_cache=False, jobs=1)
    return root / "out"


def test_the_page_shows_paper_date_and_edition(built: Path) -> None:
    html = (built / "index.html").read_text(encoding="utf-8")
    assert "《枣矿工人报》 2026-03-12 第2版 思想政治工作" in html
    pages = json.loads((built / "data" / "pages.json").read_text(encoding="utf-8"))
    printed = {p["file"]: p["printed"] for p in pages}
    assert printed["masthead_footer.txt"]["editors"] == {"责任编辑": "王丽", "版式": "张强", "校对": "李明"}


def test_editorial_blocks_are_shown_and_kept_out_of_bodies(built: Path) -> None:
    html = (built / "index.html").read_text(encoding="utf-8")
    articles = json.loads((built / "data" / "articles.json").read_text(encoding="utf-8"))
    with_note = [a for a in articles if a["editor_note"]]
    with_refs = [a for a in articles if a["references"]]
    assert with_note and with_refs
    for article in with_note:
        assert article["editor_note"] not in article["body"]
        assert article["editor_note"] in html
    for article in with_refs:
        assert all(entry not in article["body"] for entry in article["references"])
    assert "参考文献" in html and "作者简介" in html


def test_the_pages_of_one_issue_join_their_continued_article(built: Path) -> None:
    articles = json.loads((built / "data" / "articles.json").read_text(encoding="utf-8"))
    joined = [a for a in articles if a["parts"]]
    assert [[part["file"] for part in a["parts"]] for a in joined] == [["jump_from_front.txt", "jump_to_inside.txt"]]


def test_a_journal_articles_front_matter_is_shown_and_kept(built: Path) -> None:
    html = (built / "index.html").read_text(encoding="utf-8")
    articles = json.loads((built / "data" / "articles.json").read_text(encoding="utf-8"))
    [journal] = [a for a in articles if a["journal"]]
    assert journal["journal"]["中图分类号"] == "D412.6"
    assert "中图分类号" not in journal["body"]
    assert "中图分类号：D412.6" in html


def test_a_pasted_wechat_article_s_metadata_is_shown_and_its_chrome_kept_apart(built: Path) -> None:
    html = (built / "index.html").read_text(encoding="utf-8")
    articles = json.loads((built / "data" / "articles.json").read_text(encoding="utf-8"))
    leftovers = json.loads((built / "data" / "leftovers.json").read_text(encoding="utf-8"))
    [article] = [a for a in articles if a["source"]["file"] == "wechat_paste.txt"]
    assert article["metadata"] == {"account": "山西焦煤", "author": "王海峰", "original": "原创", "date": "2026年1月5日",
                                   "time": "08:00", "place": "山西", "source": "西山煤电党委宣传部"}
    assert article["editors"] == {"编辑": "刘洋", "审核": "陈静"}
    assert not any(word in article["body"] for word in ("图片", "END", "往期推荐", "编辑：", "来源："))
    assert "公众号：山西焦煤　作者：王海峰　声明：原创　发布时间：2026年1月5日 08:00　发布地：山西　来源：西山煤电党委宣传部　编辑：刘洋　审核：陈静" in html
    kinds = {l["kind"] for l in leftovers if l["source"]["file"] == "wechat_paste.txt"}
    assert kinds == {"wechat_chrome", "recommendations"}
    assert "微信界面文字" in html and "往期推荐" in html


def test_a_poem_s_stanzas_keep_their_lines_and_a_photo_title_stays_with_its_credit(built: Path) -> None:
    html = (built / "index.html").read_text(encoding="utf-8")
    articles = json.loads((built / "data" / "articles.json").read_text(encoding="utf-8"))
    leftovers = json.loads((built / "data" / "leftovers.json").read_text(encoding="utf-8"))
    [poem] = [a for a in articles if a["title"] == "矿灯"]
    assert poem["body"].split("\n\n")[0].split("\n")[:2] == ["我是一盏矿灯", "挂在矿工的帽檐上"]
    assert '<p class="verse">我是一盏矿灯<br>挂在矿工的帽檐上<br>' in html
    captions = [l["text"] for l in leftovers if l["source"]["file"] == "supplement_page.txt" and l["kind"] == "caption"]
    assert captions == ["春到矿山\n摄影 王建军", "井口的笑脸\n□ 赵亮 摄"]


def test_a_kicker_is_printed_small_over_its_title_and_kept_in_the_data(built: Path) -> None:
    """A 引题 + 主题 + 副题 stack reads in print order (kicker, title, subtitle); an article with no
    kicker prints no kicker element; the JSON and CSV records carry it."""
    html = (built / "index.html").read_text(encoding="utf-8")
    articles = json.loads((built / "data" / "articles.json").read_text(encoding="utf-8"))
    [stack] = [a for a in articles if a["source"]["file"] == "lead_in_stack_page.txt" and a["subtitle"]
               and a["title"] == "王庄煤矿“党建+安全”双轮驱动见实效"]
    assert (stack["kicker"], stack["subtitle"]) == ("深化党建融合 激发发展活力", "记王庄煤矿综采一队党支部")
    start = html.index(f'<article id="{stack["id"]}"')
    head = html[start : html.index("</header>", start)]
    kicker = head.index('<p class="kicker zx">深化党建融合 激发发展活力</p>')
    assert kicker < head.index("<h3>") < head.index('<p class="subtitle zx">记王庄煤矿综采一队党支部</p>')
    assert html.count('<p class="kicker zx">') == sum(1 for a in articles if a["kicker"])
    with open(built / "data" / "articles.csv", encoding="utf-8-sig", newline="") as handle:
        rows = {row[labels().csv_headers["id"]]: row for row in csv.DictReader(handle)}
    row = rows[stack["id"]]
    assert (row[labels().csv_headers["kicker"]], row[labels().csv_headers["subtitle"]]) == (stack["kicker"], stack["subtitle"])
