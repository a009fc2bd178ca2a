"""The ``lagebild`` command: thin shells over ``lagebild.api``.

Exit status: 0 when everything succeeded, 1 when some inputs failed, 2 for
usage errors (bad options, a missing database, a refused query).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from lagebild import __version__, api
from lagebild.errors import ErrorCode, LagebildError, UsageError
from lagebild.ingest import InputFailure
from lagebild.pipeline import Failure
from lagebild.render import render_analysis, render_table
from lagebild.settings import SETTINGS, Settings

EXIT_OK, EXIT_INPUT_ERRORS, EXIT_USAGE = 0, 1, 2
_SETTING_HELP = {s.name: s.help for s in SETTINGS}
_SETTING_CHOICES = {s.name: s.choices for s in SETTINGS}
_DEFAULTS = Settings()


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.handler(args)
    except UsageError as exc:
        print(f"lagebild: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except LagebildError as exc:
        print(f"lagebild: error: {exc}", file=sys.stderr)
        return EXIT_INPUT_ERRORS
    except BrokenPipeError:  # e.g. `lagebild events | head`
        return EXIT_OK
    except KeyboardInterrupt:
        print("lagebild: interrupted; stored articles are kept, re-run to finish", file=sys.stderr)
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lagebild",
        description="German-first political event data from news text.",
    )
    parser.add_argument("--version", action="version", version=f"lagebild {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    p = _command(
        sub, "run", cmd_run, "ingest and analyse files, folders, zips or stdin into the store"
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, .zip, or - for stdin")
    _db(p)
    _setting(p, "language")
    _setting(p, "stages")
    _setting(p, "batch_size", type=int)
    _setting(p, "max_bytes", type=int)
    _setting(p, "gazetteer", action="append", metavar="FILE")
    _setting(p, "engine", choices=_SETTING_CHOICES["engine"])
    _setting(p, "scheduler", metavar="ADDRESS")
    _setting(p, "workers", type=int, metavar="N")
    _setting(p, "parquet", metavar="DIR")
    p.add_argument(
        "--no-progress", dest="progress", action="store_false", help="do not show a progress bar"
    )
    p.add_argument("--json", action="store_true", help="print the closing summary as JSON")

    p = _command(sub, "analyze", cmd_analyze, "analyse one document without a database")
    p.add_argument("path", metavar="FILE", help="a file, or - for stdin")
    p.add_argument("--format", choices=("json", "text"), default="json")
    _setting(p, "language")
    _setting(p, "stages")
    _setting(p, "gazetteer", action="append", metavar="FILE")
    p.add_argument("--published", help="publication date (YYYY-MM-DD), anchors relative dates")
    p.add_argument("--outlet", help="outlet name")
    p.add_argument("--title", help="headline")

    p = _command(sub, "articles", cmd_articles, "list stored articles")
    _db(p)
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--outlet")
    p.add_argument("--search", help="substring of title or text")
    _format(p)

    p = _command(sub, "show", cmd_show, "one stored article with its annotations")
    p.add_argument("id", help="article id (see `lagebild articles`)")
    _db(p)
    p.add_argument("--format", choices=("text", "json"), default="text")

    p = _command(sub, "query", cmd_query, "run a read-only SQL SELECT on the store")
    p.add_argument("sql")
    _db(p)
    _format(p, extra=("csv",))

    p = _command(sub, "actors", cmd_actors, "actors with mention counts")
    _db(p)
    p.add_argument("--top", type=int, default=20)
    _format(p)

    p = _command(sub, "events", cmd_events, "coded events with their evidence sentence")
    _db(p)
    p.add_argument("--actor", help="actor code, country code or actor id (e.g. CHN, USAGOV)")
    p.add_argument("--pair", nargs=2, metavar=("A", "B"), help="events between A and B")
    p.add_argument("--root", help="CAMEO root code, e.g. 11")
    p.add_argument("--since", type=dt.date.fromisoformat, help="YYYY-MM-DD")
    p.add_argument("--limit", type=int, default=100)
    _format(p)

    p = _command(sub, "quotes", cmd_quotes, "quotations with their speakers")
    _db(p)
    p.add_argument("--speaker", help="substring of the speaker's name")
    p.add_argument("--actor", help="speaker actor code or id")
    p.add_argument("--limit", type=int, default=100)
    _format(p)

    p = _command(
        sub, "serve", cmd_serve, "serve the HTTP API and dashboard over a store (read-only)"
    )
    _db(p)
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="interface to listen on (default: 127.0.0.1, this machine only)",
    )
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.add_argument(
        "--workers",
        dest="server_workers",  # not the Dask setting of the same name
        type=int,
        metavar="N",
        default=None,
        help="server processes, each with the store open read-only and its own response "
        "cache (default: one per two cores, at least 1, at most 4)",
    )
    p.add_argument(
        "--cache-entries",
        type=int,
        metavar="N",
        default=None,
        help="GET responses each process keeps in memory (0: no cache; default: 4096)",
    )
    p.add_argument(
        "--log-level",
        default="info",
        choices=("critical", "error", "warning", "info", "debug"),
        help="server log level; info logs every request (default: info)",
    )
    _setting(p, "language")
    _setting(p, "stages")
    _setting(p, "gazetteer", action="append", metavar="FILE")

    p = _command(sub, "export", cmd_export, "export events as GDELT TSV, PLOVER JSON, CSV, Parquet")
    _db(p)
    p.add_argument("--format", required=True, choices=("gdelt", "plover", "csv", "parquet"))
    p.add_argument("--out", help="output file (default: standard output; required for parquet)")

    from lagebild.cli_corpus import add_corpus_commands  # stories, dyads, timeline, graph, tone

    add_corpus_commands(sub)
    return parser


# -- commands ---------------------------------------------------------------------


def cmd_run(args: argparse.Namespace) -> int:
    settings = _settings(args)
    bar = _progress_bar(enabled=settings.progress)

    def on_progress(source: str, status: str) -> None:
        if bar is not None:
            bar.update(1)
            bar.set_postfix_str(status, refresh=False)

    try:
        summary = api.run(args.paths, settings=settings, on_progress=on_progress)
    finally:
        if bar is not None:
            bar.close()
    for source, reason in summary.failed:
        print(f"lagebild: failed: {source}: {reason}", file=sys.stderr)
    for source, warning in summary.warnings:
        print(f"lagebild: warning: {source}: {warning}", file=sys.stderr)
    if args.json:
        print(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(
            f"{summary.processed} processed, {summary.already_present} already present, "
            f"{len(summary.failed)} failed  → {settings.db}"
        )
    return EXIT_OK if summary.ok else EXIT_INPUT_ERRORS


def cmd_analyze(args: argparse.Namespace) -> int:
    settings = _settings(args)
    overrides = {"published": args.published, "outlet": args.outlet, "title": args.title}
    status = EXIT_OK
    for result in api.iter_analyses([args.path], settings=settings, overrides=overrides):
        if isinstance(result, InputFailure | Failure):
            print(f"lagebild: failed: {result.source}: {result.reason}", file=sys.stderr)
            status = EXIT_INPUT_ERRORS
        elif args.format == "json":
            print(json.dumps(result.to_dict(), ensure_ascii=False))
        else:
            print(render_analysis(result))
    return status


def cmd_articles(args: argparse.Namespace) -> int:
    with api.open(args.db) as store:
        rows = store.articles(limit=args.limit, outlet=args.outlet, search=args.search)
    return _emit(rows, args.format)


def cmd_show(args: argparse.Namespace) -> int:
    with api.open(args.db) as store:
        analysis = store.analysis(args.id)
    if args.format == "json":
        print(json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_analysis(analysis))
    return EXIT_OK


def cmd_query(args: argparse.Namespace) -> int:
    columns, rows = api.query(args.sql, db=args.db)
    return _emit([dict(zip(columns, r, strict=True)) for r in rows], args.format, columns)


def cmd_actors(args: argparse.Namespace) -> int:
    with api.open(args.db) as store:
        return _emit(store.actors(top=args.top), args.format)


def cmd_events(args: argparse.Namespace) -> int:
    with api.open(args.db) as store:
        rows = store.events(
            actor=args.actor,
            pair=tuple(args.pair) if args.pair else None,
            root=args.root,
            since=args.since,
            limit=args.limit,
        )
    return _emit(rows, args.format)


def cmd_quotes(args: argparse.Namespace) -> int:
    with api.open(args.db) as store:
        return _emit(
            store.quotes(speaker=args.speaker, actor=args.actor, limit=args.limit), args.format
        )


def cmd_export(args: argparse.Namespace) -> int:
    if args.format == "parquet" and not args.out:
        raise UsageError(ErrorCode.E013, name="out", reason="parquet needs --out PATH")
    if args.out:
        if args.format == "parquet":
            with open(args.out, "wb") as out:
                count = api.export(db=args.db, format=args.format, out=out)
        else:
            with open(args.out, "w", encoding="utf-8", newline="") as out:
                count = api.export(db=args.db, format=args.format, out=out)
        print(f"{count} events → {args.out}", file=sys.stderr)
    else:
        api.export(db=args.db, format=args.format, out=sys.stdout)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from lagebild.web import WebLimits, make_app
    except ImportError as exc:
        print(
            f"lagebild: error: serve needs the web extra: pip install 'lagebild[web]' ({exc})",
            file=sys.stderr,
        )
        return EXIT_USAGE
    from lagebild.web.app import default_workers, serve_in_workers

    changes = {} if args.cache_entries is None else {"cache_entries": args.cache_entries}
    limits = WebLimits.for_host(args.host, **changes)
    workers = args.server_workers if args.server_workers is not None else default_workers()
    if workers < 1 or limits.cache_entries < 0:
        print("lagebild: error: --workers must be at least 1, --cache-entries at least 0",
              file=sys.stderr)
        return EXIT_USAGE
    # The store is opened here first, so a missing or foreign file fails before any
    # worker starts; with several workers each process opens its own read-only copy.
    settings = _settings(args)
    app = make_app(db=args.db, settings=settings, limits=limits)
    if workers == 1:
        uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level)
    else:
        app.state.lagebild.close()
        serve_in_workers(db=args.db, settings=settings, limits=limits, host=args.host,
                         port=args.port, workers=workers, log_level=args.log_level)
    return EXIT_OK


# -- helpers ----------------------------------------------------------------------


def _command(
    sub: Any, name: str, handler: Callable[[argparse.Namespace], int], help_text: str
) -> argparse.ArgumentParser:
    p = sub.add_parser(name, help=help_text, description=help_text)
    p.set_defaults(handler=handler)
    return p


def _setting(p: argparse.ArgumentParser, name: str, **kwargs: Any) -> None:
    """Add ``--name`` for a setting, with the help text from the settings table."""
    p.add_argument(
        f"--{name.replace('_', '-')}", dest=name, default=None, help=_SETTING_HELP[name], **kwargs
    )


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db", default=_DEFAULTS.db, help=f"{_SETTING_HELP['db']} (default: {_DEFAULTS.db})"
    )


def _format(p: argparse.ArgumentParser, extra: tuple[str, ...] = ()) -> None:
    p.add_argument("--format", choices=("table", "json", *extra), default="table")


def _settings(args: argparse.Namespace) -> Settings:
    names = {s.name for s in SETTINGS}
    values = {k: v for k, v in vars(args).items() if k in names}
    if values.get("gazetteer"):
        values["gazetteer"] = tuple(values["gazetteer"])
    return Settings.from_mapping(values)


def _emit(rows: list[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None) -> int:
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows([[r[c] for c in columns] for r in rows])
    else:
        print(render_table(columns, [[r[c] for c in columns] for r in rows]))
    return EXIT_OK


def _progress_bar(*, enabled: bool) -> Any:
    if not enabled or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(unit=" docs", file=sys.stderr, desc="lagebild run")
