"""`lagebild serve`: the command, its defaults and its refusal of a missing store."""

from __future__ import annotations

import pytest

from lagebild.cli import build_parser, main

pytest.importorskip("fastapi", reason="the web extra is not installed")


def test_serve_binds_to_loopback_by_default():
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port) == ("127.0.0.1", 8000)


def test_serve_runs_uvicorn_on_the_app(monkeypatch, tmp_path):
    import uvicorn

    from lagebild.store import Store

    db = tmp_path / "s.duckdb"
    Store(db).close()
    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    assert main(["serve", "--db", str(db), "--port", "8123", "--workers", "1"]) == 0
    (app, kwargs), = calls
    app.state.lagebild.close()  # uvicorn would close it at shutdown
    assert kwargs == {"host": "127.0.0.1", "port": 8123, "log_level": "info"}
    assert app.state.lagebild.limits.allowed_hosts  # loopback: Host header is checked


def test_serve_with_workers_passes_its_options_to_each_worker(monkeypatch, tmp_path):
    import uvicorn

    from lagebild.store import Store
    from lagebild.web.app import SERVE_ENV, app_from_environment

    db = tmp_path / "s.duckdb"
    Store(db).close()
    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    monkeypatch.setenv(SERVE_ENV, "")  # restored (removed) after the test
    assert main(["serve", "--db", str(db), "--workers", "3", "--cache-entries", "7",
                 "--stages", "segment,actors", "--log-level", "warning"]) == 0
    (target, kwargs), = calls
    assert kwargs == {"factory": True, "host": "127.0.0.1", "port": 8000, "workers": 3,
                      "log_level": "warning"}
    module, name = target.split(":")
    assert getattr(__import__(module, fromlist=[name]), name) is app_from_environment
    app = app_from_environment()  # what each worker process builds
    state = app.state.lagebild
    state.close()
    assert state.db == db.resolve() and state.store.read_only
    assert state.settings.stages == "segment,actors"
    assert state.limits.cache_entries == 7 and state.limits.allowed_hosts


def test_serve_refuses_bad_worker_counts(tmp_path, capsys):
    from lagebild.store import Store

    db = tmp_path / "s.duckdb"
    Store(db).close()
    assert main(["serve", "--db", str(db), "--workers", "0"]) == 2
    assert "--workers" in capsys.readouterr().err


def test_serve_refuses_a_missing_store(tmp_path, capsys):
    assert main(["serve", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "does not exist" in capsys.readouterr().err
