"""The output edge: write a set of files into a folder atomically.

Everything is gathered in memory first; the files are written into a fresh
temporary folder beside the target, which is then swapped in. A failure at
any point leaves the previous report untouched and removes the temporary folder.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable, Mapping


def write_tree_atomically(out: Path, files: Mapping[str, bytes], before_swap: Callable[[Path], None] | None = None) -> None:
    """Replace ``out`` with exactly ``files`` (relative path -> bytes), all or nothing."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    retired: Path | None = None
    try:
        for relative, data in sorted(files.items()):
            target = staging / relative
            if staging not in target.resolve().parents:
                raise ValueError(f"refusing to write outside the output folder: {relative}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        if before_swap is not None:
            before_swap(staging)
        if out.exists():
            retired = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
            os.replace(out, retired / out.name)
        os.replace(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if retired is not None and not out.exists():
            os.replace(retired / out.name, out)
        raise
    finally:
        if retired is not None:
            shutil.rmtree(retired, ignore_errors=True)
