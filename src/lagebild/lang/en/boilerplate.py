"""English in-text boilerplate: what news pages leave in the extracted text that is not the article.

``WEB_UI_RULES`` are the English strings of publishing software (WordPress
comment forms, share bars, newsletter boxes, tag lines). Sites in every
language run on these templates, so the German rules include them too.
``RULES`` adds English editorial furniture (bylines, wire credits, "Read more").

Every rule is anchored at the start of a line or paragraph and bounded in
length; each limit carries its reason. Patterns are matched case-insensitively
unless ``case_sensitive`` is set.
"""

from __future__ import annotations

from lagebild.components.boilerplate import BoilerplateRule, InlineRule

#: Wire services and photo agencies, as they appear in credits ("Photo: Reuters/…").
AGENCIES: tuple[str, ...] = (
    "AP", "AFP", "Reuters", "dpa", "EPA", "EFE", "ANSA", "APA", "Getty Images", "Getty",
    "Imago", "IMAGO", "picture alliance", "picture-alliance", "Shutterstock", "iStock",
    "Keystone", "Sputnik", "TASS", "Xinhua", "KCNA", "Yonhap", "Kyodo", "Anadolu", "Bloomberg",
    "UPI", "PA", "NurPhoto", "ZUMA", "Alamy", "Wikimedia Commons", "Wikipedia", "CCTV",
)
_AGENCY = "|".join(AGENCIES)

_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_WEEKDAYS = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
)
_DATE = (
    rf"(?:{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})"
)
_TIME = r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?"

#: Lines of a newsletter box after its first line: they talk about e-mail and sign-ups.
_NEWSLETTER_CUE = (
    r".*(?:newsletter|e-?mail|updates|inbox|subscri|sign(?:ing)? up|privacy|unsubscribe"
    r"|spam|thank you|thanks|confirm)"
)
#: Single-word buttons of share bars and reaction widgets.
_SHARE_WORD = (
    r"(?:share(?: this(?: article| story| post)?)?|share on \w+|tweet|print|email|e-mail|mail"
    r"|facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|pocket|flipboard|xing"
    r"|messenger|vk|threads|bluesky|mastodon|copy link|copy|like this|like|loading\.\.\.|save)"
)

WEB_UI_RULES: tuple[BoilerplateRule, ...] = (
    BoilerplateRule(
        "comment_prompt",
        start=r"(?:leave a (?:reply|comment)|post a comment|add a comment|cancel reply"
        r"|\d+\s+(?:comments?|responses?|replies)|comments?\s*(?:\(\d+\))?\s*:?"
        r"|join the (?:conversation|discussion)|you must be logged in to post a comment.*"
        r"|your email address will not be published.*|required fields are marked.*"
        r"|save my name, email.*|notify me of .*|post comment)$",
        max_chars=200,  # the longest form notice ("Your email address will not be …") fits
    ),
    BoilerplateRule(
        "share_buttons",
        start=rf"{_SHARE_WORD}\s*:?$",
        max_chars=40,  # a button label, never a sentence
        continues=rf"{_SHARE_WORD}\s*:?$",
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
        start=r"(?:sign up|subscribe|get (?:our|the) [\w ]{0,30}newsletter|join our|"
        r"thank you for (?:signing up|subscribing)|thanks for (?:signing up|subscribing)"
        r"|you(?: have|'ve) successfully subscribed|enter your e-?mail|by signing up)\b",
        requires=(r"newsletter|e-?mail|inbox|updates|subscri|sign(?:ing)? up|mailing list",),
        max_chars=250,  # a sign-up box sentence; longer text is an article about newsletters
        continues=_NEWSLETTER_CUE,
        continues_max_chars=150,
        continues_across_blank=True,
    ),
    BoilerplateRule(
        "related_link",
        start=r"(?:read more|read also|also read|more on this(?: story| topic)?|related"
        r"(?: articles| stories| coverage| content| reading| posts| news)?|recommended"
        r"(?: reading| stories| for you)?|see also|you may also like|you might also like"
        r"|further reading|more from [\w .-]{1,30}|most read|most popular)"
        r"\s*(?:[-–—:|»>]\s*\S.*|\.\.\.|…)$",
        max_chars=250,  # label plus one linked headline
    ),
    BoilerplateRule(
        "related_link",
        start=r"(?:read more|related(?: articles| stories| coverage| posts)?|recommended"
        r"(?: reading| stories)?|see also|you may also like|further reading|most read)\s*:?$",
        max_chars=40,  # a bare list header; the linked headlines follow on their own lines
        continues=r"(?:[•·▪►▶→*-]\s*)?[^\n]{3,150}(?<![.!?:;,])$",
        continues_max_chars=160,  # one headline per line, no sentence punctuation
    ),
    BoilerplateRule(
        "tag_line",
        start=r"[a-z0-9]+(?:[-_][a-z0-9]+)+$",
        max_chars=60,  # a CMS slug ("source-127"): one lowercase token with hyphens
        case_sensitive=True,
        continues=r"[a-z0-9]+(?:[-_][a-z0-9]+)+$",
        continues_max_chars=60,
    ),
    BoilerplateRule(
        "tag_line",
        start=r"(?:#[\w-]+[\s,]*)+$",
        max_chars=200,  # a row of hashtags
    ),
    BoilerplateRule(
        "tag_line",
        start=r"(?:tags?|topics?|categories|category|keywords)\s*:.*$",
        max_chars=200,  # one line of terms
    ),
    BoilerplateRule(
        "archive_label",
        start=r"(?:filed under|posted in|published in|archived (?:in|under))\s*:?.*$",
        max_chars=200,
    ),
)

RULES: tuple[BoilerplateRule, ...] = (
    BoilerplateRule(
        "copyright",
        start=r"(?:©|\(c\)|copyright)\s*(?:\d{4}|[\w ]{1,40}\d{4}).*$|.*all rights reserved\.?$",
        max_chars=150,  # a footer line
    ),
    BoilerplateRule(
        "site_footer",
        start=r"our standards\s*:.*$|.*trust principles\.?$",
        max_chars=120,
    ),
    BoilerplateRule(
        "photo_credit",
        start=r"(?:photo|photos|image|images|picture|pictures|credit|photograph|illustration"
        r"|header image|featured image|top image|file photo)s?\s*(?::|©).*$|©\s*\S.*$"
        r"|\((?:photo|image|picture)s?\s*(?::|by)[^)]*\)$|(?:source|quelle)\s*:.*©.*$",
        max_chars=150,  # a credit names an agency and a photographer
    ),
    BoilerplateRule(
        "source_line",
        start=r"(?:source|sources)\s*:\s*\S.*$|(?:originally published (?:at|by|in)"
        r"|this article (?:was )?(?:originally )?(?:appeared|published) (?:in|on|at)"
        r"|with (?:additional )?reporting from)\s*:?\s+\S.*$",
        max_chars=150,  # an attribution line, not a paragraph
    ),
    BoilerplateRule(
        "source_line",
        start=rf"\(?(?:{_AGENCY})(?:\s*[/,]\s*(?:{_AGENCY}))*\)?\.?$",
        max_chars=60,  # a bare agency tag
        case_sensitive=True,
    ),
    BoilerplateRule(
        "byline",
        start=r"(?:reporting|additional reporting|writing|editing|compiled|produced|research)"
        r" by .*$",
        max_chars=300,  # wire credit lines list several names
    ),
    BoilerplateRule(
        "byline",
        start=rf"(?:by\b[^\n|]{{0,60}}\|\s*)?(?:(?:published|updated|posted|last updated)"
        rf"(?:\s+on)?\s*:?\s*)?(?:{_WEEKDAYS},?\s*)?{_DATE}(?:\s*(?:,|at|-|–|\|)?\s*{_TIME})?$",
        max_chars=100,  # a dateline
    ),
    BoilerplateRule(
        "byline",
        start=r"[Bb]y\s+[A-Z][\w.'-]+(?:\s+(?:[A-Z][\w.'-]+|and|de|van|von|al|el)){0,5}"
        r"(?:\s*[,|]\s*[^\n]{0,60})?$",
        max_chars=100,  # "By Jane Doe, Reuters": capitalised names only, no verb
        case_sensitive=True,
    ),
    BoilerplateRule(
        "video_label",
        start=r"(?:related videos?|watch(?: now| more| the video)?|videos?|play video|listen"
        r"|listen to (?:this|the) (?:article|story)|podcast)\s*:?$",
        max_chars=60,
    ),
    BoilerplateRule(
        "ui_label",
        start=r"(?:advertisement|sponsored(?: content)?|skip to (?:main )?content|back to top"
        r"|home|menu|search|close|cookie settings|accept(?: all)? cookies?|show more"
        r"|show less|load more|\d+\s*min(?:ute)? read)$",
        max_chars=40,  # a button or label
    ),
    BoilerplateRule(
        "faq_block",
        start=r"(?:frequently asked questions|faqs?)\b.*$",
        max_chars=150,  # a heading
        until_next_rule=True,
    ),
    BoilerplateRule(
        "editorial_signature",
        start=r"(?:(?:the )?editorial (?:team|staff|board)|[\w .-]{2,40} (?:staff|editorial team"
        r"|newsroom|news desk|desk|editors))$",
        max_chars=50,  # a signature line
        then=r"(?:a team of|our team|we are|the [\w ]{1,30} team|[A-Z][\w-]+(?: [A-Z][\w-]+){0,3}"
        r" is (?:a|an|the) [\w -]{0,30}(?:reporter|journalist|correspondent|writer|editor|author))",
        then_reason="author_bio",
        then_max_chars=600,  # a bio is a short paragraph
    ),
    BoilerplateRule(
        "author_bio",
        start=r"about the authors?\s*:?$",
        max_chars=40,
        then=r".",
        then_reason="author_bio",
        then_max_chars=600,  # the bio paragraph under the heading
    ),
    BoilerplateRule(
        "cookie_notice",
        start=r"(?:we use cookies|this (?:web)?site uses cookies|by continuing to (?:use|browse))",
        scope="paragraph",
        max_chars=1000,
    ),
    BoilerplateRule(
        "paywall",
        start=r"(?:this (?:article|story|content) is (?:only )?(?:for|available to) subscribers"
        r"|subscribe to (?:continue|read)|to continue reading|already a subscriber"
        r"|you have reached your (?:free )?(?:article )?limit)",
        max_chars=250,
    ),
    BoilerplateRule(
        "site_appeal",
        scope="paragraph",
        requires=(
            r"please share|share (?:this|our) (?:article|story|work)|support (?:us|our|independent)"
            r"|donat\w*|become a (?:member|patron|supporter)|subscribe to|if you (?:value|like"
            r"|enjoy|appreciate) (?:our|this)|help us|chip in",
            r"our (?:website|site|journalism|reporting|work|articles|content|newsroom|readers)"
            r"|independent (?:journalism|media|reporting)|censor\w*|banned|blocked"
            r"|mainstream media",
        ),
        min_hits=3,  # one request and one self-reference can occur in news; three do not
        max_chars=2500,  # an appeal is one paragraph, however long-winded
        keywords=(
            "please share", "share this", "share our", "support", "donat", "become a",
            "subscribe to", "if you", "help us", "chip in",
        ),
    ),
    *WEB_UI_RULES,
)

INLINE_RULES: tuple[InlineRule, ...] = (
    InlineRule(
        "photo_credit",
        pattern=r"(?:Photo|Image|Picture|Credit|Source|Quelle|Foto|Bild)s?\s*(?::|©)[^\n]+$",
        # glued to the caption ("aus ChinaQuelle: AP © …") or after sentence
        # punctuation and one space ("… in Berlin. Foto: dpa")
        preceded_by=r"[^\W\d_]|[.!?)\]\"“”»«] ",
        requires=rf"©|/|\b(?:{_AGENCY})\b",
        max_chars=80,  # agency plus photographer; longer tails are sentences
    ),
)
