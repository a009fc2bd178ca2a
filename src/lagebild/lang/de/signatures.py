"""Lines that sign a German news text: which outlet published it, and when.

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

# Locales whose month and weekday names spell German dates (Austria says "Jänner").
DATE_LOCALES = ("de_DE", "de_AT", "de_CH")

# Dates written out in German text. Groups: day, month (a name) or month_num, year.
DATE_EXPRESSIONS = (
    # "10. Mai 2023", "3. Sept. 2024", "1.März 2022"
    r"(?P<day>\d{1,2})\.\s*(?P<month>{month})\.?\s+(?P<year>\d{4})",
    # "10.05.2023", "1.5.2023"
    r"(?P<day>\d{1,2})\.\s?(?P<month_num>\d{1,2})\.\s?(?P<year>\d{4})",
)

# A clock time after a date: "10. Mai 2023, 14:30 Uhr", "10.05.2023 um 9.15 Uhr".
TIME_EXPRESSION = r"(?:,|\s*[-–|])?\s*(?:um\s+)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:\s*Uhr)?"

# Whole lines near the top of a text that give its publication date.
DATE_LINES = (
    # byline with date: "von | 10. Mai 2023", "Von Anna Beispiel | 10.05.2023"
    r"von\b[^|]{0,80}\|\s*{date}",
    # a bare date line, with or without weekday: "Mittwoch, 10. Mai 2023"
    r"(?:{weekday},?\s+(?:den\s+)?)?{date}",
    # labelled dates: "Veröffentlicht am 10. Mai 2023", "Stand: 10.05.2023, 14:30 Uhr"
    r"(?:Veröffentlicht|Erschienen|Publiziert|Aktualisiert|Zuletzt aktualisiert|Stand|Datum)"
    r"(?:\s+am)?:?\s*(?:{weekday},?\s+)?{date}",
)

# An outlet name: one to six words of letters, digits and the punctuation
# outlet names use ("Antiwar.com", "RT DE", "t-online", "Frankfurter Allgemeine").
# Dots only inside a word, so that the end of a sentence never runs on into the name.
OUTLET_NAME = (
    r"(?P<outlet>[^\W\d_][\w&'’+-]*(?:\.[\w&'’+-]+)*"
    r"(?:\s[\w&'’+-]+(?:\.[\w&'’+-]+)*){0,5}?)"
)

# Whole lines near the end of a text that name its outlet, most telling first.
OUTLET_LINES = (
    # team signature: "CiberCuba-Redaktionsteam", "Tagesblatt-Redaktion", "Tagesblatt Redaktion"
    r"{outlet}[-\s](?:Redaktionsteam|Nachrichtenredaktion|Online-Redaktion|Redaktion)",
    # "Redaktion Tagesblatt", "Das Redaktionsteam von Tagesblatt", "Ihre Redaktion des Tagesblatts"
    r"(?:(?:Das|Die|Ihre|Eure|Deine)\s+)?(?:Redaktionsteam|Redaktion)\s+(?:von\s+|der\s+|des\s+)?{outlet}",
    # copyright line: "© 2023 Tagesblatt",
    # "Copyright © 2021–2024 Tagesblatt GmbH. Alle Rechte vorbehalten."
    r"(?:Copyright\s*)?(?:©|\(c\)|Copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s+)?{outlet}"
    r"(?:,?\s+\d{4})?\.?(?:\s+Alle\s+Rechte\s+vorbehalten\.?)?",
    # source line: "Quelle: Antiwar.com" (the outlet the text was taken from)
    r"Quellen?:\s*{outlet}\.?",
)
