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
    assert main(["serve", "--db", str(db), "--port", "8123"]) == 0
    (app, kwargs), = calls
    app.state.lagebild.close()  # uvicorn would close it at shutdown
    assert kwargs == {"host": "127.0.0.1", "port": 8123}
    assert app.state.lagebild.limits.allowed_hosts  # loopback: Host header is checked


def test_serve_refuses_a_missing_store(tmp_path, capsys):
    assert main(["serve", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "does not exist" in capsys.readouterr().err
