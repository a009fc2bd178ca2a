"""Measure quote and speaker attribution on SpkAtt-2023 (German Wikinews, task 2).

Usage::

    python bench/eval_quotes.py --shared ../shared [--split test|dev|all] [--json OUT]
        [--rules-only] [--show-errors (dev only)]

The split is fixed: documents are sorted by name and a document goes to
``test`` when the first byte of the SHA-1 of its name is below 30 % of 256;
the rules are tuned on ``dev`` only.

Each SpkAtt document is pre-tokenised; its text is rebuilt with German spacing
(no space before closing punctuation, none after opening quotes and brackets)
and every gold token keeps its character offsets. The product pipeline
(``lagebild.pipeline.make_pipeline("de")``; without a built NER model the same
stages minus NER) runs on that text and its ``Quote`` records are mapped back
to gold tokens.

Scoring (top-level annotations only, ``IsNested`` false):

* predicted and gold quotes are paired one-to-one by message-token overlap
  (largest overlap first);
* *token* P/R/F1 per role (cue, speaker, message): overlapping tokens of paired
  quotes over all predicted / all gold tokens of that role;
* *exact* P/R/F1: paired quotes whose role token sets are equal;
* punctuation tokens (quotation marks included) are left out of every set,
  and a predicted message loses the tokens of its own cue and speaker (SpkAtt
  messages never contain their frame);
* *paired token F1*: the token scores over paired quotes only — how well a
  quote that was found is attributed, apart from finding it;
* form accuracy over paired quotes, gold FreeIndirect and IndirectFreeIndirect
  counting as Indirect (the product has Direct / Indirect / Reported);
* a predicted cue is all its words: ``cue_start``/``cue_end`` mark the first,
  the others are read in order from ``Quote.cue`` (see ``cue_tokens``);
* ``spkatt_macro``: the SpkAtt-2023 scorer's method re-implemented (Hungarian
  pairing on message F1, punctuation kept, precision and recall averaged over
  pairs; see ``score_official``), for comparison with the shared task.

docs/quotes.md describes both scorings.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import importlib.util
import json
import sys
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

TEST_SHARE = 0.30  # held-out share of documents (by name hash), never used for tuning
ROLES = ("cue", "speaker", "message")
CUE_REACH = 40  # tokens after a cue's first word its other words may stand ("teilte … mit")
FORM_MAP = {"IndirectFreeIndirect": "Indirect", "FreeIndirect": "Indirect"}
_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "“", "”", "«", "‘", "…", "%"}
_NO_SPACE_AFTER = {"„", "(", "[", "»", "‚"}


@dataclass
class GoldDoc:
    name: str
    text: str
    offsets: list[tuple[int, int]]  # char span of each gold token, flat
    punct: set[int]
    quotes: list[dict[str, set[int] | str]]


@dataclass
class Tally:
    tp: dict[str, float] = field(default_factory=lambda: dict.fromkeys(ROLES, 0.0))
    pred: dict[str, float] = field(default_factory=lambda: dict.fromkeys(ROLES, 0.0))
    gold: dict[str, float] = field(default_factory=lambda: dict.fromkeys(ROLES, 0.0))
    exact: dict[str, float] = field(default_factory=lambda: dict.fromkeys(ROLES, 0.0))
    pred_n: dict[str, float] = field(default_factory=lambda: dict.fromkeys(ROLES, 0.0))
    gold_n: dict[str, float] = field(default_factory=lambda: dict.fromkeys(ROLES, 0.0))
    paired_pred: dict[str, float] = field(default_factory=lambda: dict.fromkeys(ROLES, 0.0))
    paired_gold: dict[str, float] = field(default_factory=lambda: dict.fromkeys(ROLES, 0.0))
    pairs: int = 0
    form_ok: int = 0
    n_pred: int = 0
    n_gold: int = 0


def in_test(name: str) -> bool:
    return hashlib.sha1(name.encode("utf-8")).digest()[0] < TEST_SHARE * 256


def load_doc(path: Path) -> GoldDoc:
    data = json.loads(path.read_text(encoding="utf-8"))
    text_parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    index: dict[tuple[int, int], int] = {}
    punct: set[int] = set()
    pos = 0
    straight_open = False
    glue_next = False
    for sentence in data["Sentences"]:
        for t, token in enumerate(sentence["Tokens"]):
            if token == '"':
                space = not straight_open
                straight_open = not straight_open
            else:
                space = token not in _NO_SPACE_BEFORE and not glue_next
            glue_next = token in _NO_SPACE_AFTER or (token == '"' and straight_open)
            if space and text_parts:
                text_parts.append(" ")
                pos += 1
            index[(sentence["SentenceId"], t)] = len(offsets)
            offsets.append((pos, pos + len(token)))
            if all(unicodedata.category(c).startswith("P") or c in "„“”«»‚‘" for c in token):
                punct.add(len(offsets) - 1)
            text_parts.append(token)
            pos += len(token)

    def toks(refs: Iterable[str], *, keep_punct: bool = False) -> set[int]:
        out = set()
        for ref in refs:
            s, t = ref.split(":")
            out.add(index[(int(s), int(t))])
        return out if keep_punct else out - punct

    quotes = [
        {
            "cue": toks(a["Cue"]),
            "speaker": toks(a["Source"]),
            "message": toks(a["Message"]),
            "form": FORM_MAP.get(a["Form"], a["Form"]),
            "official": {
                "cue": toks(a["Cue"], keep_punct=True),
                "speaker": toks(a["Source"], keep_punct=True),
                "message": toks(a["Message"], keep_punct=True),
            },
        }
        for a in data["Annotations"]
        if not a.get("IsNested")
    ]
    return GoldDoc(data["DocumentName"], "".join(text_parts), offsets, punct, quotes)


def chars_to_tokens(
    doc: GoldDoc, start: int | None, end: int | None, *, keep_punct: bool = False
) -> set[int]:
    if start is None or end is None or end <= start:
        return set()
    out = {i for i, (s, e) in enumerate(doc.offsets) if s < end and e > start}
    return out if keep_punct else out - doc.punct


def cue_tokens(doc: GoldDoc, quote) -> set[int]:
    """All words of a predicted cue: the record's span holds the first, ``cue`` lists all.

    A cue may be split ("teilte … mit", "wie X mitteilte"); ``Quote.cue_start``/
    ``cue_end`` mark its first word and ``Quote.cue`` joins every word in text
    order. The later words are the next tokens with those texts after the
    first (within ``CUE_REACH`` tokens), so no gold token is read to place them.
    """
    first = chars_to_tokens(doc, quote.cue_start, quote.cue_end)
    if not first or not quote.cue:
        return first
    words = quote.cue.split()[1:]
    out, pos = set(first), max(first) + 1
    for word in words:
        for i in range(pos, min(len(doc.offsets), pos + CUE_REACH)):
            s, e = doc.offsets[i]
            if doc.text[s:e] == word:
                out.add(i)
                pos = i + 1
                break
    return out - doc.punct


def predicted(doc: GoldDoc, quotes: list) -> list[dict[str, set[int] | str]]:
    out = []
    for q in quotes:
        cue = cue_tokens(doc, q)
        speaker = chars_to_tokens(doc, q.speaker_start, q.speaker_end)
        message = chars_to_tokens(doc, q.start, q.end)
        official = {
            "cue": cue | (chars_to_tokens(doc, q.cue_start, q.cue_end, keep_punct=True)),
            "speaker": chars_to_tokens(doc, q.speaker_start, q.speaker_end, keep_punct=True),
            "message": chars_to_tokens(doc, q.start, q.end, keep_punct=True),
        }
        if q.form != "Reported":
            message -= cue | speaker
        out.append(
            {"cue": cue, "speaker": speaker, "message": message, "form": q.form,
             "official": official}
        )  # fmt: skip
    return out


def score(doc: GoldDoc, preds: list[dict], tally: Tally) -> None:
    gold = doc.quotes
    tally.n_pred += len(preds)
    tally.n_gold += len(gold)
    for role in ROLES:
        tally.pred[role] += sum(len(p[role]) for p in preds)
        tally.gold[role] += sum(len(g[role]) for g in gold)
        tally.pred_n[role] += sum(1 for p in preds if p[role])
        tally.gold_n[role] += sum(1 for g in gold if g[role])
    candidates = sorted(
        (
            (len(p["message"] & g["message"]), i, j)
            for i, p in enumerate(preds)
            for j, g in enumerate(gold)
        ),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    for overlap, i, j in candidates:
        if overlap == 0:
            break
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        p, g = preds[i], gold[j]
        tally.pairs += 1
        tally.form_ok += p["form"] == g["form"]
        for role in ROLES:
            tally.paired_pred[role] += len(p[role])
            tally.paired_gold[role] += len(g[role])
            tally.tp[role] += len(p[role] & g[role])
            tally.exact[role] += bool(p[role]) and p[role] == g[role]


@dataclass
class OfficialTally:
    """Per-pair precision and recall lists, as the SpkAtt-2023 scorer averages them."""

    p: dict[str, list[float]] = field(default_factory=lambda: {r: [] for r in ROLES})
    r: dict[str, list[float]] = field(default_factory=lambda: {r: [] for r in ROLES})


def _span_f1(gold: set[int], pred: set[int]) -> float:
    both = len(gold & pred)
    return 2 * both / (len(gold) + len(pred)) if both else 0.0


def score_official(doc: GoldDoc, preds: list[dict], tally: OfficialTally) -> None:
    """The SpkAtt-2023 task 2 scorer's method, re-implemented (not its code).

    Predicted and gold quotes are assigned one-to-one by the Hungarian method,
    maximising message token F1 (same form: +0.01); like the shared task's
    scorer, every assignment counts, even one without overlap. Tokens include
    punctuation, and a predicted message is taken as the record's span.
    Unassigned quotes are scored against an empty one. Each pair gives a
    precision and a recall per role (none when the denominator is 0); the
    averages over all pairs are the macro P and R.
    """
    gold = [g["official"] for g in doc.quotes]
    pred = [p["official"] for p in preds]
    pairs: list[tuple[int | None, int | None]] = []
    if gold and pred:
        from scipy.optimize import linear_sum_assignment

        scores = [
            [
                _span_f1(g["message"], p["message"])
                + (0.01 if _span_f1(g["message"], p["message"]) and gq["form"] == pq["form"] else 0)
                for p, pq in zip(pred, preds, strict=True)
            ]
            for g, gq in zip(gold, doc.quotes, strict=True)
        ]
        rows, cols = linear_sum_assignment(scores, maximize=True)
        pairs = [(int(i), int(j)) for i, j in zip(rows, cols, strict=True)]
    paired_g = {i for i, _ in pairs}
    paired_p = {j for _, j in pairs}
    pairs += [(i, None) for i in range(len(gold)) if i not in paired_g]
    pairs += [(None, j) for j in range(len(pred)) if j not in paired_p]
    for i, j in pairs:
        for role in ROLES:
            g = gold[i][role] if i is not None else set()
            p = pred[j][role] if j is not None else set()
            tp = len(g & p)
            if p:
                tally.p[role].append(tp / len(p))
            if g:
                tally.r[role].append(tp / len(g))


def summary_official(tally: OfficialTally) -> dict[str, dict[str, float]]:
    out = {}
    for role in ROLES:
        p = sum(tally.p[role]) / len(tally.p[role]) if tally.p[role] else 0.0
        r = sum(tally.r[role]) / len(tally.r[role]) if tally.r[role] else 0.0
        out[role] = {"macro_p": round(p, 4), "macro_r": round(r, 4), "macro_f1": round(_f(p, r), 4)}
    return out


def _f(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def summary(tally: Tally) -> dict[str, dict[str, float] | float | int]:
    out: dict[str, dict[str, float] | float | int] = {}
    for role in ROLES:
        p = tally.tp[role] / tally.pred[role] if tally.pred[role] else 0.0
        r = tally.tp[role] / tally.gold[role] if tally.gold[role] else 0.0
        ep = tally.exact[role] / tally.pred_n[role] if tally.pred_n[role] else 0.0
        er = tally.exact[role] / tally.gold_n[role] if tally.gold_n[role] else 0.0
        out[role] = {
            "token_p": round(p, 4), "token_r": round(r, 4), "token_f1": round(_f(p, r), 4),
            "exact_p": round(ep, 4), "exact_r": round(er, 4), "exact_f1": round(_f(ep, er), 4),
        }  # fmt: skip
        pp = tally.tp[role] / tally.paired_pred[role] if tally.paired_pred[role] else 0.0
        pr = tally.tp[role] / tally.paired_gold[role] if tally.paired_gold[role] else 0.0
        out[role]["paired_token_f1"] = round(_f(pp, pr), 4)  # attribution quality on found quotes
    out["form_accuracy"] = round(tally.form_ok / tally.pairs, 4) if tally.pairs else 0.0
    out["quotes_gold"] = tally.n_gold
    out["quotes_predicted"] = tally.n_pred
    out["quotes_paired"] = tally.pairs
    return out


def show_misses(doc: GoldDoc, preds: list[dict]) -> None:
    """Print each gold quote no prediction overlaps, roles marked: [C]ue, [S]peaker, _message."""
    for g in doc.quotes:
        if any(p["message"] & g["message"] for p in preds):
            continue
        tokens = g["message"] | g["speaker"] | g["cue"]
        if not tokens:
            continue
        lo, hi = max(0, min(tokens) - 3), min(len(doc.offsets), max(tokens) + 4)
        words = []
        for i in range(lo, hi):
            word = doc.text[doc.offsets[i][0] : doc.offsets[i][1]]
            mark = "[C]" if i in g["cue"] else "[S]" if i in g["speaker"] else ""
            words.append(mark + ("_" if i in g["message"] else "") + word)
        print(f"MISS {g['form']:<9} {doc.name[:40]}: {' '.join(words)[:400]}")


def build_pipeline():
    """The product pipeline; without a trained NER model, the same stages minus NER."""
    from lagebild.pipeline import make_pipeline

    try:
        return make_pipeline("de"), "make_pipeline('de')"
    except Exception as exc:
        stages = ("segment", "actors", "quotes")
        return make_pipeline("de", stages=stages), f"make_pipeline('de', stages={stages}) ({exc})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--split", choices=("test", "dev", "all"), default="test")
    parser.add_argument("--json", type=Path, default=None, help="write the scores here")
    parser.add_argument("--limit", type=int, default=0, help="first N documents only (0: all)")
    parser.add_argument(
        "--rules-only", action="store_true", help="switch the quote tagger off (a baseline)"
    )
    parser.add_argument(
        "--show-errors",
        action="store_true",
        help="print gold quotes no prediction overlaps (use on dev only, never on test)",
    )
    args = parser.parse_args(argv)
    folder = args.shared / "data" / "spkatt2023_news" / "train" / "task2"
    if not folder.is_dir():
        print(f"SpkAtt data not found at {folder}", file=sys.stderr)
        return 2
    paths = sorted(folder.glob("*.json"))
    if args.split != "all":
        paths = [p for p in paths if in_test(p.stem) == (args.split == "test")]
    if args.limit:
        paths = paths[: args.limit]
    nlp, how = build_pipeline()
    if args.rules_only:
        quotes = nlp.get_pipe("quotes")
        quotes.settings = dataclasses.replace(quotes.settings, model=False)
        how += ", rules only"
    tally = Tally()
    # the shared task's pairing needs scipy (a dev dependency); without it, token F1 only
    official = OfficialTally() if importlib.util.find_spec("scipy") else None
    started = time.perf_counter()
    docs = [load_doc(p) for p in paths]
    for gold, doc in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        preds = predicted(gold, doc._.quotes or [])
        score(gold, preds, tally)
        if official is not None:
            score_official(gold, preds, official)
        if args.show_errors:
            show_misses(gold, preds)
    elapsed = time.perf_counter() - started
    result = summary(tally)
    result["spkatt_macro"] = summary_official(official) if official is not None else None
    result.update(
        {"split": args.split, "documents": len(docs), "pipeline": how, "seconds": round(elapsed, 2)}
    )
    print(f"SpkAtt-2023 task 2, split={args.split}, {len(docs)} documents, pipeline: {how}")
    print(
        f"{'role':<9}{'tok P':>7}{'tok R':>7}{'tok F1':>8}{'ex P':>7}{'ex R':>7}{'ex F1':>7}"
        f"{'paired tok F1':>15}"
    )
    for role in ROLES:
        r = result[role]
        print(
            f"{role:<9}{r['token_p']:>7.3f}{r['token_r']:>7.3f}{r['token_f1']:>8.3f}"
            f"{r['exact_p']:>7.3f}{r['exact_r']:>7.3f}{r['exact_f1']:>7.3f}"
            f"{r['paired_token_f1']:>15.3f}"
        )
    macro = result["spkatt_macro"]
    if macro is not None:
        print(
            "SpkAtt scorer method (Hungarian pairing, punctuation kept, macro over pairs): "
            + ", ".join(f"{role} F1 {macro[role]['macro_f1']:.3f}" for role in ROLES)
        )
    print(
        f"form accuracy {result['form_accuracy']:.3f} over {tally.pairs} paired quotes "
        f"(gold {tally.n_gold}, predicted {tally.n_pred}); {elapsed:.1f} s"
    )
    if args.json:
        args.json.write_text(
            json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
