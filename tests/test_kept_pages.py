"""Article pages kept between builds (:mod:`zhenggong_report.pipeline.kept_pages`): a rebuild gives
its report the pages an earlier build made from the same inputs instead of rendering them again,
and its report is byte for byte a clean build's."""

from __future__ import annotations

import os
import shutil

import pytest

from zhenggong_report.pipeline import build
from zhenggong_report.pipeline.kept_pages import CachedPages

from conftest import SEEDS


def files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHENGGONG_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture
def given(monkeypatch):
    """The pages the kept pages gave to each build since."""
    pages: list[str] = []
    real = CachedPages.give

    def give(self, key, relative):
        found = real(self, key, relative)
        if found:
            pages.append(relative)
        return found

    monkeypatch.setattr(CachedPages, "give", give)
    return pages


def _retouch(folder, old: str, new: str) -> None:
    page = next(p for p in sorted(folder.glob("*.txt")) if old in p.read_text(encoding="utf-8"))
    page.write_text(page.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def test_a_rebuild_renders_only_the_changed_articles_pages_and_equals_a_clean_build(corpus, tmp_path, given) -> None:
    build(corpus, tmp_path / "first", layout="folder", jobs=1)
    assert given == []
    _retouch(corpus, "职工代表大会", "职工代表大会（职代会）")
    build(corpus, tmp_path / "again", layout="folder", jobs=1)
    build(corpus, tmp_path / "clean", layout="folder", jobs=1, use_cache=False)
    assert files(tmp_path / "again") == files(tmp_path / "clean")
    pages = {name for name in files(tmp_path / "clean") if name.startswith("articles/")}
    assert 0 < len(given) < len(pages)  # the changed article's page (and its neighbours') made again
    changed = {name for name in pages if files(tmp_path / "first").get(name) != files(tmp_path / "clean")[name]}
    assert changed and not changed & set(given)
    assert all(os.stat(tmp_path / "again" / name).st_nlink > 1 for name in given)  # linked, not written


def test_a_kept_page_edited_since_is_made_again(corpus, tmp_path, given) -> None:
    """The report's files share their storage with the kept copy: a page edited in place is no
    longer the one its manifest names, and is rendered again rather than given."""
    build(corpus, tmp_path / "first", layout="folder", jobs=1)
    edited = sorted((tmp_path / "first" / "articles").glob("*.html"))[0]
    with open(edited, "r+b") as handle:  # in place, as an editor saving over the file might
        handle.write(b"<!-- edited -->")
    _retouch(corpus, "职工代表大会", "职工代表大会（职代会）")
    build(corpus, tmp_path / "again", layout="folder", jobs=1)
    build(corpus, tmp_path / "clean", layout="folder", jobs=1, use_cache=False)
    assert files(tmp_path / "again") == files(tmp_path / "clean")
    assert given and f"articles/{edited.name}" not in given


def test_without_a_cache_every_page_is_rendered(corpus, tmp_path, given) -> None:
    build(corpus, tmp_path / "first", layout="folder", jobs=1, use_cache=False)
    _retouch(corpus, "职工代表大会", "职工代表大会（职代会）")
    build(corpus, tmp_path / "again", layout="folder", jobs=1, use_cache=False)
    assert given == []


def test_a_flipped_bit_in_the_kept_pages_memo_only_means_every_page_is_rendered(corpus, tmp_path, given) -> None:
    from test_cache import flip_bit

    build(corpus, tmp_path / "first", layout="folder", jobs=1)
    (memo,) = (tmp_path / "cache" / "build" / "article-pages").rglob("*.entry")
    flip_bit(memo, len(memo.read_bytes()) // 2)
    _retouch(corpus, "职工代表大会", "职工代表大会（职代会）")
    build(corpus, tmp_path / "again", layout="folder", jobs=1)
    build(corpus, tmp_path / "clean", layout="folder", jobs=1, use_cache=False)
    assert given == [] and files(tmp_path / "again") == files(tmp_path / "clean")


def test_a_page_key_is_the_same_with_the_groups_digests_kept_and_changes_with_the_group(seed_corpus, segmenter) -> None:
    """The digests of shared duplicate groups kept for one render give the keys computed afresh;
    a copy's key changes when its group does (its page lists the group's members)."""
    import dataclasses

    from zhenggong_report.analyze import analyze_corpus
    from zhenggong_report.render.folder import ArticlePageKeys
    from zhenggong_report.render.view import build_view

    copy = dataclasses.replace(seed_corpus.articles[0], id=seed_corpus.articles[0].id + "-copy")
    corpus = dataclasses.replace(seed_corpus, articles=(*seed_corpus.articles, copy))
    views = build_view(corpus, analyze_corpus(corpus, segmenter), bodies={a.id: f"<p>{a.id}</p>" for a in corpus.articles}).articles
    grouped = [v for v in views if v.duplicates is not None]
    assert len(grouped) == 2 and grouped[0].duplicates is grouped[1].duplicates
    keys = ArticlePageKeys({"root": "../"})
    kept = [keys.of(v) for v in views]
    assert kept == [ArticlePageKeys({"root": "../"}).of(v) for v in views] and len(keys.groups) == 1
    assert len(set(kept)) == len(views)
    other = dataclasses.replace(grouped[0].duplicates, members=grouped[0].duplicates.members[:1])
    assert ArticlePageKeys({"root": "../"}).of(dataclasses.replace(grouped[0], duplicates=other)) != kept[views.index(grouped[0])]
    assert ArticlePageKeys({"root": "./"}).of(views[0]) != kept[0]  # the context is in the key


def test_the_kept_pages_memo_is_one_per_code_templates_data_and_renderer_libraries() -> None:
    from zhenggong_report.pipeline.kept_pages import pages_memo_key

    base = pages_memo_key("code", "templates", {"themes.toml": "1"}, ("jinja2=3.1.4",))
    assert base == pages_memo_key("code", "templates", {"themes.toml": "1"}, ("jinja2=3.1.4",))
    assert len({
        base,
        pages_memo_key("other code", "templates", {"themes.toml": "1"}, ("jinja2=3.1.4",)),
        pages_memo_key("code", "other templates", {"themes.toml": "1"}, ("jinja2=3.1.4",)),
        pages_memo_key("code", "templates", {"themes.toml": "2"}, ("jinja2=3.1.4",)),
        pages_memo_key("code", "templates", {"themes.toml": "1"}, ("jinja2=3.1.5",)),
    }) == 5
