"""GDELT and PLOVER exports."""

from __future__ import annotations

import datetime as dt
import io
import json

from lagebild.export import GDELT_COLUMNS, write_gdelt, write_plover
from lagebild.model import Article, Event, EventActor

ARTICLE = Article(
    id="a1",
    text="Kuba und China vereinbarten eine Zusammenarbeit.",
    raw_text="",
    url="https://example.org/x",
    published=dt.date(2023, 5, 1),
    language="de",
)


def event(**changes) -> Event:
    values = dict(
        id="0123456789abcdef",
        article_id="a1",
        sentence=0,
        source=[
            EventActor("Kuba", code="CUB", country="CUB"),
            EventActor("China", code="CHNGOV", country="CHN", sector="GOV"),
        ],
        target=[],
        cameo="0312",
        root="03",
        plover="AGREE",
        mode=None,
        context=["military"],
        quad_class=1,
        goldstein=5.2,
        modality="asserted",
        trigger="vereinbarten",
        trigger_start=15,
        trigger_end=27,
        evidence_start=0,
        evidence_end=len(ARTICLE.text),
        date=dt.date(2023, 5, 1),
        location="Peking",
    )
    values.update(changes)
    return Event(**values)


def test_export_gdelt_has_61_columns_in_order() -> None:
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[0] == "GlobalEventID" and GDELT_COLUMNS[-1] == "SOURCEURL"
    assert GDELT_COLUMNS[26:30] == ("EventCode", "EventBaseCode", "EventRootCode", "QuadClass")


def test_export_gdelt_writes_reciprocal_event_as_source_pair() -> None:
    out = io.StringIO()
    count = write_gdelt([(ARTICLE, event())], out, added=dt.datetime(2024, 1, 2, 3, 4, 5))
    (line,) = out.getvalue().splitlines()
    row = dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True))
    assert count == 1
    assert (row["Day"], row["MonthYear"], row["Year"], row["FractionDate"]) == (
        "20230501",
        "202305",
        "2023",
        "2023.3315",
    )
    assert (row["Actor1Code"], row["Actor2Code"], row["Actor2Type1Code"]) == (
        "CUB",
        "CHNGOV",
        "GOV",
    )
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("0312", "031", "03")
    assert (row["QuadClass"], row["GoldsteinScale"]) == ("1", "5.2")
    assert row["ActionGeo_FullName"] == "Peking"
    assert row["DATEADDED"] == "20240102030405"
    assert row["SOURCEURL"] == "https://example.org/x"


def test_export_gdelt_header_and_one_row_per_dyad() -> None:
    targets = [
        EventActor("Peru", code="PER", country="PER"),
        EventActor("USA", code="USA", country="USA"),
    ]
    out = io.StringIO()
    count = write_gdelt([(ARTICLE, event(target=targets))], out, header=True)
    lines = out.getvalue().splitlines()
    assert lines[0].split("\t") == list(GDELT_COLUMNS)
    assert count == 4 == len(lines) - 1
    assert len({line.split("\t")[0] for line in lines[1:]}) == 4  # unique event ids


def test_export_plover_records_follow_the_gold_shape() -> None:
    out = io.StringIO()
    count = write_plover([(ARTICLE, event()), (ARTICLE, event(plover=None, cameo="010"))], out)
    records = json.loads(out.getvalue())
    assert count == 1 == len(records)
    record = records[0]
    assert record["event"] == "AGREE" and record["cameo"] == "0312"
    assert record["source"][1] == {
        "actorText": "China",
        "code": "CHNGOV",
        "sector": "GOV",
        "country": "CHN",
        "actorId": None,
        "offsets": None,
    }
    assert record["text"] == ARTICLE.text and record["eventText"] == "vereinbarten"
    assert record["modality"] == "asserted" and record["context"] == ["military"]


def test_export_plover_lines_and_unmapped() -> None:
    out = io.StringIO()
    write_plover(
        [(ARTICLE, event(plover=None, cameo="010"))], out, lines=True, include_unmapped=True
    )
    (line,) = out.getvalue().splitlines()
    assert json.loads(line)["event"] is None
