"""Command line: ``python -m zhenggong_report build|parse``. Library errors become exit codes here."""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
import traceback
import unicodedata
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional, Sequence, TextIO

from . import __version__
from . import pipeline
from .pipeline import BuildConfig, load_sources, parse_sources
from .segmenter import Segmenter
from .progress import Progress
from .errors import Interrupted, ReportError
from .models.parsed import Article
from .models.source_files import lines_label
from .render.data import article_record, leftover_record


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zhenggong_report",
        description="Turn OCR'd newspaper pages on enterprise political work into a linked static report.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    build_cmd = commands.add_parser("build", help="parse, analyse and write the report")
    build_cmd.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of .txt pages (default: seeds/)")
    build_cmd.add_argument("--out", type=Path, default=Path("build"), help="output folder (default: build/)")
    build_cmd.add_argument(
        "--no-cache", action="store_true",
        help="ignore and do not update the build cache: parse, segment and analyse everything (benchmarks use it)",
    )
    build_cmd.add_argument(
        "--jobs", type=int, default=None, metavar="N",
        help="worker processes for per-page work (default: one per available core; used when there is enough work)",
    )
    build_cmd.add_argument(
        "--data", type=Path, default=None,
        help="folder of data files (themes.toml, enterprises.toml, stopwords.txt, userdict.txt, layout.toml) replacing the packaged ones",
    )
    build_cmd.add_argument(
        "--templates", type=Path, default=None,
        help="folder of report templates (a copy of templates/) to render index.html with",
    )
    build_cmd.add_argument(
        "--layout", choices=("auto", "single", "folder"), default="auto",
        help="one self-contained index.html (single), a folder of pages (folder), or by the corpus's size (auto, the default: folder past 2 MB of pages)",
    )

    build_cmd.add_argument(
        "--scheduler", default=None, metavar="ADDRESS",
        help="run the per-page work on a Dask cluster: a scheduler's address (tcp://host:8786), or local:N to start "
        "N worker processes here (needs the cluster extra: pip install 'zhenggong-report[cluster]')",
    )

    parse_cmd = commands.add_parser("parse", help="list the articles the parser finds")
    parse_cmd.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of .txt pages (default: seeds/)")
    parse_cmd.add_argument("--json", action="store_true", help="print the article and leftover records as JSON")
    parse_cmd.add_argument("--data", type=Path, default=None, help="folder of data files (as for build; layout.toml, sources.toml and userdict.txt are read)")
    return parser


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cell(text: str, width: int) -> str:
    out, used = "", 0
    for char in text:
        w = _width(char)
        if used + w > width:
            out = out[:-1] + "…" if out else ""
            used = _width(out)
            break
        out += char
        used += w
    return out + " " * (width - used)


def _lines(article: Article) -> str:
    return f"{article.file}:{lines_label(article.lines, article.columns, dash='-')}"


def print_table(articles: Sequence[Article], stream: TextIO) -> None:
    """One row per article; only the title and affiliation are shortened to fit."""
    header = ("id", "file:lines", "title", "author", "affiliation", "chars", "flags")
    rows = [
        (
            a.id,
            _lines(a),
            a.display_title + (" [inferred]" if a.title_inferred else ""),
            a.author or "—",
            a.affiliation or "—",
            str(a.characters),
            ",".join(a.flags),
        )
        for a in articles
    ]
    limits = (None, None, 48, None, 40, None, 0)
    widths = [
        0 if limit == 0 else min(limit or 999, max(_width(r[i]) for r in [header, *rows]))
        for i, limit in enumerate(limits)
    ]
    for row in [header, *rows]:
        line = " ".join(_cell(value, width) if width else value for value, width in zip(row, widths, strict=True))
        stream.write(line.rstrip() + "\n")


def run_parse(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    loaded = load_sources(args.seeds)
    for note in loaded.notes:
        stderr.write(f"note: {note}\n")
    corpus = parse_sources(loaded.sources, Segmenter.for_data_dir(args.data), args.data)
    for warning in loaded.warnings + corpus.warnings:
        stderr.write(f"warning: {warning}\n")
    if args.json:
        payload = {
            "articles": [article_record(a) for a in corpus.articles],
            "leftovers": [leftover_record(l) for l in corpus.leftovers],
        }
        stdout.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
    else:
        print_table(corpus.articles, stdout)
        stdout.write(f"\n{len(corpus.articles)} articles, {len(corpus.leftovers)} leftovers in {len(corpus.sources)} files\n")
    return 0


def run_build(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    progress = Progress(stderr)
    try:
        config = BuildConfig(
            args.seeds, args.out, args.data, args.templates, args.layout, use_cache=not args.no_cache, jobs=args.jobs,
            scheduler=args.scheduler,
        )
        result = pipeline.run_build(config.checked(), progress)
    finally:
        progress.finish()
    for note in result.notes:
        stderr.write(f"note: {note}\n")
    for warning in result.warnings:
        stderr.write(f"warning: {warning}\n")
    stdout.write(f"built {result.out}: {result.articles} articles, {result.leftovers} leftovers, {len(result.files)} files\n")
    return 0


EXIT_FAILED = 1
"""The command could not finish for a reason other than its input: the output cannot be written, or a bug.
Bad input, data files and arguments exit with 2 (``ReportError.exit_code``, as argparse does for usage)."""


def main(argv: Optional[Sequence[str]] = None, stdout: Optional[TextIO] = None, stderr: Optional[TextIO] = None) -> int:
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    args = _parser().parse_args(argv)
    try:
        with _terminate_as_exit():
            if args.command == "parse":
                return run_parse(args, stdout, stderr)
            return run_build(args, stdout, stderr)
    except Interrupted as stop:
        stderr.write(f"error: stopped by {signal.Signals(stop.signum).name}; {_left_as_it_was(args)}\n")
        return stop.exit_code
    except KeyboardInterrupt:  # a Ctrl-C before the handler was set
        stderr.write(f"error: stopped by SIGINT; {_left_as_it_was(args)}\n")
        return 128 + signal.SIGINT
    except ReportError as error:
        stderr.write(f"error: {error}\n")
        return error.exit_code
    except BrokenPipeError:
        # The reader (e.g. ``| head``) went away: stop quietly, as Unix tools do.
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        stderr.write(f"error: {where}{error.strerror or error}\n")
        return EXIT_FAILED
    except Exception:
        traceback.print_exc(file=stderr)
        stderr.write("error: internal error (a bug; the traceback above shows where)\n")
        return EXIT_FAILED


def _left_as_it_was(args: argparse.Namespace) -> str:
    return "the previous report is left as it was" if args.command == "build" else "nothing was written"


STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@contextmanager
def _terminate_as_exit() -> Iterator[None]:
    """Turn SIGINT and SIGTERM into :class:`Interrupted`, so a stopped build removes its temporary
    folder, stops its workers and ends with 130 or 143."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise Interrupted(signum)

    previous = {number: signal.signal(number, stop) for number in STOP_SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
