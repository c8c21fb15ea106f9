"""A hand-made :class:`Analysis` of real parsed articles, for testing the renderer on its own.

Test fixture only: a few themes, enterprises and formulations written out by hand, with hits,
evidence, claims and glossary entries found by plain substring search in the parsed text, so the
renderer can be exercised on any corpus (the seeds, or a page full of hostile markup).
"""

from __future__ import annotations

import re
from collections import Counter

from zhenggong_report.models.analysis import (
    Analysis,
    ArticleAnalysis,
    Claim,
    Enterprise,
    EnterpriseLink,
    Evidence,
    GlossaryEntry,
    Keyword,
    Related,
    ThemeDefinition,
    ThemeHit,
)
from zhenggong_report.models.parsed import Article, ParsedCorpus

THEMES = (
    ThemeDefinition("party-integration", "党建融合", "党建工作与生产经营深度融合。", (("党建", 2.0), ("融合", 1.5), ("生产经营", 1.0))),
    ThemeDefinition("petitions", "信访", "信访稳定、诉求表达与矛盾化解。", (("信访", 3.0), ("诉求", 1.0))),
    ThemeDefinition("trade-union", "工会", "工会组织、职代会与服务职工。", (("工会", 3.0), ("职代会", 2.0), ("职工", 0.5))),
    ThemeDefinition("digital", "数字化", "数字化、智能化与新媒体手段。", (("数字化", 2.0), ("智能", 1.0), ("新媒体", 1.0))),
    ThemeDefinition("integrity", "党风廉政", "党风廉政建设与纪律监督。", (("廉政", 2.0), ("廉洁", 2.0), ("纪检", 1.0)), ("廉价",)),
    ThemeDefinition("script-theme", "<b>主题</b>", "名称里有标签的主题：必须原样显示。", (("<script>", 1.0),)),
)

ENTERPRISES = (
    Enterprise("shandong-energy", "山东能源集团", ("山东能源",), None, "group"),
    Enterprise("zaokuang", "枣庄矿业(集团)有限责任公司", ("枣矿集团", "枣矿"), "shandong-energy", "company"),
    Enterprise("tianchen", "田陈煤矿", ("枣矿集团田陈煤矿",), "zaokuang", "mine"),
    Enterprise("bayi-rubber", "八亿橡胶有限责任公司", ("八亿橡胶",), "zaokuang", "company"),
    Enterprise("finance", "山东能源集团财务有限公司", ("财务公司",), "shandong-energy", "company"),
    Enterprise("shanxi-coking", "山西焦煤集团", ("山西焦煤",), None, "group"),
    Enterprise("huozhou", "霍州煤电集团", ("霍州煤电",), "shanxi-coking", "company"),
    Enterprise("sanjiaohe", "三交河矿", ("三交河",), "huozhou", "mine"),
    Enterprise("xishan", "西山煤电", ("山西西山煤电股份有限公司",), "shanxi-coking", "company"),
    Enterprise("ximing", "西铭矿", ("西铭",), "xishan", "mine"),
    Enterprise("forest", "内蒙古森工集团", ("森工集团",), None, "group"),
    Enterprise("markup <i>co</i>", "<img src=x onerror=alert(1)>公司", ("<script>alert(1)</script>",), None, "company"),
)

_SENTENCE = re.compile(r"[^。！？!?]*[。！？!?]?")
_CLAIM = re.compile(r"(\d+(?:\.\d+)?)(%|名|场|项|人次|条)")
_QUOTED = re.compile(r"“([^”“]{2,12})”")


def sentences(article: Article) -> list[tuple[int, str]]:
    return [(i, s) for i, p in enumerate(article.paragraphs) for s in _SENTENCE.findall(p.text) if s.strip()]


def theme_hit(theme: ThemeDefinition, article: Article) -> ThemeHit | None:
    counts = [(term, article.body.count(term)) for term, _ in theme.terms]
    counts = sorted(((t, c) for t, c in counts if c), key=lambda tc: (-tc[1], tc[0]))
    weighted = sum(c * dict(theme.terms)[t] for t, c in counts)
    if weighted < 6:
        return None
    evidence = []
    for paragraph, sentence in sentences(article):
        for term, _ in counts:
            start = sentence.find(term)
            if start >= 0:
                evidence.append(Evidence(sentence, term, start, start + len(term), paragraph))
                break
        if len(evidence) == 2:
            break
    score = round(weighted / max(1, article.characters) * 100, 3)
    return ThemeHit(theme.id, theme.name, score, tuple(counts), tuple(evidence))


def enterprise_links(article: Article, enterprises: tuple[Enterprise, ...]) -> tuple[EnterpriseLink, ...]:
    links = []
    affiliation = article.affiliation or ""
    own = [e for e in enterprises if any(n and n in affiliation for n in (e.name, *e.aliases))]
    parents = {e.id: e.parent for e in enterprises}

    def depth(e: Enterprise) -> int:
        d, parent = 0, e.parent
        while parent:
            d, parent = d + 1, parents.get(parent)
        return d

    deepest = sorted(own, key=lambda e: -depth(e))[:1]
    links += [EnterpriseLink(e.id, e.name, "affiliation") for e in deepest]
    for e in enterprises:
        count = sum(article.body.count(n) for n in (e.name, *e.aliases) if n)
        if count and e not in deepest:
            links.append(EnterpriseLink(e.id, e.name, "mention", count))
    return tuple(links)


def claims(article: Article) -> tuple[Claim, ...]:
    found = []
    for _, sentence in sentences(article):
        for match in _CLAIM.finditer(sentence):
            found.append(Claim(match.group(1), match.group(2), sentence, article.id))
    return tuple(found[:6])


def keywords(article: Article) -> tuple[Keyword, ...]:
    grams = Counter(article.body[i : i + 2] for i in range(len(article.body) - 1))
    top = [(g, c) for g, c in sorted(grams.items(), key=lambda gc: (-gc[1], gc[0])) if re.fullmatch(r"[\u4e00-\u9fff]{2}", g)]
    total = sum(c for _, c in top[:5]) or 1
    return tuple(Keyword(g, round(c / total, 3)) for g, c in top[:5])


def glossary(corpus: ParsedCorpus) -> tuple[GlossaryEntry, ...]:
    found: dict[str, list[tuple[Article, str]]] = {}
    for article in corpus.articles:
        for _, sentence in sentences(article):
            for match in _QUOTED.finditer(sentence):
                found.setdefault(match.group(1), []).append((article, sentence))
    entries = []
    for term, uses in sorted(found.items(), key=lambda tu: (-len(tu[1]), tu[0])):
        if len(uses) < 2:
            continue
        articles = tuple(dict.fromkeys(a.id for a, _ in uses))
        entries.append(GlossaryEntry(term, len(uses), articles, uses[0][0].id, uses[0][1]))
    return tuple(entries[:15])


def hand_made_analysis(corpus: ParsedCorpus, themes=THEMES, enterprises=ENTERPRISES) -> Analysis:
    items = []
    for article in corpus.articles:
        hits = sorted((h for t in themes if (h := theme_hit(t, article))), key=lambda h: -h.score)
        items.append(
            ArticleAnalysis(
                article_id=article.id,
                themes=tuple(hits),
                primary_theme=hits[0].theme_id if hits else None,
                enterprises=enterprise_links(article, enterprises),
                keywords=keywords(article),
                claims=claims(article),
                related=(),
            )
        )
    ids = [a.id for a in corpus.articles]
    with_related = []
    for n, item in enumerate(items):
        others = [ids[(n + k) % len(ids)] for k in (1, 2) if len(ids) > k]
        related = tuple(Related(i, round(0.5 - 0.1 * k, 2)) for k, i in enumerate(others))
        with_related.append(ArticleAnalysis(item.article_id, item.themes, item.primary_theme, item.enterprises, item.keywords, item.claims, related))
    return Analysis(themes=themes, enterprises=enterprises, articles=tuple(with_related), glossary=glossary(corpus))
