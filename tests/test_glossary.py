"""The 提法 glossary: quoted and all uses, longest match, merged variants, the filter of what is no
formulation, the first article that quotes it — and a sampled check of the seed glossary."""

from __future__ import annotations

from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

from zhenggong_report.analyze.data_files import load_analysis_data
from zhenggong_report.analyze.glossary import build_glossary
from zhenggong_report.analyze.tokens import tokenize_corpus

from analysis_helpers import make_article, make_corpus

SAMPLE = Path(__file__).resolve().parent / "gold" / "glossary_sample.toml"
RULES = load_analysis_data().glossary


def glossary(segmenter, *paragraph_lists):
    articles = [make_article("标题", paragraphs, f"a-0000000{n}") for n, paragraphs in enumerate(paragraph_lists)]
    entries = build_glossary(tokenize_corpus(make_corpus(*articles), segmenter), rules=RULES)
    return {g.term: g for g in entries}


def test_quoted_uses_and_all_uses_are_counted_apart(segmenter) -> None:
    entries = glossary(segmenter, ["严格落实“三会一课”制度。坚持三会一课，用好三会一课。"])
    assert (entries["三会一课"].count, entries["三会一课"].quoted) == (3, 1)


def test_a_term_inside_a_longer_formulation_is_not_counted_twice(segmenter) -> None:
    entries = glossary(segmenter, ["设立“党员先锋岗”，评选“先锋岗”。党员先锋岗是一面旗帜。"], ["设立“党员先锋岗”和“先锋岗”。"])
    assert entries["党员先锋岗"].count == 3 and entries["先锋岗"].count == 2


def test_variants_of_width_and_spacing_are_one_formulation(segmenter) -> None:
    entries = glossary(segmenter, ["创新“思政 +”融合模式。"], ["探索“思政＋”机制，推行思政+模式。"])
    assert set(entries) == {"思政+"}
    assert entries["思政+"].count == 3 and entries["思政+"].quoted == 2 and len(entries["思政+"].articles) == 2


def test_first_article_is_the_first_that_quotes_it(segmenter) -> None:
    entries = glossary(segmenter, ["落实一岗双责，推进工作。"], ["严格落实“一岗双责”。"], ["一岗双责要落实。"])
    entry = entries["一岗双责"]
    assert entry.first_article == "a-00000001" and "“一岗双责”" in entry.first_context
    assert entry.articles == ("a-00000000", "a-00000001", "a-00000002") and entry.count == 3


def test_emphasis_words_fragments_feelings_and_names_are_no_formulation(segmenter) -> None:
    entries = glossary(
        segmenter,
        ["不做“表面文章”，实施“一对一”或“多对一”疏导，探索“情景式”学习，职工“不理解”，设立“员工议事会”，推行“三会一课”。"],
        ["不做“表面文章”，探索“情景式”学习，职工“不理解”，设立“员工议事会”，推行“三会一课”。"],
    )
    assert set(entries) == {"三会一课"}


def test_a_phrase_one_article_uses_stays_only_when_shaped_like_a_formulation(segmenter) -> None:
    entries = glossary(segmenter, ["开展“掘进机截齿优化”项目，落实“四必谈”要求，坚持“书记抓、抓书记”，严防“灯下黑”。"])
    assert set(entries) == {"四必谈", "书记抓、抓书记", "灯下黑"}


def test_a_sample_of_forty_seed_entries_is_at_least_80_percent_genuine(seed_analysis) -> None:
    with open(SAMPLE, "rb") as handle:
        sample = tomllib.load(handle)["entry"]
    terms = {g.term for g in seed_analysis.glossary}
    assert len(sample) == 40 and len({e["term"] for e in sample}) == 40
    assert all(e["term"] in terms for e in sample if e["genuine"])  # the judged entries are still listed
    assert sum(e["genuine"] for e in sample) / len(sample) >= 0.8


def test_the_page_shows_all_uses_and_quoted_uses(seed_corpus, seed_analysis) -> None:
    from zhenggong_report.render.html import render_html

    page = render_html(seed_corpus, seed_analysis, None, None, {})["index.html"].decode("utf-8")
    entry = next(g for g in seed_analysis.glossary if g.term == "党建+工会")
    assert f"<td>{entry.count}<br><small class=\"muted\">加引号 {entry.quoted}</small></td>" in page
