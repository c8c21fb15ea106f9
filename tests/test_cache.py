"""The build cache: a changed page or data file changes the output; an unchanged page is not re-segmented."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from zhenggong_report.pipeline import map as map_module
from zhenggong_report.pipeline import pages as pages_module
from zhenggong_report.pipeline import build
from zhenggong_report.cache import BuildCache
from zhenggong_report.pipeline.forks import can_fork
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
    original = map_module.read_page

    def counting(source, tools):
        log.record(source.name)
        return original(source, tools)

    monkeypatch.setattr(map_module, "read_page", counting)
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
    original = map_module.read_tokens
    monkeypatch.setattr(map_module, "read_tokens", lambda tokens, tools: readings.append(1) or original(tools=tools, tokens=tokens))
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
    assert not cache_folder.exists()  # not even jieba's dictionary
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")


def test_a_damaged_cache_entry_counts_as_missing(seeds, tmp_path, cache_folder, page_work_calls):
    build(seeds, tmp_path / "one")
    for entry in (cache_folder / "build").rglob("*.entry"):
        entry.write_bytes(b"damaged")
    page_work_calls.clear()
    result = build(seeds, tmp_path / "two")
    assert not result.reused and len(page_work_calls) == 5
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")


def flip_bit(path: Path, position: int) -> None:
    data = bytearray(path.read_bytes())
    data[position % len(data)] ^= 0x10
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("use_cache", [True, False], ids=["cache", "no-cache"])
def test_a_cache_folder_that_cannot_be_made_only_costs_a_note(seeds, tmp_path, monkeypatch, use_cache):
    blocker = tmp_path / "a-file"
    blocker.write_bytes(b"")
    monkeypatch.setenv("ZHENGGONG_CACHE_DIR", str(blocker / "cache"))
    result = build(seeds, tmp_path / "out", use_cache=use_cache)
    assert result.articles > 0 and (tmp_path / "out" / "index.html").is_file()
    cache_notes = [n for n in result.notes if "cache" in n]
    if use_cache:
        assert len(cache_notes) == 1 and "cannot be written" in cache_notes[0] and str(blocker) in cache_notes[0]
    else:
        assert cache_notes == []


def test_a_flipped_bit_in_any_entry_never_changes_the_output(seeds, tmp_path, cache_folder):
    """One flipped bit in every real entry at once, at its start, middle or end: each counts as
    missing, and the report is byte-identical to a clean build."""
    clean = tmp_path / "clean"
    build(seeds, clean, use_cache=False)
    build(seeds, tmp_path / "warm")
    entries = sorted((cache_folder / "build").rglob("*.entry"))
    kinds = {entry.parent.parent.name for entry in entries}
    assert kinds == {"page-parse", "page-tokens", "page-reading", "glossary-memo", "duplicate-memo", "reports", "report-meta"}
    for round_, position in enumerate((4, 40, -1)):  # in the digest, the first payload bytes, the last byte
        for entry in entries:
            flip_bit(entry, position)
        out = tmp_path / f"flipped-{round_}"
        result = build(seeds, out)
        assert not result.reused
        assert snapshot(out) == snapshot(clean)
        entries = sorted((cache_folder / "build").rglob("*.entry"))


def test_a_flipped_bit_in_a_kept_report_file_never_reaches_the_output(seeds, tmp_path, cache_folder):
    """The report's files are kept beside their digests; one changed byte in one of them (the
    kept copy is a second name of the file written: changing the report changes it) means a rebuild."""
    clean = tmp_path / "clean"
    build(seeds, clean, use_cache=False)
    build(seeds, tmp_path / "warm")
    kept = sorted((cache_folder / "build" / "reports").rglob("articles.json"))
    assert len(kept) == 1
    flip_bit(kept[0], len(kept[0].read_bytes()) // 2)
    result = build(seeds, tmp_path / "again")
    assert not result.reused
    assert snapshot(tmp_path / "again") == snapshot(clean)


@pytest.mark.parametrize("kind", ["page-parse", "page-reading", "glossary-memo", "duplicate-memo", "reports", "report-meta"])
def test_a_flipped_bit_in_one_kind_of_entry_never_changes_the_output(seeds, tmp_path, cache_folder, kind):
    clean = tmp_path / "clean"
    build(seeds, clean, use_cache=False)
    build(seeds, tmp_path / "warm")
    for entry in (cache_folder / "build" / kind).rglob("*.entry"):
        flip_bit(entry, len(entry.read_bytes()) // 2)
    out = tmp_path / "again"
    build(seeds, out)
    assert snapshot(out) == snapshot(clean)


def test_a_flipped_bit_in_the_dictionary_cache_is_not_used(tmp_path, cache_folder):
    import jieba

    from zhenggong_report.jieba_dictionary import CACHE_FILE, load_cached_dictionary
    from zhenggong_report.segmenter import Segmenter

    first = Segmenter(cache_folder=cache_folder)
    expected = first.cut("加强国有企业党建工作")
    dictionary = cache_folder / CACHE_FILE
    assert dictionary.is_file() and (cache_folder / (CACHE_FILE + ".sha256")).is_file()
    flip_bit(dictionary, len(dictionary.read_bytes()) // 2)
    assert not load_cached_dictionary(jieba.Tokenizer(), dictionary)
    second = Segmenter(cache_folder=cache_folder)
    assert second.cut("加强国有企业党建工作") == expected
    assert second.tokenizer.FREQ == first.tokenizer.FREQ  # built afresh and kept again
    assert load_cached_dictionary(jieba.Tokenizer(), dictionary)


def test_a_planted_pickle_runs_nothing(tmp_path):
    """A pickle put where an entry belongs (the cache folder comes from a shared CI cache) is never unpickled."""
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    cache = BuildCache(tmp_path / "cache")
    cache.store("page-parse", "ab" * 32, ("plain",))
    entry = next((tmp_path / "cache").rglob("*.entry"))
    entry.write_bytes(pickle.dumps(Payload()))
    assert cache.load("page-parse", "ab" * 32) is None
    assert not marker.exists()


def test_an_entry_with_a_valid_digest_builds_only_this_packages_dataclasses():
    import hashlib

    import msgpack

    from zhenggong_report.entries import _TAG, _VALUES, MAGIC, DamagedEntry, pack_entry, unpack_entry

    tags = ("os:system", "subprocess:Popen", "cli:main", "nowhere:Thing", "models.source_files:is_blank_line",
            ".cli:main", "zhenggong_report.cli:main", "models.parsed:Article")  # the last: a record whose values do not fit its fields
    for tag in tags:
        for plain in ({_TAG: tag, _VALUES: ["id"]}, {_TAG: tag, "args": ["id"]}):
            payload = msgpack.packb(plain)
            with pytest.raises(DamagedEntry):
                unpack_entry(MAGIC + hashlib.sha256(payload).digest() + payload)
    with pytest.raises(TypeError):
        pack_entry(object())


def test_a_record_tagged_with_a_name_it_is_only_exported_under_is_refused(seed_corpus):
    """``models`` re-exports the records its modules define; an entry that tags one by the package
    (as entries did when the records lived in one ``models`` module) is damaged, so missing, never
    rebuilt from a class found under another module's name."""
    import hashlib

    import msgpack

    from zhenggong_report.entries import _TAG, MAGIC, DamagedEntry, pack_entry, unpack_entry

    article = seed_corpus.articles[0]
    plain = msgpack.unpackb(pack_entry(article)[len(MAGIC) + 32 :])

    def tagged(tag: str) -> bytes:
        payload = msgpack.packb(plain | {_TAG: tag}, use_bin_type=True)
        return MAGIC + hashlib.sha256(payload).digest() + payload

    assert plain[_TAG] == "models.parsed:Article" and unpack_entry(tagged("models.parsed:Article")) == article
    with pytest.raises(DamagedEntry):
        unpack_entry(tagged("models:Article"))


def test_real_entries_come_back_equal(seed_corpus, segmenter):
    """Every kind the cache keeps survives the plain-data round trip unchanged."""
    from zhenggong_report.analyze import load_analysis_data
    from zhenggong_report.analyze.glossary import GlossaryMemo, build_glossary
    from zhenggong_report.entries import pack_entry, unpack_entry
    from zhenggong_report.analyze import PageTools
    from zhenggong_report.pipeline.map import MapTools, map_page

    tools = MapTools(PageTools(segmenter, load_analysis_data()))
    memo = GlossaryMemo()
    for source in seed_corpus.sources:
        output, tokens = map_page(source, tools)
        build_glossary(tokens, memo=memo)
        for value in (output.result, tokens, output.read):
            again = unpack_entry(pack_entry(value))
            assert again == value and type(again) is type(value)
        for unit, copy in zip(tokens[0].units, unpack_entry(pack_entry(tokens))[0].units, strict=True):
            assert (copy.tokens, copy.starts, copy.sentences, copy.boundaries) == (unit.tokens, unit.starts, unit.sentences, unit.boundaries)
    assert unpack_entry(pack_entry(memo)) == memo


def test_a_unit_is_kept_as_its_joined_tokens_unless_they_would_not_give_it_back():
    from zhenggong_report.analyze.tokens import TOKEN_SEPARATOR, unit_from_tokens
    from zhenggong_report.entries import pack_entry, unpack_entry

    cut = unit_from_tokens("text", 0, "坚持党建引领。", ("坚持", "党建", "引领", "。"))
    odd = unit_from_tokens("text", 1, f"a{TOKEN_SEPARATOR}b", ("a", TOKEN_SEPARATOR, "b"))  # the separator itself in the text
    unlike = unit_from_tokens("title", -1, "党建 引领", ("党建", "引领"))  # tokens that are not the text's join
    assert cut.joined_tokens() == TOKEN_SEPARATOR.join(cut.tokens)
    assert odd.joined_tokens() is None and unlike.joined_tokens() is None
    for unit in (cut, odd, unlike):
        again = unpack_entry(pack_entry(unit))
        assert again == unit and (again.tokens, again.starts, again.sentences) == (unit.tokens, unit.starts, unit.sentences)


def test_cache_entries_round_trip(tmp_path):
    cache = BuildCache(tmp_path)
    cache.store("kind", "ab" * 32, {"value": (1, 2, 3)})
    assert cache.load("kind", "ab" * 32) == {"value": (1, 2, 3)}
    assert cache.load("kind", "cd" * 32) is None
    assert BuildCache(tmp_path, enabled=False).load("kind", "ab" * 32) is None


def _report_folder(tmp_path: Path, files: dict[str, bytes]) -> Path:
    folder = tmp_path / "written"
    for relative, data in files.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_bytes(data)
    return folder


def test_a_kept_report_comes_back_file_for_file(tmp_path):
    cache = BuildCache(tmp_path / "cache")
    files = {"index.html": b"<p>", "data/a.json": b"[]", "articles/x.html": b"x"}
    cache.store_tree("ef" * 32, _report_folder(tmp_path, files))
    restored: dict[str, bytes] = {}
    assert cache.restore_tree("ef" * 32, lambda relative, path: restored.__setitem__(relative, path.read_bytes()))
    assert restored == files
    assert not cache.restore_tree("cd" * 32, lambda relative, path: restored.__setitem__(relative, path.read_bytes()))
    assert not BuildCache(tmp_path / "cache", enabled=False).restore_tree("ef" * 32, restored.__setitem__)


def test_a_kept_report_with_one_changed_file_is_not_given_out_at_all(tmp_path):
    cache = BuildCache(tmp_path / "cache")
    cache.store_tree("ef" * 32, _report_folder(tmp_path, {"index.html": b"<p>", "data/a.json": b"[]"}))
    kept = next((tmp_path / "cache" / "reports").rglob("a.json"))
    kept.unlink()
    kept.write_bytes(b"{}")
    restored: dict[str, Path] = {}
    assert not cache.restore_tree("ef" * 32, restored.__setitem__)
    assert restored == {}


def test_only_the_latest_reports_are_kept(tmp_path):
    import os

    from zhenggong_report.cache import KEPT_REPORTS

    cache = BuildCache(tmp_path / "cache")
    keys = [f"{n:02d}" * 32 for n in range(KEPT_REPORTS + 2)]
    for age, key in enumerate(keys):
        cache.store_tree(key, _report_folder(tmp_path / key, {"index.html": key.encode()}))
        kept_folder = tmp_path / "cache" / "reports" / key
        os.utime(kept_folder, (1_000_000 + age, 1_000_000 + age))
    kept = [key for key in keys if cache.restore_tree(key, lambda *a: None)]
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
    from zhenggong_report.analyze import PageTools
    from zhenggong_report.parse.layout_file import default_layout
    from zhenggong_report.pipeline.local import LocalPool
    from zhenggong_report.pipeline.map import MapTools, ToolsRecipe
    from zhenggong_report.pipeline.store import page_keys

    data = load_analysis_data()
    tools = MapTools(PageTools(segmenter, data))
    sources = seed_corpus.sources
    keys = [page_keys(s, "code", "dict", "themes") for s in sources]
    everything = list(range(len(sources)))
    cache = BuildCache(tmp_path, enabled=False)
    serial = pages_module.map_pages(sources, keys, tools, cache, None, everything)
    if platform != "linux":
        monkeypatch.setattr(pages_module.sys, "platform", "other")
    pool = LocalPool(tools, ToolsRecipe.of(segmenter, data, default_layout()), cache, 2)
    parallel = pages_module.map_pages(sources, keys, tools, cache, pool, everything)
    assert [o.result for o in parallel] == [o.result for o in serial]
    assert [o.read for o in parallel] == [o.read for o in serial]


def test_tools_made_from_a_recipe_leave_no_temporary_folder_behind(segmenter, tmp_path, monkeypatch):
    """A spawned worker makes its tools from the recipe: the word files it writes for jieba are
    removed once the dictionary is loaded (each worker used to leave a folder in /tmp)."""
    import tempfile

    from zhenggong_report.analyze import load_analysis_data
    from zhenggong_report.parse.layout_file import default_layout
    from zhenggong_report.pipeline.map import ToolsRecipe

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    tools = ToolsRecipe.of(segmenter, load_analysis_data(), default_layout()).make()
    assert tools.segmenter.loaded and tools.segmenter.cut("职工代表大会") == segmenter.cut("职工代表大会")
    assert list(tmp_path.iterdir()) == []


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


def test_packing_an_entry_leaves_its_strings_as_large_as_before_and_the_bytes_as_msgpacks() -> None:
    """CPython keeps a non-ASCII string's UTF-8 inside it once asked for it; packing must not ask."""
    import sys

    import msgpack

    from zhenggong_report.entries import MAGIC, pack_entry, unpack_entry

    texts = [f"第{n}段：深化党建工作与生产经营融合，" * 20 for n in range(50)]
    sizes = [sys.getsizeof(t) for t in texts]
    entry = pack_entry(texts)
    assert [sys.getsizeof(t) for t in texts] == sizes
    assert entry[len(MAGIC) + 32 :] == msgpack.packb([f"第{n}段：深化党建工作与生产经营融合，" * 20 for n in range(50)], use_bin_type=True)
    assert unpack_entry(entry) == tuple(texts)
