"""Corpus tone: sentence tone rows and tone per actor from summed counts."""

from __future__ import annotations

import pytest

from lagebild.corpus import update_corpus
from lagebild.corpus.tone import actor_tone
from lagebild.store import Store

from .helpers import analysis


def test_actor_tone_sums_counts_of_sentences_mentioning_the_actor(tmp_path):
    text = "Die Zusammenarbeit ist gut. Der Krieg ist schrecklich und brutal."
    with Store(tmp_path / "t.duckdb") as store:
        a = analysis("a1", text, actors=["CHN"])
        # CHN is mentioned in the first sentence only, RUS in the second
        a.mentions[0] = a.mentions[0].__class__(**{**a.mentions[0].to_dict(), "start": 4, "end": 8})
        rus = a.mentions[0].__class__(**{**a.mentions[0].to_dict(), "start": 33, "end": 37,
                                         "code": "RUS", "country": "RUS", "text": "RUS"})
        a.mentions.append(rus)
        store.add(a)
        done = update_corpus(store.con, stories=False)
        assert done.sentence_tones == 2
        rows = {r["actor"]: r for r in actor_tone(store.con)}
        assert rows["CHN"]["tone"] == pytest.approx(1.0)
        assert rows["RUS"]["tone"] == pytest.approx(-1.0)
        assert rows["RUS"]["negative"] >= 2
        only = actor_tone(store.con, actor="CHN")
        assert [r["actor"] for r in only] == ["CHN"]
