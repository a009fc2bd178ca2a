"""Sentence and paragraph segmentation."""

from __future__ import annotations

import pytest

from lagebild.components.segment import make_segmenter


@pytest.fixture(scope="module")
def de_segmenter():
    return make_segmenter("de")


def _texts(segmenter, text):
    return [s.text for s in segmenter(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Die Delegation traf u. a. den Außenminister in Berlin.",
        "Mehrere Staaten, bes. im Süden, lehnten den Plan ab.",
        "Es gibt Vorbehalte, z. B. beim Zoll und bei der Energie.",
        "Die Resolution Nr. 2334 wurde angenommen.",
        "Dr. Anna Berger leitete die Verhandlungen.",
        "Das Treffen fand am 30. Dezember in Moskau statt.",
        "Am 4. April trafen sich die Minister.",
        "Zum 80. Jahrestag kamen Gäste aus aller Welt.",
        # a run of initials
        "Laut dem Direktor B.N. Sahin soll der Test in drei Monaten stattfinden.",
        "Der Roman von J.D. Sorel erschien im Herbst.",
    ],
)
def test_segment_does_not_split_after_abbreviations_initials_and_ordinals(de_segmenter, text):
    assert _texts(de_segmenter, text) == [text]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a year is no ordinal
        ("Die Gespräche laufen seit 2018.", "Die Regierung will sie fortsetzen."),
        # "So." (Sunday) is listed with its capital; the adverb "so." ends a sentence
        ("Laut der Ministerin sei das so.", "Dann wurde die Sitzung vertagt."),
        # a lower-case abbreviation is still one when capitalised at a sentence start
        ("Das Abkommen gilt seit Mai.", "Vgl. Artikel 3 des Vertrags."),
    ],
)
def test_segment_splits_where_a_sentence_ends(de_segmenter, first, second):
    assert _texts(de_segmenter, f"{first} {second}") == [first, second]


def test_segment_keeps_closing_quote_with_its_sentence(de_segmenter):
    text = "„Wir sind bereit.“ Der Minister verließ den Saal. Er sagte: „Nein!“"
    assert _texts(de_segmenter, text) == [
        "„Wir sind bereit.“",
        "Der Minister verließ den Saal.",
        "Er sagte: „Nein!“",
    ]


def test_segment_line_break_ends_headline(de_segmenter):
    text = (
        "Kuba und China vertiefen Zusammenarbeit\nHavanna und Peking haben am Dienstag verhandelt."
    )
    sentences = de_segmenter(text)
    assert [s.text for s in sentences] == [
        "Kuba und China vertiefen Zusammenarbeit",
        "Havanna und Peking haben am Dienstag verhandelt.",
    ]
    assert sentences[0].is_headline and not sentences[1].is_headline


def test_segment_counts_paragraphs_and_keeps_offsets(de_segmenter):
    text = "Titel\n\nErster Satz. Zweiter Satz.\n\n  Dritter Satz im zweiten Absatz."
    sentences = de_segmenter(text)
    assert [s.paragraph for s in sentences] == [0, 1, 1, 2]
    for s in sentences:
        assert text[s.start : s.end] == s.text


def test_segment_does_not_split_before_lowercase(de_segmenter):
    text = "Er sprach von der Zusammenarbeit … und den Sorgen der Nachbarn."
    assert _texts(de_segmenter, text) == [text]


def test_segment_component_sets_token_sentence_starts():
    from lagebild.pipeline import make_pipeline

    nlp = make_pipeline("de", stages=["segment"])
    doc = nlp("Die NATO plant ein Büro. Japan stimmt zu.")
    assert [s.text for s in doc.sents] == ["Die NATO plant ein Büro.", "Japan stimmt zu."]
    assert len(doc._.sentences) == 2


def test_segment_marks_title_line_as_headline_below_a_kicker(de_segmenter):
    text = "Außenpolitik\n\nBerlin und Paris planen Gipfel\n\nDie Regierungen trafen sich."
    sentences = de_segmenter(text, title="Berlin und Paris planen Gipfel")
    assert [s.is_headline for s in sentences] == [False, True, False]


def test_segment_keeps_first_line_as_headline_when_title_is_elsewhere(de_segmenter):
    text = "Gipfel in Paris\n\nDie Regierungen trafen sich."
    sentences = de_segmenter(text, title="Ein ganz anderer Titel")
    assert [s.is_headline for s in sentences] == [True, False]
