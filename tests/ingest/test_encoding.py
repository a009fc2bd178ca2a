"""Decoding inputs: byte-order marks, UTF-8, declared and guessed charsets, binary, empty."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from lagebild.errors import InputError
from lagebild.ingest import InputFailure, RawDocument, iter_documents
from lagebild.ingest.encoding import declared_charset, decode

GERMAN = (
    "Die Außenministerin äußerte sich am Donnerstag besorgt über die Lage – „schwierig“, "
    "sagte sie in Brüssel. Grüße an die Verhandlungsführer."
)


def test_encoding_reads_utf8_without_warning() -> None:
    decoded = decode(GERMAN.encode("utf-8"), source="a.txt")

    assert decoded.text == GERMAN
    assert decoded.encoding == "utf-8"
    assert decoded.warnings == ()


def test_encoding_strips_utf8_byte_order_mark() -> None:
    decoded = decode(codecs.BOM_UTF8 + GERMAN.encode("utf-8"), source="a.txt")

    assert decoded.text == GERMAN
    assert decoded.warnings == ()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_encoding_reads_utf16_and_utf32_with_byte_order_mark(encoding: str) -> None:
    data = GERMAN.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data

    decoded = decode(data, source="a.txt")

    assert decoded.text == GERMAN
    assert decoded.warnings == ()


def test_encoding_recognises_utf16_without_byte_order_mark_with_a_warning() -> None:
    decoded = decode(GERMAN.encode("utf-16-le"), source="a.txt")

    assert decoded.text == GERMAN
    assert "no byte-order mark" in decoded.warnings[0]


def test_encoding_falls_back_to_cp1252_with_a_warning() -> None:
    decoded = decode(GERMAN.encode("cp1252"), source="alt.txt")

    assert decoded.text == GERMAN
    assert decoded.encoding == "cp1252"
    assert "not valid UTF-8" in decoded.warnings[0]
    assert "cp1252" in decoded.warnings[0]


def test_encoding_guesses_a_non_western_charset_instead_of_cp1252() -> None:
    russian = (
        "Президент заявил в среду, что переговоры зашли в тупик. "
        "Министр иностранных дел выразил обеспокоенность ситуацией в регионе."
    )

    decoded = decode(russian.encode("cp1251"), source="ru.txt")

    assert decoded.text == russian
    assert "guessed" in decoded.warnings[0]


def test_encoding_uses_the_declared_charset_without_warning() -> None:
    page = f'<html><head><meta charset="iso-8859-1"></head><body><p>{GERMAN}</p></body></html>'
    data = page.encode("latin-1", errors="replace")

    decoded = decode(data, source="a.html", declared=declared_charset(data))

    assert "Außenministerin" in decoded.text
    assert decoded.encoding == "iso8859-1"
    assert decoded.warnings == ()


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<?xml version="1.0" encoding="ISO-8859-15"?><rss>', "iso8859-15"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', "cp1252"),
        (b"<meta charset=utf-8>", "utf-8"),
        (b'<meta charset="no-such-charset">', None),
        (b"Kein Markup", None),
    ],
)
def test_encoding_finds_declared_charset(head: bytes, expected: str | None) -> None:
    assert declared_charset(head) == expected


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "E004"),
        (b"  \n\t \r\n", "E004"),
        (codecs.BOM_UTF8 + b"\n\n", "E004"),
        ("\u200b\u00a0\n".encode(), "E004"),
        (b"Text\x00mit\x00Nullbytes\x00\x01\x02", "E005"),
        (bytes(range(1, 32)) * 10 + b"etwas Text", "E005"),
    ],
)
def test_encoding_refuses_empty_and_binary_data(data: bytes, code: str) -> None:
    with pytest.raises(InputError) as info:
        decode(data, source="x.txt")

    assert info.value.code.name == code
    assert "x.txt" in str(info.value)


def test_encoding_warning_reaches_the_document(tmp_path: Path) -> None:
    path = tmp_path / "alt.txt"
    path.write_bytes(("Gespräche in Genf\n\n" + GERMAN).encode("cp1252"))

    (doc,) = iter_documents([path])

    assert isinstance(doc, RawDocument)
    assert doc.title == "Gespräche in Genf"
    assert any("cp1252" in w for w in doc.warnings)


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("leer.txt", b"", "E004"),
        ("leer.html", b"   \n", "E004"),
        ("bild.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "E005"),
        ("tabelle.json", b"\x00\x01\x02\x03" * 100, "E005"),
    ],
)
def test_encoding_bad_files_fail_with_one_line_naming_the_file(
    tmp_path: Path, name: str, data: bytes, code: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)

    (failure,) = iter_documents([path])

    assert isinstance(failure, InputFailure)
    assert failure.code == code
    assert str(path) in failure.reason
    assert "\n" not in str(failure)
