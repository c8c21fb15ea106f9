"""The memory savers of a large build give what the plain way gives."""

from __future__ import annotations

import json
from itertools import combinations

import pytest

from zhenggong_report.analyze.duplicate_texts import body_text, normalised, overlap, shingles
from zhenggong_report.render.data import json_pieces, to_json


def string_shingles(text: str, size: int = 5) -> frozenset[str]:
    return frozenset(text[i : i + size] for i in range(len(text) - size + 1))


def test_hashed_shingles_measure_every_pair_of_seed_articles_as_the_strings_do(seed_corpus):
    texts = [normalised(body_text(a)) for a in seed_corpus.articles]
    for a, b in combinations(texts, 2):
        hashed, plain = overlap(shingles(a), shingles(b)), (string_shingles(a), string_shingles(b))
        shared = len(plain[0] & plain[1])
        assert hashed == (shared / (len(plain[0]) + len(plain[1]) - shared), shared / len(plain[0]))


def test_hashed_shingles_are_one_per_distinct_shingle():
    assert len(shingles("党建党建党建党建")) == len(string_shingles("党建党建党建党建")) == 2
    assert len(shingles("短")) == 0 and len(shingles("")) == 0


def test_json_in_pieces_is_the_json_of_the_whole():
    records = [{"id": n, "title": f"标题{n}", "body": "正文" * n} for n in range(1000)]
    whole = b"".join(json_pieces(iter(records), batch=7))
    assert json.loads(whole) == records
    assert whole == to_json(records) == b"".join(json_pieces(records, batch=10_000))
    assert to_json([]) == b"[]\n" and json.loads(to_json({"a": 1})) == {"a": 1}


def test_a_source_with_its_text_let_go_keeps_what_the_report_reads(seed_corpus):
    for source in seed_corpus.sources:
        light = source.text_let_go()
        assert (light.name, light.size, light.sha256, light.facts, len(light.lines)) == (
            source.name, source.size, source.sha256, source.facts, len(source.lines)
        )
        assert not any(light.lines)


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_weights_in_a_process_of_their_own_give_the_same_report(tmp_path, monkeypatch):
    from conftest import SEEDS
    from zhenggong_report.pipeline import build, stages

    monkeypatch.setenv("ZHENGGONG_CACHE_DIR", str(tmp_path / "cache"))
    build(SEEDS, tmp_path / "one", use_cache=False, jobs=1)
    monkeypatch.setattr(stages, "OWN_PROCESS_FROM_ARTICLES", 0)
    spawned = []
    original = stages.weights_in_own_process
    monkeypatch.setattr(stages, "weights_in_own_process", lambda w, n: spawned.append(1) or original(w, n))
    build(SEEDS, tmp_path / "spawned", use_cache=False, jobs=2)
    assert spawned == [1]
    assert snapshot(tmp_path / "spawned") == snapshot(tmp_path / "one")


def test_shared_values_are_counted_as_numpy_intersects_them():
    import numpy as np

    rng = np.random.default_rng(7)
    from zhenggong_report.analyze.duplicate_texts import shared_count

    for _ in range(200):
        a = np.unique(rng.integers(0, 500, rng.integers(0, 60)).astype(np.uint64))
        b = np.unique(rng.integers(0, 500, rng.integers(0, 60)).astype(np.uint64))
        assert shared_count(a, b) == len(np.intersect1d(a, b)) == shared_count(b, a)


def test_a_csv_table_in_pieces_is_the_table_written_at_once():
    import csv
    import io

    from zhenggong_report.render import tables

    rows = [{"id": n, "title": f"=标题{n}", "note": "a\rb" if n % 7 == 0 else "正文"} for n in range(2 * tables.ROWS_PER_PIECE + 3)]
    pieces = list(tables.csv_pieces(iter(rows), ["id", "title", "note"], {}))
    assert len(pieces) == 3 and pieces[0].startswith(b"\xef\xbb\xbf") and not pieces[1].startswith(b"\xef\xbb\xbf")
    read = list(csv.reader(io.StringIO(b"".join(pieces).decode("utf-8-sig"), newline="")))
    assert read[0] == ["id", "title", "note"] and len(read) == len(rows) + 1
    assert read[1] == ["0", "'=标题0", "a\rb"] and read[2] == ["1", "'=标题1", "正文"]
    assert tables.to_csv([], ["id"], {}) == "\ufeffid\n".encode("utf-8")


def test_shared_values_leave_every_page_output_equal(segmenter):
    """Sharing recurring strings and small tuples across pages changes no page's output, and two
    pages' equal values become one object."""
    from zhenggong_report.analyze import PageTools, load_analysis_data
    from zhenggong_report.pipeline.map import MapTools, map_page
    from zhenggong_report.pipeline.pages import SharedValues, shared_words
    from zhenggong_report.sources import read_source

    from conftest import SEEDS

    tools = MapTools(PageTools(segmenter, load_analysis_data()))
    plain = [map_page(read_source(path), tools)[0] for path in sorted(SEEDS.glob("*.txt"))]
    shared = SharedValues()
    light = [shared_words(output, shared) for output in plain]
    assert light == plain
    pairs = [pair for o in light for article in o.read.reading.themes for hit in article.treated for pair in hit.terms]
    assert len({id(p) for p in pairs}) == len(set(pairs)) < len(pairs)


@pytest.mark.parametrize("layout", ["single", "folder"])
def test_a_rendered_report_lets_its_view_go_without_the_garbage_collector(seed_corpus, seed_analysis, layout):
    """A template that defines a macro leaves its context in a reference cycle; the report's view
    (and through it the corpus) must not be held by it, or a build — which pauses the collector —
    keeps all of it until one long collection at the end."""
    import gc

    from zhenggong_report.render.article_views import ArticleView
    from zhenggong_report.render.html import render_html

    gc.collect()
    gc.disable()
    try:
        files = render_html(seed_corpus, seed_analysis, layout=layout)
        assert files and not [o for o in gc.get_objects() if isinstance(o, ArticleView)]
    finally:
        gc.enable()


def _collector_running(_job) -> bool:
    import gc

    return gc.isenabled()


def test_a_spawned_worker_for_the_corpus_weights_runs_with_the_cycle_collector_paused():
    from zhenggong_report.pipeline import stages
    from zhenggong_report.pipeline.workers import run_in_workers

    with run_in_workers([None], _collector_running, 1, stages._ready, (), 1, "spawn", what="a test worker") as done:
        assert list(done) == [False]
    with run_in_workers([None], _collector_running, 1, _no_setup, (), 1, "spawn", what="a test worker") as done:
        assert list(done) == [True]  # a fresh process collects unless told otherwise


def _no_setup() -> None:
    pass


def test_the_duplicate_search_in_a_process_of_its_own_keeps_its_memo_there(tmp_path, monkeypatch):
    """At scale the search's memo is read and written by the search's own worker, never sent
    through the build's process: it is still in the cache afterwards, and a rebuild that takes
    it over gives the clean build's bytes."""
    import shutil

    from conftest import SEEDS
    from zhenggong_report.analyze.duplicate_texts import DuplicateMemo
    from zhenggong_report.cache import BuildCache
    from zhenggong_report.pipeline import build, stages

    monkeypatch.setenv("ZHENGGONG_CACHE_DIR", str(tmp_path / "cache"))
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    monkeypatch.setattr(stages, "OWN_PROCESS_FROM_ARTICLES", 0)
    build(seeds, tmp_path / "warm", jobs=2)
    entries = sorted((tmp_path / "cache" / "build" / "duplicate-memo").rglob("*.entry"))
    assert len(entries) == 1
    memo = BuildCache(tmp_path / "cache" / "build").load("duplicate-memo", entries[0].name.removesuffix(".entry"))
    assert isinstance(memo, DuplicateMemo) and len(memo.prints) >= 19
    first = sorted(seeds.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n\n补记一段，用于重建。\n", encoding="utf-8")
    rebuilt = build(seeds, tmp_path / "rebuilt", jobs=2)
    assert not rebuilt.reused
    build(seeds, tmp_path / "clean", use_cache=False, jobs=1)
    assert snapshot(tmp_path / "rebuilt") == snapshot(tmp_path / "clean")
