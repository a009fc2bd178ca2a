"""Outlet comparison of one story, and the timeline charts."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from lagebild.corpus import update_corpus
from lagebild.corpus.compare import compare_story, render_comparison
from lagebild.corpus.plot import timeline_html, timeline_svg, write_timeline
from lagebild.corpus.similarity import CharGramVectorizer
from lagebild.errors import UsageError
from lagebild.store import Store

from .helpers import analysis

TEXT = ("Der Kreml hat neue Sanktionen der Europäischen Union scharf verurteilt und mit "
        "Gegenmaßnahmen gedroht. Die Maßnahmen betreffen Banken und Energieunternehmen.")


def test_compare_story_lists_each_outlet_side_by_side(tmp_path):
    with Store(tmp_path / "c.duckdb") as store:
        store.add(analysis("a1", TEXT, outlet="Staatssender", tone=-0.4, quotes=["RUSGOV"],
                           events=[("RUSGOV", "IGOEU", "11")],
                           removed=[("social_promo", "Folgen Sie uns auf Telegram")]))
        store.add(analysis("a2", "Eilmeldung: " + TEXT, outlet="Nachrichtenportal", tone=0.1,
                           quotes=["IGOEU"]))
        update_corpus(store.con, vectorizer=CharGramVectorizer())
        result = compare_story(store.con, "a2")
    assert result is not None and len(result["articles"]) == 2
    by_outlet = {a["outlet"]: a for a in result["articles"]}
    assert by_outlet["Staatssender"]["speakers"] == ["RUSGOV"]
    assert by_outlet["Staatssender"]["events"] == ["110 RUSGOV→IGOEU"]
    assert by_outlet["Staatssender"]["removed"][0]["reason"] == "social_promo"
    assert by_outlet["Nachrichtenportal"]["tone"] == pytest.approx(0.1)
    text = render_comparison(result)
    assert "Staatssender" in text and "Nachrichtenportal" in text and "social_promo" in text


def test_compare_story_unknown_id_is_none(tmp_path):
    with Store(tmp_path / "c.duckdb") as store:
        assert compare_story(store.con, "nope") is None


ROWS = [
    {"period": dt.date(2023, 1, 1), "events": 3, "verbal_coop": 1, "material_coop": 0,
     "verbal_conflict": 1, "material_conflict": 1, "goldstein_sum": -5.5,
     "goldstein_mean": -1.8, "tone": -0.1, "from_a": 2},
    {"period": dt.date(2023, 2, 1), "events": 1, "verbal_coop": 0, "material_coop": 1,
     "verbal_conflict": 0, "material_conflict": 0, "goldstein_sum": 6.0,
     "goldstein_mean": 6.0, "tone": 0.1, "from_a": 1},
]


def test_plot_svg_is_well_formed_with_one_bar_per_class(tmp_path):
    root = ET.fromstring(timeline_svg(ROWS, title="CHN ↔ USA"))
    rects = root.findall("{http://www.w3.org/2000/svg}rect")
    assert len(rects) == 3  # Jan: cooperation + conflict, Feb: cooperation
    assert "<table>" in timeline_html(ROWS, title="t")
    assert write_timeline(ROWS, tmp_path / "t.svg", title="t").read_text().startswith("<svg")


def test_plot_refuses_unknown_suffix(tmp_path):
    with pytest.raises(UsageError):
        write_timeline(ROWS, tmp_path / "t.pdf", title="t")
