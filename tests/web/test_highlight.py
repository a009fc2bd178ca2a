"""Highlighted article text and SVG charts: escaped pieces, well-formed markup."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

import pytest
from markupsafe import Markup

from lagebild.model import Analysis, Article, Event, EventActor, Mention, Quote, RemovedSpan

pytest.importorskip("fastapi", reason="the web extra is not installed")

from lagebild.web.charts import Series, bar_chart, time_chart
from lagebild.web.highlight import annotated_text, removed_text


def _overlapping() -> Analysis:
    text = 'Berlin warnt: „<b>Peking</b> & Moskau drohen“ – so die Regierung.'
    p = text.index("<b>Peking</b>")
    article = Article(id="x", text=text, raw_text=text)
    return Analysis(
        article=article,
        mentions=[Mention("x", 0, 6, "Berlin", "GPE", "gpe:DEU", "DEU", None, "DEU"),
                  Mention("x", p, p + 13, "<b>Peking</b>", "GPE", "gpe:CHN", "CHN", None,
                          "CHN")],
        quotes=[Quote("x", text.index("„") + 1, text.index("“"), "…", "Direct")],
        events=[Event(id="e1", article_id="x", sentence=0,
                      source=[EventActor("Berlin", code="DEU")],
                      target=[EventActor("Peking", code="CHN")], cameo="111", root="11",
                      plover="ACCUSE", mode=None, context=[], quad_class=3, goldstein=-2.0,
                      modality="asserted", trigger="warnt", trigger_start=7, trigger_end=12,
                      evidence_start=0, evidence_end=len(text))],
    )


def test_highlight_keeps_the_text_and_escapes_every_segment():
    analysis = _overlapping()
    markup = annotated_text(analysis, actor_url=lambda key: f"/actors/{key}")
    assert isinstance(markup, Markup)
    assert "<b>" not in markup and "&lt;b&gt;Peking&lt;/b&gt;" in markup
    assert unescape(re.sub(r"<[^>]+>", "", str(markup))) == analysis.article.text


def test_highlight_nests_overlapping_annotations_per_segment():
    markup = str(annotated_text(_overlapping(), actor_url=lambda key: f"/actors/{key}"))
    assert '<span class="evidence" data-events="e1"><a class="mention gpe" href="/actors/gpe:DEU"' \
        in markup
    assert re.search(r'<mark class="trigger"[^>]*data-events="e1"[^>]*>warnt</mark>', markup)
    assert re.search(r'<q class="quote direct"[^>]*><span class="evidence"[^>]*>'
                     r'<a class="mention gpe" href="/actors/gpe:CHN"', markup)
    assert markup.count("<a ") == markup.count("</a>") == 2


def test_highlight_removed_text_marks_each_span_with_its_reason():
    raw = "Text. <script>x</script> Mehr zum Thema"
    article = Article(id="x", text="Text.", raw_text=raw,
                      removed_spans=[RemovedSpan(6, 24, "promo <i>", raw[6:24]),
                                     RemovedSpan(25, len(raw), "related_links", raw[25:])])
    markup = str(removed_text(article))
    assert markup.count('<del class="removed"') == 2
    assert "<script>" not in markup and 'title="removed: promo &lt;i&gt;"' in markup
    assert unescape(re.sub(r"<[^>]+>", "", markup)) == raw


def test_charts_escape_labels_and_scale_points():
    days = [dt.date(2023, 5, 1), dt.date(2023, 5, 3)]
    svg = str(time_chart([Series("<i>a</i>", "coop", [(days[0], 1), (days[1], 4)])],
                         title="t<script>", link=lambda d: f"#p-{d}"))
    assert "<script>" not in svg and "<i>" not in svg and "t&lt;script&gt;" in svg
    assert svg.count('<circle class="dot coop"') == 2 and 'href="#p-2023-05-03"' in svg
    bars = str(bar_chart([("<b>X</b>", 3, "/actors/X"), ("Y", 1, None)], title="b"))
    assert "<b>" not in bars and bars.count('<rect class="bar"') == 2
    assert 'class="empty"' in str(time_chart([], title="none"))
