"""Pipeline stages, one module each.

``clean`` and ``language`` work on plain strings before tokenisation (cleaning
changes the text, and a spaCy ``Doc``'s text is fixed once made). The stages
after them are spaCy components registered with ``@Language.factory`` /
``@Language.component``; they read and write the ``Doc`` extensions declared in
``register_extensions``.
"""

from __future__ import annotations

from spacy.tokens import Doc

#: Doc extensions and their defaults. Lists are created per document by the
#: stage that fills them (``default=None``), never shared between documents.
DOC_EXTENSIONS: dict[str, object] = {
    "article_id": "",  # Article.id, set before the pipeline runs
    "text": None,  # Article.text (== Doc.text), set before the pipeline runs; see doc_text
    "title": None,  # Article.title, lets the segmenter find the headline under a kicker
    "published": None,  # datetime.date of publication, anchors relative dates and offices
    "language": "de",  # ISO 639-1 code of the document
    "sentences": None,  # list[model.Sentence], set by "lagebild_segment"
    "mentions": None,  # list[model.Mention], set by "lagebild_actors"
    "quotes": None,  # list[model.Quote], set by "lagebild_quotes"
    "events": None,  # list[model.Event], set by "lagebild_events"
    "tone": None,  # float, set by "lagebild_tone"
    "sentence_tone": None,  # list[model.SentenceTone], set by "lagebild_tone"
}


def doc_text(doc: Doc) -> str:
    """The text of ``doc``, without rebuilding it from the tokens.

    spaCy joins ``Doc.text`` from every token on each access (0.25 ms for a
    400-token article); the analyzer keeps the article text it tokenised on
    the Doc, so stages read that string instead.
    """
    text = doc._.text
    return text if text is not None else doc.text


def register_extensions() -> None:
    """Declare the ``Doc._`` attributes the stages share (idempotent)."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
