"""Tests for quotation-mark pairing: every German style, nesting, paragraphs."""

from __future__ import annotations

import pytest

from lagebild.components.quote_lexicon import load_quote_lexicon
from lagebild.components.quote_marks import find_quoted_spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er sagte: „Ja.“ Gut.", ["„Ja.“"]),
        ("»Nein«, sagte sie.", ["»Nein«"]),
        ("«Nein», sagte sie.", ["«Nein»"]),
        ('Er sagte: "Ja." Sie sagte: "Nein."', ['"Ja."', '"Nein."']),
        ("„Außen ‚innen‘ außen“", ["„Außen ‚innen‘ außen“"]),
        ("“Wir kommen”, sagte er.", ["“Wir kommen”"]),
        ("A:\n\n„Eins.\n\n„Zwei.“", ["„Eins.\n\n„Zwei.“"]),
    ],
)
def test_quote_marks_pair_every_german_style(text: str, expected: list[str]) -> None:
    spans = find_quoted_spans(text, load_quote_lexicon("de"))
    assert [text[s.start : s.end] for s in spans] == expected


def test_quote_marks_drop_opener_unclosed_at_paragraph_end() -> None:
    text = "„Offen ohne Ende.\n\nNeuer Absatz mit „Titel“."
    spans = find_quoted_spans(text, load_quote_lexicon("de"))
    assert [text[s.start : s.end] for s in spans] == ["„Titel“"]
