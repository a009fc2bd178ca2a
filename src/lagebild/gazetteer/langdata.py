"""Access to the actor language data of a language (``lagebild.lang.<code>.actors``)."""

from __future__ import annotations

from functools import cache
from typing import Any

from lagebild.lang import get_language_data


@cache
def actor_language_data(code: str) -> Any:
    """The actor tables of language ``code``: ``LANGUAGE_DATA.actors`` from the registry."""
    return get_language_data(code).actors
