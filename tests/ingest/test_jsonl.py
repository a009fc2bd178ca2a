"""Reading JSON objects, arrays and JSON Lines, record by record."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from lagebild.ingest import IngestOptions, InputFailure, RawDocument, iter_documents

RECORD = {
    "title": "Parlament billigt Haushalt",
    "text": "Das Parlament hat am Freitag den Haushalt für das kommende Jahr gebilligt.",
    "url": "https://tagesblatt.example/haushalt",
    "published": "2024-11-29T16:45:00+01:00",
    "outlet": "Tagesblatt",
    "language": "de",
}


def _items(path: Path, **options: object) -> list[RawDocument | InputFailure]:
    return list(iter_documents([path], options=IngestOptions(**options)))


def test_jsonl_bad_line_fails_alone_naming_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "artikel.jsonl"
    lines = [
        json.dumps(RECORD),
        '{"text": "abgeschnitten',
        "",
        json.dumps(RECORD | {"title": "Zwei"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    items = _items(path)

    assert [i.source for i in items] == [f"{path}:1", f"{path}:2", f"{path}:4"]
    failure = items[1]
    assert isinstance(failure, InputFailure)
    assert failure.code == "E006"
    assert f"{path}:2" in failure.reason
    assert [i.title for i in items if isinstance(i, RawDocument)] == [
        "Parlament billigt Haushalt",
        "Zwei",
    ]


def test_jsonl_reads_all_fields_of_a_record(tmp_path: Path) -> None:
    path = tmp_path / "eins.json"
    path.write_text(json.dumps(RECORD, ensure_ascii=False, indent=2), encoding="utf-8")

    (doc,) = _items(path)

    assert isinstance(doc, RawDocument)
    assert doc.source == str(path)
    assert doc.text == RECORD["text"]
    assert doc.title == RECORD["title"]
    assert doc.url == RECORD["url"]
    assert doc.outlet == "Tagesblatt"
    assert doc.language == "de"
    assert doc.published == dt.datetime(
        2024, 11, 29, 16, 45, tzinfo=dt.timezone(dt.timedelta(hours=1))
    )


def test_jsonl_reads_array_naming_each_record(tmp_path: Path) -> None:
    path = tmp_path / "liste.json"
    path.write_text(json.dumps([RECORD, {"title": "ohne Text"}, RECORD]), encoding="utf-8")

    items = _items(path)

    assert [i.source for i in items] == [f"{path}#1", f"{path}#2", f"{path}#3"]
    assert isinstance(items[1], InputFailure)
    assert items[1].code == "E006"
    assert "no text field" in items[1].reason


def test_jsonl_reads_news_api_wrapper_with_nested_outlet(tmp_path: Path) -> None:
    article = {
        "source": {"id": None, "name": "Morgenpost"},
        "author": "Anna Beispiel",
        "title": "Wahl in Polen",
        "content": "In Polen hat die Opposition die Parlamentswahl gewonnen.",
        "publishedAt": "2023-10-16T08:00:00Z",
    }
    path = tmp_path / "api.json"
    path.write_text(
        json.dumps({"status": "ok", "totalResults": 1, "articles": [article]}), encoding="utf-8"
    )

    (doc,) = _items(path)

    assert isinstance(doc, RawDocument)
    assert doc.outlet == "Morgenpost"
    assert doc.author == "Anna Beispiel"
    assert doc.published == dt.datetime(2023, 10, 16, 8, 0, tzinfo=dt.UTC)


def test_jsonl_field_names_are_configurable(tmp_path: Path) -> None:
    path = tmp_path / "eigen.jsonl"
    path.write_text(
        json.dumps(
            {
                "inhalt": "Der Gipfel endete ohne Einigung.",
                "ueberschrift": "Kein Deal",
                "datum": "12.06.2024",
                "text": "nicht dieses Feld",
            }
        )
        + "\n",
        encoding="utf-8",
    )

    (doc,) = _items(
        path, json_fields={"text": "inhalt", "title": ["ueberschrift"], "published": ("datum",)}
    )

    assert doc.text == "Der Gipfel endete ohne Einigung."
    assert doc.title == "Kein Deal"
    assert doc.published == dt.date(2024, 6, 12)


def test_jsonl_non_object_line_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "mix.jsonl"
    path.write_text(f"{json.dumps(RECORD)}\n[1, 2]\n", encoding="utf-8")

    items = _items(path)

    assert isinstance(items[0], RawDocument)
    assert isinstance(items[1], InputFailure)
    assert "expected an object" in items[1].reason


def test_jsonl_malformed_json_fails_with_position(tmp_path: Path) -> None:
    path = tmp_path / "kaputt.json"
    path.write_text('{\n  "text": "Der Satz",\n  "title": \n}\n', encoding="utf-8")

    (failure,) = _items(path)

    assert isinstance(failure, InputFailure)
    assert failure.code == "E006"
    assert "line 4" in failure.reason


def test_jsonl_lines_are_sniffed_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "export.txt.json"
    path.write_text(json.dumps(RECORD) + "\n" + json.dumps(RECORD) + "\n", encoding="utf-8")

    items = _items(path)

    assert [i.source for i in items] == [f"{path}:1", f"{path}:2"]


def test_jsonl_empty_record_text_and_empty_array_fail(tmp_path: Path) -> None:
    blank = tmp_path / "blank.json"
    blank.write_text(json.dumps({"text": "   "}), encoding="utf-8")
    empty = tmp_path / "empty.json"
    empty.write_text("[]", encoding="utf-8")

    items = _items(blank) + _items(empty)

    assert [i.code for i in items] == ["E004", "E004"]


def test_jsonl_warns_about_unreadable_date(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    path.write_text(json.dumps(RECORD | {"published": "letzte Woche"}), encoding="utf-8")

    (doc,) = _items(path)

    assert doc.published is None
    assert any("letzte Woche" in w for w in doc.warnings)
