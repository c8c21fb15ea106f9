"""Keywords (TF-IDF over the corpus), related articles, quantitative claims and the 提法 glossary."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggong_report.analyze.claims import article_claims
from zhenggong_report.analyze.glossary import build_glossary, is_formulation
from zhenggong_report.analyze.keywords import related_articles, term_weights, top_keywords
from zhenggong_report.analyze.tokens import content_counts, tokenize_article, tokenize_corpus

from analysis_helpers import make_article, make_corpus


def test_keywords_are_ten_content_words_strongest_first(segmenter, seed_analysis) -> None:
    for item in seed_analysis.articles:
        words = [k.word for k in item.keywords]
        weights = [k.weight for k in item.keywords]
        assert len(words) == 10 and len(set(words)) == 10
        assert all(len(w) >= 2 and not segmenter.is_stopword(w) for w in words)
        assert weights == sorted(weights, reverse=True) and all(0 < w <= 1 for w in weights)


@pytest.mark.parametrize(
    "title, word",
    [
        ("关于加强企业信访稳定工作的实践与启示", "信访"),  # jieba's 'v' word survives (in its family: 信访工作)
        ("加强国有企业党建与生产经营深度融合探索与实践", "党建"),  # jieba's 'j' word survives
        ("加强新时期国有企业党风廉政建设", "纪检监察"),
        ("煤矿去产能关井后基层思想政治工作的强化路径研究", "关井"),
    ],
)
def test_an_articles_topic_words_are_among_its_keywords(seed_analysis, by_title, title, word) -> None:
    assert any(word in k.word for k in seed_analysis.for_article(by_title[title]).keywords)


def test_idf_is_over_this_corpus(segmenter) -> None:
    """A word in every article weighs less than one as frequent in one article only."""
    corpus = make_corpus(
        make_article("甲", ["职工职工信访信访"], "a-1"),
        make_article("乙", ["职工职工工会工会"], "a-2"),
        make_article("丙", ["职工职工安全安全"], "a-3"),
    )
    keywords = top_keywords(term_weights(tokenize_corpus(corpus, segmenter), segmenter))
    first = {k.word: k.weight for k in keywords["a-1"]}
    assert first["信访"] > first["职工"]


def test_the_ranked_table_is_the_table_sorted_by_article_weight_and_word(segmenter, seed_corpus) -> None:
    """The ranking by numpy's lexsort is pandas' sort by (article, weight descending, word), with
    its ties too (copies of one text weigh their words alike), with and without sub-words."""
    import dataclasses

    articles = [*seed_corpus.articles, *(dataclasses.replace(a, id=a.id + "-copy") for a in seed_corpus.articles[:3])]
    weights = term_weights(tokenize_corpus(dataclasses.replace(seed_corpus, articles=tuple(articles)), segmenter), segmenter)
    for table in (weights, weights.with_sub_words()):
        plain = table.table.sort_values(["doc", "weight", "word"], ascending=[True, False, True])
        assert table.ranked().equals(plain) and list(table.ranked().index) == list(plain.index)


def test_counts_summed_through_a_sparse_matrix_are_pandas_group_by_sums(segmenter, seed_corpus, monkeypatch) -> None:
    """The sub-word table's counts (each compound's counted again for its parts) summed by
    :func:`summed_counts` and by pandas' two-key group-by: the same frame, dtypes and order, and so
    the same weights to the bit."""
    import numpy as np
    import pandas as pd

    from zhenggong_report.analyze import keywords

    rng = np.random.default_rng(3)
    counts = pd.DataFrame({
        "doc": np.sort(rng.integers(0, 50, 4000)).astype(np.int32),
        "word": rng.integers(0, 300, 4000).astype(np.int32),
        "count": rng.integers(1, 6, 4000).astype(np.int64),
    })
    plain = counts.groupby(["doc", "word"], sort=True, as_index=False)["count"].sum()
    pd.testing.assert_frame_equal(keywords.summed_counts(counts), plain)
    assert len(plain) < len(counts)  # duplicates were summed

    weights = term_weights(tokenize_corpus(seed_corpus, segmenter), segmenter)
    sparse = weights.with_sub_words().table
    monkeypatch.setattr(keywords, "summed_counts", lambda c: c.groupby(["doc", "word"], sort=True, as_index=False)["count"].sum())
    pd.testing.assert_frame_equal(sparse, weights.with_sub_words().table, check_exact=True)


def test_related_articles_are_the_three_most_similar_others(seed_analysis, by_title) -> None:
    for item in seed_analysis.articles:
        scores = [r.score for r in item.related]
        assert len(item.related) == 3 and item.article_id not in {r.article_id for r in item.related}
        assert scores == sorted(scores, reverse=True) and all(0 < s <= 1 for s in scores)
    petitions = seed_analysis.for_article(by_title["关于加强企业信访稳定工作的实践与启示"])
    assert petitions.related[0].article_id == by_title["法治信访视角下国企政工队伍建设的优化策略"]


def test_related_is_symmetric_in_score(seed_analysis) -> None:
    scores = {(item.article_id, r.article_id): r.score for item in seed_analysis.articles for r in item.related}
    for (a, b), score in scores.items():
        if (b, a) in scores:
            assert scores[(b, a)] == score


def test_an_article_sharing_no_word_has_no_related(segmenter) -> None:
    corpus = make_corpus(make_article("甲", ["信访维稳"], "a-1"), make_article("乙", ["安全生产"], "a-2"))
    related = related_articles(term_weights(tokenize_corpus(corpus, segmenter), segmenter))
    assert related == {"a-1": (), "a-2": ()}


@pytest.mark.parametrize(
    "text, figures",
    [
        ("组织12场事迹宣讲，覆盖3000余名员工，生产效率提升18%。", [("12", "场"), ("3000余", "名"), ("18", "%")]),
        ("某企业员工流失率从18%降至8%。", [("18", "%"), ("8", "%")]),
        ("累计开展30余期培训，单条播放量破10万。", [("30余", "期"), ("10万", "播放量")]),
        ("营收突破10万。", [("10", "万")]),
        ("共计16种2364人次，投入10万元。", [("16", "种"), ("2364", "人次"), ("10", "万元")]),
        ("2024年累计排查整改隐患572条。", [("572", "条")]),
        ("引进ZYWL-6000Y数字化智能钻机，“1+1>2”。", []),
        ("2025年12月31日特此公告。", []),
    ],
)
def test_claims_are_figures_with_their_units(segmenter, text, figures) -> None:
    claims = article_claims(tokenize_article(make_article("标题", [text]), segmenter))
    assert [(c.value, c.unit) for c in claims] == figures
    for claim in claims:
        printed = claim.sentence[claim.start : claim.end]  # a count noun (播放量) stands before the figure
        assert printed == claim.value + claim.unit or (printed == claim.value and claim.unit == "播放量")
        assert claim.article_id == "a-test0001" and claim.paragraph == 0


def test_seed_claims_are_the_cases_editors_quote(seed_analysis, by_title) -> None:
    ximing = seed_analysis.for_article(by_title["党建引领基层管理创新的实践路径"]).claims
    assert ("572", "条") in [(c.value, c.unit) for c in ximing]
    assert ("98.6", "%") in [(c.value, c.unit) for c in ximing]
    assert not any(c.unit == "年" for c in ximing)
    petitions = seed_analysis.for_article(by_title["关于加强企业信访稳定工作的实践与启示"]).claims
    assert [(c.value, c.unit) for c in petitions] == [("97", "%")]
    assert "归口办结率达到97%" in petitions[0].sentence


@pytest.mark.parametrize(
    "text, expected",
    [("三会一课", True), ("双向进入、交叉任职", True), ("四风", True), ("党建+", True), ("服务", False), ("责任", False), ("462", False)],
)
def test_what_counts_as_a_formulation(text, expected) -> None:
    assert is_formulation(text) is expected


def test_the_glossary_counts_formulations_across_articles(seed_analysis) -> None:
    entries = {g.term: g for g in seed_analysis.glossary}
    for term in ("三会一课", "一岗双责", "双向进入、交叉任职", "第一议题"):
        assert term in entries
    sanhui = entries["三会一课"]
    assert sanhui.count >= 5 and len(sanhui.articles) >= 3
    assert "“三会一课”" in sanhui.first_context and sanhui.first_article in sanhui.articles
    assert "山能财司" not in entries  # a defined name, not a formulation
    counts = [g.count for g in seed_analysis.glossary]
    assert counts == sorted(counts, reverse=True)


def test_a_formulation_inside_a_longer_one_is_counted_for_the_longer_only(segmenter) -> None:
    article = make_article("标题", ["探索“党建+”模式，推进“党建+工会”融合，党建+工会成效明显。"])
    glossary = {g.term: (g.count, g.quoted) for g in build_glossary(tokenize_corpus(make_corpus(article), segmenter))}
    assert glossary == {"党建+": (1, 1), "党建+工会": (2, 1)}


def test_a_remembered_glossary_is_the_glossary(seed_corpus) -> None:
    """Each article's share remembered from an earlier build gives the same glossary, also after an
    article changed, and the memo keeps this corpus's share only."""
    from dataclasses import replace as replaced

    from zhenggong_report.analyze.glossary import GlossaryMemo
    from zhenggong_report.analyze.tokens import article_text_units
    from zhenggong_report.models.parsed import Paragraph

    units = tuple(article_text_units(a) for a in seed_corpus.articles)
    names = frozenset({"山能财司"})
    fresh = build_glossary(units, names)
    memo = GlossaryMemo()
    assert build_glossary(units, names, memo) == fresh
    assert len(memo.quoted) == len(units) and len(memo.counts) == 1
    assert build_glossary(units, names, memo) == fresh  # now all from the memo

    changed_article = replaced(
        seed_corpus.articles[3],
        paragraphs=seed_corpus.articles[3].paragraphs + (Paragraph("text", "坚持“三会一课”和“一岗双责”，落实“第一议题”制度。", ((1, 1),)),),
    )
    changed = units[:3] + (article_text_units(changed_article),) + units[4:]
    assert build_glossary(changed, names, memo) == build_glossary(changed, names)
    assert len(memo.quoted) == len(units) and len(memo.counts) == 1


def test_tf_idf_from_counts_and_ids_alone_is_the_same(segmenter, seed_corpus) -> None:
    from zhenggong_report.analyze.tokens import content_counts

    tokens = tokenize_corpus(seed_corpus, segmenter)
    counts = [content_counts(t, segmenter) for t in tokens]
    ids = [t.article.id for t in tokens]
    with_tokens = term_weights(tokens, segmenter, counts)
    alone = term_weights((), segmenter, counts, ids)
    assert alone.articles == with_tokens.articles
    assert alone.table.equals(with_tokens.table)


# --- whose figure, which unit, Chinese numerals ---------------------------------------------------


def claims_of(segmenter, *paragraphs, affiliation="枣庄联创实业有限责任公司"):
    article = make_article("标题", list(paragraphs), affiliation=affiliation)
    return [(c.value, c.unit, c.subject_kind, c.subject) for c in article_claims(tokenize_article(article, segmenter))]


def test_an_anonymous_example_is_marked_and_the_authors_figure_is_the_enterprises(segmenter) -> None:
    found = claims_of(segmenter, "某制造企业开展主题教育，组织12场事迹宣讲。近年来，公司的归口办结率达到97%。")
    assert found == [("12", "场", "example", "某企业 (例)"), ("97", "%", "enterprise", "枣庄联创实业有限责任公司")]


def test_a_survey_or_a_share_of_enterprises_is_sector_data(segmenter) -> None:
    found = claims_of(segmenter, "基层调研显示，80%的职工认为关联度低；40%企业政工工作由行政部门兼职。")
    assert [(v, kind) for v, _, kind, _ in found] == [("80", "sector"), ("40", "sector")]


def test_chinese_numerals_of_ten_and_more_and_zero_are_read(segmenter) -> None:
    found = claims_of(segmenter, "学习系统包含十个模块，推动工程零安全事故，从三个层面落实“四个意识”，建成二十个站点。")
    assert [(v, u) for v, u, _, _ in found] == [("10", "个"), ("0", "安全事故"), ("20", "个")]


def test_the_unit_is_read_from_the_words_around_the_number(segmenter) -> None:
    found = claims_of(segmenter, "单条播放量破10万；培训人数581人次，投入资金10万元。")
    assert [(v, u) for v, u, _, _ in found] == [("10万", "播放量"), ("581", "人次"), ("10", "万元")]


# --- keywords over merged variants, related articles over shared sub-words -------------------------


def test_the_two_petition_articles_are_each_others_related(seed_analysis, by_title) -> None:
    first = by_title["关于加强企业信访稳定工作的实践与启示"]
    second = by_title["法治信访视角下国企政工队伍建设的优化策略"]
    assert second in [r.article_id for r in seed_analysis.for_article(first).related]
    assert first in [r.article_id for r in seed_analysis.for_article(second).related]


def test_variants_of_one_word_are_one_keyword(seed_analysis, by_title) -> None:
    words = [k.word for k in seed_analysis.for_article(by_title["关于加强企业信访稳定工作的实践与启示"]).keywords]
    assert len([w for w in words if "信访" in w]) == 1


def test_counted_phrases_and_function_words_are_no_keywords(seed_analysis) -> None:
    words = {k.word for item in seed_analysis.articles for k in item.keywords}
    assert not words & {"两个", "一套", "善于", "变为", "要细"}


def _related_from_the_whole_matrix(weights, keep: int = 3) -> dict:
    """The plain way: the dense articles × articles matrix, each row sorted by score, ties to the lower index."""
    import numpy as np

    from zhenggong_report.analyze.keywords import signature_matrix

    signature = signature_matrix(weights.with_sub_words()).toarray()
    whole = np.round(signature @ signature.T, 4)
    np.fill_diagonal(whole, -1.0)
    ids = weights.articles
    related = {}
    for me, row in enumerate(whole):
        best = sorted(range(len(row)), key=lambda j: (-row[j], j))[:keep]
        related[ids[me]] = tuple((ids[j], float(row[j])) for j in best if row[j] > 0)
    return related


def test_related_in_row_blocks_equals_the_whole_matrix(segmenter, seed_corpus) -> None:
    """Related articles made a few rows at a time are those of the plain articles × articles matrix."""
    weights = term_weights(tokenize_corpus(seed_corpus, segmenter), segmenter)
    plain = _related_from_the_whole_matrix(weights)
    for block in (1, 4, 256):
        blocked = related_articles(weights, block=block)
        assert {k: tuple((r.article_id, r.score) for r in v) for k, v in blocked.items()} == plain


def test_related_of_copies_equals_the_whole_matrix(segmenter, seed_corpus) -> None:
    """Copies of one text share a row of similarities; each copy still gets the answer of its own
    row of the plain matrix (the other copies first, ties to the first article)."""
    tokens = tokenize_corpus(seed_corpus, segmenter)
    counts = [content_counts(t, segmenter) for t in tokens]
    copies = [0, 1, 0, 2, 0, 1] + list(range(len(counts)))  # three copies of the first, two of the second
    ids = [f"copy-{n}" for n in range(len(copies))]
    weights = term_weights((), segmenter, [counts[i] for i in copies], ids)
    plain = _related_from_the_whole_matrix(weights)
    for block in (1, 3, 256):
        shared = related_articles(weights, block=block)
        assert {k: tuple((r.article_id, r.score) for r in v) for k, v in shared.items()} == plain
    assert [r.article_id for r in shared["copy-0"]][:2] == ["copy-2", "copy-4"]


def _family_root_by_scan(word: str, words: list[str]) -> str:
    """The definition, word by word: the shortest of ``words`` that ``word`` begins or ends with,
    adding two characters or more (of two as short, the stronger)."""
    roots = [w for w in words if len(word) - len(w) >= 2 and len(w) >= 2 and (word.startswith(w) or word.endswith(w))]
    return min(roots, key=lambda w: (len(w), words.index(w))) if roots else word


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="信访工作法治党建融合", min_size=1, max_size=7), min_size=1, max_size=40, unique=True))
def test_a_family_root_looked_up_by_pieces_is_the_one_a_scan_finds(words) -> None:
    from zhenggong_report.analyze.keywords import family_root

    place = {w: i for i, w in enumerate(words)}
    assert [family_root(w, place) for w in words] == [_family_root_by_scan(w, words) for w in words]


def test_tf_idf_weights_are_the_module_formula_worked_by_hand() -> None:
    """tf = a word's share of the article's words, idf = ln((1 + N) / (1 + df)) + 1, each article's
    vector of length one: the table's weights, word by word, to rounding."""
    import math

    counts = [(("党建", "融合", "信访"), (3, 1, 2)), (("党建", "工会"), (1, 4)), (("信访", "工会", "职工"), (2, 2, 5))]
    weights = term_weights((), None, counts, ["a", "b", "c"])
    df = {}
    for words, _ in counts:
        for w in words:
            df[w] = df.get(w, 0) + 1
    for doc, (words, numbers) in enumerate(counts):
        raw = {w: n / sum(numbers) * (math.log(4 / (1 + df[w])) + 1) for w, n in zip(words, numbers)}
        norm = math.sqrt(sum(v * v for v in raw.values()))
        rows = weights.table[weights.table["doc"] == doc]
        got = {weights.words[w]: v for w, v in zip(rows["word"], rows["weight"])}
        assert got.keys() == raw.keys()
        for w, v in raw.items():
            assert math.isclose(got[w], v / norm, rel_tol=1e-12)


@pytest.mark.parametrize("block", [1, 7, 64, 1000])
def test_each_pair_worked_out_once_gives_every_rows_own_best(block) -> None:
    """:func:`best_columns` multiplies each pair of rows once; each row's best are those of its own
    row of the whole product, ties (many, with scores rounded) to the lower row."""
    import numpy as np
    from scipy.sparse import csr_matrix

    from zhenggong_report.analyze.keywords import SCALE, best_columns

    rng = np.random.default_rng(11)
    dense = rng.random((300, 60)) * (rng.random((300, 60)) < 0.08)
    dense[50] = dense[10]  # a tie of whole rows
    dense[rng.integers(0, 300, 20)] = 0  # rows sharing nothing
    norms = np.linalg.norm(dense, axis=1)
    dense[norms > 0] /= norms[norms > 0, None]
    matrix = csr_matrix(dense)
    matrix.sort_indices()
    whole = np.rint((matrix @ matrix.T).toarray() * SCALE).astype(np.int64)
    expected = [sorted(((-int(q), j) for j, q in enumerate(row)))[:4] for row in whole]
    assert best_columns(matrix, 4, block) == [[(-q, j) for q, j in row] for row in expected]
