"""Tests for the quote stage: direct, indirect and reported speech with speakers."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
import spacy

from lagebild.components import register_extensions
from lagebild.model import Mention, Quote

GOLD_DIR = Path(__file__).resolve().parents[1] / "gold"
GOLD = GOLD_DIR / "quotes_de.jsonl"
GOLD_EN = GOLD_DIR / "quotes_en.jsonl"
# Floors on the hand-written gold file; measured values are in tests/gold/README.md.
GOLD_MESSAGE_RECALL_FLOOR = 0.90
GOLD_SPEAKER_ACCURACY_FLOOR = 0.90
GOLD_PRECISION_FLOOR = 0.85
GOLD_CUE_ACCURACY_FLOOR = 0.85


def _quote_pipeline(language: str, **config: object) -> spacy.Language:
    """A sentencizer and the quote stage: the quote rules without the other stages."""
    import lagebild.components.quotes  # noqa: F401 - registers the factory

    register_extensions()
    pipeline = spacy.blank(language)
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe("lagebild_quotes", config=config)
    return pipeline


@pytest.fixture(scope="module")
def nlp() -> spacy.Language:
    return _quote_pipeline("de")


@pytest.fixture(scope="module")
def en_nlp() -> spacy.Language:
    """The English quote stage (rules only: no English tagger is trained)."""
    return _quote_pipeline("en")


@pytest.fixture(scope="module")
def rules_nlp() -> spacy.Language:
    """The quote stage without its tagger: what the rules alone find."""
    return _quote_pipeline("de", model=False)


def _mentions(text: str, specs: list[dict]) -> list[Mention]:
    out = []
    for spec in specs:
        start = text.index(spec["text"])
        out.append(
            Mention(
                article_id="t",
                start=start,
                end=start + len(spec["text"]),
                text=spec["text"],
                kind=spec["kind"],
                actor_id=spec.get("actor_id"),
                code=spec.get("code"),
            )
        )
    return sorted(out, key=lambda m: m.start)


def run(nlp: spacy.Language, text: str, mentions: list[dict] | None = None) -> list[Quote]:
    doc = nlp.make_doc(text)
    doc._.language = nlp.lang
    doc._.mentions = _mentions(text, mentions) if mentions else None
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc._.quotes


def _norm(s: str) -> str:
    return " ".join(s.replace("„", "").replace("“", "").replace('"', "").split()).strip(" .")


def _matches(quote: Quote, expected: dict) -> bool:
    got, want = _norm(quote.text), _norm(expected["message"])
    return bool(got) and (want in got or got in want)


def _find(quotes: list[Quote], expected: dict) -> Quote | None:
    return next((q for q in quotes if _matches(q, expected)), None)


# ---------------------------------------------------------------- behaviour


@pytest.mark.parametrize(
    ("text", "message", "speaker", "cue"),
    [
        ("Hegseth sagte: „Wir müssen handeln.“", "Wir müssen handeln.", "Hegseth", "sagte"),
        ("„Wir müssen handeln“, sagte Hegseth.", "Wir müssen handeln", "Hegseth", "sagte"),
        (
            "»Wir müssen handeln«, betonte der Minister.",
            "Wir müssen handeln",
            "der Minister",
            "betonte",
        ),
        ('Der Minister warnte: "Es wird eng."', "Es wird eng.", "Der Minister", "warnte"),
        # a cue only beside a quotation
        ("„Es wird eng“, fuhr der Beamte fort.", "Es wird eng", "der Beamte", "fuhr fort"),
        # the particle closes the cue's clause before a second verb joined by "und"
        (
            "„Es wird eng“, fügte die Ärztin hinzu und blickte auf den Winter.",
            "Es wird eng",
            "die Ärztin",
            "fügte hinzu",
        ),
    ],
)
def test_quotes_attributes_direct_quote_in_every_style(nlp, text, message, speaker, cue) -> None:
    (quote,) = run(nlp, text)
    assert (quote.form, quote.text, quote.speaker_text, quote.cue) == (
        "Direct",
        message,
        speaker,
        cue,
    )


def test_quotes_attributes_colon_quote_in_next_paragraph(nlp) -> None:
    text = "Hegseth sagte nach dem Treffen:\n\n„Wir stehen zusammen.“"
    (quote,) = run(nlp, text)
    assert (quote.speaker_text, quote.text) == ("Hegseth", "Wir stehen zusammen.")


def test_quotes_continues_interrupted_quote_with_same_speaker(nlp) -> None:
    quotes = run(nlp, "„Wir haben alles versucht“, sagte Lind. „Aber keiner wollte nachgeben.“")
    assert [q.speaker_text for q in quotes] == ["Lind", "Lind"]
    assert quotes[1].text == "Aber keiner wollte nachgeben."


def test_quotes_unattributed_quote_continues_the_latest_report(rules_nlp) -> None:
    # the Konjunktiv sentences carry the speaker forward to the quotation after them
    text = (
        "Die Ärztin Mara Tell sagte: „Wir müssen uns vorbereiten.“ Die Gefahr sei real. "
        "Aktuell bestehe sie zwar noch nicht. „Aber das Virus kann sich jederzeit verändern.“"
    )
    quotes = run(rules_nlp, text)
    last = next(q for q in quotes if q.text.startswith("Aber"))
    assert (last.form, last.speaker_text) == ("Direct", "Die Ärztin Mara Tell")


def test_quotes_unattributed_quote_follows_the_speaker_of_the_report_before(rules_nlp) -> None:
    text = (
        "„Das ist ein guter Tag“, sagte Lind. Der Minister Ole Brand erklärte, "
        "die Gespräche seien schwierig gewesen. „Wir geben aber nicht auf.“"
    )
    quotes = run(rules_nlp, text)
    last = next(q for q in quotes if q.text.startswith("Wir geben"))
    assert last.speaker_text == "Der Minister Ole Brand"


@pytest.mark.parametrize(
    "text",
    [
        "Beobachter sehen darin eine „systemische Herausforderung“ für die Region.",
        "Die Zeitung „Neue Rundschau“ erscheint täglich.",
    ],
)
def test_quotes_ignores_scare_quotes_without_cue(nlp, text) -> None:
    assert run(nlp, text) == []


def test_quotes_keeps_partial_quote_when_cue_and_speaker_present(nlp) -> None:
    (quote,) = run(nlp, "Das Außenministerium in Lima sprach von einem „historischen Treffen“.")
    assert (quote.form, quote.text, quote.speaker_text) == (
        "Direct",
        "historischen Treffen",
        "Das Außenministerium in Lima",
    )


@pytest.mark.parametrize(
    ("text", "message", "speaker"),
    [
        ("Der Minister sagte, dass die Steuern sinken.", "dass die Steuern sinken", "Der Minister"),
        ("Die Polizei erklärte, der Täter sei geflohen.", "der Täter sei geflohen", "Die Polizei"),
        ("Der Täter sei geflohen, sagte ein Sprecher.", "Der Täter sei geflohen", "ein Sprecher"),
        (
            "Laut der Polizei wurden zwei Menschen verletzt.",
            "wurden zwei Menschen verletzt",
            "der Polizei",
        ),
        (
            # a relative clause on the source says where it was read, not what it says
            "Laut der Agentur Ostpress, die von einer Zeitung zitiert wird, sind die Häfen zu.",
            "sind die Häfen zu",
            "der Agentur Ostpress",
        ),
        (
            "Der Polizei zufolge wurden zwei Menschen verletzt.",
            "wurden zwei Menschen verletzt",
            "Der Polizei",
        ),
        (
            "Nach Angaben der Polizei wurden zwei Menschen verletzt.",
            "wurden zwei Menschen verletzt",
            "Angaben der Polizei",
        ),
        (
            "Zwei Menschen wurden verletzt, so die Polizei.",
            "Zwei Menschen wurden verletzt",
            "die Polizei",
        ),
        (
            "Wie die Polizei mitteilte, wurden zwei Menschen verletzt.",
            "wurden zwei Menschen verletzt",
            "die Polizei",
        ),
        (
            "Der Minister warf Peking vor, die Regeln zu brechen.",
            "die Regeln zu brechen",
            "Der Minister",
        ),
        ("Die Ärztin warnte, die Kliniken seien voll.", "die Kliniken seien voll", "Die Ärztin"),
        (
            "Die Ärztin brachte ihre Sorge zum Ausdruck, dass die Kliniken voll seien.",
            "dass die Kliniken voll seien",
            "Die Ärztin",
        ),
        (
            "Es gibt einen Bericht der Agentur Ostpress, wonach der Rat aufgelöst worden sei.",
            "der Rat aufgelöst worden sei",
            "einen Bericht der Agentur Ostpress",
        ),
        (
            # "es" before the phrase is no adjective of it
            "Heute gibt es eine Schätzung, wonach die Ernte um ein Drittel sinkt.",
            "die Ernte um ein Drittel sinkt",
            "eine Schätzung",
        ),
        (
            # the relative clause closes before the message goes on: the phrase is no speaker
            "Ein Sturm, der lange über See lag, habe die Küste erreicht, meldet das Wetteramt.",
            "Ein Sturm, der lange über See lag, habe die Küste erreicht",
            "das Wetteramt",
        ),
        (
            # a paper's name in quotation marks after "im" is where it was written
            "Im „Nordboten“ schreibt die Richterin, dass der Fall nicht geklärt sei.",
            "dass der Fall nicht geklärt sei",
            "die Richterin",
        ),
        (
            "Eine Umfrage im Mai ergab: Viele Wähler sind noch unentschlossen.",
            "Viele Wähler sind noch unentschlossen",
            "Eine Umfrage im Mai",
        ),
        (
            "Wie eine Umfrage ergab, sind viele Wähler noch unentschlossen.",
            "sind viele Wähler noch unentschlossen",
            "eine Umfrage",
        ),
        (
            "Die Veranstalter gestanden ein, dass die Karten zu teuer gewesen seien.",
            "dass die Karten zu teuer gewesen seien",
            "Die Veranstalter",
        ),
        (
            # a name that is also an adverb: the verb has no subject after it
            "Lange erklärte, die Brücke werde im Mai eröffnet.",
            "die Brücke werde im Mai eröffnet",
            "Lange",
        ),
    ],
)
def test_quotes_finds_indirect_speech_patterns(nlp, text, message, speaker) -> None:
    (quote,) = run(nlp, text)
    assert (quote.form, quote.text, quote.speaker_text) == ("Indirect", message, speaker)


@pytest.mark.parametrize(
    ("text", "message", "speaker"),
    [
        (
            "Ein Augenzeuge erzählte der Zeitung, die Demonstranten hätten Steine geworfen.",
            "die Demonstranten hätten Steine geworfen",
            "Ein Augenzeuge",
        ),
        (
            "Der Verband bedauerte, dass die Regierung nicht zugehört habe.",
            "dass die Regierung nicht zugehört habe",
            "Der Verband",
        ),
        (
            "Die Sprecherin verlautbarte, die Gespräche würden fortgesetzt.",
            "die Gespräche würden fortgesetzt",
            "Die Sprecherin",
        ),
        (
            "Der Sprecher stritt ab, dass die Firma Geld erhalten habe.",
            "dass die Firma Geld erhalten habe",
            "Der Sprecher",
        ),
        (
            "Das Gericht urteilte, die Klausel sei unwirksam.",
            "die Klausel sei unwirksam",
            "Das Gericht",
        ),
    ],
)
def test_quotes_knows_less_common_verbs_of_saying(rules_nlp, text, message, speaker) -> None:
    (quote,) = run(rules_nlp, text)
    assert (quote.text, quote.speaker_text) == (message, speaker)


@pytest.mark.parametrize(
    ("text", "message", "speaker"),
    [
        (
            "Die Experten kamen zu dem Schluss, dass die Mauer älter sei.",
            "dass die Mauer älter sei",
            "Die Experten",
        ),
        (
            "Der Anwalt vertritt die Auffassung, die Klausel sei unwirksam.",
            "die Klausel sei unwirksam",
            "Der Anwalt",
        ),
        (
            "Das Portal will aus Quellen erfahren haben, dass die Gespräche gescheitert seien.",
            "dass die Gespräche gescheitert seien",
            "Das Portal",
        ),
        (
            "Der Minister machte deutlich, dass er nicht zurücktreten werde.",
            "dass er nicht zurücktreten werde",
            "Der Minister",
        ),
        (
            "Die Opposition erhob den Vorwurf, die Regierung habe gelogen.",
            "die Regierung habe gelogen",
            "Die Opposition",
        ),
    ],
)
def test_quotes_verbs_that_report_only_with_their_noun(rules_nlp, text, message, speaker):
    (quote,) = run(rules_nlp, text)
    assert (quote.text, quote.speaker_text) == (message, speaker)
    # without the noun (or the claim to have learnt it) the verb reports nothing
    for other in (
        "Die Gäste kamen zu spät, weil der Zug ausfiel.",
        "Der Abgeordnete vertritt den Wahlkreis, der im Norden liegt.",
        "Die Eltern erfuhren, dass ihr Sohn verletzt war.",
        "Der Verein gab das Geld aus, um die Halle zu renovieren.",
    ):
        assert run(rules_nlp, other) == []


@pytest.mark.parametrize(
    ("text", "message", "speaker"),
    [
        (
            "Die Liebe heile unsere Kurzsichtigkeit und regt uns an, den Blick zu weiten, "
            "sagte der Bischof.",
            "Die Liebe heile unsere Kurzsichtigkeit und regt uns an, den Blick zu weiten",
            "der Bischof",
        ),
        (
            # an unmarked quotation: "meinen" is a possessive there, not a verb of saying
            "Wir hoffen auf eine Begnadigung für meinen Mann, sagte Lena Haidar.",
            "Wir hoffen auf eine Begnadigung für meinen Mann",
            "Lena Haidar",
        ),
        (
            # a name particle opens the speaker after the verb
            "Der Rat fordert mehr Autonomie, sagte al Tamar.",
            "Der Rat fordert mehr Autonomie",
            "al Tamar",
        ),
    ],
)
def test_quotes_a_closing_cue_clause_reports_the_whole_sentence_before_it(
    rules_nlp, text, message, speaker
) -> None:
    (quote,) = run(rules_nlp, text)
    assert (quote.text, quote.speaker_text) == (message, speaker)


def test_quotes_an_actor_opening_the_message_of_a_closing_cue_keeps_its_report(rules_nlp):
    text = "Anna Berg sagte, die Lage sei ernst, berichtete der Sender Radio Nord."
    quotes = run(rules_nlp, text, [{"text": "Anna Berg", "kind": "PER"}])
    assert {(q.speaker_text, q.text) for q in quotes} == {
        ("Anna Berg", "die Lage sei ernst"),
        ("der Sender Radio Nord", "Anna Berg sagte, die Lage sei ernst"),
    }


def test_quotes_participle_takes_its_auxiliary_across_a_phrase_between_commas(rules_nlp):
    text = (
        "Seit 2018 hat die Regierung, durch Treffen zwischen hohen Militärs, ihr Interesse "
        "bekundet, die Zusammenarbeit zu stärken."
    )
    (quote,) = run(rules_nlp, text)
    assert (quote.speaker_text, quote.cue) == ("die Regierung", "hat bekundet")
    # an infinitive clause between the commas is no such phrase
    text = "Sie sind gezwungen, in der Illegalität zu leben, sagt Anna Berg."
    (quote,) = run(rules_nlp, text)
    assert quote.speaker_text == "Anna Berg"
    assert quote.text == "Sie sind gezwungen, in der Illegalität zu leben"


def test_quotes_report_ends_where_und_opens_another_speakers_report(rules_nlp) -> None:
    text = (
        "Die Regierung hat betont, dass sie keine Partei des Konflikts sei, und im Mai, "
        "nachdem die Armee Verluste erlitten hatte, gab der Präsident zu, dass es Sorgen gebe."
    )
    first, second = run(rules_nlp, text)
    assert (first.speaker_text, first.text) == (
        "Die Regierung",
        "dass sie keine Partei des Konflikts sei",
    )
    assert (second.speaker_text, second.text) == ("der Präsident", "dass es Sorgen gebe")


def test_quotes_so_source_may_close_with_time_and_place(rules_nlp) -> None:
    text = "Die Lage sei ernst, so Jan Tolber am Montag im Ausschuss des Landtags in Nordstadt."
    (quote,) = run(rules_nlp, text)
    assert (quote.text, quote.speaker_text, quote.cue) == ("Die Lage sei ernst", "Jan Tolber", "so")


@pytest.mark.parametrize(
    "text",
    [
        "Der Autor erzählt Geschichten, die den Leser an den Rand bringen, und schreibt Gedichte.",
        "Als Rückblende aufgebaut, erzählt die Regisseurin die Geschichte einer Familie.",
    ],
)
def test_quotes_narrating_a_story_reports_nothing(rules_nlp, text) -> None:
    assert run(rules_nlp, text) == []


@pytest.mark.parametrize(
    ("text", "message", "speaker", "cue"),
    [
        (
            "Die Minister haben eine engere Zusammenarbeit beschlossen, wie das Amt mitteilte.",
            "Die Minister haben eine engere Zusammenarbeit beschlossen",
            "das Amt",
            "wie mitteilte",
        ),
        (
            "Wir begrüßen den Beschluss, heißt es in der Erklärung.",
            "Wir begrüßen den Beschluss",
            "der Erklärung",
            "heißt",
        ),
    ],
)
def test_quotes_a_closing_cue_clause_is_no_message_of_the_verb_before_it(
    rules_nlp, text, message, speaker, cue
) -> None:
    (quote,) = run(rules_nlp, text)
    assert (quote.text, quote.speaker_text, quote.cue) == (message, speaker, cue)


@pytest.mark.parametrize(
    ("text", "message", "speaker"),
    [
        (
            "Am Montag erklärte der Kommissar für Erweiterung, Jan Tolber, die Lage sei ernst.",
            "die Lage sei ernst",
            "der Kommissar für Erweiterung, Jan Tolber",
        ),
        (
            "Die Lage sei ernst, sagte der Minister, Jan Tolber.",
            "Die Lage sei ernst",
            "der Minister, Jan Tolber",
        ),
        # an apposition that names no actor is the message
        (
            "Der Minister sagte, Paris, Rom und Berlin seien einig.",
            "Paris, Rom und Berlin seien einig",
            "Der Minister",
        ),
    ],
)
def test_quotes_speaker_after_the_verb_takes_a_naming_apposition(
    rules_nlp, text, message, speaker
) -> None:
    mentions = [{"text": "Jan Tolber", "kind": "PER"}, {"text": "Paris", "kind": "GPE"}]
    (quote,) = run(rules_nlp, text, [m for m in mentions if m["text"] in text])
    assert quote.text == message
    assert text[quote.speaker_start : quote.speaker_end] == speaker


def test_quotes_continues_konjunktiv_sentence_without_new_cue(nlp) -> None:
    quotes = run(
        nlp, "Die Polizei teilte mit, der Täter sei geflohen. Er habe eine Waffe getragen."
    )
    assert [(q.text, q.speaker_text, q.cue) for q in quotes] == [
        ("der Täter sei geflohen", "Die Polizei", "teilte mit"),
        ("Er habe eine Waffe getragen", "Die Polizei", None),
    ]


def test_quotes_konjunktiv_sentence_continues_the_actor_opening_the_sentence_before(
    rules_nlp,
) -> None:
    # "zurückweisen" is no verb of saying, but its subject is who the next sentence reports
    text = (
        "Der Minister Jan Tolber sagte, er sei zufrieden. Die Stiftung Prüfwerk wies den "
        "Vorwurf zurück. In Zeiten knapper Kassen sei die Studie richtig."
    )
    mentions = [
        {"text": "Jan Tolber", "kind": "PER", "actor_id": "per:tolber"},
        {"text": "Stiftung Prüfwerk", "kind": "ORG", "actor_id": "org:pruefwerk"},
    ]
    quotes = run(rules_nlp, text, mentions)
    last = next(q for q in quotes if q.text.startswith("In Zeiten"))
    assert last.speaker_text == "Die Stiftung Prüfwerk"
    assert last.speaker_actor_id == "org:pruefwerk"


_TOLBER = {"text": "Jan Tolber", "kind": "PER", "actor_id": "per:tolber"}
_ARBO = {"text": "Gewerkschaft Arbo", "kind": "ORG", "actor_id": "org:arbo"}


@pytest.mark.parametrize(
    ("second", "message", "actor"),
    [
        (
            "Die Gewerkschaft Arbo wollte verhandeln, die Beschäftigten seien übergangen worden.",
            "die Beschäftigten seien übergangen worden",
            "org:arbo",
        ),
        # any main clause with its subject before the comma frames it
        (
            "Die Gewerkschaft Arbo zeigt kein Verständnis, die Beschäftigten seien nicht gefragt.",
            "die Beschäftigten seien nicht gefragt",
            "org:arbo",
        ),
        # a main clause before a colon frames the report the same way
        (
            "Die Gewerkschaft Arbo ging noch weiter: Die Reform müsse sofort gestoppt werden.",
            "Die Reform müsse sofort gestoppt werden",
            "org:arbo",
        ),
        # an unlinked subject opening the frame is no speaker: it may be what the report is
        # about
        ("Die Kosten haben sich verdoppelt, die Reform sei aber nötig.", None, "per:tolber"),
    ],
)
def test_quotes_continuation_with_an_indicative_frame_takes_the_frames_subject(
    rules_nlp, second, message, actor
) -> None:
    text = "Der Minister Jan Tolber sagte, er sei zufrieden. " + second
    mentions = [m for m in (_TOLBER, _ARBO) if m["text"] in text]
    last = run(rules_nlp, text, mentions)[-1]
    assert last.speaker_actor_id == actor
    if message is not None:
        assert last.text == message


def test_quotes_konjunktiv_after_a_frame_an_actor_opens_is_that_actors_report(rules_nlp):
    text = "Die Gewerkschaft Arbo wollte verhandeln, die Beschäftigten seien nicht gefragt worden."
    mentions = [{"text": "Gewerkschaft Arbo", "kind": "ORG", "actor_id": "org:arbo"}]
    (quote,) = run(rules_nlp, text, mentions)
    assert (quote.text, quote.speaker_actor_id) == (
        "die Beschäftigten seien nicht gefragt worden",
        "org:arbo",
    )
    # the subject of a passive with an agent was asked; it does not ask
    text = (
        "Jan Tolber sagte, er sei zufrieden. Tom Berg wurde von Freunden kontaktiert, was "
        "es damit auf sich habe, dass sein Bild in der Zeitung sei."
    )
    quotes = run(rules_nlp, text, [{"text": n, "kind": "PER"} for n in ("Jan Tolber", "Tom Berg")])
    assert all(q.speaker_text != "Tom Berg" for q in quotes)


def test_quotes_konjunktiv_ending_after_an_article_is_an_adjective(rules_nlp) -> None:
    text = "Jan Tolber sagte, er sei zufrieden. Die Kamera zeigt eine trübe Landschaft."
    assert [q.text for q in run(rules_nlp, text)] == ["er sei zufrieden"]


@pytest.mark.parametrize(
    ("opening", "speaker"),
    [
        # an adverbial fills the field; the subject follows the verb
        ("Am Montag hat die Stiftung Prüfwerk den Termin festgelegt.", "die Stiftung Prüfwerk"),
        # an actor after a preposition is no subject; the next actor is
        (
            "Nach dem Treffen mit Jan Tolber wartete die Stiftung Prüfwerk auf den Termin.",
            "die Stiftung Prüfwerk",
        ),
    ],
)
def test_quotes_konjunktiv_sentence_continues_the_subject_after_the_verb_before(
    rules_nlp, opening, speaker
) -> None:
    text = f"{opening} Mögliche Termine seien der 24. und der 28. September."
    mentions = [
        {"text": "Jan Tolber", "kind": "PER"},
        {"text": "Stiftung Prüfwerk", "kind": "ORG", "actor_id": "org:pruefwerk"},
    ]
    quotes = run(rules_nlp, text, [m for m in mentions if m["text"] in text])
    assert [(q.text, q.speaker_text) for q in quotes] == [
        ("Mögliche Termine seien der 24. und der 28. September", speaker)
    ]
    assert quotes[0].speaker_actor_id == "org:pruefwerk"


def test_quotes_subject_after_the_verb_spans_its_whole_phrase(rules_nlp) -> None:
    # the mention covers part of the name; the speaker is the phrase with role and apposition
    text = (
        "Am Montag hat der ugandische Schriftsteller Musa Okwanga, Gründer der Initiative, "
        "das Buch vorgestellt. Es sei ein Appell an die Regierung."
    )
    (quote,) = run(rules_nlp, text, [{"text": "Musa", "kind": "PER"}])
    assert text[quote.speaker_start : quote.speaker_end] == (
        "der ugandische Schriftsteller Musa Okwanga, Gründer der Initiative"
    )


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        # a place is no speaker
        (
            "Grönland erhält künftig mehr Geld. Der Betrag gehe an die Bewohner.",
            [{"text": "Grönland", "kind": "GPE"}],
        ),
        # hearsay "soll" alone does not make the subject's sentence a report
        (
            "Die Firma Belmar baut ein neues Werk. Es soll im Mai eröffnet werden.",
            [{"text": "Firma Belmar", "kind": "ORG"}],
        ),
    ],
)
def test_quotes_sentence_before_names_no_speaker_for_places_or_hearsay(
    rules_nlp, text, mentions
) -> None:
    assert run(rules_nlp, text, mentions) == []


def test_quotes_joins_the_second_konjunktiv_sentence_to_the_first(rules_nlp) -> None:
    # the report with its cue, then one free indirect report over both sentences after it
    text = (
        "Der Minister sagte, die Lage sei ernst. Die Regierung habe schnell reagiert. "
        "Man werde den Menschen weiter helfen. Am Abend regnete es."
    )
    quotes = run(rules_nlp, text)
    assert [q.text for q in quotes] == [
        "die Lage sei ernst",
        "Die Regierung habe schnell reagiert. Man werde den Menschen weiter helfen",
    ]
    assert quotes[1].speaker_text == quotes[0].speaker_text == "Der Minister"


@pytest.mark.parametrize(
    "text",
    [
        "Der Minister räumte ein, es könnten Stellen verloren gehen, sprach aber von einem "
        "offenen Prozess.",
        "Der Minister räumte ein, es könnten Stellen verloren gehen und kündigte eine Prüfung an.",
    ],
)
def test_quotes_reported_clause_ends_at_the_speakers_next_verb_of_saying(rules_nlp, text):
    quote = next(q for q in run(rules_nlp, text) if q.cue == "räumte ein")
    assert quote.text == "es könnten Stellen verloren gehen"


def test_quotes_trailing_source_may_close_with_an_adverb(rules_nlp) -> None:
    text = "Die Prüfung laufe noch, so Jan Tolber weiter."
    (quote,) = run(rules_nlp, text)
    assert (quote.text, quote.speaker_text, quote.cue) == (
        "Die Prüfung laufe noch",
        "Jan Tolber",
        "so weiter",
    )


def test_quotes_source_phrase_reports_its_part_between_semicolons(rules_nlp) -> None:
    text = "Die Veranstalter zählten zweitausend Menschen; nach Polizeiangaben waren es tausend."
    quote = next(q for q in run(rules_nlp, text) if q.cue == "nach")
    assert quote.text == "waren es tausend"


@pytest.mark.parametrize(
    ("second", "message"),
    [
        # an indicative frame before the Konjunktiv clause is no part of the report
        (
            "Die Frage ist wichtig, weil seit Tagen Unruhe herrscht, die Anlagen seien "
            "außer Betrieb.",
            "die Anlagen seien außer Betrieb",
        ),
        # a relative clause is no frame: the subject stays in the message
        (
            "Die Regierung, die seit Mai im Amt ist, habe reagiert.",
            "Die Regierung, die seit Mai im Amt ist, habe reagiert",
        ),
    ],
)
def test_quotes_continuation_starts_after_an_indicative_frame(rules_nlp, second, message):
    quotes = run(rules_nlp, "Der Minister sagte, die Lage sei ernst. " + second)
    assert [q.text for q in quotes] == ["die Lage sei ernst", message]


def test_quotes_stops_continuation_at_indicative_sentence(nlp) -> None:
    quotes = run(nlp, "Die Behörde erklärte, der Fluss werde steigen. Am Abend regnete es.")
    assert len(quotes) == 1


def test_quotes_attributes_pronoun_speaker_to_previous_person(nlp) -> None:
    text = "Der Minister Karl Wendt traf Ines Roth. „Das war gut“, sagte er."
    mentions = [
        {"text": "Der Minister Karl Wendt", "kind": "PER", "actor_id": "per:wendt"},
        {"text": "Ines Roth", "kind": "PER", "actor_id": "per:roth"},
    ]
    (quote,) = run(nlp, text, mentions)
    assert (quote.speaker_text, quote.speaker_actor_id) == ("Der Minister Karl Wendt", "per:wendt")
    assert text[quote.speaker_start : quote.speaker_end] == "er"


def test_quotes_reads_a_demonstrative_alone_before_the_verb_as_the_speaker(rules_nlp) -> None:
    text = (
        "Der Rat prüfte die Beschwerde von Jan Tolber. Dieser bestätigte, dass der Kandidat "
        "protestiert habe. Diese erklärte Absicht sei aber kein Einspruch."
    )
    quotes = run(rules_nlp, text, [{"text": "Jan Tolber", "kind": "PER"}])
    first = quotes[0]
    assert (first.text, first.cue, text[first.speaker_start : first.speaker_end]) == (
        "dass der Kandidat protestiert habe",
        "bestätigte",
        "Dieser",
    )
    assert first.speaker_text == "Jan Tolber"
    # before a noun the demonstrative is an article: "erklärte" is an adjective, no cue
    assert all(q.cue != "erklärte" for q in quotes)


def test_quotes_resolves_sie_by_feminine_role_noun(nlp) -> None:
    text = (
        "Die Sprecherin Lea Brandt sagte, man prüfe alles. Der Minister schwieg. "
        "„Wir bleiben dran“, fügte sie hinzu."
    )
    quotes = run(nlp, text)
    assert quotes[-1].speaker_text == "Die Sprecherin Lea Brandt"
    assert quotes[-1].cue == "fügte hinzu"


def test_quotes_first_person_outside_a_quotation_is_the_writer(nlp) -> None:
    text = (
        "Der Minister Jon Aldren sagte, die Lage sei ernst. "
        "Deshalb bitten wir unsere Leser, die Beiträge nicht zu teilen."
    )
    mentions = [{"text": "Jon Aldren", "kind": "PER", "actor_id": "per:jon_aldren"}]
    quotes = run(nlp, text, mentions)
    assert [(q.speaker_text, q.speaker_actor_id) for q in quotes] == [
        ("Der Minister Jon Aldren", "per:jon_aldren"),
        ("wir", None),
    ]


def test_quotes_never_resolves_a_pronoun_to_a_state_or_a_body_of_another_gender(nlp) -> None:
    text = (
        "Valdoria erklärte, das reiche nicht. Das Ministerium teilte mit, die Frist laufe ab. "
        "„Wir warten“, sagte er."
    )
    mentions = [
        {"text": "Valdoria", "kind": "GPE", "actor_id": "gpe:valdoria"},
        {"text": "Ministerium", "kind": "ORG", "actor_id": "org:ministry"},
    ]
    quotes = run(nlp, text, mentions)
    assert [q.speaker_text for q in quotes] == ["Valdoria", "Das Ministerium", "er"]
    assert quotes[-1].speaker_actor_id is None
    # a man named earlier is still found past them
    quotes = run(nlp, "Tomas Ebner sagte, man sei bereit. " + text, mentions)
    assert quotes[-1].speaker_text == "Tomas Ebner"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Dem Spieler wurde vorgeworfen, sich an der Schlägerei beteiligt zu haben.",
            "sich an der Schlägerei beteiligt zu haben",
        ),
        (
            "Am Montag wurde mitgeteilt, dass die Grenze geschlossen bleibt.",
            "dass die Grenze geschlossen bleibt",
        ),
        (
            "Letzte Woche war noch berichtet worden, die Brücke sei beschädigt.",
            "die Brücke sei beschädigt",
        ),
    ],
)
def test_quotes_reports_a_passive_cue_without_agent_with_no_speaker(
    rules_nlp, text: str, message: str
) -> None:
    (quote,) = run(rules_nlp, text)
    assert (quote.form, quote.text, quote.speaker_text) == ("Indirect", message, None)


def test_quotes_reads_news_that_became_known_as_a_report_without_source(rules_nlp) -> None:
    (quote,) = run(rules_nlp, "Im Mai wurde bekannt, dass die Werft verkauft wird.")
    assert (quote.text, quote.cue, quote.speaker_text) == (
        "dass die Werft verkauft wird",
        "wurde bekannt",
        None,
    )
    # fame is no report
    assert run(rules_nlp, "Er wurde durch eine Rolle bekannt, die er 1990 spielte.") == []


def test_quotes_passive_cue_without_agent_needs_a_reported_clause(rules_nlp) -> None:
    text = "Am Abend wurde berichtet, darunter der Verband und die Partei."
    assert run(rules_nlp, text) == []


def test_quotes_resolves_es_to_a_neuter_body(rules_nlp) -> None:
    text = "Das Ministerium teilte mit, die Frist laufe ab. Es warf der Firma vor, zu zögern."
    quotes = run(rules_nlp, text)
    assert quotes[-1].speaker_text == "Das Ministerium"


def test_quotes_links_speaker_to_overlapping_mention(nlp) -> None:
    text = "Die Sprecherin des Außenministeriums, Mao Ning, sagte, Peking lehne das ab."
    mentions = [{"text": "Mao Ning", "kind": "PER", "actor_id": "per:mao_ning", "code": "CHNGOV"}]
    (quote,) = run(nlp, text, mentions)
    assert quote.speaker_text == "Die Sprecherin des Außenministeriums, Mao Ning"
    assert (quote.speaker_actor_id, quote.speaker_code) == ("per:mao_ning", "CHNGOV")


def test_quotes_works_without_mentions(nlp) -> None:
    (quote,) = run(nlp, "Das Pentagon erklärte, die Übung sei beendet.")
    assert quote.speaker_text == "Das Pentagon" and quote.speaker_actor_id is None


@pytest.mark.parametrize(
    ("text", "mentions", "addressee"),
    [
        (
            "„Wir sind Partner“, sagte Xi Putin.",
            [{"text": "Xi", "kind": "PER"}, {"text": "Putin", "kind": "PER"}],
            "Putin",
        ),
        ("Der Minister sagte gegenüber der Zeitung, die Reform komme.", None, "der Zeitung"),
    ],
)
def test_quotes_reads_addressee(nlp, text, mentions, addressee) -> None:
    (quote,) = run(nlp, text, mentions)
    assert quote.addressee == addressee


def test_quotes_reports_reported_speech_without_clause(nlp) -> None:
    (quote,) = run(nlp, "Die Botschaft warnte vor Reisen in das Grenzgebiet.")
    assert (quote.form, quote.speaker_text, quote.cue) == ("Reported", "Die Botschaft", "warnte")


def test_quotes_offsets_point_into_text(nlp) -> None:
    text = "Vorab. Der Sprecher sagte am Montag, die Lage sei ruhig."
    (quote,) = run(nlp, text)
    assert text[quote.start : quote.end] == quote.text
    assert text[quote.speaker_start : quote.speaker_end] == quote.speaker_text
    assert text[quote.cue_start : quote.cue_end] == "sagte"


def test_quotes_component_pickles(nlp) -> None:
    restored = pickle.loads(pickle.dumps(nlp.get_pipe("lagebild_quotes")))
    assert restored.settings == nlp.get_pipe("lagebild_quotes").settings


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Der Chef der Bundesagentur für Arbeit, Frank Weiler, sagte, die Lage sei gut.",
            "Der Chef der Bundesagentur für Arbeit, Frank Weiler",
        ),
        (
            "Die Lage sei gut, sagte der Kommissar für Binnenhandel.",
            "der Kommissar für Binnenhandel",
        ),
        # a remit belongs to an office or a body only: "für Aufregung" is the object
        ("Der Minister Jan Tolber sorgte für Aufregung.", None),
    ],
)
def test_quotes_speaker_phrase_keeps_the_remit_of_an_office(rules_nlp, text, speaker) -> None:
    quotes = run(rules_nlp, text)
    assert [text[q.speaker_start : q.speaker_end] for q in quotes] == ([speaker] if speaker else [])


def _run_english(text: str) -> list[Quote]:
    """Quotes of an English text, sentencizer and quote stage only."""
    import lagebild.components.quotes  # noqa: F401

    en = spacy.blank("en")
    en.add_pipe("sentencizer")
    en.add_pipe("lagebild_quotes")
    doc = en.make_doc(text)
    doc._.language = "en"
    for _, proc in en.pipeline:
        doc = proc(doc)
    return doc._.quotes


def test_quotes_english_minimal(nlp) -> None:
    (quote,) = _run_english("“We will respond,” said the minister.")
    assert (quote.text, quote.speaker_text) == ("We will respond", "the minister")


def test_quotes_english_continue_is_a_cue_only_beside_a_quotation(nlp) -> None:
    (quote,) = _run_english("“We will not give up,” the minister continued.")
    assert (quote.speaker_text, quote.cue) == ("the minister", "continued")
    assert _run_english("The army continued its attacks on the city.") == []


def test_quotes_english_speaker_keeps_the_remit_of_an_office(nlp) -> None:
    (quote,) = _run_english("“We will respond,” said the Commissioner for Trade.")
    assert quote.speaker_text == "the Commissioner for Trade"


# ---------------------------------------------------------------- gold file


def _gold_records(path: Path = GOLD) -> list[dict]:
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


#: (gold file, pipeline fixture, least records): German is the reference, English smaller.
GOLD_FILES = [(GOLD, "nlp", 60), (GOLD_EN, "en_nlp", 30)]


@pytest.mark.parametrize(("path", "_", "least"), GOLD_FILES, ids=["de", "en"])
def test_quotes_gold_file_has_enough_records(path: Path, _: str, least: int) -> None:
    assert len(_gold_records(path)) >= least


@pytest.mark.parametrize(("path", "pipeline"), [f[:2] for f in GOLD_FILES], ids=["de", "en"])
def test_quotes_gold_scores_above_floors(request, path: Path, pipeline: str) -> None:
    nlp = request.getfixturevalue(pipeline)
    expected_n = found = speaker_ok = cue_ok = cue_n = predicted_n = spurious = 0
    for record in _gold_records(path):
        quotes = run(nlp, record["text"], record.get("mentions"))
        predicted_n += len(quotes)
        spurious += sum(1 for q in quotes if not any(_matches(q, e) for e in record["quotes"]))
        for exp in record["quotes"]:
            expected_n += 1
            quote = _find(quotes, exp)
            if quote is None:
                continue
            found += 1
            speaker_ok += quote.speaker_text == exp["speaker"]
            if "cue" in exp:
                cue_n += 1
                cue_ok += quote.cue == exp["cue"]
    recall = found / expected_n
    precision = 1 - spurious / max(predicted_n, 1)
    assert recall >= GOLD_MESSAGE_RECALL_FLOOR
    assert precision >= GOLD_PRECISION_FLOOR
    assert speaker_ok / found >= GOLD_SPEAKER_ACCURACY_FLOOR
    assert cue_ok / cue_n >= GOLD_CUE_ACCURACY_FLOOR


def _gold_cases() -> list:
    return [
        pytest.param(pipeline, record, id=f"{path.stem[-2:]}-{record['id']}")
        for path, pipeline, _ in GOLD_FILES
        for record in _gold_records(path)
    ]


@pytest.mark.parametrize(("pipeline", "record"), _gold_cases())
def test_quotes_gold_record(request, pipeline: str, record: dict) -> None:
    """Per-record view of the gold files; known misses are listed in tests/gold/README.md."""
    quotes = run(request.getfixturevalue(pipeline), record["text"], record.get("mentions"))
    if not record["quotes"]:
        assert quotes == []
        return
    for exp in record["quotes"]:
        quote = _find(quotes, exp)
        assert quote is not None, exp["message"]
        assert quote.speaker_text == exp["speaker"]
        if "speaker_span" in exp:
            assert record["text"][quote.speaker_start : quote.speaker_end] == exp["speaker_span"]
        if "addressee" in exp:
            assert quote.addressee == exp["addressee"]
        if "actor_id" in exp:
            assert quote.speaker_actor_id == exp["actor_id"]
        if "form" in exp:
            assert quote.form == exp["form"]


# ---------------------------------------------------------------- SpkAtt quality gate

# Floors a little below the held-out scores measured with
# `python bench/eval_quotes.py --shared ../shared --split test` (rules + tagger:
# cue 0.640, speaker 0.624, message 0.759; see docs/quotes.md).
SPKATT_CUE_F1_FLOOR = 0.62
SPKATT_SPEAKER_F1_FLOOR = 0.60
SPKATT_MESSAGE_F1_FLOOR = 0.74


@pytest.mark.slow
def test_quotes_spkatt_held_out_scores_above_floors(shared_data: Path, tmp_path: Path) -> None:
    import runpy

    bench = Path(__file__).resolve().parents[2] / "bench" / "eval_quotes.py"
    out = tmp_path / "scores.json"
    main = runpy.run_path(str(bench))["main"]
    assert main(["--shared", str(shared_data.parent), "--split", "test", "--json", str(out)]) == 0
    scores = json.loads(out.read_text(encoding="utf-8"))
    assert scores["cue"]["token_f1"] >= SPKATT_CUE_F1_FLOOR
    assert scores["speaker"]["token_f1"] >= SPKATT_SPEAKER_F1_FLOOR
    assert scores["message"]["token_f1"] >= SPKATT_MESSAGE_F1_FLOOR


# ---------------------------------------------------------------- span conventions (SpkAtt)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an apposition belongs to the speaker, on either side of the name
        (
            "Der Leiter des Programms, Klaus Stöhr, sagte, das Land besitze Impfstoff.",
            "Der Leiter des Programms, Klaus Stöhr",
        ),
        (
            "Houcine Abassi, der Generalsekretär des Verbandes, sagte, der Streik gehe weiter.",
            "Houcine Abassi, der Generalsekretär des Verbandes",
        ),
        # a source opening the sentence runs up to the finite verb
        (
            "Nach Angaben der Polizei in Berlin wurden drei Menschen festgenommen.",
            "Angaben der Polizei in Berlin",
        ),
        # the object after the verb is no speaker; the focus particle is no part of it
        (
            "Auch das Außenministerium der Vereinigten Staaten kritisierte den Anschlag als "
            "barbarische Tat.",
            "das Außenministerium der Vereinigten Staaten",
        ),
        # a nominative pronoun after the verb is the subject; the field before is an object
        ("Der Regierung schlug er vor, die Steuern zu senken.", "er"),
        # a lower-case particle glued to a name belongs to it
        (
            "Der Direktor der Behörde, Mohammed el-Baradei, sagte, das Land besitze Atomwaffen.",
            "Der Direktor der Behörde, Mohammed el-Baradei",
        ),
        # coordinated speakers, and a number inside a name
        (
            "Jan Giesel und David Perteck sagten, die Partei sei am Ende.",
            "Jan Giesel und David Perteck",
        ),
        (
            "Der Sportchef von Bayer 04 Leverkusen sagte, der Sieg sei verdient.",
            "Der Sportchef von Bayer 04 Leverkusen",
        ),
        # a count after a source is no part of its name
        (
            "Bei dem Erdrutsch starben laut der Agentur Reuters 120 Menschen.",
            "der Agentur Reuters",
        ),
        # an age or size before the noun is an adjective ("85-jährige")
        ("Der 85-jährige Bischof sagte, er sei müde.", "Der 85-jährige Bischof"),
        # a name in quotation marks after its noun belongs to the speaker
        (
            "Wie die Wochenzeitung „Die Zeit“ berichtete, sei der Plan gescheitert.",
            "die Wochenzeitung „Die Zeit“",
        ),
        # an apposition keeps its prepositional attribute
        (
            "Die Lage sei ernst, so Anna Berger, Leiterin der Abteilung Verkehr bei der Stadt.",
            "Anna Berger, Leiterin der Abteilung Verkehr bei der Stadt",
        ),
        # a modal verb before a source phrase is no adjective of it
        ("Die Ursache dürfte ersten Annahmen zufolge der Schnee gewesen sein.", "ersten Annahmen"),
        # "nach" after its source noun
        ("Seiner Ansicht nach ist die Lage im Land ernst.", "Seiner Ansicht"),
        # an adverb or adjective alone before the verb is no subject; it follows the verb
        (
            "Besorgt äußerte sich die Ministerin, die Lage an der Grenze sei angespannt.",
            "die Ministerin",
        ),
        (
            "Insbesondere kritisierte der Verband, die Gebühren seien zu hoch.",
            "der Verband",
        ),
        # a noun behind a lower-case prefix is no adjective that runs on into the clause
        ("In der Region gibt es laut ai-Bericht eine hohe Dunkelziffer.", "ai-Bericht"),
        # a fronted subject keeps its prepositional attribute before the apposition
        (
            "Der Vorsitzende im Stadtrat, Jonas Keller, hatte Meier aufgefordert, zurückzutreten.",
            "Der Vorsitzende im Stadtrat, Jonas Keller",
        ),
        # a phrase never ends on a preposition cut from its attribute
        (
            "Die Initiatoren der Woche, unter ihnen neben der Stadt auch Verlage und "
            "Buchhändlervereinigungen, betonen, wie wichtig es sei, den Zugang zu sichern.",
            "Die Initiatoren der Woche",
        ),
        # "In X steht, dass …": the document is the source
        (
            "In einem Jahresbericht des Ministeriums steht, dass die meisten Fälle gelöst seien.",
            "einem Jahresbericht des Ministeriums",
        ),
        # an article after a noun opens the next phrase, not a name particle ("von der")
        ("Auch wirft der Bericht den Behörden vor, Opfer zu diskriminieren.", "der Bericht"),
        ("Auch wirft der ai-Bericht den Behörden vor, Opfer zu diskriminieren.", "der ai-Bericht"),
        ("Ursula von der Leyen sagte, die Lage sei ernst.", "Ursula von der Leyen"),
        # an uninflected word grading the adjective belongs to the phrase
        (
            "Die international anerkannte Regierung hat die Verbündeten aufgefordert, zu helfen.",
            "Die international anerkannte Regierung",
        ),
        # a conjunction opening the clause is no part of the subject after it
        (
            "Doch die Gewerkschaften kritisierten, die Maßnahmen seien rein kosmetisch.",
            "die Gewerkschaften",
        ),
        # ", so heißt es in X": the phrase is the source, not "es"
        (
            "Die Kosten sollen sinken, so heißt es in einer Erklärung des Betriebsrates.",
            "einer Erklärung des Betriebsrates",
        ),
        # a pronoun before the verb is its subject, the phrase after it the addressee
        ("Es warf der Regierung des Landes vor, einen Anschlag geplant zu haben.", "Es"),
        # a surname that is also a verb form stays the subject
        ("Gall sagte, die Polizei sei vorbereitet.", "Gall"),
        # a "von" phrase with its article is an attribute of the source
        (
            "Die Lage sei laut Hauptmann Udo Berner von der Marineinfanterie stabil.",
            "Hauptmann Udo Berner von der Marineinfanterie",
        ),
        # an apposition opened by an article is no relative clause
        (
            "Jan Kessler, der Dekan der Fakultät und Vorsitzende des Ausschusses, "
            "hatte mitgeteilt, dass die Prüfung laufe.",
            "Jan Kessler, der Dekan der Fakultät und Vorsitzende des Ausschusses",
        ),
        # a name, a comma and its apposition without a closing comma
        (
            "Rob Malten, Sekretär des Vereins sagte, alle hätten sich versöhnt.",
            "Rob Malten, Sekretär des Vereins",
        ),
        # a present participle opening the sentence is an adverbial, not the subject
        ("Relativierend fügte Tolber hinzu: „Das ist nicht alles.“", "Tolber"),
        (
            "Passend zu den Gefahren des Eises warnte die Moderatorin eines Senders: "
            "„Auf dem Eis kann es glatt sein.“",
            "die Moderatorin eines Senders",
        ),
        # a sentence-opening source keeps its attributes and apposition before the verb
        (
            "Nach Angaben eines Sprechers der Polizei im Bezirk, Hans Tolu, wurden drei "
            "Menschen verletzt.",
            "Angaben eines Sprechers der Polizei im Bezirk, Hans Tolu",
        ),
        (
            "Nach Aussagen eines Mitarbeiters des Roten Kreuzes sowie anderer Augenzeugen "
            "wurden drei Menschen verletzt.",
            "Aussagen eines Mitarbeiters des Roten Kreuzes sowie anderer Augenzeugen",
        ),
        # an apposition closed by the colon that opens the quotation
        (
            "Dann sagte Lea Marten, die Gründerin der Band: „Wir spielen weiter.“",
            "Lea Marten, die Gründerin der Band",
        ),
    ],
)
def test_quotes_speaker_spans_follow_annotation_convention(nlp, text, speaker) -> None:
    quotes = run(nlp, text)
    assert quotes, text
    q = quotes[0]
    assert text[q.speaker_start : q.speaker_end] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "wie X in Y mitteilte": the place belongs to the source, the time does not
        (
            "Wie die Provinzregierung in Helmand mitteilte, wurden alle Opfer geborgen.",
            "die Provinzregierung in Helmand",
        ),
        (
            "Wie die Provinzregierung am Montag mitteilte, wurden alle Opfer geborgen.",
            "die Provinzregierung",
        ),
        # "Dem Vernehmen nach": a source noun before a postposed "nach"
        ("Dem Vernehmen nach soll der Vorsitzende im Amt bleiben.", "Dem Vernehmen"),
        # "nach" and a document or a plan
        (
            "Nach dem vorläufigen Endergebnis erreichte die Volkspartei 45 Prozent.",
            "dem vorläufigen Endergebnis",
        ),
        (
            "Nach Planungen der Behörde wird der Bau 78 Millionen Euro kosten.",
            "Planungen der Behörde",
        ),
        # a source named in quotation marks by its place, and web addresses as names
        (
            "Laut „nordland.de“ gehören auch Posten zu den Forderungen der Rebellen.",
            "„nordland.de“",
        ),
        (
            "Wie die „Aktion Nordland hilft“ heute mitteilte, werde Hilfe geleistet.",
            "die „Aktion Nordland hilft“",
        ),
        ("Wie nordland-online.de berichtet, ist der Trailer erschienen.", "nordland-online.de"),
        ("Laut der Website nordland.de sei das Treffen abgesagt.", "der Website nordland.de"),
        # a verb after "und" shares the subject opening the sentence; the phrase after
        # it is its object
        (
            "Er lobte die Proteste und forderte die Opposition dazu auf, Ruhe zu bewahren.",
            "Er",
        ),
        # the agent of a passive cue is no attribute of its subject
        ("„Wir wollen Frieden“, wurde der General von der Agentur zitiert.", "der General"),
        # "X zufolge" after the verb: the verb is no adjective of the source
        ("Die Milizen gewinnen Medienberichten zufolge an Einfluss im Land.", "Medienberichten"),
        # "zufolge" takes a dative: "die" opens the subject before the source
        (
            "Nun ermittelt die Staatsanwaltschaft Medienberichten zufolge gegen den Chef.",
            "Medienberichten",
        ),
        ("Die seiner Ansicht nach fragwürdige Rolle der Bank ist bekannt.", "seiner Ansicht"),
        (
            "Das Team kam der Meldung zufolge erst am Abend in der Klinik an.",
            "der Meldung",
        ),
        # a preposition or a pronominal adverb before the verb opens no subject
        (
            "Bezüglich des Startortes meldet die Agentur, die Maschine sei in Nordstadt gestartet.",
            "die Agentur",
        ),
        ("Darüber hinaus warf der Verband den Behörden vor, Absprachen gebrochen zu haben.",
         "der Verband"),
    ],
)  # fmt: skip
def test_quotes_rule_speaker_spans_without_tagger(rules_nlp, text, speaker) -> None:
    q = run(rules_nlp, text)[-1]
    assert text[q.speaker_start : q.speaker_end] == speaker


@pytest.mark.parametrize(
    ("text", "form", "message", "cue", "speaker"),
    [
        # "hervorgehen": the "aus" phrase names the document
        (
            "Wie aus einer Mitteilung der Schutztruppe hervorgeht, wurden fünf Zivilisten getötet.",
            "Indirect", "wurden fünf Zivilisten getötet", "Wie hervorgeht",
            "einer Mitteilung der Schutztruppe",
        ),
        (
            "Aus dem Bericht der Kommission geht hervor, dass die Lage ernst ist.",
            "Indirect", "dass die Lage ernst ist", "geht hervor", "dem Bericht der Kommission",
        ),
        # "Dies geht aus X hervor.": the sentence before is the report
        (
            "Die Firma plant einen Umzug nach Lüttich. Dies geht aus einer Mitteilung der "
            "Firma hervor.",
            "Indirect", "Die Firma plant einen Umzug nach Lüttich. Dies", "geht hervor",
            "einer Mitteilung der Firma",
        ),
        # a separable particle written apart, or after an apposition
        (
            "Wie die Bank am Morgen bekannt gab, wird sie den Konkurrenten übernehmen.",
            "Indirect", "wird sie den Konkurrenten übernehmen", "Wie bekannt gab", "die Bank",
        ),
        (
            "Die Gruppe hat in einer Stellungnahme bekannt gegeben, dass keine Gefahr bestehe.",
            "Indirect", "dass keine Gefahr bestehe", "hat bekannt gegeben", "Die Gruppe",
        ),
        (
            "Nun gab der Leiter der Wache, Jan Kessler, bekannt, dass das Boot gefunden sei.",
            "Indirect", "dass das Boot gefunden sei", "gab bekannt",
            "der Leiter der Wache, Jan Kessler",
        ),
        # "wie X, APPOSITION, mitteilte": the speaker runs through the apposition
        (
            "Wie die Ministerin von Nordland, Anna Berger, erklärte, habe sie Hilfe geschickt.",
            "Indirect", "habe sie Hilfe geschickt", "Wie erklärte",
            "die Ministerin von Nordland, Anna Berger",
        ),
        (
            "Wie Jan Kessler, Sprecher der Behörde, in Lüttich mitteilte, fehlen Hubschrauber.",
            "Indirect", "fehlen Hubschrauber", "Wie mitteilte", "Jan Kessler, Sprecher der Behörde",
        ),
        (
            "Der Tank stand unter Druck, wie Jan Kessler, Chef der Firma, mitteilte.",
            "Indirect", "Der Tank stand unter Druck", "wie mitteilte",
            "Jan Kessler, Chef der Firma",
        ),
        # a quoted judgement after "als" takes the verb that closes its clause
        (
            "Seine Werke werden von Kritikern als „Meilensteine der Musik“ bezeichnet.",
            "Direct", "Meilensteine der Musik", "werden bezeichnet", "Kritikern",
        ),
        # "hält es für möglich, dass …": an opinion
        (
            "Beobachter halten es für unwahrscheinlich, dass das Gericht so entscheidet.",
            "Indirect", "dass das Gericht so entscheidet", "halten", "Beobachter",
        ),
        # a focus particle before a subject with its apposition is not part of it
        (
            "Auch die Leiterin der Delegation, Anna Berger, sagte, man habe viel erreicht.",
            "Indirect", "man habe viel erreicht", "sagte",
            "die Leiterin der Delegation, Anna Berger",
        ),
        (
            "Auch die Leiterin der Delegation, Anna Berger, sagte: „Wir haben viel erreicht.“",
            "Direct", "Wir haben viel erreicht.", "sagte",
            "die Leiterin der Delegation, Anna Berger",
        ),
        (
            "Der Unternehmer rief vor den Demonstranten aus: „Die Regierung ist gescheitert!“",
            "Direct", "Die Regierung ist gescheitert!", "rief aus", "Der Unternehmer",
        ),
        # "erinnerte sich" after a quotation recalls what was said
        (
            "„Die Kollegen hielten uns für verrückt“, erinnerte sich die Ärztin später.",
            "Direct", "Die Kollegen hielten uns für verrückt", "erinnerte", "die Ärztin",
        ),
        # verbs of judging report with "als" (a quoted judgement or a clause)
        (
            "Die Ministerin wies dies am Rande einer Tagung als „Unverschämtheit“ zurück.",
            "Direct", "Unverschämtheit", "wies zurück", "Die Ministerin",
        ),
        (
            "Die Partei feierte die Absage als „großen Erfolg“.",
            "Direct", "großen Erfolg", "feierte", "Die Partei",
        ),
        (
            "Die Befürworter betrachten es als wichtiger, dass der Kandidat die Partei vertritt.",
            "Indirect", "dass der Kandidat die Partei vertritt", "betrachten", "Die Befürworter",
        ),
        # requests and promises with an infinitive clause
        (
            "Der Bischof hat den Papst gebeten, seine Ernennung zurückzunehmen.",
            "Indirect", "seine Ernennung zurückzunehmen", "hat gebeten", "Der Bischof",
        ),
        (
            "Der Investor hatte zugesagt, nicht über den Bau bestimmen zu wollen.",
            "Indirect", "nicht über den Bau bestimmen zu wollen", "hatte zugesagt",
            "Der Investor",
        ),
        # an infinitive clause after a participle cue, its comma left out
        (
            "Die Firma hat angekündigt die Preise ab Oktober zu erhöhen.",
            "Indirect", "die Preise ab Oktober zu erhöhen", "hat angekündigt", "Die Firma",
        ),
        (
            "Kessler hat am Montag angekündigt ihr Mandat niederzulegen.",
            "Indirect", "ihr Mandat niederzulegen", "hat angekündigt", "Kessler",
        ),
        # reflexive verbs of stance: agreeing, showing oneself, invoking
        (
            "Die Regierung und die Rebellen einigten sich darauf, dass die Bewohner die Stadt "
            "verlassen können.",
            "Indirect", "dass die Bewohner die Stadt verlassen können", "einigten",
            "Die Regierung und die Rebellen",
        ),
        (
            "In der Zeitung zeigte sich der Trainer zufrieden: „Wir haben gut gespielt.“",
            "Direct", "Wir haben gut gespielt.", "zeigte", "der Trainer",
        ),
        (
            "Die Bank beruft sich darauf, dass die Freigabe rechtens sei.",
            "Indirect", "dass die Freigabe rechtens sei", "beruft", "Die Bank",
        ),
        # ", das teilte X mit.": the clause before the back-reference is the report
        (
            "Die Kamera des Teleskops ist ausgefallen, das teilte die Behörde mit.",
            "Indirect", "Die Kamera des Teleskops ist ausgefallen, das", "teilte mit",
            "die Behörde",
        ),
        # short quoted words after a noun name it; a quoted slogan with an article quotes
        (
            "Jan Kessler berichtete im Fachmagazin „Science“, es sei wenig Material gefunden "
            "worden.",
            "Indirect", "es sei wenig Material gefunden worden", "berichtete", "Jan Kessler",
        ),
        (
            "Die Organisation „Reporter ohne Grenzen“ weist darauf hin, dass die Lage "
            "schwieriger werde.",
            "Indirect", "dass die Lage schwieriger werde", "weist hin",
            "Die Organisation „Reporter ohne Grenzen“",
        ),
        (
            "Die Demonstranten riefen Parolen wie „Stoppt den Krieg“.",
            "Direct", "Stoppt den Krieg", "riefen", "Die Demonstranten",
        ),
        # the reading whose particle closes the clause: "aufrufen", not "rufen"
        (
            "Der Rat rief die Staaten auf, die Grenzen zu öffnen.",
            "Indirect", "die Grenzen zu öffnen", "rief auf", "Der Rat",
        ),
        # "geht von … aus" states an assumption as "geht davon aus, dass …" does
        (
            "Die Ermittler gehen von einem Anschlag aus.",
            "Reported", "Die Ermittler gehen von einem Anschlag aus", "gehen aus", "Die Ermittler",
        ),
        # proposals are reported speech too
        (
            "Zudem regte ein Sprecher der Union eine Konferenz zu den Vorfällen an.",
            "Reported", "Zudem regte ein Sprecher der Union eine Konferenz zu den Vorfällen an",
            "regte an", "ein Sprecher der Union",
        ),
        (
            "Die Ministerin erwog eine Entschädigung der Landwirte.",
            "Reported", "Die Ministerin erwog eine Entschädigung der Landwirte", "erwog",
            "Die Ministerin",
        ),
        # a passive that names its agent reports like the active verb
        (
            "Von der Opposition wurde der Besuch als unangemessen kritisiert.",
            "Reported", "Von der Opposition wurde der Besuch als unangemessen kritisiert",
            "wurde kritisiert", "der Opposition",
        ),
        (
            "Die Pläne wurden von den Grünen als unrealistisch bezeichnet.",
            "Reported", "Die Pläne wurden von den Grünen als unrealistisch bezeichnet",
            "wurden bezeichnet", "den Grünen",
        ),
    ],
)  # fmt: skip
def test_quotes_single_report_reads_form_message_cue_and_speaker(
    rules_nlp, text, form, message, cue, speaker
) -> None:
    [q] = run(rules_nlp, text)
    assert (q.form, q.text, q.cue) == (form, message, cue)
    assert text[q.speaker_start : q.speaker_end] == speaker


def test_quotes_source_phrase_inside_a_verb_report_opens_no_report(rules_nlp) -> None:
    text = "Der Direktor erklärte, Nordland besitze seiner Meinung nach sechs Raketen."
    [q] = run(rules_nlp, text)
    assert text[q.speaker_start : q.speaker_end] == "Der Direktor"
    assert q.text == "Nordland besitze seiner Meinung nach sechs Raketen"


def test_quotes_speaker_runs_to_the_end_of_the_body_it_names(nlp) -> None:
    text = "Wie die Polizei in Quito mitteilte, wurden drei Menschen festgenommen."
    body = {"text": "Polizei in Quito", "kind": "ORG", "actor_id": "body:ECU:police"}
    [q] = run(nlp, text, [body])
    assert text[q.speaker_start : q.speaker_end] == "die Polizei in Quito"
    assert q.speaker_actor_id == "body:ECU:police"


def test_quotes_speaker_is_the_apposed_person_not_the_one_in_the_role(nlp) -> None:
    text = "Das sei falsch, sagte der Sprecher von Präsident Aldo Brenner, Timo Kessler, am Montag."
    people = [
        {"text": "Aldo Brenner", "kind": "PER", "actor_id": "per:aldo_brenner"},
        {"text": "Timo Kessler", "kind": "PER", "actor_id": "per:timo_kessler"},
    ]
    [q] = run(nlp, text, people)
    assert q.speaker_actor_id == "per:timo_kessler"


def test_quotes_quoted_name_after_cue_is_no_quote(nlp) -> None:
    text = "Der Minister sagte der „Berliner Zeitung“, die Reform komme im Herbst."
    quotes = run(nlp, text)
    assert [q.text for q in quotes] == ["die Reform komme im Herbst"]
    q = quotes[0]
    assert q.form == "Indirect"
    assert text[q.speaker_start : q.speaker_end] == "Der Minister"


def test_quotes_role_between_two_names_keeps_one_speaker(nlp) -> None:
    text = "„Das lag hier nicht vor“, sagte Schalkes Trainer Felix Magath."
    mentions = [{"text": "Schalkes", "kind": "PER"}, {"text": "Felix Magath", "kind": "PER"}]
    q = run(nlp, text, mentions)[0]
    assert text[q.speaker_start : q.speaker_end] == "Schalkes Trainer Felix Magath"
    assert q.addressee is None


def test_quotes_reported_speech_verbs_by_use(nlp) -> None:
    found = run(nlp, "Die Gewerkschaft bemängelte die Pläne der Regierung.")
    assert [(q.form, q.cue) for q in found] == [("Reported", "bemängelte")]
    # confirming a fact is no reported speech
    assert not run(nlp, "Der Minister bestätigte den Tod des Soldaten.")
    # a preposition and a pronoun before a finite verb: no attributive participle
    found = run(nlp, "Für sie fordert Richter Tom Berg ebenfalls fünfjährige Sperren.")
    assert [(q.form, q.speaker_text) for q in found] == [("Reported", "Richter Tom Berg")]


def test_quotes_inserted_cue_after_apposed_subject_is_no_trailing_cue(nlp) -> None:
    text = "Frank Berger, Vorsitzender des Verbandes, sagte angesichts der Lage, es sei unfassbar."
    quotes = run(nlp, text)
    assert len(quotes) == 1
    q = quotes[0]
    assert q.text == "es sei unfassbar"
    assert text[q.speaker_start : q.speaker_end] == "Frank Berger, Vorsitzender des Verbandes"


def test_quotes_subject_before_its_apposition_runs_through_a_name_read_in_part(
    rules_nlp,
) -> None:
    # the noun phrase stops inside the party's name ("von Bündnis 90/Die Linken"); the
    # mention carries it to the apposition's comma, so the verb is the subject's own
    text = "Die Finanzexpertin von Bündnis 90/Die Linken, Ella Sommer, kritisierte die Pläne."
    mentions = [
        {"text": "Bündnis 90/Die Linken", "kind": "ORG", "actor_id": "org:b90"},
        {"text": "Ella Sommer", "kind": "PER", "actor_id": "per:sommer"},
    ]
    [q] = run(rules_nlp, text, mentions)
    assert text[q.speaker_start : q.speaker_end] == (
        "Die Finanzexpertin von Bündnis 90/Die Linken, Ella Sommer"
    )
    assert (q.form, q.cue) == ("Reported", "kritisierte")


def test_quotes_clause_after_a_second_joined_verb_of_saying_is_its_report(rules_nlp) -> None:
    text = "Die Ministerin nannte die Pläne unsozial und forderte den Rat auf, sie zurückzunehmen."
    first, second = run(rules_nlp, text)
    assert (first.form, first.cue, first.text) == (
        "Reported",
        "nannte",
        "Die Ministerin nannte die Pläne unsozial",
    )
    assert (second.form, second.cue) == ("Indirect", "forderte auf")
    assert second.text == "sie zurückzunehmen"
    assert first.speaker_text == second.speaker_text == "Die Ministerin"


def test_quotes_date_in_apposition_neither_ends_the_cue_clause_nor_opens_the_report(
    rules_nlp,
) -> None:
    text = "Die Behörde gab am Montag, dem 3. Mai, die Schließung des Lagers bekannt."
    [q] = run(rules_nlp, text)
    assert (q.form, q.cue, q.speaker_text) == ("Reported", "gab bekannt", "Die Behörde")
    text = "Der Bürgermeister sagte am Freitag, dem 7. Juni 2024, die Brücke sei sicher."
    [q] = run(rules_nlp, text)
    assert (q.text, q.speaker_text) == ("die Brücke sei sicher", "Der Bürgermeister")


def test_quotes_so_source_between_dashes_or_with_where_it_was_said(rules_nlp) -> None:
    text = "Der Verein plane – so die Anklage – den Verkauf der Grundstücke."
    [q] = run(rules_nlp, text)
    assert (q.cue, q.speaker_text) == ("so", "die Anklage")
    text = "Das Projekt sei, so die Architektin Eva Roth in einem Interview, gescheitert."
    [q] = run(rules_nlp, text)
    assert (q.cue, q.speaker_text) == ("so", "die Architektin Eva Roth")  # the place is no cue
    # a source inside the phrases is a source of its own ("laut"): it reports here
    text = "Die Lage sei, so die Regierung laut der Agentur Nord, unverändert ernst."
    assert [(q.cue, q.speaker_text) for q in run(rules_nlp, text)] == [("laut", "der Agentur Nord")]


def test_quotes_particle_after_a_relative_clause_or_an_apposition_closes_the_cue(
    rules_nlp,
) -> None:
    text = "Nun gab die Polizei, die seit Wochen ermittelt, bekannt, dass der Täter gefasst sei."
    [q] = run(rules_nlp, text)
    assert (q.cue, q.speaker_text, q.text) == (
        "gab bekannt",
        "die Polizei",
        "dass der Täter gefasst sei",
    )
    text = "Der Umsatz sei gestiegen, teilte der Konzern heute, Freitag, in Linz mit."
    [q] = run(rules_nlp, text)
    assert (q.cue, q.speaker_text) == ("teilte mit", "der Konzern")
    assert q.text == "Der Umsatz sei gestiegen"


def test_quotes_nouns_and_adjectives_ending_like_konjunktiv_continue_no_report(
    rules_nlp,
) -> None:
    # "Teile" opening the sentence and "weiche" between adjectives end like "teile",
    # "weiche" of "teilen", "weichen": neither continues the report before
    text = "Der Minister sagte, die Lage sei ernst. Teile der Stadt lagen im Dunkeln."
    assert [q.text for q in run(rules_nlp, text)] == ["die Lage sei ernst"]
    text = "Die Sängerin sagte, sie sei bereit. Durch ihre warme weiche Stimme schafft sie es."
    assert [q.text for q in run(rules_nlp, text)] == ["sie sei bereit"]
    # a form the lexicon lists still opens a continued report
    text = "Der Minister sagte, die Lage sei ernst. Sei es doch nicht gelungen, Strom zu liefern."
    assert [q.text for q in run(rules_nlp, text)][1].startswith("Sei es doch")


def test_quotes_comma_inside_brackets_breaks_no_clause(rules_nlp) -> None:
    text = "Der Gesandte sprach für alle Länder (Nordland, Südland) und betonte, dass es eile."
    quotes = run(rules_nlp, text)
    assert [(q.cue, q.text) for q in quotes] == [
        ("sprach", "Der Gesandte sprach für alle Länder (Nordland, Südland)"),
        ("betonte", "dass es eile"),
    ]
    assert {q.speaker_text for q in quotes} == {"Der Gesandte"}
    # a bracket that never closes hides no comma
    [q] = run(rules_nlp, "Der Gesandte sagte (am Montag, die Lage sei ernst.")
    assert q.text == "die Lage sei ernst"


def test_quotes_demonstrative_alone_is_the_subject_a_second_verb_shares(rules_nlp) -> None:
    text = "Der Rat tagte. Dieser sprach für alle Länder und betonte, dass es eile."
    assert [(q.cue, q.speaker_text) for q in run(rules_nlp, text)][-1] == ("betonte", "Dieser")
    # before a noun the demonstrative is an article: "Diese internen Prüfer" is the phrase
    text = "Diese internen Prüfer sind streng und betonen, dass es eile."
    assert [q.speaker_text for q in run(rules_nlp, text)] == ["Diese internen Prüfer"]


def test_quotes_demonstrative_takes_previous_sentence_as_message(nlp) -> None:
    text = "Die Enten waren mit dem Virus infiziert. Das erklärte gestern ein Sprecher des Amtes."
    quotes = run(nlp, text)
    assert len(quotes) == 1
    q = quotes[0]
    assert q.text.startswith("Die Enten waren mit dem Virus infiziert")
    assert q.text.endswith("Das")
    assert text[q.speaker_start : q.speaker_end] == "ein Sprecher des Amtes"
    assert q.cue == "erklärte"


@pytest.mark.parametrize(
    "text",
    [
        "Die Reform ist nur eine Umbenennung – das meint Lena Vogt vom Stadtrat.",
        "Die Reform ist nur eine Umbenennung – das zumindest meint Lena Vogt vom Stadtrat.",
        "Die Reform ist nur eine Umbenennung, das sagt Lena Vogt vom Stadtrat.",
    ],
)
def test_quotes_demonstrative_after_a_dash_reports_the_clause_before(rules_nlp, text) -> None:
    [q] = run(rules_nlp, text)
    assert q.text.startswith("Die Reform ist nur eine Umbenennung")
    assert q.speaker_text == "Lena Vogt vom Stadtrat"
    assert q.cue in {"meint", "sagt"}


def test_quotes_participle_between_article_and_noun_stays_an_adjective(rules_nlp) -> None:
    assert run(rules_nlp, "Die Reform kommt, das erklärte Ziel ist eine Umbenennung.") == []
    assert run(rules_nlp, "Die Reform kommt – das oft erklärte Ziel ist eine Umbenennung.") == []


def test_quotes_colon_hands_the_quotation_to_the_subject_after_the_lead_ins_verb(
    rules_nlp,
) -> None:
    vogt = {"text": "Lena Vogt", "kind": "PER", "actor_id": "per:lena_vogt"}
    text = "Hier sparte Lena Vogt nicht mit Kritik: „Wer zu spät kommt, hat schon verloren.“"
    [q] = run(rules_nlp, text, [vogt])
    assert (q.speaker_text, q.text) == ("Lena Vogt", "Wer zu spät kommt, hat schon verloren.")
    # a short quotation after such a verb is a title, not a statement
    text = "Am Abend stellte Lena Vogt dann ihr Buch vor: „Ein guter Tag“"
    assert [q.speaker_text for q in run(rules_nlp, text, [vogt])] == []
    # a subordinate clause before the colon has no subject that speaks
    text = "Unklar blieb, warum Lena Vogt sich entschied: „Wir gehen nun alle nach Hause.“"
    assert "Lena Vogt" not in [q.speaker_text for q in run(rules_nlp, text, [vogt])]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Diese Woche sagte der Minister, die Lage sei ernst.", "der Minister"),
        ("Vergangenen Montag erklärte Lena Vogt, man werde prüfen.", "Lena Vogt"),
        ("Ende April hatte das Duo angekündigt, nicht weiterzumachen.", "das Duo"),
        # a phrase of time is no speaker only where it heads the field
        ("Die Woche der Vielfalt erklärte, sie werde wachsen.", "Die Woche der Vielfalt"),
        ("Der Sprecher der Woche erklärte, sie werde wachsen.", "Der Sprecher der Woche"),
        ("Star der Woche erklärte, sie werde wachsen.", "Star der Woche"),
    ],
)
def test_quotes_time_phrase_before_the_verb_is_no_subject(rules_nlp, text, speaker) -> None:
    [q] = run(rules_nlp, text)
    assert q.speaker_text == speaker


def test_quotes_call_to_speak_together_has_no_speaker(rules_nlp) -> None:
    assert run(rules_nlp, "Lasst uns gemeinsam sagen, dass wir dagegen sind.") == []
    # the same words reported are a message
    [q] = run(rules_nlp, "Lena Vogt sagte, lasst uns gemeinsam gehen.")
    assert (q.speaker_text, q.text) == ("Lena Vogt", "lasst uns gemeinsam gehen")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Er und seine Frau erklärten, sie würden klagen.", "Er und seine Frau"),
        ("Er sowie Jan Kessler befürchten, dass es zu spät sei.", "Er sowie Jan Kessler"),
        (
            "Sowohl die Behörde als auch das Militär kündigten an, sie würden prüfen.",
            "Sowohl die Behörde als auch das Militär",
        ),
    ],
)
def test_quotes_coordinated_subjects_speak_together(rules_nlp, text, speaker) -> None:
    [q] = run(rules_nlp, text)
    assert q.speaker_text == speaker


def test_quotes_generic_man_names_no_speaker(rules_nlp) -> None:
    vogt = {"text": "Lena Vogt", "kind": "PER", "actor_id": "per:lena_vogt"}
    text = "Lena Vogt kam spät. Im Rathaus erklärte man, die Sitzung sei verschoben."
    [q] = run(rules_nlp, text, [vogt])
    assert q.text == "die Sitzung sei verschoben"
    assert (q.speaker_text, q.speaker_start, q.speaker_actor_id) == (None, None, None)
    # in Konjunktiv I right after a report, "man" is the side that reports
    text = (
        "Das Ministerium teilte mit, die Gespräche seien gut verlaufen. "
        "Man habe sich darauf geeinigt, die Zusammenarbeit auszubauen."
    )
    first, second = run(rules_nlp, text)
    assert second.text == "die Zusammenarbeit auszubauen"
    assert second.speaker_text == first.speaker_text == "Das Ministerium"


def test_quotes_participle_takes_its_auxiliary_across_an_apposition(rules_nlp) -> None:
    text = "Gestern hatte der Sprecher, Jan Kessler, erklärt, die Lage sei ernst."
    [q] = run(rules_nlp, text)
    assert (q.speaker_text, q.cue, q.text) == (
        "der Sprecher, Jan Kessler",
        "hatte erklärt",
        "die Lage sei ernst",
    )
    # a clause between the commas has a verb of its own: the participle's clause stays short
    text = "Gestern hatte der Sprecher, der lange schwieg, erklärt, die Lage sei ernst."
    assert [q.cue for q in run(rules_nlp, text)] != ["hatte erklärt"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Nachdem der Streit bekannt wurde, sagte Lena Vogt, sie gehe.", "sie gehe"),
        (
            "Nachdem der Streit bekannt wurde, hat Lena Vogt angekündigt, ihr Amt niederzulegen.",
            "ihr Amt niederzulegen",
        ),
        # a clause in Konjunktiv, or a verb after the cue's clause: one report around the cue
        (
            "Seit Beginn der Krise habe die Stadt viel getan, sagte Lena Vogt.",
            "Seit Beginn der Krise habe die Stadt viel getan",
        ),
        (
            "Wenn der Verein anfragte, sagte Lena Vogt, würden alle darüber nachdenken.",
            "Wenn der Verein anfragte, sagte Lena Vogt, würden alle darüber nachdenken",
        ),
        # the question or the occasion, and an infinitive clause saying why
        ("Auf die Frage, ob sie zurücktrete, sagte Lena Vogt, sie bleibe.", "sie bleibe"),
        ("Angesprochen auf die Vorwürfe, sagte Lena Vogt, sie bleibe.", "sie bleibe"),
        (
            "Um die Lage zu beruhigen, sagte Lena Vogt, es gebe keinen Grund zur Sorge.",
            "es gebe keinen Grund zur Sorge",
        ),
        # the same words as prepositions open a report
        (
            "Ohne Hilfe arbeiten die Lager unwirtschaftlich, sagte Lena Vogt.",
            "Ohne Hilfe arbeiten die Lager unwirtschaftlich",
        ),
        ("Die Frage sei offen, sagte Lena Vogt.", "Die Frage sei offen"),
        (
            "Ohne eine Lösung ist keine Besserung zu erwarten, sagte Lena Vogt.",
            "Ohne eine Lösung ist keine Besserung zu erwarten",
        ),
    ],
)
def test_quotes_frame_before_the_cue_is_not_what_was_said(rules_nlp, text, message) -> None:
    [q] = run(rules_nlp, text)
    assert (q.speaker_text, q.text) == ("Lena Vogt", message)


def test_quotes_relative_clause_on_a_closing_so_source_is_no_message(rules_nlp) -> None:
    [q] = run(rules_nlp, "Es sei ein Skandal, so Lena Vogt, die seit Jahren Kritik übt.")
    assert (q.speaker_text, q.text) == ("Lena Vogt", "Es sei ein Skandal")
    # a main clause after the source goes on with the report
    [q] = run(rules_nlp, "Es sei ein Skandal, so Lena Vogt, und die Stadt müsse handeln.")
    assert q.text.endswith("die Stadt müsse handeln")


def test_quotes_time_place_and_addressee_after_a_closing_speaker_are_no_message(
    rules_nlp,
) -> None:
    text = "Die Lage sei ernst, sagte der Sprecher, Jan Kessler, am Montag der Zeitung Nordpost."
    [q] = run(rules_nlp, text)
    assert (q.speaker_text, q.text) == ("der Sprecher, Jan Kessler", "Die Lage sei ernst")
    # a verb after the speaker goes on with the report
    [q] = run(rules_nlp, "Die Lage, sagte der Sprecher, sei ernst.")
    assert q.text == "Die Lage, sagte der Sprecher, sei ernst"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Es sei ein Skandal, sagte Lena Vogt, die seit Jahren Kritik übt.", "Es sei ein Skandal"),
        (
            "Es sei ein Skandal, sagte Lena Vogt am Montag, die seit Jahren Kritik übt.",
            "Es sei ein Skandal",
        ),
        # in Konjunktiv I the clause goes on with the report
        (
            "Es sei ein Skandal, sagte Lena Vogt, das gelte auch für die Stadt.",
            "Es sei ein Skandal, sagte Lena Vogt, das gelte auch für die Stadt",
        ),
    ],
)
def test_quotes_relative_clause_on_a_closing_speaker_is_no_message(
    rules_nlp, text, message
) -> None:
    [q] = run(rules_nlp, text)
    assert (q.speaker_text, q.text) == ("Lena Vogt", message)


def test_quotes_pronoun_goes_on_with_the_person_just_quoted(rules_nlp) -> None:
    # "Okonkwo" tells no gender; "Peter Kessler", named before him, is a man by his first name
    text = "Peter Kessler schüre den Streit, sagte Okonkwo. Er forderte, die Stadt müsse handeln."
    people = [
        {"text": "Peter Kessler", "kind": "PER", "actor_id": "per:peter_kessler"},
        {"text": "Okonkwo", "kind": "PER", "actor_id": "per:okonkwo"},
    ]
    first, second = run(rules_nlp, text, people)
    assert first.speaker_text == "Okonkwo"
    assert (second.speaker_text, second.speaker_actor_id) == ("Okonkwo", "per:okonkwo")
    # a sentence later the speaker is no longer the one just quoted
    text = text.replace(" Er forderte", " Der Streit dauert an. Er forderte")
    assert run(rules_nlp, text, people)[-1].speaker_text == "Peter Kessler"


def test_quotes_dative_after_a_bare_surname_is_the_addressee(rules_nlp) -> None:
    okonkwo = {"text": "Okonkwo", "kind": "PER", "actor_id": "per:okonkwo"}
    [q] = run(rules_nlp, "Die Lage sei ernst, sagte Okonkwo der Zeitung Nordpost.", [okonkwo])
    assert (q.speaker_text, q.speaker_start, q.speaker_end) == ("Okonkwo", 26, 33)
    # with a plural verb the word is a role with its genitive, whatever the mention says
    envoys = {"text": "Vertreter", "kind": "PER"}
    [q] = run(rules_nlp, "Die Lage sei ernst, sagten Vertreter der Armee.", [envoys])
    assert q.speaker_text == "Vertreter der Armee"


def test_quotes_split_cue_lists_all_words_from_first(nlp) -> None:
    text = "Wie die Polizei am Montag mitteilte, wurden drei Männer festgenommen."
    q = run(nlp, text)[0]
    assert q.cue == "Wie mitteilte"
    assert text[q.cue_start : q.cue_end] == "Wie"


def test_quotes_lead_in_without_a_cue_hands_the_quote_to_the_person_opening_it(nlp) -> None:
    text = "Das Urteil fiel. Jan Kessler sieht darin eine Bestätigung: „Wir hatten recht.“"
    kessler = {"text": "Jan Kessler", "kind": "PER", "actor_id": "per:jan_kessler"}
    [q] = run(nlp, text, [kessler])
    assert (q.form, q.text) == ("Direct", "Wir hatten recht.")
    assert q.speaker_actor_id == "per:jan_kessler"


@pytest.mark.parametrize(
    "text",
    [
        # the person is an attribute in the genitive
        "Das Urteil fiel am Montag. Die Rolle des Jan Kessler wird geprüft: „Wir hatten recht.“",
        # the person is an object after the verb
        "Das Urteil fiel am Montag. Die Lage schildert dem Jan Kessler keiner: „Wir hatten recht.“",
    ],
)
def test_quotes_lead_in_without_a_cue_needs_a_person_as_its_subject(rules_nlp, text) -> None:
    kessler = {"text": "Jan Kessler", "kind": "PER", "actor_id": "per:jan_kessler"}
    assert all(q.speaker_actor_id is None for q in run(rules_nlp, text, [kessler]))


def test_quotes_lead_in_without_a_cue_opened_by_an_object_goes_to_the_person_after_the_verb(
    rules_nlp,
) -> None:
    text = "Das Urteil fiel am Montag. Die Lage sieht Jan Kessler gelassen: „Wir hatten recht.“"
    kessler = {"text": "Jan Kessler", "kind": "PER", "actor_id": "per:jan_kessler"}
    [q] = run(rules_nlp, text, [kessler])
    assert (q.form, q.text) == ("Direct", "Wir hatten recht.")
    assert q.speaker_actor_id == "per:jan_kessler"


def test_quotes_lead_in_subject_keeps_an_age_in_apposition(rules_nlp) -> None:
    text = "Die Fähre sank. Die Fischerin Rita Ambe, 30, schilderte den Hergang: „Die See war rau.“"
    ambe = {"text": "Rita Ambe", "kind": "PER", "actor_id": "per:rita_ambe"}
    [q] = run(rules_nlp, text, [ambe])
    assert (q.text, q.speaker_text) == ("Die See war rau.", "Die Fischerin Rita Ambe, 30")


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Der für die Region zuständige Koordinator sagte, nur vier Boote seien im Einsatz.",
            "Der für die Region zuständige Koordinator",
        ),
        (
            "„Wir sind bereit“, schrieb die in Nordstadt geborene Sängerin.",
            "die in Nordstadt geborene Sängerin",
        ),
        (
            "Die das Unglück überlebende Fischerin sagte, die See sei rau gewesen.",
            "Die das Unglück überlebende Fischerin",
        ),
    ],
)
def test_quotes_speaker_with_an_extended_attribute_is_one_phrase(rules_nlp, text, speaker) -> None:
    assert [q.speaker_text for q in run(rules_nlp, text)] == [speaker]


def test_quotes_relative_clause_with_a_prepositional_phrase_is_no_speaker_phrase(rules_nlp) -> None:
    text = "Rosinenbomber nannte man Flugzeuge, die mittels einer Luftbrücke die Stadt versorgten."
    assert not [q for q in run(rules_nlp, text) if q.text.startswith("die mittels")]


def test_quotes_opening_demnach_names_the_subject_of_the_sentence_before(nlp) -> None:
    text = "Das Gericht in Nordstadt verkündete sein Urteil. Demnach ist der Angeklagte unschuldig."
    court = {"text": "Gericht in Nordstadt", "kind": "ORG", "actor_id": "body:nordstadt:court"}
    [q] = run(nlp, text, [court])
    assert (q.text, q.cue) == ("ist der Angeklagte unschuldig", "Demnach")
    assert text[q.speaker_start : q.speaker_end] == "Demnach"  # SpkAtt spans the adverb
    assert q.speaker_text == "Das Gericht in Nordstadt"
    assert q.speaker_actor_id == "body:nordstadt:court"


def test_quotes_opening_demnach_without_a_named_source_is_its_own_source(rules_nlp) -> None:
    [q] = run(rules_nlp, "Die Zahlen wurden korrigiert. Demnach starben acht Menschen.")
    assert (q.text, q.speaker_text) == ("starben acht Menschen", "Demnach")
    assert q.speaker_actor_id is None


def test_quotes_source_in_subordinate_clause_reports_that_clause(nlp) -> None:
    text = (
        "Die Hunde trafen verspätet ein, da nach Angaben der Fluggesellschaft die Genehmigung "
        "zu spät beantragt worden war."
    )
    q = run(nlp, text)[0]
    assert q.text.startswith("da nach Angaben")
    assert "Hunde" not in q.text


def test_quotes_cue_in_adverbial_clause_reports_up_to_the_main_clause(nlp) -> None:
    text = "Nachdem der Gouverneur erklärt hatte, die Brücke sei sicher, stiegen die Mautpreise."
    [q] = run(nlp, text)
    assert (q.text, q.speaker_text) == ("die Brücke sei sicher", "der Gouverneur")
    assert q.cue == "erklärt hatte"


def test_quotes_main_clause_after_adverbial_cue_clause_is_no_message(nlp) -> None:
    text = "Während die Gewerkschaft den Tarifvertrag lobte, kündigten die Arbeitgeber Klagen an."
    assert not [q for q in run(nlp, text) if q.text.startswith("kündigten")]


@pytest.mark.parametrize("pipeline", ["nlp", "rules_nlp"])
@pytest.mark.parametrize(
    "text",
    [
        "Zu den Plänen der Opposition, die seit Monaten verhandelt, äußerte sich die Chefin nicht.",
        "Ein Wetterumschwung kündigt sich an, die Temperaturen fallen in der Nacht deutlich.",
        "Die Regierung steht in der Kritik, weil sie die Steuern erhöht hat.",
        # "hervorgehen" needs its source, "halten" its "es … für" and a reported clause
        "Aus der Ehe ging ein Sohn hervor.",
        "Daraus geht hervor, dass die Lage ernst ist.",
        "Er hält es für seine Pflicht.",
        "Die Polizei hielt die Lage für ruhig, als die Demonstranten eintrafen.",
        # a passive without its agent, or whose "von" phrase is the topic; a call to act
        "Der Besuch wurde scharf kritisiert.",
        "Es wurde von schweren Schäden berichtet.",
        "Es wird von Brandstiftung ausgegangen.",
        "Der Rat rief die Bürger zur Ruhe auf.",
        # "zeigen" and "einigen" report only with "sich", verbs of judging only with "als"
        "Die Gäste feierten bis in die Nacht.",
        "Die Bilder zeigen, dass die Brücke zerstört ist.",
        # "bringen" reports only as "zum Ausdruck bringen"
        "Der Minister brachte die Gäste zum Flughafen, bevor die Sitzung begann.",
        # "fortfahren" goes on speaking only beside a quotation
        "Der Minister fuhr fort, die Akten zu prüfen.",
        # the comma continues a list of objects, not a reported clause
        "Damit meinte die Ministerin den Kampf gegen Schmuggel, Schleuserei und Korruption.",
        # a particle closing the clause makes another verb: acquit, telephone
        "Vom Vorwurf des Betrugs sprachen die Geschworenen den Kaufmann Tom Berger frei.",
        "Die Wache rief die Feuerwehr an, um den Brand in der Lagerhalle zu melden.",
        "Die Behörde klagt den Fahrer Tom Berg wegen Betrugs an.",
        # a ruling and a prison sentence are no speech
        "Das Urteil sprechen die Richter erst im kommenden März.",
        "Ein Gericht verurteilte den Blogger Max Hagen zu sieben Jahren Haft.",
        # a participle between an article with an adverb and its noun is an adjective
        "Mit dem Programm schließt sich eine oft beklagte Lücke im Angebot der Stadt.",
        # … or between a preposition with adverbs and its noun
        "Das Land unterstützt die Armee mit international scharf kritisierten Luftangriffen.",
        # "ergeben" reports only the clause it introduces ("ergab, dass …", "Wie … ergab")
        "Die Probleme ergeben sich durch lange Wartezeiten, durch fehlende Kurse und die Lage.",
        "Würden alle Abfälle verladen, ergibt allein der Transport eine Kolonne bis Bregenz.",
        "Gerade in seinen besten Zeiten stand die Frage im Raum: Wie lange wird das gutgehen?",
        # the sentence an accused faces is no threat
        "Jan Berger drohen 30 Jahre Haft wegen Verschwörung mit dem Ziel, Anschläge zu planen.",
        # "nach" a time: the source noun is not the head of the phrase
        "Das Gericht eröffnete nach Abschluss der Ermittlungen das Verfahren gegen ihn.",
    ],
)
def test_quotes_cue_verb_without_its_frame_reports_nothing(request, pipeline, text) -> None:
    """Negated, reflexive or frame-less uses of cue verbs: neither rules nor tagger report."""
    assert run(request.getfixturevalue(pipeline), text) == []


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Nach Meinung der Opposition ist der Haushalt nicht zu retten.", "Meinung der Opposition"),
        ("Nach Bergers Einschätzung ist der Haushalt nicht zu retten.", "Bergers Einschätzung"),
    ],
)
def test_quotes_source_noun_after_nach_heads_its_phrase(rules_nlp, text, speaker) -> None:
    [q] = run(rules_nlp, text)
    assert (q.speaker_text, q.text) == (speaker, "ist der Haushalt nicht zu retten")


def test_quotes_relative_clause_and_apposition_before_the_verb_keep_the_subject(nlp) -> None:
    text = (
        "Juan Ortega, der am Forum teilnimmt, dem jährlichen Treffen der Militärs, "
        "bekräftigte die Unterstützung Nordlands für die Initiative."
    )
    assert [q.speaker_text for q in run(nlp, text) if q.speaker_text != "Juan Ortega"] == []


def test_quotes_request_is_reported_and_continued(rules_nlp) -> None:
    text = (
        "Die Stadtwache bittet um Hinweise aus der Bevölkerung. "
        "Der Täter sei etwa 30 Jahre alt und trage eine Brille."
    )
    request, description = run(rules_nlp, text)
    assert (request.form, request.cue, request.speaker_text) == (
        "Reported", "bittet", "Die Stadtwache",
    )  # fmt: skip
    assert (description.form, description.speaker_text) == ("Indirect", "Die Stadtwache")


def test_quotes_konjunktiv_ii_of_a_strong_verb_continues_the_report(rules_nlp) -> None:
    text = (
        "Die Regierung von Nordland warnt vor weiteren Überschwemmungen. "
        "Die wichtigsten Dämme befänden sich an der Grenze ihrer Belastbarkeit."
    )
    continued = run(rules_nlp, text)[-1]
    assert continued.text.startswith("Die wichtigsten Dämme befänden")
    assert continued.speaker_text == "Die Regierung von Nordland"


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Am Abend sprach Karla Weiß von einer großen Koalition.", "Karla Weiß"),
        ("Dann berichtete der Reporter von Radio Nord von Schäden.", "der Reporter von Radio Nord"),
    ],
)
def test_quotes_topic_after_the_speaker_is_not_part_of_it(rules_nlp, text, speaker) -> None:
    [q] = run(rules_nlp, text)
    assert (q.form, q.speaker_text) == ("Reported", speaker)


def test_quotes_relative_clause_opened_by_a_preposition_is_no_message(rules_nlp) -> None:
    text = "Nordland kritisierte die Übung, an der 300.000 Soldaten aus dem Süden teilnehmen."
    [q] = run(rules_nlp, text)
    assert (q.form, q.speaker_text) == ("Reported", "Nordland")
    assert q.text.startswith("Nordland kritisierte")


@pytest.mark.parametrize(
    "text, message",
    [
        ("Der Minister sagte, in der Stadt ist es ruhig.", "in der Stadt ist es ruhig"),
        (
            "Die Bahn kündigte an, in dem Zeitraum das Licht in den Zügen zu dimmen.",
            "in dem Zeitraum das Licht in den Zügen zu dimmen",
        ),
    ],
)
def test_quotes_clause_opened_by_a_prepositional_phrase_still_reports(
    rules_nlp, text, message
) -> None:
    assert [q.text for q in run(rules_nlp, text)] == [message]


def test_quotes_clause_of_purpose_after_the_cue_is_no_message(rules_nlp) -> None:
    text = "Die Demonstranten forderten den Rücktritt des Rates, um den Weg freizumachen."
    [q] = run(rules_nlp, text)
    assert (q.form, q.speaker_text, q.cue) == ("Reported", "Die Demonstranten", "forderten")
    assert q.text.startswith("Die Demonstranten forderten")


def test_quotes_adverbial_clause_after_the_cue_is_no_message(rules_nlp) -> None:
    text = "Die Gewerkschaft kritisierte den Beschluss, nachdem die Gespräche gescheitert waren."
    assert not [q for q in run(rules_nlp, text) if q.text.startswith("nachdem")]


@pytest.mark.parametrize(
    "text, message",
    [
        # a main clause follows the adverbial clause: it is what was said
        (
            "Die Ministerin sagte, wenn die Hilfe ausbleibe, drohe dem Land eine Hungersnot.",
            "wenn die Hilfe ausbleibe, drohe dem Land eine Hungersnot",
        ),
        # "seit" is a preposition here: the clause is an infinitive of the cue
        (
            "Der Staatsanwalt warf dem Beamten vor, seit 2014 Vorschriften verletzt zu haben.",
            "seit 2014 Vorschriften verletzt zu haben",
        ),
    ],
)
def test_quotes_clause_opened_by_a_conjunction_may_still_report(rules_nlp, text, message) -> None:
    assert [q.text for q in run(rules_nlp, text)] == [message]


def test_quotes_as_phrase_before_the_verb_is_no_adverbial_clause(nlp) -> None:
    text = "Als Beispiel nannte die Forscherin die Ausbeutung von Gasvorkommen."
    assert [q.speaker_text for q in run(nlp, text)] in ([], ["die Forscherin"])


# ---------------------------------------------------------------- the evaluation's scoring


@pytest.fixture(scope="module")
def eval_quotes() -> dict:
    import runpy

    return runpy.run_path(str(Path(__file__).resolve().parents[2] / "bench" / "eval_quotes.py"))


def _gold_doc(ev: dict, words: list[str], quotes: list[dict]):
    text, offsets, pos = "", [], 0
    for w in words:
        if text:
            text += " "
            pos += 1
        offsets.append((pos, pos + len(w)))
        text += w
        pos += len(w)
    punct = {i for i, w in enumerate(words) if w in {",", "."}}
    for q in quotes:
        q["official"] = {r: set(q[r]) for r in ("cue", "speaker", "message")}
        for r in ("cue", "speaker", "message"):
            q[r] = set(q[r]) - punct
    return ev["GoldDoc"]("d", text, offsets, punct, quotes)


def test_eval_quotes_reads_every_word_of_a_split_cue(eval_quotes) -> None:
    words = ["Die", "Polizei", "teilte", "am", "Montag", "mit", ","]
    words += ["drei", "Männer", "flohen", "."]
    doc = _gold_doc(eval_quotes, words, [])
    start = doc.text.index("teilte")
    q = Quote(article_id="d", start=0, end=1, text="D", form="Indirect", cue="teilte mit",
              cue_start=start, cue_end=start + len("teilte"))  # fmt: skip
    assert eval_quotes["cue_tokens"](doc, q) == {2, 5}


def test_eval_quotes_official_method_pairs_by_message_and_averages_per_pair(eval_quotes) -> None:
    pytest.importorskip("scipy")
    words = ["A", "sagte", ",", "x", "y", "z", ".", "B", "sagte", ",", "u", "v", "."]
    gold = [
        {"cue": {1}, "speaker": {0}, "message": {3, 4, 5}, "form": "Indirect"},
        {"cue": {8}, "speaker": {7}, "message": {10, 11}, "form": "Indirect"},
    ]
    doc = _gold_doc(eval_quotes, words, gold)
    # one prediction: second quote's message, wrong speaker
    pred = [{"cue": {8}, "speaker": {0}, "message": {10, 11}, "form": "Indirect",
             "official": {"cue": {8}, "speaker": {0}, "message": {10, 11}}}]  # fmt: skip
    tally = eval_quotes["OfficialTally"]()
    eval_quotes["score_official"](doc, pred, tally)
    out = eval_quotes["summary_official"](tally)
    assert out["message"]["macro_p"] == 1.0
    assert out["message"]["macro_r"] == 0.5  # the missed quote counts with recall 0
    assert out["speaker"]["macro_p"] == 0.0


def test_quotes_cue_at_the_very_end_yields_no_empty_message():
    # A text ending in a cue and a colon ("… kündigten X und Y an:") once indexed
    # past the last token.
    from lagebild.pipeline import make_pipeline

    nlp = make_pipeline("de", stages=("segment", "actors", "quotes"))
    doc = nlp("Neben der Lockerung kündigten Müller und Schmidt weitere Erleichterungen an:")
    assert all(q.text for q in doc._.quotes)


def test_quotes_pointing_to_an_object_is_reported_and_its_relative_clause_no_message(
    rules_nlp,
) -> None:
    text = "Das Amt weist auf steigende Fallzahlen hin, die in drei Städten gemeldet wurden."
    [q] = run(rules_nlp, text)
    assert (q.form, q.speaker_text, q.cue) == ("Reported", "Das Amt", "weist hin")
    assert q.text.startswith("Das Amt weist auf steigende Fallzahlen hin")


def test_quotes_pointing_to_a_clause_reports_the_clause(rules_nlp) -> None:
    text = "Die Ministerin wies darauf hin, dass die Lage ernst sei."
    [q] = run(rules_nlp, text)
    assert (q.form, q.speaker_text) == ("Indirect", "Die Ministerin")
    assert q.text == "dass die Lage ernst sei"


def test_quotes_verb_after_und_shares_the_subject_after_an_inserted_cue(rules_nlp) -> None:
    text = (
        "„Wir bleiben hier, solange es nötig ist“, sagte eine Sprecherin der Stiftung "
        "und fügte hinzu, dass es ernst sei."
    )
    indirect = [q for q in run(rules_nlp, text) if q.form == "Indirect"]
    assert [(q.text, q.speaker_text) for q in indirect] == [
        ("dass es ernst sei", "eine Sprecherin der Stiftung")
    ]


def test_quotes_reported_record_leaves_out_the_quotation_opening_its_sentence(rules_nlp) -> None:
    text = "„Wir bleiben hier, solange es nötig ist“, sagte sie und verwies auf den Winter."
    [reported] = [q for q in run(rules_nlp, text) if q.form == "Reported"]
    assert text[reported.speaker_start : reported.speaker_end] == "sie"
    assert reported.text.startswith("sagte sie")


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "Jan Tolber bestritt dies, indem er sagte, die Stiftung habe nichts gewusst.",
            "die Stiftung habe nichts gewusst",
        ),
        (
            "Jan Tolber antwortete, indem er der Stiftung vorwarf, ihn loswerden zu wollen.",
            "ihn loswerden zu wollen",
        ),
    ],
)
def test_quotes_verb_of_saying_in_a_subordinate_clause_reports_for_its_own_subject(
    rules_nlp, text, message
) -> None:
    [q] = run(rules_nlp, text)
    assert (q.text, text[q.speaker_start : q.speaker_end]) == (message, "er")


def test_quotes_cue_in_a_prepositional_relative_clause_takes_the_subject_after_the_pronoun(
    rules_nlp,
) -> None:
    text = "Der Mann hinterließ einen Zettel, in dem er verlangte, dass niemand die Polizei rufe."
    [q] = run(rules_nlp, text)
    assert q.text == "dass niemand die Polizei rufe"
    assert text[q.speaker_start : q.speaker_end] == "er"


def test_quotes_demonstrative_after_the_verb_is_the_speaker(rules_nlp) -> None:
    text = "Karla Weiß trat auf. Für sie, so schrieb diese in einem Brief, sei es eine Ehre."
    [q] = run(rules_nlp, text)
    assert text[q.speaker_start : q.speaker_end] == "diese"


def test_quotes_pointing_word_keeps_the_clause_as_message_beside_a_place_phrase(
    rules_nlp,
) -> None:
    text = "Die Caritas wies am Donnerstag auf ihrer Website darauf hin, dass Decken fehlten."
    [q] = run(rules_nlp, text)
    assert (q.form, q.speaker_text, q.text) == ("Indirect", "Die Caritas", "dass Decken fehlten")


@pytest.mark.parametrize(
    "text",
    [
        # a ranking and a sports fixture, not speech
        "Im Training verwies der Fahrer den Weltmeister auf den zweiten Platz.",
        "Im letzten Jahr bestritt der in Nordstadt lebende Spieler das Finale.",
        # talking with someone reports nothing
        "Sie erkennt die Frau, mit der sie plötzlich spricht, die ihr einst half.",
    ],
)
def test_quotes_verb_of_saying_in_another_sense_reports_nothing(rules_nlp, text) -> None:
    assert run(rules_nlp, text) == []


def test_quotes_von_phrase_inside_an_attribute_is_no_passive_agent(rules_nlp) -> None:
    text = "In dem von der Kommission vorgelegten Paket wird auf die Liste verwiesen."
    assert all(q.speaker_text != "der Kommission" for q in run(rules_nlp, text))


def test_quotes_relative_nach_denen_after_a_report_noun_names_its_source(rules_nlp) -> None:
    text = "Das zeigen Umfragen im Land, nach denen zwei Drittel der Bürger die Reform ablehnen."
    [q] = run(rules_nlp, text)
    assert q.text == "zwei Drittel der Bürger die Reform ablehnen"
    assert text[q.speaker_start : q.speaker_end] == "denen"  # SpkAtt spans the pronoun
    assert q.speaker_text == "Umfragen im Land"


def test_quotes_relative_nach_denen_after_other_nouns_reports_nothing(rules_nlp) -> None:
    assert run(rules_nlp, "Die Polizei sucht Männer, nach denen seit Mai gefahndet wird.") == []


def test_quotes_assuming_reports_its_clause(rules_nlp) -> None:
    [q] = run(rules_nlp, "Die Behörden nehmen an, dass Schmuggler dahinterstecken.")
    assert (q.form, q.speaker_text, q.cue, q.text) == (
        "Indirect",
        "Die Behörden",
        "nehmen an",
        "dass Schmuggler dahinterstecken",
    )


def test_quotes_main_clause_resumed_after_a_relative_clause_is_no_message(rules_nlp) -> None:
    text = "In der Resolution, die der Rat beschloss, heißt es, dass alle Kinder Schutz brauchten."
    [q] = run(rules_nlp, text)
    assert (q.cue, q.text) == ("heißt", "dass alle Kinder Schutz brauchten")


def test_quotes_second_verb_after_a_comma_shares_the_subject(rules_nlp) -> None:
    text = "Die Beobachter monieren Fehler, sprechen aber davon, dass die Wahl fair verlaufen sei."
    [q] = run(rules_nlp, text)
    assert (q.speaker_text, q.text) == ("Die Beobachter", "dass die Wahl fair verlaufen sei")


def test_quotes_cue_in_a_clause_opened_by_da_takes_its_subject(rules_nlp) -> None:
    text = "Da die Ärzte es für sinnvoll hielten, die Patienten zu verlegen, fuhren Busse vor."
    [q] = run(rules_nlp, text)
    assert (q.speaker_text, q.text) == ("die Ärzte", "die Patienten zu verlegen")


def test_quotes_reported_second_verb_starts_its_own_record(rules_nlp) -> None:
    text = "Sie räumte ein, es könnten Stellen wegfallen, sprach aber von einem offenen Prozess."
    reported = [q for q in run(rules_nlp, text) if q.form == "Reported"]
    assert [q.text for q in reported] == ["sprach aber von einem offenen Prozess"]


@pytest.mark.parametrize(
    "text",
    [
        "Der Stürmer nahm eine Einladung seines Kollegen an, der den Ball verlor.",
        "Sollten Asylsuchende Jobs annehmen dürfen, würde das die Zahlen erhöhen.",
        "Die Ermittler hatten einen Unfall angenommen, nun ermitteln sie wegen Mordes.",
    ],
)
def test_quotes_annehmen_reports_only_a_dass_clause(rules_nlp, text) -> None:
    assert run(rules_nlp, text) == []


def test_quotes_second_verb_after_a_comma_with_its_own_subject_shares_nothing(rules_nlp) -> None:
    text = "Wir sind bereit, erklärte am Abend der Sprecher des Stabes in Athen."
    assert all(q.speaker_text != "Wir" for q in run(rules_nlp, text))


def test_quotes_passive_relative_clause_reports_in_itself(rules_nlp) -> None:
    text = (
        "Man begann, Menschen in der Region, die von den Behörden zum Notstandsgebiet "
        "erklärt wurde, mit Lebensmitteln zu versorgen. Es gab Reformen, die von Kritikern "
        "als Eingriff in die Justiz gewertet wurden."
    )
    quotes = run(rules_nlp, text)
    assert not [q for q in quotes if q.text.startswith("mit Lebensmitteln")]
    assert [(q.form, q.speaker_text) for q in quotes] == [("Reported", "Kritikern")]


@pytest.mark.parametrize(
    "text, antecedent, message",
    [
        (
            "Sie wandte sich an Karl Berger, der angekündigt hat, den Kandidaten zu wählen.",
            "Karl Berger",
            "den Kandidaten zu wählen",
        ),
        (
            "Er kritisierte den Minister, der erklärt hatte, die Lage sei ernst.",
            "den Minister",
            "die Lage sei ernst",
        ),
    ],
)
def test_quotes_relative_pronoun_speaks_for_the_phrase_before_it(
    rules_nlp, text, antecedent, message
) -> None:
    [q] = run(rules_nlp, text)
    assert (q.text, q.speaker_text) == (message, antecedent)
    assert text[q.speaker_start : q.speaker_end] == "der"  # SpkAtt spans the pronoun


@pytest.mark.parametrize(
    "text",
    [
        # the main clause resumes after the relative clause: its verb is no message
        "Neben Udo Kier, der als Patriarch sein Vermögen verspricht, spielen noch Anna Berg "
        "und Karl Huber mit, um nur einige zu nennen.",
        # an article and its noun after a comma open no relative clause
        "Es sei schwierig, der Öffentlichkeit zu sagen, dass Programme finanziert werden.",
    ],
)
def test_quotes_relative_pronoun_speaks_only_in_a_relative_clause(rules_nlp, text) -> None:
    quotes = run(rules_nlp, text)
    assert all(text[q.speaker_start : q.speaker_end] not in ("der", "die") for q in quotes)


def test_quotes_impersonal_cue_after_a_relative_clause_takes_the_opening_phrase(rules_nlp) -> None:
    text = "In der Anordnung, die der Firma zugestellt wurde, heißt es: „Die Firma muss schweigen.“"
    [q] = run(rules_nlp, text)
    assert (q.form, q.text) == ("Direct", "Die Firma muss schweigen.")
    assert q.speaker_text == "der Anordnung"


def test_quotes_two_names_after_the_verb_stay_one_speaker_before_an_adverbial(rules_nlp) -> None:
    text = "„Wir gehen“, meinen die Mitglieder Jan Berg und Karl Huber in einem Brief."
    [q] = run(rules_nlp, text)
    assert q.speaker_text == "die Mitglieder Jan Berg und Karl Huber"


def test_quotes_colon_lead_in_keeps_the_name_before_its_apposition(rules_nlp) -> None:
    text = "Der Rat tagte. Jan Berg, Präsident des Rates: „Das Gesetz ist ein Fehler.“"
    [q] = run(rules_nlp, text)
    assert q.text == "Das Gesetz ist ein Fehler."
    assert q.speaker_text == "Jan Berg, Präsident des Rates"


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Die Akten enthalten laut Medienberichten Informationen über X.", "Medienberichten"),
        (
            "Er soll laut Ecuadorianischen Presseinformationen eine Summe erhalten haben.",
            "Ecuadorianischen Presseinformationen",
        ),
        ("Pläne liegen laut Wiener Linien in den Stationen auf.", "Wiener Linien"),
    ],
)
def test_quotes_source_without_article_ends_before_the_next_noun(rules_nlp, text, speaker) -> None:
    assert [q.speaker_text for q in run(rules_nlp, text)] == [speaker]


def test_quotes_interview_answers_are_direct_speech_of_their_label(rules_nlp) -> None:
    text = (
        "Minister Karl Huber spricht über die Reform. STANDARD: Wann kommt die Reform? "
        "Huber: Im Herbst. Wir sind bereit. STANDARD: Die Länder zweifeln. Zu Recht? "
        "Huber: Nein, die Länder tragen die Kosten."
    )
    huber = {"text": "Karl Huber", "kind": "PER", "actor_id": "per:karl_huber"}
    answers = [q for q in run(rules_nlp, text, [huber]) if q.speaker_text == "Huber"]
    assert [(q.form, q.text) for q in answers] == [
        ("Direct", "Im Herbst. Wir sind bereit"),
        ("Direct", "Nein, die Länder tragen die Kosten"),
    ]
    assert not [q for q in run(rules_nlp, text, [huber]) if "Wann kommt" in q.text]


@pytest.mark.parametrize(
    "text",
    [
        # an explainer's questions and answers are the paper's own text
        "Frage: Was gilt ab Mai? Antwort: Das neue Gesetz. Frage: Für wen? Antwort: Für alle.",
        # a heading with a colon is no turn
        "Hintergrund: Die Reform kam 2020. Zweitens: Sie gilt für alle. Wer zahlt? Niemand.",
    ],
)
def test_quotes_labels_that_name_nobody_open_no_interview(rules_nlp, text) -> None:
    assert all(q.form != "Direct" for q in run(rules_nlp, text))


def test_quotes_time_phrase_between_the_verb_and_its_subject(rules_nlp) -> None:
    text = "Die Lage sei ernst, versicherte am späten Abend der Sprecher der Regierung."
    [q] = run(rules_nlp, text)
    assert (q.text, q.speaker_text) == ("Die Lage sei ernst", "der Sprecher der Regierung")


def test_quotes_genitive_after_a_time_phrase_is_no_subject(rules_nlp) -> None:
    text = "Er bekennt sich zur Union, warnt am Rande des Gipfels aber vor Spaltung."
    assert all(q.speaker_text != "des Gipfels" for q in run(rules_nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Darüber spricht keiner der Minister.",
        "Nur ein Viertel der Schüler spricht in der Familie kein Deutsch.",
    ],
)
def test_quotes_nobody_speaking_and_speaking_a_language_report_nothing(rules_nlp, text) -> None:
    assert run(rules_nlp, text) == []


def test_quotes_person_after_the_verb_beats_a_fronted_object_with_a_clause(rules_nlp) -> None:
    text = (
        "Vorwürfe, die Klage nütze der Partei, hatte Karl Huber zurückgewiesen: "
        "„Wir stellen Ordnung her, das nützt allen.“"
    )
    huber = {"text": "Karl Huber", "kind": "PER", "actor_id": "per:karl_huber"}
    [q] = run(rules_nlp, text, [huber])
    assert (q.form, q.speaker_actor_id) == ("Direct", "per:karl_huber")


def test_quotes_name_spelt_like_an_adverb_after_the_verb_is_the_speaker(rules_nlp) -> None:
    [q] = run(rules_nlp, "Die Lage sei ernst, sagte Kurz am Montag in Wien.")
    assert (q.text, q.speaker_text) == ("Die Lage sei ernst", "Kurz")


def test_quotes_actor_of_the_sentence_before_keeps_its_role_before_the_comma(rules_nlp) -> None:
    text = (
        "Im Landtag nahm jetzt auch der Ministerpräsident des Landes, Karl Huber (CDU), "
        "zur Frage Stellung. "
        "Jeder Lehrer könne das Konto später einlösen."
    )
    huber = {"text": "Karl Huber", "kind": "PER", "actor_id": "per:karl_huber"}
    [q] = run(rules_nlp, text, [huber])
    assert q.text == "Jeder Lehrer könne das Konto später einlösen"
    assert q.speaker_text == "der Ministerpräsident des Landes, Karl Huber (CDU)"


def test_quotes_auf_anfrage_is_no_source_of_an_impersonal_cue(rules_nlp) -> None:
    text = "Der Termin sei Zufall, heißt es auf Anfrage der Zeitung aus dem Büro des Ministers."
    assert [q.speaker_text for q in run(rules_nlp, text)] == ["dem Büro des Ministers"]


def test_quotes_verb_after_und_shares_the_person_after_a_fronted_object(rules_nlp) -> None:
    text = "Die Urteile nannte Jan Berg einen Knaller und glaubt, dass die Politik handle."
    berg = {"text": "Jan Berg", "kind": "PER", "actor_id": "per:jan_berg"}
    glaubt = [q for q in run(rules_nlp, text, [berg]) if q.cue == "glaubt"]
    assert [q.speaker_actor_id for q in glaubt] == ["per:jan_berg"]


def test_quotes_attribute_without_an_article_after_the_verb_is_the_speaker(rules_nlp) -> None:
    text = "Die Firma habe den Rivalen ausgestochen, sagten mit dem Vorgang vertraute Personen."
    [q] = run(rules_nlp, text)
    assert q.speaker_text == "mit dem Vorgang vertraute Personen"


def test_quotes_object_with_a_phrase_before_it_is_no_attribute_of_a_speaker(rules_nlp) -> None:
    text = (
        "Wien – Die Vorsitzende im Hauptverband der Kassen, Ulrike Berg, fordert im Zuge "
        "des neuen Finanzausgleichs zusätzliche Finanzmittel."
    )
    assert all("Finanzmittel" not in (q.speaker_text or "") for q in run(rules_nlp, text))


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Einige sagen, die Reform sei gescheitert.", "Einige"),
        ("Viele befürchten, dass die Preise weiter steigen.", "Viele"),
        ("Die Reform sei gescheitert, so letztere.", "letztere"),
        ("„Die Reform ist gescheitert“, so letztere.", "letztere"),
    ],
)
def test_quotes_pronoun_standing_alone_is_the_speaker(rules_nlp, text, speaker) -> None:
    assert [q.speaker_text for q in run(rules_nlp, text)] == [speaker]


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Laut einem Bericht des Ministeriums vom November 2011 stieg die Zahl der Fälle.",
            "einem Bericht des Ministeriums vom November 2011",
        ),
        (
            "Nach Artikel 12 des Vertrags dürfen die Staaten die Grenze schließen.",
            "Artikel 12 des Vertrags",
        ),
        # a count after a month is no year: it opens the message
        (
            "Nach Angaben der Polizei vom Mai 300 Menschen seien verletzt.",
            "Angaben der Polizei vom Mai",
        ),
    ],
)
def test_quotes_number_of_a_month_or_an_article_belongs_to_the_source(
    rules_nlp, text, speaker
) -> None:
    assert [q.speaker_text for q in run(rules_nlp, text)] == [speaker]


def test_quotes_genitive_adverbial_before_the_verb_is_no_speaker(rules_nlp) -> None:
    text = "Des Weiteren verwies Berg darauf, dass der Haushalt wieder ausgeglichen sei."
    assert [q.speaker_text for q in run(rules_nlp, text)] == ["Berg"]


def test_quotes_source_phrase_opening_a_reported_clause_is_the_speakers_own_source(
    rules_nlp,
) -> None:
    [q] = run(rules_nlp, "Der Minister sagte, laut einer Studie seien die Preise gestiegen.")
    assert (q.speaker_text, q.cue) == ("Der Minister", "sagte")
    assert q.text == "laut einer Studie seien die Preise gestiegen"


def test_quotes_closing_so_phrase_still_names_the_source_of_all_before_it(rules_nlp) -> None:
    text = "Man habe den Ursprung der Störungen festgestellt, so der Sender."
    assert [q.speaker_text for q in run(rules_nlp, text)] == ["der Sender"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Bereits sechs Tage nach der Veröffentlichung des Berichts meldete der Sender, dass "
            "das Buch sich gut verkaufe.",
            "der Sender",
        ),
        (
            "Nach der Ankündigung der Ministerin sollen die Fristen länger werden.",
            "der Ankündigung der Ministerin",
        ),
    ],
)
def test_quotes_nach_after_a_time_word_is_no_source(rules_nlp, text, speaker) -> None:
    assert [q.speaker_text for q in run(rules_nlp, text)] == [speaker]


def test_quotes_name_after_an_elided_particle_stays_in_the_speaker(rules_nlp) -> None:
    text = "Wie die Banca d'Italia mitteilte, soll der Präsident zurückgetreten sein."
    assert [q.speaker_text for q in run(rules_nlp, text)] == ["die Banca d'Italia"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Der erst kürzlich ernannte Bischof, Karl Huber, sagte, er sei froh.",
            "Der erst kürzlich ernannte Bischof, Karl Huber",
        ),
        ("Die noch amtierende Ministerin sagte, sie sei froh.", "Die noch amtierende Ministerin"),
    ],
)
def test_quotes_adverbs_grading_a_participle_stay_in_the_speaker(rules_nlp, text, speaker) -> None:
    assert [q.speaker_text for q in run(rules_nlp, text)] == [speaker]


@pytest.mark.parametrize(
    "text, speaker, message",
    [
        (
            "Paul Berg hatte den Auftrag mit den Worten abgelehnt: „Das mache ich nicht.“",
            "Paul Berg",
            "Das mache ich nicht.",
        ),
        (
            "Er trat dem Vorwurf mit den Worten entgegen, das Gericht sei unabhängig.",
            "Er",
            "das Gericht sei unabhängig",
        ),
        (
            "Mit diesen Worten verabschiedete sich der Minister: „Wir sind bereit.“",
            "der Minister",
            "Wir sind bereit.",
        ),
    ],
)
def test_quotes_mit_den_worten_makes_the_verb_of_its_clause_a_cue(
    rules_nlp, text, speaker, message
) -> None:
    assert [(q.speaker_text, q.text) for q in run(rules_nlp, text)] == [(speaker, message)]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Laut dpa seien 20 Menschen gestorben.", "dpa"),
        (
            "Der Konzern will die Ursachen prüfen. Dies geht aus einer Meldung der dpa hervor.",
            "einer Meldung der dpa",
        ),
    ],
)
def test_quotes_lower_case_agency_is_a_name(rules_nlp, text, speaker) -> None:
    assert [q.speaker_text for q in run(rules_nlp, text)][-1:] == [speaker]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Die Lage sei ernst, sagte Karla Berg der Agentur Nordpress.", "Karla Berg"),
        ("Die Lage sei ernst, sagte der Sprecher der Regierung.", "der Sprecher der Regierung"),
        (
            "Nach Angaben des Gouverneurs Karl Berg der Provinz seien die Gespräche gut verlaufen.",
            "Angaben des Gouverneurs Karl Berg der Provinz",
        ),
    ],
)
def test_quotes_der_after_a_persons_name_is_the_addressee_of_the_verb(
    rules_nlp, text, speaker
) -> None:
    berg = {"text": "Karla Berg", "kind": "PER", "actor_id": "per:karla_berg"}
    karl = {"text": "Karl Berg", "kind": "PER", "actor_id": "per:karl_berg"}
    # the actor stage links roles as persons too: a role keeps its genitive
    role = {"text": "Sprecher", "kind": "PER", "actor_id": "per:sprecher"}
    specs = [m for m in (berg, karl, role) if m["text"] + " " in text]
    assert [q.speaker_text for q in run(rules_nlp, text, specs)] == [speaker]


def test_quotes_colon_hands_the_quotation_to_the_subject_opening_the_lead_in(rules_nlp) -> None:
    text = "Die Bewohner des Dorfes sehen alles gelassen: „Das sind Leute wie du und ich.“"
    [q] = run(rules_nlp, text)
    assert (q.form, q.speaker_text) == ("Direct", "Die Bewohner des Dorfes")


def test_quotes_colon_lead_in_opened_by_an_object_takes_no_speaker_from_it(rules_nlp) -> None:
    text = "Die Anwendung der Regel stellte der Vorsitzende in Frage: „Das geht nicht.“"
    assert all(q.speaker_text != "Die Anwendung der Regel" for q in run(rules_nlp, text))


def test_quotes_english_name_of_a_body_stays_whole(rules_nlp) -> None:
    text = "Der Planet sei schwer, erklärte Jana Berg von der University of St. Andrews."
    [q] = run(rules_nlp, text)
    assert q.speaker_text == "Jana Berg von der University of St. Andrews"


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Für den Minister ist die Lage in der Stadt „alarmierend“.", "den Minister"),
        ("Wegweisend für den Rock ist das erste Album, „Piper at the Gates of Dawn“.", None),
    ],
)
def test_quotes_fuer_phrase_next_to_sein_judges_a_quoted_phrase(rules_nlp, text, speaker) -> None:
    assert [q.speaker_text for q in run(rules_nlp, text)] == ([speaker] if speaker else [])


def test_quotes_own_account_source_names_the_subject_who_speaks_on(rules_nlp) -> None:
    text = (
        "Der Bruder des Bischofs, Georg Berg, war nach eigenem Bekunden eingeweiht. "
        "Der Rücktritt sei ein natürlicher Vorgang."
    )
    first, second = run(rules_nlp, text)
    assert (first.cue, first.speaker_text) == ("nach", "Der Bruder des Bischofs, Georg Berg")
    assert text[first.speaker_start : first.speaker_end] == "eigenem Bekunden"
    assert second.text == "Der Rücktritt sei ein natürlicher Vorgang"
    assert text[second.speaker_start : second.speaker_end] == "Der Bruder des Bischofs, Georg Berg"


def test_quotes_mention_read_into_the_verb_does_not_stretch_the_speaker(rules_nlp) -> None:
    text = "Der Rat rief die Regierung zur Ruhe auf und beschloss, den Fall zu prüfen."
    rat = {"text": "Rat rief", "kind": "ORG", "actor_id": "org:rat"}  # read too far
    assert [q.speaker_text for q in run(rules_nlp, text, [rat])] == ["Der Rat"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Wie der Verband in der Nacht mitteilte, fällt das Turnier aus.", "der Verband"),
        ("Wie die Regierung in Kabul mitteilte, fällt das Turnier aus.", "die Regierung in Kabul"),
    ],
)
def test_quotes_time_phrase_after_a_wie_speaker_is_no_place(rules_nlp, text, speaker) -> None:
    assert [q.speaker_text for q in run(rules_nlp, text)] == [speaker]


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "In einem Bericht der Zeitung wurde vermutet, dass niemand überlebt hat.",
            "einem Bericht der Zeitung",
        ),
        ("In der Stadt wurde vermutet, dass niemand überlebt hat.", None),
        # the head is a time; a source noun in its attribute does not make it a document
        ("In der Zeit der Ermittlungen wurde vermutet, dass niemand überlebt hat.", None),
    ],
)
def test_quotes_passive_said_in_a_document_names_it(rules_nlp, text, speaker) -> None:
    assert [q.speaker_text for q in run(rules_nlp, text)] == [speaker]


def test_quotes_impersonal_cue_in_a_relative_clause_names_its_phrase(rules_nlp) -> None:
    text = "Man zitiert eine Erklärung der Behörde, in der es heißt, dass die Sperre nötig sei."
    [q] = run(rules_nlp, text)
    assert (q.speaker_text, q.text) == ("eine Erklärung der Behörde", "dass die Sperre nötig sei")


def test_quotes_verlauten_names_the_circles_it_comes_from(rules_nlp) -> None:
    text = "Aus Regierungskreisen verlautete, dies sei nur Spekulation."
    assert [q.speaker_text for q in run(rules_nlp, text)] == ["Regierungskreisen"]


def test_quotes_verlauten_after_lassen_takes_no_source_from_the_subject(rules_nlp) -> None:
    text = "Ein Sprecher aus Berlin ließ verlauten, dies sei falsch."
    assert all(q.speaker_text != "Berlin" for q in run(rules_nlp, text))


def test_quotes_source_noun_keeps_where_its_information_comes_from(rules_nlp) -> None:
    text = "Die Behörde will nach Angaben aus Justizkreisen die Ermittlungen einstellen."
    assert [q.speaker_text for q in run(rules_nlp, text)] == ["Angaben aus Justizkreisen"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Die Leitung sei repariert, teilte ein Sprecher der Stadtwerke in Kassel mit.",
            "ein Sprecher der Stadtwerke in Kassel",
        ),
        (
            "Die Lage sei ernst, so eine Sprecherin des Hilfswerks aus Kassel.",
            "eine Sprecherin des Hilfswerks aus Kassel",
        ),
        # after a person's name the place is where the person spoke
        ("Die Lage sei ernst, sagte Jana Kessler in Kassel.", "Jana Kessler"),
        # after "laut X" the place may be the clause's: people live in Kassel
        ("Viele Menschen leben laut dem Hilfswerk in Kassel in Zelten.", "dem Hilfswerk"),
    ],
)
def test_quotes_place_after_a_role_is_part_of_the_speaker(rules_nlp, text, speaker) -> None:
    mentions = [
        {"text": "Kassel", "kind": "GPE", "actor_id": "gpe:kassel"},
        {"text": "Jana Kessler", "kind": "PER", "actor_id": "per:kessler"},
    ]
    [q] = run(rules_nlp, text, [m for m in mentions if m["text"] in text])
    assert text[q.speaker_start : q.speaker_end] == speaker
    assert q.speaker_actor_id != "gpe:kassel"  # the role speaks, not the place


@pytest.mark.parametrize(
    "text, mentions, speaker",
    [
        (
            "Wenige Wochen vor der Wahl hat die Kommission einen Bericht zurückgewiesen, "
            "wonach sie Geld verschwende.",
            [],
            "die Kommission",
        ),
        # a place, not a relation in time: here a heading run into the sentence's subject
        (
            "Sechs Jahre in der Komfortzone Kessler warnte davor, die Partei allein "
            "verantwortlich zu machen.",
            [{"text": "Kessler", "kind": "PER"}],
            "Sechs Jahre in der Komfortzone Kessler",
        ),
    ],
)
def test_quotes_time_set_in_relation_to_an_event_is_no_subject(
    rules_nlp, text, mentions, speaker
) -> None:
    assert [q.speaker_text for q in run(rules_nlp, text, mentions)] == [speaker]


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Bonn – Die Sängerin Jana Kessler ist nach eigenen Angaben nie in Wien gewesen.",
            "Die Sängerin Jana Kessler",
        ),
        # in a relative clause the account is the workers', not the subject's of the sentence
        (
            "Zwei Jahre lang haben Jana Kessler und Max Maier die Arbeiter, die nach eigenen "
            "Aussagen seit Jahren dort arbeiten, gefilmt.",
            "eigenen Aussagen",
        ),
    ],
)
def test_quotes_own_account_after_a_dateline_names_the_subject(rules_nlp, text, speaker) -> None:
    mentions = [{"text": "Jana Kessler", "kind": "PER"}, {"text": "Max Maier", "kind": "PER"}]
    [q] = run(rules_nlp, text, [m for m in mentions if m["text"] in text])
    assert q.speaker_text == speaker


@pytest.mark.parametrize(
    "text, speaker, message",
    [
        (
            "Die Lage sei ernst, soll der Minister am Montag gesagt haben.",
            "der Minister",
            "Die Lage sei ernst",
        ),
        (
            "Der Minister soll am Montag gesagt haben, die Lage sei ernst.",
            "Der Minister",
            "die Lage sei ernst",
        ),
    ],
)
def test_quotes_reportative_modal_before_a_perfect_is_the_finite_verb(
    rules_nlp, text, speaker, message
) -> None:
    [q] = run(rules_nlp, text)
    assert (q.speaker_text, q.text, q.cue) == (speaker, message, "soll gesagt")


def test_quotes_infinitive_of_a_verb_of_saying_has_no_subject_of_its_own(rules_nlp) -> None:
    text = "Sie hatte die Offiziere ermutigt, ihre Meinung zu äußern: „Sagt, was ihr denkt.“"
    assert all(q.speaker_text != "ihre Meinung" for q in run(rules_nlp, text))


def test_quotes_infinitive_framed_by_a_copula_reports(rules_nlp) -> None:
    text = "Der Partei war es wichtig zu betonen, dass die Mieten bezahlbar bleiben."
    [q] = run(rules_nlp, text)
    assert (q.cue, q.text) == ("betonen", "dass die Mieten bezahlbar bleiben")


def test_quotes_lead_in_subject_after_the_verb_skips_an_actor_inside_the_object(rules_nlp) -> None:
    text = (
        "Jede Schuld an der Affäre im Bezirk der Partei weist Kessler von sich: "
        "„Diese Verantwortung trägt allein der Vorsitzende.“"
    )
    mentions = [{"text": "Partei", "kind": "ORG"}, {"text": "Kessler", "kind": "PER"}]
    [q] = run(rules_nlp, text, mentions)
    assert (q.speaker_text, q.form) == ("Kessler", "Direct")


def test_quotes_adjective_after_a_comma_is_no_verb_of_the_opening_phrase(rules_nlp) -> None:
    text = (
        "Auch Jana Kessler äußerte sich. Das neue Angebot, kleine Kinder kostenlos zu "
        "behandeln, lehnt sie jedoch ab: „Die Stadt sollte alle Familien aufnehmen.“"
    )
    mentions = [{"text": "Jana Kessler", "kind": "PER", "actor_id": "per:kessler"}]
    [q] = run(rules_nlp, text, mentions)
    assert (q.speaker_actor_id, q.text) == (
        "per:kessler",
        "Die Stadt sollte alle Familien aufnehmen.",
    )


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Die Wahl ist vorbei. Jana Kessler zur Lage im Land: „Wir bleiben hier.“", "Jana Kessler"),
        # no actor: a topic, not a speaker
        ("Die Wahl ist vorbei. Die Stimmung zur Lage im Land: „Wir bleiben hier.“", None),
    ],
)
def test_quotes_colon_after_a_name_and_its_topic_names_the_speaker(
    rules_nlp, text, speaker
) -> None:
    mentions = [{"text": "Jana Kessler", "kind": "PER"}]
    quotes = run(rules_nlp, text, [m for m in mentions if m["text"] in text])
    assert [q.speaker_text for q in quotes if q.speaker_text] == ([speaker] if speaker else [])


def test_quotes_quotation_after_a_lone_conjunction_continues_the_report(rules_nlp) -> None:
    text = "Die Ministerin sagte: „Wir müssen handeln.“ Und: „Die Gefahren sind real und nah.“"
    assert [q.speaker_text for q in run(rules_nlp, text)] == ["Die Ministerin"] * 2


def test_quotes_quoted_name_coordinated_before_the_verb_opens_the_speaker(rules_nlp) -> None:
    text = "„Helfer ohne Zaun“ sowie das Blaue Kreuz kündigten an, mehr Personal zu schicken."
    [q] = run(rules_nlp, text)
    assert q.speaker_text == "„Helfer ohne Zaun“ sowie das Blaue Kreuz"


@pytest.mark.parametrize(
    "text, form, speaker",
    [
        (
            "„Die meisten Kinder lesen gern.“ Das ist die zentrale Aussage einer Studie "
            "der Stiftung.",
            "Direct",
            "die zentrale Aussage einer Studie der Stiftung",
        ),
        (
            "Viele Familien wollen im Sommer verreisen. Das ist das Ergebnis einer Umfrage "
            "des Instituts.",
            "Indirect",
            "das Ergebnis einer Umfrage des Instituts",
        ),
    ],
)
def test_quotes_sentence_after_a_statement_names_its_source(rules_nlp, text, form, speaker) -> None:
    [q] = run(rules_nlp, text)
    assert (q.form, q.speaker_text, q.cue) == (form, speaker, "ist")


def test_quotes_judging_a_result_names_no_source(rules_nlp) -> None:
    text = "Das Team verlor das Halbfinale knapp. Das ist ein ungewöhnliches Ergebnis."
    assert run(rules_nlp, text) == []


def test_quotes_showing_reports_in_an_as_clause_only(rules_nlp) -> None:
    [q] = run(rules_nlp, "Die Preise sinken weiter, wie eine neue Erhebung des Amtes zeigt.")
    assert (q.speaker_text, q.text) == ("eine neue Erhebung des Amtes", "Die Preise sinken weiter")
    # "wie" comparing, not opening the clause: the verb shows something, nobody reports
    assert run(rules_nlp, "Die Schau zeigt alte Filme wie auch neue Arbeiten aus Kanada.") == []


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Die Zahl sei gestiegen, sagte damals die Sprecherin.", "die Sprecherin"),
        ("Die Lage sei ernst, behaupten jedenfalls Biologen.", "Biologen"),
        # a particle of a name is no adverb
        ("Die Lage sei ernst, sagte da Costa.", "da Costa"),
    ],
)
def test_quotes_adverb_after_the_verb_is_no_part_of_the_speaker(rules_nlp, text, speaker) -> None:
    [q] = run(rules_nlp, text, [{"text": "da Costa", "kind": "PER"}] if "Costa" in text else None)
    assert q.speaker_text == speaker


# ------------------------------------------------------------ token view and scans


def test_token_view_leaves_out_whitespace_and_keeps_offsets_and_text() -> None:
    from lagebild.components.speakers import TokenView

    pipeline = spacy.blank("de")
    text = "Der Sprecher sagte:  „Wir  prüfen das.“\n\nMehr folgt."
    doc = pipeline(text)
    assert any(t.is_space for t in doc)  # the doubled spaces and the break are tokens
    view = TokenView.from_doc(doc)
    assert view.words == [t.text for t in doc if not t.is_space]
    assert [text[s:e] for s, e in zip(view.starts, view.ends, strict=True)] == view.words
    assert view.text == text  # joined from the tokens when no text is given
    assert TokenView.from_doc(doc, text) == view
    assert "prüfen" in view.vocabulary and "Prüfen" not in view.vocabulary


def test_cue_candidates_are_verbs_of_saying_and_verbs_after_their_split_particle() -> None:
    from lagebild.components.quote_clauses import cue_candidates
    from lagebild.components.quote_lexicon import load_quote_lexicon
    from lagebild.components.speakers import TokenView

    lx = load_quote_lexicon("de")
    pipeline = spacy.blank("de")
    text = "Die Lage sei ernst, wie bekannt geworden ist, sagte der Minister."
    view = TokenView.from_doc(pipeline(text))
    found = [view.words[i] for i in cue_candidates(view, lx)]
    assert found == ["geworden", "sagte"]  # "bekannt geworden": a cue only with its particle
    view = TokenView.from_doc(pipeline("Der Minister ist müde geworden."))
    assert cue_candidates(view, lx) == []
    words = TokenView.from_doc(pipeline("Er lehnte mit den Worten ab: „Nein.“"))
    assert cue_candidates(words, lx) == list(range(len(words)))  # any verb may then be one


def test_quotes_a_reported_verb_needs_what_it_reports(rules_nlp) -> None:
    # how someone speaks is no report of what they said
    assert run(rules_nlp, "Der Präsident spricht langsam und getragen.") == []
    [q] = run(rules_nlp, "Der Präsident sprach von einem Erfolg.")
    assert (q.form, q.speaker_text) == ("Reported", "Der Präsident")
    # a pronominal adverb stands for what was said
    [q] = run(rules_nlp, "Die Ministerin warnte davor.")
    assert (q.form, q.speaker_text) == ("Reported", "Die Ministerin")


def test_quotes_frame_subject_after_a_focus_particle_takes_the_report(rules_nlp) -> None:
    text = (
        "Der Minister sagte, man werde sparen. Auch Premier Aldo Brenta hat dem "
        "Bürgermeister den Rücken gekehrt: Wenn er regierungsfähig ist, soll er die Stadt "
        "regieren."
    )
    quotes = run(rules_nlp, text, [{"text": "Aldo Brenta", "kind": "PER"}])
    assert [(q.speaker_text, q.text) for q in quotes] == [
        ("Der Minister", "man werde sparen"),
        ("Premier Aldo Brenta", "Wenn er regierungsfähig ist, soll er die Stadt regieren"),
    ]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Die Zahlen für 2014 liegen dem Bericht zufolge nicht vor.", "dem Bericht"),
        ("Die Wirtschaft wird heuer der Landesbank Tirol zufolge wachsen.", "der Landesbank Tirol"),
    ],
)
def test_quotes_word_before_an_article_is_no_attribute_of_the_source(
    rules_nlp, text, speaker
) -> None:
    [q] = run(rules_nlp, text)
    assert (q.speaker_text, q.cue) == (speaker, "zufolge")


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Die Grenze sei geschlossen worden, hieß es am Dienstag.", None),
        ("Die Grenze sei geschlossen worden, hieß es seitens des Amtes.", "des Amtes"),
        ("Die Grenze sei geschlossen worden, hieß es aus dem Amt.", "dem Amt"),
    ],
)
def test_quotes_report_before_an_impersonal_cue_with_or_without_its_source(
    rules_nlp, text, speaker
) -> None:
    [q] = run(rules_nlp, text)
    assert (q.text, q.cue, q.speaker_text) == ("Die Grenze sei geschlossen worden", "hieß", speaker)


def test_quotes_impersonal_cue_goes_on_with_the_latest_report_in_konjunktiv(rules_nlp) -> None:
    text = (
        "Nach Angaben der Armee wurde eine Frau festgenommen. Sie habe versucht, Soldaten "
        "zu rammen, hieß es. Das Auto stand danach am Straßenrand, hieß es."
    )
    quotes = run(rules_nlp, text)
    assert [(q.speaker_text, q.cue) for q in quotes] == [
        ("Angaben der Armee", "Nach"),
        ("Angaben der Armee", "hieß"),
        (None, "hieß"),  # no Konjunktiv: no report goes on, and no source is named
    ]


@pytest.mark.parametrize(
    "text, speaker, message",
    [
        (
            "Nein, ein Flüchtling sei er nicht, sagt der junge Mann.",
            "der junge Mann",
            "Nein, ein Flüchtling sei er nicht",
        ),
        (
            "Ja, es ist ein Film für den Feiertag, sagt der Regisseur.",
            "der Regisseur",
            "Ja, es ist ein Film für den Feiertag",
        ),
        # an apposition between the commas names the speaker
        (
            "Hubert Brenner, Leiter der Abteilung, sagte, die Lage sei ernst.",
            "Hubert Brenner, Leiter der Abteilung",
            "die Lage sei ernst",
        ),
        # an adjective ending like an infinitive is no verb
        (
            "Karl Moser, zugleich Chef der rechtspopulistischen Partei, warf der Regierung "
            "vor, die Lage zu verkennen.",
            "Karl Moser, zugleich Chef der rechtspopulistischen Partei",
            "die Lage zu verkennen",
        ),
    ],
)
def test_quotes_clause_between_commas_before_a_trailing_cue_is_the_message(
    rules_nlp, text: str, speaker: str, message: str
) -> None:
    [q] = run(rules_nlp, text)
    assert (q.speaker_text, q.text) == (speaker, message)


def test_quotes_relative_clause_on_a_fronted_subject_is_no_message(rules_nlp) -> None:
    text = "Auch offizielle Statistiken, auf die im Bericht verwiesen wird, bekräftigen die Quote."
    assert run(rules_nlp, text) == []


@pytest.mark.parametrize(
    "text, speaker, message",
    [
        (
            "Der Kanzler sagte, das ist eine schwierige Frage.",
            "Der Kanzler",
            "das ist eine schwierige Frage",
        ),
        (
            "In Regierungskreisen hieß es, das dürfte bald geschehen.",
            "Regierungskreisen",
            "das dürfte bald geschehen",
        ),
    ],
)
def test_quotes_pronoun_before_its_verb_opens_a_main_clause_not_a_relative_one(
    rules_nlp, text: str, speaker: str, message: str
) -> None:
    [q] = run(rules_nlp, text)
    assert (q.speaker_text, q.text) == (speaker, message)


def test_quotes_quotation_after_an_impersonal_lead_in_without_source(rules_nlp) -> None:
    [q] = run(rules_nlp, "Weiter hieß es: „Die Sendung gibt es ab sofort auch auf Englisch.“")
    assert (q.form, q.cue, q.speaker_text) == ("Direct", "hieß", None)
    assert q.text.startswith("Die Sendung gibt es")


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a day in apposition to the time adverb before the subject
        ("Die Preise steigen, sagte gestern, Montag, der Minister.", "der Minister"),
        # a measure and a coordinated place inside the attribute before the noun
        (
            "Wir werden gewinnen, sagt der 27 Jahre junge Bezirksrat.",
            "der 27 Jahre junge Bezirksrat",
        ),
        (
            "Wir werden gewinnen, sagte der in Graz und den USA lebende Musiker.",
            "der in Graz und den USA lebende Musiker",
        ),
        # "einer" alone is someone
        ("Es ist ein Wahnsinn, sagt einer aus der Runde.", "einer"),
    ],
)
def test_quotes_speaker_after_the_verb_in_longer_phrases(
    rules_nlp, text: str, speaker: str
) -> None:
    [q] = run(rules_nlp, text)
    assert q.speaker_text == speaker


@pytest.mark.parametrize(
    "text, speaker, message",
    [
        (
            "So prophezeiten auch einige Piloten, das Überholen werde nicht einfacher.",
            "einige Piloten",
            "das Überholen werde nicht einfacher",
        ),
        (
            "Aus dem Amt wird ausgerichtet, dass es keine Zahlen gebe.",
            None,
            "dass es keine Zahlen gebe",
        ),
        ("Ich bin überglücklich, gestand die Läuferin.", "die Läuferin", "Ich bin überglücklich"),
        # a count opens the subject
        (
            "15 weitere Abgeordnete erklärten, sie seien gegen den Plan.",
            "15 weitere Abgeordnete",
            "sie seien gegen den Plan",
        ),
    ],
)
def test_quotes_more_verbs_of_saying_and_counted_subjects(
    rules_nlp, text: str, speaker: str | None, message: str
) -> None:
    [q] = run(rules_nlp, text)
    assert (q.speaker_text, q.text) == (speaker, message)


def test_quotes_organising_is_no_passing_on(rules_nlp) -> None:
    # "ausrichten" passes a message on only with "dass" or a colon after it
    assert run(rules_nlp, "Die Stadt richtet das Turnier aus, die Spiele seien ausverkauft.") == []


def test_quotes_holding_fast_reports_only_with_its_clause(rules_nlp) -> None:
    [q] = run(rules_nlp, "Dazu hielt der Minister fest, dass die Republik nicht mitmache.")
    assert (q.speaker_text, q.cue) == ("der Minister", "hielt fest")
    assert run(rules_nlp, "Die Polizei hielt den Mann fest, die Kollegen seien unterwegs.") == []


def test_quotes_quotation_before_an_impersonal_cue_without_source(rules_nlp) -> None:
    [q] = run(rules_nlp, "„Die Grenze ist zu“, hieß es am Abend.")
    assert (q.form, q.text, q.cue, q.speaker_text) == ("Direct", "Die Grenze ist zu", "hieß", None)


def test_quotes_second_verb_shares_the_subject_after_an_opening_adverb(rules_nlp) -> None:
    text = "Daher zweifelt Weinberg an dem Beitritt, meint aber, das seien politische Überlegungen."
    [q] = run(rules_nlp, text, [{"text": "Weinberg", "kind": "PER"}])
    assert (q.speaker_text, q.cue, q.text) == (
        "Weinberg",
        "meint",
        "das seien politische Überlegungen",
    )
