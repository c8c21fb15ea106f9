"""Errors the library raises; the CLI turns them into exit codes. They pickle with their fields
(a step run in a child process raises them in the parent unchanged)."""

from __future__ import annotations


def shown(path: str) -> str:
    """A path fit for a one-line message: as it is, or quoted with escapes when it holds a line
    break, an escape sequence or bytes that are no UTF-8 (which would reach the terminal raw)."""
    if path.isprintable():
        return path
    return ascii(path) if any("\udc80" <= c <= "\udcff" for c in path) else repr(path)


class ReportError(Exception):
    """Base class: a problem the user can fix, reported as one clear line."""

    exit_code = 2


class LocatedError(ReportError):
    """A problem in a file, at a line where it can be located: ``path:line: message``."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{shown(path)}:{line}" if line is not None else shown(path)
        super().__init__(f"{where}: {message}")

    def __reduce__(self):
        return type(self), (self.path, self.message, self.line)


class InputError(LocatedError):
    """A source file that cannot be read as text, or a missing/empty seeds folder."""


class DataFileError(ReportError):
    """A malformed domain data file (themes, aliases, stop words, dictionary)."""

    def __init__(self, path: str, message: str, entry: str | None = None) -> None:
        self.path = path
        self.entry = entry
        self.message = message
        where = f"{shown(path)} [{entry}]" if entry else shown(path)
        super().__init__(f"{where}: {message}")

    def __reduce__(self):
        return type(self), (self.path, self.message, self.entry)


class TemplateError(LocatedError):
    """A report template that is missing, malformed or uses a value the report does not have."""


class OutputError(ReportError):
    """An output folder that must not be replaced (a file, or a folder that holds no earlier report)."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{shown(path)}: {message}")

    def __reduce__(self):
        return type(self), (self.path, self.message)


class WorkerDied(ReportError):
    """A worker process ended without its result (killed by the out-of-memory killer, a crash):
    the build cannot finish, through no fault of its input."""

    exit_code = 1

    def __init__(self, what: str, pid: int, how: str) -> None:
        self.what = what
        self.pid = pid
        self.how = how
        super().__init__(f"{what} (process {pid}) {how}; nothing was written")

    def __reduce__(self):
        return type(self), (self.what, self.pid, self.how)


class Interrupted(BaseException):
    """The build was stopped by a signal (Ctrl-C, SIGTERM); raised in the main thread by the CLI's
    handlers. Not an ``Exception``: nothing on the way may swallow it."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(signum)

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


class ClusterError(ReportError):
    """The Dask cluster asked for cannot be reached or lost its workers: no fault of the input."""

    exit_code = 1

    def __init__(self, scheduler: str, message: str) -> None:
        self.scheduler = scheduler
        self.message = message
        super().__init__(f"scheduler {scheduler}: {message}; nothing was written")

    def __reduce__(self):
        return type(self), (self.scheduler, self.message)
