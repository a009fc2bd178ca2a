"""English abbreviations that end in a period but do not end a sentence.

Used by sentence segmentation and by cleaning (no glued-sentence split after
them). Compiled by hand from news-agency style guides (AP, Reuters).
"""

from __future__ import annotations

ABBREVIATIONS: tuple[str, ...] = (
    # titles
    "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Sr.", "Jr.", "St.", "Rev.", "Hon.", "Gov.", "Sen.",
    "Rep.", "Gen.", "Lt.", "Col.", "Maj.", "Capt.", "Cmdr.", "Adm.", "Sgt.", "Cpl.", "Pres.",
    "Amb.", "Supt.", "Insp.", "Det.",
    # general
    "e.g.", "i.e.", "etc.", "vs.", "approx.", "ca.", "cf.", "al.", "No.", "Nos.", "Vol.",
    "Fig.", "p.", "pp.", "ed.", "eds.", "est.", "dept.", "Dept.", "Inc.", "Ltd.", "Co.",
    "Corp.", "Bros.", "Ave.", "Blvd.", "Rd.", "Mt.", "Ft.", "U.S.", "U.K.", "U.N.", "E.U.",
    "a.m.", "p.m.", "bn.", "mn.",
    # months and weekdays (datelines)
    "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.",
    "Dec.", "Mon.", "Tue.", "Tues.", "Wed.", "Thu.", "Thur.", "Thurs.", "Fri.", "Sat.", "Sun.",
    # US states as used in datelines
    "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.",
    "Kan.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.",
    "Nev.", "Okla.", "Ore.", "Pa.", "Tenn.", "Va.", "Vt.", "Wash.", "Wis.", "Wyo.",
)
