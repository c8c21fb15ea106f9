"""The folder form without a browser: which layout a corpus gets, where links point, what the
search files hold, and that a folder build is deterministic and complete."""

from __future__ import annotations

import base64
import gzip
import json
from types import SimpleNamespace as Ns

import pytest

from zhenggong_report.pipeline import build
from zhenggong_report.render.folder import packed_search_file, search_entry
from zhenggong_report.render.html import FOLDER_FROM_BYTES, choose_layout
from zhenggong_report.render.links import FolderLinks, SamePage, href, linking

from conftest import SEEDS


def corpus_of(size: int):
    return Ns(sources=(Ns(size=size),))


def test_auto_chooses_the_folder_past_the_documented_size() -> None:
    assert choose_layout("auto", corpus_of(FOLDER_FROM_BYTES)) == "single"
    assert choose_layout("auto", corpus_of(FOLDER_FROM_BYTES + 1)) == "folder"
    assert choose_layout("single", corpus_of(10**9)) == "single"
    assert choose_layout("folder", corpus_of(1)) == "folder"
    with pytest.raises(ValueError):
        choose_layout("pages", corpus_of(1))


def test_links_point_to_the_page_that_holds_the_anchor() -> None:
    assert href("a-1234abcd") == "#a-1234abcd"
    assert SamePage().table("theme=t-x") == "#theme=t-x"
    index, article = FolderLinks(0, "index.html"), FolderLinks(1, "")
    assert index("a-1234abcd") == "articles/a-1234abcd.html"
    assert article("a-1234abcd") == "../articles/a-1234abcd.html"
    assert index("articles") == "#articles" and index("t-petitions") == "themes.html#t-petitions"
    assert FolderLinks(0, "themes.html")("t-petitions") == "#t-petitions"
    assert article("e-zaokuang") == "../enterprises.html#e-zaokuang"
    assert article("c-a-1234abcd") == "../glossary.html#c-a-1234abcd"
    assert article("parse-notes") == "../notes.html#parse-notes"
    assert article.table("theme=t-x") == "../index.html#theme=t-x"
    with linking(article):
        assert href("t-x") == "../themes.html#t-x"
    assert href("t-x") == "#t-x"


def test_a_search_file_unpacks_to_the_articles_text() -> None:
    batch = [["a-1", ["标题", "正文，含 </script> 与 “引号”"]]]
    packed = packed_search_file(batch)
    assert packed == packed_search_file(batch)
    text = packed.decode("ascii")
    assert text.startswith('ZG.packed("') and text.endswith('");\n')
    assert json.loads(gzip.decompress(base64.b64decode(text[11:-4]))) == batch


def _view(kicker, subtitle):
    article = Ns(kicker=kicker, subtitle=subtitle, author="张三", affiliation=None, abstract=None,
                 paragraphs=(Ns(text="正文第一段。"),))
    return Ns(article=article, ref=Ns(title="王庄煤矿“党建+安全”双轮驱动见实效", anchor="a-1"))


def test_a_search_entry_holds_the_title_first_then_the_kicker_and_subtitle() -> None:
    """The title stays the first text (a hit shows it as its link), though the kicker is printed over it."""
    assert search_entry(_view("深化党建融合 激发发展活力", "记综采一队党支部")) == [
        "a-1", ["王庄煤矿“党建+安全”双轮驱动见实效", "深化党建融合 激发发展活力", "记综采一队党支部", "张三", "正文第一段。"]]
    assert search_entry(_view(None, None))[1] == ["王庄煤矿“党建+安全”双轮驱动见实效", "张三", "正文第一段。"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    out = tmp_path_factory.mktemp("folder") / "report"
    build(SEEDS, out, layout="folder", use_cache=False)
    return out


def test_a_folder_build_is_deterministic(folder, tmp_path) -> None:
    build(SEEDS, tmp_path / "again", layout="folder", use_cache=False)
    first = {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    second = {p.relative_to(tmp_path / "again"): p.read_bytes() for p in (tmp_path / "again").rglob("*") if p.is_file()}
    assert first.keys() == second.keys() and all(first[k] == second[k] for k in first)


def test_every_link_of_the_folder_has_its_file_and_target(folder) -> None:
    from html_page import parse_page

    pages = {p: parse_page(p.read_bytes()) for p in folder.rglob("*.html") if "data" not in p.relative_to(folder).parts}
    ids = {p.resolve(): set(page.ids) for p, page in pages.items()}
    for path, page in pages.items():
        for link in page.links():
            if link.startswith(("http:", "https:", "mailto:")):
                continue
            target, _, anchor = link.partition("#")
            file = (path.parent / target).resolve() if target else path.resolve()
            assert file.is_file(), f"{path.name}: {link}"
            if anchor and "=" not in anchor and file in ids:
                assert anchor in ids[file], f"{path.name}: {link}"
        assert not [a for t, a in page.tags if t == "script" and "src" not in a], "the folder's pages have no inline script"


def test_the_folders_table_of_contents_leads_to_the_list_of_every_article(folder) -> None:
    """The single page's 文章全文 is, in the folder, the list of every article on its own page."""
    index = (folder / "index.html").read_text(encoding="utf-8")
    toc = index[index.index('class="toc-list"'):index.index("</nav>")]
    assert '<li><a href="list.html#texts">文章列表</a></li>' in toc
    listing = (folder / "list.html").read_text(encoding="utf-8")
    assert '<section id="texts"' in listing and '<a href="#texts">文章列表</a>' in listing
