"""`.ci/run` stays runnable and runs the same test command the README gives."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from conftest import ROOT

CI_RUN = ROOT / ".ci" / "run"


def readme_test_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"run the tests:\s*```sh\n(?P<command>[^\n]+)\n```", readme)
    assert match, "the README no longer shows the test command after 'run the tests:'"
    return match.group("command").strip()


def test_ci_runs_the_readmes_test_command():
    command = readme_test_command()
    lines = [line.strip() for line in CI_RUN.read_text(encoding="utf-8").splitlines()]
    assert command in lines, f"{CI_RUN} does not run the README's test command {command!r}"


def test_ci_script_is_executable_bash_without_syntax_errors():
    assert os.access(CI_RUN, os.X_OK)
    if shutil.which("bash") is None:
        pytest.skip("no bash")
    result = subprocess.run(["bash", "-n", str(CI_RUN)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
