"""Event coding: triggers, roles, modality, and the quality gate on the gold sentences."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import pytest
import spacy

from lagebild.components import register_extensions
from lagebild.components.events import EventCoder
from lagebild.model import Event, Mention

ROOT = Path(__file__).resolve().parents[2]

#: A tiny stand-in for the actor stage: surface → (code, country, kind).
ACTORS = {
    "Russland": ("RUS", "RUS", "GPE"),
    "Ukraine": ("UKR", "UKR", "GPE"),
    "China": ("CHN", "CHN", "GPE"),
    "Peking": ("CHN", "CHN", "GPE"),
    "Chinas": ("CHN", "CHN", "GPE"),
    "Kuba": ("CUB", "CUB", "GPE"),
    "USA": ("USA", "USA", "GPE"),
    "Washington": ("USA", "USA", "GPE"),
    "Peru": ("PER", "PER", "GPE"),
    "Japan": ("JPN", "JPN", "GPE"),
    "NATO": ("NATO", None, "IGO"),
    "Xi": ("CHNGOV", "CHN", "PER"),
    "Putin": ("RUSGOV", "RUS", "PER"),
    "Iran": ("IRN", "IRN", "GPE"),
    "EU": ("EUR", None, "IGO"),
    "Gondor": ("GON", "GON", "GPE"),
    "Mordor": ("MOR", "MOR", "GPE"),
    "Arnor": ("ARN", "ARN", "GPE"),
    "Rohan": ("ROH", "ROH", "GPE"),
    "Hegseth": ("USAGOV", "USA", "PER"),
    "peruanischen Amtskollegen": ("PERGOV", "PER", "PER"),
    "Nawalny": ("RUSOPP", "RUS", "PER"),
    "Moskau": ("RUS", "RUS", "GPE"),
    "Kiew": ("UKR", "UKR", "GPE"),
    "Harad": ("HAR", "HAR", "GPE"),
    "Gondors": ("GON", "GON", "GPE"),
    "Rohans": ("ROH", "ROH", "GPE"),
    "Edoras": ("ROH", "ROH", "GPE"),
    "Minas Tirith": ("GON", "GON", "GPE"),
    "Präsident Arnors": ("ARNGOV", "ARN", "PER"),
    "Kanzler Gondors": ("GONGOV", "GON", "PER"),
    "Regierung Mordors": ("MORGOV", "MOR", "ORG"),
    "Regierung Rohans": ("ROHGOV", "ROH", "ORG"),
    "Botschafter Mordors": ("MORGOV", "MOR", "PER"),
}
PUBLISHED = dt.date(2023, 1, 4)


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    register_extensions()
    return EventCoder("de")


@pytest.fixture(scope="module")
def blank() -> spacy.language.Language:
    return spacy.blank("de")


def code(text: str, coder: EventCoder, blank) -> list[Event]:
    doc = blank.make_doc(text)
    doc._.article_id, doc._.published, doc._.language = "test", PUBLISHED, "de"
    mentions: list[Mention] = []
    for name in sorted(ACTORS, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            if any(m.start() < o.end and o.start < m.end() for o in mentions):
                continue
            actor_code, country, kind = ACTORS[name]
            mentions.append(
                Mention("test", m.start(), m.end(), name, kind, None, country, None, actor_code)
            )
    doc._.mentions = mentions
    return coder.code_doc(doc)


def dyads(events: list[Event]) -> set[tuple[str, str, str, str]]:
    return {
        (
            "+".join(sorted(s.text for s in e.source)),
            "+".join(sorted(t.text for t in e.target)),
            e.cameo,
            e.modality,
        )
        for e in events
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # separable verbs split across the clause
        ("Russland griff die Ukraine an.", ("Russland", "Ukraine", "190", "asserted")),
        ("Gondor warf Mordor Verrat vor.", ("Gondor", "Mordor", "1125", "asserted")),
        ("Die EU rief Iran zu Gesprächen auf.", ("EU", "Iran", "026", "asserted")),
        ("Arnor sagte Rohan Hilfe zu.", ("Arnor", "Rohan", "033", "asserted")),
        # passive with an agent
        ("Rohan wurde von Gondor empfangen.", ("Gondor", "Rohan", "043", "asserted")),
        # coordination: both are sources
        (
            "Kuba und China vereinbarten, ihre militärische Zusammenarbeit zu verstärken.",
            ("China+Kuba", "", "0312", "asserted"),
        ),
        # the frame names the target's preposition
        ("China warnt vor dem Vorstoß der NATO.", ("China", "NATO", "111", "asserted")),
        ("Die USA verhängten neue Sanktionen gegen Iran.", ("USA", "Iran", "163", "asserted")),
        ("Die EU übte Kritik an Japan.", ("EU", "Japan", "111", "asserted")),
        ("Gondor droht Mordor mit Sanktionen.", ("Gondor", "Mordor", "1312", "asserted")),
        # subject after the verb, object marked by its determiner
        (
            "Am Montag empfing Hegseth seinen peruanischen Amtskollegen.",
            ("Hegseth", "peruanischen Amtskollegen", "043", "asserted"),
        ),
        # nominal events
        (
            "Das Treffen zwischen Xi und Putin dauerte drei Stunden.",
            ("Putin+Xi", "", "040", "asserted"),
        ),
        ("Der Angriff Mordors auf Gondor wurde abgewehrt.", ("", "Gondor", "190", "asserted")),
        # light-verb construction with a noun as its light part
        (
            "Japan brachte seine Sorge über China zum Ausdruck.",
            ("Japan", "China", "012", "asserted"),
        ),
        # modality
        ("Russland hat die Ukraine nicht angegriffen.", ("Russland", "Ukraine", "190", "negated")),
        # a negation binds to its own verb or noun phrase, not to a fixed phrase or a scene
        ("Gondor versprach Rohan nicht zuletzt Hilfe.", ("Gondor", "Rohan", "033", "asserted")),
        ("Mordor plante keine Angriffe auf Rohan.", ("Mordor", "Rohan", "190", "negated")),
        (
            "Seit dem Luftangriff auf Rohan können die Helfer nicht mehr arbeiten.",
            ("", "Rohan", "195", "asserted"),
        ),
        # the destination of a deportation is no target; a list does not end the clause
        ("Gondor schob die Flüchtlinge nach Rohan ab.", ("Gondor", "", "174", "asserted")),
        # a phrase on the noun of a description is what the act is part of, not its target
        (
            "Arnor vertieft die Zusammenarbeit als Teil seiner Strategie gegen Mordor.",
            ("Arnor", "", "030", "asserted"),
        ),
        (
            "Die EU wird nächste Woche Sanktionen gegen Russland verhängen.",
            ("EU", "Russland", "163", "future"),
        ),
        (
            "Falls Iran angreift, würden die USA Iran angreifen.",
            ("USA", "Iran", "190", "hypothetical"),
        ),
        ("Laut Peking hat Xi mit Putin telefoniert.", ("Xi", "Putin", "041", "reported")),
        # an announced action is future, not reported speech
        ("Mordor kündigte an, Rohan anzugreifen.", ("Mordor", "Rohan", "190", "future")),
        # a time phrase ends before the object
        ("Xi wird im Mai Peru besuchen.", ("Xi", "Peru", "042", "future")),
        # reciprocal and prepositional frames
        (
            "Rohan will sich mit Gondor auf einen Vertrag einigen.",
            ("Rohan", "Gondor", "057", "future"),
        ),
        (
            "Gondor protestierte bei Rohan gegen die Festnahme.",
            ("Gondor", "Rohan", "141", "asserted"),
        ),
        # a statement without addressee points at what it is about
        (
            "Iran bestritt, Drohnen an Russland geliefert zu haben.",
            ("Iran", "Russland", "016", "asserted"),
        ),
        # the subject stands before a relative clause
        (
            "Japan, das lange gezögert hatte, stimmte dem Beitritt Chinas zu.",
            ("Japan", "Chinas", "030", "asserted"),
        ),
        # nominal event with its agent in a "von" phrase
        ("Der Besuch von Putin in China sorgte für Kritik.", ("Putin", "China", "042", "asserted")),
    ],
)
def test_events_codes_clause_patterns(text: str, expected: tuple, coder: EventCoder, blank) -> None:
    found = dyads(code(text, coder, blank))
    assert expected in found, found


def test_events_reported_speech_gives_statement_and_reported_event(
    coder: EventCoder, blank
) -> None:
    found = dyads(code("Xi sagte, Russland habe die Ukraine angegriffen.", coder, blank))
    assert ("Xi", "Russland", "010", "asserted") in found
    assert ("Russland", "Ukraine", "190", "reported") in found


@pytest.mark.parametrize(
    "text",
    [
        "Wir finden, dass die Politik mehr für den Frieden tun sollte.",
        "Russland ist das flächenmäßig größte Land der Erde.",
        "Das Wetter in Peking war sonnig.",
        "Die Gespräche dauerten bis in die Nacht.",
    ],
)
def test_events_codes_nothing_without_actor_and_action(text: str, coder: EventCoder, blank) -> None:
    assert code(text, coder, blank) == []


def test_events_topic_phrase_is_no_target(coder: EventCoder, blank) -> None:
    found = dyads(code("Japan beriet in Genf über die Ukraine.", coder, blank))
    assert found == {("Japan", "", "040", "asserted")}


def test_events_ignore_mentions_without_code_or_country(coder: EventCoder, blank) -> None:
    text = "Militärübungen bedrohen Taiwan."
    doc = blank.make_doc(text)
    doc._.article_id, doc._.published, doc._.language = "t", PUBLISHED, "de"
    doc._.mentions = [
        Mention("t", 0, 14, "Militärübungen", "ORG", "org:militarubungen", None, None, None)
    ]
    assert coder.code_doc(doc) == []


def test_events_record_fields_are_complete(coder: EventCoder, blank) -> None:
    text = "Am Montag traf Xi in Peking Putin."
    (event,) = code(text, coder, blank)
    assert (event.cameo, event.root, event.plover, event.quad_class) == ("040", "04", "CONSULT", 1)
    assert event.goldstein == pytest.approx(1.0)
    assert text[event.trigger_start : event.trigger_end] == "traf"
    assert (event.evidence_start, event.evidence_end) == (0, len(text))
    assert event.date == dt.date(2023, 1, 2) and not event.date_is_publication
    assert event.location == "Peking"
    assert 0 < event.confidence <= 1


def test_events_background_date_is_flagged(coder: EventCoder, blank) -> None:
    (event,) = code("Seit 2018 hat Peking mit Kuba über Militärhilfe verhandelt.", coder, blank)
    assert event.background and event.date == dt.date(2018, 1, 1)


def test_events_ids_are_deterministic(coder: EventCoder, blank) -> None:
    text = "Russland griff die Ukraine an. Gondor kritisierte Mordor."
    first, second = code(text, coder, blank), code(text, coder, blank)
    assert [e.id for e in first] == [e.id for e in second]
    assert len({e.id for e in first}) == len(first) == 2


def test_events_component_registers_and_fills_doc(blank) -> None:
    from lagebild.components import events  # noqa: F401  (registers the factory)

    nlp = spacy.blank("de")
    nlp.add_pipe("lagebild_events")
    doc = nlp.make_doc("Russland griff die Ukraine an.")
    doc._.published = PUBLISHED
    doc._.mentions = [
        Mention("t", 0, 8, "Russland", "GPE", None, "RUS", None, "RUS"),
        Mention("t", 19, 26, "Ukraine", "GPE", None, "UKR", None, "UKR"),
    ]
    doc = nlp.get_pipe("lagebild_events")(doc)
    assert [e.cameo for e in doc._.events] == ["190"]


def _eval_module():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import eval_events
    finally:
        sys.path.pop(0)
    return eval_events


#: Floors just under the figures reached (see docs/events.md). "pipeline": the product's own
#: actor stage (+ NER when packaged) with the fictional test gazetteer — what users get;
#: "gold": gold actor mentions, the event rules alone. Measured: pipeline dev P 0.977 R 0.977,
#: test P 0.855 R 0.855; gold dev P 0.983 R 0.990, test P 0.934 R 0.940.
FLOORS = {
    ("pipeline", "dev"): (0.96, 0.96),
    ("pipeline", "test"): (0.84, 0.84),
    ("gold", "dev"): (0.97, 0.975),
    ("gold", "test"): (0.92, 0.93),
}


@pytest.mark.parametrize(("actors", "split"), sorted(FLOORS))
def test_events_gold_quality_gate(actors: str, split: str) -> None:
    module = _eval_module()
    records = [r for r in module.load_gold(module.DEFAULT_GOLD) if r["split"] == split]
    scores = module.evaluate(records, actors=actors).as_dict()
    precision_floor, recall_floor = FLOORS[(actors, split)]
    assert scores["precision"] >= precision_floor, scores
    assert scores["recall"] >= recall_floor, scores
    assert scores["code_accuracy"] >= 0.95, scores
    assert scores["modality_accuracy"] >= 0.95, scores


def test_events_eval_compares_organisations_by_their_canonical_code() -> None:
    module = _eval_module()
    keys = module.organisation_keys()
    gold = [{"source": [{"code": "NATO", "country": ""}], "target": [], "cameo": "040"}]
    predicted = [{"source": [{"code": "IGOWSTNAT", "country": None}], "target": [], "cameo": "042"}]
    assert set(module.triples(gold, org_keys=keys)) == set(module.triples(predicted, org_keys=keys))


def test_events_gold_file_meets_its_specification() -> None:
    records = _eval_module().load_gold(ROOT / "tests" / "gold" / "events_de.jsonl")
    assert len(records) >= 300
    assert sum(1 for r in records if not r["events"]) >= 40
    roots = {e["cameo"][:2] for r in records for e in r["events"]}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    modalities = {e["modality"] for r in records for e in r["events"]}
    assert modalities == {"asserted", "negated", "future", "hypothetical", "reported"}
    # Every third of the first 473 sentences is test; later additions are dev only, so
    # the test split stays as it was and never sees sentences written while tuning.
    test = sum(r["split"] == "test" for r in records)
    assert test >= 150
    assert 0.2 <= test / len(records) <= 0.38


# --- the seed articles, through the real actor stage --------------------------------------

SEED_DATES = {
    "000": "2025-09-30",
    "001": "2025-09-18",
    "002": "2023-05-10",
    "003": "2022-12-30",
    "004": "2023-05-15",
}


@pytest.fixture(scope="module")
def seed_events(shared_data: Path) -> dict[str, list[Event]]:
    pytest.importorskip("lagebild.components.actors")
    from lagebild.components.clean import clean_text
    from lagebild.pipeline import make_pipeline

    seeds = shared_data.parent / "seeds"
    if not seeds.is_dir():
        pytest.skip("seed articles not found")
    nlp = make_pipeline("de", stages=["segment", "actors", "events"])
    found = {}
    for path in sorted(seeds.glob("*.txt")):
        doc = nlp.make_doc(clean_text(path.read_text("utf-8"), language="de").text)
        doc._.article_id = path.stem
        doc._.published = dt.date.fromisoformat(SEED_DATES[path.name[:3]])
        for _, component in nlp.pipeline:
            doc = component(doc)
        found[path.name[:3]] = doc._.events or []
    return found


def _has(
    events: list[Event],
    source: str,
    target: str | None,
    roots: set[str],
    modality: set[str] | None = None,
) -> bool:
    def key(actor) -> str:
        return actor.country or actor.code or ""

    for event in events:
        if event.root not in roots or (modality and event.modality not in modality):
            continue
        if source not in {key(a) for a in event.source}:
            continue
        if target is None or target in {key(a) for a in event.target}:
            return True
    return False


@pytest.mark.parametrize(
    ("seed", "source", "target", "roots", "modality"),
    [
        ("000", "USA", "PER", {"04"}, {"asserted"}),  # US defence minister hosts Peru's minister
        ("000", "USA", "PER", {"02"}, None),  # asks Peru for cooperation against China
        ("000", "USA", "CHN", {"01", "11"}, None),  # concern about / accusation of China
        ("001", "CUB", None, {"03"}, None),  # Cuba and China agree to deepen military cooperation
        ("001", "CHN", None, {"03"}, None),
        ("002", "CHN", None, {"11", "13"}, None),  # China warns against NATO's advance
        ("004", "PRK", "JPN", {"11"}, None),  # North Korea criticises Japan's plans
        ("003", "USA", "CHN", {"01"}, None),  # State Department voices concern about China
        ("003", "RUS", None, {"04"}, None),  # Putin and Xi hold a video call
    ],
)
def test_events_finds_the_seed_stories(seed_events, seed, source, target, roots, modality) -> None:
    assert _has(seed_events[seed], source, target, roots, modality), [
        (e.cameo, [a.text for a in e.source], [a.text for a in e.target]) for e in seed_events[seed]
    ]


def test_events_seed_nato_is_the_target_of_chinas_warning(seed_events) -> None:
    warnings = [e for e in seed_events["002"] if e.root in {"11", "13"}]
    assert any(
        any((a.code or "").endswith("NAT") or a.code == "NATO" for a in e.target) for e in warnings
    )


def test_events_tables_come_from_the_language_registry() -> None:
    from importlib import resources

    from lagebild.lang import get_language_data

    for language in ("de", "en"):
        tables = get_language_data(language).events
        for name in ("lexicon", "cues", "date_cues"):
            assert resources.files(tables.package).joinpath(getattr(tables, name)).is_file()
    core = ROOT / "src" / "lagebild" / "components"
    modules = sorted({"clauses.py", "dates.py", *(p.name for p in core.glob("event*.py"))})
    assert {"events.py", "event_lexicon.py", "event_roles.py"} <= set(modules)
    for module in modules:
        source = (core / module).read_text("utf-8")
        assert "lagebild.lang.de" not in source and "lagebild.lang.en" not in source


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a time phrase before the agent of a passive is no noun the agent hangs on
        (
            "Die Ukraine wurde in der Nacht von Russland angegriffen.",
            ("Russland", "Ukraine", "190", "asserted"),
        ),
        (
            "Der Vertrag wurde am Freitag von Gondor und Rohan unterzeichnet.",
            ("Gondor+Rohan", "", "057", "asserted"),
        ),
        # the agent noun names where it comes from; the patient is the place of the subject
        (
            "Dörfer in Rohan wurden von Truppen aus Mordor beschossen.",
            ("Mordor", "Rohan", "194", "asserted"),
        ),
        # a subordinator at the sentence start is no noun: subject first in a verb-final clause
        (
            "Nachdem Mordor Rohan angegriffen hatte, schwieg Gondor.",
            ("Mordor", "Rohan", "190", "asserted"),
        ),
        # the event noun is the subject; the verb only tells its effect
        (
            "Die neuen Sanktionen der EU gegen Russland trafen die Industrie.",
            ("EU", "Russland", "163", "asserted"),
        ),
        # "von" + a title before the name still gives the visitor
        (
            "Nach dem Besuch von Präsident Putin in China verschärfte sich der Ton.",
            ("Putin", "China", "042", "asserted"),
        ),
        # a noun placed in a capital acts for its state, also against its own citizens
        (
            "Ein Gericht in Moskau verurteilte Nawalny zu neun Jahren Haft.",
            ("Moskau", "Nawalny", "116", "asserted"),
        ),
        # a weak verb form the dictionary lemmatiser does not know
        ("Mordor verübte ein Massaker an Rohan.", ("Mordor", "Rohan", "202", "asserted")),
    ],
)
def test_events_codes_passive_and_noun_subject_patterns(
    text: str, expected: tuple, coder: EventCoder, blank
) -> None:
    assert expected in dyads(code(text, coder, blank))


def test_events_theme_of_a_later_main_clause_does_not_choose_the_code(
    coder: EventCoder, blank
) -> None:
    found = dyads(code("Russland habe Kiew angegriffen, teilte die Luftwaffe mit.", coder, blank))
    assert ("Russland", "Kiew", "190", "reported") in found  # not 195 for "Luftwaffe"


@pytest.mark.parametrize(
    "text",
    [
        # the author's opinion: what someone should do, with nobody saying it
        "Kommentar: Gondor sollte endlich Sanktionen gegen Mordor verhängen.",
        # an indirect question is no event
        "Ob Mordor die Waffenruhe einhalten wird, ist unklar.",
        # an ambiguous verb without its author
        "Es ist höchste Zeit, dass Europa gegenüber China mit einer Stimme spricht.",
    ],
)
def test_events_opinion_and_open_questions_give_no_event(
    text: str, coder: EventCoder, blank
) -> None:
    assert code(text, coder, blank) == []


def test_events_a_speaker_makes_a_demand_reported_not_opinion(coder: EventCoder, blank) -> None:
    found = dyads(
        code("Arnor sagte, Gondor sollte Sanktionen gegen Mordor verhängen.", coder, blank)
    )
    assert ("Gondor", "Mordor", "163", "reported") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hearsay phrase before the verb: the subject follows the verb
        (
            "Einer Mitteilung zufolge versicherte Putin, Russland stehe zu China.",
            ("Putin", "China", "010", "asserted"),
        ),
        # the actor of a hearsay phrase reports; the event has no author named
        (
            "Der Agentur Xinhua zufolge wird gegen Mordor ermittelt.",
            ("", "Mordor", "091", "reported"),
        ),
        # calling an act a crime is an accusation
        (
            "Gondor bezeichnete die Angriffe Mordors als Kriegsverbrechen.",
            ("Gondor", "", "1124", "asserted"),
        ),
    ],
)
def test_events_codes_news_patterns(text: str, expected: tuple, coder: EventCoder, blank) -> None:
    found = dyads(code(text, coder, blank))
    assert expected in found, found


@pytest.mark.parametrize(
    ("text", "authorless_event_allowed"),
    [
        # a dateline names where the report comes from
        (
            "Moskau – Die Lage an der Front blieb am Montag ruhig, Verhandlungen gab es nicht.",
            False,
        ),
        # "sprechen von" is no meeting; "kämpfen um" no fighting
        ("Putin sprach von einem großen Erfolg.", False),
        ("Gondor kämpft um seine Zukunft.", False),
        # a statement needs a speaker
        ("Die Wahl in Gondor wurde für ungültig erklärt.", False),
        # an attack in a prepositional phrase is not the subject's attack
        ("Gondor ist nach zwei Raketenangriffen in Alarmbereitschaft.", False),
        # the relative pronoun stands for a noun that names no actor
        ("Die Partei, die den Präsidenten Putin kritisiert hatte, verlor die Wahl.", True),
        # a headline's bare noun or unknown name before the verb is its subject
        ("Bundespräsident kritisierte Moskau und Kiew.", True),
        ("Brandybock unterstützt Gondor.", True),
    ],
)
def test_events_news_traps_give_no_event_with_a_wrong_author(
    text: str, authorless_event_allowed: bool, coder: EventCoder, blank
) -> None:
    events = code(text, coder, blank)
    assert all(not e.source for e in events), dyads(events)
    if not authorless_event_allowed:
        assert events == [], dyads(events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # object first, the subject after the verb
        (
            "Die Regierung Mordors kritisierte der Kanzler Gondors am Mittwoch scharf.",
            ("Kanzler Gondors", "Regierung Mordors", "111", "asserted"),
        ),
        # "der" before a feminine noun is a dative object: the prefield stays the subject
        (
            "Die Regierung Mordors warf der Regierung Rohans Verrat vor.",
            ("Regierung Mordors", "Regierung Rohans", "1125", "asserted"),
        ),
        # alleged, not asserted; a Konjunktiv-I demand continues indirect speech
        (
            "Mordor soll in der Nacht Rohan angegriffen haben.",
            ("Mordor", "Rohan", "190", "reported"),
        ),
        ("Rohan müsse sich bei Arnor entschuldigen.", ("Rohan", "Arnor", "055", "reported")),
        # a pronoun subject: the later actor is the target, not the source
        ("Es drohte Gondor mit Vergeltung.", ("", "Gondor", "138", "asserted")),
        # summoned to a ministry: the place of the ministry acts
        (
            "Der Botschafter Mordors wurde ins Außenministerium in Edoras einbestellt.",
            ("Edoras", "Botschafter Mordors", "114", "asserted"),
        ),
        # a place after a time word says where a statement was made
        (
            "Die Lage sei ruhig, sagte der Präsident Arnors am Montag in Minas Tirith.",
            ("Präsident Arnors", "", "010", "asserted"),
        ),
        # a dateline with several places takes no part
        (
            "Edoras/Minas Tirith – Die Regierung Rohans hat die Gespräche mit Gondor abgebrochen.",
            ("Regierung Rohans", "Gondor", "164", "asserted"),
        ),
        # a past-tense verb after its subject is a verb, not an attributive participle
        (
            "Arnor und Gondor besetzten drei Dörfer in Rohan.",
            ("Arnor+Gondor", "Rohan", "192", "asserted"),
        ),
    ],
)
def test_events_codes_clause_order_and_modality_patterns(
    text: str, expected: tuple, coder: EventCoder, blank
) -> None:
    found = dyads(code(text, coder, blank))
    assert expected in found, found


@pytest.mark.parametrize(
    "text",
    [
        # the subject suffers what the noun names
        "Die Regierung Mordors steht seit Monaten unter Kritik.",
        # participles used as adjectives
        "Die Menschen in den besetzten Gebieten Rohans leiden unter Hunger.",
        "Gondor veröffentlichte am Montag die geforderten Dokumente.",
        # a generic relative clause speaks of anyone who would think so
        "Wer glaubt, Arnor werde Sanktionen gegen Harad verhängen, irrt sich.",
        "Wer behauptet, Rohan habe Mordor angegriffen, verbreitet Propaganda.",
    ],
)
def test_events_clause_traps_give_no_event(text: str, coder: EventCoder, blank) -> None:
    assert code(text, coder, blank) == [], dyads(code(text, coder, blank))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a speaker the actor stage does not know: the actor after it is the addressee
        (
            "Die Grenze bleibe zu, sagte der Kanzler Gondors am Freitag der Zeitung Rohans.",
            ("Kanzler Gondors", "Rohans", "010", "asserted"),
        ),
        ("Daher fordert Meier mehr Hilfe von Arnor.", ("", "Arnor", "103", "asserted")),
        # "drohen" with "mit" and a dative actor threatens
        ("Jetzt droht Gondor Harad mit Sanktionen.", ("Gondor", "Harad", "1312", "asserted")),
        # "warnen vor" a danger is a pessimistic statement; warning an actor is a threat
        ("Rohan warnte am Dienstag vor einer Dürre.", ("Rohan", "", "012", "asserted")),
        ("Gondor warnte Mordor vor neuen Provokationen.", ("Gondor", "Mordor", "130", "asserted")),
        # criticism received: the subject is the target
        (
            "Der Vorschlag der Regierung Mordors erntete heftige Kritik.",
            ("", "Regierung Mordors", "111", "asserted"),
        ),
        # "treffen" with an object that is no actor still meets
        (
            "Am Freitag traf der Kanzler Gondors in Edoras den Thronfolger.",
            ("Kanzler Gondors", "", "040", "asserted"),
        ),
        # expected for a visit: not yet happened
        (
            "Der Präsident Arnors wird am Donnerstag zu Gesprächen in Edoras erwartet.",
            ("Präsident Arnors", "", "040", "future"),
        ),
    ],
)
def test_events_codes_addressee_risk_and_reception_patterns(
    text: str, expected: tuple, coder: EventCoder, blank
) -> None:
    found = dyads(code(text, coder, blank))
    assert expected in found, found


@pytest.mark.parametrize(
    "text",
    [
        # the speaker is a person without a code; the news agency is the addressee
        "Das sei ein Skandal, sagte die Anwältin Eva Roth der Zeitung Rohans.",
        # "von X aus": the place something was done from, not its author
        "Die Anschläge wurden von Harad aus geplant.",
        # the closing verb after a list of destinations: the traveller is "er"
        "Anschließend sei er nach Gondor, nach Rohan, Arnor und Harad gereist.",
        # "drohen" = be at risk of
        "Arnor droht im Frühjahr eine schwere Rezession.",
        # a state owning a noun that names no actor does not speak
        "Das Ziel ist klar, sagte Rohans Nationaltrainer nach dem Spiel.",
        "Gondors Stürmer hat in dieser Saison schon oft getroffen.",
        # standing states, not news
        "Rohan hat ein Handelsabkommen mit Gondor.",
        "Die bisherigen Sanktionen gegen Mordor bleiben in Kraft.",
        # an agreement defended or dated in its own phrase already exists
        "Am Montag verteidigte Gondor das Abkommen mit Rohan.",
        "Das 2015 geschlossene Abkommen zwischen Gondor und Rohan läuft aus.",
        # a subordinate clause runs on across a list of destinations: "man" deports
        "Er sagte, dass man niemanden nach Gondor, Rohan oder Harad abschieben könne.",
    ],
)
def test_events_addressee_place_risk_and_state_traps_give_no_event(
    text: str, coder: EventCoder, blank
) -> None:
    assert code(text, coder, blank) == [], dyads(code(text, coder, blank))


def test_events_a_body_in_apposition_before_its_person_is_no_second_source() -> None:
    import lagebild

    doc = lagebild.analyze(
        "„Wir lehnen diese Vorwürfe entschieden ab“, sagte der Sprecher des brasilianischen "
        "Außenministeriums, Tomás Almeida, am Dienstag in Brasília.",
        published="2024-03-05",
    )
    statements = [e for e in doc.events if e.cameo.startswith("01")]
    assert statements
    assert [a.actor_id for a in statements[0].source] == ["per:tomas_almeida"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle after an adverb still describes its noun; the verb is coded
        (
            "Die bislang anerkannte Regierung Rohans hat Mordor scharf kritisiert.",
            ("Regierung Rohans", "Mordor", "111", "asserted"),
        ),
        # the occasion of a statement is no addressee; an object beside it stays the target
        (
            "Die Gespräche kämen voran, sagte der Kanzler Gondors bei einer Rede vor der NATO.",
            ("Kanzler Gondors", "", "010", "asserted"),
        ),
        (
            "Der Präsident Arnors kritisierte bei einer Sitzung der EU die Regierung Mordors.",
            ("Präsident Arnors", "Regierung Mordors", "111", "asserted"),
        ),
        # a feared act has not happened
        (
            "Im Süden Gondors wächst die Angst vor weiteren Mordor-Angriffen.",
            ("Mordor", "", "190", "hypothetical"),
        ),
        (
            "Die Regierung Rohans befürchtet neue Mordor-Angriffe.",
            ("Mordor", "", "190", "hypothetical"),
        ),
        # an actor in the genitive after an event noun of a prepositional phrase is its author
        (
            "Die Lage blieb nach den Angriffen Rohans auf Harad angespannt.",
            ("Rohans", "Harad", "190", "asserted"),
        ),
        # the signing of an agreement is coded on the signing noun
        (
            "Die Unterzeichnung des Vertrags zwischen Arnor und Rohan fand am Montag statt.",
            ("Arnor+Rohan", "", "057", "asserted"),
        ),
        # a past intention is no act that happened
        (
            "Eigentlich wollte der Präsident Arnors im Mai nach Rohan reisen.",
            ("Präsident Arnors", "Rohan", "042", "future"),
        ),
    ],
)
def test_events_codes_intention_occasion_and_fear_patterns(
    text: str, expected: tuple, coder: EventCoder, blank
) -> None:
    found = dyads(code(text, coder, blank))
    assert found == {expected}, found


def test_events_a_statement_takes_no_target_from_an_event_of_its_own_clause(
    coder: EventCoder, blank
) -> None:
    found = dyads(
        code(
            "Die Gespräche kämen voran, sagte der Kanzler Gondors beim Gipfel der NATO.",
            coder,
            blank,
        )
    )
    assert ("Kanzler Gondors", "", "010", "asserted") in found, found
    assert all(not (cameo == "010" and target) for _, target, cameo, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        # an agreement in the genitive of another noun exists; nobody signs it here
        "Die Umsetzung des Abkommens zwischen Gondor und Rohan stockt seit Monaten.",
        "Arnor kritisierte die Blockade des Abkommens mit Rohan.",
    ],
)
def test_events_an_agreement_named_in_the_genitive_is_no_signing(
    text: str, coder: EventCoder, blank
) -> None:
    assert all(e.cameo != "057" for e in code(text, coder, blank)), dyads(code(text, coder, blank))
