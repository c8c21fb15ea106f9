"""The output edge: all or nothing, never outside the folder, never over a folder that is no report."""

from __future__ import annotations

import datetime
import errno
import os
import stat
import sys
from pathlib import Path

import pytest

from zhenggong_report import outputs
from zhenggong_report.errors import OutputError, ReportError
from zhenggong_report.outputs import REPORT_MARKER, exchange_paths, source_date, write_tree_atomically


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers_beside(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith((f".{out.name}.tmp-", f".{out.name}.old-")))


@pytest.fixture
def out(tmp_path) -> Path:
    return tmp_path / "build"


@pytest.fixture(params=["exchange", "two renames"])
def swap_mode(request, monkeypatch):
    """Run a test with the atomic exchange and with the fallback used where the system lacks it."""
    if request.param == "two renames":
        monkeypatch.setattr(outputs, "exchange_paths", lambda first, second: False)
    return request.param


def test_writes_exactly_the_files_and_the_marker(out):
    write_tree_atomically(out, {"index.html": b"<p>1</p>", "data/articles.json": b"[]"})
    assert tree(out) == {
        REPORT_MARKER: outputs.MARKER_TEXT,
        "data/articles.json": b"[]",
        "index.html": b"<p>1</p>",
    }
    assert leftovers_beside(out) == []


def test_replaces_the_previous_report_as_a_whole(out, swap_mode):
    write_tree_atomically(out, {"old.html": b"old", "data/a.json": b"1"})
    write_tree_atomically(out, {"new.html": b"new", "data/a.json": b"2"})
    assert tree(out) == {REPORT_MARKER: outputs.MARKER_TEXT, "new.html": b"new", "data/a.json": b"2"}
    assert leftovers_beside(out) == []


def test_failure_before_the_swap_leaves_the_previous_report(out, swap_mode):
    write_tree_atomically(out, {"index.html": b"first"})
    before = tree(out)

    def fail(staging: Path) -> None:
        assert (staging / "index.html").read_bytes() == b"second"
        raise RuntimeError("a late check failed")

    with pytest.raises(RuntimeError):
        write_tree_atomically(out, {"index.html": b"second"}, before_swap=fail)
    assert tree(out) == before
    assert leftovers_beside(out) == []


def test_failure_while_writing_leaves_nothing_behind(out):
    with pytest.raises(OSError):
        write_tree_atomically(out, {"a": b"file", "a/b": b"a file where a folder must go"})
    assert not out.exists()
    assert leftovers_beside(out) == []


def test_failed_second_rename_puts_the_previous_report_back(out, monkeypatch):
    write_tree_atomically(out, {"index.html": b"first"})
    before = tree(out)
    monkeypatch.setattr(outputs, "exchange_paths", lambda first, second: False)
    real_replace = os.replace

    def replace(source, target):
        if Path(source).name.startswith(".build.tmp-"):
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(outputs.os, "replace", replace)
    with pytest.raises(OSError):
        write_tree_atomically(out, {"index.html": b"second"})
    assert tree(out) == before
    assert leftovers_beside(out) == []


@pytest.mark.parametrize("bad", ["../escape.html", "/etc/passwd", "", "a//b", "a/../../b", "a\\b", REPORT_MARKER])
def test_paths_outside_the_folder_are_refused_before_anything_is_written(out, bad):
    with pytest.raises(ValueError):
        write_tree_atomically(out, {"index.html": b"x", bad: b"x"})
    assert not out.exists()
    assert leftovers_beside(out) == []


def test_refuses_to_replace_a_folder_that_holds_no_report(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    (project / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(OutputError, match="holds no earlier report"):
        write_tree_atomically(project, {"index.html": b"x"})
    assert (project / "notes.txt").read_text(encoding="utf-8") == "keep me"
    assert leftovers_beside(project) == []


def test_refuses_to_replace_a_file(tmp_path):
    target = tmp_path / "report"
    target.write_text("a file", encoding="utf-8")
    with pytest.raises(OutputError, match="not a folder"):
        write_tree_atomically(target, {"index.html": b"x"})
    assert target.read_text(encoding="utf-8") == "a file"


def test_an_empty_folder_may_be_replaced(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    write_tree_atomically(empty, {"index.html": b"x"})
    assert tree(empty) == {REPORT_MARKER: outputs.MARKER_TEXT, "index.html": b"x"}


def test_a_folder_that_only_looks_like_a_report_is_not_replaced(tmp_path):
    """data/articles.json alone is no sign of a report: the folder and its .git stay as they were."""
    project = tmp_path / "p"
    (project / "data").mkdir(parents=True)
    (project / "data" / "articles.json").write_bytes(b"[]")
    (project / "keep").write_bytes(b"")
    (project / ".git").mkdir()
    (project / ".git" / "HEAD").write_bytes(b"ref: refs/heads/main\n")
    before = tree(project)
    with pytest.raises(OutputError, match="holds no earlier report"):
        write_tree_atomically(project, {"index.html": b"y"})
    assert tree(project) == before
    assert leftovers_beside(project) == []


@pytest.mark.parametrize("marker", ["empty", "other text", "link"])
def test_only_the_tools_own_marker_counts(tmp_path, marker):
    project = tmp_path / "p"
    project.mkdir()
    (project / "keep").write_bytes(b"1")
    if marker == "link":
        (tmp_path / "elsewhere").write_bytes(outputs.MARKER_TEXT)
        (project / REPORT_MARKER).symlink_to(tmp_path / "elsewhere")
    else:
        (project / REPORT_MARKER).write_bytes(b"" if marker == "empty" else b"my own notes\n")
    with pytest.raises(OutputError):
        write_tree_atomically(project, {"index.html": b"y"})
    assert (project / "keep").read_bytes() == b"1"


def dead_pid() -> int:
    """The id of a process that has ended."""
    child = os.fork()
    if child == 0:  # pragma: no cover - the child leaves at once
        os._exit(0)
    os.waitpid(child, 0)
    return child


def test_temporary_folders_of_a_killed_write_are_removed_by_the_next(out):
    write_tree_atomically(out, {"index.html": b"first"})
    gone = dead_pid()
    stale = out.parent / f".{out.name}.tmp-{gone}-abc123"
    write_tree_atomically(stale, {"index.html": b"half"})  # a staging folder as a killed write leaves it
    empty_stale = out.parent / f".{out.name}.tmp-{gone}-def456"
    empty_stale.mkdir()
    old_holder = out.parent / f".{out.name}.old-{gone}-ghi789"
    write_tree_atomically(old_holder / out.name, {"index.html": b"older"})
    running = out.parent / f".{out.name}.tmp-{os.getpid()}-jkl012"  # a write still under way
    running.mkdir()
    foreign = out.parent / f".{out.name}.tmp-{gone}-mno345"  # named alike, but no report in it
    foreign.mkdir()
    (foreign / "mine.txt").write_bytes(b"keep")
    write_tree_atomically(out, {"index.html": b"second"})
    assert (out / "index.html").read_bytes() == b"second"
    assert leftovers_beside(out) == sorted([running.name, foreign.name])


def test_folders_get_the_usual_permissions_not_the_temporary_folders_private_ones(out):
    write_tree_atomically(out, {"data/a.json": b"1"})
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o777 & ~mask
    assert stat.S_IMODE((out / "data" / "a.json").stat().st_mode) == 0o666 & ~mask


def test_a_symlinked_output_folder_keeps_its_link(tmp_path, swap_mode):
    real = tmp_path / "www" / "report"
    write_tree_atomically(real, {"index.html": b"first"})
    link = tmp_path / "build"
    link.symlink_to(real, target_is_directory=True)
    write_tree_atomically(link, {"index.html": b"second"})
    assert link.is_symlink()
    assert (link / "index.html").read_bytes() == b"second"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux only")
def test_exchange_swaps_two_folders(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "one").write_bytes(b"1")
    (second / "two").write_bytes(b"2")
    if not exchange_paths(first, second):
        pytest.skip("this file system cannot exchange paths atomically")
    assert [p.name for p in first.iterdir()] == ["two"]
    assert [p.name for p in second.iterdir()] == ["one"]


def test_source_date_comes_from_source_date_epoch_only():
    assert source_date({}) is None
    assert source_date({"SOURCE_DATE_EPOCH": ""}) is None
    assert source_date({"SOURCE_DATE_EPOCH": "946684800"}) == datetime.datetime(
        2000, 1, 1, tzinfo=datetime.timezone.utc
    )
    with pytest.raises(ReportError, match="SOURCE_DATE_EPOCH"):
        source_date({"SOURCE_DATE_EPOCH": "yesterday"})


def test_a_mount_point_has_its_contents_replaced(out, monkeypatch):
    """A mount point cannot be renamed (EBUSY): its contents are replaced, the folder itself stays."""
    write_tree_atomically(out, {"index.html": b"first", "data/a.json": b"1", "old.html": b"gone"})
    inode = out.stat().st_ino

    def busy(first, second):
        raise OSError(errno.EBUSY, "Device or resource busy", str(second))

    monkeypatch.setattr(outputs, "exchange_paths", busy)
    monkeypatch.setattr(outputs, "is_mount_point", lambda path: path == out)
    write_tree_atomically(out, {"index.html": b"second", "data/a.json": b"2"})
    assert tree(out) == {REPORT_MARKER: outputs.MARKER_TEXT, "index.html": b"second", "data/a.json": b"2"}
    assert out.stat().st_ino == inode
    assert leftovers_beside(out) == []


def test_a_failure_while_replacing_a_mount_points_contents_puts_the_old_ones_back(out, monkeypatch):
    write_tree_atomically(out, {"index.html": b"first", "data/a.json": b"1"})
    before = tree(out)
    monkeypatch.setattr(outputs, "is_mount_point", lambda path: path == out)
    real_replace = os.replace

    def replace(source, target):
        if Path(source).name == "index.html" and ".tmp-" in str(source):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(outputs.os, "replace", replace)
    with pytest.raises(OSError):
        write_tree_atomically(out, {"index.html": b"second", "data/a.json": b"2"})
    assert tree(out) == before


def test_a_full_disk_names_the_file_being_written(out, monkeypatch):
    import builtins

    from zhenggong_report import outputs

    class FullDisk:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")  # as write() reports it: no file name

    def opened(path, mode="r", *args, **kwargs):
        handle = builtins.open(path, mode, *args, **kwargs)
        return FullDisk(handle) if Path(path).name == "a.json" else handle

    monkeypatch.setattr(outputs, "open", opened, raising=False)
    with pytest.raises(OSError) as caught:
        write_tree_atomically(out, {"index.html": b"x", "data/a.json": b"1"})
    assert caught.value.filename == str(out / "data" / "a.json") and caught.value.errno == errno.ENOSPC
    assert leftovers_beside(out) == []


def test_a_linked_file_is_the_kept_file_under_a_second_name(tmp_path, out):
    kept = tmp_path / "kept.html"
    kept.write_bytes(b"<p>kept</p>")
    with outputs.StagedTree(out) as tree:
        tree.link("articles/a.html", kept)
        tree.commit()
    assert (out / "articles/a.html").read_bytes() == b"<p>kept</p>"
    assert os.path.samefile(out / "articles/a.html", kept)


def test_a_file_that_cannot_be_linked_is_copied(tmp_path, out, monkeypatch):
    kept = tmp_path / "kept.html"
    kept.write_bytes(b"<p>kept</p>")

    def across_devices(source, target):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(outputs.os, "link", across_devices)
    with outputs.StagedTree(out) as tree:
        tree.link("a.html", kept)
        tree.commit()
    assert (out / "a.html").read_bytes() == b"<p>kept</p>" and not os.path.samefile(out / "a.html", kept)


def test_a_linked_file_stays_inside_the_report(tmp_path, out):
    kept = tmp_path / "kept.html"
    kept.write_bytes(b"x")
    with outputs.StagedTree(out) as tree, pytest.raises(ValueError):
        tree.link("../outside.html", kept)
