"""The HTTP API and dashboard: ``make_app(db=...)`` builds the FastAPI app.

This package is the only one importing FastAPI; it reads the store through
``lagebild.api`` and nothing else. Install it with ``pip install "lagebild[web]"``.
"""

from __future__ import annotations

from lagebild.web.app import WebLimits, make_app

__all__ = ["WebLimits", "make_app"]
