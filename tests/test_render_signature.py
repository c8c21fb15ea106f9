"""A document signed at its end by its issuer (a 党委's 决定) is printed so in the report."""

from __future__ import annotations

import shutil

from zhenggong_report.pipeline import build

from conftest import FIXTURES


def test_a_decision_shows_its_issuer_and_date_right_set_under_its_text(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(FIXTURES / "pages" / "commendation_page.txt", seeds)
    build(seeds, tmp_path / "site", use_cache=False, layout="single")
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    signed = '<p class="signed">中共兰化集团公司委员会<br>2026年3月1日</p>'
    assert html.count(signed) == 1
    article = html[html.rindex("<article", 0, html.index(signed)) : html.index(signed)]
    assert "关于表彰2025年度先进基层党组织和优秀共产党员的决定" in article
    assert "发布时间" not in article and "issuer" not in article  # not among the publication facts under the byline
