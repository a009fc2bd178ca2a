"""The tone stage: lexicon balance, negation, shifters, spaCy component, speed."""

from __future__ import annotations

import time

import pytest
import spacy

from lagebild.components import register_extensions
from lagebild.components.tone import ToneCounts, load_lexicon
from lagebild.model import Sentence


@pytest.fixture(scope="module")
def lexicon():
    lx = load_lexicon("de")
    assert lx is not None
    return lx


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Die Regierung lobte die gute Zusammenarbeit.", 1),
        ("Der Angriff war brutal und grausam.", -1),
        ("Das Treffen war nicht erfolgreich.", -1),
        ("Das ist keine schlechte Nachricht.", 1),
        ("Die Minister unterstützen den Plan nicht.", -1),
        ("Gut, dass es keinen Krieg gibt.", 1),
    ],
)
def test_tone_sign_follows_polarity_and_negation(lexicon, text, sign):
    tone = lexicon.score(text).tone
    assert tone * sign > 0


def test_tone_negation_does_not_cross_clause_boundary(lexicon):
    counts = lexicon.score("Sie kamen nicht, das ist gut.")
    assert (counts.positive, counts.negative) == (1.0, 0.0)
    counts = lexicon.score("Sie kamen nicht gut an.")
    assert (counts.positive, counts.negative) == (0.0, 1.0)


def test_tone_shifter_weakens_the_next_word(lexicon):
    assert lexicon.score("Es gab kaum Erfolg.").positive == 0.5
    assert lexicon.score("Es gab Erfolg.").positive == 1.0


def test_tone_sentence_initial_capital_matches_lower_case_entry(lexicon):
    assert lexicon.score("Gut war das.").positive == 1.0


def test_tone_counts_add_and_empty_text_is_neutral():
    total = ToneCounts(2, 1, 10) + ToneCounts(0, 1, 5)
    assert (total.positive, total.negative, total.words) == (2, 2, 15)
    assert total.tone == 0.0 and ToneCounts().tone == 0.0


def test_tone_component_sets_doc_and_sentence_tone():
    register_extensions()
    nlp = spacy.blank("de")
    nlp.add_pipe("lagebild_tone")
    text = "Die Einigung ist ein großer Erfolg. Der Krieg ist eine Katastrophe."
    doc = nlp.make_doc(text)
    doc._.sentences = [Sentence(0, 0, 34, text[:34], 0), Sentence(1, 35, len(text), text[35:], 0)]
    doc = nlp.get_pipe("lagebild_tone")(doc)
    first, second = doc._.sentence_tone
    assert first.tone > 0 > second.tone
    assert -1.0 <= doc._.tone <= 1.0


def test_tone_english_has_no_lexicon_and_leaves_tone_unset():
    assert load_lexicon("en") is None


def test_tone_is_cheap(lexicon):
    text = "Die Regierung kritisierte scharf die Sanktionen, lobte aber den Dialog. " * 50
    started = time.perf_counter()
    for _ in range(20):
        lexicon.score(text)
    per_article = (time.perf_counter() - started) / 20
    assert per_article < 0.002  # 3,500 characters; the budget is 1 ms, with room for slow CI
