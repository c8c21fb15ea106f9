"""Jump lines across pages: an article cut by ``（下转第6版）`` is joined to its rest when the corpus has it."""

from __future__ import annotations

from zhenggong_report.parse import parse_corpus
from zhenggong_report.sources import source_from_bytes

from invariants import assert_nothing_lost

FRONT = """山西焦煤报
2026年1月5日 星期一 第1版

新时代企业政工工作助力企业高质量发展
■ 唐鹏

一是激活企业发展的“内生引擎”。政工工作通过思想引领，把职工的积极性调动起来。

二是筑牢企业稳定的“压舱石”。面对企业改革，政工工作发挥了重要作用。（下转第6版）

党建引领基层管理创新的实践路径
■ 李林

基层管理创新是企业高质量发展的基石，而党建工作则为这一进程提供了思想引领与组织保障。
"""

INSIDE = """山西焦煤报
2026年1月5日 星期一 第6版 理论与实践

新时代企业政工工作助力企业高质量发展
（上接第1版）

三是搭建企业与员工的“连心桥”。政工工作要深入一线，倾听职工心声，把职工的期盼变成企业的行动。

（作者单位：西山煤电西铭矿党群工作部）
"""


def _corpus(segmenter, front: str = FRONT, inside: str = INSIDE):
    sources = (source_from_bytes(front.encode(), "p1.txt"), source_from_bytes(inside.encode(), "p6.txt"))
    return sources, parse_corpus(sources, segmenter)


def test_the_two_parts_become_one_article(segmenter) -> None:
    sources, corpus = _corpus(segmenter)
    joined = corpus.articles[0]
    assert [a.display_title for a in corpus.articles] == ["新时代企业政工工作助力企业高质量发展", "党建引领基层管理创新的实践路径"]
    assert [p.text[:3] for p in joined.paragraphs] == ["一是激", "二是筑", "三是搭"]
    assert joined.parts == (("p1.txt", ((4, 9),)), ("p6.txt", ((4, 9),)))
    assert joined.affiliation == "西山煤电西铭矿党群工作部"
    assert joined.continued_on is None and not joined.partial
    for source in sources:
        assert_nothing_lost(source, list(corpus.articles) + list(corpus.leftovers))


def test_no_join_without_the_rest_or_across_papers(segmenter) -> None:
    _, corpus = _corpus(segmenter, inside=INSIDE.replace("山西焦煤报", "枣矿工人报"))
    head = corpus.articles[0]
    assert head.continued_on == "第6版" and not head.parts
    rest = next(a for a in corpus.articles if a.file == "p6.txt")
    assert rest.partial and rest.continued_from == "第1版"


def test_a_build_publishes_the_joined_article_with_both_sources(tmp_path, monkeypatch) -> None:
    import json

    from zhenggong_report.pipeline import build

    monkeypatch.setenv("ZHENGGONG_CACHE_DIR", str(tmp_path / "cache"))
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "p1.txt").write_text(FRONT, encoding="utf-8")
    (seeds / "p6.txt").write_text(INSIDE, encoding="utf-8")
    build(seeds, tmp_path / "out", use_cache=False, jobs=1)
    lines = (tmp_path / "out" / "data" / "articles.json").read_text(encoding="utf-8")
    articles = json.loads(lines)
    assert len(articles) == 2
    joined = articles[0]
    assert [part["file"] for part in joined["parts"]] == ["p1.txt", "p6.txt"]
    assert "三是搭建企业与员工" in joined["body"]
    pages = json.loads((tmp_path / "out" / "data" / "pages.json").read_text(encoding="utf-8"))
    assert [p["printed"]["edition"] for p in pages] == ["第1版", "第6版"]
