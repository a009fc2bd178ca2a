"""Errors with codes, in one place.

Input problems (a broken file, an unknown format) are reported per input and
never stop a run; usage problems (a bad option) end the command with status 2.
"""

from __future__ import annotations

import enum


class ErrorCode(enum.Enum):
    """Message templates, filled with keyword arguments when raised."""

    E001 = "Path does not exist: {path}"
    E002 = "Cannot read {path}: {reason}"
    E003 = "Unsupported language '{language}' (supported: {supported})"
    E004 = "Empty input: {path} holds no text"
    E005 = "Binary input: {path} does not look like text ({reason})"
    E006 = "Malformed {kind} in {path}: {reason}"
    E007 = "Input too large: {path} is {size} bytes (limit {limit}; raise --max-bytes)"
    E008 = "Unknown input format for {path} (known: {known})"
    E009 = "Database {path} is not a Lagebild store or is newer than this version ({reason})"
    E010 = "Read-only query refused: {reason}"
    E011 = "No article with id '{id}' in {db}"
    E012 = "Unknown setting '{name}' (known: {known})"
    E013 = "Invalid value for setting '{name}': {reason}"
    E014 = "Gazetteer file {path}: {reason}"
    E015 = "Unknown export format '{format}' (known: {known})"
    E016 = "NER model not found at {path}; rebuild it with scripts/train_ner.py"
    E017 = "The dask engine needs its extra: pip install 'lagebild[dask]' ({reason})"
    E018 = "Dask cluster failed: {reason}"


class LagebildError(Exception):
    """An error whose message comes from ``ErrorCode`` templates."""

    def __init__(self, code: ErrorCode, **fields: object) -> None:
        self.code = code
        self.fields = fields
        super().__init__(f"[{code.name}] {code.value.format(**fields)}")


class InputError(LagebildError):
    """A single input cannot be read or parsed; the run goes on without it."""


class UsageError(LagebildError):
    """The command was called wrongly (exit status 2)."""
