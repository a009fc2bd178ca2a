"""Inferring outlet and date from signature and date lines in the text."""

from __future__ import annotations

import datetime as dt

import pytest

from lagebild.ingest.base import RawDocument
from lagebild.ingest.metadata import infer_metadata

BODY = (
    "Die Regierung in Warschau hat am Montag neue Grenzkontrollen angekündigt.\n\n"
    "Innenminister Tomasz Beispielski sagte, die Maßnahme sei vorübergehend.\n\n"
    "Kritik kam aus Berlin und Prag.\n"
)


def _doc(text: str, **fields: object) -> RawDocument:
    return RawDocument(text=text, source="t.txt", **fields)


@pytest.mark.parametrize(
    ("signature", "outlet"),
    [
        ("Ostkurier-Redaktionsteam", "Ostkurier"),
        ("Nordwest Zeitung Redaktion", "Nordwest Zeitung"),
        ("Redaktion Ostkurier", "Ostkurier"),
        ("Das Redaktionsteam von Ostkurier", "Ostkurier"),
        ("© 2023 Ostkurier", "Ostkurier"),
        (
            "Copyright © 2019–2024 Ostkurier Medien GmbH. Alle Rechte vorbehalten.",
            "Ostkurier Medien GmbH",
        ),
        ("Quelle: Weltblick.org", "Weltblick.org"),
        ("Source: Daily Herald", "Daily Herald"),
        ("Daily Herald Staff", "Daily Herald"),
        ("© 2024 Daily Herald. All rights reserved.", "Daily Herald"),
    ],
)
def test_metadata_infers_outlet_from_signature_line(signature: str, outlet: str) -> None:
    text = BODY + "\n" + signature + "\n\nNewsletter abonnieren\n\nTeilen Sie diesen Artikel.\n"

    doc = infer_metadata(_doc(text))

    assert doc.outlet == outlet
    assert doc.inferred == ["outlet"]
    assert doc.text == text


@pytest.mark.parametrize(
    "line",
    [
        "Quelle: AP © Max Fotograf",  # a photo credit, not an outlet
        "Die Redaktion hat den Beitrag am Dienstag nach Hinweisen von Lesern mehrfach korrigiert.",
        "Nach Angaben der Quelle: Die Regierung sei gespalten, hieß es.",
    ],
)
def test_metadata_ignores_lines_that_only_look_like_signatures(line: str) -> None:
    doc = infer_metadata(_doc(BODY + "\n" + line + "\n"))

    assert doc.outlet is None
    assert doc.inferred == []


def test_metadata_looks_for_signatures_only_near_the_end() -> None:
    filler = "".join(f"Absatz {n} über die Lage an der Grenze.\n\n" for n in range(40))
    doc = infer_metadata(_doc("© Ostkurier\n\n" + filler))

    assert doc.outlet is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("von | 10. Mai 2023", dt.date(2023, 5, 10)),
        ("Von Anna Beispiel | 3. Jänner 2024", dt.date(2024, 1, 3)),
        ("Mittwoch, 10. Mai 2023", dt.date(2023, 5, 10)),
        ("Veröffentlicht am 10.05.2023, 14:30 Uhr", dt.datetime(2023, 5, 10, 14, 30)),
        ("Stand: 1. März 2022", dt.date(2022, 3, 1)),
        ("2023-05-10", dt.date(2023, 5, 10)),
        ("By Jane Doe | May 10, 2023", dt.date(2023, 5, 10)),
        ("Published: 10 May 2023 at 2:30 pm", dt.datetime(2023, 5, 10, 14, 30)),
    ],
)
def test_metadata_infers_date_from_line_under_headline(line: str, expected: object) -> None:
    text = f"Polen kündigt Grenzkontrollen an\n\n{line}\n\n{BODY}"

    doc = infer_metadata(_doc(text))

    assert doc.published == expected
    assert "published" in doc.inferred


def test_metadata_does_not_take_dates_from_running_text() -> None:
    text = (
        "Polen kündigt Kontrollen an\n\n"
        "Die Kontrollen gelten seit dem 10. Mai 2023 an allen Übergängen.\n"
    )

    doc = infer_metadata(_doc(text))

    assert doc.published is None


def test_metadata_keeps_stated_values() -> None:
    text = "von | 10. Mai 2023\n\n" + BODY + "\n© 2023 Ostkurier\n"
    stated = _doc(text, outlet="Tagesblatt", published=dt.date(2023, 5, 9))

    doc = infer_metadata(stated)

    assert doc.outlet == "Tagesblatt"
    assert doc.published == dt.date(2023, 5, 9)
    assert doc.inferred == []


def test_metadata_falls_back_to_url_host_for_outlet() -> None:
    doc = infer_metadata(_doc(BODY, url="https://www.ostkurier.example/politik/grenze"))

    assert doc.outlet == "ostkurier.example"
    assert doc.inferred == ["outlet"]


def test_metadata_uses_only_the_documents_language_when_known() -> None:
    text = BODY + "\nSource: Daily Herald\n"

    assert infer_metadata(_doc(text, language="de")).outlet is None
    assert infer_metadata(_doc(text, language="en")).outlet == "Daily Herald"


def test_metadata_inference_can_be_switched_off(tmp_path) -> None:
    from lagebild.ingest import IngestOptions, iter_documents

    path = tmp_path / "t.txt"
    path.write_text("Titel\n\nvon | 10. Mai 2023\n\n" + BODY, encoding="utf-8")

    (on,) = iter_documents([path])
    (off,) = iter_documents([path], options=IngestOptions(infer_metadata=False))

    assert on.published == dt.date(2023, 5, 10)
    assert off.published is None and off.inferred == []
