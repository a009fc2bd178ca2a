"""Walking inputs: folders, archives, standard input, size limits and unreadable entries."""

from __future__ import annotations

import io
import os
import sys
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from lagebild.errors import UsageError
from lagebild.ingest import IngestOptions, InputFailure, RawDocument, iter_documents

ARTICLE = (
    "Regierung beschließt neue Sanktionen\n\n"
    "Die Bundesregierung hat am Montag weitere Sanktionen gegen mehrere Unternehmen beschlossen. "
    "Das teilte ein Sprecher des Wirtschaftsministeriums in Berlin mit.\n"
)


def _write(path: Path, text: str = ARTICLE) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _sources(items: list[RawDocument | InputFailure]) -> list[str]:
    return [item.source for item in items]


def _failures(items: list[RawDocument | InputFailure]) -> list[InputFailure]:
    return [item for item in items if isinstance(item, InputFailure)]


def test_paths_walks_directory_recursively_in_sorted_order_skipping_hidden(tmp_path: Path) -> None:
    _write(tmp_path / "b.txt")
    _write(tmp_path / "a" / "z.md")
    _write(tmp_path / "a" / "c.txt")
    _write(tmp_path / ".hidden.txt")
    _write(tmp_path / ".git" / "notes.txt")

    items = list(iter_documents([tmp_path]))

    assert _sources(items) == [
        str(tmp_path / "a" / "c.txt"),
        str(tmp_path / "a" / "z.md"),
        str(tmp_path / "b.txt"),
    ]
    assert all(isinstance(item, RawDocument) for item in items)


def test_paths_reports_nonexistent_path_and_goes_on(tmp_path: Path) -> None:
    good = _write(tmp_path / "gut.txt")
    missing = tmp_path / "fehlt.txt"

    items = list(iter_documents([missing, good]))

    assert isinstance(items[0], InputFailure)
    assert items[0].code == "E001"
    assert str(missing) in items[0].reason
    assert isinstance(items[1], RawDocument)


def test_paths_accepts_a_single_path_string(tmp_path: Path) -> None:
    path = _write(tmp_path / "eins.txt")

    items = list(iter_documents(str(path)))

    assert _sources(items) == [str(path)]


def test_paths_reads_zip_members_in_archive_order_named_after_the_archive(tmp_path: Path) -> None:
    archive = tmp_path / "korpus.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("texte/zweiter.txt", ARTICLE)
        zf.writestr(
            "texte/erster.md", "# Gipfel in Brüssel\n\nDie Staats- und Regierungschefs trafen sich."
        )
        zf.writestr("texte/", "")
        zf.writestr("__MACOSX/texte/._erster.md", b"\x00\x05\x16\x07")
        zf.writestr(".DS_Store", b"\x00\x00\x00\x01Bud1")

    items = list(iter_documents([archive]))

    assert _sources(items) == [f"{archive}!texte/zweiter.txt", f"{archive}!texte/erster.md"]
    assert items[1].title == "Gipfel in Brüssel"


def test_paths_reports_broken_zip_member_and_reads_the_others(tmp_path: Path) -> None:
    archive = tmp_path / "kaputt.zip"
    broken_text = "Dieser Text wird beschädigt. " * 20
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_STORED) as zf:
        zf.writestr("a.txt", ARTICLE)
        zf.writestr("b.txt", broken_text)
        zf.writestr("c.txt", ARTICLE)
    raw = bytearray(archive.read_bytes())
    start = raw.index(broken_text.encode())
    raw[start : start + 10] = b"XXXXXXXXXX"  # the stored CRC no longer matches
    archive.write_bytes(bytes(raw))

    items = list(iter_documents([archive]))

    assert _sources(items) == [f"{archive}!a.txt", f"{archive}!b.txt", f"{archive}!c.txt"]
    failure = items[1]
    assert isinstance(failure, InputFailure)
    assert failure.code == "E002"
    assert "b.txt" in failure.reason
    assert isinstance(items[0], RawDocument) and isinstance(items[2], RawDocument)


def test_paths_reports_zip_file_that_is_not_an_archive(tmp_path: Path) -> None:
    fake = tmp_path / "fake.zip"
    fake.write_text("kein Archiv", encoding="utf-8")

    (failure,) = iter_documents([fake])

    assert isinstance(failure, InputFailure)
    assert failure.code == "E006"
    assert "zip archive" in failure.reason


def test_paths_reads_zip_inside_zip(tmp_path: Path) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("innen.txt", ARTICLE)
    archive = tmp_path / "aussen.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("teil.zip", inner.getvalue())

    items = list(iter_documents([archive]))

    assert _sources(items) == [f"{archive}!teil.zip!innen.txt"]


def test_paths_refuses_zip_member_larger_than_limit(tmp_path: Path) -> None:
    archive = tmp_path / "gross.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("gross.txt", "a" * 5000)
        zf.writestr("klein.txt", ARTICLE)

    items = list(iter_documents([archive], options=IngestOptions(max_bytes=1000)))

    assert isinstance(items[0], InputFailure) and items[0].code == "E007"
    assert isinstance(items[1], RawDocument)


def test_paths_reads_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8"))))

    (doc,) = iter_documents(["-"])

    assert isinstance(doc, RawDocument)
    assert doc.source == "<stdin>"
    assert doc.text == ARTICLE
    assert doc.title == "Regierung beschließt neue Sanktionen"


def test_paths_reads_stdin_sniffing_its_format(monkeypatch: pytest.MonkeyPatch) -> None:
    line = '{"text": "Die Außenministerin reist nach Kiew.", "title": "Reise nach Kiew"}\n'
    monkeypatch.setattr(sys, "stdin", io.StringIO(line * 2))  # no .buffer underneath

    items = list(iter_documents(["-"]))

    assert [d.title for d in items] == ["Reise nach Kiew", "Reise nach Kiew"]
    assert _sources(items) == ["<stdin>:1", "<stdin>:2"]


class _EndlessStream(io.RawIOBase):
    """A stream of 50 MB of text that counts how many bytes were taken from it."""

    def __init__(self, size: int) -> None:
        self.remaining = size
        self.delivered = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        n = min(len(buffer), self.remaining)
        buffer[:n] = b"a" * n
        self.remaining -= n
        self.delivered += n
        return n


def test_paths_refuses_large_stdin_after_reading_one_byte_past_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    raw = _EndlessStream(50 * 1024 * 1024)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(raw))
    limit = 1000

    (failure,) = iter_documents(["-"], options=IngestOptions(max_bytes=limit))

    assert isinstance(failure, InputFailure) and failure.code == "E007"
    assert "<stdin>" in failure.reason
    # TextIOWrapper buffers in chunks of 8 KiB; far below the 50 MB on offer
    assert raw.delivered <= limit + 1 + io.DEFAULT_BUFFER_SIZE


def test_paths_refuses_50_mb_file_fast_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "riesig.txt"
    with big.open("wb") as fh:
        chunk = ARTICLE.encode("utf-8") * 1000
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(chunk)
    size = big.stat().st_size

    tracemalloc.start()
    try:
        (failure,) = iter_documents([big])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert isinstance(failure, InputFailure)
    assert failure.code == "E007"
    assert str(size) in failure.reason
    assert peak < 1024 * 1024  # the 50 MB never entered memory


def test_paths_bounds_the_read_when_the_size_on_disk_is_not_known(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path / "wachsend.txt", "x" * 5000)
    real_stat = Path.stat

    def stat_reporting_zero(self: Path, **kwargs: object) -> os.stat_result:
        result = real_stat(self, **kwargs)
        if self == path:  # like a pipe or a file still being written
            values = list(result)
            values[6] = 0
            return os.stat_result(values)
        return result

    monkeypatch.setattr(Path, "stat", stat_reporting_zero)

    (failure,) = iter_documents([path], options=IngestOptions(max_bytes=1000))

    assert isinstance(failure, InputFailure) and failure.code == "E007"


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="file permissions do not restrict root"
)
def test_paths_reports_unreadable_entries_with_real_permissions(tmp_path: Path) -> None:
    locked_file = _write(tmp_path / "a_gesperrt.txt")
    locked_dir = tmp_path / "b_gesperrt"
    _write(locked_dir / "innen.txt")
    _write(tmp_path / "c_offen.txt")
    locked_file.chmod(0)
    locked_dir.chmod(0)
    try:
        items = list(iter_documents([tmp_path]))
    finally:
        locked_file.chmod(0o644)
        locked_dir.chmod(0o755)

    assert [item.code for item in _failures(items)] == ["E002", "E002"]
    assert isinstance(items[-1], RawDocument)


def test_paths_reports_permission_denied_entries_and_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked_file = _write(tmp_path / "a_gesperrt.txt")
    locked_dir = tmp_path / "b_gesperrt"
    _write(locked_dir / "innen.txt")
    _write(tmp_path / "c_offen.txt")
    real_open, real_scandir = Path.open, os.scandir

    def guarded_open(self: Path, *args: object, **kwargs: object):
        if self == locked_file:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    def guarded_scandir(path: object):
        if Path(path) == locked_dir:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(Path, "open", guarded_open)
    monkeypatch.setattr(os, "scandir", guarded_scandir)

    items = list(iter_documents([tmp_path]))

    assert _sources(items) == [str(locked_file), str(locked_dir), str(tmp_path / "c_offen.txt")]
    failures = _failures(items)
    assert [f.code for f in failures] == ["E002", "E002"]
    assert all("Permission denied" in f.reason for f in failures)
    assert isinstance(items[2], RawDocument)


@pytest.mark.skipif(os.name != "posix", reason="needs symbolic links")
def test_paths_does_not_loop_on_a_symlink_cycle(tmp_path: Path) -> None:
    _write(tmp_path / "sub" / "text.txt")
    (tmp_path / "sub" / "zurueck").symlink_to(tmp_path, target_is_directory=True)

    items = list(iter_documents([tmp_path]))

    assert _sources(items) == [str(tmp_path / "sub" / "text.txt")]


def test_paths_names_unknown_binary_format_without_extension(tmp_path: Path) -> None:
    pdf = tmp_path / "bericht"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    blob = tmp_path / "daten.bin"
    blob.write_bytes(bytes(range(256)) * 4)

    items = list(iter_documents([pdf, blob]))

    assert [item.code for item in items] == ["E008", "E008"]
    assert "known:" in items[0].reason


def test_options_reject_bad_values() -> None:
    with pytest.raises(UsageError):
        IngestOptions(max_bytes=0)
    with pytest.raises(UsageError):
        IngestOptions(json_fields={"inhalt": "body"})
