"""Story clustering: near duplicates, same story in other words, time window, increments."""

from __future__ import annotations

import datetime as dt

import pytest

from lagebild.corpus.similarity import CharGramVectorizer, minhash
from lagebild.corpus.stories import stories, story, update_stories
from lagebild.store import Store

from .helpers import analysis

REPORT = (
    "Die Regierung in Ankara hat am Dienstag ein neues Abkommen über Getreidelieferungen "
    "mit der Ukraine unterzeichnet. Das Abkommen sieht vor, dass monatlich zwei Millionen "
    "Tonnen Weizen über die Häfen am Schwarzen Meer verschifft werden. Beobachter sprachen "
    "von einem wichtigen Schritt für die Ernährungssicherheit in Afrika und Nahost. Die "
    "Vereinten Nationen hatten monatelang zwischen den Parteien vermittelt."
)
OTHER_WORDS = (
    "Getreideexporte: Türkei und Ukraine schließen Abkommen über Weizenlieferungen. Ankara "
    "und Kiew haben sich auf Getreidelieferungen über Häfen am Schwarzen Meer geeinigt, "
    "monatlich sollen Millionen Tonnen Weizen verschifft werden."
)
UNRELATED = (
    "Bei den Parlamentswahlen in Portugal haben die Sozialisten die absolute Mehrheit "
    "verfehlt. Der Ministerpräsident kündigte Gespräche mit kleineren Parteien an, um eine "
    "stabile Regierung zu bilden. Die Wahlbeteiligung lag bei knapp sechzig Prozent."
)
SAME_ACTORS_OTHER_STORY = (
    "Die Türkei hat den ukrainischen Botschafter einbestellt, nachdem ein Frachtschiff vor "
    "Odessa beschossen worden war. Der Außenminister verlangte Aufklärung über den Vorfall "
    "und drohte mit Konsequenzen für die bilaterale Zusammenarbeit."
)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "s.duckdb") as s:
        yield s


def _place(store):
    return update_stories(store.con, vectorizer=CharGramVectorizer())


def _groups(store):
    return sorted(sorted(s.article_ids) for s in stories(store.con))


def test_stories_minhash_tells_reposts_from_other_reports():
    repost = "Jetzt abonnieren! " + REPORT + " Mehr zum Thema: Newsletter"
    same = (minhash(REPORT) == minhash(repost)).mean()
    other = (minhash(REPORT) == minhash(OTHER_WORDS)).mean()
    assert same > 0.6 and other < 0.2


def test_stories_groups_near_duplicate_reposts(store):
    store.add(analysis("a1", REPORT, outlet="Wire", actors=["TUR", "UKR"]))
    store.add(analysis("a2", "Jetzt abonnieren! " + REPORT + " Mehr zum Thema: Newsletter",
                       outlet="Blog", actors=[]))
    store.add(analysis("a3", UNRELATED, outlet="Wire", actors=["PRT"]))
    assert _place(store) == 3
    assert _groups(store) == [["a1", "a2"], ["a3"]]
    reason = store.con.execute("SELECT reason FROM story_articles WHERE article_id = 'a2'")
    assert reason.fetchone()[0] == "near_duplicate"


def test_stories_links_same_story_in_other_words_when_actors_agree(store):
    store.add(analysis("a1", REPORT, title="Abkommen über Getreide", outlet="Wire",
                       actors=["TUR", "UKR", "TURGOV", "UKR", "IGOUNO"]))
    store.add(analysis("a2", OTHER_WORDS, outlet="Zeitung", published=dt.date(2023, 5, 11),
                       actors=["TUR", "UKR", "UKRGOV"]))
    _place(store)
    assert _groups(store) == [["a1", "a2"]]
    found = story(store.con, "a2")
    assert found is not None and found.outlets == ["Wire", "Zeitung"]
    assert found.first_seen == dt.date(2023, 5, 10)


def test_stories_keeps_same_actors_different_story_apart(store):
    store.add(analysis("a1", REPORT, actors=["TUR", "UKR", "TURGOV"]))
    store.add(analysis("a2", SAME_ACTORS_OTHER_STORY, actors=["TUR", "UKR", "TURGOV"]))
    _place(store)
    assert _groups(store) == [["a1"], ["a2"]]


def test_stories_respects_the_time_window(store):
    store.add(analysis("a1", REPORT, published=dt.date(2023, 5, 10)))
    store.add(analysis("a2", REPORT + " Ergänzung.", published=dt.date(2023, 7, 1)))
    _place(store)
    assert _groups(store) == [["a1"], ["a2"]]


def test_stories_update_is_incremental_and_ids_are_stable(store):
    store.add(analysis("a1", REPORT, actors=["TUR", "UKR"]))
    assert _place(store) == 1
    first = story(store.con, "a1").id
    assert _place(store) == 0
    store.add(analysis("a2", "Eilmeldung. " + REPORT, outlet="Blog", actors=["TUR"]))
    store.add(analysis("a3", UNRELATED, actors=["PRT"]))
    assert _place(store) == 2
    assert story(store.con, "a2").id == first
    assert story(store.con, first).article_ids == ["a1", "a2"]
    assert story(store.con, "missing") is None


def test_stories_block_size_does_not_change_the_placement(tmp_path, monkeypatch):
    texts = [REPORT, "Jetzt abonnieren! " + REPORT, UNRELATED, OTHER_WORDS,
             SAME_ACTORS_OTHER_STORY, "Eilmeldung. " + UNRELATED]
    placements = []
    for block in (256, 1, 2):
        monkeypatch.setattr("lagebild.corpus.stories.BLOCK", block)
        with Store(tmp_path / f"b{block}.duckdb") as s:
            for i, text in enumerate(texts):
                s.add(analysis(f"a{i}", text, actors=["TUR", "UKR"] if i % 2 else ["PRT"]))
            assert _place(s) == len(texts)
            placements.append(s.con.execute(
                "SELECT article_id, story_id, reason, score FROM story_articles ORDER BY 1"
            ).fetchall())
    assert placements[0] == placements[1] == placements[2]
    assert len({story_id for _, story_id, _, _ in placements[0]}) < len(texts)
