"""The Python API: every interface (CLI, HTTP) calls these functions and nothing else.

>>> import lagebild
>>> doc = lagebild.analyze("Peking kritisierte am Montag die NATO.", published="2023-05-10")
>>> doc.to_dict()["article"]["language"]
'de'
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lagebild.errors import ErrorCode, UsageError
from lagebild.ingest import IngestOptions, InputFailure, iter_documents
from lagebild.ingest.base import RawDocument
from lagebild.model import Analysis, Story
from lagebild.pipeline import Analyzer, Failure, article_id
from lagebild.settings import Settings
from lagebild.store import Store

if TYPE_CHECKING:
    from lagebild.corpus.graph import ActorGraph

logger = logging.getLogger(__name__)

__all__ = [
    "RunSummary", "actor_tone", "analyze", "compare_story", "corpus_events", "dyads", "export",
    "graph", "open", "query", "run", "stories", "story", "timeline", "update_corpus",
]


def analyze(
    text: str,
    *,
    language: str | None = None,
    title: str | None = None,
    published: str | dt.date | None = None,
    outlet: str | None = None,
    url: str | None = None,
    settings: Settings | None = None,
) -> Analysis:
    """Analyse one text without a database; returns an ``Analysis`` with ``.to_dict()``."""
    raw = RawDocument(
        text=text,
        source="<text>",
        title=title,
        url=url,
        published=_as_date(published),
        outlet=outlet,
        language=language,
    )
    return _analyzer(settings).analyze(raw)


@dataclass(slots=True)
class RunSummary:
    """What ``run`` did: counts, and each failed input with its reason."""

    processed: int = 0
    already_present: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    corpus: dict[str, Any] | None = None  # what the corpus update after the run did

    @property
    def ok(self) -> bool:
        return not self.failed

    def to_dict(self) -> dict[str, Any]:
        return {
            "processed": self.processed,
            "already_present": self.already_present,
            "failed": [{"input": s, "reason": r} for s, r in self.failed],
            "warnings": [{"input": s, "warning": w} for s, w in self.warnings],
            "corpus": self.corpus,
        }


def run(
    paths: Iterable[str | Path],
    *,
    db: str | Path | None = None,
    settings: Settings | None = None,
    on_progress: Callable[[str, str], None] | None = None,
) -> RunSummary:
    """Ingest and analyse ``paths`` into the store ``db``; returns a ``RunSummary``.

    Analyses are committed in batches of ``settings.batch_size`` articles, one
    transaction each (a transaction costs about as much as storing 30
    articles), so an interrupted run loses at most the batch in flight and can
    simply be started again: articles already stored are recognised by their
    content hash and skipped. ``on_progress(source, status)`` is called once
    per input with status ``processed`` (once its batch is stored), ``present``
    or ``failed``. With ``settings.engine == "dask"`` the documents are
    analysed on a Dask cluster instead (see ``lagebild.scale``), with the same
    results.
    """
    settings = settings or Settings()
    if settings.engine == "dask":
        from lagebild.scale import run_dask

        db_settings = settings.replace(db=db) if db else settings
        summary = run_dask(paths, settings=db_settings, on_progress=on_progress)
        summary.corpus = update_corpus(db or settings.db)
        return summary
    summary = RunSummary()
    analyzer = _analyzer(settings)
    options = IngestOptions(max_bytes=settings.max_bytes, language=settings.language)

    def report(source: str, status: str) -> None:
        if on_progress:
            on_progress(source, status)

    with Store(db or settings.db) as store:
        seen: set[str] = set()  # ids analysed in this run: the same text twice is analysed once
        documents = iter_documents([str(p) for p in paths], options=options)
        for batch in chunks(documents, settings.batch_size):
            _run_batch(batch, store=store, analyzer=analyzer, seen=seen, summary=summary,
                       report=report)
        # Stories, deduplicated events and dyads follow the new articles at once.
        summary.corpus = _update_corpus_of(store)
    return summary


def _run_batch(
    batch: list[RawDocument | InputFailure],
    *,
    store: Store,
    analyzer: Analyzer,
    seen: set[str],
    summary: RunSummary,
    report: Callable[[str, str], None],
) -> None:
    """Analyse the inputs of ``batch`` not yet stored, then store them in one transaction.

    One query finds which are stored already (a query per document costs
    0.3 ms), and nothing of the batch is stored before all of it is analysed.
    """
    fresh = new_documents(batch, store=store, seen=seen, summary=summary, report=report)
    analysed: list[Analysis] = []
    for result in analyzer.analyze_many(fresh):
        if isinstance(result, Failure):
            summary.failed.append((result.source, result.reason))
            report(result.source, "failed")
            continue
        analysed.append(result)
    store.add_many(analysed)
    summary.processed += len(analysed)
    for analysis in analysed:
        report(analysis.article.source, "processed")


def new_documents(
    batch: list[RawDocument | InputFailure],
    *,
    store: Store,
    seen: set[str],
    summary: RunSummary,
    report: Callable[[str, str], None],
) -> list[RawDocument]:
    """The documents of ``batch`` to analyse; unreadable inputs and articles already stored
    (or seen earlier in this run, the ids in ``seen``) are counted and reported here.

    One query per batch finds the stored ones (a query per document costs 0.3 ms).
    Shared by the single-process run and the Dask engine, so both skip the same inputs.
    """
    ids = [None if isinstance(item, InputFailure) else article_id(item.text) for item in batch]
    stored = store.stored_ids(aid for aid in ids if aid)
    fresh: list[RawDocument] = []
    for item, aid in zip(batch, ids, strict=True):
        if isinstance(item, InputFailure):
            summary.failed.append((item.source, item.reason))
            report(item.source, "failed")
            continue
        summary.warnings += [(item.source, w) for w in item.warnings]
        if aid in seen or aid in stored:
            summary.already_present += 1
            report(item.source, "present")
            continue
        seen.add(aid)
        fresh.append(item)
    return fresh


def chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def open(db: str | Path = "lagebild.duckdb") -> Store:
    """Open a store for reading."""
    return Store(db, read_only=True)


def query(sql: str, *, db: str | Path = "lagebild.duckdb") -> tuple[list[str], list[tuple]]:
    """Run one read-only SQL SELECT against the store; returns column names and rows."""
    with open(db) as store:
        return store.query(sql)


def iter_analyses(
    paths: Iterable[str | Path],
    *,
    settings: Settings | None = None,
    overrides: dict[str, Any] | None = None,
) -> Iterator[Analysis | InputFailure | Failure]:
    """Analyse inputs without a store, yielding results and failures in input order.

    ``overrides`` sets metadata (``title``, ``outlet``, ``published``) on every
    document read, replacing what the input says; ``None`` values are ignored.
    """
    settings = settings or Settings()
    analyzer = _analyzer(settings)
    options = IngestOptions(max_bytes=settings.max_bytes, language=settings.language)
    given = {k: v for k, v in (overrides or {}).items() if v is not None}
    if "published" in given:
        given["published"] = _as_date(given["published"])
    for item in iter_documents([str(p) for p in paths], options=options):
        if isinstance(item, InputFailure):
            yield item
            continue
        for name, value in given.items():
            setattr(item, name, value)
            if name in item.inferred:
                item.inferred.remove(name)
        yield from analyzer.analyze_many([item])


def export(*, db: str | Path, format: str, out: Any) -> int:
    """Write the store's events to ``out`` in ``format``; returns the number of rows."""
    from lagebild.export import EXPORTERS, export_store

    if format not in EXPORTERS:
        raise UsageError(ErrorCode.E015, format=format, known=", ".join(sorted(EXPORTERS)))
    with open(db) as store:
        return export_store(store, format=format, out=out)


def _analyzer(settings: Settings | None) -> Analyzer:
    """One analyzer per distinct settings, so pipelines load once per process."""
    settings = settings or Settings()
    return _cached_analyzer(settings.replace(db=""))  # the store path does not shape it


@functools.lru_cache(maxsize=4)
def _cached_analyzer(settings: Settings) -> Analyzer:
    return Analyzer(settings)


def _as_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError as exc:
        raise UsageError(ErrorCode.E013, name="published", reason=f"not an ISO date: {value!r}") \
            from exc


# -- corpus ------------------------------------------------------------------------


def update_corpus(db: str | Path = "lagebild.duckdb") -> dict[str, Any]:
    """Fold newly stored articles into stories, corpus events, dyads and sentence tone."""
    with Store(db) as store:
        return _update_corpus_of(store)


def _update_corpus_of(store: Store) -> dict[str, Any]:
    """The corpus update, then the stored JSON of every article without it: articles whose
    sentence tone the update just added, and every article of a store written before the
    JSON was kept (once, on the first run after upgrading)."""
    from lagebild.corpus import update_corpus as update

    result = update(store.con).to_dict()
    result["article_json_filled"] = store.fill_analysis_json()
    return result


def stories(
    db: str | Path = "lagebild.duckdb", *, min_articles: int = 1, limit: int = 100,
    offset: int = 0,
) -> list[Story]:
    """Stories (groups of articles reporting the same story), largest first."""
    from lagebild.corpus.stories import stories as listing

    with open(db) as store:
        return listing(store.con, min_articles=min_articles, limit=limit, offset=offset)


def story(story_id: str, *, db: str | Path = "lagebild.duckdb") -> Story | None:
    """One story by its id or the id of one of its articles; None if there is none."""
    from lagebild.corpus.stories import story as find

    with open(db) as store:
        return find(store.con, story_id)


def compare_story(story_id: str, *, db: str | Path = "lagebild.duckdb") -> dict[str, Any]:
    """Each outlet's tone, speakers, event codes and removed boilerplate for one story."""
    from lagebild.corpus.compare import compare_story as compare

    with open(db) as store:
        result = compare(store.con, story_id)
    if result is None:
        raise UsageError(ErrorCode.E013, name="story", reason=f"no story or article {story_id!r}")
    return result


def dyads(
    db: str | Path = "lagebild.duckdb", *, actor: str | None = None,
    since: dt.date | None = None, until: dt.date | None = None, by: str = "country",
    limit: int = 50,
) -> list[dict[str, Any]]:
    """Ordered actor pairs with counts by QuadClass, Goldstein sum/mean and tone."""
    from lagebild.corpus.dyads import dyads as listing

    with open(db) as store:
        return listing(store.con, actor=actor, since=since, until=until, by=by, limit=limit)


def timeline(
    db: str | Path, a: str, b: str, *, by: str = "week", since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[dict[str, Any]]:
    """Events between ``a`` and ``b`` (both directions) per day, week or month."""
    from lagebild.corpus.dyads import timeline as series

    with open(db) as store:
        return series(store.con, a, b, by=by, since=since, until=until)


def graph(
    db: str | Path = "lagebild.duckdb", *, since: dt.date | None = None,
    until: dt.date | None = None, by: str = "country", min_events: int = 1,
) -> ActorGraph:
    """The directed actor graph of a period, edges weighted by cooperation and conflict."""
    from lagebild.corpus.graph import actor_graph

    with open(db) as store:
        return actor_graph(store.con, since=since, until=until, by=by, min_events=min_events)


def corpus_events(
    db: str | Path = "lagebild.duckdb", *, actor: str | None = None, min_articles: int = 1,
    limit: int = 100,
) -> list[dict[str, Any]]:
    """Deduplicated events with NumMentions / NumSources / NumArticles."""
    from lagebild.corpus.dedup import corpus_events as listing

    with open(db) as store:
        return listing(store.con, actor=actor, min_articles=min_articles, limit=limit)


def actor_tone(
    db: str | Path = "lagebild.duckdb", *, actor: str | None = None,
    since: dt.date | None = None, until: dt.date | None = None, top: int = 50,
) -> list[dict[str, Any]]:
    """Tone of the sentences that mention each actor."""
    from lagebild.corpus.tone import actor_tone as tone

    with open(db) as store:
        return tone(store.con, actor=actor, since=since, until=until, top=top)
