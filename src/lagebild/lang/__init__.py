"""Language data registry.

Each supported language is a subpackage ``lagebild.lang.<code>`` exposing a
``LANGUAGE_DATA`` object; the core asks for it by code and never imports a
language module directly.
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import Any

from lagebild.errors import ErrorCode, LagebildError

SUPPORTED_LANGUAGES = ("de", "en")


@cache
def get_language_data(code: str) -> Any:
    """Return the ``LANGUAGE_DATA`` of language ``code`` (loaded once)."""
    if code not in SUPPORTED_LANGUAGES:
        raise LagebildError(ErrorCode.E003, language=code, supported=", ".join(SUPPORTED_LANGUAGES))
    module = importlib.import_module(f"lagebild.lang.{code}")
    return module.LANGUAGE_DATA
