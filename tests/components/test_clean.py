"""Tests for the cleaning stage: boilerplate removal, glued words, normalisation, offsets."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from lagebild.components.clean import (
    CleanedText,
    Edit,
    clean_text,
    make_pipeline,
    normalize_layout,
    normalize_spaces,
    remove_boilerplate,
    split_glued_sentences,
    split_glued_words,
)
from lagebild.lang import get_language_data

SITES = Path(__file__).resolve().parents[1] / "fixtures" / "sites"

# ------------------------------------------------------------------ helpers


def assert_offsets_consistent(raw: str, cleaned: CleanedText) -> None:
    """Removed spans quote the raw text; unchanged characters map back exactly."""
    for span in cleaned.removed_spans:
        assert raw[span.start : span.end] == span.text
    for i, char in enumerate(cleaned.text):
        if cleaned.edit_at(i) is None:
            assert raw[cleaned.to_raw(i)] == char, (i, char)
    for edit in cleaned.edits:
        assert 0 <= edit.start <= edit.end <= len(raw)


def reasons(cleaned: CleanedText) -> set[str]:
    return {span.reason for span in cleaned.removed_spans}


# ------------------------------------------------------------------ seeds

#: seed id -> (strings that must survive cleaning, strings that must be gone)
SEEDS: dict[str, tuple[list[str], list[str]]] = {
    "c9731ef5128096e4": (
        [
            '"Um Konflikten vorzubeugen, müssen wir gemeinsam',
            "Das Außenministerium in Lima sprach von einem",
            "Hegseth sagte nach seiner Zusammenkunft",
            'Zusammenarbeit gegen "potenzielle Bedrohungen" aus China',
        ],
        [
            "Quelle: AP",
            "Schiefelbein",
            "Mehr zum Thema",
            "Durch die Sperrung",
            "teilt sie gern",
            "\u00a0",
        ],
    ),
    "bbb6a3d2aafa3b0f": (
        [
            "nach dem Miguel Díaz-Canel Besuch",
            "sein chinesischer Amtskollege Dong Jun",
            "Das Treffen coincides mit dem 65. Jahrestag",
            "Sin embargo, die wachsende militärische Zusammenarbeit",
            "angesichts der internationalen Isolation des kubanischen Regimes.",
        ],
        [
            "Foto ©",
            "Verwandte Videos",
            "Häufig gestellte Fragen",
            "Worin besteht",
            "Archiviert unter",
            "Redaktionsteam",
            "Ein Team von Journalisten",
        ],
    ),
    "71f4ca4da9999c2f": (
        [
            "„Asien ist ein Anker für Frieden und Stabilität",
            "sagte die Sprecherin des chinesischen Außenministeriums, Mao Ning.",
            "„Der fortgesetzte Vorstoß der NATO nach Osten",
        ],
        [
            "von | 10. Mai 2023",
            "Quelle: Antiwar.com",
            "Telegram zensiert nicht",
            "Newsletter",
            "Abonniere",
            "erfolgreich angemeldet",
            "Updates per E-Mail",
        ],
    ),
    "60d5d92e676d09a4": (
        [
            "„Peking behauptet, neutral zu sein",
            "die internationale Justiz entschieden zu verteidigen.",
        ],
        ["source-127", "Leave a Reply"],
    ),
    "3383e3607a9eb9dd": (
        ["sagte er genannt und fügte hinzu", "Washington, London und Canberra. Letzten Monat"],
        ["LESEN SIE MEHR", "rrt-allgemeines"],
    ),
}


def _find_seed(folders: list[Path], seed_id: str) -> Path | None:
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.rglob("*.txt")):
                if seed_id in path.name:
                    return path
    return None


@pytest.fixture(scope="module")
def seed_text(request: pytest.FixtureRequest, examples_dir: Path):
    """Read a seed article from ``examples/`` or, on development machines, ``../shared/seeds``."""

    def read(seed_id: str) -> str:
        path = _find_seed([examples_dir], seed_id)
        if path is None:
            shared = request.getfixturevalue("shared_data").parent / "seeds"
            path = _find_seed([shared], seed_id)
        if path is None:
            pytest.skip(f"seed {seed_id} not found")
        return path.read_text(encoding="utf-8")

    return read


@pytest.mark.parametrize("seed_id", sorted(SEEDS))
def test_clean_seed_removes_boilerplate_and_keeps_body(seed_text, seed_id: str) -> None:
    raw = seed_text(seed_id)
    cleaned = clean_text(raw, language="de")
    must, must_not = SEEDS[seed_id]
    for needle in must:
        assert needle in cleaned.text, needle
    for needle in must_not:
        assert needle not in cleaned.text, needle
    assert_offsets_consistent(raw, cleaned)


def test_clean_seed_headline_repeat_removed_once(seed_text) -> None:
    raw = seed_text("3383e3607a9eb9dd")
    cleaned = clean_text(raw)
    headline = raw.split("\n", 1)[0]
    assert cleaned.text.count(headline) == 1
    assert "duplicate_headline" in reasons(cleaned)


def test_clean_seed_records_why_each_block_went(seed_text) -> None:
    cleaned = clean_text(seed_text("bbb6a3d2aafa3b0f"))
    assert {
        "photo_credit",
        "video_label",
        "faq_block",
        "archive_label",
        "editorial_signature",
        "author_bio",
    } <= reasons(cleaned)
    cleaned = clean_text(seed_text("71f4ca4da9999c2f"))
    assert {"byline", "source_line", "social_promo", "newsletter"} <= reasons(cleaned)


# ------------------------------------------------------------------ site-style fixtures

#: fixture file -> (language, must keep, must remove)
SITE_CASES: dict[str, tuple[str, list[str], list[str]]] = {
    "tabloid_de.txt": (
        "de",
        [
            "„Wir werden das so nicht mittragen“, sagte sie",
            "Die Ministerin kam am Morgen zu einem Treffen mit ihren Amtskollegen zusammen.",
            "Lesen Sie auch unsere Analyse, sagte ein Sprecher scherzhaft",
        ],
        [
            "LESEN SIE AUCH",
            "Mehr zum Thema",
            "Grenzstreit: Was die Nachbarn fordern",
            "Foto: dpa",
            "Teilen",
            "WhatsApp",
            "23 Kommentare",
            "14:35 Uhr",
            "Von Anna Beispiel",
        ],
    ),
    "regional_de.txt": (
        "de",
        [
            "über einen eigenen Kanal bei Telegram und einen wöchentlichen Newsletter",
            "Kritik kam auch vom Städtetag",
            "Landtag beschließt Haushalt mit knapper Mehrheit",
        ],
        [
            "Foto: dpa",
            "Bild: Landtag",
            "Mehr zum Thema",
            "Opposition kündigt Klage an",
            "(dpa)",
            "Schlagwörter",
            "Von Max Muster",
            "Veröffentlicht am",
        ],
    ),
    "blog_de.txt": (
        "de",
        [
            "Vertreter beider Seiten bei den Gesprächen in Genf",
            "Telegram hat nach eigenen Angaben mehrere Kanäle gesperrt",
            "„zerbrechlichen Frieden“.",
        ],
        [
            "Foto ©",
            "Share this",
            "Like this",
            "Loading",
            "Leave a Reply",
            "Kategorien",
            "Your email address",
            "Beitrag vom",
        ],
    ),
    "statemedia_de.txt": (
        "de",
        [
            "Man werde „angemessen reagieren“, erklärte eine Sprecherin",
            "sprach von einer lange geplanten Übung.",
        ],
        [
            "Mehr zum Thema",
            "Folgen Sie uns",
            "unterstützen Sie uns",
            "Spende",
            "politik-international",
        ],
    ),
    "wire_en.txt": (
        "en",
        [
            '"We are cautiously optimistic," a spokesperson',
            "publish updates in its newsletter and on its website.",
            "Delegates arrive at the venue in Istanbul",
        ],
        [
            "By Jane Example",
            "May 10, 2023",
            "Read more",
            "Sign up",
            "inbox",
            "Reporting by",
            "Trust Principles",
            "Photo: Reuters",
        ],
    ),
    "magazine_de.txt": (
        "de",
        [
            "Gipfel in Südstadt: Was vom Treffen bleibt",
            "Beobachter werten das Ergebnis dennoch als Erfolg",
        ],
        [
            "Cookies",
            "Newsletter",
            "Melden Sie sich",
            "Anmeldung",
            "exklusiv für Abonnenten",
            "Alle Rechte vorbehalten",
        ],
    ),
    "aggregator_de.txt": (
        "de",
        ["Das Abkommen sieht Investitionen von 2 Mrd. Euro vor.", "„teuren Prestigeprojekt“."],
        [
            "Häufig gestellte Fragen",
            "Wer kritisiert",
            "Abgelegt unter",
            "Nachrichten-Redaktion",
            "Ein Team von Redakteurinnen",
        ],
    ),
    "blog_en.txt": (
        "en",
        [
            "Critics say the deal was rushed through parliament",
            "The opposition has promised to review the contract",
        ],
        [
            "Posted on",
            "Related posts",
            "Port workers strike",
            "Frequently Asked Questions",
            "Who owns the port",
            "Tags:",
            "About the author",
            "freelance journalist",
            "Leave a comment",
            "Share on Facebook",
            "Tweet",
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(SITE_CASES))
def test_clean_site_fixture_must_and_must_not(name: str) -> None:
    language, must, must_not = SITE_CASES[name]
    raw = (SITES / name).read_text(encoding="utf-8")
    cleaned = clean_text(raw, language=language)
    for needle in must:
        assert needle in cleaned.text, needle
    for needle in must_not:
        assert needle not in cleaned.text, needle
    assert_offsets_consistent(raw, cleaned)
    assert "\n\n\n" not in cleaned.text
    assert cleaned.text == cleaned.text.strip()


def test_clean_headline_repeat_in_fixture_counts_once() -> None:
    raw = (SITES / "aggregator_de.txt").read_text(encoding="utf-8")
    cleaned = clean_text(raw)
    assert cleaned.text.count("vereinbaren engere Zusammenarbeit bei Energie") == 1


# ------------------------------------------------------------------ precision


@pytest.mark.parametrize(
    "text",
    [
        "Der Dienst Telegram sperrte am Montag mehrere Kanäle, denen Tausende Nutzer folgten.",
        "Telegram zensiert nicht, sagte der Gründer, und die Nutzer folgen ihm in Scharen.",
        "Die Partei verschickt ihren Newsletter an 20.000 Mitglieder.",
        "Newsletter und Flugblätter waren die wichtigsten Mittel der Kampagne, sagte sie.",
        "Lesen Sie auch diesen Satz: er bleibt, weil er nicht am Zeilenanfang steht.",
        "Quelle des Konflikts ist der Streit um das Wasser des Flusses.",
        "Von Berlin bis Peking reicht die neue Bahnverbindung.",
        "Von Trump zu Biden",
        "Wir bitten Sie, unsere Arbeit zu unterstützen, sagte der Vorsitzende des Vereins.",
    ],
)
def test_clean_keeps_body_sentence_with_boilerplate_words(text: str) -> None:
    cleaned = clean_text(f"Überschrift\n\n{text}\n\nNoch ein Satz.")
    assert text in cleaned.text
    assert cleaned.removed_spans == []


def test_clean_removes_long_appeal_but_not_news_about_it() -> None:
    appeal = (
        "Unsere Webseite wird zensiert. Wenn Euch unsere Artikel gefallen, teilt sie gern "
        "überall. Unterstützt uns mit einer Spende, damit unsere Arbeit weitergehen kann."
    )
    news = (
        "Der Sender rief seine Leser auf, Artikel weiter zu teilen, nachdem die EU die "
        "Verbreitung untersagt hatte."
    )
    cleaned = clean_text(f"Titel\n\n{news}\n\n{appeal}")
    assert news in cleaned.text
    assert "Spende" not in cleaned.text
    assert reasons(cleaned) == {"site_appeal"}


# ------------------------------------------------------------------ glued words


@pytest.mark.parametrize(
    ("glued", "split"),
    [
        ("Tage nach demMiguel Díaz-Canel", "Tage nach dem Miguel Díaz-Canel"),
        ("sagte er genanntund fügte hinzu", "sagte er genannt und fügte hinzu"),
        ("die Lage wurde kritisiertoder gelobt", "die Lage wurde kritisiert oder gelobt"),
        ("ein Treffen mitÁlvaro López", "ein Treffen mit Álvaro López"),
        ("erklärtePräsident Muster", "erklärte Präsident Muster"),
    ],
)
def test_clean_splits_glued_words(glued: str, split: str) -> None:
    assert clean_text(glued).text == split


@pytest.mark.parametrize(
    "word",
    [
        "McDonald",
        "iPhone",
        "DeutschlandTicket",
        "derStandard.at",
        "eBay",
        "Grund und Boden",
        "kerngesund",
        "Verbund",
        "YouTube",
        "dieUSA",
    ],
)
def test_clean_keeps_camel_case_and_real_words(word: str) -> None:
    text = f"Der Bericht nennt {word} ausdrücklich."
    assert clean_text(text).text == text


@pytest.mark.parametrize(
    ("glued", "split"),
    [
        ("London und Canberra.Letzten Monat", "London und Canberra. Letzten Monat"),
        ("Das war geboren.Noch vor", "Das war geboren. Noch vor"),
        ("So endete es!Danach kam", "So endete es! Danach kam"),
    ],
)
def test_clean_splits_glued_sentences(glued: str, split: str) -> None:
    assert clean_text(glued).text == split


@pytest.mark.parametrize(
    "text",
    [
        "Laut Antiwar.com berichtete",
        "Siehe www.Beispiel.De für",
        "Die FRITZ!Box ist",
        "Nr.Eins der Liste",
        "Mail an info@Beispiel.Com senden",
        "z.B.Berlin",
    ],
)
def test_clean_keeps_domains_and_abbreviations(text: str) -> None:
    assert clean_text(text).text == text


def test_split_glued_words_is_data_driven() -> None:
    assert split_glued_words("nach demMiguel") == []  # no word lists, no splits
    edits = split_glued_words("nach demMiguel", function_words=("dem",))
    assert edits == [Edit(8, 8, " ", "glued_word")]


def test_split_glued_sentences_respects_abbreviations() -> None:
    assert split_glued_sentences("Prof.Muster") != []
    assert split_glued_sentences("Prof.Muster", abbreviations=("Prof.",)) == []


# ------------------------------------------------------------------ photo credits


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("Der Minister in BerlinQuelle: AP © Eva Beispiel", "Der Minister in Berlin"),
        ("Soldaten bei einer Übung. Foto: Reuters/Max Muster", "Soldaten bei einer Übung."),
        ("Die Delegation am FlughafenFoto © Staatsfernsehen", "Die Delegation am Flughafen"),
    ],
)
def test_clean_removes_glued_photo_credit_and_keeps_caption(line: str, kept: str) -> None:
    cleaned = clean_text(f"Titel\n\n{line}\n\nText.")
    assert cleaned.text == f"Titel\n\n{kept}\n\nText."
    assert reasons(cleaned) == {"photo_credit"}


def test_clean_keeps_sentence_that_mentions_a_source() -> None:
    text = "Titel\n\nDas berichtete die Zeitung unter Berufung auf eine Quelle: Es gebe Streit."
    assert clean_text(text).text == text


# ------------------------------------------------------------------ normalisation


def test_clean_normalises_unicode_and_invisible_characters() -> None:
    raw = "Mu\u0308nchen\u00a0und Zu\u00adsammen\u00adarbeit\u200b im\u2009Jahr\u3000 2024  heute"
    cleaned = clean_text(raw)
    assert cleaned.text == "München und Zusammenarbeit im Jahr 2024 heute"
    assert unicodedata.is_normalized("NFC", cleaned.text)
    assert cleaned.removed_spans == []  # normalisation is not content removal
    assert_offsets_consistent(raw, cleaned)


def test_clean_never_changes_quotation_marks() -> None:
    quotes = '„“”"»«‚‘’›‹'
    raw = f"Er sagte {quotes} und ging.\u00a0Dann „kam“ sie »zurück«."
    cleaned = clean_text(raw)
    assert [c for c in cleaned.text if c in quotes] == [c for c in raw if c in quotes]


def test_clean_keeps_paragraphs_and_single_newlines() -> None:
    raw = "Titel\r\n\r\n\r\n\r\nErste Zeile.\nZweite Zeile.\n\n\n\nZweiter Absatz.  \n\n"
    cleaned = clean_text(raw)
    assert cleaned.text == "Titel\n\nErste Zeile.\nZweite Zeile.\n\nZweiter Absatz."
    assert_offsets_consistent(raw, cleaned)


def test_normalize_spaces_returns_edits_not_strings() -> None:
    assert normalize_spaces("a\u00a0b") == [Edit(1, 2, " ", "space")]
    assert normalize_spaces("plain text") == []
    assert normalize_layout("a\n\n\n\nb\n") == [
        Edit(1, 5, "\n\n", "layout"),
        Edit(6, 7, "", "layout"),
    ]


def test_clean_unsupported_language_only_normalises() -> None:
    raw = "Lire aussi : un titre\n\nLeave a Reply\u00a0 "
    cleaned = clean_text(raw, language="fr")
    assert cleaned.text == "Lire aussi : un titre\n\nLeave a Reply"
    assert cleaned.removed_spans == []


def test_clean_without_language_identifies_it_first() -> None:
    raw = (SITES / "wire_en.txt").read_text(encoding="utf-8")
    assert "Reporting by" not in clean_text(raw, language=None).text


# ------------------------------------------------------------------ composition and offsets


def test_make_pipeline_composes_cleaners_and_tracks_offsets() -> None:
    def drop_x(text: str) -> list[Edit]:
        return [Edit(i, i + 1, "", "test_x") for i, c in enumerate(text) if c == "X"]

    run = make_pipeline(normalize_spaces, drop_x, normalize_layout)
    raw = "aX\u00a0\u00a0bXc  d"
    cleaned = run(raw)
    assert cleaned.text == "a bc d"
    assert [(s.start, s.end, s.reason) for s in cleaned.removed_spans] == [
        (1, 2, "test_x"),
        (5, 6, "test_x"),
    ]
    assert cleaned.to_raw(cleaned.text.index("c")) == raw.index("c")
    assert cleaned.to_raw(len(cleaned.text)) == len(raw)
    assert_offsets_consistent(raw, cleaned)


def test_cleaned_text_keeps_inner_removal_reason_when_outer_block_goes() -> None:
    raw = "Titel der Meldung hier\n\nTitel der Meldung hierFoto © Agentur\n\nText."
    cleaned = clean_text(raw)
    assert cleaned.text == "Titel der Meldung hier\n\nText."
    assert reasons(cleaned) == {"photo_credit", "duplicate_headline"}
    assert_offsets_consistent(raw, cleaned)


def test_to_raw_span_covers_replaced_text() -> None:
    raw = "eins\u00a0\u00a0zwei"
    cleaned = clean_text(raw)
    assert cleaned.text == "eins zwei"
    assert cleaned.to_raw_span(0, len(cleaned.text)) == (0, len(raw))
    assert cleaned.to_raw_span(5, 9) == (6, 10)


def test_remove_boilerplate_uses_language_rules() -> None:
    rules = get_language_data("de").boilerplate_rules
    text = "Satz eins.\n\nMehr zum Thema - Ein Link\n\nSatz zwei."
    edits = remove_boilerplate(text, rules=rules)
    assert [(e.reason, text[e.start : e.end]) for e in edits] == [
        ("related_link", "Mehr zum Thema - Ein Link\n")
    ]
    assert remove_boilerplate(text) == []
