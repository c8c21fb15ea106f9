"""The report page passes the W3C Nu HTML checker (npm ``vnu-jar``, run with the machine's Java).

Skipped with a message when Java or the jar is missing; install the jar with
``npm install --prefix .tools vnu-jar`` (or point ``VNU_JAR`` at vnu.jar).
"""

from __future__ import annotations

import json
import subprocess

import pytest

from conftest import SEEDS
from report_pages import MARKUP_SEEDS, write_report
from report_tools import NPM_INSTALL, java, vnu_jar


def test_report_pages_have_no_html_errors(tmp_path) -> None:
    jar, runtime = vnu_jar(), java()
    if runtime is None:
        pytest.skip("no java on PATH: install a Java runtime (e.g. `apt-get install default-jre-headless`) to run the Nu HTML checker")
    if jar is None:
        pytest.skip(f"vnu.jar not found: run `{NPM_INSTALL}` or set VNU_JAR to vnu.jar")
    pages = [write_report(SEEDS, tmp_path / "report"), write_report(MARKUP_SEEDS, tmp_path / "markup")]
    result = subprocess.run(
        [runtime, "-jar", str(jar), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '').rsplit('/', 2)[-2:]}:{m.get('lastLine')}: {m.get('message')}" for m in messages]
    assert errors == []
    assert result.returncode == 0
