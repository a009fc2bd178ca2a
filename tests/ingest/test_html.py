"""Reading HTML pages with trafilatura: main text and page metadata."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lagebild.ingest import InputFailure, RawDocument, iter_documents
from lagebild.ingest.html import html_to_text

PARAGRAPHS = (
    "<p>Der Außenminister ist am Dienstag zu Gesprächen mit der chinesischen Regierung nach "
    "Peking gereist. Dort will er über Handelsfragen und die Lage in der Region sprechen, hieß "
    "es aus Regierungskreisen.</p>\n"
    "<p>Die Opposition kritisierte die Reise als verspätet. Man hätte schon im vergangenen Jahr "
    "das Gespräch suchen müssen, sagte ein Sprecher der Fraktion im Bundestag.</p>\n"
)
PAGE = f"""<!DOCTYPE html>
<html lang="de-DE">
<head>
<meta charset="utf-8">
<title>Außenminister reist nach Peking | Tagesblatt</title>
<meta property="og:site_name" content="Tagesblatt">
<meta name="author" content="Anna Beispiel">
<meta property="article:published_time" content="2024-03-05T10:00:00+01:00">
<link rel="canonical" href="https://tagesblatt.example/politik/peking">
</head>
<body>
<nav><a href="/">Start</a> | <a href="/politik">Politik</a> | Newsletter abonnieren</nav>
<article><h1>Außenminister reist nach Peking</h1>
{PARAGRAPHS}</article>
<footer>Impressum · Datenschutz · Kontakt</footer>
</body></html>
"""


def _read(tmp_path: Path, name: str, data: str | bytes) -> RawDocument | InputFailure:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    (item,) = iter_documents([path])
    return item


def test_html_extracts_article_text_and_metadata(tmp_path: Path) -> None:
    doc = _read(tmp_path, "peking.html", PAGE)

    assert isinstance(doc, RawDocument)
    assert doc.title == "Außenminister reist nach Peking"
    assert doc.outlet == "Tagesblatt"
    assert doc.author == "Anna Beispiel"
    assert doc.published == dt.date(2024, 3, 5)
    assert doc.url == "https://tagesblatt.example/politik/peking"
    assert doc.language == "de"
    assert "nach Peking gereist" in doc.text
    assert "Fraktion im Bundestag" in doc.text
    assert "Impressum" not in doc.text
    assert "Newsletter abonnieren" not in doc.text
    assert doc.inferred == []


def test_html_reads_malformed_markup_leniently(tmp_path: Path) -> None:
    broken = PAGE.replace("</p>", "").replace("</article>", "").replace("</body></html>", "")
    broken = broken.replace("<article>", "<article><div><b>")

    doc = _read(tmp_path, "kaputt.html", broken)

    assert isinstance(doc, RawDocument)
    assert "nach Peking gereist" in doc.text


def test_html_without_visible_text_fails_as_empty(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Nur Titel</title><script>var x = 1;</script></head><body></body></html>"
    )

    failure = _read(tmp_path, "leer.html", page)

    assert isinstance(failure, InputFailure)
    assert failure.code == "E004"


def test_html_falls_back_to_page_text_for_short_pages(tmp_path: Path) -> None:
    failure_or_doc = _read(tmp_path, "kurz.html", "<div><p>Waffenruhe hält.</p></div>")

    assert isinstance(failure_or_doc, RawDocument)
    assert failure_or_doc.text == "Waffenruhe hält."
    assert any("whole page" in w for w in failure_or_doc.warnings)


def test_html_honours_declared_latin1_charset(tmp_path: Path) -> None:
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')

    doc = _read(tmp_path, "latin1.htm", page.encode("latin-1", errors="replace"))

    assert isinstance(doc, RawDocument)
    assert "Außenminister" in doc.title
    assert doc.warnings == []


def test_html_is_recognised_without_extension(tmp_path: Path) -> None:
    doc = _read(tmp_path, "seite", PAGE)

    assert isinstance(doc, RawDocument)
    assert doc.outlet == "Tagesblatt"
    assert "<p>" not in doc.text


def test_html_xhtml_with_xml_declaration_in_xml_file(tmp_path: Path) -> None:
    page = '<?xml version="1.0" encoding="utf-8"?>\n' + PAGE.replace("<!DOCTYPE html>\n", "")

    doc = _read(tmp_path, "seite.xml", page)

    assert isinstance(doc, RawDocument)
    assert "nach Peking gereist" in doc.text


def test_html_to_text_keeps_paragraphs_and_drops_scripts() -> None:
    fragment = (
        "<p>Erster   Absatz<br>zweite Zeile</p><script>alert(1)</script>"
        "<ul><li>Punkt</li></ul> &amp; Ende"
    )

    assert html_to_text(fragment) == "Erster Absatz\nzweite Zeile\n\nPunkt\n\n& Ende"
