"""Reading plain text and Markdown: headers, titles and stable text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lagebild.ingest import InputFailure, RawDocument, iter_documents

BODY = (
    "Die Außenminister der G7 haben sich am Dienstag in Tokio auf eine gemeinsame Erklärung "
    "verständigt. Darin fordern sie einen sofortigen Waffenstillstand.\n\n"
    "Die Gespräche sollen im Herbst in Rom fortgesetzt werden.\n"
)


def _read(tmp_path: Path, name: str, text: str) -> RawDocument:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (doc,) = iter_documents([path])
    assert isinstance(doc, RawDocument), doc
    return doc


def test_text_takes_first_line_as_title_and_keeps_it_in_the_text(tmp_path: Path) -> None:
    text = "\n\nG7 einigen sich auf Erklärung\n\n" + BODY

    doc = _read(tmp_path, "g7.txt", text)

    assert doc.title == "G7 einigen sich auf Erklärung"
    assert doc.text == text  # nothing removed: offsets stay valid
    assert doc.text.index("Tokio") == text.index("Tokio")


def test_text_strips_markdown_heading_marks_from_title(tmp_path: Path) -> None:
    doc = _read(tmp_path, "g7.md", "## G7 einigen sich auf Erklärung ##\n\n" + BODY)

    assert doc.title == "G7 einigen sich auf Erklärung"
    assert doc.text.startswith("## G7")


def test_text_reads_yaml_front_matter(tmp_path: Path) -> None:
    text = (
        "---\n"
        "title: G7 einigen sich auf Erklärung\n"
        "published: 2024-04-16\n"
        "outlet: Tagesblatt\n"
        "url: https://tagesblatt.example/g7\n"
        "language: de\n"
        "author: [Anna Beispiel, Ben Muster]\n"
        "---\n" + BODY
    )

    doc = _read(tmp_path, "g7.md", text)

    assert doc.title == "G7 einigen sich auf Erklärung"
    assert doc.published == dt.date(2024, 4, 16)
    assert doc.outlet == "Tagesblatt"
    assert doc.url == "https://tagesblatt.example/g7"
    assert doc.language == "de"
    assert doc.author == "Anna Beispiel, Ben Muster"
    assert doc.text == BODY
    assert doc.inferred == []


def test_text_reads_leading_key_value_lines(tmp_path: Path) -> None:
    text = "Title: G7 einigen sich\nDate: 16. April 2024, 14:30 Uhr\nSource: Tagesblatt\n\n" + BODY

    doc = _read(tmp_path, "g7.txt", text)

    assert doc.title == "G7 einigen sich"
    assert doc.published == dt.datetime(2024, 4, 16, 14, 30)
    assert doc.outlet == "Tagesblatt"
    assert doc.text == BODY


def test_text_does_not_mistake_prose_for_a_header(tmp_path: Path) -> None:
    text = "Update: Die Gespräche wurden vertagt.\nDate: ein Wort im Satz\n" + BODY

    doc = _read(tmp_path, "update.txt", text)

    assert doc.text == text
    assert doc.title == "Update: Die Gespräche wurden vertagt."
    assert doc.published is None


def test_text_single_header_line_needs_a_blank_line_after_it(tmp_path: Path) -> None:
    text = "Title: Die Gespräche wurden vertagt\n" + BODY

    doc = _read(tmp_path, "t.txt", text)

    assert doc.text == text


def test_text_keeps_going_when_front_matter_is_not_yaml(tmp_path: Path) -> None:
    text = "---\ntitle: [nicht geschlossen\n---\nG7 einigen sich\n\n" + BODY

    doc = _read(tmp_path, "kaputt.md", text)

    assert doc.title == "G7 einigen sich"
    assert any("front matter" in w for w in doc.warnings)


def test_text_warns_about_an_unreadable_header_date(tmp_path: Path) -> None:
    doc = _read(tmp_path, "t.txt", "title: G7\ndate: irgendwann im Frühjahr\n\n" + BODY)

    assert doc.published is None
    assert any("irgendwann" in w for w in doc.warnings)


def test_text_gives_no_title_when_first_line_is_a_paragraph(tmp_path: Path) -> None:
    doc = _read(tmp_path, "lang.txt", BODY.replace("\n", " ") * 3)

    assert doc.title is None


def test_text_with_header_only_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "leer.md"
    path.write_text("---\ntitle: Nur ein Titel\n---\n\n", encoding="utf-8")

    (failure,) = iter_documents([path])

    assert isinstance(failure, InputFailure) and failure.code == "E004"


def test_text_without_extension_is_read_as_text(tmp_path: Path) -> None:
    doc = _read(tmp_path, "README", "G7 einigen sich\n\n" + BODY)

    assert doc.title == "G7 einigen sich"


def test_text_applies_the_default_language(tmp_path: Path) -> None:
    from lagebild.ingest import IngestOptions

    path = tmp_path / "t.txt"
    path.write_text("G7\n\n" + BODY, encoding="utf-8")

    (doc,) = iter_documents([path], options=IngestOptions(language="de"))

    assert doc.language == "de"
