from __future__ import annotations

from pathlib import Path

import pytest

from zhenggong_report.segmenter import Segmenter

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session", autouse=True)
def isolated_build_cache(tmp_path_factory):
    """Builds in the tests cache into a folder of this session's own, never the user's."""
    import os

    previous = os.environ.get("ZHENGGONG_CACHE_DIR")
    os.environ["ZHENGGONG_CACHE_DIR"] = str(tmp_path_factory.mktemp("zhenggong-cache"))
    yield
    if previous is None:
        os.environ.pop("ZHENGGONG_CACHE_DIR", None)
    else:
        os.environ["ZHENGGONG_CACHE_DIR"] = previous


@pytest.fixture(scope="session")
def segmenter() -> Segmenter:
    """One jieba load for the whole test session."""
    return Segmenter()


@pytest.fixture(scope="session")
def seed_corpus(segmenter):
    from zhenggong_report.pipeline import load_sources, parse_sources

    return parse_sources(load_sources(SEEDS).sources, segmenter)


@pytest.fixture(scope="session")
def seed_analysis(segmenter, seed_corpus):
    from zhenggong_report.analyze import analyze_corpus

    return analyze_corpus(seed_corpus, segmenter)


@pytest.fixture(scope="session")
def by_title(seed_corpus):
    """Seed article ids by their display title."""
    return {a.display_title: a.id for a in seed_corpus.articles}
