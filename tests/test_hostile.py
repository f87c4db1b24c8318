"""Hostile input: whatever arrives, the outcome is a PeelkitError (or, on the command
line, one clear line on stderr and a non-zero exit), never a traceback, and never a
partly written file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import peelkit
from peelkit import _io
from peelkit.cli import main

KENT_JSON = peelkit.to_json(peelkit.datasets.kent_2018_effectiveness())

# name -> bytes of a file that is not a good document
HOSTILE_FILES: dict[str, bytes] = {
    "truncated JSON": KENT_JSON[: len(KENT_JSON) // 2].encode(),
    "wrong encoding": KENT_JSON.replace("Kent", "Kënt").encode("utf-16"),
    "latin-1 JSON": KENT_JSON.replace("Kent", "Kënt").encode("latin-1", errors="replace"),
    "deeply nested JSON": b"{" + b'"a": {' * 50_000 + b"}" * 50_001,
    "JSON of the wrong shape": b'{"format": "peelkit/1", "assessments": {"a": 1}}',
    "a newer format": b'{"format": "peelkit/9"}',
}


@pytest.fixture
def hostile(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    path = tmp_path / "document.json"
    path.write_bytes(HOSTILE_FILES[request.param])
    return path


@pytest.mark.parametrize("hostile", list(HOSTILE_FILES), indirect=True)
def test_loading_a_hostile_file_raises_a_peelkit_error(hostile: Path) -> None:
    with pytest.raises(peelkit.PeelkitError) as caught:
        peelkit.load(hostile)
    assert str(hostile) in str(caught.value)


@pytest.mark.parametrize("hostile", list(HOSTILE_FILES), indirect=True)
def test_show_reports_a_hostile_file_in_one_line(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", str(hostile)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"peelkit: {hostile}")
    assert "Traceback" not in captured.err


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "missing.json", "No such file or directory"),
        (lambda tmp: tmp, "Is a directory"),
    ],
)
def test_show_reports_an_unreadable_path(
    tmp_path: Path, make: object, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    assert main(["show", str(path)]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_load_of_a_missing_file_is_an_os_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError) as caught:
        peelkit.load(tmp_path / "missing.json")
    assert caught.value.filename == str(tmp_path / "missing.json")


class TestAtomicWrite:
    def test_writes_the_whole_text(self, tmp_path: Path) -> None:
        target = tmp_path / "out.json"
        _io.write_atomic(target, KENT_JSON)
        assert target.read_text("utf-8") == KENT_JSON

    def test_an_interrupted_write_leaves_the_old_file_and_no_litter(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        target = tmp_path / "out.json"
        target.write_text("old", "utf-8")

        def interrupted(fd: int) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(os, "fsync", interrupted)
        with pytest.raises(KeyboardInterrupt):
            _io.write_atomic(target, KENT_JSON)
        assert target.read_text("utf-8") == "old"
        assert [p.name for p in tmp_path.iterdir()] == ["out.json"]

    def test_a_failed_write_of_a_new_file_leaves_nothing(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def failing(source: str, target: str) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "replace", failing)
        with pytest.raises(OSError, match="No space left"):
            _io.write_atomic(tmp_path / "new.json", KENT_JSON)
        assert list(tmp_path.iterdir()) == []
