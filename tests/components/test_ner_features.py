"""Tests for the NER model's word-class features (dictionary and name lists)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from lagebild.components import ner_features as nf
from lagebild.components.ner import default_model_path, load_model

NAMES = {"Karin": nf.FIRST_NAME, "Weißhaupt": nf.SURNAME, "Wolfsburg": nf.PLACE}


@pytest.fixture(scope="module")
def known():
    return nf._known_words()


def test_word_class_marks_unknown_capitalised_word(known) -> None:
    assert nf.word_class("Wielgosz", names={}, known=known) == nf.CAPITALISED


def test_word_class_marks_dictionary_noun_and_compound(known) -> None:
    assert nf.word_class("Regierung", names={}, known=known) == nf.CAPITALISED | nf.KNOWN
    # not in the dictionary as a whole word, but its head is a dictionary noun
    assert nf.word_class("Klimaschutzgesetz", names={}, known=known) == (
        nf.CAPITALISED | nf.COMPOUND
    )


def test_word_class_reads_name_lists_and_genitives(known) -> None:
    assert nf.word_class("Karin", names=NAMES, known=known) & nf.FIRST_NAME
    assert nf.word_class("Weißhaupts", names=NAMES, known=known) & nf.SURNAME
    assert not nf.word_class("Wolfsburger", names=NAMES, known=known) & nf.PLACE


def test_word_class_of_lower_case_words_has_no_capital_bit(known) -> None:
    assert nf.word_class("besuchte", names=NAMES, known=known) == nf.KNOWN
    assert nf.word_class("xqzt", names=NAMES, known=known) == 0


def test_word_class_judges_hyphenated_word_by_its_head(known) -> None:
    value = nf.word_class("EU-Kommission", names={}, known=known)
    assert value & nf.CAPITALISED and value & nf.KNOWN


def test_read_name_lists_combines_lists_per_word(tmp_path) -> None:
    path = tmp_path / "names.tsv"
    path.write_text("Paris\tfirst\nParis\tplace\nFoo\tunknown\n", encoding="utf-8")
    assert nf.read_name_lists(path) == ({"Paris": nf.FIRST_NAME | nf.PLACE}, [])


def test_read_name_lists_reads_organisation_rows_only_when_asked(tmp_path) -> None:
    path = tmp_path / "names.tsv"
    path.write_text("GmbH\torg\nverband\torg_suffix\nKarin\tfirst\n", encoding="utf-8")
    assert nf.read_name_lists(path) == ({"Karin": nf.FIRST_NAME}, [])
    names, suffixes = nf.read_name_lists(path, org=True)
    assert names == {"GmbH": nf.ORGANISATION, "Karin": nf.FIRST_NAME}
    assert suffixes == ["verband"]


def test_word_class_marks_organisation_endings(known) -> None:
    endings = ("verband", "bank")
    for word in ("Bauernverband", "Bauernverbands", "Commerzbank", "DFB-Bauernverband"):
        assert nf.word_class(word, names={}, known=known, org_suffixes=endings) & nf.ORGANISATION
    # the ending alone, lower-case words and other words carry no organisation bit
    for word in ("Bank", "bank", "Regierung"):
        assert not nf.word_class(word, names={}, known=known, org_suffixes=endings) & (
            nf.ORGANISATION
        )
    assert not nf.word_class("Bauernverband", names={}, known=known) & nf.ORGANISATION


def _embed(names_path: str | None) -> object:
    return nf.NameClassEmbed(64, ["NORM", "SHAPE"], [100, 50], name_lists=names_path)


def test_name_class_embed_carries_its_lists_through_serialisation(tmp_path) -> None:
    path = tmp_path / "names.tsv"
    path.write_text("Karin\tfirst\nWolfsburg\tplace\n", encoding="utf-8")
    vocab = spacy.blank("de").vocab
    doc = Doc(vocab, words=["Karin", "besuchte", "Wolfsburg", "."])
    model = _embed(str(path))
    model.initialize(X=[doc])
    restored = _embed(None).from_bytes(model.to_bytes())
    assert restored.layers[0].attrs["names"] == {"Karin": nf.FIRST_NAME, "Wolfsburg": nf.PLACE}
    (vectors,) = restored.predict([doc])
    assert vectors.shape == (4, 64)
    assert (vectors == model.predict([doc])[0]).all()


def test_name_class_embed_keeps_organisation_endings_through_serialisation(tmp_path) -> None:
    path = tmp_path / "names.tsv"
    path.write_text("GmbH\torg\nverband\torg_suffix\n", encoding="utf-8")
    doc = Doc(spacy.blank("de").vocab, words=["Der", "Bauernverband", "und", "Wagner", "GmbH"])

    def embed(names_path: str | None) -> object:
        return nf.NameClassEmbed(
            64, ["NORM", "SHAPE"], [100, 50], name_lists=names_path, org_class=True
        )

    model = embed(str(path))
    model.initialize(X=[doc])
    restored = embed(None).from_bytes(model.to_bytes())
    extractor = restored.layers[0]
    assert extractor.attrs["org_suffixes"] == ["verband"]
    (features,) = extractor.predict([doc])
    assert [bool(int(v) & nf.ORGANISATION) for v in features[:, -1]] == [
        False, True, False, False, True,
    ]  # fmt: skip
    assert (restored.predict([doc])[0] == model.predict([doc])[0]).all()


def test_name_class_extractor_appends_class_column(known) -> None:
    vocab = spacy.blank("de").vocab
    doc = Doc(vocab, words=["Karin", "Weißhaupt", "besuchte", "Wolfsburg"])
    (features,) = nf.ClassExtractor(["NORM"], NAMES).predict([doc])
    assert features.shape == (4, 2)
    assert [int(v) for v in features[:, 1]] == [
        nf.word_class(t.text, names=NAMES, known=known) for t in doc
    ]
    # a span reads its own tokens only
    (span_features,) = nf.ClassExtractor(["NORM"], NAMES).predict([doc[2:4]])
    assert (span_features == features[2:4]).all()


def test_shipped_model_carries_name_lists() -> None:
    model = load_model(str(default_model_path()))
    embed = model.get_pipe("tok2vec").model.get_ref("embed")
    extractor = embed.layers[0]
    assert extractor.name == "extract_features_with_class"
    names = extractor.attrs["names"]
    assert len(names) > 10_000
    assert names.get("Karin", 0) & nf.FIRST_NAME
    assert names.get("Wolfsburg", 0) & nf.PLACE
