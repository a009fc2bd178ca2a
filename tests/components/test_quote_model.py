"""Tests for the quote tagger: feature encoding, the packaged model, decoding its labels."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pytest
import spacy

from lagebild.components import register_extensions
from lagebild.components.quote_lexicon import load_quote_lexicon
from lagebild.components.quote_model import (
    LABELS,
    WINDOW_TEMPLATES,
    WORD_ATTRS,
    FeatureSpace,
    TaggerInput,
    encode,
    load_quote_tagger,
    make_space,
    word_attributes,
)
from lagebild.components.quotes import QuoteSettings, extract_quotes, tagger_input


@pytest.fixture(scope="module")
def nlp() -> spacy.Language:
    register_extensions()
    pipeline = spacy.blank("de")
    pipeline.add_pipe("sentencizer")
    return pipeline


def _doc(nlp: spacy.Language, text: str):
    doc = nlp(text)
    doc._.mentions = None
    return doc


def _input(words: list[str]) -> TaggerInput:
    starts = [sum(len(w) + 1 for w in words[:i]) for i in range(len(words))]
    ends = [s + len(w) for s, w in zip(starts, words, strict=True)]
    return TaggerInput(
        words, [w.lower() for w in words], starts, ends, [(0, len(words), 0)],
        [False] * len(words), ["O"] * len(words),
    )  # fmt: skip


def test_quote_model_encode_gives_one_row_per_template_inside_the_table() -> None:
    lx = load_quote_lexicon("de")
    space = make_space(
        {"lower": ["die", "sei"], "suffix": ["die"], "shape": ["x", "Xx"], "lex": ["k1", "det"],
         "sentence": ["k1=True"], "rule": ["O", "MI"]},
        hash_rows=64,
    )  # fmt: skip
    enc = encode(_input(["Die", "Lage", "sei", "ernst", "."]), space, lx)
    assert enc.ids.shape == (space.templates, 5)
    assert enc.ids.min() >= 0 and enc.ids.max() < space.rows
    again = encode(_input(["Die", "Lage", "sei", "ernst", "."]), space, lx)
    assert np.array_equal(enc.ids, again.ids)  # no randomised hashing


def test_quote_model_marks_konjunktiv_and_cue_words_as_lexicon_classes() -> None:
    from lagebild.components.quote_model import lex_class

    lx = load_quote_lexicon("de")
    assert lex_class("sei", "sei", lx) == "k1"
    assert lex_class("sagte", "sagte", lx).startswith("cue")
    assert lex_class("Haus", "haus", lx) == "-"


def test_quote_model_is_packaged_for_german_with_its_licence() -> None:
    tagger = load_quote_tagger("de")
    assert tagger is not None, (
        "src/lagebild/models/quotes_de is missing: run scripts/train_quotes.py"
    )
    assert "CC BY-NC-SA 4.0" in tagger.meta["licence"]
    assert tagger.weights.shape == (tagger.space.rows, len(LABELS))
    probs = tagger.scores(_input(["Die", "Regierung", "sagte", ",", "die", "Lage", "sei", "ernst"]))
    assert probs.shape == (8, len(LABELS))
    assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-4)


def test_quote_model_is_absent_for_a_language_without_one() -> None:
    assert load_quote_tagger("en") is None


@dataclass
class _FixedTagger:
    """Stands in for ``QuoteTagger``: labels chosen by the test, decoding as shipped."""

    message_sentence: int
    speaker_words: tuple[int, ...] = ()  # token indices labelled as speaker
    meta: dict = field(
        default_factory=lambda: {
            "decode": {"min_message_tokens": 2, "min_message_share": 0.5, "continuation_gap": 2}
        }
    )

    def scores(self, inp: TaggerInput) -> np.ndarray:
        probs = np.zeros((len(inp.words), len(LABELS)))
        probs[:, 0] = 1.0
        lo, hi, _ = inp.sentences[self.message_sentence]
        probs[lo:hi] = [0.0, 1.0, 0.0, 0.0]
        for i in self.speaker_words:
            probs[i] = [0.0, 0.0, 1.0, 0.0]
        return probs


def test_quotes_tagger_message_continues_the_previous_speaker(nlp: spacy.Language) -> None:
    text = (
        "Die Ministerin sagte, die Verhandlungen seien gescheitert. "
        "Die Gegenseite blockiert jeden Kompromiss beim Grenzverlauf."
    )
    lx = load_quote_lexicon("de")
    quotes = extract_quotes(_doc(nlp, text), lx, QuoteSettings(), tagger=_FixedTagger(1))
    assert len(quotes) == 2
    added = quotes[1]
    assert added.text.startswith("Die Gegenseite blockiert")
    assert added.speaker_text == "Die Ministerin"
    assert added.confidence < quotes[0].confidence


def test_quotes_tagger_reports_without_its_speakers_when_decoding_says_so(
    nlp: spacy.Language,
) -> None:
    text = (
        "Die Ministerin sagte, die Verhandlungen seien gescheitert. "
        "Die Gegenseite blockiert jeden Kompromiss beim Grenzverlauf."
    )
    lx = load_quote_lexicon("de")
    tagger = _FixedTagger(1)
    tagger.meta["decode"]["model_speakers"] = False
    quotes = extract_quotes(_doc(nlp, text), lx, QuoteSettings(), tagger=tagger)
    assert [q.speaker_text for q in quotes] == ["Die Ministerin", None]
    assert quotes[1].text.startswith("Die Gegenseite blockiert")


def test_quotes_tagger_speaker_of_articles_alone_is_no_speaker(nlp: spacy.Language) -> None:
    text = (
        "Die Ministerin sagte, die Verhandlungen seien gescheitert. "
        "Alle Berichte zeigen, dass die Gegenseite jeden Kompromiss blockiert."
    )
    lx = load_quote_lexicon("de")
    doc = _doc(nlp, text)
    first_of_second = next(t.i for t in doc if t.text == "Alle")
    tagger = _FixedTagger(1, speaker_words=(first_of_second,))
    quotes = extract_quotes(doc, lx, QuoteSettings(), tagger=tagger)
    assert len(quotes) == 2
    assert quotes[1].speaker_text == "Die Ministerin"  # the report continues
    assert quotes[1].text.startswith("Alle Berichte zeigen")


def test_quotes_tagger_is_not_consulted_where_the_rules_found_a_quote(
    nlp: spacy.Language,
) -> None:
    text = "Die Ministerin sagte, die Verhandlungen seien gescheitert."
    lx = load_quote_lexicon("de")
    quotes = extract_quotes(_doc(nlp, text), lx, QuoteSettings(), tagger=_FixedTagger(0))
    assert len(quotes) == 1
    assert quotes[0].speaker_text == "Die Ministerin"


def test_quotes_tagger_switched_off_by_setting(nlp: spacy.Language) -> None:
    text = (
        "Die Ministerin sagte, die Verhandlungen seien gescheitert. "
        "Die Gegenseite blockiert jeden Kompromiss beim Grenzverlauf."
    )
    lx = load_quote_lexicon("de")
    settings = QuoteSettings(model=False)
    quotes = extract_quotes(_doc(nlp, text), lx, settings, tagger=_FixedTagger(1))
    assert len(quotes) == 1


def test_quotes_tagger_input_carries_the_rules_labels(nlp: spacy.Language) -> None:
    text = "Die Ministerin sagte, die Verhandlungen seien gescheitert."
    inp = tagger_input(_doc(nlp, text), load_quote_lexicon("de"))
    tags = dict(zip(inp.words, inp.rule_tags, strict=True))
    assert tags["Ministerin"] == "S"
    assert tags["sagte"] == "C"
    assert tags["Verhandlungen"] == "MI"


def test_quote_model_reads_each_word_id_back_from_its_packed_integer() -> None:
    lx = load_quote_lexicon("de")
    space = make_space(
        {"lower": ["die", "lage", "sei"], "suffix": ["age"], "shape": ["x", "Xx"],
         "lex": ["k1", "det", "-"], "sentence": [], "rule": ["O"]},
        hash_rows=64,
    )  # fmt: skip
    words = ["Die", "Lage", "sei", "ernst"]
    cache: dict = {}
    ids = encode(_input(words), space, lx, cache).ids
    for attr in ("lower", "shape", "lex"):
        t = WINDOW_TEMPLATES.index((attr, 0))
        assert [int(x) - space.bases[t] for x in ids[t]] == [
            space.vocabs[attr].get(value, 1)  # 1: unseen ("ernst")
            for value in (word_attributes(w, lx)[WORD_ATTRS.index(attr)] for w in words)
        ]
    assert set(cache) == set(words)
    assert np.array_equal(encode(_input(words), space, lx, cache).ids, ids)  # from the cache


def test_quote_model_refuses_vocabularies_too_large_to_pack_a_word() -> None:
    class Huge(dict):
        def __len__(self) -> int:
            return 1 << 40

    vocabs = {"lower": Huge(), "suffix": Huge(), "shape": {}, "lex": {}, "sentence": {}}
    with pytest.raises(ValueError, match="63 bits"):
        FeatureSpace(vocabs={**vocabs, "rule": {}}, hash_rows=64)
