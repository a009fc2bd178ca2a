"""Access to the actor language data of a language (``lagebild.lang.<code>.actors``)."""

from __future__ import annotations

import importlib
from functools import cache
from typing import Any

from lagebild.lang import get_language_data


@cache
def actor_language_data(code: str) -> Any:
    """The actor tables of language ``code``: ``LANGUAGE_DATA.actors`` from the language registry.

    Until a language's registry entry exposes ``actors``, its ``actors`` data
    module is loaded by name, so the core still never names a language.
    """
    try:
        data = getattr(get_language_data(code), "actors", None)
    except (ImportError, AttributeError):
        data = None
    return data if data is not None else importlib.import_module(f"lagebild.lang.{code}.actors")
