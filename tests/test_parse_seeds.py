"""End to end over the five seed pages: the articles a careful reader finds, no more, no fewer.

The table below was written by reading each page against the parser's output,
article by article, start to end.
"""

from __future__ import annotations

import pytest

from invariants import assert_nothing_lost

# (file prefix, title as printed or None, author, affiliation, role, source spans, first words, last words)
READING = [
    ("000", "新时代企业政工工作助力企业高质量发展的路径探索", "唐鹏", "山东能源枣矿集团八亿橡胶有限责任公司", None, [[3, 35]], "一是激活企业发展", "实现可持续发展。"),
    ("000", "关于加强企业信访稳定工作的实践与启示", "周斌", "枣庄联创实业有限责任公司", None, [[37, 63]], "矿井资源枯竭", "不良现象的发生。"),
    ("000", "法治信访视角下国企政工队伍建设的优化策略", "孙文生", "山东丰源轮胎制造股份有限公司", None, [[65, 93]], "法治信访是以法律法规", "保驾护航。"),
    ("000", "以身作则树旗帜，先锋引领谱新篇", "王志强", "山东八一煤电化有限公司", None, [[95, 137]], "优秀共产党员的表率作用", "中国梦贡献力量。"),
    ("000", "新时代工会工作服务职工群众的路径探索", "王乔媛", "枣庄矿业(集团)有限责任公司田陈煤矿党群工作部(工会)", None, [[139, 169]], "在新时代背景下", "贡献工会力量。"),
    ("000", "加强国有企业党建与生产经营深度融合探索与实践", "杨海洋", "枣矿集团田陈煤矿", None, [[171, 185]], "推动国有企业党建工作", "融合的实效性。"),
    ("001", "新时代国企组织工作质效提升的优化路径", "刘兆媛", "内蒙古森工集团", None, [[5, 37]], "全面提升新时代", "工作有序开展。"),
    ("001", "以人为本理念在新时代政工工作中的应用", "闫锐锋", "内蒙古大兴安岭林业信息中心", None, [[39, 91]], "在新时代背景下", "源源不断的动能。"),
    ("002", "国有企业“党建+工会”工作创新路径的探索", "付吉鹏", "霍州煤电集团汾州焦煤公司三交河矿", None, [[3, 21], [45, 55]], "国有企业是中国特色", "政治保障和组织保障。"),
    ("002", "党建引领基层管理创新的实践路径", "李林", "山西西山煤电股份有限公司西铭矿党政办", None, [[23, 25], [57, 75], [27, 43], [77, 91]], "基层管理创新是企业", "提供“红色方案”。"),
    ("002", None, None, "山西焦煤霍州煤电集团丰峪煤业", None, [[93, 103]], "键环节", "贡献国企力量。"),
    ("002", None, None, "山西焦煤西山煤电西铭矿", None, [[105, 155]], "新时代以来", "思想保障和精神支撑。"),
    ("003", None, None, "山西煤炭运销集团太原有限公司", None, [[1, 116]], "国有企业作为国家经济", "双赢奠定坚实基础。"),
    ("003", "浅谈如何发挥企业政工人员的作用", "张慧良", "山西焦煤霍州煤电临汾宏大宏鑫机电安装公司党群工作部", "部长", [[117, 330]], "政工部门是国有企业", "关心他们，帮助他们。"),
    ("003", "对做好企业党建工作的几点思考", "李鑫", "晋能控股晋北能源（山西）有限公司", None, [[332, 520]], "党建即党的建设", "企业高质量发展。"),
    ("004", "国有企业党建工作与生产经营工作融合路径探索", "赵丽娜", "山东高速青岛发展有限公司", None, [[1, 167]], "一、充分认识党对国有企业领导的重要性", "激发创先争优活力。"),
    ("004", "以思想宣传为翼 助财务公司绘就高质量发展新篇章", "孙海峰", "山东能源集团财务有限公司", None, [[169, 318]], "在经济高质量发展浪潮中", "担当作为的新篇章。"),
    ("004", "煤矿去产能关井后基层思想政治工作的强化路径研究", "李大伟", "山东八一煤电化有限公司", None, [[320, 532]], "一、煤矿去产能关井后", "实现“破局重生”。"),
    ("004", "国有企业思想政治工作实践与创新路径", "戚成志", "济南建工集团有限公司党群工作部", None, [[534, 785]], "思想政治工作是党的优良传", "强大的思想保障。"),
]


def test_the_parser_finds_exactly_the_articles_a_reader_finds(seed_corpus) -> None:
    found = [(a.file[:3], a.title, a.author, a.affiliation, a.role, [list(s) for s in a.lines]) for a in seed_corpus.articles]
    assert found == [row[:6] for row in READING]


@pytest.mark.parametrize("row", READING, ids=lambda r: f"{r[0]}:{r[5][0][0]}")
def test_each_body_is_complete_in_reading_order(seed_corpus, row) -> None:
    article = next(a for a in seed_corpus.articles if a.file.startswith(row[0]) and [list(s) for s in a.lines] == row[5])
    assert article.body.startswith(row[6])
    assert article.body.endswith(row[7])
    assert "\n\n\n" not in article.body


def test_no_line_of_the_five_pages_is_lost(seed_corpus) -> None:
    records = list(seed_corpus.articles) + list(seed_corpus.leftovers)
    for source in seed_corpus.sources:
        assert_nothing_lost(source, records)


def test_the_legal_notice_is_a_leftover_not_an_article(seed_corpus) -> None:
    (notice,) = seed_corpus.leftovers
    assert notice.kind == "legal_notice"
    assert notice.file.startswith("002") and [list(s) for s in notice.lines] == [[157, 161]]
    assert notice.text.startswith("注销公告") and notice.text.endswith("2025年12月31日")


def test_interleaved_columns_are_rejoined_with_their_evidence(seed_corpus) -> None:
    joins = {(j.before[0], j.after[0]): j for a in seed_corpus.articles for j in a.joins if j.kind == "column"}
    assert set(joins) == {(21, 45), (75, 27), (43, 77)}
    assert any("党组织" in e for e in joins[(21, 45)].evidence)
    assert any("落实" in e for e in joins[(43, 77)].evidence)
    assert any("括号" in e for e in joins[(75, 27)].evidence)


def test_words_split_across_page_breaks_are_mended(seed_corpus) -> None:
    bodies = "\n".join(a.body for a in seed_corpus.articles)
    for mended in ("政策宣传和思想引导工作", "急难险重任务", "“加油”“充电”“补钙”", "增强“责任意识”一是", "构建党委统一领导、党政工团齐抓共管的工作格局"):
        assert mended in bodies
    for split in ("思\n\n想引导", "带\n\n头研究"):
        assert split not in bodies


def test_titles_trail_their_articles_on_the_narrow_pages(seed_corpus) -> None:
    placement = {p.file[:3]: p.title_placement for p in seed_corpus.pages}
    assert placement == {"000": "leading", "001": "leading", "002": "leading", "003": "trailing", "004": "trailing"}


def test_missing_titles_are_inferred_and_flagged_never_presented_as_printed(seed_corpus) -> None:
    untitled = [a for a in seed_corpus.articles if a.title is None]
    assert [a.display_title for a in untitled] == [
        "加强新时期国有企业党风廉政建设",
        "新时代国企工会强化思想政治工作的有效路径",
        "创新国有企业党建工作的方法与路径",
    ]
    assert all(a.title_inferred and a.author is None for a in untitled)


def test_only_the_article_whose_beginning_is_missing_is_partial(seed_corpus) -> None:
    partial = [a for a in seed_corpus.articles if a.partial]
    assert [a.body[:3] for a in partial] == ["键环节"]


def test_subtitle_abstract_and_keywords(seed_corpus) -> None:
    by_title = {a.title: a for a in seed_corpus.articles}
    assert by_title["以身作则树旗帜，先锋引领谱新篇"].subtitle == "论优秀共产党员表率作用的体现与弘扬"
    mine = by_title["煤矿去产能关井后基层思想政治工作的强化路径研究"]
    assert mine.abstract.startswith("在煤炭行业去产能政策深入推进的背景下") and mine.abstract.endswith("提供参考。")
    assert mine.author_keywords == ("煤矿企业", "去产能关井", "基层", "思想政治工作", "职工关怀")
    assert "摘要" not in mine.body and "关键词" not in mine.body


def test_section_headings_stay_their_own_paragraphs(seed_corpus) -> None:
    by_title = {a.title: a for a in seed_corpus.articles}
    headings = [p.text for p in by_title["煤矿去产能关井后基层思想政治工作的强化路径研究"].paragraphs if p.kind == "heading"]
    assert "(二)思想问题的主要诱因" in headings
    assert "一、煤矿去产能关井后基层思想政治工作的现实意义" in headings
    wrapped = [p.text for p in by_title["国有企业党建工作与生产经营工作融合路径探索"].paragraphs if p.kind == "heading"]
    assert "(一)强化政治引领，是党建工作与生产经营工作融合的有效路径" in wrapped


def test_article_ids_are_unique_and_stable(seed_corpus, segmenter) -> None:
    from zhenggong_report.pipeline import parse_sources

    ids = [a.id for a in seed_corpus.articles]
    assert len(set(ids)) == len(ids)
    again = parse_sources(seed_corpus.sources, segmenter)
    assert [a.id for a in again.articles] == ids
