"""The build cache: a changed page or data file changes the output; an unchanged page is not re-segmented."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from zhenggong_report import pages as pages_module
from zhenggong_report.build import build
from zhenggong_report.cache import BuildCache
from zhenggong_report.forks import can_fork
from zhenggong_report.resources import data_path

from conftest import SEEDS


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("ZHENGGONG_CACHE_DIR", str(folder))
    return folder


class PageWorkLog:
    """The names of the pages parsed and segmented (not taken from the cache), in this process or
    in any worker process forked from it: each call appends a line to a file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.clear()

    def record(self, name: str) -> None:
        with open(self.path, "a", encoding="utf-8") as handle:
            handle.write(f"{name}\t{os.getpid()}\n")

    def names(self) -> list[str]:
        return [line.split("\t")[0] for line in self.path.read_text(encoding="utf-8").splitlines()]

    def processes(self) -> set[int]:
        return {int(line.split("\t")[1]) for line in self.path.read_text(encoding="utf-8").splitlines()}

    def clear(self) -> None:
        self.path.write_text("", encoding="utf-8")

    def __len__(self) -> int:
        return len(self.names())

    def __eq__(self, other: object) -> bool:
        return self.names() == other


@pytest.fixture
def page_work_calls(monkeypatch, tmp_path: Path) -> PageWorkLog:
    log = PageWorkLog(tmp_path / "page-work.log")
    original = pages_module.do_page_work

    def counting(source, context):
        log.record(source.name)
        return original(source, context)

    monkeypatch.setattr(pages_module, "do_page_work", counting)
    return log


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_an_unchanged_rebuild_reuses_the_report_and_segments_nothing(seeds, tmp_path, cache_folder, page_work_calls):
    first = build(seeds, tmp_path / "one")
    assert not first.reused and len(page_work_calls) == 5
    second = build(seeds, tmp_path / "two")
    assert second.reused and len(page_work_calls) == 5
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")
    assert (second.articles, second.leftovers) == (first.articles, first.leftovers)


def test_a_changed_page_changes_the_output_and_only_it_is_segmented_again(seeds, tmp_path, cache_folder, page_work_calls):
    build(seeds, tmp_path / "before")
    page = sorted(seeds.glob("*.txt"))[1]
    page.write_text(page.read_text(encoding="utf-8").replace("刘兆媛", "刘晓媛"), encoding="utf-8")
    page_work_calls.clear()
    result = build(seeds, tmp_path / "after")
    assert page_work_calls == [page.name]
    assert not result.reused
    before = (tmp_path / "before" / "data" / "articles.json").read_text(encoding="utf-8")
    after = (tmp_path / "after" / "data" / "articles.json").read_text(encoding="utf-8")
    assert "刘兆媛" in before and "刘兆媛" not in after and "刘晓媛" in after


def test_a_changed_theme_file_rereads_themes_without_segmenting_again(seeds, tmp_path, cache_folder, page_work_calls, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(data_path("themes.toml"), data / "themes.toml")
    build(seeds, tmp_path / "before", data_dir=data)
    readings: list[int] = []
    original = pages_module.read_page
    monkeypatch.setattr(pages_module, "read_page", lambda work, context: readings.append(1) or original(work, context))
    text = (data / "themes.toml").read_text(encoding="utf-8")
    (data / "themes.toml").write_text(text.replace('name = "信访"', 'name = "信访维稳"', 1), encoding="utf-8")
    page_work_calls.clear()
    build(seeds, tmp_path / "after", data_dir=data)
    assert page_work_calls == [] and len(readings) == 5
    assert '"信访维稳"' in (tmp_path / "after" / "data" / "themes.json").read_text(encoding="utf-8")


def test_a_changed_user_dictionary_segments_every_page_again(seeds, tmp_path, cache_folder, page_work_calls):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(data_path("userdict.txt"), data / "userdict.txt")
    build(seeds, tmp_path / "before", data_dir=data)
    with open(data / "userdict.txt", "a", encoding="utf-8") as handle:
        handle.write("双十接待日 50 n\n")
    page_work_calls.clear()
    build(seeds, tmp_path / "after", data_dir=data)
    assert len(page_work_calls) == 5


def test_no_cache_does_everything_and_keeps_nothing(seeds, tmp_path, cache_folder, page_work_calls):
    build(seeds, tmp_path / "one", use_cache=False)
    build(seeds, tmp_path / "two", use_cache=False)
    assert len(page_work_calls) == 10
    assert not (cache_folder / "build").exists()
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")


def test_a_damaged_cache_entry_counts_as_missing(seeds, tmp_path, cache_folder, page_work_calls):
    build(seeds, tmp_path / "one")
    for entry in (cache_folder / "build").rglob("*.pickle"):
        entry.write_bytes(b"damaged")
    page_work_calls.clear()
    result = build(seeds, tmp_path / "two")
    assert not result.reused and len(page_work_calls) == 5
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")


def test_cache_entries_round_trip(tmp_path):
    cache = BuildCache(tmp_path)
    cache.store("kind", "ab" * 32, {"value": [1, 2, 3]})
    assert cache.load("kind", "ab" * 32) == {"value": [1, 2, 3]}
    assert cache.load("kind", "cd" * 32) is None
    cache.store_files("ef" * 32, {"index.html": b"<p>", "data/a.json": b"[]"})
    assert cache.load_files("ef" * 32) == {"index.html": b"<p>", "data/a.json": b"[]"}
    assert BuildCache(tmp_path, enabled=False).load("kind", "ab" * 32) is None


def test_only_the_latest_reports_are_kept(tmp_path):
    import os

    from zhenggong_report.cache import KEPT_REPORTS

    cache = BuildCache(tmp_path)
    keys = [f"{n:02d}" * 32 for n in range(KEPT_REPORTS + 2)]
    for age, key in enumerate(keys):
        cache.store_files(key, {"index.html": key.encode()})
        entry = next((tmp_path / "reports").glob(f"*/{key}.pickle"))
        os.utime(entry, (1_000_000 + age, 1_000_000 + age))
    kept = [key for key in keys if cache.load_files(key) is not None]
    assert kept == keys[-KEPT_REPORTS:]


def test_segmented_units_pickle_compactly_and_come_back_whole(seed_corpus, segmenter):
    from zhenggong_report.analyze.tokens import tokenize_article

    tokens = tokenize_article(seed_corpus.articles[9], segmenter)
    again = pickle.loads(pickle.dumps(tokens))
    assert again == tokens
    for unit, copy in zip(tokens.units, again.units, strict=True):
        assert (copy.tokens, copy.starts, copy.sentences, copy.boundaries) == (unit.tokens, unit.starts, unit.sentences, unit.boundaries)


@pytest.mark.parametrize("platform", ["linux", "other"], ids=["forked", "spawned"])
def test_worker_processes_give_the_same_pages_as_one_process(seed_corpus, segmenter, tmp_path, monkeypatch, platform):
    from zhenggong_report.analyze import load_analysis_data
    from zhenggong_report.pages import PageContext, page_keys, run_pages

    context = PageContext(segmenter, load_analysis_data())
    sources = seed_corpus.sources
    keys = [page_keys(s, "code", "dict", "themes") for s in sources]
    serial = run_pages(sources, keys, context, BuildCache(tmp_path, enabled=False), jobs=1)
    monkeypatch.setattr(pages_module, "PARALLEL_MIN_CHARACTERS", 0)
    if platform != "linux":
        monkeypatch.setattr(pages_module.sys, "platform", "other")
    parallel = run_pages(sources, keys, context, BuildCache(tmp_path, enabled=False), jobs=2)
    assert [w for w, _ in parallel] == [w for w, _ in serial]
    assert [r for _, r in parallel] == [r for _, r in serial]


def test_the_per_page_pipeline_analyses_like_the_whole_corpus_at_once(tmp_path, cache_folder, seed_corpus, seed_analysis):
    import json

    build(SEEDS, tmp_path / "site", use_cache=False)
    records = {r["id"]: r for r in json.loads((tmp_path / "site" / "data" / "articles.json").read_text(encoding="utf-8"))}
    for item in seed_analysis.articles:
        record = records[item.article_id]
        assert record["primary_theme"] == item.primary_theme
        assert [k["word"] for k in record["keywords"]] == [k.word for k in item.keywords]
        assert [r["id"] if "id" in r else r["article_id"] for r in record["related"]] == [r.article_id for r in item.related]
        assert [e["id"] for e in record["enterprises"]] == [e.enterprise_id for e in item.enterprises]


def test_bodies_rendered_per_page_give_the_same_page_as_rendering_at_once(tmp_path, cache_folder, seed_corpus, seed_analysis, monkeypatch):
    from zhenggong_report.render.html import render_html

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    build(SEEDS, tmp_path / "site", use_cache=False)
    at_once = render_html(seed_corpus, seed_analysis)["index.html"]
    assert (tmp_path / "site" / "index.html").read_bytes() == at_once


def test_one_job_and_several_build_the_same_bytes(seeds, tmp_path, cache_folder, monkeypatch):
    """Several jobs: pages in worker processes, the corpus-wide steps side by side in forked children."""
    monkeypatch.setattr(pages_module, "PARALLEL_MIN_CHARACTERS", 0)
    build(seeds, tmp_path / "one", use_cache=False, jobs=1)
    build(seeds, tmp_path / "two", use_cache=False, jobs=2)
    assert snapshot(tmp_path / "two") == snapshot(tmp_path / "one")


@pytest.mark.skipif(not can_fork(), reason="workers are forked on Linux only")
def test_a_changed_page_is_segmented_in_a_worker_while_the_others_load(seeds, tmp_path, cache_folder, page_work_calls):
    build(seeds, tmp_path / "before", jobs=2)
    page = sorted(seeds.glob("*.txt"))[2]
    page.write_text(page.read_text(encoding="utf-8") + "\n补记一段。\n", encoding="utf-8")
    page_work_calls.clear()
    build(seeds, tmp_path / "two", jobs=2)
    assert page_work_calls == [page.name] and os.getpid() not in page_work_calls.processes()
    page.write_text(page.read_text(encoding="utf-8") + "\n再补一段。\n", encoding="utf-8")
    page_work_calls.clear()
    build(seeds, tmp_path / "one", jobs=1)
    assert page_work_calls == [page.name] and page_work_calls.processes() == {os.getpid()}
