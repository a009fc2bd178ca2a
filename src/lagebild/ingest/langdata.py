"""Access to the signature tables of each supported language.

The tables are ``LANGUAGE_DATA.signatures`` of the language registry, looked up
by language code so that this package never names a language module itself.
"""

from __future__ import annotations

from functools import cache
from types import ModuleType

from lagebild.lang import SUPPORTED_LANGUAGES, get_language_data


@cache
def signature_tables(code: str) -> ModuleType:
    """Return the signature tables of language ``code``."""
    return get_language_data(code).signatures


def languages_for(language: str | None) -> tuple[str, ...]:
    """Languages whose tables apply to a text: its own if supported, else all of them."""
    if language in SUPPORTED_LANGUAGES:
        return (language,)
    return SUPPORTED_LANGUAGES


@cache
def month_numbers(code: str) -> dict[str, int]:
    """Lower-cased month names and abbreviations (without dot) of ``code``, mapped to 1–12.

    Names come from CLDR via babel for every locale in the language's
    ``DATE_LOCALES``, in both the format and the stand-alone forms.
    """
    from babel.dates import get_month_names

    names: dict[str, int] = {}
    for locale in signature_tables(code).DATE_LOCALES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale=locale).items():
                    names[name.rstrip(".").lower()] = number
    return names


@cache
def weekday_names(code: str) -> tuple[str, ...]:
    """Weekday names and abbreviations (without dot) of ``code``, from CLDR via babel."""
    from babel.dates import get_day_names

    names: set[str] = set()
    for locale in signature_tables(code).DATE_LOCALES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                names.update(
                    n.rstrip(".") for n in get_day_names(width, context, locale=locale).values()
                )
    return tuple(sorted(names, key=lambda n: (-len(n), n)))
