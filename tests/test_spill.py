"""The bodies' temporary file: texts written once, read back on each lookup, and a view that
reads a body only when a page shows it."""

from __future__ import annotations

import pytest

from zhenggong_report.pipeline.spill import SpilledTexts
from zhenggong_report.render.html import render_html
from zhenggong_report.render.markdown import BodyRenderer, body_terms
from zhenggong_report.render.view import build_view


def test_texts_come_back_as_they_were_written() -> None:
    texts = {"a-1": "<p>党建引领“三会一课”</p>", "a-2": "", "a-3": "<p>职工之家</p>\n" * 500}
    with SpilledTexts() as kept:
        for key, text in texts.items():
            kept.add(key, text)
        assert dict(kept) == texts and len(kept) == 3 and "a-2" in kept and "a-9" not in kept
        with pytest.raises(KeyError):
            kept["a-9"]


def test_a_key_is_kept_once() -> None:
    with SpilledTexts() as kept:
        kept.add("a-1", "一")
        with pytest.raises(KeyError):
            kept.add("a-1", "二")


class CountedTexts(SpilledTexts):
    def __init__(self) -> None:
        super().__init__()
        self.reads = 0

    def __getitem__(self, key: str) -> str:
        self.reads += 1
        return super().__getitem__(key)


def test_the_view_reads_each_body_only_when_a_page_shows_it(seed_corpus, seed_analysis) -> None:
    renderer = BodyRenderer()
    themes = {a.article_id: a.themes for a in seed_analysis.articles}
    with CountedTexts() as bodies:
        for article in seed_corpus.articles:
            bodies.add(article.id, str(renderer.paragraphs(article.paragraphs, body_terms(themes[article.id]))))
        view = build_view(seed_corpus, seed_analysis, bodies=bodies)
        assert bodies.reads == 0
        assert view.articles[0].body == bodies[seed_corpus.articles[0].id]
        bodies.reads = 0
        page = render_html(seed_corpus, seed_analysis, bodies=bodies, layout="single")["index.html"].decode("utf-8")
        assert bodies.reads == len(seed_corpus.articles)
        assert all(bodies[a.id] in page for a in seed_corpus.articles)


def test_a_view_without_the_maps_bodies_renders_them_itself(seed_corpus, seed_analysis) -> None:
    with SpilledTexts() as bodies:
        view = build_view(seed_corpus, seed_analysis, bodies=bodies)
        assert all(article.body.startswith("<") for article in view.articles)
