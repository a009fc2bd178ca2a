"""A deterministic store for the web tests, built by hand from records (no pipeline run).

Twenty-four articles from four outlets over seven weeks, with events between
China, the USA, Russia, Germany and NATO, quotes and removed boilerplate; one
more article is hostile: markup and script payloads in its title, outlet,
text, actor names, quotes and removed spans. ``build_web_db`` returns what it
wrote, so tests compute expected answers from the records, not from the app.
"""

from __future__ import annotations

import datetime as dt
import random
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")

from lagebild import api
from lagebild.model import (
    Analysis,
    Article,
    Event,
    EventActor,
    Mention,
    Quote,
    RemovedSpan,
    Sentence,
)
from lagebild.settings import Settings
from lagebild.store import Store

ACTORS = {
    # key: (surface text, actor id, code, country, kind, canonical name)
    "CHN": ("Peking", "gpe:CHN", "CHN", "CHN", "GPE", "China"),
    "USA": ("Washington", "gpe:USA", "USA", "USA", "GPE", "Vereinigte Staaten"),
    "RUS": ("Moskau", "gpe:RUS", "RUS", "RUS", "GPE", "Russland"),
    "DEU": ("Berlin", "gpe:DEU", "DEU", "DEU", "GPE", "Deutschland"),
    "NATO": ("NATO", "igo:nato", "IGOWSTNAT", None, "IGO", "Nordatlantikpakt"),
}
# (sentence template, CAMEO, root, PLOVER, QuadClass, Goldstein, trigger)
VERBS = (
    ("{s} kritisiert {t} scharf.", "111", "11", "ACCUSE", 3, -2.0, "kritisiert"),
    ("{s} lädt {t} zu Gesprächen ein.", "036", "03", "CONSULT", 1, 4.0, "lädt"),
    ("{s} verhängt Sanktionen gegen {t}.", "163", "16", "SANCTION", 4, -8.0, "verhängt"),
    ("{s} liefert {t} Hilfsgüter.", "073", "07", "AID", 2, 7.0, "liefert"),
)
OUTLETS = ("Tagesblatt", "Nordkurier Digital", "Weltspiegel", "Staatsfunk")
MODALITIES = ("asserted", "asserted", "reported", "future", "negated")
PAYLOAD = "<script>alert('xss')</script>"
FIRST_DAY = dt.date(2023, 5, 1)


@dataclass(slots=True)
class WebFixture:
    """The fixture store and the records written to it."""

    db: Path
    analyses: list[Analysis] = field(default_factory=list)
    hostile_id: str = ""

    @property
    def events(self) -> list[tuple[Article, Event]]:
        return [(a.article, e) for a in self.analyses for e in a.events]


def build_web_db(db: Path, *, seed: int = 42, corpus: bool = True) -> WebFixture:
    rng = random.Random(seed)
    fixture = WebFixture(db=db)
    keys = sorted(ACTORS)
    for i in range(24):
        src, tgt = rng.sample(keys, 2)
        fixture.analyses.append(_article(
            f"a{i:03d}", rng=rng, outlet=OUTLETS[i % len(OUTLETS)],
            published=FIRST_DAY + dt.timedelta(days=2 * i),
            pairs=[(src, tgt), tuple(rng.sample(keys, 2))],
        ))
    fixture.analyses.append(_hostile("evil0001"))
    fixture.hostile_id = "evil0001"
    with Store(db) as store:
        for analysis in fixture.analyses:
            store.add(analysis)
    if corpus:
        # stories, dyad tables, the graph and the article JSON, as `lagebild run` does
        api.update_corpus(db)
    return fixture


class _Text:
    """Builds an article text piece by piece, remembering offsets."""

    def __init__(self) -> None:
        self.text = ""

    def add(self, piece: str) -> tuple[int, int]:
        start = len(self.text)
        self.text += piece
        return start, len(self.text)


def _article(aid: str, *, rng: random.Random, outlet: str, published: dt.date,
             pairs: list[tuple[str, str]]) -> Analysis:
    body = _Text()
    title = f"{ACTORS[pairs[0][0]][5]} und {ACTORS[pairs[0][1]][5]}: neue Spannungen"
    body.add(title + "\n\n")
    sentences = [Sentence(0, 0, len(title), title, 0, True)]
    mentions, events = [], []
    for n, (s, t) in enumerate(pairs):
        template, cameo, root, plover, quad, goldstein, trigger = rng.choice(VERBS)
        s_text, t_text = ACTORS[s][0], ACTORS[t][0]
        sentence = template.format(s=s_text, t=t_text)
        sentence = sentence[0].upper() + sentence[1:]
        start, end = body.add(sentence + " ")
        sentences.append(Sentence(n + 1, start, end - 1, sentence, 1))
        s_start = start
        t_start = start + sentence.index(t_text)
        trig = start + sentence.index(trigger)
        mentions += [_mention(aid, s, s_start), _mention(aid, t, t_start)]
        events.append(Event(
            id=f"{aid}-e{n}", article_id=aid, sentence=n + 1,
            source=[_side(s, s_start)], target=[_side(t, t_start)],
            cameo=cameo, root=root, plover=plover, mode=None, context=[], quad_class=quad,
            goldstein=goldstein, modality=rng.choice(MODALITIES), trigger=trigger,
            trigger_start=trig, trigger_end=trig + len(trigger), evidence_start=start,
            evidence_end=end - 1, date=published,
        ))
    speaker = pairs[0][0]
    q_text = f"Wir beobachten die Lage um {ACTORS[pairs[0][1]][0]} genau"
    q_start, q_end = body.add("„" + q_text)
    body.add("“, sagte ein Sprecher in ")
    sp_start, sp_end = body.add(ACTORS[speaker][0])
    body.add(".\n")
    mentions.append(_mention(aid, pairs[0][1], q_start + 1 + q_text.index(ACTORS[pairs[0][1]][0])))
    mentions.append(_mention(aid, speaker, sp_start))
    quotes = [Quote(aid, q_start + 1, q_end, q_text, "Direct", speaker_text=ACTORS[speaker][0],
                    speaker_actor_id=ACTORS[speaker][1], speaker_start=sp_start,
                    speaker_end=sp_end, cue="sagte", speaker_code=ACTORS[speaker][2])]
    promo = "Abonnieren Sie unseren Kanal!\n"
    article = Article(
        id=aid, text=body.text, raw_text=body.text + promo, title=title, source=f"{aid}.txt",
        outlet=outlet, published=published, language="de",
        removed_spans=[RemovedSpan(len(body.text), len(body.text) + len(promo), "promo", promo)],
    )
    return Analysis(article=article, sentences=sentences,
                    mentions=sorted(mentions, key=lambda m: m.start), quotes=quotes,
                    events=events, tone=0.0)


def _mention(aid: str, key: str, start: int) -> Mention:
    text, actor_id, code, country, kind, name = ACTORS[key]
    return Mention(aid, start, start + len(text), text, kind, actor_id, country, None, code,
                   name=name)


def _side(key: str, start: int) -> EventActor:
    text, actor_id, code, country, _kind, _name = ACTORS[key]
    return EventActor(text=text, actor_id=actor_id, code=code, country=country, start=start,
                      end=start + len(text))


def _hostile(aid: str) -> Analysis:
    """Markup and script payloads everywhere an article can carry text."""
    body = _Text()
    title = f"Angriff {PAYLOAD}"
    body.add(title + "\n\n")
    a_start, a_end = body.add("<b>Peking</b>")
    body.add(" warnt ")
    t_start, t_end = body.add("<img src=x onerror=alert(1)>")
    body.add(f" vor {PAYLOAD} & \"Folgen\". ")
    q_start, q_end = body.add(f"„{PAYLOAD} bleibt“")
    body.add(", sagte <i>er</i>.\n")
    text = body.text
    removed = f"Mehr zum Thema {PAYLOAD}\n"
    article = Article(
        id=aid, text=text, raw_text=text + removed, title=title, source="evil.html",
        outlet="<em>Outlet</em>", published=FIRST_DAY + dt.timedelta(days=10), language="de",
        url="javascript:alert(2)",
        removed_spans=[RemovedSpan(len(text), len(text) + len(removed), f"promo {PAYLOAD}",
                                   removed)],
    )
    evil_actor = EventActor(text="<b>Peking</b>", actor_id="gpe:CHN", code="CHN", country="CHN",
                            start=a_start, end=a_end)
    target = EventActor(text="<img src=x onerror=alert(1)>", code="<svg onload=alert(3)>",
                        start=t_start, end=t_end)
    sentence_end = text.index(". ", a_start) + 1
    return Analysis(
        article=article,
        sentences=[Sentence(0, 0, len(title), title, 0, True),
                   Sentence(1, a_start, sentence_end, text[a_start:sentence_end], 1)],
        mentions=[
            Mention(aid, a_start, a_end, "<b>Peking</b>", "GPE", "gpe:CHN", "CHN", None, "CHN",
                    name=f"China {PAYLOAD}"),
            Mention(aid, t_start, t_end, "<img src=x onerror=alert(1)>", "ORG",
                    '"><script>alert(4)</script>', None, None, "<svg onload=alert(3)>",
                    name="<img src=y onerror=alert(5)>"),
        ],
        quotes=[Quote(aid, q_start + 1, q_end - 1, f"{PAYLOAD} bleibt", "Direct",
                      speaker_text=f"<i>{PAYLOAD}</i>", cue="sagte")],
        events=[Event(
            id=f"{aid}-e0", article_id=aid, sentence=1, source=[evil_actor], target=[target],
            cameo="111", root="11", plover="ACCUSE", mode=None, context=[], quad_class=3,
            goldstein=-2.0, modality="asserted", trigger="warnt",
            trigger_start=a_end + 1, trigger_end=a_end + 6, evidence_start=a_start,
            evidence_end=sentence_end, date=FIRST_DAY + dt.timedelta(days=10),
        )],
    )


ANALYZE_SETTINGS = Settings(stages="segment,actors,quotes,events")  # no trained NER needed


@pytest.fixture(scope="session")
def web_fixture(tmp_path_factory: pytest.TempPathFactory) -> WebFixture:
    return build_web_db(tmp_path_factory.mktemp("web") / "web.duckdb")


def make_client(app: Any, **kwargs: Any) -> Any:
    """A ``TestClient`` for ``app``; server errors become responses, as in production."""
    with warnings.catch_warnings():  # Starlette's notice that it prefers httpx2 over httpx
        warnings.filterwarnings("ignore", message=".*httpx2.*")
        from fastapi.testclient import TestClient

        return TestClient(app, raise_server_exceptions=False, **kwargs)


@pytest.fixture(scope="session")
def client(web_fixture: WebFixture):
    """An in-process client for the app over the fixture store."""
    from lagebild.web import make_app

    app = make_app(db=web_fixture.db, settings=ANALYZE_SETTINGS)
    with make_client(app) as test_client:
        yield test_client
