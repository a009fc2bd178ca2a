"""Turn the bytes of one input into text, or say why they are not text.

Order of trust: a byte-order mark, then strict UTF-8 (what nearly all news
text is today), then the charset the document declares itself, then a guess.
A guess is never silent: it adds a warning to the document.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from lagebild.errors import ErrorCode, InputError

__all__ = ["Decoded", "declared_charset", "decode"]

# Longest BOMs first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# A declared charset is looked for only in the head of the document, as
# browsers do (HTML5 prescans the first 1024 bytes; we allow a longer head).
_DECLARATION_HEAD = 4096
_DECLARED_RE = re.compile(
    rb"""<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']"""
    rb"""|<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)

# Text has almost no control characters besides tab/newline/CR/form feed;
# binary data decoded as a single-byte charset has about one in eight.
# Above 5 % (checked on the first 64k characters) it is not text.
_CONTROL_SAMPLE = 65536
_MAX_CONTROL_SHARE = 0.05
# Unicode category Cc (C0 and C1 controls, DEL) without tab, LF, VT, FF, CR.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")

# UTF-16 without a BOM shows as a NUL in every other byte. At least 90 % of
# one byte lane being NUL (and none in the other) is that pattern, not binary.
_UTF16_NUL_LANE_SHARE = 0.9

# cp1252 decodes almost any bytes, so its result is checked: in German or
# English text only a few letters are non-ASCII (ä, ö, ü, ß, é), while text in
# another single-byte charset read as cp1252 is mostly accented gibberish.
# Above 30 % non-ASCII letters the cp1252 reading is rejected.
_MAX_NON_ASCII_LETTER_SHARE = 0.3

# Leading and trailing characters that do not count as content.
_INVISIBLE = " \t\n\r\f\v\u00a0\u200b\u200c\u200d\u2060\ufeff"


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from an input, the encoding used and any warnings about it."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or XML declaration names in the head of ``data``."""
    match = _DECLARED_RE.search(data[:_DECLARATION_HEAD])
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, *, source: str, declared: str | None = None) -> Decoded:
    """Decode ``data`` to text.

    Args:
        data: the raw bytes of one input.
        source: the input's name, for messages.
        declared: a charset the document declares (see ``declared_charset``).

    Raises:
        InputError: E004 when there is no text, E005 when the bytes are binary.
    """
    if not data.strip():
        raise InputError(ErrorCode.E004, path=source)
    decoded = _decode_bytes(data, source=source, declared=declared)
    if not decoded.text.strip(_INVISIBLE):
        raise InputError(ErrorCode.E004, path=source)
    share = _control_share(decoded.text[:_CONTROL_SAMPLE])
    if share > _MAX_CONTROL_SHARE:
        raise InputError(ErrorCode.E005, path=source, reason=f"{share:.0%} control characters")
    return decoded


def _decode_bytes(data: bytes, *, source: str, declared: str | None) -> Decoded:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_with_bom(data[len(bom) :], encoding)
    if b"\x00" in data:
        guessed = _utf16_without_bom(data)
        if guessed is None:
            raise InputError(ErrorCode.E005, path=source, reason="contains NUL bytes")
        return guessed
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if declared and declared != "utf-8":
        try:
            return Decoded(data.decode(declared), declared)
        except (UnicodeDecodeError, LookupError):
            pass
    return _guess(data, position=utf8_error.start)


def _decode_with_bom(data: bytes, encoding: str) -> Decoded:
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError as exc:
        return Decoded(
            data.decode(encoding, errors="replace"),
            encoding,
            (
                f"invalid {encoding} at byte {exc.start} despite its byte-order mark; "
                "undecodable bytes replaced",
            ),
        )


def _utf16_without_bom(data: bytes) -> Decoded | None:
    even, odd = data[0::2], data[1::2]
    for lane, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if lane and lane.count(0) >= _UTF16_NUL_LANE_SHARE * len(lane) and 0 not in other:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return Decoded(text, encoding, (f"no byte-order mark; read as {encoding}",))
    return None


def _guess(data: bytes, *, position: int) -> Decoded:
    reason = f"not valid UTF-8 (byte {position})"
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_western(text):
        return Decoded(text, "cp1252", (f"{reason}; decoded as cp1252",))
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        return Decoded(
            str(best), best.encoding, (f"{reason}; decoded as {best.encoding} (guessed)",)
        )
    return Decoded(
        data.decode("cp1252", errors="replace"),
        "cp1252",
        (f"{reason}; decoded as cp1252 with undecodable bytes replaced",),
    )


def _looks_western(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return True
    non_ascii = sum(1 for c in letters if not c.isascii())
    return non_ascii <= _MAX_NON_ASCII_LETTER_SHARE * len(letters)


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROL_RE.findall(text)) / len(text)
