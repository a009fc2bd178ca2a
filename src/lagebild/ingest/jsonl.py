"""Read JSON inputs: one object, an array of objects, or JSON Lines.

Each record becomes a document; the keys looked up for each field are set by
``IngestOptions.json_fields``. A record without text, or a JSON Lines line
that does not parse, fails on its own (named ``file.jsonl:LINE`` or
``file.json#N``) and the other records go on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import PurePosixPath

from lagebild.errors import ErrorCode, InputError
from lagebild.ingest.base import IngestOptions, InputFailure, RawDocument
from lagebild.ingest.dates import parse_published
from lagebild.ingest.encoding import Decoded

__all__ = ["read_json", "record_to_document"]

_LINES_EXTENSIONS = (".jsonl", ".ndjson")


def read_json(
    decoded: Decoded, *, source: str, options: IngestOptions
) -> Iterator[RawDocument | InputFailure]:
    """Yield one document (or failure) per JSON record in the input."""
    text = decoded.text.lstrip("\ufeff")
    if _is_json_lines(text, source=source):
        yield from _read_lines(text, source=source, options=options)
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            ErrorCode.E006,
            kind="JSON",
            path=source,
            reason=f"{exc.msg} at line {exc.lineno}, column {exc.colno}",
        ) from exc
    records = _records(data, options=options)
    if records is None:
        yield _record_to_result(data, source=source, options=options)
        return
    if not records:
        raise InputError(ErrorCode.E004, path=source)
    for number, record in enumerate(records, start=1):
        yield _record_to_result(record, source=f"{source}#{number}", options=options)


def record_to_document(
    record: Mapping[str, object], *, source: str, options: IngestOptions
) -> RawDocument:
    """Build a document from one JSON object.

    Raises:
        InputError: E006 when the record has no text field, E004 when it is empty.
    """
    text_value = _lookup(record, options.json_keys("text"))
    if text_value is None:
        raise InputError(
            ErrorCode.E006,
            kind="JSON record",
            path=source,
            reason=f"no text field (looked for: {', '.join(options.json_keys('text'))})",
        )
    # the text is kept exactly as given, so offsets into it match the source
    text = text_value if isinstance(text_value, str) else _as_text(text_value)
    if not text or not text.strip():
        raise InputError(ErrorCode.E004, path=source)
    warnings = []
    raw_published = _lookup(record, options.json_keys("published"))
    published = parse_published(raw_published) if raw_published not in (None, "") else None
    if raw_published not in (None, "") and published is None:
        warnings.append(f"could not read the date {raw_published!r}")
    return RawDocument(
        text=text,
        source=source,
        title=_as_text(_lookup(record, options.json_keys("title"))),
        url=_as_text(_lookup(record, options.json_keys("url"))),
        published=published,
        outlet=_as_text(_lookup(record, options.json_keys("outlet"))),
        language=_as_text(_lookup(record, options.json_keys("language"))),
        author=_as_text(_lookup(record, options.json_keys("author"))),
        warnings=warnings,
    )


def _is_json_lines(text: str, *, source: str) -> bool:
    if PurePosixPath(source.rsplit("!", 1)[-1]).suffix.lower() in _LINES_EXTENSIONS:
        return True
    # Without the extension: JSON Lines when the first line is a whole object
    # and more lines follow (a pretty-printed object's first line is just "{").
    first, _, rest = text.strip().partition("\n")
    if not rest.strip() or not first.lstrip().startswith("{"):
        return False
    try:
        json.loads(first)
    except json.JSONDecodeError:
        return False
    return True


def _read_lines(
    text: str, *, source: str, options: IngestOptions
) -> Iterator[RawDocument | InputFailure]:
    seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        seen = True
        line_source = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputFailure.from_error(
                line_source,
                InputError(
                    ErrorCode.E006,
                    kind="JSON line",
                    path=line_source,
                    reason=f"{exc.msg} at column {exc.colno}",
                ),
            )
            continue
        yield _record_to_result(record, source=line_source, options=options)
    if not seen:
        raise InputError(ErrorCode.E004, path=source)


def _records(data: object, *, options: IngestOptions) -> list[object] | None:
    """The records of a JSON value; ``None`` when the value itself is the one record."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict) and _lookup(data, options.json_keys("text")) is None:
        # a wrapper such as {"status": "ok", "articles": [...]} as news APIs return
        for value in data.values():
            if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
                return value
    return None


def _record_to_result(
    record: object, *, source: str, options: IngestOptions
) -> RawDocument | InputFailure:
    if not isinstance(record, dict):
        return InputFailure.from_error(
            source,
            InputError(
                ErrorCode.E006,
                kind="JSON record",
                path=source,
                reason=f"expected an object, found {type(record).__name__}",
            ),
        )
    try:
        return record_to_document(record, source=source, options=options)
    except InputError as exc:
        return InputFailure.from_error(source, exc)


def _lookup(record: Mapping[str, object], keys: tuple[str, ...]) -> object | None:
    for key in keys:
        value: object = record
        for part in key.split("."):
            value = value.get(part) if isinstance(value, Mapping) else None
        if value is not None and value != "" and not isinstance(value, Mapping):
            return value
    return None


def _as_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if v is not None and not isinstance(v, dict))
    text = str(value).strip()
    return text or None
