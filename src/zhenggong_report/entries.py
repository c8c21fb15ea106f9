"""Cache entries as plain data, verified before use.

An entry is MessagePack (a well-kept, fast binary JSON) of plain values — None, bools, numbers,
strings, bytes, tuples, dicts — in which the project's dataclasses appear as their class's name
(within the package) and their fields' values in order (not each field's name: an entry holds
tens of thousands of small records). Loading builds only those dataclasses, and only dataclasses
defined in this package; no code from the entry ever runs (unlike a pickle). Sequences come back
as tuples. Each entry starts with the SHA-256 of the bytes that follow, checked before they are
decoded: a damaged entry is refused as a whole (:class:`DamagedEntry`) and the cache treats it as
missing.
"""

from __future__ import annotations

import dataclasses
import hashlib
import sys
from functools import lru_cache
from typing import Any

import msgpack

MAGIC = b"ZGC2"
_DIGEST = 32
_TAG = "\x00c"
_VALUES = "\x00v"
_PACKAGE = __name__.rsplit(".", 1)[0]
_UNIT = "analyze.tokens:Unit"


class DamagedEntry(ValueError):
    """An entry whose bytes do not match their digest, or do not decode to this package's values."""


def pack_entry(value: Any) -> bytes:
    """The entry for ``value``: magic, digest, payload. Raises TypeError for values that are no plain data."""
    # unicode_errors: each string is encoded into a bytes object that goes when packed, the same
    # bytes; without it msgpack asks CPython for the string's UTF-8, which CPython then keeps
    # inside every non-ASCII string for its life: a build that stored its pages held every
    # article's text twice (as characters and as UTF-8).
    packer = msgpack.Packer(default=_to_plain, use_bin_type=True, strict_types=False, unicode_errors="strict")
    payload = packer.pack(value)
    return MAGIC + hashlib.sha256(payload).digest() + payload


def unpack_entry(data: bytes) -> Any:
    """The value of an entry made by :func:`pack_entry`; :class:`DamagedEntry` if it is not intact."""
    header = len(MAGIC) + _DIGEST
    if len(data) < header or not data.startswith(MAGIC):
        raise DamagedEntry("not a cache entry")
    with memoryview(data) as view:
        payload = view[header:]
        if hashlib.sha256(payload).digest() != data[len(MAGIC) : header]:
            raise DamagedEntry("digest mismatch")
        try:
            return msgpack.unpackb(payload, object_hook=_from_plain, use_list=False, raw=False, strict_map_key=False)
        except DamagedEntry:
            raise
        except (ValueError, TypeError, KeyError, AttributeError, ImportError, RecursionError, msgpack.UnpackException) as error:
            raise DamagedEntry(f"undecodable: {error}") from None


def _to_plain(value: Any) -> Any:
    """A dataclass as a tagged map of its fields, a frozenset as a tagged tuple."""
    if isinstance(value, frozenset):
        return {_TAG: "frozenset", "items": tuple(value)}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        cls = type(value)
        name = _class_tag(cls)
        if name == _UNIT:  # its derived fields are made again on loading
            joined = value.joined_tokens()  # one string, not thousands (half the bytes: the text is their join)
            if joined is not None:
                return {_TAG: name, _VALUES: (value.place, value.paragraph, joined)}
            return {_TAG: name, _VALUES: (value.place, value.paragraph, value.text, value.tokens)}
        return {_TAG: name, _VALUES: tuple([getattr(value, field) for field in _field_names(cls)])}
    if isinstance(value, set):
        return {_TAG: "frozenset", "items": tuple(value)}
    raise TypeError(f"cannot store a {type(value).__name__} in the cache")


def _from_plain(plain: dict) -> Any:
    name = plain.pop(_TAG, None)
    if name is None:
        return plain
    if name == "frozenset":
        return frozenset(plain["items"])
    values = plain.get(_VALUES)
    if not isinstance(values, tuple) or len(plain) != 1:
        raise DamagedEntry(f"{name}: not a record")
    if name == _UNIT:
        tokens = _dataclass_module(_UNIT)
        if len(values) == 3:
            return tokens.unit_from_joined(*values)
        if len(values) == 4:
            return tokens.unit_from_tokens(*values)
        raise DamagedEntry(f"{name}: fields do not match")
    cls = _classes.get(name) or _dataclass_named(name)
    fields = _field_names(cls)
    if len(values) != len(fields):
        raise DamagedEntry(f"{name}: fields do not match")
    value = cls.__new__(cls)
    value.__dict__.update(zip(fields, values))  # as unpickling does: no __init__, no __post_init__
    return value


@lru_cache(maxsize=None)
def _class_tag(cls: type) -> str:
    """``module:qualname`` within this package (``models.analysis:Evidence``); TypeError for any other class."""
    if not cls.__module__.startswith(f"{_PACKAGE}."):
        raise TypeError(f"{cls.__module__}:{cls.__qualname__} is not a dataclass of this package")
    return f"{cls.__module__.removeprefix(_PACKAGE + '.')}:{cls.__qualname__}"


def _dataclass_module(name: str):
    """The module of ``module:qualname`` (within this package) if it is already imported (loading imports nothing)."""
    module_name = name.partition(":")[0]
    module = sys.modules.get(f"{_PACKAGE}.{module_name}") if module_name and not module_name.startswith(".") else None
    if module is None:
        raise DamagedEntry(f"{name}: not a dataclass of this package")
    return module


def _dataclass_named(name: str) -> type:
    """The dataclass ``module:qualname``, only if that module of this package is already imported
    (nothing is imported on loading) and defines it."""
    module = _dataclass_module(name)
    qualname = name.partition(":")[2]
    cls = getattr(module, qualname, None) if qualname.isidentifier() else None
    if not (isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == module.__name__):
        raise DamagedEntry(f"{name}: not a dataclass of this package")
    _classes[name] = cls
    return cls


_classes: dict[str, type] = {}


@lru_cache(maxsize=None)
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(cls))
