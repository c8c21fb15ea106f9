"""The WeChat reader: the article node and its metadata, WeChat's own words left out."""

from __future__ import annotations

import pytest

from zhenggong_report.errors import InputError
from zhenggong_report.parse import parse_page
from zhenggong_report.sources import read_source

from conftest import FIXTURES
from invariants import assert_nothing_lost
from source_fixtures import article_fields

ARTICLE = FIXTURES / "sources" / "wechat_article.html"
TITLE = "“三个一”工作法让信访矛盾化解在基层"
CHROME = ("关注", "阅读原文", "分享", "收藏", "点赞", "在看", "往期推荐", "END", "阅读 2315")
TABLE = "项目\t2024年\t2025年\n受理信访事项\t52\t48\n按期办结率\t96%\t100%"
BODY = [
    ("text", "今年以来，枣矿集团信访办坚持和发展新时代“枫桥经验”，探索推行“一次接访、一张清单、一抓到底”的“三个一”工作法，推动信访矛盾化解在基层、解决在萌芽状态。"),
    ("heading", "一、一次接访问清诉求"),
    ("text", "接访干部对来访职工做到热情接待、耐心倾听、详细记录，当场登记诉求，一次把情况问清楚。全年接待来访职工126人次。"),
    ("heading", "二、一张清单明确责任"),
    ("text", "对每一件信访事项建立责任清单，明确责任单位、责任人和办结时限，做到件件有着落、事事有回音。"),
]


@pytest.fixture(scope="module")
def wechat_source():
    return read_source(ARTICLE)


@pytest.fixture(scope="module")
def wechat_result(wechat_source, segmenter):
    return parse_page(wechat_source, segmenter)


def test_the_page_s_metadata_is_read_from_around_the_article(wechat_source):
    metadata = dict(m for m in wechat_source.facts.metadata if m[0] != "chrome")
    assert metadata == {
        "account": "枣矿融媒",
        "author": "王宏伟",
        "original": "原创",
        "date": "2026年1月5日 08:00",
        "place": "山东",
        "url": "http://mp.weixin.qq.com/s?__biz=MzA5OTY2NDc4MA==&mid=2650001234&idx=1&sn=0f1e2d3c4b5a69788796a5b4c3d2e1f0",
        "source_url": "https://www.zaokuang.example.cn/news/2026/0105/12345.html",
    }
    assert wechat_source.facts.kind == "wechat"


def test_the_text_is_the_title_and_the_article_node_without_wechat_chrome(wechat_source):
    lines = [line for line in wechat_source.lines if line]
    assert lines[:3] == [f"# {TITLE}", "文｜王宏伟", BODY[0][1]]
    assert lines[-1] == "编辑：刘洋 审核：陈静"
    assert not [line for line in lines if any(word in line for word in CHROME)]
    dropped = [value for key, value in wechat_source.facts.metadata if key == "chrome"]
    assert dropped == ["点击蓝字 关注我们", "END", "往期推荐", "枣矿集团召开2026年党建工作会议", "劳模工作室里的“金点子”"]


def test_a_line_break_and_a_table_keep_their_lines(wechat_source):
    start = wechat_source.lines.index("项目\t2024年\t2025年")
    assert "\n".join(wechat_source.lines[start : start + 3]) == TABLE
    broken = wechat_source.lines.index("做到件件有着落、事事有回音。")
    assert wechat_source.lines[broken - 1].endswith("办结时限，")
    assert wechat_source.facts.place(broken) == wechat_source.facts.place(broken + 1) == "¶7"


def test_the_article_parses_with_nothing_lost(wechat_source, wechat_result):
    assert_nothing_lost(wechat_source, list(wechat_result.articles) + list(wechat_result.leftovers))
    [article] = wechat_result.articles
    assert article.title == TITLE


def test_the_wen_line_is_the_byline(wechat_result):
    [article] = wechat_result.articles
    fields = article_fields(article)
    assert (fields["author"], fields["affiliation"]) == ("王宏伟", None)
    assert fields["paragraphs"][:5] == BODY


def test_the_credits_leave_the_body(wechat_result):
    [article] = wechat_result.articles
    assert not any("编辑：" in text for _, text in article_fields(article)["paragraphs"])
    assert [leftover.text for leftover in wechat_result.leftovers] == ["编辑：刘洋 审核：陈静"]


def test_the_table_stays_whole(wechat_result):
    [article] = wechat_result.articles
    assert article_fields(article)["paragraphs"][-1][1] == TABLE  # its kind (text, table) is the parser's to say


def test_a_page_without_an_article_is_refused_by_name(tmp_path):
    path = tmp_path / "saved.html"
    path.write_text("<html><head><title>微信</title></head><body><p>该内容已被发布者删除</p></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match=r"no WeChat article in this page \(no #js_content") as raised:
        read_source(path)
    assert raised.value.path == str(path)


def _page(content: str) -> bytes:
    return f'<html><body><h1 id="activity-name">标题</h1><div id="js_content">{content}</div></body></html>'.encode("utf-8")


def test_loose_text_breaks_hidden_parts_and_nested_sections_read_as_shown(tmp_path):
    path = tmp_path / "article.htm"
    path.write_bytes(
        _page(
            "<section>开头的话\n接着<span>说</span><br>下一行<p>段落<br>第二行</p>收尾</section>"
            '<p style="display: none">看不见的</p><section><section><span>深处</span></section></section>'
            "<script>var x = 1;</script><p>分享 收藏 点赞 在看</p>"
        )
    )
    source = read_source(path)
    assert [line for line in source.lines if line] == ["# 标题", "开头的话 接着说", "下一行", "段落", "第二行", "收尾", "深处"]
    assert dict(source.facts.metadata) == {"chrome": "分享 收藏 点赞 在看"}


def test_a_gb18030_page_is_decoded(tmp_path):
    path = tmp_path / "article.html"
    path.write_bytes(_page("<p>党建引领</p>").decode("utf-8").encode("gb18030"))
    assert read_source(path).lines[-1] == "党建引领"
