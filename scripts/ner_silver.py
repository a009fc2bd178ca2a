"""Silver NER training sentences: German news labelled by Lagebild's own actor gazetteer.

Distant supervision for ``scripts/train_ner.py``: the hand-labelled corpora
hold ~4,500 sentences, mostly parliament speeches; news articles are plentiful
but unlabelled. The actor stage (``segment`` + ``actors``) marks the states,
capitals, organisations and office holders its gazetteer knows. This module
keeps only what that stage is sure of and drops every sentence where an
unlabelled token could still be a name, so the silver sentences teach news
contexts without teaching the model to ignore names.

A mention is kept when

* its surface (or genitive form, "Chinas") is in the gazetteer index as a
  name, abbreviation or capital (not an adjective or demonym: GermEval and
  the training corpora treat "deutschen" and "Brasilianer" as derived words,
  not names) and starts with a capital letter;
* it covers whole tokens.

Labels: PER -> PER; GPE and LOC -> LOC; IGO and ORG -> ORG.

A sentence is kept when no token outside the kept mentions looks like a name.
German capitalises every noun, so "looks like a name" means: capitalised,
and either absent from simplemma's German dictionary (also as the head of a
compound, "Klimaschutzgesetz") or present in a list of personal names or
country names; sentence-initial words also pass when their lower-case form is
known ("Die", "Zudem"). Tokens of a phrase the actor stage resolved with lower
confidence (a role phrase, "Minister X") count as names too. The filter is
conservative: it throws away many clean sentences to keep few false negatives.

The texts (SpkAtt-2023 news ``train/task2``: Wikinews articles, CC BY 2.5)
are read in place; nothing of them is written into the repository, only into
the training work folder. 10kGNAD is not used: its licence (CC BY-NC-SA) would
make the shipped model non-commercial.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

#: Actor kinds -> NER labels (the NER has no separate state or IGO class).
KIND_LABELS = {"PER": "PER", "GPE": "LOC", "LOC": "LOC", "IGO": "ORG", "ORG": "ORG"}
#: Gazetteer entry forms that are names (not "adj" / "demonym").
NAME_FORMS = frozenset({"name", "abbr", "capital"})
#: Genitive endings tried when the mention's last word is not indexed as written.
GENITIVE_ENDINGS = ("s", "es")
MIN_TOKENS, MAX_TOKENS = 4, 80  # fragments and run-on lists teach little
#: A compound's head must be this long to vouch for the whole word as a common
#: noun ("...gesetz", "...ausschuss"); shorter heads ("...burg", "...haupt") end names too.
MIN_HEAD = 6
MIN_MODIFIER = 3


@dataclass(frozen=True)
class SilverStats:
    """How many sentences and mentions the filter saw and kept."""

    sentences: int
    kept: int
    entities: int


#: Silver text sources: name -> folder of SpkAtt-2023 JSON files under ``data``.
SOURCES = {
    "news": "spkatt2023_news/train/task2",  # Wikinews articles, CC BY 2.5
    "parliament": "spkatt2023_parliament/train/task1",  # Bundestag speeches, CC BY-SA 4.0
}


def read_texts(shared: Path, source: str) -> list[str]:
    """One running text per file of a SpkAtt-2023 training folder (``SOURCES``)."""
    from train_ner import sentence_text

    texts = []
    for path in sorted((shared / "data" / SOURCES[source]).glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        sentences = (s["Tokens"] for s in record["Sentences"] if s["Tokens"])
        texts.append(" ".join(sentence_text(tokens) for tokens in sentences))
    return texts


class NameFilter:
    """Decides whether an unlabelled capitalised token could be a name."""

    def __init__(self, name_words: Iterable[str], *, bare_words: Iterable[str] = ()) -> None:
        import simplemma

        self._known = simplemma.is_known
        self.name_words = frozenset(name_words)
        self.bare_words = frozenset(bare_words)

    def _noun(self, word: str) -> bool:
        if self._known(word, lang="de"):
            return True
        # compound whose head is a dictionary noun: "Klimaschutzgesetz"
        for cut in range(MIN_MODIFIER, len(word) - MIN_HEAD + 1):
            if self._known(word[cut:].capitalize(), lang="de"):
                return True
        return False

    def suspect(self, word: str, *, initial: bool) -> bool:
        """True if ``word`` may be (part of) a name the labels do not cover."""
        if "-" in word:  # "Top-Stürmer", "EU-weit", "US-Dollar": the head decides
            word = word.rsplit("-", 1)[1] or word
        if not word[:1].isupper():
            return False
        if initial and self._known(word.lower(), lang="de"):
            return False
        if word in self.name_words or word in self.bare_words:
            return True
        if word.isupper() and len(word) > 1:  # acronyms are mostly organisations
            return True
        return not self._noun(word)


def name_words(*, seed: int) -> set[str]:
    """Single words of personal names (Faker lists) and country names (CLDR)."""
    from train_ner import country_names, synthetic_people

    words = {w for person in synthetic_people(seed=seed) for w in person}
    import importlib

    from train_ner import NAME_LOCALES

    for locale in NAME_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        words.update(w for n in (*provider.first_names, *provider.last_names) for w in n.split())
    words.update(w for name in country_names() for w in name)
    return {w for w in words if w[:1].isupper() and len(w) > 1}


#: Articles: a capitalised word seen after one of them is used as a common noun.
DETERMINERS = frozenset((
    "der", "die", "das", "dem", "den", "des", "ein", "eine", "einer", "einem", "einen",
    "eines", "kein", "keine", "keinen", "keiner", "keinem", "keines",
    "zum", "zur", "im", "am", "vom", "beim", "ins",
))  # fmt: skip
MIN_BARE = 3  # a word seen this often, never after an article, is taken for a name


def bare_words(texts: Iterable[str]) -> set[str]:
    """Capitalised words the dictionary may know but the texts use like names.

    simplemma knows "Microsoft", "Europa" and "Merkel"; nouns follow an article
    somewhere in a large corpus ("die Entscheidung"), names mostly do not.
    """
    import spacy

    tokenizer = spacy.blank("de").tokenizer
    seen: dict[str, int] = {}
    with_article: set[str] = set()
    for text in texts:
        previous = ""
        for token in tokenizer(text):
            word = token.text
            if word[:1].isupper():
                seen[word] = seen.get(word, 0) + 1
                if previous in DETERMINERS:
                    with_article.add(word)
            previous = word.lower()
    return {w for w, n in seen.items() if n >= MIN_BARE and w not in with_article}


def _verified(index, doc, mention) -> tuple[int, int, str] | None:
    """The mention as a token span with its NER label, if the gazetteer vouches for it."""
    label = KIND_LABELS.get(mention.kind)
    span = doc.char_span(mention.start, mention.end)  # None unless whole tokens
    if label is None or span is None or not mention.text[:1].isupper():
        return None
    lowers = [t.lower_ for t in span]
    candidates = [tuple(lowers)]
    for ending in GENITIVE_ENDINGS:
        if lowers[-1].endswith(ending) and len(lowers[-1]) - len(ending) >= 3:
            candidates.append((*lowers[:-1], lowers[-1][: -len(ending)]))
    for key in candidates:
        for entry in index.get(key):
            if entry.form in NAME_FORMS and entry.accepts(mention.text):
                return (span.start, span.end, label)
    return None


def _derived(index, doc, mention) -> set[int]:
    """Tokens of a mention indexed only as an adjective or demonym (they are not names)."""
    span = doc.char_span(mention.start, mention.end)
    if span is None:
        return set()
    entries = index.get(tuple(t.lower_ for t in span))
    if entries and all(e.form not in NAME_FORMS for e in entries):
        return set(range(span.start, span.end))
    return set()


def silver_sentences(
    texts: Iterable[str], *, names: NameFilter, stats: list[SilverStats] | None = None
) -> Iterator[tuple[tuple[str, ...], tuple[tuple[int, int, str], ...]]]:
    """Yield ``(words, spans)`` for the sentences that pass the filter."""
    from lagebild.pipeline import make_pipeline

    nlp = make_pipeline("de", stages=["segment", "actors"])
    index = nlp.get_pipe("actors").gazetteer.index("de")
    seen = kept = n_ents = 0
    for doc in nlp.pipe(texts, batch_size=32):
        spans: list[tuple[int, int, str]] = []
        safe: set[int] = set()
        for mention in doc._.mentions or []:
            verified = _verified(index, doc, mention)
            if verified:
                spans.append(verified)
            else:
                safe |= _derived(index, doc, mention)
        covered = {i for start, end, _ in spans for i in range(start, end)}
        for sent in doc.sents:
            seen += 1
            if not MIN_TOKENS <= len(sent) <= MAX_TOKENS:
                continue
            if any(
                names.suspect(tok.text, initial=tok.i == sent.start)
                for tok in sent
                if tok.i not in covered and tok.i not in safe
            ):
                continue
            inside = tuple(
                (s - sent.start, e - sent.start, label)
                for s, e, label in sorted(spans)
                if sent.start <= s and e <= sent.end
            )
            kept += 1
            n_ents += len(inside)
            yield tuple(t.text for t in sent), inside
    if stats is not None:
        stats.append(SilverStats(seen, kept, n_ents))
