"""German abbreviations that end in a period but do not end a sentence.

Used by sentence segmentation (a period after one of these is not a boundary)
and by cleaning (a period after one of these is never a glued sentence seam).
Multi-part abbreviations are listed with the usual inner space ("z. B.") and
the spaced-out forms are matched loosely by the consumer, so "z.B." is covered.
Compiled by hand from German newspaper usage (Duden list of common
abbreviations, news-agency style guides); month names are the abbreviated
forms used in datelines.
"""

from __future__ import annotations

ABBREVIATIONS: tuple[str, ...] = (
    # general
    "Abb.", "Abs.", "Abt.", "a. D.", "allg.", "Anm.", "Art.", "Aufl.", "Bd.", "Bde.", "bes.",
    "bspw.", "bzgl.", "bzw.", "ca.", "d. h.", "d. J.", "d. M.", "ebd.", "eigtl.", "einschl.",
    "etc.", "evtl.", "exkl.", "f.", "ff.", "gem.", "ggf.", "ggfs.", "gegr.", "i. A.", "i. d. R.",
    "i. S.", "i. V.", "inkl.", "insb.", "Kap.", "lt.", "m. E.", "max.", "min.", "Mio.", "Mrd.",
    "Nr.", "Nrn.", "o. Ä.", "o. g.", "rd.", "s.", "S.", "s. o.", "s. u.", "sog.", "Std.",
    "Tel.", "u.", "u. a.", "u. Ä.", "u. U.", "usw.", "u. v. m.", "v. a.", "v. Chr.", "n. Chr.",
    "vgl.", "z. B.", "z. T.", "z. Z.", "zzgl.", "zit.", "Ziff.", "Jh.", "Jhd.", "Jhdt.",
    "Tsd.", "Bio.", "Mill.", "Pkt.", "Hrsg.", "hrsg.", "Red.", "Anh.", "dt.", "engl.", "frz.",
    "ital.", "span.", "russ.", "chin.", "amerik.", "int.", "nat.", "ehem.", "verh.", "geb.",
    "gest.", "jährl.", "mtl.", "tägl.", "zw.", "zus.", "Verf.", "Vors.", "stellv.", "Stellv.",
    # titles and forms of address
    "Dr.", "Prof.", "Dipl.", "Ing.", "Mag.", "Hr.", "Hrn.", "Frl.", "Sr.", "Jr.",
    "St.", "Hl.", "Bf.", "Abg.", "Gen.", "Oberstlt.", "Maj.", "Kpt.", "Lt.", "Sen.", "Präs.",
    # places and organisations
    "Str.", "Pl.", "Bhf.", "Kr.", "Lkr.", "Reg.-Bez.", "Gem.", "Kt.", "Co.", "Inc.", "Ltd.",
    "e. V.", "GmbH.", "Ges.", "Verb.", "Dept.",
    # months and weekdays (datelines)
    "Jan.", "Feb.", "Febr.", "Mär.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Okt.",
    "Nov.", "Dez.", "Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So.",
)
