"""Lagebild: German-first political event data from news text.

The public surface is small: ``analyze`` one text, ``run`` a corpus into a
store, ``open`` a store to read it, ``query`` it with SQL, ``export`` events.
"""

from __future__ import annotations

import logging

from lagebild.api import RunSummary, analyze, export, open, query, run
from lagebild.model import Analysis, Article, Event, Mention, Quote, Sentence

__version__ = "0.1.0"
__all__ = [
    "Analysis",
    "Article",
    "Event",
    "Mention",
    "Quote",
    "RunSummary",
    "Sentence",
    "__version__",
    "analyze",
    "export",
    "open",
    "query",
    "run",
]

# A library stays silent unless the application configures logging.
logging.getLogger(__name__).addHandler(logging.NullHandler())
