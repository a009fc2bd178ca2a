"""Tests for the quote lexicon: cue forms generated from the language's word lists."""

from __future__ import annotations

import pytest

from lagebild.components.quote_lexicon import load_quote_lexicon


@pytest.mark.parametrize(
    ("form", "lemma", "particle"),
    [
        ("sagte", "sagen", ""),
        ("sagten", "sagen", ""),
        ("gesagt", "sagen", ""),
        ("fügte", "hinzufügen", "hinzu"),
        ("hinzufügte", "hinzufügen", "hinzu"),
        ("hinzugefügt", "hinzufügen", "hinzu"),
        ("ausgesagt", "aussagen", "aus"),
        ("erklärt", "erklären", ""),
        ("präzisierte", "präzisieren", ""),
        ("kritisiert", "kritisieren", ""),
        ("berichtete", "berichten", ""),
        ("unterstrich", "unterstreichen", ""),
        ("warf", "vorwerfen", "vor"),
        ("zitiert", "zitieren", ""),
    ],
)
def test_quote_lexicon_generates_inflected_cue_forms(form: str, lemma: str, particle: str) -> None:
    forms = load_quote_lexicon("de").cues[form]
    assert any(f.lemma == lemma and f.particle == particle for f in forms)


def test_quote_lexicon_binds_each_needed_word_with_its_alternatives() -> None:
    [going_out] = [f for f in load_quote_lexicon("de").cues["geht"] if f.lemma == "ausgehen"]
    assert going_out.needs == (frozenset({"davon", "von", "vom"}),)
    [called] = [f for f in load_quote_lexicon("de").cues["heißt"] if f.lemma == "heißen"]
    assert called.needs == (frozenset({"es"}),)
