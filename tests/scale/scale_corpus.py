"""A generated German news corpus for scale-out tests: many small documents, several input kinds.

The sentences are built from templates of our own, with a seeded random
generator, so every run sees the same corpus.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

from lagebild.errors import LagebildError
from lagebild.pipeline import make_pipeline
from lagebild.settings import ALL_STAGES


def pipeline_stages() -> str:
    """Every stage; where the NER model was not built (scripts/train_ner.py), all but ner."""
    try:
        make_pipeline("de", stages=["ner"])
    except LagebildError:
        return ",".join(s for s in ALL_STAGES if s != "ner")
    return ",".join(ALL_STAGES)

_ACTORS = (
    "Die Bundesregierung", "Frankreich", "Der russische Außenminister", "Die NATO", "Peking",
    "Washington", "Die Vereinten Nationen", "Japan", "Die türkische Regierung",
    "Das ukrainische Militär", "Die Europäische Union", "Der iranische Präsident",
)
_OBJECTS = (
    "die Regierung in Warschau", "Moskau", "die Vereinigten Staaten", "Südkorea", "Israel",
    "die Afrikanische Union", "den Kreml", "Indien", "Brasilien", "die chinesische Führung",
)
_VERBS = (
    "kritisierte am Montag", "verurteilte scharf", "lobte am Mittwoch", "warnte erneut",
    "beschuldigte", "unterstützte", "traf sich am Freitag mit", "drohte",
)
_SPEAKERS = ("ein Sprecher des Ministeriums", "die Außenministerin", "der Botschafter")
_QUOTES = (
    "Wir werden das nicht hinnehmen", "Die Gespräche waren konstruktiv",
    "Eine Eskalation liegt in niemandes Interesse", "Wir stehen an der Seite unserer Partner",
)


def _article(rng: random.Random, number: int) -> dict[str, str]:
    sentences = []
    for _ in range(rng.randint(3, 7)):
        if rng.random() < 0.25:
            sentences.append(f"„{rng.choice(_QUOTES)}“, sagte {rng.choice(_SPEAKERS)}.")
        else:
            sentences.append(f"{rng.choice(_ACTORS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}.")
    day = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randint(0, 364))
    return {
        "title": f"Meldung {number}: {rng.choice(_ACTORS)} und {rng.choice(_OBJECTS)}",
        "text": " ".join(sentences),
        "published": day.isoformat(),
    }


def write_corpus(directory: Path, *, documents: int = 40, seed: int = 7) -> list[Path]:
    """Write ``documents`` articles: a third as .txt files, the rest in one JSON Lines file."""
    rng = random.Random(seed)
    articles = [_article(rng, n) for n in range(documents)]
    directory.mkdir(parents=True, exist_ok=True)
    as_text = documents // 3
    paths = []
    for n, article in enumerate(articles[:as_text]):
        path = directory / f"meldung_{n:03d}.txt"
        path.write_text(f"{article['title']}\n\n{article['text']}\n", encoding="utf-8")
        paths.append(path)
    jsonl = directory / "meldungen.jsonl"
    jsonl.write_text(
        "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles[as_text:]),
        encoding="utf-8",
    )
    paths.append(jsonl)
    return paths
