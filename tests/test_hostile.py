"""Hostile input: whatever arrives, the outcome is a PeelkitError (or, on the command
line, one clear line on stderr and a non-zero exit), never a traceback, and never a
partly written file."""

from __future__ import annotations

import os
import stat
import threading
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
    assert captured.err.startswith(f"{hostile}")
    assert "Traceback" not in captured.err


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "missing.json", "No such file or directory"),
        (lambda tmp: tmp, "is a folder, not a file"),
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


# -- every command, every hostile file ------------------------------------------------

PAGE = (peelkit.datasets.__file__.rsplit("/", 1)[0] + "/kent-2018-effectiveness.txt",)
HOSTILE_INPUTS: dict[str, bytes] = {
    **HOSTILE_FILES,
    "empty file": b"",
    "binary garbage": bytes(range(256)) * 4,
    "a page cut off before its title": b"Skip to content\n\nEnglish Cymraeg\n",
    "a page of an unknown cycle": b"Kent PEEL 2020\nEffectiveness\n",
}
COMMANDS = {
    "parse": ["parse"],
    "validate": ["validate"],
    "summary": ["summary"],
    "query": ["query", "judgments"],
    "export": ["export"],
    "show": ["show"],
}


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("name", list(HOSTILE_INPUTS))
def test_every_command_reports_a_hostile_file_without_a_traceback(
    command: str, name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    suffix = ".json" if name in HOSTILE_FILES else ".txt"
    path = tmp_path / f"input{suffix}"
    path.write_bytes(HOSTILE_INPUTS[name])
    status = main([*COMMANDS[command], str(path)])
    captured = capsys.readouterr()
    assert status != 0
    assert "Traceback" not in captured.err
    assert captured.err.strip(), "an error must be said on stderr"
    assert str(path) in captured.err or str(path) in captured.out


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("kind", ["missing", "folder"])
def test_every_command_reports_an_unreadable_path(
    command: str, kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "missing.json" if kind == "missing" else tmp_path / "empty-folder"
    if kind == "folder":
        path.mkdir()
    status = main([*COMMANDS[command], str(path)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    if kind == "folder" and command != "show":
        # A folder is searched for .json and .txt files; an empty one holds none.
        assert status in (0, 1)
    else:
        assert status == 1
        assert len(captured.err.strip().splitlines()) == 1


@pytest.mark.parametrize("command", ["parse", "summary", "export"])
def test_no_output_file_is_left_behind_when_a_command_fails(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe not a page")
    out = tmp_path / "out.json"
    assert main([*COMMANDS[command], str(bad), "-o", str(out)]) == 1
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt"]


def test_an_interrupted_parse_output_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "kent.json"

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    assert main(["parse", *PAGE, "-o", str(out)]) == 130
    assert list(tmp_path.iterdir()) == []
    assert capsys.readouterr().err == "peelkit: interrupted\n"


def test_a_huge_page_is_refused_naming_the_limit() -> None:
    from peelkit.page.grammar import MAX_PAGE_CHARS

    text = "Kent PEEL 2018\nEffectiveness\n" + "The force is good. " * (MAX_PAGE_CHARS // 19 + 1)
    with pytest.raises(peelkit.ParseError, match="16,777,216"):
        peelkit.parse_report(text)


# -- files that are not regular files ---------------------------------------------------


def _special(kind: str, tmp_path: Path) -> Path:
    """A FIFO with no writer, or (as root) a character device like /dev/zero, in tmp_path."""
    path = tmp_path / kind
    if kind == "fifo":
        os.mkfifo(path)
    else:
        if os.geteuid() != 0:
            pytest.skip("making a device node needs root")
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 5))  # /dev/zero's numbers
    return path


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize(("kind", "word"), [("fifo", "FIFO"), ("device", "character device")])
def test_every_command_refuses_a_fifo_or_device_at_once(
    command: str, kind: str, word: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _special(kind, tmp_path)
    statuses: list[int] = []
    # In a thread so that a regression (a read that blocks) fails this test instead of
    # hanging the suite; the join's timeout is a safety net, not a speed requirement.
    runner = threading.Thread(target=lambda: statuses.append(main([*COMMANDS[command], str(path)])))
    runner.daemon = True
    runner.start()
    runner.join(timeout=120)
    assert statuses == [1], "the command blocked on, or accepted, a non-regular file"
    err = capsys.readouterr().err
    assert str(path) in err
    assert word in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("command", ["summary", "export", "parse"])
def test_an_output_device_is_written_into_not_replaced(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    arguments = [*COMMANDS[command], *(PAGE if command == "parse" else ()), "-o", str(null)]
    assert main(arguments) == 0
    assert stat.S_ISCHR(null.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]
