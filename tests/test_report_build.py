"""The real build's report page: parse -> analyze -> render from the seeds, as the CLI writes it."""

from __future__ import annotations

import io
import json
import shutil
from collections import Counter

import pytest

from zhenggong_report.pipeline import build
from zhenggong_report.cli import main
from zhenggong_report.resources import templates_dir

from conftest import SEEDS
from html_page import parse_page, section


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "build"
    build(SEEDS, out)
    return out


@pytest.fixture(scope="module")
def html(built) -> bytes:
    return (built / "index.html").read_bytes()


@pytest.fixture(scope="module")
def records(built) -> list[dict]:
    return json.loads((built / "data" / "articles.json").read_text(encoding="utf-8"))


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_the_build_writes_the_page_beside_the_data(built) -> None:
    assert (built / "index.html").is_file()
    assert (built / "data" / "articles.json").is_file()


def test_the_page_stays_under_three_times_the_corpus(html) -> None:
    corpus = sum(p.stat().st_size for p in SEEDS.glob("*.txt"))
    assert len(html) < 3 * corpus, f"{len(html):,} bytes for {corpus:,} bytes of sources"


def test_every_in_page_link_has_a_unique_target(html) -> None:
    page = parse_page(html)
    ids = Counter(page.ids)
    assert [i for i, n in ids.items() if n > 1] == []
    assert [target for target in page.fragment_links() if target not in ids] == []


def test_every_article_is_on_the_page_with_its_text(records, html) -> None:
    text = parse_page(html).text
    for record in records:
        assert f'id="{record["id"]}"' in html.decode("utf-8")
        for paragraph in record["body"].split("\n\n"):
            assert paragraph in text


def test_article_theme_links_go_both_ways(records, html) -> None:
    pairs = [(r["id"], t["id"]) for r in records for t in r["themes"]]
    assert len(pairs) >= len(records)
    for article_id, theme_id in pairs:
        assert f'href="#t-{theme_id}"' in section(html, article_id)
        assert f'href="#{article_id}"' in section(html, f"t-{theme_id}")


def test_article_enterprise_links_go_both_ways(records, html) -> None:
    pairs = [(r["id"], e["id"]) for r in records for e in r["enterprises"]]
    assert pairs
    for article_id, enterprise_id in pairs:
        anchor = enterprise_id if enterprise_id.startswith("e-") else f"e-{enterprise_id}"
        assert f'href="#{anchor}"' in section(html, article_id)
        assert f'href="#{article_id}"' in section(html, anchor)


def test_every_enterprise_and_theme_has_its_section(built, html) -> None:
    page = parse_page(html)
    themes = json.loads((built / "data" / "themes.json").read_text(encoding="utf-8"))
    enterprises = json.loads((built / "data" / "enterprises.json").read_text(encoding="utf-8"))
    for theme in themes:
        assert f"t-{theme['id']}" in page.ids
    for enterprise in enterprises:
        assert (enterprise["id"] if enterprise["id"].startswith("e-") else f"e-{enterprise['id']}") in page.ids


def test_a_date_is_shown_only_from_source_date_epoch(tmp_path, monkeypatch, html) -> None:
    assert b"<time" not in html
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "946684800")
    build(SEEDS, tmp_path / "dated")
    assert b'<time datetime="2000-01-01">2000-01-01</time>' in (tmp_path / "dated" / "index.html").read_bytes()


def test_build_templates_option_restyles_the_page(tmp_path, html) -> None:
    copy = tmp_path / "my-templates"
    shutil.copytree(templates_dir(), copy)
    base = copy / "index.html.j2"
    base.write_text(base.read_text(encoding="utf-8").replace("<h1>政工文章分析报告</h1>", "<h1>本厂政工简报</h1>"), encoding="utf-8")
    code, out, err = run("build", "--seeds", str(SEEDS), "--out", str(tmp_path / "out"), "--templates", str(copy))
    assert code == 0, err
    page = (tmp_path / "out" / "index.html").read_bytes()
    assert "<h1>本厂政工简报</h1>".encode() in page
    assert page.replace("本厂政工简报".encode(), "政工文章分析报告".encode()) == html


def test_a_broken_template_is_exit_2_and_keeps_the_previous_report(tmp_path) -> None:
    out = tmp_path / "out"
    assert run("build", "--seeds", str(SEEDS), "--out", str(out))[0] == 0
    before = (out / "index.html").read_bytes()
    copy = tmp_path / "broken"
    shutil.copytree(templates_dir(), copy)
    (copy / "_enterprises.html.j2").write_text("{% for x in %}\n", encoding="utf-8")
    code, _, err = run("build", "--seeds", str(SEEDS), "--out", str(out), "--templates", str(copy))
    assert code == 2
    assert err.startswith("error: ") and "_enterprises.html.j2:1" in err and err.count("\n") == 1
    assert (out / "index.html").read_bytes() == before


def test_a_missing_templates_folder_is_exit_2(tmp_path) -> None:
    code, _, err = run("build", "--seeds", str(SEEDS), "--out", str(tmp_path / "out"), "--templates", str(tmp_path / "nowhere"))
    assert code == 2
    assert "templates folder does not exist" in err
    assert not (tmp_path / "out").exists()
