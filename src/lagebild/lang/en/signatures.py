"""Lines that sign an English news text: which outlet published it, and when.

Plain tables of regular expressions, read by ``lagebild.ingest.metadata`` and
``lagebild.ingest.dates``. Placeholders are filled in by the reader:

- ``{outlet}``: an outlet name (``OUTLET_NAME``), captured as group ``outlet``;
- ``{month}`` / ``{weekday}``: the CLDR month / weekday names of
  ``DATE_LOCALES`` (taken from babel, not typed here);
- ``{date}``: any of ``DATE_EXPRESSIONS``, optionally followed by
  ``TIME_EXPRESSION``.

Every line pattern must match a whole stripped line, so a phrase inside a
running sentence never counts as a signature.
"""

# Locales whose month and weekday names spell English dates ("Sept" is British).
DATE_LOCALES = ("en_US", "en_GB")

# Dates written out in English text. Groups: day, month (a name), year.
DATE_EXPRESSIONS = (
    # "May 10, 2023", "Sept. 3 2024", "May 10th, 2023"
    r"(?P<month>{month})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})",
    # "10 May 2023", "3rd Sept. 2024"
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>{month})\.?,?\s+(?P<year>\d{4})",
)

# A clock time after a date: "May 10, 2023, 2:30 PM", "10 May 2023 at 14:30".
TIME_EXPRESSION = (
    r"(?:,|\s*[-–|])?\s*(?:at\s+)?(?P<hour>\d{1,2}):(?P<minute>\d{2})"
    r"(?:\s*(?P<meridiem>[AaPp]\.?[Mm]\.?))?"
)

# Whole lines near the top of a text that give its publication date.
DATE_LINES = (
    # byline with date: "By Jane Doe | May 10, 2023"
    r"By\b[^|]{0,80}\|\s*{date}",
    # a bare date line, with or without weekday: "Wednesday, May 10, 2023"
    r"(?:{weekday},?\s+)?{date}",
    # labelled dates: "Published May 10, 2023", "Updated: 10 May 2023 at 14:30"
    r"(?:Published|Posted|Updated|Last updated|Date)(?:\s+on)?:?\s*(?:{weekday},?\s+)?{date}",
)

# An outlet name: one to six words of letters, digits and the punctuation
# outlet names use ("Antiwar.com", "The Associated Press", "AT&T News").
# Dots only inside a word, so that the end of a sentence never runs on into the name.
OUTLET_NAME = (
    r"(?P<outlet>[^\W\d_][\w&'’+-]*(?:\.[\w&'’+-]+)*"
    r"(?:\s[\w&'’+-]+(?:\.[\w&'’+-]+)*){0,5}?)"
)

# Whole lines near the end of a text that name its outlet, most telling first.
OUTLET_LINES = (
    # team signature: "Reuters Staff", "By Daily Herald Staff", "Daily Herald Editorial Board"
    r"(?:By\s+)?(?:The\s+)?{outlet}\s+(?:Staff|Newsroom|News\s+Desk|Editorial\s+(?:Board|Team))",
    # "The Editorial Team of Daily Herald"
    r"(?:The\s+)?(?:Editorial\s+(?:Board|Team)|Newsroom)\s+(?:of|at)\s+{outlet}",
    # copyright line: "© 2023 Reuters", "Copyright 2023 The Associated Press. All rights reserved."
    r"(?:Copyright\s*)?(?:©|\(c\)|Copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s+)?{outlet}"
    r"(?:,?\s+\d{4})?\.?(?:\s+All\s+rights\s+reserved\.?)?",
    # source line: "Source: Antiwar.com"
    r"Sources?:\s*{outlet}\.?",
)
