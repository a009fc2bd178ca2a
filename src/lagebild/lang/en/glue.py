"""Words that mark a scraping seam where two English words were glued together.

English runs words together less predictably than German, so only whole
closed-class words on the left ("theWhite House") and titles on the right
("saidPresident") are split; camel-case names ("iPhone", "YouTube",
"McDonald") never start with a listed word.
"""

from __future__ import annotations

#: Closed-class words that may stand glued in front of a capitalised word.
FUNCTION_WORDS: tuple[str, ...] = (
    "the", "of", "and", "to", "in", "on", "at", "by", "for", "from", "with", "into", "about",
    "against", "between", "after", "before", "during", "his", "her", "their", "its", "that",
)

#: Capitalised titles that open a name after a glued lowercase word.
NAME_OPENERS: tuple[str, ...] = (
    "President", "Prime", "Minister", "Secretary", "Chancellor", "General", "Senator",
    "Governor", "Ambassador", "Mr", "Mrs", "Ms", "Dr",
)

#: Written-together names that look like a glued seam but are spelt so on purpose.
EXCEPTIONS: tuple[str, ...] = ("inDesign", "onLine", "forAll", "theGuardian", "atHome")
