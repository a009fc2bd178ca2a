"""Reading RSS and Atom feeds, one document per entry."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lagebild.ingest import InputFailure, RawDocument, iter_documents

RSS = """<?xml version="1.0" encoding="{encoding}"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Tagesblatt – Politik</title>
  <link>https://tagesblatt.example/</link>
  <language>de-de</language>
  <item>
    <title>Kanzler empfängt Präsidenten</title>
    <link>https://tagesblatt.example/empfang</link>
    <pubDate>Wed, 10 May 2023 14:00:00 +0200</pubDate>
    <author>redaktion@tagesblatt.example (Anna Beispiel)</author>
    <description>Kurzfassung</description>
    <content:encoded><![CDATA[<p>Der Kanzler hat am Mittwoch den Präsidenten empfangen.</p>
<p>Beide sprachen über die Grenzsicherung &amp; den Handel.</p>]]></content:encoded>
  </item>
  <item>
    <title>Nur ein Titel</title>
  </item>
  <item>
    <title>Zweite Meldung</title>
    <description>&lt;p&gt;Die Ministerin &lt;b&gt;reist&lt;/b&gt; nach Warschau.&lt;/p&gt;
    </description>
    <pubDate>Thu, 11 May 2023 09:30:00 GMT</pubDate>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Daily Herald World</title>
  <entry>
    <title type="html">Talks &lt;em&gt;resume&lt;/em&gt; in Geneva</title>
    <link href="https://herald.example/geneva"/>
    <updated>2024-02-01T12:00:00Z</updated>
    <summary type="html">&lt;p&gt;Negotiators met again on Thursday.&lt;/p&gt;</summary>
  </entry>
</feed>
"""


def _items(path: Path) -> list[RawDocument | InputFailure]:
    return list(iter_documents([path]))


def test_feed_reads_rss_entries_with_content_and_dates(tmp_path: Path) -> None:
    path = tmp_path / "politik.rss"
    path.write_text(RSS.format(encoding="utf-8"), encoding="utf-8")

    items = _items(path)

    assert [i.source for i in items] == [f"{path}#1", f"{path}#2", f"{path}#3"]
    first, missing, third = items
    assert isinstance(first, RawDocument)
    assert first.title == "Kanzler empfängt Präsidenten"
    assert first.text == (
        "Der Kanzler hat am Mittwoch den Präsidenten empfangen.\n\n"
        "Beide sprachen über die Grenzsicherung & den Handel."
    )
    assert first.published == dt.datetime(
        2023, 5, 10, 14, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))
    )
    assert first.url == "https://tagesblatt.example/empfang"
    assert first.outlet == "Tagesblatt – Politik"
    assert first.language == "de"
    assert isinstance(missing, InputFailure) and missing.code == "E004"
    assert isinstance(third, RawDocument)
    assert third.text == "Die Ministerin reist nach Warschau."
    assert third.published == dt.datetime(2023, 5, 11, 9, 30, tzinfo=dt.UTC)


def test_feed_reads_atom_with_html_title_and_summary(tmp_path: Path) -> None:
    path = tmp_path / "world.atom"
    path.write_text(ATOM, encoding="utf-8")

    (doc,) = _items(path)

    assert isinstance(doc, RawDocument)
    assert doc.title == "Talks resume in Geneva"
    assert doc.text == "Negotiators met again on Thursday."
    assert doc.published == dt.datetime(2024, 2, 1, 12, 0, tzinfo=dt.UTC)
    assert doc.language == "en"
    assert doc.outlet == "Daily Herald World"


def test_feed_honours_declared_encoding(tmp_path: Path) -> None:
    path = tmp_path / "latin.xml"
    path.write_bytes(RSS.format(encoding="ISO-8859-1").replace("–", "-").encode("latin-1"))

    items = _items(path)

    assert items[0].title == "Kanzler empfängt Präsidenten"
    assert items[0].warnings == []


def test_feed_is_sniffed_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "feed"
    path.write_text(ATOM, encoding="utf-8")

    (doc,) = _items(path)

    assert doc.source == f"{path}#1"


def test_feed_not_well_formed_is_read_leniently_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "kaputt.xml"
    broken = RSS.format(encoding="utf-8").replace("</channel>\n</rss>", "<item><title>offen")
    path.write_text(broken, encoding="utf-8")

    items = _items(path)
    docs = [i for i in items if isinstance(i, RawDocument)]

    assert docs[0].title == "Kanzler empfängt Präsidenten"
    assert all(any("not well-formed" in w for w in d.warnings) for d in docs)


def test_feed_that_is_no_feed_fails_as_malformed(tmp_path: Path) -> None:
    path = tmp_path / "daten.xml"
    path.write_text('<?xml version="1.0"?><liste><eintrag>1</liste>', encoding="utf-8")

    (failure,) = _items(path)

    assert isinstance(failure, InputFailure)
    assert failure.code == "E006"
    assert "feed" in failure.reason


def test_feed_without_entries_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "leer.rss"
    path.write_text(
        '<rss version="2.0"><channel><title>Leer</title></channel></rss>', encoding="utf-8"
    )

    (failure,) = _items(path)

    assert failure.code == "E004"
