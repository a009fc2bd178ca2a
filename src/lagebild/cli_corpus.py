"""Corpus commands of the ``lagebild`` CLI: thin shells over the corpus functions of the API."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from lagebild import api
from lagebild.cli import EXIT_OK, _command, _db, _emit, _format
from lagebild.errors import ErrorCode, UsageError


def add_corpus_commands(sub: Any) -> None:
    """Register the corpus commands on the CLI's subparsers."""
    p = _command(sub, "corpus", cmd_corpus,
                 "fold new articles into stories, corpus events, dyads and sentence tone")
    _db(p)
    p.add_argument("--json", action="store_true", help="print what was done as JSON")

    p = _command(sub, "stories", cmd_stories, "stories: articles that report the same story")
    _db(p)
    p.add_argument("--min-articles", type=int, default=1)
    p.add_argument("--limit", type=int, default=50)
    _format(p)

    p = _command(sub, "story", cmd_story,
                 "one story, outlet by outlet: tone, speakers, event codes, removed boilerplate")
    p.add_argument("id", help="story id or the id of one of its articles")
    _db(p)
    p.add_argument("--format", choices=("text", "json"), default="text")

    p = _command(sub, "dyads", cmd_dyads, "ordered actor pairs with event counts by QuadClass")
    _db(p)
    p.add_argument("--actor", help="actor code, country code (e.g. CHN, USAGOV)")
    p.add_argument("--by", choices=("country", "code"), default="country",
                   help="group actors by country or keep full codes")
    _period(p)
    p.add_argument("--limit", type=int, default=50)
    _format(p)

    p = _command(sub, "timeline", cmd_timeline, "events between two actors per day, week or month")
    p.add_argument("a", metavar="A", help="actor code or country code")
    p.add_argument("b", metavar="B", help="actor code or country code")
    _db(p)
    p.add_argument("--by", choices=("day", "week", "month"), default="week")
    _period(p)
    p.add_argument("--plot", metavar="PATH",
                   help="also draw the series to PATH (.svg or .html; .png needs matplotlib)")
    _format(p)

    p = _command(sub, "graph", cmd_graph, "actor graph weighted by cooperation and conflict")
    _db(p)
    _period(p)
    p.add_argument("--by", choices=("country", "code"), default="country")
    p.add_argument("--min-events", type=int, default=1)
    p.add_argument("--format", choices=("graphml", "json"), default="graphml")
    p.add_argument("--out", help="output file (default: standard output)")

    p = _command(sub, "corpus-events", cmd_corpus_events,
                 "deduplicated events with NumMentions, NumSources, NumArticles")
    _db(p)
    p.add_argument("--actor", help="country or actor code on either side")
    p.add_argument("--min-articles", type=int, default=1)
    p.add_argument("--limit", type=int, default=100)
    _format(p)

    p = _command(sub, "tone", cmd_tone, "tone of the sentences mentioning each actor")
    _db(p)
    p.add_argument("--actor", help="actor code, country code or actor id")
    _period(p)
    p.add_argument("--top", type=int, default=30)
    _format(p)


def _period(p: argparse.ArgumentParser) -> None:
    p.add_argument("--since", type=dt.date.fromisoformat, help="first day, YYYY-MM-DD")
    p.add_argument("--until", type=dt.date.fromisoformat, help="last day, YYYY-MM-DD")


def cmd_corpus(args: argparse.Namespace) -> int:
    done = api.update_corpus(args.db)
    if args.json:
        print(json.dumps(done, indent=2))
    else:
        print(f"{done['articles']} new articles: {done['stories_placed']} placed in stories, "
              f"{done['corpus_events']} corpus events rebuilt, {done['dyad_rows']} dyad rows")
    return EXIT_OK


def cmd_stories(args: argparse.Namespace) -> int:
    rows = []
    for s in api.stories(args.db, min_articles=args.min_articles, limit=args.limit):
        rows.append({"id": s.id, "articles": len(s.article_ids), "first_seen": s.first_seen,
                     "outlets": ", ".join(s.outlets), "article_ids": " ".join(s.article_ids)})
    return _emit(rows, args.format)


def cmd_story(args: argparse.Namespace) -> int:
    from lagebild.corpus.compare import render_comparison

    comparison = api.compare_story(args.id, db=args.db)
    if args.format == "json":
        print(json.dumps(comparison, ensure_ascii=False, indent=2, default=str))
    else:
        print(render_comparison(comparison))
    return EXIT_OK


def cmd_dyads(args: argparse.Namespace) -> int:
    return _emit(api.dyads(args.db, actor=args.actor, since=args.since, until=args.until,
                           by=args.by, limit=args.limit), args.format)


def cmd_timeline(args: argparse.Namespace) -> int:
    rows = api.timeline(args.db, args.a, args.b, by=args.by, since=args.since, until=args.until)
    if args.plot:
        from lagebild.corpus.plot import write_timeline

        path = write_timeline(rows, args.plot, title=f"{args.a} ↔ {args.b} by {args.by}")
        print(f"{len(rows)} periods → {path}", file=sys.stderr)
    return _emit(rows, args.format)


def cmd_graph(args: argparse.Namespace) -> int:
    from lagebild.corpus.graph import write_graphml, write_json

    graph = api.graph(args.db, since=args.since, until=args.until, by=args.by,
                      min_events=args.min_events)
    if args.format == "graphml":
        if args.out:
            with open(args.out, "wb") as out:
                write_graphml(graph, out)
        else:
            write_graphml(graph, sys.stdout.buffer)
            sys.stdout.buffer.write(b"\n")
    elif args.out:
        with open(args.out, "w", encoding="utf-8") as out:
            write_json(graph, out)
    else:
        write_json(graph, sys.stdout)
        print()
    if args.out:
        print(f"{len(graph.nodes)} actors, {len(graph.edges)} edges → {args.out}", file=sys.stderr)
    return EXIT_OK


def cmd_corpus_events(args: argparse.Namespace) -> int:
    return _emit(api.corpus_events(args.db, actor=args.actor, min_articles=args.min_articles,
                                   limit=args.limit), args.format)


def cmd_tone(args: argparse.Namespace) -> int:
    if args.top < 1:
        raise UsageError(ErrorCode.E013, name="top", reason="must be at least 1")
    return _emit(api.actor_tone(args.db, actor=args.actor, since=args.since, until=args.until,
                                top=args.top), args.format)
