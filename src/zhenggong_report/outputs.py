"""The output edge: write a set of files into a folder atomically.

The files are written, as they are made, into a fresh temporary folder beside the
target (:class:`StagedTree`), which is then swapped in (on Linux in one
atomic exchange, elsewhere by two renames). A failure at any point leaves the
previous report untouched and removes the temporary folder.

A folder is only ever replaced when it is empty or holds an earlier report
(it carries :data:`REPORT_MARKER` with this tool's text), so ``--out .`` cannot wipe a project.
Temporary folders carry the writing process's id; one left by a process that no longer runs
(killed during the write) is removed by the next write.
"""

from __future__ import annotations

import ctypes
import datetime
import errno
import glob
import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Callable, Iterable, Iterator, Mapping, Optional

from .errors import OutputError, ReportError

REPORT_MARKER = ".zhenggong-report"
"""Written into every report folder: the sign that a build may replace the folder."""
MARKER_TEXT = b"This folder is written by `zhenggong_report build` and replaced as a whole by the next build.\n"


class StagedTree:
    """A report being written: each file goes into a fresh temporary folder beside ``out`` as soon
    as it is made (a large corpus's report never exists in memory at once); :meth:`commit` swaps the
    folder in. Leaving the ``with`` block without a commit, by an error or a signal, removes it and
    leaves ``out`` as it was. A forked child may :meth:`put` files too (they land in the same folder).

    ``before_swap`` is called with the filled temporary folder just before it is swapped in (a
    place for a last check of the files as written).
    """

    def __init__(self, out: Path, before_swap: Optional[Callable[[Path], None]] = None) -> None:
        self.out = Path(out).resolve()
        self.before_swap = before_swap
        refuse_foreign_folder(self.out)
        self.out.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(self.out)
        self.mounted = is_mount_point(self.out)  # a mount point cannot be renamed: its contents are replaced instead
        self.folder = Path(tempfile.mkdtemp(prefix=_temporary_prefix(self.out, "tmp"), dir=self.out if self.mounted else self.out.parent))
        self.folder.chmod(0o777 & ~_umask())

    def __enter__(self) -> "StagedTree":
        return self

    def __exit__(self, *exc: object) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)  # after a commit it holds the previous report

    def put(self, relative: str, data: bytes | Iterable[bytes]) -> None:
        """Write one file (its bytes, or its pieces in order)."""
        check_relative_path(relative)
        _write_file(self.folder / relative, data, self.out / relative)

    def link(self, relative: str, source: Path) -> None:
        """Give the report the file at ``source`` under ``relative``: a second name for it where the
        file system allows (a kept report re-published without copying it), else a copy."""
        check_relative_path(relative)
        target = self.folder / relative
        with _naming_the_file(self.out / relative):
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(source, target)
            except OSError as error:
                if error.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP, errno.EACCES):
                    raise
                shutil.copyfile(source, target)

    def commit(self) -> None:
        """The marker written and the folder swapped in for ``out``, all at once."""
        _write_file(self.folder / REPORT_MARKER, MARKER_TEXT, self.out / REPORT_MARKER)
        if self.before_swap is not None:
            self.before_swap(self.folder)
        if self.mounted:
            _replace_contents(self.folder, self.out)
        else:
            _swap_in(self.folder, self.out)


def write_tree_atomically(
    out: Path, files: Mapping[str, bytes], before_swap: Optional[Callable[[Path], None]] = None
) -> None:
    """Replace ``out`` with exactly ``files`` (relative path -> bytes) and the report marker, all or nothing."""
    for relative in files:
        check_relative_path(relative)
    with StagedTree(out, before_swap) as tree:
        for relative, data in sorted(files.items()):
            tree.put(relative, data)
        tree.commit()


def _write_file(target: Path, data: bytes | Iterable[bytes], shown_as: Path) -> None:
    """Write one file of the report."""
    with _naming_the_file(shown_as):
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "xb") as handle:  # never one already there (two makers of one name)
            if isinstance(data, (bytes, bytearray, memoryview)):
                handle.write(data)
            else:
                for piece in data:
                    handle.write(piece)


@contextmanager
def _naming_the_file(shown_as: Path) -> Iterator[None]:
    """An error while the report's file ``shown_as`` is made names that file (a full disk's error
    carries no file name of its own)."""
    try:
        yield
    except OSError as error:
        if error.filename:
            raise
        raise OSError(error.errno, error.strerror, str(shown_as)) from None


def is_mount_point(path: Path) -> bool:
    return path.is_dir() and os.path.ismount(path)


def _replace_contents(staging: Path, out: Path) -> None:
    """Replace what ``out`` holds by what ``staging`` (inside it) holds, entry by entry, for a folder
    that cannot itself be renamed (a mount point). Not one atomic step, but safe: the old entries
    are moved aside first and put back if anything fails, and the marker is replaced last, in one
    rename, so ``out`` is a marked report folder at every moment (a write killed midway leaves
    folders inside it that the next write clears away with the rest)."""
    holder = Path(tempfile.mkdtemp(prefix=_temporary_prefix(out, "old"), dir=out))
    old = [e.name for e in sorted(out.iterdir()) if e.name != REPORT_MARKER and e not in (staging, holder)]
    new = [e.name for e in sorted(staging.iterdir()) if e.name != REPORT_MARKER]
    moved_old: list[str] = []
    moved_new: list[str] = []
    try:
        for name in old:
            os.replace(out / name, holder / name)
            moved_old.append(name)
        for name in new:
            os.replace(staging / name, out / name)
            moved_new.append(name)
        os.replace(staging / REPORT_MARKER, out / REPORT_MARKER)
    except BaseException:
        for name in moved_new:
            os.replace(out / name, staging / name)
        for name in moved_old:
            os.replace(holder / name, out / name)
        raise
    finally:
        shutil.rmtree(holder, ignore_errors=True)


def check_relative_path(relative: str) -> None:
    """An output path must stay inside the output folder: relative, no ``..``, no empty parts."""
    path = PurePosixPath(relative)
    if not relative or path.is_absolute() or "\\" in relative or any(part in ("", "..") for part in relative.split("/")):
        raise ValueError(f"refusing to write outside the output folder: {relative!r}")
    if relative == REPORT_MARKER:
        raise ValueError(f"{REPORT_MARKER} is written by the output edge itself")


def is_report_folder(folder: Path) -> bool:
    """Whether ``folder`` carries this tool's marker: a regular file (not a link) with its text."""
    marker = folder / REPORT_MARKER
    try:
        if marker.is_symlink() or not marker.is_file():
            return False
        with open(marker, "rb") as handle:
            return handle.read(len(MARKER_TEXT)) == MARKER_TEXT
    except OSError:
        return False


def refuse_foreign_folder(out: Path) -> None:
    """Raise :class:`OutputError` unless ``out`` is absent, an empty folder or an earlier report."""
    if not out.exists():
        return
    if not out.is_dir():
        raise OutputError(str(out), "exists and is not a folder; choose another --out")
    if is_report_folder(out):
        return
    if any(out.iterdir()):
        raise OutputError(
            str(out),
            f"is not empty and holds no earlier report (no {REPORT_MARKER} file); "
            "refusing to replace it - choose a new or empty folder for --out",
        )


def _swap_in(staging: Path, out: Path) -> None:
    """Put ``staging`` where ``out`` is; the previous ``out`` ends up in ``staging`` (removed by the caller)."""
    if not out.exists():
        os.replace(staging, out)
        return
    if exchange_paths(staging, out):
        return
    holder = Path(tempfile.mkdtemp(prefix=_temporary_prefix(out, "old"), dir=out.parent))
    retired = holder / out.name
    try:
        os.replace(out, retired)
    except BaseException:
        holder.rmdir()
        raise
    try:
        os.replace(staging, out)
    except BaseException:
        os.replace(retired, out)  # if even this fails, the previous report stays in the .old- folder
        shutil.rmtree(holder, ignore_errors=True)
        raise
    shutil.rmtree(holder, ignore_errors=True)


def _temporary_prefix(out: Path, kind: str) -> str:
    return f".{out.name}.{kind}-{os.getpid()}-"


def remove_stale_temporaries(out: Path) -> None:
    """Remove the temporary folders beside ``out`` that a write killed midway left behind.

    Only folders named as this module names them, made by a process that no longer runs, are
    removed; a staging folder must hold nothing but a report (or be empty); an ``.old-`` holder
    only goes once ``out`` itself is back.
    """
    for kind in ("tmp", "old"):
        for folder in out.parent.glob(f".{glob.escape(out.name)}.{kind}-*"):
            pid = _writer_pid(folder.name[len(out.name) + len(kind) + 3 :])
            if pid is None or _is_running(pid) or folder.is_symlink() or not folder.is_dir():
                continue
            if kind == "tmp" and any(folder.iterdir()) and not is_report_folder(folder):
                continue
            if kind == "old" and not (out.is_dir() and all(is_report_folder(p) for p in folder.iterdir())):
                continue
            shutil.rmtree(folder, ignore_errors=True)


def _writer_pid(rest: str) -> Optional[int]:
    pid, _, _ = rest.partition("-")
    return int(pid) if pid.isdigit() and int(pid) > 0 else None


def _is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def exchange_paths(first: Path, second: Path) -> bool:
    """Swap two existing paths in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``).

    Returns False where the system or file system cannot do it; the caller then
    falls back to two renames.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
    renameat2.restype = ctypes.c_int
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EPERM):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def source_date(environ: Mapping[str, str] = os.environ) -> Optional[datetime.datetime]:
    """The build date a report may show: ``SOURCE_DATE_EPOCH`` (UTC) if set, else None - never the clock.

    See https://reproducible-builds.org/specs/source-date-epoch/.
    """
    value = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise ReportError(f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not {value!r}")
    try:
        return datetime.datetime.fromtimestamp(int(value), tz=datetime.timezone.utc)
    except (OverflowError, ValueError, OSError):
        raise ReportError(f"SOURCE_DATE_EPOCH={value[:40]} is no date this report can show (years 1970 to 9999)") from None
