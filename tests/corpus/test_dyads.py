"""Dyads and timelines: counts by QuadClass, Goldstein and tone per ordered pair and period."""

from __future__ import annotations

import datetime as dt

import pytest

from lagebild.corpus import update_corpus
from lagebild.corpus.dyads import dyads, root_counts, timeline
from lagebild.errors import UsageError
from lagebild.store import Store

from .helpers import analysis


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "d.duckdb") as s:
        s.add(analysis("a1", "Peking droht Washington.", published=dt.date(2023, 1, 2), tone=-0.5,
                       events=[("CHNGOV", "USA", "17"), ("CHN", "USAGOV", "11")]))
        s.add(analysis("a2", "Washington lobt Peking.", published=dt.date(2023, 1, 3), tone=0.5,
                       events=[("USA", "CHN", "05")]))
        s.add(analysis("a3", "Peking hilft Washington.", published=dt.date(2023, 2, 20), tone=0.1,
                       events=[("CHN", "USA", "06"), ("CHN", "IGOWSTNAT", "11")]))
        s.add(analysis("a4", "Berlin und Paris.", published=dt.date(2023, 2, 21),
                       events=[("DEU", "FRA", "04")]))
        update_corpus(s.con, stories=False)
        yield s


def test_dyads_groups_sectors_under_their_country(store):
    rows = {(r["source"], r["target"]): r for r in dyads(store.con, actor="CHN")}
    assert set(rows) == {("CHN", "USA"), ("USA", "CHN"), ("CHN", "IGOWSTNAT")}
    chn_usa = rows[("CHN", "USA")]
    assert chn_usa["events"] == 3
    assert (chn_usa["verbal_conflict"], chn_usa["material_conflict"],
            chn_usa["material_coop"]) == (1, 1, 1)
    assert chn_usa["goldstein_sum"] == pytest.approx(-3.0)
    assert chn_usa["goldstein_mean"] == pytest.approx(-1.0)


def test_dyads_by_code_keeps_full_codes(store):
    pairs = {(r["source"], r["target"]) for r in dyads(store.con, actor="USAGOV", by="code")}
    assert pairs == {("CHN", "USAGOV")}


def test_dyads_period_filter(store):
    rows = dyads(store.con, since=dt.date(2023, 2, 1))
    assert {(r["source"], r["target"]) for r in rows} == {
        ("CHN", "USA"), ("CHN", "IGOWSTNAT"), ("DEU", "FRA")}


def test_timeline_counts_both_directions_by_month(store):
    rows = timeline(store.con, "CHN", "USA", by="month")
    assert [(r["period"], r["events"], r["from_a"]) for r in rows] == [
        (dt.date(2023, 1, 1), 3, 2), (dt.date(2023, 2, 1), 1, 1)]
    january = rows[0]
    assert january["tone"] == pytest.approx((-0.5 - 0.5 + 0.5) / 3, abs=1e-3)
    assert january["goldstein_sum"] == pytest.approx(-7.0 - 2.0 + 3.5)


def test_timeline_by_week_and_day(store):
    weeks = timeline(store.con, "USA", "CHN", by="week")
    assert [r["period"] for r in weeks] == [dt.date(2023, 1, 2), dt.date(2023, 2, 20)]
    days = timeline(store.con, "USA", "CHN", by="day", until=dt.date(2023, 1, 2))
    assert [(r["period"], r["events"]) for r in days] == [(dt.date(2023, 1, 2), 2)]


def test_timeline_refuses_unknown_period(store):
    with pytest.raises(UsageError):
        timeline(store.con, "CHN", "USA", by="year")


def test_root_counts_per_direction(store):
    rows = root_counts(store.con, "CHN", "USA")
    assert {r["root"]: r["events"] for r in rows} == {"17": 1, "11": 1, "06": 1}
