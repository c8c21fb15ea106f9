"""Where the report's checking tools are: Debian's chromium, the npm packages axe-core and vnu-jar.

The npm packages are installed into a git-ignored folder of the repository
(``npm install --prefix .tools axe-core vnu-jar``); an environment variable overrides each.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Optional

from conftest import ROOT

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NODE_MODULES = (ROOT / ".tools" / "node_modules", ROOT / "node_modules", ROOT / "tools" / "node_modules")
NPM_INSTALL = "npm install --prefix .tools axe-core vnu-jar"


def npm_file(env_var: str, relative: str) -> Optional[Path]:
    """The file named by ``env_var``, else the first ``node_modules/<relative>`` that exists."""
    if os.environ.get(env_var):
        path = Path(os.environ[env_var])
        return path if path.is_file() else None
    return next((folder / relative for folder in NODE_MODULES if (folder / relative).is_file()), None)


def axe_script() -> Optional[Path]:
    return npm_file("AXE_CORE_JS", "axe-core/axe.min.js")


def needed_axe_script() -> Path:
    """axe-core's script, or the test is skipped with how to get it."""
    import pytest

    script = axe_script()
    if script is None:
        pytest.skip(f"axe-core not found: run `{NPM_INSTALL}` or set AXE_CORE_JS to axe.min.js")
    return script


def axe_violations(page, nodes: int = 5) -> list[tuple[str, list]]:
    """axe-core's violations on the page as it is now (its script already added): (rule, first nodes)."""
    found = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [(v["id"], [n["target"] for n in v["nodes"][:nodes]]) for v in found]


def vnu_jar() -> Optional[Path]:
    return npm_file("VNU_JAR", "vnu-jar/build/dist/vnu.jar")


def java() -> Optional[str]:
    return shutil.which("java")
