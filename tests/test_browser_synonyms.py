"""The search reads the words of a group of ``glossary.toml``'s [search] synonyms alike, in chromium:
职代会 finds the articles that print only 职工代表大会 and the other way round, each hit marking the
form its article prints. The seeds hold both forms: one article has both, two only the full form."""

from __future__ import annotations

import pytest

from test_browser import DESKTOP, Watched, browser, report_dir, report_url, visible_rows  # noqa: F401
from test_browser_reader import expected_hits, fold, own_text, records, shown_hits, wait_until  # noqa: F401

pytestmark = pytest.mark.browser

SHORT, FULL = "职代会", "职工代表大会"


@pytest.fixture()
def reader(browser, report_url):
    context = browser.new_context(viewport=DESKTOP)
    watched = Watched(context, report_url)
    yield watched.page
    assert watched.errors == []
    context.close()


def printing(records: list[dict], word: str) -> set[str]:
    return {r["id"] for r in records if any(word in fold(p) for p in own_text(r))}


def marks_of(page, article_id: str) -> list[str]:
    return page.eval_on_selector_all(f'#search-hits > li[data-article="{article_id}"] mark', "marks => marks.map(m => m.textContent)")


@pytest.mark.parametrize(("query", "other"), [(SHORT, FULL), (FULL, SHORT)])
def test_a_short_form_finds_the_full_form_and_the_other_way_round(reader, records, query, other) -> None:
    only_other = printing(records, other) - printing(records, query)
    if query == SHORT:
        assert only_other, "the seeds have an article that prints only 职工代表大会"
    reader.fill("#filter-search", query)
    found = shown_hits(reader)
    assert set(found) == printing(records, SHORT) | printing(records, FULL)
    assert found == expected_hits(records, query)
    assert set(visible_rows(reader)) == set(found)
    for article_id in only_other:
        assert set(marks_of(reader, article_id)) == {other}, "the hit marks the form its article prints"
        lines = reader.eval_on_selector_all(f'#search-hits > li[data-article="{article_id}"] .kwic li', "items => items.map(li => li.textContent)")
        assert any(other in line and len(line) > len(other) for line in lines), "the form is shown in its context"


def test_a_query_word_that_holds_a_synonym_finds_the_other_form_in_the_same_words(reader, records) -> None:
    record, part = next(
        (r, p) for r in records if r["id"] in printing(records, FULL) - printing(records, SHORT)
        for p in map(fold, own_text(r)) if p.find(FULL) >= 2
    )
    at = part.index(FULL)
    phrase = part[at - 2:at + len(FULL)]  # the two characters before the full form, and the full form
    reader.fill("#filter-search", phrase.replace(FULL, SHORT))
    assert record["id"] in shown_hits(reader)
    assert phrase in marks_of(reader, record["id"])


def test_opening_a_hit_highlights_the_form_its_article_prints(reader, records) -> None:
    article_id = sorted(printing(records, FULL) - printing(records, SHORT))[0]
    reader.fill("#filter-search", SHORT)
    reader.click(f'#search-hits > li[data-article="{article_id}"] p a')
    wait_until(reader, f"() => document.getElementById('{article_id}').classList.contains('current')")
    highlighted = reader.evaluate("Array.from(CSS.highlights.get('zg-hit'), r => r.toString())")
    assert highlighted and set(highlighted) == {FULL}
    assert reader.inner_text(f"#{article_id} .tool-status") == f"本文命中 {len(highlighted)} 处"
