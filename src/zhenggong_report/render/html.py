"""The human-readable half of the report: one self-contained ``index.html``.

Jinja2 templates (a base layout plus one partial per section) from the top-level
``templates/`` folder, or from a copy the user points ``--templates`` at. The page
inlines its CSS, JavaScript and SVG, loads nothing from the network and carries a
Content-Security-Policy that allows only its own inline script and style (by hash).
"""

from __future__ import annotations

import base64
import hashlib
import io
import itertools
import json
import os
import re
import traceback
from pathlib import Path
from typing import Iterator, Mapping, Optional

import jinja2
import jinja2.sandbox
from markupsafe import Markup

from .. import __version__
from ..errors import TemplateError
from ..models.analysis import Analysis
from ..models.parsed import ParsedCorpus
from ..resources import templates_dir
from .files import CollectedFiles, KeptPages, Put
from .labels import labels
from .snippets import SNIPPETS, score
from .search_synonyms import Synonyms, load_search_synonyms
from .charts import bar_chart, cooccurrence_matrix, theme_group_matrix
from .view import build_view

ENTRY_TEMPLATE = "index.html.j2"
STYLE_TEMPLATE = "report.css"
SCRIPT_TEMPLATE = "report.js"
CHUNK_BATCH = 4096
"""Template output pieces joined and encoded together."""


class FolderLoader(jinja2.FileSystemLoader):
    """Templates from one folder only: a template that is (or passes through) a link to a file
    outside the folder is refused before it is read."""

    def get_source(self, environment: jinja2.Environment, template: str):
        for root in self.searchpath:
            path = Path(root, *jinja2.loaders.split_template_path(template))
            if os.path.lexists(path) and not path.resolve().is_relative_to(Path(root).resolve()):
                raise TemplateError(str(path), "links to a file outside the templates folder; refused")
        return super().get_source(environment, template)


def make_environment(templates: Path, sandboxed: bool = False) -> jinja2.Environment:
    """Autoescaping, strict Jinja2 environment over ``templates``; ``sandboxed`` for templates the
    user gives (``--templates``): Jinja2's sandbox, so a template reaches no Python internals."""
    if not templates.is_dir():
        raise TemplateError(str(templates), "templates folder does not exist")
    kind = jinja2.sandbox.SandboxedEnvironment if sandboxed else jinja2.Environment
    env = kind(
        loader=FolderLoader(str(templates.resolve())),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["score"] = score
    env.filters["thousands"] = lambda value: f"{value:,}"
    env.filters["num"] = _number
    env.filters["weight"] = lambda value: f"{value:g}"
    env.filters["json"] = lambda value: json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    env.globals.update(SNIPPETS)
    env.globals["labels"] = labels()
    return env


def _number(value: float) -> str:
    """SVG coordinates without float noise."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def renderer_versions() -> tuple[str, ...]:
    """The libraries the page's bytes depend on (part of the build cache key)."""
    import markdown_it

    return (f"jinja2={jinja2.__version__}", f"markdown-it-py={markdown_it.__version__}")


def _template_frame(error: BaseException, folder: Path) -> tuple[str, Optional[int]]:
    """The innermost template file and line of an error raised while rendering."""
    root = str(folder.resolve())
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.startswith(root):
            return frame.filename, frame.lineno
    return str(folder), None


_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def compact_css(css: str) -> str:
    """Drop comments, indentation, line breaks, the spaces next to ``{ } ; ,`` and those after
    ``:`` (never meaningful there in CSS). Quoted strings are left exactly as written."""
    text = " ".join(line.strip() for line in _CSS_COMMENT.sub("", css).splitlines() if line.strip())
    parts = re.split(r"(\"[^\"]*\"|'[^']*')", text)
    parts[::2] = [re.sub(r":\s+", ":", re.sub(r"\s*([{},;])\s*", r"\1", part)) for part in parts[::2]]
    return "".join(parts).replace(";}", "}")


_JS_LITERAL = re.compile(
    r"""("(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`"""
    r"""|(?<=[=(,:!&|?;{}\[])\s*/(?:\\.|\[(?:\\.|[^\]\\])*\]|[^/\\\n])+/[a-z]*)"""
)
_JS_SPACE = re.compile(r"[ \t]*([=*<>!&|?:,;{}()\[\]])[ \t]*")
"""Punctuation whose neighbouring spaces never matter (``+`` and ``-`` keep theirs: ``a - -b``)."""


_FOLDER_ONLY_JS = re.compile(r"^[ \t]*// folder-only \{\n.*?^[ \t]*// \} folder-only\n", re.M | re.S)
_FOLDER_ONLY_CSS = re.compile(r"/\* folder-only \{.*?/\* \} folder-only \*/", re.S)


def single_page_js(js: str) -> str:
    """The script without its ``// folder-only {`` … ``// } folder-only`` blocks (what only the
    folder form runs), for the single page."""
    return _FOLDER_ONLY_JS.sub("", js)


def single_page_css(css: str) -> str:
    """The style sheet without its ``/* folder-only { … */`` … ``/* } folder-only */`` block."""
    return _FOLDER_ONLY_CSS.sub("", css)


def compact_js(js: str) -> str:
    """Drop indentation, blank lines, whole-line ``//`` comments and the spaces next to most
    operators and brackets; line breaks stay (so semicolon insertion reads the code as written) and string,
    template and regular-expression literals are left exactly as written."""
    lines = (line.strip() for line in js.splitlines())
    text = "\n".join(line for line in lines if line and not line.startswith("//"))
    parts = _JS_LITERAL.split(text)
    parts[::2] = [_JS_SPACE.sub(r"\1", part) for part in parts[::2]]
    return "".join(parts)


def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(style: str, script: str) -> str:
    """Nothing from anywhere; only this page's own inline style and script run."""
    return (
        "default-src 'none'; "
        f"style-src {csp_hash(style)}; "
        f"script-src {csp_hash(script)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


LAYOUTS = ("auto", "single", "folder")
FOLDER_FROM_BYTES = 2_000_000
"""``auto`` writes the folder form when the source pages hold more than this many bytes (about
80 seed-sized pages or 300 articles): past it the single page grows beyond what a browser opens
at once (at 11.8 MB of sources it was 24 MB, 16–18 s to open)."""


def choose_layout(layout: str, corpus: ParsedCorpus) -> str:
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r} (one of {', '.join(LAYOUTS)})")
    if layout != "auto":
        return layout
    return "folder" if sum(s.size for s in corpus.sources) > FOLDER_FROM_BYTES else "single"


def _generate(template: jinja2.Template, variables: dict) -> Iterator[str]:
    """``template.generate(**variables)``, the variables let go when it ends: a template that
    defines a macro leaves its context in a reference cycle (macro and context), and the cycle
    would keep the whole report's view alive until the garbage collector next runs — which a
    build pauses (:func:`..pipeline.stages._without_cycle_collection`), so the view, the corpus and
    the analysis all waited for one long collection at the end instead of being freed at once."""
    shared = {**template.globals, **variables}
    context = template.new_context(shared, shared=True)
    try:
        yield from template.root_render_func(context)
    except Exception:
        yield template.environment.handle_exception()
    finally:
        shared.clear()


def render_html(
    corpus: ParsedCorpus,
    analysis: Analysis,
    templates: Optional[Path] = None,
    build_date: Optional[str] = None,
    bodies: Optional[Mapping[str, str]] = None,
    layout: str = "auto",
    put: Optional[Put] = None,
    synonyms: Optional[Synonyms] = None,
    kept: Optional[KeptPages] = None,
) -> dict[str, bytes]:
    """Render the report's pages: ``index.html`` alone (``single``), or the folder form of
    :mod:`.folder` (``folder``); ``auto`` chooses by the corpus's size (:data:`FOLDER_FROM_BYTES`).
    Each file goes to ``put`` as it is made; without one, the files are returned.
    ``build_date`` (from ``SOURCE_DATE_EPOCH``) is shown only when given; ``bodies`` are article
    bodies already rendered per page (see :func:`.view.build_view`); ``synonyms`` are the search's groups
    of words read alike (:mod:`.search_synonyms`; None: the packaged ``glossary.toml``'s); ``kept``
    gives the folder form the article pages an earlier build made from the same inputs (see
    :func:`.folder.render_folder`)."""
    folder = templates if templates is not None else templates_dir()
    collected = CollectedFiles()
    env = make_environment(folder, sandboxed=templates is not None)
    chosen = choose_layout(layout, corpus)
    view = build_view(corpus, analysis, bodies=bodies)
    charts = {"bars": bar_chart(view), "groups": theme_group_matrix(view), "cooccurrence": cooccurrence_matrix(view)}
    groups = load_search_synonyms() if synonyms is None else synonyms
    common = {"build_date": build_date, "version": __version__, "search_synonyms": groups}

    def render(name: str, **context) -> bytes:
        chunks = _generate(env.get_template(name), {**common, **context})
        # Encoded into one buffer as it is generated, a few thousand pieces at a time: the page never
        # exists as one large str, nor as a list of hundreds of thousands of small pieces, beside its bytes.
        buffer = io.BytesIO()
        for batch in iter(lambda: list(itertools.islice(chunks, CHUNK_BATCH)), []):
            buffer.write("".join(batch).encode("utf-8"))
        return buffer.getvalue()

    try:
        style = env.get_template(STYLE_TEMPLATE).render()
        script = env.get_template(SCRIPT_TEMPLATE).render()
        if chosen == "folder":
            style, script = compact_css(style), compact_js(script)
            from .folder import render_folder

            render_folder(view, render, style, script, charts, put or collected, kept, tuple(common.items()))
            return collected
        style, script = compact_css(single_page_css(style)), compact_js(single_page_js(script))
        page = render(
            ENTRY_TEMPLATE,
            report=view,
            charts=charts,
            layout="single",
            style=Markup(style),
            script=Markup(script),
            csp=content_security_policy(style, script),
        )
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(str(folder / (error.name or "")), error.message or "syntax error", error.lineno) from None
    except jinja2.TemplateNotFound as error:
        raise TemplateError(str(folder), f"template not found: {error.name}") from None
    except jinja2.UndefinedError as error:
        path, line = _template_frame(error, folder)
        raise TemplateError(path, f"undefined value: {error.message}", line) from None
    except jinja2.exceptions.SecurityError as error:
        path, line = _template_frame(error, folder)
        raise TemplateError(path, f"not allowed in a template: {error}", line) from None
    except (ArithmeticError, LookupError, TypeError, ValueError, RecursionError) as error:
        path, line = _template_frame(error, folder)
        if path == str(folder):  # not raised by a template: a bug, reported as such
            raise
        raise TemplateError(path, f"{type(error).__name__} while rendering: {error}", line) from None
    (put or collected)("index.html", page)
    return collected
