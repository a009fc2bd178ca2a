"""The office vocabulary: which CAMEO sector codes an office carries, and how offices relate.

Offices are language-independent names (``foreign_minister``); the nouns that
express them live in ``lagebild.lang.<code>.actors``. A person's actor code is
the country code plus the sector codes of the office held on the article's
date, as in the Phoenix dictionaries and ``officeholders.tsv``: ``USAGOV`` for a
foreign minister, ``USAGOVMIL`` for a defence minister, ``CHNMIL`` for a
military commander. ``Mention.sector`` is the first (primary) sector code.
"""

from __future__ import annotations

#: Office -> CAMEO sector codes of its holder (primary first).
OFFICE_SECTORS: dict[str, str] = {
    "head_of_state": "GOV",
    "head_of_government": "GOV",
    "vice_head_of_state": "GOV",
    "foreign_minister": "GOV",
    "defence_minister": "GOVMIL",
    "interior_minister": "GOV",
    "finance_minister": "GOV",
    "minister": "GOV",
    "spokesperson": "GOV",
    "spokesperson_foreign_ministry": "GOV",
    "government_spokesperson": "GOV",
    "secretary_general": "GOV",
    "commission_president": "GOV",
    "council_president": "GOV",
    "high_representative": "GOV",
    "official": "GOV",
    "diplomat": "GOV",
    "military_commander": "MIL",
    "vice_chair_cmc": "MIL",
    "legislator": "LEG",
    "party_leader": "PTY",
    "opposition_leader": "OPP",
    "religious_leader": "REL",
    "judge": "JUD",
}

#: Offices a bare role noun may refer back to ("der Minister" → the last minister of any portfolio).
OFFICE_FAMILIES: dict[str, frozenset[str]] = {
    "minister": frozenset(
        {
            "minister",
            "foreign_minister",
            "defence_minister",
            "interior_minister",
            "finance_minister",
        }
    ),
    "spokesperson": frozenset(
        {"spokesperson", "spokesperson_foreign_ministry", "government_spokesperson"}
    ),
    "official": frozenset(
        {"official", "diplomat", "spokesperson_foreign_ministry", "spokesperson"}
    ),
    "head_of_state": frozenset({"head_of_state", "head_of_government"}),
    "head_of_government": frozenset({"head_of_government", "head_of_state"}),
}

#: (generic office, type of the body it is attached to) -> specific office.
#: "Sprecherin des Außenministeriums": spokesperson + foreign_ministry
#: → spokesperson_foreign_ministry.
ROLE_IN_BODY: dict[tuple[str, str], str] = {
    ("spokesperson", "foreign_ministry"): "spokesperson_foreign_ministry",
    ("spokesperson", "government"): "government_spokesperson",
    ("spokesperson", "presidency"): "government_spokesperson",
    ("head_of", "foreign_ministry"): "foreign_minister",
    ("head_of", "defence_ministry"): "defence_minister",
    ("head_of", "government"): "head_of_government",
    ("head_of", "head_office"): "head_of_government",
    ("head_of", "presidency"): "head_of_state",
    ("head_of", "military"): "military_commander",
    ("head_of", "igo"): "secretary_general",
    ("head_of", "commission"): "commission_president",
    ("head_of", "party"): "party_leader",
    ("minister", "military"): "defence_minister",
    ("minister", "defence_ministry"): "defence_minister",
    ("minister", "foreign_ministry"): "foreign_minister",
    ("head_of_state", "commission"): "commission_president",
    ("head_of_state", "igo"): "secretary_general",
    ("vice_head_of_state", "military"): "vice_chair_cmc",
}

#: Offices that need a body or context to mean anything on their own.
RELATIONAL_OFFICES: frozenset[str] = frozenset({"head_of", "counterpart"})


def office_sectors(office: str | None) -> str | None:
    """The CAMEO sector codes an office's holder carries ("GOVMIL"; None for unknown offices)."""
    return OFFICE_SECTORS.get(office or "")


def office_sector(office: str | None) -> str | None:
    """The primary CAMEO sector of an office's holder ("GOV" for a defence minister's "GOVMIL")."""
    sectors = OFFICE_SECTORS.get(office or "")
    return sectors[:3] if sectors else None


def same_family(wanted: str, held: str) -> bool:
    """Whether an anaphoric role noun for ``wanted`` may refer to a holder of ``held``."""
    return held == wanted or held in OFFICE_FAMILIES.get(wanted, frozenset())
