"""Surface-form index: lowercased token tuples -> gazetteer entries, built once and pickled.

Lookup is a dict probe per candidate span (1–6 tokens), so matching an article
costs a few thousand dictionary lookups instead of running one pattern per name.
Keys are tokenised with the same spaCy tokenizer that makes the ``Doc``, so a
name splits into exactly the tokens the text will show.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

# Longest name we index, in tokens ("Organisation für Sicherheit und Zusammenarbeit in Europa": 7).
MAX_SPAN = 8


@dataclass(frozen=True, slots=True)
class Entry:
    """One way an actor can be written.

    ``form`` says how the surface refers to the actor: ``name`` (a name or alias),
    ``abbr`` (an abbreviation, matched with its exact case), ``adj`` (an adjective),
    ``demonym`` or ``capital`` (a capital used for its state).
    """

    actor_id: str
    form: str
    surface: str
    cased: bool = True  # the text must start with a capital letter (proper names)
    exact: bool = False  # the text must match ``surface`` exactly (abbreviations)

    def __reduce__(self) -> tuple[type[Entry], tuple[str, str, str, bool, bool]]:
        """Pickle as a constructor call: dataclass slot state unpickles 60k entries slower."""
        return (Entry, (self.actor_id, self.form, self.surface, self.cased, self.exact))

    def accepts(self, text: str) -> bool:
        """Whether the text as written (not lowercased) fits this entry's case rules."""
        if self.exact:
            return text == self.surface
        if self.cased:
            first = text[:1]
            return first.isupper() or first.isdigit()
        return True


@cache
def _tokenizer(lang: str):
    import spacy

    return spacy.blank(lang).tokenizer


def tokenize(text: str, lang: str) -> tuple[str, ...]:
    """The tokens spaCy's blank ``lang`` tokenizer makes of ``text``."""
    return tuple(t.text for t in _tokenizer(lang)(text))


@dataclass(slots=True)
class SurfaceIndex:
    """Lowercased token tuples -> entries, plus the prefixes needed to stop a scan early."""

    lang: str
    keys: dict[tuple[str, ...], tuple[Entry, ...]] = field(default_factory=dict)
    prefixes: set[tuple[str, ...]] = field(default_factory=set)

    def add(self, tokens: Sequence[str], entry: Entry) -> None:
        """Index ``entry`` under ``tokens`` (lowercased here); duplicates are ignored."""
        if not tokens or len(tokens) > MAX_SPAN:
            return
        key = tuple(t.lower() for t in tokens)
        current = self.keys.get(key, ())
        if entry in current:
            return
        self.keys[key] = (*current, entry)
        for i in range(1, len(key)):
            self.prefixes.add(key[:i])

    def add_text(self, text: str, entry: Entry) -> None:
        """Tokenise ``text`` like the document will be and index it."""
        self.add(tokenize(text, self.lang), entry)

    def get(self, key: tuple[str, ...]) -> tuple[Entry, ...]:
        return self.keys.get(key, ())

    def matches(
        self,
        lowers: Sequence[str],
        start: int,
        *,
        genitive: Iterable[str] = (),
        min_stem: int = 3,
    ) -> list[tuple[int, tuple[Entry, ...], bool]]:
        """Indexed spans from ``start``, longest first: (end, entries, matched via genitive ending).

        ``genitive`` lists endings that may be stripped from the span's last token
        ("Chinas" → "china"); a match through it is reported so callers can
        require a proper name. ``min_stem`` is the shortest word left after stripping
        (3: "Chinas"; callers that check the entry may go down to 2 for "Xis").
        Callers take the first whose case rules fit.
        """
        found_spans: list[tuple[int, tuple[Entry, ...], bool]] = []
        endings = tuple(genitive)
        stop = min(len(lowers), start + MAX_SPAN)
        for end in range(start + 1, stop + 1):
            key = tuple(lowers[start:end])
            found = self.keys.get(key)
            if found:
                found_spans.append((end, found, False))
            else:
                last = key[-1]
                for ending in endings:
                    if last.endswith(ending) and len(last) - len(ending) >= min_stem:
                        found = self.keys.get((*key[:-1], last[: -len(ending)]))
                        if found:
                            found_spans.append((end, found, True))
                            break
            if key not in self.prefixes:
                break
        found_spans.reverse()
        return found_spans
