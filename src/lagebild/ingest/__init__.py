"""Readers that turn files, folders, archives, feeds and standard input into documents.

``iter_documents`` is the one entry point: it yields a ``RawDocument`` for
every document it reads and an ``InputFailure`` for every input (or record)
it cannot read, and never raises for a bad input, so that a run reports each
problem in one line and goes on.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Iterator

from lagebild.errors import ErrorCode, InputError
from lagebild.ingest.base import IngestOptions, InputFailure, RawDocument
from lagebild.ingest.dates import parse_published
from lagebild.ingest.formats import read_blob_documents
from lagebild.ingest.metadata import infer_metadata
from lagebild.ingest.paths import iter_blobs

__all__ = ["IngestOptions", "InputFailure", "RawDocument", "iter_documents", "parse_published"]


def iter_documents(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    options: IngestOptions | None = None,
) -> Iterator[RawDocument | InputFailure]:
    """Yield the documents in ``paths``, and a failure for each input that cannot be read.

    Args:
        paths: files, directories (walked recursively in sorted order, hidden
            entries skipped), ``.zip`` archives, or ``-`` for standard input.
        options: size limit, JSON field names, default language.
    """
    options = options or IngestOptions()
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    for blob in iter_blobs(paths, max_bytes=options.max_bytes):
        if isinstance(blob, InputFailure):
            yield blob
            continue
        items = read_blob_documents(
            name=blob.name, source=blob.source, data=blob.data, options=options
        )
        try:
            for item in items:
                yield item if isinstance(item, InputFailure) else _finish(item, options=options)
        except InputError as exc:
            yield InputFailure.from_error(blob.source, exc)
        except Exception as exc:  # a reader's library may fail in unforeseen ways on odd input;
            # that must cost this input only, never the run
            yield InputFailure.from_error(
                blob.source,
                InputError(ErrorCode.E002, path=blob.source, reason=f"{type(exc).__name__}: {exc}"),
            )


def _finish(doc: RawDocument, *, options: IngestOptions) -> RawDocument:
    """Normalise the fields every reader fills the same way, then infer what is missing."""
    language = _language_code(doc.language) or options.language
    title = " ".join(doc.title.split()) if doc.title else None
    doc = dataclasses.replace(doc, language=language, title=title or None)
    return infer_metadata(doc) if options.infer_metadata else doc


def _language_code(value: str | None) -> str | None:
    """The primary subtag of a language tag: "de-DE" and "de_AT" become "de"."""
    if not value:
        return None
    code = value.strip().replace("_", "-").split("-", 1)[0].lower()
    return code or None
