"""Tests for language identification, machine-translation tells and foreign passages."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.components.clean import clean_text
from lagebild.components.language import (
    detect_language,
    find_foreign_passages,
    find_mt_signals,
)
from lagebild.lang import get_language_data

GERMAN = (
    "Die Regierung in Nordland hat am Dienstag ein neues Sicherheitsgesetz beschlossen. "
    "Die Opposition kündigte an, vor dem Verfassungsgericht dagegen zu klagen."
)
ENGLISH = (
    "The government of Northland passed a new security law on Tuesday. The opposition "
    "said it would challenge the law before the constitutional court."
)
FRENCH = (
    "Le gouvernement a adopté mardi une nouvelle loi sur la sécurité. L'opposition a annoncé "
    "qu'elle contesterait la loi devant le Conseil constitutionnel."
)


def signal_tuples(signals):
    return [(s.kind, s.text, s.language) for s in signals]


# ------------------------------------------------------------------ detect_language


@pytest.mark.parametrize(("text", "code"), [(GERMAN, "de"), (ENGLISH, "en"), (FRENCH, "fr")])
def test_detect_language_reports_iso_code(text: str, code: str) -> None:
    assert detect_language(text) == code


def test_detect_language_falls_back_to_default_on_short_text() -> None:
    assert detect_language("NATO") == "de"
    assert detect_language("", default="en") == "en"
    assert detect_language("12.03.2024 – 14:35", default="en") == "en"


# ------------------------------------------------------------------ find_mt_signals


@pytest.mark.parametrize(
    ("sentence", "word", "code"),
    [
        ("Das Gipfeltreffen coincides mit dem Jahrestag der Verträge.", "coincides", "en"),
        ("Sin embargo, die Gespräche wurden am Abend fortgesetzt.", "Sin embargo", "es"),
        ("Die strategische Alliance zwischen beiden Staaten wächst.", "Alliance", "en"),
        ("Der Minister sagte however, dass die Lage ernst sei.", "however", "en"),
        ("Tuttavia, die Regierung hielt an dem Plan fest.", "Tuttavia", "it"),
        ("Cependant, die Verhandlungen kamen nicht voran.", "Cependant", "fr"),
        ("No entanto, die Delegation reiste vorzeitig ab.", "No entanto", "pt"),
    ],
)
def test_find_mt_signals_flags_untranslated_words(sentence: str, word: str, code: str) -> None:
    signals = find_mt_signals(sentence, language="de")
    assert signal_tuples(signals) == [("foreign_function_word", word, code)]
    assert sentence[signals[0].start : signals[0].end] == word


@pytest.mark.parametrize(
    "sentence",
    [
        "Wie der Guardian und The New York Times berichteten, wurde der Plan verschoben.",
        "Der Premier Han sagte am Montag, die Gespräche gingen weiter.",
        "Die Zeitung Les Echos berichtete über die Pläne der Regierung.",
        "Das meldete die Seite Antiwar.com am Mittwoch unter Berufung auf Diplomaten.",
        "Die Alliance Française in Berlin feierte ihr Jubiläum mit einem Fest.",
        "Der Titel des Buches lautet „The Art of the Deal“ und stammt aus den Achtzigern.",
        "Das Team gab ein Statement ab, nach dem Meeting gab es ein Update.",
        "Der Edward-Said-Preis ging an eine Autorin aus dem Libanon.",
        "Des is mir wurscht, sagte der Wirt.",
    ],
)
def test_find_mt_signals_ignores_names_titles_and_loanwords(sentence: str) -> None:
    assert find_mt_signals(sentence, language="de") == []


def test_find_mt_signals_flags_lowercase_paragraph_start() -> None:
    text = "Titel\n\ntrotz der Einigung bleiben Fragen offen.\n\nvon der Leyen reiste nach Kiew."
    signals = find_mt_signals(text, language="de")
    assert signal_tuples(signals) == [("lowercase_start", "trotz", None)]


def test_find_mt_signals_english_host_flags_german_words() -> None:
    text = "The minister said the talks would continue, jedoch without a date being set."
    assert signal_tuples(find_mt_signals(text, language="en")) == [
        ("foreign_function_word", "jedoch", "de")
    ]


def test_find_mt_signals_unsupported_language_is_empty() -> None:
    assert find_mt_signals("Sin embargo, die Gespräche", language="fr") == []


def test_foreign_lists_exclude_german_words() -> None:
    data = get_language_data("de")
    listed = {entry for _, entries in data.foreign_words for entry in entries}
    flagged = listed - data.foreign_excluded
    for word in ("die", "will", "also", "war", "was", "an", "in", "um", "los", "statement"):
        assert word not in flagged


# ------------------------------------------------------------------ find_foreign_passages


def test_find_foreign_passages_finds_english_sentence_in_german_text() -> None:
    english = "We will not accept any agreement that ignores our security interests."
    text = f"{GERMAN}\n\nDer Minister schrieb auf X: {english}\n\n{GERMAN}"
    passages = find_foreign_passages(text, language="de")
    assert len(passages) == 1
    passage = passages[0]
    assert passage.kind == "foreign_passage"
    assert passage.language == "en"
    assert english in passage.text
    assert text[passage.start : passage.end] == passage.text


def test_find_foreign_passages_merges_adjacent_sentences() -> None:
    text = f"{GERMAN}\n\n{ENGLISH}"
    passages = find_foreign_passages(text, language="de")
    assert [(p.language, p.text) for p in passages] == [("en", ENGLISH)]


def test_find_foreign_passages_none_in_plain_german() -> None:
    assert find_foreign_passages(f"{GERMAN}\n\n{GERMAN}", language="de") == []


def test_find_foreign_passages_german_in_english_text() -> None:
    passages = find_foreign_passages(f"{ENGLISH}\n\n{GERMAN}", language="en")
    assert [p.language for p in passages] == ["de"]


# ------------------------------------------------------------------ seeds


def test_language_signals_on_machine_translated_seed(shared_data: Path) -> None:
    seeds = sorted((shared_data.parent / "seeds").glob("*bbb6a3d2aafa3b0f*.txt"))
    if not seeds:
        pytest.skip("seed not found")
    cleaned = clean_text(seeds[0].read_text(encoding="utf-8"))
    assert detect_language(cleaned.text) == "de"
    signals = find_mt_signals(cleaned.text, language="de")
    assert ("foreign_function_word", "coincides", "en") in signal_tuples(signals)
    assert ("foreign_function_word", "Sin embargo", "es") in signal_tuples(signals)
    for signal in signals:
        assert cleaned.text[signal.start : signal.end] == signal.text
