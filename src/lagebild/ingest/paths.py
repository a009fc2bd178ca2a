"""Walk the inputs named on the command line and load their bytes, bounded in size.

A path may be a file, a directory (walked recursively in sorted order,
hidden entries skipped), a ``.zip`` archive (members in archive order) or
``-`` for standard input. Every problem becomes an ``InputFailure`` naming the
input, so one unreadable entry never stops the walk.
"""

from __future__ import annotations

import io
import os
import sys
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from lagebild.errors import ErrorCode, InputError
from lagebild.ingest.base import InputFailure

__all__ = ["Blob", "iter_blobs"]

STDIN_NAME = "-"
STDIN_SOURCE = "<stdin>"
# Folders some archivers add next to the real members.
_ARCHIVE_JUNK = ("__MACOSX",)
# Errors zipfile raises for one damaged or unsupported member.
_MEMBER_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    NotImplementedError,
    RuntimeError,
    EOFError,
    OSError,
)


@dataclass(frozen=True, slots=True)
class Blob:
    """The bytes of one input file or archive member, with the names used to report it."""

    source: str
    name: str
    data: bytes


def iter_blobs(
    paths: Iterable[str | os.PathLike[str]], *, max_bytes: int
) -> Iterator[Blob | InputFailure]:
    """Yield the bytes of every file ``paths`` names, or a failure for each unreadable one."""
    for path in paths:
        text = os.fspath(path)
        if text == STDIN_NAME:
            yield _from_stdin(max_bytes=max_bytes)
        else:
            yield from _from_path(Path(text), source=text, max_bytes=max_bytes)


def _from_stdin(*, max_bytes: int) -> Blob | InputFailure:
    stream = getattr(sys.stdin, "buffer", None)
    try:
        if stream is not None:
            data = _read_bounded(stream, source=STDIN_SOURCE, max_bytes=max_bytes)
        else:  # a text stream without bytes underneath (e.g. replaced in tests or notebooks)
            chars = sys.stdin.read(max_bytes + 1)
            data = chars.encode("utf-8")
            if len(chars) > max_bytes or len(data) > max_bytes:
                raise InputError(
                    ErrorCode.E007,
                    path=STDIN_SOURCE,
                    size=f"more than {max_bytes}",
                    limit=max_bytes,
                )
    except InputError as exc:
        return InputFailure.from_error(STDIN_SOURCE, exc)
    except OSError as exc:
        return _io_failure(STDIN_SOURCE, exc)
    return Blob(STDIN_SOURCE, STDIN_SOURCE, data)


def _from_path(path: Path, *, source: str, max_bytes: int) -> Iterator[Blob | InputFailure]:
    try:
        is_dir = path.is_dir()
        exists = is_dir or path.exists()
    except OSError as exc:
        yield _io_failure(source, exc)
        return
    if not exists:
        yield InputFailure.from_error(source, InputError(ErrorCode.E001, path=source))
    elif is_dir:
        yield from _walk(path, max_bytes=max_bytes, seen=set())
    elif path.suffix.lower() == ".zip":
        yield from _from_archive_file(path, source=source, max_bytes=max_bytes)
    else:
        yield _from_file(path, source=source, max_bytes=max_bytes)


def _walk(
    folder: Path, *, max_bytes: int, seen: set[tuple[int, int]]
) -> Iterator[Blob | InputFailure]:
    source = str(folder)
    try:
        stat = folder.stat()
        key = (stat.st_dev, stat.st_ino)
        if key in seen:  # a symbolic link back up the tree would loop forever
            return
        seen.add(key)
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        yield _io_failure(source, exc)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        entry_path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError as exc:
            yield _io_failure(str(entry_path), exc)
            continue
        if is_dir:
            yield from _walk(entry_path, max_bytes=max_bytes, seen=seen)
        else:
            yield from _from_path(entry_path, source=str(entry_path), max_bytes=max_bytes)


def _from_file(path: Path, *, source: str, max_bytes: int) -> Blob | InputFailure:
    try:
        size = path.stat().st_size
        if size > max_bytes:  # refuse before opening: nothing of it is read
            raise InputError(ErrorCode.E007, path=source, size=size, limit=max_bytes)
        with path.open("rb") as stream:
            data = _read_bounded(stream, source=source, max_bytes=max_bytes)
    except InputError as exc:
        return InputFailure.from_error(source, exc)
    except OSError as exc:
        return _io_failure(source, exc)
    return Blob(source, path.name, data)


def _read_bounded(stream: BinaryIO, *, source: str, max_bytes: int) -> bytes:
    """Read at most ``max_bytes`` + 1 bytes: one more than allowed proves the input too large."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(
            ErrorCode.E007, path=source, size=f"more than {max_bytes}", limit=max_bytes
        )
    return data


def _from_archive_file(path: Path, *, source: str, max_bytes: int) -> Iterator[Blob | InputFailure]:
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        yield _malformed_archive(source, exc)
        return
    except OSError as exc:
        yield _io_failure(source, exc)
        return
    with archive:
        yield from _members(archive, prefix=source, max_bytes=max_bytes)


def _members(
    archive: zipfile.ZipFile, *, prefix: str, max_bytes: int
) -> Iterator[Blob | InputFailure]:
    for info in archive.infolist():
        if info.is_dir() or _is_hidden_member(info.filename):
            continue
        source = f"{prefix}!{info.filename}"
        if info.file_size > max_bytes:
            yield InputFailure.from_error(
                source,
                InputError(ErrorCode.E007, path=source, size=info.file_size, limit=max_bytes),
            )
            continue
        try:
            with archive.open(info) as stream:
                # the header's size may lie (zip bombs): the read stays bounded anyway
                data = _read_bounded(stream, source=source, max_bytes=max_bytes)
        except InputError as exc:
            yield InputFailure.from_error(source, exc)
            continue
        except _MEMBER_ERRORS as exc:
            yield InputFailure.from_error(
                source, InputError(ErrorCode.E002, path=source, reason=_describe(exc))
            )
            continue
        name = info.filename.rsplit("/", 1)[-1]
        if name.lower().endswith(".zip"):
            yield from _nested_archive(data, source=source, max_bytes=max_bytes)
        else:
            yield Blob(source, name, data)


def _nested_archive(data: bytes, *, source: str, max_bytes: int) -> Iterator[Blob | InputFailure]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        yield _malformed_archive(source, exc)
        return
    with archive:
        yield from _members(archive, prefix=source, max_bytes=max_bytes)


def _is_hidden_member(name: str) -> bool:
    parts = [p for p in name.split("/") if p]
    return any(p.startswith(".") or p in _ARCHIVE_JUNK for p in parts)


def _malformed_archive(source: str, exc: Exception) -> InputFailure:
    return InputFailure.from_error(
        source, InputError(ErrorCode.E006, kind="zip archive", path=source, reason=_describe(exc))
    )


def _io_failure(source: str, exc: OSError) -> InputFailure:
    return InputFailure.from_error(
        source, InputError(ErrorCode.E002, path=source, reason=_describe(exc))
    )


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__
