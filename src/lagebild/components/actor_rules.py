"""Token-level analysis for the actor stage: gazetteer hits, role/sector heads, names.

``analyse_tokens`` runs once per document: one pass of dictionary probes over
the tokens (longest gazetteer match, then hyphen parts and compound heads), so
the phrase rules in ``lagebild.components.actors`` work on small typed records
instead of re-reading the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from lagebild.gazetteer import Gazetteer
from lagebild.gazetteer.index import Entry

# A lowercase word that inflects like an attributive adjective ("staatlichen", "wichtigsten").
# An inflected adjective, maybe with hyphenated lower-case parts before it ("pro-kurdischen").
_ADJECTIVE_LIKE = re.compile(
    r"^(?:[a-zäöüß]+-)*[a-zäöüß]+(?:isch|lich|ig|al|iert|ell|ierte|ste)(?:e|en|er|es|em)$"
)
# A name token: a capitalised word, maybe hyphenated or with an apostrophe ("Seol-hwa", "O'Brien").
_NAME_TOKEN = re.compile(r"^[^\W\d_][^\W\d_'’.-]*(?:[-'’][^\W\d_]+)*\.?$")
# Name words, particles aside; longer capitalised runs are titles or headlines, not one name.
MAX_NAME_TOKENS = 4
# A genitive "-s" may leave a two-letter stem only for a person's name ("Xis"): shorter
# stems of other entries are abbreviations or common words ("Eus", "Als").
MIN_PERSON_GENITIVE_STEM = 2
MIN_COMPOUND_PREFIX = (
    3  # "US" + "chef" is written with a hyphen; unhyphenated prefixes are longer ("Kreml")
)


@dataclass(frozen=True, slots=True)
class Hit:
    """A gazetteer match: tokens [start, end) or, for a hyphen part, characters inside one token."""

    start: int
    end: int
    char_start: int
    char_end: int
    entry: Entry
    genitive: bool = False
    part: bool = False  # a piece of a hyphenated/compound token


@dataclass(slots=True)
class Head:
    """A role noun (office) or sector noun (sector, kind, org_type) at token ``tok``.

    ``mods`` are gazetteer hits glued to it in the same token ("US-" in
    "US-Verteidigungsminister", "Kreml" in "Kremlchef").
    """

    tok: int
    office: str | None = None
    sector: tuple[str, str, str] | None = None
    mods: list[Hit] = field(default_factory=list)


@dataclass(slots=True)
class TokenView:
    """Per-token arrays of a Doc, read once."""

    texts: list[str]
    lowers: list[str]
    starts: list[int]
    ends: list[int]
    sent: list[int]  # index of the first token of each token's sentence

    @classmethod
    def from_doc(cls, doc: Any) -> TokenView:
        texts, lowers, starts, ends, sent = [], [], [], [], []
        first = 0
        for token in doc:
            if token.is_sent_start:
                first = token.i
            text = token.text
            if _final_abbreviation(token) or _regnal_number(text):
                # "sagte Dong Jun.": the stop ends the sentence, not "Jun."; "Abdullah II."
                # is matched as the name "Abdullah II"
                text = text[:-1]
            texts.append(text)
            lowers.append(text.lower())
            starts.append(token.idx)
            ends.append(token.idx + len(text))
            sent.append(first)
        return cls(texts, lowers, starts, ends, sent)

    def __len__(self) -> int:
        return len(self.texts)

    def is_title(self, i: int) -> bool:
        first = self.texts[i][:1]
        return first.isupper()


@dataclass(slots=True)
class TokenAnalysis:
    """What the single pass found: whole-token hits, part hits and heads."""

    hits: list[Hit]
    by_token: dict[int, Hit]
    parts: dict[int, list[Hit]]
    heads: dict[int, Head]


def _final_abbreviation(token: Any) -> bool:
    """A word the tokenizer kept with its full stop ("Jun.") although the sentence ends there."""
    text = token.text
    if len(text) < 3 or not text.endswith(".") or not text[:-1].isalpha():
        return False
    doc = token.doc
    if token.i == len(doc) - 1:
        return True
    following = doc[token.i + 1]
    return bool(following.is_sent_start) or following.is_space


def _regnal_number(text: str) -> bool:
    """A Roman numeral with its ordinal stop after a ruler's name ("Abdullah II.")."""
    return len(text) >= 2 and text.endswith(".") and set(text[:-1]) <= _ROMAN_DIGITS


_ROMAN_DIGITS = frozenset("IVX")

#: Letters Unicode does not decompose into an ASCII base letter ("Strauß" → "strauss").
_FOLD_LETTERS = str.maketrans(
    {"ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE",
     "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "Þ": "Th", "ı": "i"}
)  # fmt: skip


def slugify(text: str) -> str:
    """ASCII slug for stable ids: "Álvaro López Miera" → "alvaro_lopez_miera"."""
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD_LETTERS))
    folded = folded.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "_", folded.lower()).strip("_")


def _accept(entries: Sequence[Entry], text: str, *, genitive: bool) -> Entry | None:
    if text[:1].isupper() and len(entries) > 1:
        # German capitalises nouns: "Deutsche" is the demonym, "deutsche" the adjective.
        entries = sorted(entries, key=lambda e: e.form == "adj")
    for entry in entries:
        if genitive and (not entry.cased or entry.exact or entry.form == "adj"):
            continue
        if entry.accepts(text):
            return entry
    return None


def analyse_tokens(
    view: TokenView, doc_text: str, gazetteer: Gazetteer, lang: str, data: Any
) -> TokenAnalysis:
    """Find gazetteer hits (longest first), hyphen/compound parts, and role/sector heads."""
    index = gazetteer.index(lang)
    genitive = data.GENITIVE_ENDINGS
    hits: list[Hit] = []
    by_token: dict[int, Hit] = {}
    parts: dict[int, list[Hit]] = {}
    heads: dict[int, Head] = {}
    head_forms = _head_forms(data)
    i, n = 0, len(view)
    while i < n:
        matched = False
        for end, entries, via_genitive in index.matches(
            view.lowers, i, genitive=genitive, min_stem=MIN_PERSON_GENITIVE_STEM
        ):
            text = doc_text[view.starts[i] : view.ends[end - 1]]
            entry = _accept(entries, text, genitive=via_genitive)
            if (
                entry is not None
                and via_genitive
                and _short_stem(view.lowers[end - 1], genitive)
                and not entry.actor_id.startswith("per:")
            ):
                entry = None
            if (
                entry is not None
                and end - i > 1
                and _longer_from(view, index, i + 1, end, genitive)
            ):
                break  # "König Abdullah II": the name "Abdullah II" outruns "König Abdullah"
            if entry is not None:
                hit = Hit(i, end, view.starts[i], view.ends[end - 1], entry, via_genitive)
                hits.append(hit)
                for k in range(i, end):
                    by_token[k] = hit
                i = end
                matched = True
                break
        if matched:
            continue
        head = _head_of_token(i, view, index, data, head_forms, genitive)
        if head is not None:
            heads[i] = head
        elif "-" in view.texts[i].strip("-"):
            found = _hyphen_parts(i, view, index, genitive)
            if found:
                parts[i] = found
        i += 1
    return TokenAnalysis(hits, by_token, parts, heads)


def _longer_from(view: TokenView, index: Any, start: int, end: int, genitive: Any) -> bool:
    """Whether a gazetteer name starting at ``start`` (inside a match that ends at ``end``)
    reaches further than that match."""
    return any(
        later > end
        for later, _entries, _via in index.matches(
            view.lowers, start, genitive=genitive, min_stem=MIN_PERSON_GENITIVE_STEM
        )
    )


def _short_stem(lower: str, endings: Sequence[str]) -> bool:
    """Whether stripping a genitive ending leaves fewer than three letters ("xis" → "xi")."""
    return any(lower.endswith(e) and len(lower) - len(e) < 3 for e in endings)


@cache
def _suffixes(data: Any) -> tuple[str, ...]:
    return tuple(s for s, _ in (*data.ROLE_SUFFIXES, *data.SECTOR_SUFFIXES))


@cache
def _head_forms(data: Any) -> tuple[str, ...]:
    return tuple(sorted({*data.ROLE_NOUNS, *data.SECTOR_NOUNS}, key=len, reverse=True))


def _classify(lower: str, data: Any) -> tuple[str | None, tuple[str, str, str] | None]:
    """Office or sector of a single word, by table then by compound ending."""
    if lower in data.ROLE_NOUNS:
        return data.ROLE_NOUNS[lower], None
    if lower in data.SECTOR_NOUNS:
        return None, data.SECTOR_NOUNS[lower]
    if not lower.endswith(_suffixes(data)):
        return None, None
    for suffix, office in data.ROLE_SUFFIXES:
        if lower.endswith(suffix) and len(lower) > len(suffix):
            return office, None
    for suffix, sector in data.SECTOR_SUFFIXES:
        if lower.endswith(suffix) and len(lower) > len(suffix):
            return None, sector
    return None, None


def _head_of_token(
    i: int,
    view: TokenView,
    index: Any,
    data: Any,
    head_forms: tuple[str, ...],
    genitive: Sequence[str],
) -> Head | None:
    text, lower = view.texts[i], view.lowers[i]
    if "-" in text.strip("-"):
        pieces = text.split("-")
        office, sector = _classify(pieces[-1].lower(), data)
        if office is None and sector is None:
            return None
        mods = _hyphen_parts(i, view, index, genitive, skip_last=True)
        return Head(i, office, sector, mods)
    office, sector = _classify(lower, data)
    if office is None and sector is None:
        return None
    head = Head(i, office, sector)
    if lower in data.ROLE_NOUNS or lower in data.SECTOR_NOUNS or not lower.endswith(head_forms):
        return head
    # Unhyphenated compound with a gazetteer prefix: "Kremlchef", "Pentagonsprecher".
    for form in head_forms:
        if lower.endswith(form) and len(lower) - len(form) >= MIN_COMPOUND_PREFIX:
            prefix = text[: len(text) - len(form)]
            for candidate in (prefix, prefix[:-1] if prefix.endswith("s") else None):
                if not candidate:
                    continue
                entry = _accept(index.get((candidate.lower(),)), candidate, genitive=False)
                if entry is not None and entry.form != "adj":
                    start = view.starts[i]
                    head.mods.append(Hit(i, i + 1, start, start + len(candidate), entry, part=True))
                    head.office, head.sector = _classify(form, data)
                    return head
            break
    return head


def _hyphen_parts(
    i: int, view: TokenView, index: Any, genitive: Sequence[str], *, skip_last: bool = False
) -> list[Hit]:
    """Gazetteer hits among the pieces of a hyphenated token ("China-Russland-Beziehungen")."""
    text, start = view.texts[i], view.starts[i]
    pieces = text.split("-")
    found: list[Hit] = []
    offset = 0
    for number, piece in enumerate(pieces):
        piece_start = start + offset
        offset += len(piece) + 1
        if not piece or (skip_last and number == len(pieces) - 1):
            continue
        key = (piece.lower(),)
        entry = _accept(index.get(key), piece, genitive=False)
        via_genitive = False
        if entry is None and number == len(pieces) - 1:
            for ending in genitive:
                if piece.lower().endswith(ending) and len(piece) > len(ending) + 2:
                    entry = _accept(
                        index.get((piece.lower()[: -len(ending)],)), piece, genitive=True
                    )
                    if entry is not None:
                        via_genitive = True
                        break
        if entry is not None:
            found.append(
                Hit(i, i + 1, piece_start, piece_start + len(piece), entry, via_genitive, part=True)
            )
    return found


def title_office(text: str, data: Any) -> str | None:
    """Office of a role or title word standing before a name; "" for a title without
    office ("Herr", "Papst" has one), None when the word is no title.

    Reads the role nouns and their compound endings first, then the title table
    (``PERSON_TITLES``, ``TITLE_SUFFIXES``); a hyphenated word counts by its last
    part ("Vatikan-Sprecher", "Grünen-Fraktionschefin").
    """
    lower = text.lower().rsplit("-", 1)[-1]
    if not lower:
        return None
    office, _ = _classify(lower, data)
    if office is not None:
        return office
    titles = data.PERSON_TITLES
    if lower in titles:
        return titles[lower]
    for suffix, office in data.TITLE_SUFFIXES:
        if lower.endswith(suffix) and len(lower) > len(suffix):
            return office
    return None


def is_adjective_like(lower: str, data: Any) -> bool:
    """A filler adjective inside an actor phrase ("der staatlichen ... Agentur")."""
    return lower in data.PHRASE_FILLERS or bool(_ADJECTIVE_LIKE.match(lower))


def name_token(view: TokenView, i: int, data: Any, analysis: TokenAnalysis) -> bool:
    """Whether token ``i`` can be part of a person's name."""
    text = view.texts[i]
    particle, _, rest = text.partition("-")
    glued = particle in data.NAME_PARTICLES and rest[:1].isupper()  # "al-Sisi", "el-Baradei"
    if not _NAME_TOKEN.match(text) or not (view.is_title(i) or glued):
        return False
    if view.lowers[i] in data.NOT_NAMES or i in analysis.heads:
        return False
    hit = analysis.by_token.get(i)
    return hit is None or hit.entry.actor_id.startswith("per:")


def name_after(view: TokenView, start: int, data: Any, analysis: TokenAnalysis) -> int:
    """End of a person's name starting at ``start`` (== start when there is none)."""
    end, last_name, words = start, start, 0
    while end < len(view) and view.sent[end] == view.sent[start]:
        if name_token(view, end, data, analysis):
            end += 1
            last_name = end
            words += 1
        elif view.lowers[end] in data.NAME_PARTICLES and end > start:
            end += 1
        else:
            break
        if words > MAX_NAME_TOKENS:
            return start
    return last_name


def name_before(view: TokenView, end: int, data: Any, analysis: TokenAnalysis) -> int:
    """Start of a person's name ending just before token ``end`` (== end when there is none)."""
    start = end
    while start > view.sent[end - 1] if end > 0 else False:
        k = start - 1
        if name_token(view, k, data, analysis) or (
            view.lowers[k] in data.NAME_PARTICLES and start < end
        ):
            start = k
        else:
            break
    while start < end and view.lowers[start] in data.NAME_PARTICLES:
        start += 1
    if end - start > MAX_NAME_TOKENS or end - start < 1:
        return end
    # A lone capitalised word at a sentence start is usually not a name ("Damit, ...").
    if end - start == 1 and start == view.sent[start] and analysis.by_token.get(start) is None:
        return end
    return start
