"""The map on a real Dask cluster gives the same report, byte for byte, as a local build."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS
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


def run_build(*args: str) -> subprocess.CompletedProcess:
    """The command line, in a process of its own (a Dask client leaves threads behind in the process
    that ran it, and this one forks)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))}
    return subprocess.run(
        [sys.executable, "-m", "zhenggong_report", "build", *args], capture_output=True, text=True, env=env, timeout=300
    )


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A real cluster as the README starts one on several machines: ``dask scheduler`` and
    ``dask worker`` with two worker processes of one thread each (here all on this machine)."""
    folder = tmp_path_factory.mktemp("cluster")
    address_file = folder / "scheduler.json"
    dask = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
    scheduler = subprocess.Popen(
        [*dask, "--host", "127.0.0.1", "--port", "0", "--no-dashboard", "--scheduler-file", str(address_file)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    workers = None
    try:
        deadline = time.monotonic() + 60
        while not address_file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        address = json.loads(address_file.read_text(encoding="utf-8"))["address"]
        workers = subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_worker", address, "--nworkers", "2", "--nthreads", "1", "--no-dashboard"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=folder,
        )
        with distributed.Client(address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=60)
        yield address
    finally:
        for process in (workers, scheduler):
            if process is not None:
                process.terminate()
                process.wait(30)


@pytest.fixture
def corpus_20x(tmp_path: Path) -> Path:
    """The seed pages copied 20 times under distinct names (100 pages)."""
    folder = tmp_path / "seeds-20x"
    folder.mkdir()
    for copy in range(20):
        for page in sorted(SEEDS.glob("*.txt")):
            shutil.copyfile(page, folder / f"{copy:02d}-{page.name}")
    return folder


def built_on(scheduler: str, seeds: Path, out: Path, *args: str) -> None:
    done = run_build("--seeds", str(seeds), "--out", str(out), "--scheduler", scheduler, *args)
    assert done.returncode == 0, done.stderr


def test_the_seeds_built_on_a_cluster_are_the_local_build_byte_for_byte(cluster, tmp_path, cache_folder):
    build(SEEDS, tmp_path / "local", use_cache=False, jobs=1)
    built_on(cluster, SEEDS, tmp_path / "cluster", "--no-cache")
    assert snapshot(tmp_path / "cluster") == snapshot(tmp_path / "local")


def test_a_20x_corpus_built_on_a_cluster_is_the_local_build_byte_for_byte(cluster, corpus_20x, tmp_path, cache_folder):
    build(corpus_20x, tmp_path / "local", use_cache=False)
    built_on(cluster, corpus_20x, tmp_path / "cluster", "--no-cache")
    assert snapshot(tmp_path / "cluster") == snapshot(tmp_path / "local")


def test_a_20x_corpus_built_on_a_local_cluster_of_two_workers_is_the_local_build(corpus_20x, tmp_path, cache_folder):
    build(corpus_20x, tmp_path / "local", use_cache=False)
    built_on("local:2", corpus_20x, tmp_path / "cluster", "--no-cache")
    assert snapshot(tmp_path / "cluster") == snapshot(tmp_path / "local")


def test_the_workers_use_the_users_dictionary_not_the_packaged_one(cluster, tmp_path, cache_folder):
    data = tmp_path / "data"
    data.mkdir()
    words = data_path("userdict.txt").read_text(encoding="utf-8")
    (data / "userdict.txt").write_text(words + "\n党建融合工作法 10 n\n枣矿信访 10 n\n", encoding="utf-8")
    build(SEEDS, tmp_path / "local", data_dir=data, use_cache=False, jobs=1)
    built_on(cluster, SEEDS, tmp_path / "cluster", "--no-cache", "--data", str(data))
    assert snapshot(tmp_path / "cluster") == snapshot(tmp_path / "local")


def test_a_cluster_build_fills_the_cache_that_a_local_rebuild_then_uses(cluster, tmp_path, cache_folder):
    built_on(cluster, SEEDS, tmp_path / "cluster")
    again = build(SEEDS, tmp_path / "again")
    assert again.reused
    assert snapshot(tmp_path / "again") == snapshot(tmp_path / "cluster")


def test_no_scheduler_at_the_address_is_one_error_line_and_nothing_written(tmp_path, cache_folder):
    done = run_build("--seeds", str(SEEDS), "--out", str(tmp_path / "site"), "--no-cache", "--scheduler", "tcp://127.0.0.1:9")
    err = done.stderr
    assert done.returncode == ClusterError.exit_code == 1
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


def test_after_a_local_cluster_only_dasks_idle_pool_thread_is_left_and_the_steps_may_fork(tmp_path):
    """The reduce and the data files fork after a cluster build as after a local one: the one
    thread Dask leaves in this process is drained and declared idle."""
    from zhenggong_report.analyze import load_analysis_data
    from zhenggong_report.parse.layout_file import load_layout
    from zhenggong_report.pipeline.cluster import connect
    from zhenggong_report.pipeline.forks import only_thread
    from zhenggong_report.pipeline.map import ToolsRecipe
    from zhenggong_report.segmenter import Segmenter

    recipe = ToolsRecipe.of(Segmenter(), load_analysis_data(), load_layout(None))
    with connect("local:1", recipe) as cluster:
        assert cluster.workers() == 1
        # The workers of a local cluster run without Dask's statistical profiler (it slowed the map by a third).
        profiling = cluster.client.run(lambda: __import__("dask").config.get("distributed.worker.profile.enabled"))
        assert list(profiling.values()) == [False]
    assert only_thread()
