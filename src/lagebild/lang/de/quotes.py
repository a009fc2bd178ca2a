"""German data for quotation and speaker attribution.

Plain tables only; ``lagebild.components.quotes`` binds them. Entries come from
German grammar (verbs of saying, Konjunktiv I, reported-speech prepositions) and
German newsroom usage; they were written for this project (licence: MIT).

The cue-verb table lists each verb once with its stem forms; ``cue_forms``
expands it into every inflected surface form the extractor looks for, so
"sagte", "sagten", "gesagt", "fügte … hinzu" and "hinzufügte" all come from one
line each.
"""

from __future__ import annotations

from functools import cache

#: Quotation mark pairs (opening, closing), German styles first. A straight
#: ``"`` opens and closes itself; its direction is read from the spacing.
QUOTE_PAIRS: tuple[tuple[str, str], ...] = (
    ("„", "“"),
    ("„", "”"),
    ("„", '"'),
    ("»", "«"),
    ("«", "»"),
    ("“", "”"),
    ("‚", "‘"),
    ("›", "‹"),
    ('"', '"'),
)

#: Single marks used for quotes inside quotes; never a quote of their own.
INNER_QUOTE_OPENERS: frozenset[str] = frozenset({"‚", "›"})

#: Verbs of saying: (infinitive, separable particle or "", irregular forms).
#: Irregular forms are "present 3sg / past 3sg / past participle" of strong or
#: mixed verbs; an empty string means the regular weak form.
_CUE_VERBS: tuple[tuple[str, str, str], ...] = (
    ("sagen", "", ""),
    ("erklären", "", ""),
    ("betonen", "", ""),
    ("warnen", "", ""),
    ("mitteilen", "mit", ""),
    ("hinzufügen", "hinzu", ""),
    ("fortfahren", "fort", "fährt/fuhr/fortgefahren"),
    ("bringen", "", "bringt/brachte/gebracht"),
    ("behaupten", "", ""),
    ("kritisieren", "", ""),
    ("fordern", "", ""),
    ("auffordern", "auf", ""),
    ("bekräftigen", "", ""),
    ("unterstreichen", "", "unterstreicht/unterstrich/unterstrichen"),
    ("versichern", "", ""),
    ("präzisieren", "", ""),
    ("zitieren", "", ""),
    ("berichten", "", ""),
    ("bestätigen", "", ""),
    ("ankündigen", "an", ""),
    ("verkünden", "", ""),
    ("erläutern", "", ""),
    ("ergänzen", "", ""),
    ("meinen", "", ""),
    ("mahnen", "", ""),
    ("ermahnen", "", ""),
    ("melden", "", ""),
    ("schreiben", "", "schreibt/schrieb/geschrieben"),
    ("sprechen", "", "spricht/sprach/gesprochen"),
    ("vorwerfen", "vor", "wirft/warf/vorgeworfen"),
    ("bekanntgeben", "bekannt", "gibt/gab/bekanntgegeben"),
    ("angeben", "an", "gibt/gab/angegeben"),
    ("zugeben", "zu", "gibt/gab/zugegeben"),
    ("hervorheben", "hervor", "hebt/hob/hervorgehoben"),
    ("feststellen", "fest", ""),
    ("einräumen", "ein", ""),
    ("ausführen", "aus", ""),
    ("aussagen", "aus", ""),
    ("hinweisen", "hin", "weist/wies/hingewiesen"),
    ("verweisen", "", "verweist/verwies/verwiesen"),
    ("erwidern", "", ""),
    ("entgegnen", "", ""),
    ("antworten", "", ""),
    ("kommentieren", "", ""),
    ("äußern", "", ""),
    ("argumentieren", "", ""),
    ("bestreiten", "", "bestreitet/bestritt/bestritten"),
    ("dementieren", "", ""),
    ("beteuern", "", ""),
    ("bemerken", "", ""),
    ("anmerken", "an", ""),
    ("appellieren", "", ""),
    ("verlangen", "", ""),
    ("fragen", "", ""),
    ("klagen", "", ""),
    ("beklagen", "", ""),
    ("verurteilen", "", ""),
    ("begrüßen", "", ""),
    ("loben", "", ""),
    ("drohen", "", ""),
    ("androhen", "an", ""),
    ("bezeichnen", "", ""),
    ("nennen", "", "nennt/nannte/genannt"),
    ("vorschlagen", "vor", "schlägt/schlug/vorgeschlagen"),
    ("empfehlen", "", "empfiehlt/empfahl/empfohlen"),
    ("begründen", "", ""),
    ("beschuldigen", "", ""),
    ("bekunden", "", ""),
    ("twittern", "", ""),
    ("rufen", "", "ruft/rief/gerufen"),
    ("aufrufen", "auf", "ruft/rief/aufgerufen"),
    ("ausrufen", "aus", "ruft/rief/ausgerufen"),
    ("zusichern", "zu", ""),
    ("versprechen", "", "verspricht/versprach/versprochen"),
    ("ausgehen", "aus", "geht/ging/ausgegangen"),
    ("heißen", "", "heißt/hieß/geheißen"),
    ("stehen", "", "steht/stand/gestanden"),
    ("hoffen", "", ""),
    ("befürchten", "", ""),
    ("vermuten", "", ""),
    ("glauben", "", ""),
    ("schätzen", "", ""),
    ("informieren", "", ""),
    ("insistieren", "", ""),
    ("beharren", "", ""),
    ("unterstellen", "", ""),
    ("erinnern", "", ""),
    ("lauten", "", ""),
    ("skandieren", "", ""),
    ("würdigen", "", ""),
    ("konstatieren", "", ""),
    ("bezweifeln", "", ""),
    ("besagen", "", ""),
    ("plädieren", "", ""),
    ("herausstreichen", "heraus", "streicht/strich/herausgestrichen"),
    ("beschließen", "", "beschließt/beschloss/beschlossen"),
    ("entscheiden", "", "entscheidet/entschied/entschieden"),
    ("werten", "", ""),
    ("anprangern", "an", ""),
    ("bemängeln", "", ""),
    ("bekanntwerden", "bekannt", "wird/wurde/bekanntgeworden"),
    ("hervorgehen", "hervor", "geht/ging/hervorgegangen"),
    ("halten", "", "hält/hielt/gehalten"),
    ("einigen", "", ""),
    ("zeigen", "", ""),
    ("berufen", "", "beruft/berief/berufen"),
    ("bitten", "", "bittet/bat/gebeten"),
    ("zusagen", "zu", "sagt/sagte/zugesagt"),
    ("zurückweisen", "zurück", "weist/wies/zurückgewiesen"),
    ("feiern", "", ""),
    ("rechtfertigen", "", ""),
    ("beschreiben", "", "beschreibt/beschrieb/beschrieben"),
    ("beurteilen", "", ""),
    ("betrachten", "", ""),
    ("einstufen", "ein", ""),
    ("darstellen", "dar", ""),
    ("abtun", "ab", "tut/tat/abgetan"),
    ("anregen", "an", ""),
    ("erwägen", "", "erwägt/erwog/erwogen"),
    ("ergeben", "", "ergibt/ergab/ergeben"),
    ("eingestehen", "ein", "gesteht/gestand/eingestanden"),
    ("annehmen", "an", "nimmt/nahm/angenommen"),
    ("erzählen", "", ""),
    ("bedauern", "", ""),
    ("verlautbaren", "", ""),
    ("verlauten", "", ""),
    ("klarmachen", "klar", ""),
    ("einwenden", "ein", "wendet/wandte/eingewandt"),
    ("mutmaßen", "", ""),
    ("prognostizieren", "", ""),
    ("vorhersagen", "vor", ""),
    ("prophezeien", "", "prophezeit/prophezeite/prophezeit"),
    ("ausrichten", "aus", ""),  # with its clause (``CUE_CLAUSE_OPENERS``): "ließ ausrichten, …"
    ("festhalten", "fest", "hält/hielt/festgehalten"),  # with its clause: "hielt fest, dass …"
    ("gestehen", "", "gesteht/gestand/gestanden"),
    ("errechnen", "", ""),
    ("vereinbaren", "", ""),
    ("abstreiten", "ab", "streitet/stritt/abgestritten"),
    ("urteilen", "", ""),
    ("verneinen", "", ""),
    ("rügen", "", ""),
    ("beanstanden", "", ""),
    ("leugnen", "", ""),
    ("resümieren", "", ""),
    ("bilanzieren", "", ""),
    ("anmahnen", "an", ""),
    ("richtigstellen", "richtig", ""),
    # verbs of saying only with their noun (``CUE_NEEDS``): "kam zu dem Schluss, dass …"
    ("kommen", "", "kommt/kam/gekommen"),
    ("vertreten", "", "vertritt/vertrat/vertreten"),
    ("erfahren", "", "erfährt/erfuhr/erfahren"),
    ("machen", "", ""),
    ("geben", "", "gibt/gab/gegeben"),
    ("erheben", "", "erhebt/erhob/erhoben"),
)

#: Separable particles also written apart from a verb-final form, a participle or an
#: infinitive ("wie die Bank bekannt gab", "hat … bekannt gegeben", "bekannt geworden").
SPLIT_PARTICLES: frozenset[str] = frozenset({"bekannt"})

#: Verbs that report in an as-clause without what ``CUE_NEEDS`` asks of them elsewhere:
#: "…, wie eine Umfrage des Instituts zeigt", "Wie Daten der Zentralbank zeigen, …".
AS_CLAUSE_CUES: frozenset[str] = frozenset({"zeigen"})
#: Words that must stand in the same clause for a verb to be a cue
#: ("geht davon aus", "heißt es"); without them the verb means something else.
#: "a|b" lets either word fill the need ("geht davon aus, dass …", "geht von … aus").
CUE_NEEDS: dict[str, tuple[str, ...]] = {
    "ausgehen": ("davon|von|vom",),
    "heißen": ("es",),
    "stehen": ("in",),
    "erinnern": ("daran|sich",),  # "erinnerte daran, dass …", "„…“, erinnerte sich X"
    "hinweisen": ("darauf|auf",),  # "wies darauf hin, dass …", "weist auf die Gefahr hin"
    "verweisen": ("darauf|auf",),
    "hervorgehen": ("aus",),
    "bringen": ("zum", "ausdruck"),  # "brachte die Hoffnung zum Ausdruck, dass …"
    "halten": ("es", "für"),  # "hält es für möglich, dass …": an opinion
    # verbs of judging report only with "als" ("wies dies als „Unverschämtheit“ zurück")
    "feiern": ("als",),
    "rechtfertigen": ("als",),
    "beschreiben": ("als",),
    "beurteilen": ("als",),
    "betrachten": ("als",),
    "einstufen": ("als",),
    "darstellen": ("als",),
    "abtun": ("als",),
    "einigen": ("sich",),  # "einigten sich darauf, dass …": an agreement
    # "kam zu dem Schluss, dass …", "vertritt die Auffassung, …": a conclusion, a view
    "kommen": ("schluss|ergebnis|einschätzung|überzeugung|erkenntnis",),
    "vertreten": ("these|ansicht|auffassung|meinung|standpunkt|position",),
    # "machte deutlich, dass …", "gab zu bedenken, …", "erhob den Vorwurf, …"
    "machen": ("deutlich",),
    "geben": ("verstehen|bedenken",),
    "erheben": ("vorwurf|vorwürfe|forderung|forderungen|einspruch|einwand|einwände",),
    # "will aus Quellen erfahren haben, dass …": what a medium says it learnt
    "erfahren": ("haben|hat|will|wollen",),
    "zeigen": ("sich",),  # "zeigte sich zufrieden: „…“": a stance
    "berufen": ("sich",),  # "beruft sich darauf, dass …": a claim
}

#: Words that make a cue verb mean something else when they share its clause
#: ("Eine Partie kündigt sich an": it is coming, nobody announces it).
CUE_EXCLUDES: dict[str, tuple[str, ...]] = {
    "ankündigen": ("sich",),
    "annehmen": ("sich",),  # "sich eines Falls annehmen": taking care of it
    # "Das Urteil sprechen die Richter später": a ruling; "sprechen kein Deutsch": a language
    "sprechen": ("urteil", "deutsch", "englisch", "französisch", "muttersprache"),
    # "zu sieben Jahren Haft verurteilt": a sentence, not a condemnation
    "verurteilen": (
        "haft", "haftstrafe", "freiheitsstrafe", "bewährungsstrafe", "geldstrafe",
        "gefängnis", "tode", "jahren", "monaten",
    ),
    # "ließ X verlauten": the subject of "lassen" speaks, as of any verb, not "aus" a place
    "verlauten": ("ließ", "lässt", "ließen", "lassen", "gelassen"),
    # "erzählt die Geschichte einer Familie, die …": narrating, not reporting
    "erzählen": ("geschichte", "geschichten", "märchen", "witz", "witze"),
    # "verwies Hamilton auf den zweiten Platz": a ranking, not a reference
    "verweisen": ("platz", "rang"),
    # "bestritt das Finale", "bestreitet seinen Lebensunterhalt": competing, paying
    "bestreiten": (
        "spiel", "spiele", "partie", "match", "finale", "turnier", "turniere", "rennen",
        "wettkampf", "lebensunterhalt",
    ),
    # "Ihm drohen bis zu 30 Jahre Haft": the sentence he faces, not a threat
    "drohen": (
        "haft", "haftstrafe", "freiheitsstrafe", "geldstrafe", "gefängnis", "todesstrafe",
        "jahre", "jahren",
    ),
}  # fmt: skip
#: Separable particles that make a verb of saying into another verb when they close
#: its clause ("Die Regierung sagte das Treffen ab": "absagen" cancels, it says
#: nothing; "sprachen ihn frei" acquits; "rief die Feuerwehr an" telephones).
OTHER_VERB_PARTICLES: dict[str, tuple[str, ...]] = {
    "sagen": ("ab",),
    "sprechen": ("frei", "heilig"),
    "rufen": ("an", "ab", "zurück", "hervor", "herbei", "wach"),
    "schreiben": ("aus", "ab", "fest", "um", "fort"),
    "melden": ("ab", "zurück"),
    "fordern": ("heraus",),
    "loben": ("aus",),
    "fragen": ("ab",),
    "klagen": ("ein", "an"),
    "mahnen": ("ab",),
    "werten": ("aus", "auf", "ab"),
    "stehen": ("fest", "auf", "bei", "bevor", "still"),
}
#: Negations: a verb of saying negated in its own clause reports nothing
#: ("Zu den Plänen äußerte sich Baykal nicht").
CUE_NEGATIONS: frozenset[str] = frozenset({"nicht", "nie", "niemals", "niemand", "keiner"})

#: Cues only beside a quotation: "„…“, fuhr der Beamte fort" goes on speaking,
#: "Er fuhr fort, die Akten zu prüfen" goes on doing.
QUOTATION_CUES: frozenset[str] = frozenset({"fortfahren"})
#: Cues whose passive subject is the speaker ("„…“, wurde Xi zitiert").
PASSIVE_SPEAKER_CUES: frozenset[str] = frozenset({"zitieren"})
#: Cues whose "von" phrase is what is spoken of, not the passive's agent
#: ("Es wurde von schweren Schäden berichtet", "Es wird von Brandstiftung ausgegangen").
TOPIC_CUES: frozenset[str] = frozenset({"berichten", "sprechen", "ausgehen"})

#: Cues whose grammatical subject is "es" and whose source is a prepositional
#: phrase ("In dem Bericht heißt es, …", "Wie aus dem Bericht hervorgeht, …").
IMPERSONAL_CUES: frozenset[str] = frozenset(
    {"heißen", "stehen", "bekanntwerden", "hervorgehen", "verlauten"}
)
#: Impersonal cues that name no source at all: "Im Mai wurde bekannt, …" is a time.
SOURCELESS_CUES: frozenset[str] = frozenset({"bekanntwerden"})
#: Cues that report only a clause opened by one of these words or marks ("In dem Bericht
#: steht, dass …"; "Die Regierung steht in der Kritik, weil …" reports nothing, nor
#: "stand die Frage im Raum: …"; "Eine Umfrage ergab: …" does).
#: "Im Mai wurde bekannt, dass …" reports news with no source; "Er wurde durch seine
#: Rolle bekannt, die …" is fame.
CUE_CLAUSE_OPENERS: dict[str, tuple[str, ...]] = {
    "stehen": ("dass", "daß"),
    "ergeben": ("dass", "daß", "ob", "wonach", ":"),  # "Die Probleme ergeben sich durch …"
    "annehmen": ("dass", "daß"),  # "nahm die Einladung an, …", "Jobs annehmen dürfen, …"
    "bekanntwerden": ("dass", "daß", "ob", "wonach"),
    "hervorgehen": ("dass", "daß", "ob", "wonach"),
    "ausrichten": ("dass", "daß", ":"),  # "richtete aus, dass …"; "richtet das Fest aus"
    "festhalten": ("dass", "daß", ":"),  # "hielt fest, dass …"; "hielt ihn am Arm fest, …"
}
#: Prepositions before the source of an impersonal cue: "In dem Bericht heißt es",
#: "Aus dem Bericht geht hervor". Not "auf": "heißt es auf Anfrage der APA aus dem
#: Büro", "wie es auf Elsässisch heißt".
IMPERSONAL_SOURCE_PREPOSITIONS: frozenset[str] = frozenset(
    {"in", "im", "aus", "seitens", "vonseiten"}  # "hieß es seitens des Ministeriums"
)
#: Cues whose prepositional object in their own clause is what was said ("Das Amt wies
#: auf die Gefahr hin, die …"): a reported-speech record; the clause after the comma
#: is a relative clause or an aside, not the message ("wies darauf hin, dass …" is one).
OBJECT_PREPOSITIONS: dict[str, tuple[str, ...]] = {
    "hinweisen": ("auf",),
    "verweisen": ("auf",),
}

#: Verbs whose object is often the whole report ("Hale sprach von einem Risiko",
#: "X warnte vor Anschlägen", "X kritisierte die Entscheidung"): without a
#: following clause they give a reported-speech record. Verbs whose object is
#: mostly a fact or an act ("bestätigte den Tod", "begrüßte die Gäste",
#: "versprach Hilfe") are left out: news reports those as events, not speech.
REPORTED_CUES: frozenset[str] = frozenset(
    {
        "sprechen", "warnen", "kritisieren", "fordern", "verurteilen", "vorwerfen",
        "ankündigen", "dementieren", "bestreiten", "loben", "beklagen", "klagen", "verlangen",
        "androhen", "bezeichnen", "nennen", "werten", "zusichern", "beschuldigen", "ausgehen",
        "empfehlen", "vorschlagen", "appellieren", "plädieren", "auffordern",
        "berichten", "bekanntgeben", "schätzen", "anprangern", "bemängeln", "anregen",
        "erwägen", "bitten", "hinweisen", "verweisen",
    }
)  # fmt: skip

#: Starts of the pronominal adverbs that stand for what a reported verb reports ("warnte
#: davor", "sprach darüber"): after such a verb they are its object, where other
#: lower-case words only say how ("Er spricht langsam und getragen" reports nothing).
PRONOMINAL_ADVERB_STARTS: tuple[str, ...] = ("da", "wo")

_INSEPARABLE_PREFIXES = ("be", "er", "ver", "zer", "ent", "emp", "ge", "miss", "unter", "hinter")


def _weak_forms(stem: str, *, prefix: str, no_ge: bool) -> dict[str, str]:
    """Present, past and participle of a weak verb stem ("sag" → sagt, sagte, gesagt)."""
    joint = "e" if stem.endswith(("t", "d", "chn", "ffn", "gn", "tm")) else ""
    ge = "" if no_ge else "ge"
    return {
        "pres3": f"{stem}{joint}t",
        "past3": f"{stem}{joint}te",
        "part": f"{prefix}{ge}{stem}{joint}t",
    }


def _stem(infinitive: str) -> str:
    if infinitive.endswith(("ern", "eln")):
        return infinitive[:-1]
    return infinitive[:-2]


@cache
def cue_forms() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """Every surface form of the cue verbs → ((lemma, particle, kind), ...).

    ``kind`` is ``fin`` for a verb-second finite form whose particle (if any)
    stands at the clause end ("teilte … mit"), ``final`` for a verb-final finite
    form with the particle glued on ("mitteilte"), ``part`` for a participle and
    ``inf`` for an infinitive.
    """
    table: dict[str, list[tuple[str, str, str]]] = {}

    def add(form: str, lemma: str, particle: str, kind: str) -> None:
        entries = table.setdefault(form, [])
        if (lemma, particle, kind) not in entries:
            entries.append((lemma, particle, kind))

    for infinitive, particle, irregular in _CUE_VERBS:
        base = infinitive[len(particle) :]
        no_ge = base.endswith("ieren") or base.startswith(_INSEPARABLE_PREFIXES)
        forms = _weak_forms(_stem(base), prefix=particle, no_ge=no_ge)
        if irregular:
            pres3, past3, part = irregular.split("/")
            forms = {"pres3": pres3, "past3": past3, "part": part}
        pres3, past3 = forms["pres3"], forms["past3"]
        past_pl = past3 + ("n" if past3.endswith("e") else "en")
        finite = (pres3, past3, past_pl, base, f"{_stem(base)}st")
        for form in finite:
            add(form, infinitive, particle, "fin")
            if particle:
                add(particle + form, infinitive, particle, "final")
        add(forms["part"], infinitive, particle, "part")
        add(infinitive, infinitive, particle, "inf")
        if particle:
            add(f"{particle}zu{base}", infinitive, particle, "inf")
    return {form: tuple(entries) for form, entries in table.items()}


#: Prepositions whose object is the source: "laut X", "gemäß X".
SOURCE_PREPOSITIONS: frozenset[str] = frozenset({"laut", "gemäß", "lt."})
#: Postpositions with the source before them: "X zufolge".
SOURCE_POSTPOSITIONS: frozenset[str] = frozenset({"zufolge"})
#: "nach Angaben der Polizei", "nach Polizeiangaben": the preposition, then a
#: noun ending in one of these, which heads the source.
SOURCE_NOUN_PREPOSITIONS: frozenset[str] = frozenset({"nach"})
SOURCE_NOUN_ENDINGS: tuple[str, ...] = (
    "angaben", "informationen", "berichten", "bericht", "aussagen", "aussage", "darstellung",
    "einschätzung", "schätzungen", "erkenntnissen", "ansicht", "auffassung", "meinung",
    "worten", "mitteilung", "erklärung", "äußerungen", "auskunft", "schätzung", "studie",
    "stellungnahme", "analyse", "berechnungen", "ermittlungen", "darstellungen", "bekunden",
    "ankündigung", "veröffentlichung", "meldung", "meldungen", "umfrage", "prognose",
    "quellenlage", "einschätzungen", "vernehmen", "berichte", "studien", "umfragen",
    "gerüchte",
    # documents and plans: "nach dem vorläufigen Endergebnis", "nach Artikel 65"
    "ergebnis", "ergebnissen", "entwurf", "verfassung", "grundgesetz", "artikel",
    "planungen", "plänen", "idee",
)  # fmt: skip
#: "mit den Worten" makes the verb of its clause a verb of saying ("Er lehnte mit den
#: Worten ab: „…“", "Mit diesen Worten verabschiedete sich der Minister: „…“"): each
#: word's alternatives in order.
WORDS_PHRASE: tuple[frozenset[str], ...] = (
    frozenset({"mit"}),
    frozenset({"den", "diesen", "folgenden"}),
    frozenset({"worten"}),
)
#: Before a place that belongs to the phrase of a role or a body ("ein Sprecher des
#: LBM in Koblenz", "Die US-Botschaft im Irak", "ein IWF-Sprecher aus Washington"):
#: SpkAtt spans it with the speaker. After a person's name it says where they spoke.
PLACE_PREPOSITIONS: frozenset[str] = frozenset({"in", "im", "aus"})
#: After a source noun, where its information comes from ("nach Angaben aus
#: Justizkreisen", "nach Informationen aus Regierungskreisen").
ORIGIN_PREPOSITIONS: frozenset[str] = frozenset({"aus"})
#: Words that make "nach" temporal right before it ("sechs Tage nach der
#: Veröffentlichung", "kurz nach der Ankündigung"): no source follows.
TEMPORAL_BEFORE_SOURCE: frozenset[str] = frozenset(
    {
        "sekunden", "minuten", "stunden", "tage", "tagen", "wochen", "monate", "monaten",
        "jahre", "jahren", "jahrzehnte", "kurz", "bald", "gleich", "unmittelbar", "direkt",
        "sofort", "erst", "noch", "wenige",
    }
)  # fmt: skip
#: ", so X." / "so X" — the adverb that introduces a trailing source.
SO_WORDS: frozenset[str] = frozenset({"so"})
#: Adverbs that may close a trailing source (", so X weiter.", ", so X abschließend.").
SO_ADVERBS: frozenset[str] = frozenset({"weiter", "abschließend"})
#: "wie X mitteilte, …": the conjunction of a verb-final source clause.
AS_WORDS: frozenset[str] = frozenset({"wie"})
#: The word that puts a quoted judgement on its object: "bezeichnete den Plan als
#: „Fehler“", "wies den Vorwurf als „absurd“ zurück" (the verb may follow).
PREDICATIVE_WORDS: frozenset[str] = frozenset({"als"})
#: Adverbs that point back to the last source ("Demnach sei …").
SOURCE_ADVERBS: frozenset[str] = frozenset({"demnach", "wonach"})
#: Conjunctions that open a reported clause after the cue.
COMPLEMENTIZERS: frozenset[str] = frozenset({"dass", "daß", "ob", "wie", "warum", "wann", "wo"})
#: Conjunctions that open an adverbial clause ("Während die Demokraten das Ergebnis
#: lobten, kündigten die Republikaner …"): the clause after it is the main clause.
ADVERBIAL_CONJUNCTIONS: frozenset[str] = frozenset(
    {
        "während", "nachdem", "weil", "obwohl", "obgleich", "als", "wenn", "falls", "bevor",
        "ehe", "seit", "seitdem", "sobald", "solange", "indem",
    }
)  # fmt: skip

#: Other words that open an adverbial clause after a comma ("…, da die Wahl
#: gescheitert war"); "da" also opens main clauses ("Da gab die Polizei bekannt"),
#: so it is not one of the conjunctions above.
ADVERBIAL_OPENERS: frozenset[str] = frozenset({"da", "sodass"})
#: Conjunctions of an infinitive clause that says why or how, never what was said
#: ("Sie forderten Neuwahlen, um den Weg freizumachen").
INFINITIVE_CONJUNCTIONS: frozenset[str] = frozenset({"um", "ohne", "anstatt", "statt"})
#: Words opening a phrase that frames a report before its cue ("Angesprochen auf die
#: Vorwürfe, sagte X, …", "Auf die Frage, ob …, sagte X, …"): the question or the
#: occasion, never what was said. A frame noun makes a prepositional phrase one within
#: its first words ("Auf die Frage", "Auf Nachfrage"; "Die Frage sei offen" is reported).
FRAME_OPENERS: frozenset[str] = frozenset({"angesprochen", "gefragt", "befragt", "konfrontiert"})
FRAME_NOUNS: frozenset[str] = frozenset({"frage", "nachfrage", "anfrage"})
#: Konjunktiv I forms that are never indicative in news prose.
KONJUNKTIV_I: frozenset[str] = frozenset(
    {
        "sei", "seien", "seiest", "habe", "werde", "könne", "müsse", "solle", "wolle", "dürfe",
        "möge", "wisse", "gebe", "gehe", "stehe", "liege", "komme", "bleibe", "lasse", "sehe",
        "plane", "brauche", "gelte", "handle", "handele", "fehle", "trage", "halte",
    }
)  # fmt: skip
#: 3rd person singular Konjunktiv I is the verb stem + "e"; these words end like
#: that but are not verbs in that use.
KONJUNKTIV_I_EXCLUDE: frozenset[str] = frozenset(
    {"bitte", "gerne", "ende", "lange", "heute", "eigene", "ohne", "alle", "beide", "nahe"}
)
#: Konjunktiv II forms used for reported speech when Konjunktiv I looks
#: indicative; they only continue a report, never start one.
KONJUNKTIV_II: frozenset[str] = frozenset(
    {
        "würde", "würden", "hätte", "hätten", "wäre", "wären", "könnten", "müssten", "sollten",
        # strong verbs stand in for a Konjunktiv I that looks indicative ("sie befinden")
        "gäbe", "gäben", "käme", "kämen", "läge", "lägen", "befände", "befänden", "stünde",
        "stünden", "bliebe", "blieben", "ginge", "gingen", "fände", "fänden", "sähe", "sähen",
        "hielte", "hielten", "wüsste", "wüssten",
    }
)  # fmt: skip
#: Pronouns after which an "-e" verb is 1st person indicative, not Konjunktiv I.
FIRST_PERSON: frozenset[str] = frozenset({"ich"})
#: Modal verbs that mark hearsay ("Er soll geholfen haben").
REPORTATIVE_MODALS: frozenset[str] = frozenset({"soll", "sollen"})

#: Subject pronouns: form → (gender, number); "sie" is decided by the verb.
PRONOUNS: dict[str, tuple[str, str]] = {
    "er": ("m", "sg"),
    "sie": ("f", "sg"),
    "es": ("n", "sg"),
    "ich": ("", "sg"),
    "wir": ("", "pl"),
    "man": ("", "sg"),
}
#: Pronouns that name nobody ("In dem Schreiben forderte man den Abzug …"): never
#: resolved to a person named before, and no speaker of a quote record.
GENERIC_PRONOUNS: frozenset[str] = frozenset({"man"})
#: Pronouns that are only ever objects: "…, ihn loswerden zu wollen" opens on an object,
#: not on the verb of a main clause.
OBJECT_PRONOUNS: frozenset[str] = frozenset(
    {"ihn", "ihm", "ihnen", "mich", "mir", "dich", "dir", "uns", "euch"}
)
#: First-person pronouns: outside a quotation they speak for the writer or the
#: outlet ("Deswegen bitten wir unsere Leser, …"), never for a speaker named before.
WRITER_PRONOUNS: frozenset[str] = frozenset({"ich", "wir"})
#: Demonstratives that are the subject when they stand alone before the verb
#: ("Dieser bestätigte, …", "Letztere sagte, …"); before a noun they are articles.
#: "diese"/"letztere"/"jene" are plural too, as the verb tells.
DEMONSTRATIVE_PRONOUNS: dict[str, tuple[str, str]] = {
    "dieser": ("m", "sg"),
    "diese": ("f", "sg"),
    "jener": ("m", "sg"),
    "jene": ("f", "sg"),
    "letzterer": ("m", "sg"),
    "letztere": ("f", "sg"),
}
#: Names of agencies and papers written in lower case ("laut dpa", "einer Meldung der
#: dpa", "sagte er der taz", "amnesty international (ai)").
LOWER_CASE_NAMES: frozenset[str] = frozenset(
    {"dpa", "ddp", "epd", "kna", "sda", "dapd", "taz", "ai"}
)
#: "Für den Minister ist die Lage „alarmierend“": a "für" phrase next to a form of
#: "sein" names the one whose judgement the quoted words are.
JUDGING_PREPOSITIONS: frozenset[str] = frozenset({"für"})
COPULAS: frozenset[str] = frozenset(
    {"ist", "sind", "war", "waren", "sei", "seien", "wäre", "wären"}
)
#: A source opened by one of these is the subject's own account ("Berg war nach eigenem
#: Bekunden eingeweiht", "nach eigenen Angaben"): the subject speaks on after it.
OWN_ACCOUNT_WORDS: frozenset[str] = frozenset({"eigenen", "eigenem", "eigener", "eigene"})
#: Months (and "Jahr"): a year after one belongs to the phrase ("laut einem Bericht vom
#: November 2011", "Planungen aus dem Jahr 2005"; "der Polizei vom Mai 300 Menschen" is a
#: count, no year).
MONTHS: frozenset[str] = frozenset(
    {
        "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august",
        "september", "oktober", "november", "dezember", "jahr", "jahres",
    }
)  # fmt: skip
#: Nouns of time: "wie die FIFA in der Nacht mitteilte" says when, not which FIFA.
_TIMES_OF_DAY_AND_YEAR: frozenset[str] = frozenset(
    {
        "nacht", "früh", "morgen", "vormittag", "mittag", "nachmittag", "abend", "woche",
        "wochenende", "monat", "vorjahr", "sommer", "herbst", "winter", "frühjahr", "frühling",
    }
)  # fmt: skip
TIME_NOUNS: frozenset[str] = _TIMES_OF_DAY_AND_YEAR | MONTHS
#: A phrase of time alone before the verb is an adverbial, never the subject: "Diese
#: Woche sagte der Minister", "Vergangenen Montag erklärte die Kommission" (the subject
#: follows the verb).
ADVERBIAL_TIME_NOUNS: frozenset[str] = TIME_NOUNS | {
    "tag", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "stunden", "tage", "tagen", "wochen", "monate", "monaten", "jahre", "jahren",
}  # fmt: skip
#: Days in apposition to a time adverb between the verb and its subject: "teilte heute,
#: Freitag, die Behörde mit".
WEEKDAYS: frozenset[str] = frozenset(
    {"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag"}
)
#: Prepositions that set such a time in relation to an event, so that the phrase stays
#: an adverbial: "Wenige Wochen vor dem Referendum hat die Kommission …".
TIME_RELATION_PREPOSITIONS: frozenset[str] = frozenset({"vor", "nach", "seit"})
#: Articles of a date in apposition (", dem 27. März,"): the verb's clause runs on
#: after it to its particle ("gab am Montag, dem 27. März, … bekannt").
DATE_APPOSITION_ARTICLES: frozenset[str] = frozenset({"dem", "den"})
#: Nouns whose number belongs to the phrase ("nach Artikel 65 des Grundgesetzes").
NUMBERED_NOUNS: frozenset[str] = frozenset(
    {"artikel", "art.", "paragraf", "paragraph", "absatz", "abs.", "kapitel", "ziffer", "nr."}
)
#: Quantifiers that are the subject when they stand alone next to the verb ("Einige
#: sagen, …", "Das glauben viele"); before a noun they are articles. ("niemand" and
#: "keiner" deny the report: see ``CUE_NEGATIONS``.)
INDEFINITE_PRONOUNS: frozenset[str] = frozenset(
    {"einige", "viele", "manche", "mehrere", "andere", "jemand", "wenige", "einer"}
)
#: Determiners and pronouns that open a noun phrase.
DETERMINERS: frozenset[str] = frozenset(
    {
        "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem",
        "einen", "sein", "seine", "seiner", "seines", "seinem", "seinen", "ihr", "ihre",
        "ihrer", "ihres", "ihrem", "ihren", "dieser", "diese", "dieses", "diesem", "diesen",
        "mehrere", "zahlreiche", "viele", "einige", "beide", "alle",
    }
)  # fmt: skip
#: Determiners that open a genitive attribute ("der Sprecher des Ministeriums").
GENITIVE_DETERMINERS: frozenset[str] = frozenset({"des", "der", "eines", "einer"})
#: Prepositions that may continue a source inside its noun phrase
#: ("Angaben von Vattenfall", "die Regierung in Lima").
NP_CONTINUATIONS: frozenset[str] = frozenset({"von", "vom"})
#: Prepositions naming the remit of an office or a body ("der Kommissar für
#: Erweiterung", "die Bundesagentur für Arbeit"): part of the phrase only after
#: a word ending in one of ``OFFICE_ENDINGS`` ("sorgte für Aufregung" is no remit).
OFFICE_PREPOSITIONS: frozenset[str] = frozenset({"für"})
OFFICE_ENDINGS: tuple[str, ...] = (
    "kommissar", "kommissarin", "minister", "ministerin", "beauftragte", "beauftragter",
    "beauftragten", "ministerium", "ministeriums", "agentur", "institut", "instituts", "amt",
    "amts", "amtes", "zentrum", "zentrums", "zentrale", "behörde", "komitee", "komitees",
    "kommission", "ausschuss", "ausschusses", "rat", "rats", "rates", "stiftung", "verband",
    "verbands", "verbandes", "gesellschaft", "organisation", "vereinigung", "büro", "büros",
    "senator", "senatorin", "sprecher", "sprecherin", "direktor", "direktorin",
)  # fmt: skip
#: Prepositions whose phrase still belongs to the source of "wie X mitteilte"
#: ("wie die Provinzregierung in Helmand mitteilte"); a time ("am Montag") does not.
AS_SOURCE_ATTRIBUTES: frozenset[str] = frozenset({"in", "im", "aus"})
#: Words joining two nouns inside one speaker phrase ("Betriebsrat und Geschäftsführung").
NP_CONJUNCTIONS: frozenset[str] = frozenset({"und", "sowie", "oder"})
#: Two-part conjunctions joining subjects ("Sowohl die Behörde als auch das Militär
#: kündigten … an"): the opening word and the word that opens the second part.
CORRELATIVE_CONJUNCTIONS: dict[str, str] = {"sowohl": "als"}
#: Reflexive pronouns: "befand sich" after a noun is a verb, not part of the phrase.
REFLEXIVES: frozenset[str] = frozenset({"sich"})
#: Focus particles that may stand before the subject in the field before the
#: verb ("Auch das Ministerium kritisierte …"); the subject is what follows them.
FOCUS_PARTICLES: frozenset[str] = frozenset({"auch", "nur", "selbst", "sogar", "gerade"})
#: Present participles used as adverbs open a sentence without being its subject
#: ("Relativierend fügte Gall hinzu", "Passend zu … warnte die Moderatorin"): the
#: ending marks a participle when the word lemmatises to a verb; "-ierend" always
#: does ("Abend", "Jugend" are nouns).
PARTICIPLE_ENDINGS: tuple[str, ...] = ("end",)
VERB_ONLY_PARTICIPLE_ENDINGS: tuple[str, ...] = ("ierend",)
#: Conjunctions that join a main clause to the one before without taking the field before
#: the verb ("Doch die Gewerkschaften kritisierten, …": the subject follows them).
LEADING_CONJUNCTIONS: frozenset[str] = frozenset({"und", "aber", "doch", "denn", "sondern", "oder"})
#: Pronouns that are always nominative: right after the finite verb one is its
#: subject, and the field before the verb is an object ("Die Tat bezeichnete er als …").
NOMINATIVE_PRONOUNS: frozenset[str] = frozenset({"er", "ich", "wir"})
#: Words opening a subordinate clause after a comma ("…, da nach Angaben X …",
#: "…, der laut X …"): a source phrase inside one reports that clause only.
SUBORDINATORS: frozenset[str] = frozenset(
    {
        "da", "weil", "dass", "daß", "ob", "obwohl", "nachdem", "wobei", "wodurch", "womit",
        "bevor", "als", "wenn", "sodass", "damit", "der", "die", "das", "dem", "den",
        "deren", "dessen", "welche", "welcher", "welches", "wo",
    }
)  # fmt: skip
#: Imperatives of "lassen" that open a call to speak together ("Lasst uns sagen, …",
#: "Lassen Sie uns festhalten, …"): the field holds a verb, no subject.
HORTATIVE_VERBS: frozenset[str] = frozenset({"lasst", "lass", "lasset", "lassen"})
#: Demonstratives that stand for the sentence before when they open a sentence
#: right before a verb of saying ("Das erklärte ein Sprecher.").
BACK_REFERENCES: frozenset[str] = frozenset({"das", "dies"})
#: Words that may stand between such a demonstrative and its verb after a comma or a
#: dash ("… – das zumindest meint X."): they weigh the report, they are not its subject.
BACK_REFERENCE_PARTICLES: frozenset[str] = frozenset(
    {"zumindest", "jedenfalls", "wenigstens", "auch", "jedoch", "aber", "allerdings"}
)
#: Particles inside personal names ("Ursula von der Leyen").
NAME_PARTICLES: frozenset[str] = frozenset(
    {
        "von", "van", "de", "da", "del", "al", "bin", "ibn", "zu", "der", "den", "la", "le",
        # inside English and French names of bodies: "University of Toronto", "Rassemblement pour
        # la République"
        "of", "for", "pour", "du",
    }
)  # fmt: skip
#: Words ending a subject phrase although they are capitalised.
NP_STOPWORDS: frozenset[str] = frozenset(
    {"Am", "Im", "In", "Nach", "Bei", "Auf", "Zu", "Mit", "Vor", "Laut"}
)
#: "gegenüber der Zeitung": the addressee follows.
ADDRESSEE_PREPOSITIONS: frozenset[str] = frozenset({"gegenüber"})
#: Auxiliaries of perfect and passive tenses ("hat gesagt", "wurde zitiert").
AUXILIARIES: frozenset[str] = frozenset(
    {"hat", "hatte", "haben", "hatten", "habe", "hätte", "ist", "war", "sind", "waren",
     "wurde", "wurden", "wird", "werden", "worden", "sei"}
)  # fmt: skip
PASSIVE_AUXILIARIES: frozenset[str] = frozenset({"wurde", "wurden", "wird", "werden"})
#: The participle of the passive auxiliary: "war … befürchtet worden" is passive too.
PASSIVE_PARTICIPLES: frozenset[str] = frozenset({"worden"})
#: The infinitive particle: "Ihm wurde vorgeworfen, … beteiligt zu sein" reports a claim.
INFINITIVE_MARKERS: frozenset[str] = frozenset({"zu"})
#: A separable verb takes the particle inside: "einzusetzen", "aufzufordern".
INFINITIVE_INFIX: str = "zu"
INFINITIVE_ENDINGS: tuple[str, ...] = ("en", "ern", "eln")
#: Modal and auxiliary forms that end like adjectives ("dürfte", "sollten"):
#: with the auxiliaries and the Konjunktiv tables, words that never open or
#: extend a noun phrase ("Ursache dürfte ersten Annahmen zufolge …").
VERB_FORMS: frozenset[str] = frozenset(
    {"dürfte", "dürften", "könnte", "müsste", "sollte", "wollte", "wollten", "möchte",
     "möchten", "konnte", "konnten", "musste", "mussten", "durfte", "durften", "haben",
     "hatten", "waren", "wären", "werden", "würde", "würden", "sollen", "wollen", "können",
     "müssen", "dürfen"}
)  # fmt: skip
#: Plural finite cue endings ("sagten", "erklärten"), which make "sie" plural.
PLURAL_VERB_ENDINGS: tuple[str, ...] = ("en", "ten")

#: Role nouns marking a woman, by ending ("Sprecherin", "Präsidentin").
FEMININE_ROLE_ENDINGS: tuple[str, ...] = (
    "erin",
    "entin",
    "antin",
    "istin",
    "torin",
    "ärin",
    "eurin",
    "chefin",
    "beamtin",
    "ministerin",
    "kanzlerin",
)
#: Articles that mark the gender of a singular phrase: "er" never takes up "die Regierung"
#: or "das Ministerium", "sie" takes up the first and "es" the second.
FEMININE_DETERMINERS: frozenset[str] = frozenset({"die", "eine"})
MASCULINE_DETERMINERS: frozenset[str] = frozenset({"der", "ein"})
NEUTER_DETERMINERS: frozenset[str] = frozenset({"das"})
#: Endings of feminine nouns that are singular after "die" ("die Regierung", "die
#: Kommission", "die Polizei"); a plural "die Behörden" keeps no gender.
FEMININE_NOUN_ENDINGS: tuple[str, ...] = (
    "ung", "heit", "keit", "schaft", "ion", "tät", "ei", "ur", "ik",
)  # fmt: skip
#: First names whose gender is clear in news text (a short, common list).
FEMALE_FIRST_NAMES: frozenset[str] = frozenset(
    {
        "Angela", "Annalena", "Ursula", "Kamala", "Hillary", "Theresa", "Liz", "Giorgia",
        "Marine", "Nancy", "Maria", "Anna", "Julia", "Katarina", "Christine", "Claudia",
        "Sahra", "Alice", "Svenja", "Franziska", "Andrea", "Kristalina", "Mette",
        "Sanna", "Jacinda", "Maia", "Dina", "Hua", "Marija", "Maja", "Sarah", "Susanne",
        "Sabine", "Birgit", "Petra", "Renate", "Heidi", "Brigitte", "Elisabeth", "Katja",
        "Karin", "Monika", "Ulla", "Ulrike", "Kristina", "Ruth", "Golda", "Indira", "Benazir",
        "Aung", "Tsai", "Yulia", "Julija", "Swetlana", "Olena", "Irina", "Natalia", "Natalja",
        "Kaja", "Roberta", "Ilse", "Edith", "Margaret", "Condoleezza", "Madeleine", "Samantha",
        "Nikki", "Linda", "Ines", "Doris", "Gabriele", "Beate", "Iris", "Agnes", "Ingrid",
        "Janet", "Gina", "Karine", "Kristi", "Jen", "Michelle", "Melania",
        "Ségolène", "Emmanuelle", "Cristina", "Dilma", "Lisa",
    }
)  # fmt: skip
MALE_FIRST_NAMES: frozenset[str] = frozenset(
    {
        "Olaf", "Friedrich", "Frank-Walter", "Joe", "Donald", "Barack", "Wladimir", "Vladimir",
        "Xi", "Emmanuel", "Pete", "Walter", "Elmer", "Antony", "Sergej", "Sergei", "Dmitri",
        "Wolodymyr", "Volodymyr", "Recep", "Boris", "Rishi", "Keir", "Benjamin", "Kim",
        "Narendra", "Jair", "Luiz", "Javier", "Gerhard", "Helmut", "Joschka", "Robert",
        "Christian", "Markus", "Horst", "Jens", "Mark", "Josep", "Charles", "António",
        "Antonio", "Wang", "Li", "Lin", "Zhao", "Lawrow", "Mike", "Marco", "John", "George",
        "Bill", "Klaus", "Peter", "Thomas", "Michael", "Martin", "Heiko", "Hubertus", "Karl",
        "Jean", "Pedro", "Nicolás", "Gustavo", "Gabriel", "Andrés", "Miguel", "Alexander",
        "Alexej", "Jewgeni", "Ramsan", "Hassan", "Ali", "Mohammed", "Abdel", "Ebrahim",
        "Naftali", "Yoon", "Fumio", "Shinzo", "Justin", "Scott", "Anthony",
        "Lloyd", "Jake", "Matthew", "Ned", "Richard", "Jeremy", "Dominique",
    }
)  # fmt: skip
#: Names ending in "-a" that are male (the "-a" rule guesses female otherwise).
MALE_NAMES_ENDING_IN_A: frozenset[str] = frozenset(
    {"Luca", "Nikita", "Joshua", "Ilja", "Sascha", "Mustafa", "Kofi"}
)
#: Prepositions: a noun right after one is not a subject ("Am Montag sagte …").
PREPOSITIONS: frozenset[str] = frozenset(
    {
        "am", "im", "in", "an", "auf", "aus", "bei", "beim", "mit", "nach", "seit", "von",
        "vom", "vor", "zu", "zum", "zur", "über", "unter", "für", "gegen", "ohne", "um",
        "durch", "während", "wegen", "trotz", "bis", "ab", "gegenüber", "hinter", "neben",
        "zwischen", "ins", "ans", "aufs", "laut", "gemäß", "innerhalb", "außerhalb",
        "angesichts", "aufgrund", "infolge", "bezüglich", "hinsichtlich", "seitens",
        "anlässlich", "mittels", "dank", "statt", "anstatt", "binnen", "entlang",
    }
)  # fmt: skip
#: Determiners that open a dative object: an addressee right after the speaker
#: ("sagte er der Zeitung", "sagte sie den Journalisten").
DATIVE_DETERMINERS: frozenset[str] = frozenset({"dem", "der", "den", "einem", "einer"})
#: Relative pronouns: a clause opened by one after a cue is not the message.
RELATIVE_PRONOUNS: frozenset[str] = frozenset(
    {
        "der", "die", "das", "dem", "den", "denen", "deren", "dessen", "welche", "welcher",
        "welches", "welchem", "welchen",
    }
)  # fmt: skip
#: Relative pronouns that open a clause as its subject ("Faymann, der angekündigt hat, …",
#: "der alle Bürger aufforderte"); "die" and "das" may be objects ("die Lage, die der
#: Minister beschrieb").
NOMINATIVE_RELATIVES: frozenset[str] = frozenset({"der", "welcher"})
#: Relative pronouns that never stand before a noun: "Gerüchte, nach denen Barrett …"
#: opens a clause, where "nach dessen Angaben" is an article and its noun.
STANDALONE_RELATIVES: frozenset[str] = frozenset({"denen"})
#: Konjunktiv I of regular verbs is the stem + this ending ("gebe", "liege"):
#: a word is read as one when its dictionary lemma is the word + "n".
KONJUNKTIV_I_ENDING: str = "e"
#: Adverbs and conjunctions that open sentences; capitalised there, never a speaker.
SENTENCE_ADVERBS: frozenset[str] = frozenset(
    {
        "damit", "dabei", "dazu", "dann", "zudem", "außerdem", "auch", "nun", "jetzt", "heute",
        "gestern", "morgen", "deshalb", "daher", "darum", "trotzdem", "jedoch", "allerdings",
        "zuvor", "später", "bereits", "zuletzt", "danach", "demnach", "hier", "dort", "so",
        "doch", "aber", "und", "oder", "denn", "bisher", "inzwischen", "zunächst", "schließlich",
        "ebenfalls", "ferner", "weiter", "weiterhin", "erst", "noch", "immer", "dies", "das",
        "dieser", "diese", "dieses", "es", "man", "wer", "was", "wie", "warum", "als", "wenn",
        "während", "nachdem", "obwohl", "weil", "da", "sowohl", "insgesamt", "gleichzeitig",
        "unterdessen", "indes", "indessen", "somit", "folglich", "vielmehr", "ansonsten",
        "mittlerweile", "derzeit", "zugleich", "anschließend", "vorher", "nachher", "einst",
        "dennoch", "sonst", "ebenso", "gemeinsam", "offenbar", "offensichtlich", "angeblich",
        "damals", "jedenfalls", "wieder", "eben",
        "vermutlich", "wahrscheinlich", "eigentlich", "zwar", "kurz", "lange", "ob", "dass",
        "hingegen", "selbst", "bislang", "seitdem", "seither", "nicht", "sogar", "nur",
        "darüber", "darauf", "daraufhin", "davon", "dafür", "dagegen", "darin", "daran",
        "hierzu", "hierbei", "hierfür",
    }
)  # fmt: skip
#: German capitalises nouns: a noun phrase needs a capitalised word.
NOUNS_CAPITALISED: bool = True
#: Determiners that never open a nominative phrase: a field opened by one is
#: an object ("Den Vorschlag kritisierte die Opposition"), so the subject follows the verb.
OBJECT_DETERMINERS: frozenset[str] = frozenset(
    {
        "den",
        "dem",
        "einen",
        "einem",
        "ihren",
        "ihrem",
        "seinen",
        "seinem",
        "diesen",
        "diesem",
        "jenen",
        "jenem",
    }
)
#: Pronouns that are singular or plural by their verb ("sagte sie" / "sagten sie").
NUMBER_BY_VERB_PRONOUNS: frozenset[str] = frozenset({"sie", "diese", "jene", "letztere"})
#: Dative determiners that are dative only before a plural noun ending in "-n".
PLURAL_ONLY_DATIVE_DETERMINERS: frozenset[str] = frozenset({"den"})
PLURAL_DATIVE_ENDING: str = "n"
#: Articles that never open a dative phrase ("die Staatsanwaltschaft Medienberichten
#: zufolge": the article opens the subject; the source before "zufolge" is dative).
NON_DATIVE_DETERMINERS: frozenset[str] = frozenset(
    {"die", "das", "ein", "eine", "einen", "des", "eines"}
)
#: "von" introduces the agent of a passive ("wurde von der Polizei bestätigt").
AGENT_PREPOSITIONS: frozenset[str] = frozenset({"von"})
#: Endings of inflected adjectives ("neue", "neuen", "neuer", "neues", "neuem").
ADJECTIVE_ENDINGS: tuple[str, ...] = ("e", "n", "r", "s", "m")
#: A time phrase may stand between a verb and its subject: "…, sagte am Montag der
#: Minister", "versicherte am späten Abend der Sprecher"; a genitive after it continues
#: the phrase instead ("am Rande des Gipfels").
TIME_PREPOSITIONS: frozenset[str] = frozenset({"am"})
GENITIVE_ONLY: frozenset[str] = frozenset({"des", "eines"})
#: Interview labels that name nobody: "Frage: … Antwort: …" in an explainer is the
#: paper's own text (and in an interview the person is named elsewhere).
GENERIC_TURN_LABELS: frozenset[str] = frozenset({"frage", "antwort", "f", "a"})
#: Endings of participles inflected as adjectives: "mit dem Vorgang vertraute Personen",
#: "in Berlin lebende Forscher", "in Wien geborene Autorin".
PARTICIPLE_ADJECTIVE_ENDINGS: tuple[str, ...] = (
    "te", "ten", "ter", "tes", "tem", "ende", "enden", "ender", "endes", "endem",
    "ene", "enen", "ener", "enes", "enem",
)  # fmt: skip
#: Derivational endings only adjectives have, before the inflection: a capitalised
#: "Ecuadorianischen" or "Staatlichen" opening a phrase is an adjective, not a noun.
ADJECTIVE_SUFFIXES: tuple[str, ...] = ("isch", "lich")
#: Ending of an adjective in a genitive plural without article ("informierter Kreise").
GENITIVE_ADJECTIVE_ENDING: str = "er"
#: German nouns are capitalised, so no lower-case noun phrase needs closed-class stops,
#: and a possessor is a genitive ("Chinas Außenministerium"), read as a name.
NP_BREAKS: frozenset[str] = frozenset()
POSSESSIVE_MARKERS: frozenset[str] = frozenset()
#: German reports a clause after a comma ("sagte, dass …", "sagte, er sei …") and puts
#: the verb first after a quotation ("„…“, sagte er"): no subject-first attribution.
CLAUSE_FOLLOWS_CUE: bool = False
CLAUSE_PUNCTUATION: frozenset[str] = frozenset({",", ":"})
BARE_CLAUSE_CUES: frozenset[str] = frozenset()
FINITE_VERBS: frozenset[str] = frozenset()
PAST_TENSE_ENDING: str = ""
IRREGULAR_PAST: frozenset[str] = frozenset()
CUE_NOUNS: frozenset[str] = frozenset()  # German nouns are capitalised: no cue is one
