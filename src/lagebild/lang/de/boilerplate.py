"""German in-text boilerplate: what news pages leave in the extracted text that is not the article.

The rules describe kinds of block, not particular sites: a reader appeal of a
blocked outlet, "Mehr zum Thema"/"Lesen Sie auch" links, messenger promos,
newsletter boxes, editorial signatures with their bio, appended FAQ blocks,
photo credits, tag lines, bylines. German sites run on the same publishing
software as English ones, so the English template strings ("Leave a Reply",
share bars) are included from ``lagebild.lang.en.boilerplate``.

Every rule is anchored at the start of a line or paragraph and bounded in
length, and each limit carries its reason, so a body sentence that mentions
"Telegram" or "Newsletter" mid-sentence is never removed. Patterns are matched
case-insensitively unless ``case_sensitive`` is set; order matters (the first
rule that fires names the reason).
"""

from __future__ import annotations

from lagebild.components.boilerplate import BoilerplateRule, InlineRule
from lagebild.lang.en.boilerplate import AGENCIES as _EN_AGENCIES
from lagebild.lang.en.boilerplate import WEB_UI_RULES

#: Agencies as they appear in German credits ("Foto: dpa/…", "Bild: Reuters").
AGENCIES: tuple[str, ...] = (
    *_EN_AGENCIES, "ddp", "KNA", "epd", "dts", "sda", "SDA", "rtr", "APA", "RIA Nowosti",
    "RIA Novosti", "Ruptly", "Prensa Latina", "Imago Images", "photothek", "Ulstein Bild",
    "ullstein bild", "Bundesregierung", "Bundeswehr", "RT",
)
_AGENCY = "|".join(AGENCIES)

_MONTHS = (
    r"(?:Januar|Jänner|Februar|Feber|März|April|Mai|Juni|Juli|August|September|Oktober|November"
    r"|Dezember|Jan|Feb|Febr|Mär|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Nov|Dez)\.?"
)
_WEEKDAYS = (
    r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag"
    r"|Mo|Di|Mi|Do|Fr|Sa|So)\.?"
)
_DATE = (
    rf"(?:\d{{1,2}}\.\s*{_MONTHS}\s*\d{{4}}|\d{{1,2}}\.\s?\d{{1,2}}\.\s?\d{{2,4}}"
    r"|\d{4}-\d{2}-\d{2})"
)
_TIME = r"\d{1,2}[:.]\d{2}(?:\s*Uhr)?"

#: Second-person address, the mark of text written to the reader rather than about the news.
#: The polite forms are matched case-sensitively ("Sie", not "sie" = they).
_YOU = r"\b(?:du|dich|dir|dein\w*|euch|euer|eure\w*|(?-i:Sie|Ihnen|Ihr\w*)|uns|unser\w*)\b"

#: Lines of a newsletter box after its first line.
_NEWSLETTER_CUE = (
    r".*(?:newsletter|e-?mail|updates|postfach|inbox|anmelde|angemeldet|abonn|abmelde"
    r"|datenschutz|danke|bestätig|spam|subscri|thank)"
)

#: One headline of a link list: short, no sentence punctuation at the end.
_LINK_LINE = r"(?:[•·▪►▶→*-]\s*)?[^\n]{3,150}(?<![.!?:;,])$"

_RELATED = (
    r"(?:mehr zum thema|mehr zu diesem thema|mehr dazu|lesen sie (?:auch|mehr|weiter|hier)"
    r"|lest (?:auch|mehr|hier)|lies (?:auch|mehr|hier)|auch interessant|ebenfalls interessant"
    r"|ebenfalls lesenswert|das könnte (?:sie|dich|euch) auch interessieren|weiterlesen"
    r"|weiter lesen|zum weiterlesen|siehe auch|verwandte (?:artikel|themen|beiträge|nachrichten"
    r"|links)|weitere (?:artikel|beiträge|nachrichten|meldungen)(?: zum thema)?|passend zum thema"
    r"|zum thema|empfohlene artikel|meistgelesen(?:e artikel)?|top-artikel)"
)

RULES: tuple[BoilerplateRule, ...] = (
    BoilerplateRule(
        "related_link",
        start=rf"{_RELATED}\s*(?:[-–—:|»>]\s*\S.*|\.\.\.|…)$",
        max_chars=250,  # label plus one linked headline
    ),
    BoilerplateRule(
        "related_link",
        start=rf"{_RELATED}\s*:?$",
        max_chars=60,  # a bare list header; the linked headlines follow on their own lines
        continues=_LINK_LINE,
        continues_max_chars=160,  # one headline per line
    ),
    BoilerplateRule(
        "video_label",
        start=r"(?:verwandte videos|videos? zum thema|mehr videos|zum video|video ansehen"
        r"|video abspielen|audio abspielen|beitrag anhören|artikel anhören|podcast)\s*:?$",
        max_chars=60,  # a label
    ),
    BoilerplateRule(
        "ui_label",
        start=r"(?:zur startseite|startseite|nach oben|zurück(?: zur übersicht)?|seite drucken"
        r"|artikel drucken|kommentare anzeigen|(?:zur )?bildergalerie|bild vergrößern"
        r"|foto vergrößern|galerie|anzeige|werbung|partnerinhalt|mehr anzeigen|weniger anzeigen"
        r"|alle anzeigen|link kopieren|artikel merken|merken|vorlesen|lesezeit\s*:?\s*\d+\s*min\.?"
        r"|\d+\s*min\.? lesezeit)$",
        max_chars=40,  # a button or label
    ),
    BoilerplateRule(
        "share_buttons",
        start=r"(?:teilen|artikel teilen|beitrag teilen|teilen auf \w+|auf \w+ teilen|twittern"
        r"|drucken|versenden|per e-?mail (?:teilen|versenden)|mailen)\s*:?$",
        max_chars=40,  # a button label
        continues=r"(?:teilen|twittern|drucken|versenden|mailen|merken|facebook|twitter|x"
        r"|whatsapp|telegram|linkedin|xing|reddit|pinterest|e-?mail|threads|bluesky"
        r"|link kopieren|kopieren)\s*:?$",
        continues_max_chars=40,
        continues_across_blank=True,
    ),
    BoilerplateRule(
        "newsletter",
        start=r"(?:[\w.-]+[- ])?newsletter\s*:?$",
        max_chars=60,  # a box title ("Legitim-Newsletter"), not a sentence about newsletters
        continues=_NEWSLETTER_CUE,
        continues_max_chars=150,  # form lines are short; body paragraphs are longer
        continues_across_blank=True,
    ),
    BoilerplateRule(
        "newsletter",
        start=r"(?:abonniere|abonnieren sie|abonniert|bestellen sie|bestelle|melden sie sich"
        r"|melde dich|meldet euch|jetzt anmelden|jetzt abonnieren|jetzt kostenlos|zum newsletter"
        r"|newsletter abonnieren|newsletter bestellen|hol dir|holen sie sich|verpassen sie keine"
        r"|verpasse keine|du hast dich erfolgreich|sie haben sich erfolgreich|ihr habt euch"
        r"|vielen dank für (?:ihre|deine) anmeldung|danke für (?:ihre|deine) anmeldung"
        r"|bitte bestätigen sie)\b",
        requires=(r"newsletter|e-?mail|updates|postfach|anmeld|angemeldet|abonn|nachrichten",),
        max_chars=250,  # one sentence of a sign-up box; longer text is body
        continues=_NEWSLETTER_CUE,
        continues_max_chars=150,  # form lines are short
        continues_across_blank=True,
    ),
    BoilerplateRule(
        "social_promo",
        start=r"(?:telegram|whatsapp|signal|threema|twitter|x|facebook|instagram|tiktok|youtube"
        r"|vk|vkontakte|odysee|rumble|gettr|truth social|mastodon|bluesky|linkedin)\b",
        requires=(
            _YOU,
            r"abonnier\w*|folg(?:e|t|en)\b|kostenlos|herunterladen|beitreten|anmelden|kanal"
            r"|zensiert nicht|link",
        ),
        min_hits=3,  # address + two promo cues; a news sentence about Telegram has fewer
        max_chars=400,  # a promo is a short paragraph
    ),
    BoilerplateRule(
        "social_promo",
        start=r"(?:folgen sie uns|folge uns|folgt uns|besuchen sie uns|besucht uns|abonnieren sie"
        r" (?:uns|unseren)|abonniert (?:uns|unseren)|abonniere unseren|tritt unserem"
        r"|treten sie unserem|jetzt (?:abonnieren|folgen|beitreten)|hier (?:abonnieren|folgen"
        r"|beitreten)|sie finden uns|ihr findet uns|du findest uns|kanal abonnieren)\b",
        max_chars=300,  # a promo line
    ),
    BoilerplateRule(
        "donation_appeal",
        start=r"(?:unterstützen sie (?:uns|unsere|unabhängig)|unterstützt (?:uns|unsere|unabhängig)"
        r"|unterstütze (?:uns|unsere|unabhängig)|jetzt spenden|spenden sie|bitte spenden"
        r"|ihre spende|deine spende|eure spende|werden sie (?:mitglied|förderer|unterstützer)"
        r"|werde (?:mitglied|förderer|unterstützer))",
        scope="paragraph",
        max_chars=800,  # a donation box is a short paragraph
    ),
    BoilerplateRule(
        "comment_prompt",
        start=r"(?:kommentare? (?:schreiben|hinterlassen|verfassen|abgeben)|schreibe(?:n sie)?"
        r" einen kommentar|hinterlasse(?:n sie)? einen kommentar|\d+\s+kommentare?"
        r"|kommentare?\s*(?:\(\d+\))?\s*:?|diskutieren sie mit|jetzt kommentieren|antworten"
        r"|(?:deine|ihre) e-mail-adresse wird nicht veröffentlicht.*"
        r"|erforderliche felder sind .*markiert.*)$",
        max_chars=200,  # form notices are one line
    ),
    BoilerplateRule(
        "archive_label",
        start=r"(?:archiviert unter|abgelegt unter|veröffentlicht (?:in|unter)|eingeordnet unter"
        r"|gespeichert unter)\s*:.*$",
        max_chars=200,  # a label, possibly with its categories
    ),
    BoilerplateRule(
        "tag_line",
        start=r"(?:tags?|schlagwörter|schlagworte|stichwörter|stichworte|themen|kategorien?"
        r"|rubriken?)\s*:.*$",
        max_chars=200,  # one line of terms
    ),
    BoilerplateRule(
        "editorial_signature",
        start=r"\S[^\n]{0,40}-(?:redaktionsteam|redaktion)$"
        r"|(?:die |das )?(?:redaktion|redaktionsteam|nachrichtenredaktion|online-redaktion"
        r"|newsdesk)(?:\s*:\s*[^\n]{1,50})?$",
        max_chars=60,  # a signature is a name, not a sentence
        then=r"(?:ein team (?:von|aus)|das team|unser team|wir sind|die redaktion"
        r"|[A-ZÄÖÜ][\w-]+(?: [A-ZÄÖÜ][\w-]+){0,3} (?:ist|arbeitet als) (?:\w+ )?(?:redakteur"
        r"|journalist|korrespondent|autor|reporter|chefredakteur))",
        then_reason="author_bio",
        then_max_chars=600,  # a bio is a short paragraph
    ),
    BoilerplateRule(
        "author_bio",
        start=r"(?:über den autor|über die autorin|über die autoren|zum autor|zur autorin)\s*:?$",
        max_chars=40,  # a heading
        then=r".",
        then_reason="author_bio",
        then_max_chars=600,  # the bio paragraph under the heading
    ),
    BoilerplateRule(
        "faq_block",
        start=r"(?:häufig gestellte fragen|häufige fragen|faq|faqs)\b.*$",
        max_chars=150,  # a heading; the questions and answers below it go with it
        until_next_rule=True,
    ),
    BoilerplateRule(
        "copyright",
        start=r"(?:©|\(c\)|copyright)\s*(?:\d{4}|[\w .-]{1,40}\d{4}).*$"
        r"|.*alle rechte vorbehalten\.?$",
        max_chars=150,  # a footer line
    ),
    BoilerplateRule(
        "photo_credit",
        start=r"(?:foto|fotos|bild|bilder|bildquelle|fotoquelle|titelbild|titelfoto|symbolbild"
        r"|symbolfoto|archivbild|archivfoto|aufmacherbild|beitragsbild|vorschaubild|bildnachweis"
        r"|fotonachweis|bildrechte|fotograf|fotografin)\s*(?::|©).*$|©\s*\S.*$"
        r"|\((?:foto|bild)\s*:[^)]*\)$|(?:quelle|source)\s*:.*©.*$",
        max_chars=150,  # a credit names an agency and a photographer
    ),
    BoilerplateRule(
        "source_line",
        start=r"(?:quelle|quellen|originalquelle|originalartikel)\s*:\s*\S.*$"
        r"|(?:übersetzt aus|übersetzung aus|zuerst erschienen (?:bei|auf|in)|mit material"
        r" (?:von|der|des))\s*:?\s+\S.*$",
        max_chars=120,  # an attribution line, not a paragraph
    ),
    BoilerplateRule(
        "source_line",
        start=rf"\(?(?:{_AGENCY})(?:\s*[/,]\s*(?:{_AGENCY}))*\)?\.?$",
        max_chars=60,  # a bare agency tag ("dpa/AFP")
        case_sensitive=True,
    ),
    BoilerplateRule(
        "byline",
        start=rf"(?:von|by)\b[^\n|]{{0,60}}\|\s*(?:{_WEEKDAYS},?\s*)?{_DATE}.*$",
        max_chars=100,  # "von | 10. Mai 2023": author slot, bar, date
    ),
    BoilerplateRule(
        "byline",
        start=rf"(?:(?:veröffentlicht|aktualisiert|erstellt|stand|zuletzt aktualisiert"
        rf"|erschienen|publiziert|beitrag vom|artikel vom|meldung vom)"
        rf"(?:\s+am)?\s*:?\s*)?(?:{_WEEKDAYS},?\s*)?{_DATE}(?:\s*(?:,|um|-|–|\|)?\s*{_TIME})?$",
        max_chars=80,  # a dateline
    ),
    BoilerplateRule(
        "byline",
        start=r"(?:[Vv]on|[Aa]utor|[Aa]utorin|[Tt]ext)\s*:?\s+[A-ZÄÖÜ][\w.'-]+(?:\s+(?:von|van|de"
        r"|der)){0,2}(?:\s+[A-ZÄÖÜ][\w.'-]+){1,3}(?:\s*[,|]\s*[^\n]{0,60})?$",
        # "Von Anna Beispiel, Berlin": first and last name, capitalised, no verb or
        # preposition (so "Von Berlin bis Peking" and "Von Trump zu Biden" stay)
        max_chars=80,
        case_sensitive=True,
    ),
    BoilerplateRule(
        "cookie_notice",
        start=r"(?:wir (?:verwenden|nutzen) cookies|diese (?:web)?seite (?:verwendet|nutzt) cookies"
        r"|cookie-einstellungen)",
        scope="paragraph",
        max_chars=1000,  # a consent banner paragraph
    ),
    BoilerplateRule(
        "paywall",
        start=r"(?:dieser (?:artikel|beitrag|inhalt) ist (?:nur |exklusiv )?(?:für|mit)"
        r"|weiterlesen mit|jetzt (?:weiterlesen|freischalten)|sie haben bereits ein abo"
        r"|exklusiv für abonnenten)",
        max_chars=250,  # a paywall notice
    ),
    BoilerplateRule(
        "site_appeal",
        scope="paragraph",
        requires=(
            # asking the reader to share, support or pay
            r"teilt (?:sie|ihn|es|unsere|diesen)|teilen sie (?:unsere|diesen|den|sie|ihn)"
            r"|wenn (?:euch|ihnen|dir) unsere|bitten wir (?:euch|sie|dich)|unterstützen sie uns"
            r"|unterstützt uns|unterstütze uns|helfen sie uns|helft uns|spenden sie|spendet"
            r"|(?:ihre|eure|deine) spende|empfehlen sie uns|weiterempfehlen"
            r"|verbreitet (?:sie|unsere)",
            # the outlet talking about itself
            r"sperrung (?:von|unserer|unseres)|gesperrt|zensiert|zensur|unsere[nrsm]? (?:website"
            r"|webseite|seite|artikel|beiträge|arbeit|accounts?|konten|kanäle|inhalte|redaktion"
            r"|berichterstattung|journalismus|plattform|leser)|mainstream"
            r"|unabhängige[nrs]? (?:journalismus|medien|berichterstattung)",
        ),
        min_hits=3,  # one request and one self-reference can occur in news; three do not
        max_chars=2500,  # an appeal is one paragraph, however long-winded
        keywords=(
            "teilt", "teilen sie", "wenn euch", "wenn ihnen", "wenn dir", "bitten wir",
            "unterstütz", "helfen sie uns", "helft uns", "spende", "spendet", "empfehlen sie",
            "weiterempfehlen", "verbreitet",
        ),
    ),
    *WEB_UI_RULES,
)

INLINE_RULES: tuple[InlineRule, ...] = (
    InlineRule(
        "photo_credit",
        pattern=r"(?:Quelle|Foto|Fotos|Bild|Bildquelle|Fotoquelle|Photo|Image|Credit|Source)s?"
        r"\s*(?::|©)[^\n]+$",
        # glued to the caption ("aus ChinaQuelle: AP © …") or after sentence
        # punctuation and one space ("… in Berlin. Foto: dpa")
        preceded_by=r"[^\W\d_]|[.!?)\]\"“”»«] ",
        requires=rf"©|/|\b(?:{_AGENCY})\b",
        max_chars=80,  # agency plus photographer; longer tails are sentences
    ),
)
