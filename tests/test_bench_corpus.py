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


@pytest.fixture(scope="module")
def sentences(records, tmp_path_factory):
    return corpus.make_corpus("sentences", SEEDS, 6, tmp_path_factory.mktemp("sentences"), seed=7, records=records)


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


def test_the_sentences_form_is_deterministic_and_as_large_as_the_others(records, sentences, tmp_path):
    again = corpus.make_corpus("sentences", SEEDS, 6, tmp_path / "again", seed=7, records=records)
    assert _texts(again.folder) == _texts(sentences.folder)
    assert sentences.articles == 6 * len(records["articles"])
    seed_bytes = sum(p.stat().st_size for p in SEEDS.glob("*.txt"))
    assert 0.8 * 6 * seed_bytes < sum(p.stat().st_size for p in sentences.pages) < 1.25 * 6 * seed_bytes


def test_sentences_pages_parse_into_the_articles_laid_out_on_them(sentences, segmenter):
    parsed = parse_sources(load_sources(sentences.folder).sources, segmenter)
    assert dict(Counter(a.file for a in parsed.articles)) == sentences.expected
    assert not parsed.leftovers
    assert all(a.title and a.author and a.affiliation for a in parsed.articles)


def test_sentences_articles_share_no_paragraph_but_the_planted_resubmissions(sentences, records, segmenter):
    """Every paragraph of every article but a resubmission is new (made of sentences from two seed
    articles or more); a resubmission repeats an earlier article's title, author and paragraphs."""
    parsed = parse_sources(load_sources(sentences.folder).sources, segmenter)
    seed_paragraphs = {p for a in records["articles"] for p in a["body"].split("\n\n")}
    first_seen: dict[str, object] = {}
    resubmitted = 0
    for article in parsed.articles:
        paragraphs = [p.text for p in article.paragraphs if p.kind != "heading"]
        earlier = {first_seen[p].title for p in paragraphs if p in first_seen}
        if earlier:
            assert earlier == {article.title} and all(p in first_seen for p in paragraphs)
            resubmitted += 1
            continue
        assert not seed_paragraphs & set(paragraphs)
        first_seen.update((p, article) for p in paragraphs)
    assert 0 < resubmitted <= 4 * corpus.RESUBMITTED * len(parsed.articles)


def test_the_duplicate_search_finds_the_planted_resubmissions(sentences, segmenter):
    from zhenggong_report.analyze.duplicates import find_duplicates

    parsed = parse_sources(load_sources(sentences.folder).sources, segmenter)
    by_title: dict[str, list[str]] = {}
    for article in parsed.articles:
        by_title.setdefault(article.title, []).append(article.id)
    planted = sorted(sorted(ids) for ids in by_title.values() if len(ids) > 1)
    found = sorted(sorted(m.article_id for m in group.members) for group in find_duplicates(parsed.articles))
    assert planted and found == planted


def test_copies_are_the_seed_pages_under_distinct_names(records, tmp_path):
    copies = corpus.make_corpus("copies", SEEDS, 2, tmp_path / "copies", records=records)
    seeds = _texts(SEEDS)
    assert len(copies.pages) == 2 * len(seeds)
    assert sorted(_texts(copies.folder).values()) == sorted(list(seeds.values()) * 2)
    assert copies.articles == 2 * len(records["articles"])


def test_a_rebuild_after_a_page_changed_equals_a_clean_build_through_the_lsh_search(records, tmp_path, monkeypatch):
    """76 distinct articles and a page's articles resubmitted retouched, more than the pairwise
    search takes: the duplicate search goes through MinHash LSH, and the rebuild after one page
    changed takes the memo the first build left (only the changed page's texts shingled again and
    looked up); its report, duplicate groups and all, is byte for byte a clean build's."""
    import json

    from zhenggong_report.analyze import duplicate_texts
    from zhenggong_report.analyze.duplicate_candidates import SketchSearch
    from zhenggong_report.analyze.duplicates import EXACT_BELOW
    from zhenggong_report.pipeline import build

    monkeypatch.setenv("ZHENGGONG_CACHE_DIR", str(tmp_path / "cache"))
    mixed = corpus.make_corpus("mixed", SEEDS, 4, tmp_path / "mixed", seed=3, records=records)
    assert mixed.articles > EXACT_BELOW
    resubmitted = mixed.pages[1].read_text(encoding="utf-8").replace("企业", "公司").replace("，", "， ")
    (mixed.folder / "resubmitted.txt").write_text(resubmitted, encoding="utf-8")  # near-duplicates of a page's articles
    build(mixed.folder, tmp_path / "first", jobs=1)
    page = mixed.pages[0]
    page.write_bytes(page.read_bytes() + "\n\n追加一段文字，用于检验增量构建与全新构建的结果一致。\n".encode("utf-8"))
    shingled, looked_up = [], []
    real = duplicate_texts.shingles
    monkeypatch.setattr(duplicate_texts, "shingles", lambda text: shingled.append(text) or real(text))
    real_lookup = SketchSearch._looked_up
    monkeypatch.setattr(
        SketchSearch, "_looked_up", lambda self, looking, among: looked_up.append(min(len(looking), len(among))) or real_lookup(self, looking, among)
    )
    build(mixed.folder, tmp_path / "again", jobs=1)
    monkeypatch.undo()
    build(mixed.folder, tmp_path / "clean", use_cache=False, jobs=1)

    def files(folder):
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    assert files(tmp_path / "again") == files(tmp_path / "clean")
    assert json.loads((tmp_path / "clean" / "data" / "duplicates.json").read_text(encoding="utf-8"))
    assert 0 < len(shingled) < mixed.articles // 4
    assert looked_up and max(looked_up) < mixed.articles // 4  # the first build's candidates served; only the changed page's texts looked up
