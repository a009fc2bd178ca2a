"""Parsing publication dates from feeds, APIs and text headers."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from lagebild.ingest.dates import parse_published

UTC = dt.UTC
PLUS2 = dt.timezone(dt.timedelta(hours=2))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-05-10", dt.date(2023, 5, 10)),
        ("2023-05-10T14:00:00Z", dt.datetime(2023, 5, 10, 14, 0, tzinfo=UTC)),
        ("2023-05-10T14:00:00.123+02:00", dt.datetime(2023, 5, 10, 14, 0, 0, 123000, tzinfo=PLUS2)),
        ("Wed, 10 May 2023 14:00:00 +0200", dt.datetime(2023, 5, 10, 14, 0, tzinfo=PLUS2)),
        ("Wed, 10 May 2023 14:00:00 GMT", dt.datetime(2023, 5, 10, 14, 0, tzinfo=UTC)),
        ("10. Mai 2023", dt.date(2023, 5, 10)),
        ("10.05.2023", dt.date(2023, 5, 10)),
        ("1. März 2022", dt.date(2022, 3, 1)),
        ("3. Sept. 2024", dt.date(2024, 9, 3)),
        ("Mittwoch, 10. Mai 2023, 14:30 Uhr", dt.datetime(2023, 5, 10, 14, 30)),
        ("May 10, 2023", dt.date(2023, 5, 10)),
        ("10 May 2023 at 2:30 pm", dt.datetime(2023, 5, 10, 14, 30)),
        ("  10.\n Mai   2023 ", dt.date(2023, 5, 10)),
    ],
)
def test_dates_parse_published_forms(value: str, expected: object) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    "value", ["", "gestern", "31.02.2023", "110.05.2023", None, True, ["2023"]]
)
def test_dates_return_none_for_unreadable_values(value: object) -> None:
    assert parse_published(value) is None


def test_dates_pass_through_date_objects_and_convert_struct_time() -> None:
    assert parse_published(dt.date(2020, 1, 2)) == dt.date(2020, 1, 2)
    struct = time.strptime("2023-05-10 12:00:00", "%Y-%m-%d %H:%M:%S")
    assert parse_published(struct) == dt.datetime(2023, 5, 10, 12, 0, tzinfo=UTC)


def test_dates_respect_language() -> None:
    assert parse_published("10 May 2023", language="de") is None
    assert parse_published("10 May 2023", language="en") == dt.date(2023, 5, 10)
