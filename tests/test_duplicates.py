"""Duplicate submissions: the same article twice, a lightly edited copy, an abridged copy — and
two different articles on the same theme, which are no duplicates."""

from __future__ import annotations

import dataclasses
import json
import shutil
import time

import pytest

from zhenggong_report.render.labels import labels
from zhenggong_report.analyze.duplicates import EXACT_BELOW, find_duplicates, search_duplicates
from zhenggong_report.cli import main
from zhenggong_report.models.analysis import Analysis, ArticleAnalysis

from conftest import SEEDS


def copy_of(article, suffix: str, paragraphs=None):
    return dataclasses.replace(article, id=f"{article.id}-{suffix}", paragraphs=tuple(paragraphs or article.paragraphs))


# Both ways of finding candidates: pair by pair (few texts) and MinHash LSH Ensemble (many).
WAYS = pytest.mark.parametrize("exact_below", [EXACT_BELOW, 0], ids=["pairwise", "minhash-lsh"])


def edited(article, suffix: str, every: int = 3):
    """A resubmission retouched here and there: other words, full-width digits, spaces."""
    changed = []
    for number, paragraph in enumerate(article.paragraphs):
        text = paragraph.text
        if number % every == 0:
            text = text.replace("企业", "公司", 1).replace("1", "１").replace("，", "， ")
        changed.append(dataclasses.replace(paragraph, text=text))
    return copy_of(article, suffix, changed)


def by_title(seed_corpus, title):
    return next(a for a in seed_corpus.articles if a.display_title == title)


@WAYS
def test_an_edited_resubmission_is_found_as_a_near_duplicate(seed_corpus, exact_below) -> None:
    original = by_title(seed_corpus, "关于加强企业信访稳定工作的实践与启示")
    groups = find_duplicates([*seed_corpus.articles, edited(original, "again")], exact_below)
    assert len(groups) == 1
    group = groups[0]
    assert set(group.article_ids) == {original.id, f"{original.id}-again"}
    copy = group.members[1]
    assert copy.relation == "near-duplicate" and copy.jaccard >= 0.8 and copy.containment >= 0.9


def test_the_same_text_twice_is_identical(seed_corpus) -> None:
    original = seed_corpus.articles[0]
    (group,) = find_duplicates([original, seed_corpus.articles[1], copy_of(original, "copy")])
    assert [m.relation for m in group.members] == ["representative", "identical"]


@WAYS
def test_two_different_articles_on_the_same_theme_are_no_duplicates(seed_corpus, exact_below) -> None:
    petitions = [a for a in seed_corpus.articles if "信访" in a.display_title]
    assert len(petitions) == 2
    assert find_duplicates(petitions, exact_below) == ()
    assert find_duplicates(seed_corpus.articles, exact_below) == ()


@WAYS
def test_an_abridged_copy_is_found_by_containment(seed_corpus, exact_below) -> None:
    original = by_title(seed_corpus, "煤矿去产能关井后基层思想政治工作的强化路径研究")
    half = original.paragraphs[: len(original.paragraphs) // 2]
    (group,) = find_duplicates([*seed_corpus.articles, copy_of(original, "short", half)], exact_below)
    assert group.members[0].article_id == original.id  # the full text is the representative
    abridged = group.members[1]
    assert abridged.relation == "abridged"
    assert abridged.containment >= 0.8 and abridged.jaccard < 0.8


def test_a_corpus_copied_a_thousand_times_is_one_group_per_article_in_seconds(seed_corpus) -> None:
    articles = [copy_of(a, str(k)) for k in range(1000) for a in seed_corpus.articles]
    started = time.perf_counter()
    groups = find_duplicates(articles)
    elapsed = time.perf_counter() - started
    assert len(groups) == len(seed_corpus.articles)
    assert all(len(g.members) == 1000 for g in groups)
    assert elapsed < 10, elapsed


def test_many_distinct_near_duplicates_go_through_minhash_lsh_in_seconds(seed_corpus) -> None:
    """1,900 retouched copies, each text different, so none is grouped by its digest alone."""
    articles = [*seed_corpus.articles]
    for k in range(100):
        articles.extend(edited(dataclasses.replace(a, paragraphs=a.paragraphs[k % 2 :]), f"e{k}", every=2 + k % 5) for a in seed_corpus.articles)
    started = time.perf_counter()
    groups = find_duplicates(articles)
    elapsed = time.perf_counter() - started
    assert len(groups) == len(seed_corpus.articles)
    assert sorted(len(g.members) for g in groups) == [101] * len(seed_corpus.articles)
    assert elapsed < 20, elapsed


def test_statistics_can_count_a_group_once(seed_corpus) -> None:
    articles = [*seed_corpus.articles[:3], copy_of(seed_corpus.articles[0], "copy")]
    groups = find_duplicates(articles)
    items = tuple(ArticleAnalysis(a.id, (), None, (), (), (), ()) for a in articles)
    analysis = Analysis(themes=(), enterprises=(), articles=items, glossary=(), duplicates=groups)
    assert analysis.distinct_article_ids() == tuple(a.id for a in articles[:3])
    assert analysis.duplicate_group_of(articles[3].id) is groups[0]


def test_the_report_lists_the_groups_and_each_article_its_duplicates(tmp_path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    shutil.copy(seeds / "000_97e6e70326f5183f.txt", seeds / "009_resubmitted.txt")
    out = tmp_path / "out"
    assert main(["build", "--seeds", str(seeds), "--out", str(out), "--no-cache"]) == 0
    groups = json.loads((out / "data" / "duplicates.json").read_text(encoding="utf-8"))
    assert len(groups) == 6 and all(len(g["members"]) == 2 for g in groups)
    assert {m["relation"] for g in groups for m in g["members"]} == {"representative", "identical"}
    page = (out / "index.html").read_text(encoding="utf-8")
    assert 'id="duplicates"' in page and f'id="{groups[0]["id"]}"' in page
    assert page.count("<dt>重复投稿</dt>") == 12
    assert "去重后共 19 篇" in page
    csv = (out / "data" / "duplicates.csv").read_text(encoding="utf-8-sig").splitlines()
    headers = labels().csv_headers
    assert csv[0] == ",".join(headers[c] for c in ("group_id", "article_id", "title", "relation", "jaccard", "containment")) and len(csv) == 13


def test_a_short_text_mostly_inside_a_long_one_is_found_by_the_sketches_as_by_the_exact_measure():
    """Two pairs from the mixed benchmark corpus: about 81 % of the short body stands in a body 3.6
    times its size (Jaccard 0.21), a pair the LSH Ensemble's even weighting missed."""
    import json

    from conftest import FIXTURES

    pairs = json.loads((FIXTURES / "duplicates" / "asymmetric_pairs.json").read_text(encoding="utf-8"))["pairs"]
    for pair in pairs:
        short, long = sorted(pair, key=len)
        for exact_below in (EXACT_BELOW, 0):
            (group,), _ = search_duplicates(["a-short", "a-long"], [short.encode(), long.encode()], exact_below)
            assert [(m.article_id, m.relation) for m in group.members] == [("a-long", "representative"), ("a-short", "abridged")]


def _abridged(article, suffix: str, keep: int):
    return copy_of(article, suffix, article.paragraphs[:keep])


def test_the_pair_search_in_parts_side_by_side_finds_the_same_groups(seed_corpus) -> None:
    """The LSH lookups cut into parts run side by side (forked children here, as the build runs them
    at scale) give the groups of one lookup over all texts: a chain of resubmissions spread over
    both parts still ends in one group."""
    from zhenggong_report.analyze.duplicate_texts import body_utf8
    from zhenggong_report.pipeline.forks import in_children

    articles = list(seed_corpus.articles)
    for n, article in enumerate(seed_corpus.articles[:6]):
        articles += [edited(article, f"e{n}"), _abridged(article, f"a{n}", max(2, len(article.paragraphs) * 9 // 10))]
        articles += [copy_of(article, f"c{n}")]
    ids, bodies = [a.id for a in articles], [body_utf8(a) for a in articles]
    calls = []

    def side_by_side(parts):
        calls.append(len(parts))
        rest, first = in_children(parts[1:], parts[0])
        return [first, *rest]

    whole, _ = search_duplicates(ids, bodies, 0)
    assert len(whole) >= 6
    assert search_duplicates(ids, bodies, 0, spread=side_by_side)[0] == whole
    assert search_duplicates(ids, bodies, 0, spread=lambda parts: [part() for part in parts])[0] == whole
    assert calls == [2]


def _resubmissions(seed_corpus, count: int = 6) -> list:
    articles = list(seed_corpus.articles)
    for n, article in enumerate(seed_corpus.articles[:count]):
        articles += [edited(article, f"e{n}"), _abridged(article, f"a{n}", max(2, len(article.paragraphs) * 9 // 10))]
    return articles


@WAYS
def test_a_memo_of_an_earlier_build_gives_the_groups_a_fresh_search_gives(seed_corpus, exact_below) -> None:
    """The duplicate memo is a pure cache: the corpus after one article changed, one was added
    and one removed gives the same groups with the earlier build's memo as without it, and the
    memo then holds that corpus's texts only, every pair the search measured among them."""
    from zhenggong_report.analyze.duplicate_texts import body_text, body_utf8

    before = _resubmissions(seed_corpus)
    _, memo = search_duplicates([a.id for a in before], [body_utf8(a) for a in before], exact_below)
    assert len(memo.prints) == len({body_text(a) for a in before}) and memo.shared
    after = before[1:] + [edited(seed_corpus.articles[7], "new")]
    after[3] = edited(after[3], "changed", every=2)
    ids, bodies = [a.id for a in after], [body_utf8(a) for a in after]
    fresh, fresh_memo = search_duplicates(ids, bodies, exact_below)
    remembered, left = search_duplicates(ids, bodies, exact_below, memo=memo)
    assert remembered == fresh and len(fresh) >= 6
    assert left.prints.keys() == fresh_memo.prints.keys() and left.shared == fresh_memo.shared
    assert body_text(before[0]) not in {body_text(a) for a in after}


def test_a_memo_spares_the_search_all_but_the_changed_texts_work(seed_corpus, monkeypatch) -> None:
    """With the memo of the same corpus before one article changed, only that article's text is
    normalised and shingled again, and only pairs with it measured."""
    from zhenggong_report.analyze import duplicate_texts
    from zhenggong_report.analyze.duplicate_texts import body_text, body_utf8

    articles = _resubmissions(seed_corpus)
    ids = [a.id for a in articles]
    _, memo = search_duplicates(ids, [body_utf8(a) for a in articles], 0)
    articles[2] = edited(articles[2], "again", every=2)
    shingled, measured = [], []
    real_shingles, real_count = duplicate_texts.shingles, duplicate_texts.shared_count
    monkeypatch.setattr(duplicate_texts, "shingles", lambda text: shingled.append(text) or real_shingles(text))
    monkeypatch.setattr(duplicate_texts, "shared_count", lambda a, b: measured.append(1) or real_count(a, b))
    groups, _ = search_duplicates(ids, [body_utf8(a) for a in articles], 0, memo=memo)
    monkeypatch.undo()
    assert shingled == [duplicate_texts.normalised(body_text(articles[2]))]
    assert len(measured) < len(memo.shared)  # a fresh search of this corpus measures them all
    assert groups == search_duplicates(ids, [body_utf8(a) for a in articles], 0)[0]


def test_an_articles_copies_are_not_its_related_articles(seed_corpus, segmenter) -> None:
    """A resubmission is listed as a duplicate of the article, not among its related articles (it
    would be the most similar of all); the other related articles stay."""
    from zhenggong_report.analyze import analyze_corpus

    original = seed_corpus.articles[1]
    copy = copy_of(original, "again")
    corpus = dataclasses.replace(seed_corpus, articles=(*seed_corpus.articles, copy))
    analysis = analyze_corpus(corpus, segmenter)
    (group,) = analysis.duplicates
    assert set(group.article_ids) == {original.id, copy.id}
    related = {a.article_id: [r.article_id for r in a.related] for a in analysis.articles}
    assert copy.id not in related[original.id] and original.id not in related[copy.id]
    assert related[original.id] and related[original.id] == related[copy.id]


def test_each_copy_in_a_duplicate_group_says_where_it_was_printed(tmp_path) -> None:
    """Copies share their title: the group's list tells them apart by where each was printed (the
    page's own paper, date and 版, or its file's name when it prints none)."""
    import re

    from zhenggong_report.pipeline import build

    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    first = sorted(seeds.glob("*.txt"))[0]
    shutil.copy(first, seeds / "resubmitted.txt")
    build(seeds, tmp_path / "site", use_cache=False, layout="single")
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    start = html.index('id="duplicates"')
    section = html[start : html.index("</section>", start)]
    items = re.findall(r"<li><a href=\"#a-[^\"]+\">[^<]+</a> <small>[^<]+</small>", section)
    assert items and all(" · " in item for item in items)
    assert any(f"· {first.name}</small>" in item for item in items) and any("· resubmitted.txt</small>" in item for item in items)


def _variants(seed_corpus, rounds: int = 10) -> list:
    """The seed articles and ``rounds`` retouched, partly abridged copies of each: distinct texts
    of many sizes, which the search looks up through the LSH Ensemble."""
    articles = list(seed_corpus.articles)
    for k in range(rounds):
        articles += [edited(dataclasses.replace(a, paragraphs=a.paragraphs[k % 3 :]), f"v{k}", every=2 + k % 4) for a in seed_corpus.articles]
    return articles


def _search(articles, earlier=None):
    from zhenggong_report.analyze.duplicate_candidates import SketchSearch
    from zhenggong_report.analyze.duplicate_texts import DistinctTexts, body_utf8
    from zhenggong_report.analyze.duplicates import MIN_SHINGLES

    texts = DistinctTexts([body_utf8(a) for a in articles])
    eligible = [i for i in range(len(texts)) if texts.size(i) >= MIN_SHINGLES]
    return SketchSearch(texts, eligible, earlier), eligible


def _memo_of(articles):
    from zhenggong_report.analyze.duplicate_texts import body_utf8

    return search_duplicates([a.id for a in articles], [body_utf8(a) for a in articles], 0)[1]


def _ensemble_of(search, eligible):
    """A datasketch LSH Ensemble with the search's sketches indexed: the plain way to look them up."""
    from datasketch import LeanMinHash, MinHashLSHEnsemble

    from zhenggong_report.analyze import duplicate_candidates as candidates
    from zhenggong_report.analyze.duplicate_texts import NUM_PERM, SKETCH_SCHEME

    ensemble = MinHashLSHEnsemble(
        threshold=candidates.CONTAINMENT - candidates.SKETCH_MARGIN, num_perm=NUM_PERM,
        num_part=candidates.PARTITIONS, weights=candidates.RECALL_WEIGHTS,
    )
    sketches = {i: LeanMinHash(seed=1, hashvalues=search.signatures[i], scheme=SKETCH_SCHEME) for i in eligible}
    ensemble.index((i, sketches[i], int(search.classes[i])) for i in eligible)
    return ensemble, sketches


def test_the_partitions_worked_out_are_those_the_lsh_index_lays_out(seed_corpus) -> None:
    search, eligible = _search(_variants(seed_corpus))
    ensemble, _ = _ensemble_of(search, eligible)
    assert len(search.bounds) == 4
    assert search.bounds == tuple((int(lo), int(up)) for lo, up in zip(ensemble.lowers, ensemble.uppers))


@pytest.mark.parametrize("block_cells", [1 << 24, 3000], ids=["one-block", "blocks-of-a-few-texts"])
def test_all_texts_looked_up_at_once_find_what_the_lsh_ensembles_lookups_find(seed_corpus, monkeypatch, block_cells) -> None:
    """The Ensemble's rule applied to every text at once (:mod:`.duplicate_bands`) against the
    Ensemble itself, indexed and queried text by text, each lookup narrowed by the sketches."""
    import numpy as np

    from zhenggong_report.analyze import duplicate_bands
    from zhenggong_report.analyze.duplicate_candidates import may_contain

    monkeypatch.setattr(duplicate_bands, "BLOCK_CELLS", block_cells)
    search, eligible = _search(_variants(seed_corpus))
    ensemble, sketches = _ensemble_of(search, eligible)
    raw = 0
    for text in eligible:
        found = np.array(sorted(j for j in ensemble.query(sketches[text], int(search.classes[text])) if j != text), dtype=np.int64)
        raw += len(found)
        expected = found[may_contain(search.signatures, search.sizes, np.full(len(found), text), found)]
        assert search.candidates(text).tolist() == expected.tolist(), text
    assert not search.reused
    assert raw > sum(len(search.candidates(t)) for t in eligible) > len(eligible)  # real lookups, narrowed


def test_an_earlier_builds_candidates_and_the_new_texts_bands_are_the_lsh_index_candidates(seed_corpus) -> None:
    """One article retouched (its size class kept), one added, one removed: the earlier build's
    candidates are reused, and every text's candidates are those the LSH index gives."""
    before = _variants(seed_corpus)
    memo = _memo_of(before)
    after = before[1:] + [edited(before[40], "new", every=5)]
    after[60] = edited(after[60], "changed", every=4)
    reused, eligible = _search(after, memo.candidates)
    plain, _ = _search(after)
    assert reused.reused and not plain.reused
    assert reused.bounds == plain.bounds
    for text in eligible:
        assert reused.candidates(text).tolist() == plain.candidates(text).tolist(), text
    assert sum(len(plain.candidates(t)) for t in eligible) > len(eligible)  # the test compares real candidates


def test_candidates_are_not_reused_when_the_partitions_move_or_many_texts_are_new(seed_corpus) -> None:
    before = _variants(seed_corpus)
    memo = _memo_of(before)
    moved = dataclasses.replace(memo.candidates, bounds=memo.candidates.bounds[1:])
    assert not _search(before, moved)[0].reused
    most_new = [_with_note(a, k) if k % 3 else a for k, a in enumerate(before)]
    assert not _search(most_new, memo.candidates)[0].reused


def _with_note(article, number: int):
    """The article with a note of its own at the end: a new text."""
    note = dataclasses.replace(article.paragraphs[-1], text=f"（本文第{number}稿，编辑部于第{number * 7}期收稿。）")
    return copy_of(article, f"n{number}", [*article.paragraphs, note])


def test_a_search_with_reused_candidates_leaves_the_memo_a_fresh_search_leaves(seed_corpus) -> None:
    from zhenggong_report.analyze.duplicate_texts import body_utf8

    before = _variants(seed_corpus)
    memo = _memo_of(before)
    after = before[:-1]
    after[5] = edited(after[5], "changed", every=4)
    ids, bodies = [a.id for a in after], [body_utf8(a) for a in after]
    fresh, fresh_memo = search_duplicates(ids, bodies, 0)
    remembered, left = search_duplicates(ids, bodies, 0, memo=memo)
    assert remembered == fresh and len(fresh) == len(seed_corpus.articles)
    assert left.candidates.bounds == fresh_memo.candidates.bounds and left.candidates.digests == fresh_memo.candidates.digests
    assert _pairs(left.candidates) == _pairs(fresh_memo.candidates) and left.shared == fresh_memo.shared


def _pairs(candidates) -> set:
    import numpy as np

    return {tuple(row) for row in np.frombuffer(candidates.pairs, dtype=np.int32).reshape(-1, 2).tolist()}


def test_sending_the_duplicate_search_to_another_process_leaves_what_it_holds_as_large_as_before(seed_corpus) -> None:
    """The bodies travel as UTF-8: a pickled str makes CPython keep a UTF-8 copy inside it for its life."""
    import pickle
    import sys

    from zhenggong_report.analyze.corpus import CorpusWeights
    from zhenggong_report.analyze.duplicate_texts import body_utf8

    articles = seed_corpus.articles
    weights = CorpusWeights(tuple(a.id for a in articles), (), tuple(body_utf8(a) for a in articles))
    search = weights.parts()[1]
    sizes = [sys.getsizeof(b) for b in search.bodies]
    sent = pickle.loads(pickle.dumps(search))
    assert [sys.getsizeof(b) for b in search.bodies] == sizes
    assert sent.bodies == search.bodies and sent.ids == search.ids


def test_ruling_candidates_out_by_size_first_keeps_the_sketches_verdict_on_every_pair() -> None:
    """may_contain leaves out, before comparing sketches, the pairs whose sizes alone rule them out:
    the same verdict as the sketches' bound taken on every pair."""
    import numpy as np

    from zhenggong_report.analyze.duplicate_candidates import CONTAINMENT, SLACK_ERRORS, may_contain

    rng = np.random.default_rng(5)
    signatures = rng.integers(0, 3, size=(400, 128), dtype=np.uint32)  # sketches from unlike to alike
    signatures[200:] = signatures[:200]
    sizes = rng.integers(30, 6000, size=400).astype(np.float64)
    looking, found = rng.integers(0, 400, size=(2, 20_000))
    found[:5000] = looking[:5000] + 200 * (looking[:5000] < 200)  # same sketches, sizes apart
    estimate = (signatures[found] == signatures[looking]).mean(axis=1)
    error = np.sqrt(np.maximum(estimate * (1 - estimate), 1 / 128) / 128)
    jaccard = np.minimum(estimate + np.maximum(SLACK_ERRORS * error, 0.02), 1.0)
    plain = jaccard * (sizes[looking] + sizes[found]) / ((1 + jaccard) * sizes[looking]) >= CONTAINMENT
    verdict = may_contain(signatures, sizes, looking, found)
    assert verdict.tolist() == plain.tolist()
    assert 0 < verdict.sum() < len(verdict) and (sizes[found] < 0.6 * sizes[looking]).any()
