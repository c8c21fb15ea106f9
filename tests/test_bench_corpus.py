"""The benchmark's scale corpus (bench/corpus.py): deterministic, distinct articles, parsed as laid out."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

from zhenggong_report.pipeline import load_sources, parse_sources

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def _load_corpus_module():
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


corpus = _load_corpus_module()


@pytest.fixture(scope="module")
def records():
    return corpus.parse_seeds(SEEDS)


@pytest.fixture(scope="module")
def mixed(records, tmp_path_factory):
    return corpus.make_corpus("mixed", SEEDS, 2, tmp_path_factory.mktemp("mixed"), seed=7, records=records)


def _texts(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.txt"))}


def test_the_same_seed_gives_the_same_bytes_and_another_seed_other_bytes(records, mixed, tmp_path):
    again = corpus.make_corpus("mixed", SEEDS, 2, tmp_path / "again", seed=7, records=records)
    other = corpus.make_corpus("mixed", SEEDS, 2, tmp_path / "other", seed=8, records=records)
    assert _texts(again.folder) == _texts(mixed.folder)
    assert _texts(other.folder).keys() == _texts(mixed.folder).keys()
    assert _texts(other.folder) != _texts(mixed.folder)


def test_scale_sets_the_article_count_and_roughly_the_bytes(records, mixed):
    assert mixed.articles == 2 * len(records["articles"])
    assert len(mixed.pages) == 2 * len(corpus.articles_per_page(records))
    seed_bytes = sum(p.stat().st_size for p in SEEDS.glob("*.txt"))
    assert 0.8 * 2 * seed_bytes < sum(p.stat().st_size for p in mixed.pages) < 1.25 * 2 * seed_bytes


def test_each_generated_page_parses_into_the_articles_laid_out_on_it(mixed, segmenter):
    parsed = parse_sources(load_sources(mixed.folder).sources, segmenter)
    found = Counter(a.file for a in parsed.articles)
    assert dict(found) == mixed.expected
    assert not parsed.leftovers
    assert all(a.title and a.author and a.affiliation for a in parsed.articles)


def test_the_articles_are_distinct_and_mix_several_seed_articles(mixed, records, segmenter):
    parsed = parse_sources(load_sources(mixed.folder).sources, segmenter)
    bodies = [a.body for a in parsed.articles]
    assert len(set(bodies)) == len(bodies)
    assert len({(a.title, a.subtitle, a.author) for a in parsed.articles}) == len(bodies)
    assert len({a.title for a in parsed.articles}) == len(bodies)
    seed_titles = {a["title"] for a in records["articles"]}
    assert not seed_titles & {a.title for a in parsed.articles}
    owner = {p: i for i, a in enumerate(records["articles"]) for p in a["body"].split("\n\n")}
    for body in bodies:  # (a paragraph the parser reads differently in its new place is left out)
        assert len({owner[p] for p in body.split("\n\n") if p in owner}) >= 2


def test_copies_are_the_seed_pages_under_distinct_names(records, tmp_path):
    copies = corpus.make_corpus("copies", SEEDS, 2, tmp_path / "copies", records=records)
    seeds = _texts(SEEDS)
    assert len(copies.pages) == 2 * len(seeds)
    assert sorted(_texts(copies.folder).values()) == sorted(list(seeds.values()) * 2)
    assert copies.articles == 2 * len(records["articles"])
