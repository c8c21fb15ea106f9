"""The map on a real Dask cluster gives the same report, byte for byte, as a local build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import SEEDS
from zhenggong_report.cli import main
from zhenggong_report.errors import ClusterError
from zhenggong_report.pipeline import build
from zhenggong_report.pipeline.cluster import batches, parse_scheduler
from zhenggong_report.pipeline.config import BuildConfig, ConfigError
from zhenggong_report.resources import data_path
from zhenggong_report.sources import read_source

distributed = pytest.importorskip("distributed")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("ZHENGGONG_CACHE_DIR", str(folder))
    return folder


@pytest.fixture(scope="module")
def cluster():
    """A real local cluster: a scheduler and two worker processes, one thread each."""
    import logging

    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR
    ) as running:
        yield running.scheduler_address


@pytest.fixture
def corpus_20x(tmp_path: Path) -> Path:
    """The seed pages copied 20 times under distinct names (100 pages)."""
    folder = tmp_path / "seeds-20x"
    folder.mkdir()
    for copy in range(20):
        for page in sorted(SEEDS.glob("*.txt")):
            shutil.copyfile(page, folder / f"{copy:02d}-{page.name}")
    return folder


def test_the_seeds_built_on_a_cluster_are_the_local_build_byte_for_byte(cluster, tmp_path, cache_folder):
    build(SEEDS, tmp_path / "local", use_cache=False, jobs=1)
    build(SEEDS, tmp_path / "cluster", use_cache=False, scheduler=cluster)
    assert snapshot(tmp_path / "cluster") == snapshot(tmp_path / "local")


def test_a_20x_corpus_built_on_a_cluster_is_the_local_build_byte_for_byte(cluster, corpus_20x, tmp_path, cache_folder):
    build(corpus_20x, tmp_path / "local", use_cache=False)
    build(corpus_20x, tmp_path / "cluster", use_cache=False, scheduler=cluster)
    assert snapshot(tmp_path / "cluster") == snapshot(tmp_path / "local")


def test_the_workers_use_the_users_dictionary_not_the_packaged_one(cluster, tmp_path, cache_folder):
    data = tmp_path / "data"
    data.mkdir()
    words = data_path("userdict.txt").read_text(encoding="utf-8")
    (data / "userdict.txt").write_text(words + "\n党建融合工作法 10 n\n枣矿信访 10 n\n", encoding="utf-8")
    build(SEEDS, tmp_path / "local", data_dir=data, use_cache=False, jobs=1)
    build(SEEDS, tmp_path / "cluster", data_dir=data, use_cache=False, scheduler=cluster)
    assert snapshot(tmp_path / "cluster") == snapshot(tmp_path / "local")


def test_a_cluster_build_fills_the_cache_that_a_local_rebuild_then_uses(cluster, tmp_path, cache_folder):
    first = build(SEEDS, tmp_path / "cluster", scheduler=cluster)
    again = build(SEEDS, tmp_path / "again")
    assert not first.reused and again.reused
    assert snapshot(tmp_path / "again") == snapshot(tmp_path / "cluster")


def test_local_n_starts_its_own_cluster_from_the_command_line(tmp_path, cache_folder, capsys):
    assert main(["build", "--seeds", str(SEEDS), "--out", str(tmp_path / "here"), "--no-cache", "--jobs", "1"]) == 0
    assert main(["build", "--seeds", str(SEEDS), "--out", str(tmp_path / "dask"), "--no-cache", "--scheduler", "local:2"]) == 0
    assert snapshot(tmp_path / "dask") == snapshot(tmp_path / "here")


def test_no_scheduler_at_the_address_is_one_error_line_and_nothing_written(tmp_path, cache_folder, capsys):
    code = main(["build", "--seeds", str(SEEDS), "--out", str(tmp_path / "site"), "--no-cache", "--scheduler", "tcp://127.0.0.1:9"])
    err = capsys.readouterr().err
    assert code == ClusterError.exit_code == 1
    assert err.count("error:") == 1 and "scheduler tcp://127.0.0.1:9" in err and "nothing was written" in err
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("value", ["local:0", "local:x", "local:", "tcp://a b", ""])
def test_a_malformed_scheduler_is_refused_before_any_work(value, tmp_path):
    with pytest.raises(ConfigError, match="--scheduler"):
        BuildConfig(SEEDS, tmp_path / "site", scheduler=value).checked()


def test_scheduler_forms():
    assert parse_scheduler("local:2") == "local:2"
    assert parse_scheduler("tcp://10.0.0.5:8786") == "tcp://10.0.0.5:8786"


def test_pages_go_out_in_batches_of_about_the_given_text_in_page_order():
    sources = [read_source(page) for page in sorted(SEEDS.glob("*.txt"))]
    jobs = [(source, None) for source in sources]
    sizes = [source.characters for source in sources]
    grouped = batches(jobs, characters=sizes[0] + 1)
    assert [p for batch in grouped for p in batch] == list(range(len(sources)))
    assert all(batch for batch in grouped)
    assert all(sum(sizes[p] for p in batch[:-1]) < sizes[0] + 1 for batch in grouped)
    assert batches(jobs, characters=10**9) == [list(range(len(sources)))]
    assert batches(jobs, characters=1) == [[p] for p in range(len(sources))]
