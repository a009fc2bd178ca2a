"""A built gazetteer kept on disk, so a new process loads it instead of building it again.

Building the gazetteer (parsing ~19k people rows, inflecting names and
tokenising aliases into the surface index) costs over a second of CPU at every
start; unpickling the result costs a quarter of that. The file lives in the
user's cache folder (``LAGEBILD_CACHE_DIR``, else ``$XDG_CACHE_HOME/lagebild``,
else ``~/.cache/lagebild``; ``LAGEBILD_CACHE_DIR=off`` turns it off) and is
named by a hash of everything the result depends on: the packaged tables, the
code and language data that build it, the user gazetteer files, and the
versions of lagebild, spaCy (its tokenizer splits the aliases) and Python. A
change to any of them is a new name, so a stale file is never read; anything
wrong with a file (truncated, unreadable) means it is built again.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

logger = logging.getLogger(__name__)

T = TypeVar("T")

#: Cache files kept; older ones are removed when a new one is written.
KEEP = 8
_PACKAGE = Path(__file__).resolve().parents[1]  # src/lagebild
#: Sources of the built gazetteer, relative to the package: these folders, recursively.
_SOURCES = ("gazetteer", "lang")
_FILES = ("model.py",)


def cache_dir() -> Path | None:
    """The folder cache files go to, or None when caching is off."""
    configured = os.environ.get("LAGEBILD_CACHE_DIR")
    if configured is not None:
        return None if configured.strip().lower() in ("", "0", "off", "no") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "lagebild"


def cache_key(extra_files: Sequence[str]) -> str:
    """A hash of every input of the build (files by content, in a fixed order)."""
    import spacy

    from lagebild import __version__

    digest = hashlib.sha256()
    digest.update(f"{__version__}|{spacy.__version__}|{sys.version_info[:2]}".encode())
    files = [p for folder in _SOURCES for p in sorted((_PACKAGE / folder).rglob("*"))
             if p.is_file() and p.suffix in (".py", ".tsv", ".yaml", ".json")]
    files += [_PACKAGE / name for name in _FILES]
    for path in files:
        digest.update(str(path.relative_to(_PACKAGE)).encode())
        digest.update(path.read_bytes())
    for extra in extra_files:
        digest.update(f"user:{extra}".encode())
        try:
            digest.update(Path(extra).read_bytes())
        except OSError:  # the loader reports the unreadable file; here it only makes a name
            digest.update(b"<unreadable>")
    return digest.hexdigest()[:24]


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """``build()``'s result, read from ``<cache dir>/<name>-<key>.pickle`` or built and saved."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{key}.pickle"
    value = _read(path)
    if value is not None:
        return value
    value = build()
    _write(path, value, pattern=f"{name}-*.pickle")
    return value


def _read(path: Path) -> object | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    enabled = gc.isenabled()
    gc.disable()  # a million new objects would set off collections that find nothing
    try:
        return pickle.loads(data)
    except Exception:  # a damaged cache file is rebuilt, whatever the damage
        logger.debug("ignoring unreadable cache file %s", path, exc_info=True)
        return None
    finally:
        if enabled:
            gc.enable()


def _write(path: Path, value: object, *, pattern: str) -> None:
    """Write atomically (a concurrent reader sees the old file or the new one); never fail."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        partial.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(partial, path)
        stale = sorted(path.parent.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in stale[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:  # a read-only home or a full disk costs the next start time, nothing else
        logger.debug("cannot write cache file %s", path, exc_info=True)
