"""Date expressions resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from lagebild.components.dates import find_dates

PUBLISHED = dt.date(2023, 1, 4)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected", "background"),
    [
        ("Das Treffen am Montag verlief ruhig.", dt.date(2023, 1, 2), False),
        ("Am Mittwoch sagte der Minister", dt.date(2023, 1, 4), False),
        ("sagte das Ministerium am Freitag (30. Dezember)", dt.date(2022, 12, 30), False),
        ("Letzten Monat war Japan Gastgeber", dt.date(2022, 12, 1), False),
        ("Im vergangenen Dezember empfingen", dt.date(2022, 12, 1), False),
        ("traf sich am 4. April mit", dt.date(2022, 4, 4), False),
        ("Anfang dieses Jahres traf", dt.date(2023, 1, 1), False),
        ("Seit 2018 hat Peking", dt.date(2018, 1, 1), True),
        ("Im Jahr 2021 wurde berichtet", dt.date(2021, 1, 1), True),
        ("am 10. Mai 2023 in Wien", dt.date(2023, 5, 10), False),
        ("gestern in Berlin", dt.date(2023, 1, 3), False),
    ],
)
def test_dates_resolves_german_expressions(text: str, expected: dt.date, background: bool) -> None:
    found = find_dates(text, published=PUBLISHED, language="de")
    assert found, text
    assert found[0].date == expected
    assert found[0].is_background is background
    assert text[found[0].start : found[0].end].strip()


@pytest.mark.parametrize(
    "text", ["die Regierung mit den Partnern", "Sie kam mit dem Zug.", "Das ist so."]
)
def test_dates_does_not_read_function_words_as_weekdays(text: str) -> None:
    assert find_dates(text, published=PUBLISHED, language="de") == []


def test_dates_returns_spans_in_text_order() -> None:
    text = "Am Montag traf er ihn, am 4. April reiste er ab."
    found = find_dates(text, published=PUBLISHED, language="de")
    assert [text[d.start : d.end] for d in found] == ["Am Montag", "am 4. April"]


def test_dates_resolves_english_weekdays_and_months() -> None:
    found = find_dates("They met on Monday and on May 4, 2022.", published=PUBLISHED, language="en")
    assert [d.date for d in found] == [dt.date(2023, 1, 2), dt.date(2022, 5, 4)]


def test_dates_without_publication_date_finds_nothing() -> None:
    assert find_dates("am Montag", published=None) == []
