"""jieba's dictionary as a :class:`~.segmenter.Segmenter` loads it.

jieba is imported apart the first time (:func:`import_jieba`); a tokenizer's dictionary comes from
a cache in the project's cache folder, checked against its digest and read in one go, or is built
from jieba's word list and kept there (:func:`load_dictionary`); the user dictionary goes on top.
The part-of-speech tokenizer over it starts from the tag table ``jieba.posseg`` already read
(:func:`pos_tokenizer`).
"""

from __future__ import annotations

import gc
import hashlib
import importlib
import logging
import marshal
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from .cache import write_file_atomically
from .errors import DataFileError

if TYPE_CHECKING:  # jieba itself is imported on first use: a rebuild from the cache never needs it
    import jieba

CACHE_FILE = "jieba.dict.cache"
DIGEST_SUFFIX = ".sha256"


def import_jieba():
    """jieba, imported on first use; the first time in a short-lived thread of its own.

    Importing jieba imports ``pkg_resources``, which raises and catches parse errors (its vendored
    pyparsing) as it reads the installed packages: each error's traceback holds the frames that
    imported it, back to the first caller. A build runs with the cycle collector paused, so those
    cycles, and with them every local of every caller on the stack, would live as long as the
    process: at the reduce, all the bodies and word units (about 400 MB at 19,000 articles).
    Imported in a thread, the cycles hold that thread's few frames only."""
    if "jieba" not in sys.modules:
        importer = threading.Thread(target=_import_quietly, args=("jieba",), name="import-jieba", daemon=True)
        importer.start()
        importer.join()
    import jieba  # raises here, in the caller, should the import have failed

    jieba.setLogLevel(logging.WARNING)
    return jieba


def _import_quietly(name: str) -> None:
    try:
        importlib.import_module(name)
    except Exception:  # noqa: BLE001 - the caller's own import reports it
        pass


def load_dictionary(tokenizer: "jieba.Tokenizer", cache_folder: Path, keep: bool, userdict: Optional[Path]) -> None:
    """Give a fresh ``tokenizer`` its dictionary: jieba's from the cache in ``cache_folder`` (or built,
    and kept there when ``keep``), then the words of ``userdict`` where it exists. A user dictionary
    jieba cannot read is a :class:`DataFileError`."""
    if not load_cached_dictionary(tokenizer, Path(cache_folder) / CACHE_FILE):
        build_dictionary(tokenizer, cache_folder, keep)
    if userdict and Path(userdict).exists():
        try:
            tokenizer.load_userdict(str(userdict))
        except (ValueError, UnicodeDecodeError) as error:
            raise DataFileError(str(userdict), _userdict_problem(error)) from None
    # The dictionary is hundreds of thousands of long-lived objects; without this every full
    # garbage collection walks all of them again (a third of the segmenting time).
    gc.freeze()


def _userdict_problem(error: Exception) -> str:
    if isinstance(error, UnicodeDecodeError):
        return f"not UTF-8 text ({error.reason} at byte {error.start})"
    return str(error)


def load_cached_dictionary(tokenizer: "jieba.Tokenizer", path: Path) -> bool:
    """Load the dictionary cache at ``path`` in one read, if its digest (stored beside it) matches.

    ``Tokenizer.initialize`` unmarshals jieba's cache from the open file, object by object (one
    Python-level read per word): reading the bytes first is about three times faster. The file
    is a marshal dump of plain data (a dict of words and counts; marshal runs no code), used only
    for jieba's default dictionary, which never changes under a cache.
    """
    if tokenizer.dictionary != import_jieba().DEFAULT_DICT:
        return False
    try:
        data = path.read_bytes()
        if path.with_name(path.name + DIGEST_SUFFIX).read_text(encoding="ascii").strip() != hashlib.sha256(data).hexdigest():
            return False
        freq, total = marshal.loads(data)
    except (OSError, EOFError, ValueError, TypeError, UnicodeDecodeError):
        return False
    if not isinstance(freq, dict) or not isinstance(total, (int, float)) or not freq:
        return False
    with tokenizer.lock:
        tokenizer.FREQ, tokenizer.total = freq, total
        tokenizer.initialized = True
    return True


def build_dictionary(tokenizer: "jieba.Tokenizer", cache_folder: Path, keep: bool) -> None:
    """Build the dictionary from jieba's word list (as ``Tokenizer.initialize`` does, without its
    own cache file and its logged tracebacks) and keep it, with its digest, in ``cache_folder``
    when ``keep``. A cache folder that cannot be written only costs the next build the same work."""
    with tokenizer.lock:
        tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(tokenizer.get_dict_file())
        tokenizer.initialized = True
    if keep and tokenizer.dictionary == import_jieba().DEFAULT_DICT:
        data = marshal.dumps((tokenizer.FREQ, tokenizer.total))
        path = Path(cache_folder) / CACHE_FILE
        if write_file_atomically(path, data) is None:
            write_file_atomically(path.with_name(path.name + DIGEST_SUFFIX), hashlib.sha256(data).hexdigest().encode() + b"\n")


def pos_tokenizer(tokenizer: "jieba.Tokenizer"):
    """A ``jieba.posseg.POSTokenizer`` over ``tokenizer``.

    Importing ``jieba.posseg`` already reads the part-of-speech tag of every word of jieba's own
    dictionary (350,000 of them) for its module-level tokenizer; a tokenizer over that same
    dictionary file reads the same table, so it is given a copy of that table (the same strings,
    a fifth of the memory) instead of reading it again. A copy, because the first cut moves the
    user dictionary's tags into the table. Any other dictionary is read as jieba reads it."""
    import jieba.posseg

    shared = jieba.posseg.dt
    if tokenizer.dictionary != shared.tokenizer.dictionary:
        return jieba.posseg.POSTokenizer(tokenizer)
    pos = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    pos.tokenizer = tokenizer
    pos.word_tag_tab = dict(shared.word_tag_tab)
    return pos
