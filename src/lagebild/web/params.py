"""Query parameters shared by the JSON API and the dashboard pages, with their limits."""

from __future__ import annotations

import datetime as dt
import inspect
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import Depends, Query

MAX_ROWS = 1000  # the largest page a listing returns; page further with offset
MAX_OFFSET = 1_000_000  # deeper paging is a scraping loop, not reading

Modality = Literal["asserted", "negated", "future", "hypothetical", "reported"]
Interval = Literal["day", "week", "month", "year"]

Limit = Annotated[int, Query(ge=1, le=MAX_ROWS, description="rows to return")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip")]
Text = Annotated[str | None, Query(max_length=200)]


@dataclass(slots=True)
class EventFilters:
    """Filters of an event listing; built by FastAPI from the query string."""

    actor: Text = None
    pair: Annotated[str | None, Query(
        max_length=200, pattern=r"^[^,]+,[^,]+$",
        description="two actors separated by a comma, e.g. CHN,USA (either direction)")] = None
    root: Annotated[str | None, Query(pattern=r"^\d{1,2}$", description="CAMEO root code")] = None
    quad_class: Annotated[int | None, Query(ge=1, le=4, description="QuadClass 1-4")] = None
    since: Annotated[dt.date | None, Query(description="first date, YYYY-MM-DD")] = None
    until: Annotated[dt.date | None, Query(description="last date, YYYY-MM-DD")] = None
    outlet: Text = None
    modality: Modality | None = None

    def as_kwargs(self) -> dict[str, Any]:
        pair = tuple(p.strip() for p in self.pair.split(",")) if self.pair else None
        return {
            "actor": self.actor or None, "pair": pair, "root": self.root,
            "quad_class": self.quad_class, "since": self.since, "until": self.until,
            "outlet": self.outlet or None, "modality": self.modality,
        }

    def as_query(self) -> dict[str, Any]:
        """The filters as they appear in a URL, for paging links."""
        return {
            "actor": self.actor, "pair": self.pair, "root": self.root,
            "quad_class": self.quad_class, "since": self.since, "until": self.until,
            "outlet": self.outlet, "modality": self.modality,
        }


async def event_filters(**values: Any) -> EventFilters:
    """``EventFilters`` from the query string, built on the event loop.

    FastAPI runs a class or plain function dependency in its thread pool; this
    coroutine with the dataclass's signature saves that round trip per request.
    """
    return EventFilters(**values)


event_filters.__signature__ = inspect.signature(EventFilters)  # type: ignore[attr-defined]

# An endpoint parameter holding the event filters of the query string.
FiltersDep = Annotated[EventFilters, Depends(event_filters)]
