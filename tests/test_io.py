"""The one file writer and the one file reader: what they do with every kind of path.

Everything happens inside ``tmp_path``; a device node is made there (root only).
"""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import peelkit
from peelkit import _io
from peelkit.cli import main

TEXT = "force,grade\r\nKent,good\r\n"


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def device(tmp_path: Path) -> Path:
    """A character device like /dev/null (1, 3), made inside tmp_path."""
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    path = tmp_path / "null"
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    return path


class TestWrite:
    def test_a_new_file_gets_the_umask_default(self, tmp_path: Path, umask: None) -> None:
        _io.write_text(tmp_path / "new.csv", TEXT)
        assert (tmp_path / "new.csv").read_bytes().decode() == TEXT
        assert _mode(tmp_path / "new.csv") == 0o644
        os.umask(0o077)
        _io.write_text(tmp_path / "private.csv", TEXT)
        assert _mode(tmp_path / "private.csv") == 0o600

    @pytest.mark.parametrize("mode", [0o644, 0o600, 0o664, 0o755])
    def test_an_existing_file_keeps_its_permission_bits(
        self, tmp_path: Path, umask: None, mode: int
    ) -> None:
        target = tmp_path / "old.csv"
        target.write_text("old", "utf-8")
        target.chmod(mode)
        before = target.stat().st_ino
        _io.write_text(target, TEXT)
        assert target.read_bytes().decode() == TEXT
        assert _mode(target) == mode
        assert target.stat().st_ino != before, "replaced, not written into"

    def test_an_existing_file_keeps_its_owner_where_root(self, tmp_path: Path) -> None:
        if os.geteuid() != 0:
            pytest.skip("changing a file's owner needs root")
        target = tmp_path / "owned.csv"
        target.write_text("old", "utf-8")
        os.chown(target, 12345, 23456)
        _io.write_text(target, TEXT)
        assert (target.stat().st_uid, target.stat().st_gid) == (12345, 23456)

    def test_the_longest_legal_name_works(self, tmp_path: Path) -> None:
        target = tmp_path / ("a" * 251 + ".csv")
        assert len(os.fsencode(target.name)) == 255
        _io.write_text(target, TEXT)
        assert target.read_bytes().decode() == TEXT
        assert _names(tmp_path) == [target.name]

    def test_a_symlink_is_followed_and_kept(self, tmp_path: Path) -> None:
        real = tmp_path / "real.csv"
        real.write_text("old", "utf-8")
        link = tmp_path / "link.csv"
        link.symlink_to(real)
        _io.write_text(link, TEXT)
        assert link.is_symlink()
        assert real.read_bytes().decode() == TEXT

    def test_a_dangling_symlink_creates_its_target(self, tmp_path: Path) -> None:
        link = tmp_path / "link.csv"
        link.symlink_to(tmp_path / "target.csv")
        _io.write_text(link, TEXT)
        assert link.is_symlink()
        assert (tmp_path / "target.csv").read_bytes().decode() == TEXT

    def test_a_device_is_written_into_not_replaced(self, device: Path) -> None:
        _io.write_text(device, TEXT)
        assert stat.S_ISCHR(device.stat().st_mode)
        assert _names(device.parent) == ["null"]

    def test_a_fifo_is_written_into_not_replaced(self, tmp_path: Path) -> None:
        fifo = tmp_path / "fifo"
        os.mkfifo(fifo)
        received: list[bytes] = []
        reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
        reader.start()
        _io.write_text(fifo, TEXT)
        reader.join()
        assert received == [TEXT.encode()]
        assert stat.S_ISFIFO(fifo.stat().st_mode)
        assert _names(tmp_path) == ["fifo"]

    def test_a_missing_folder_is_named(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(tmp_path)
        with pytest.raises(peelkit.FileError) as caught:
            _io.write_text(os.path.join("out", "x.csv"), TEXT)
        assert str(caught.value) == "cannot write 'out/x.csv': folder 'out' does not exist"
        assert isinstance(caught.value, OSError)
        assert caught.value.filename == "out/x.csv"

    def test_a_folder_is_refused(self, tmp_path: Path) -> None:
        with pytest.raises(peelkit.FileError, match="is a folder, not a file"):
            _io.write_text(tmp_path, TEXT)

    def test_a_file_in_place_of_a_folder_is_named(self, tmp_path: Path) -> None:
        (tmp_path / "plain").write_text("x", "utf-8")
        with pytest.raises(peelkit.FileError, match="is not a folder"):
            _io.write_text(tmp_path / "plain" / "x.csv", TEXT)

    def test_a_failure_names_the_users_path_not_the_temporary_one(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def full(descriptor: int, data: object) -> int:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "write", full)
        target = tmp_path / "out.csv"
        with pytest.raises(peelkit.FileError) as caught:
            _io.write_text(target, TEXT)
        assert str(caught.value) == f"cannot write {str(target)!r}: No space left on device"
        assert ".tmp" not in str(caught.value)
        assert _names(tmp_path) == []

    def test_an_interrupted_replacement_leaves_no_litter(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        target = tmp_path / "out.csv"
        target.write_text("old", "utf-8")

        def interrupted(source: str, destination: str) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(os, "replace", interrupted)
        with pytest.raises(KeyboardInterrupt):
            _io.write_text(target, TEXT)
        assert target.read_text("utf-8") == "old"
        assert _names(tmp_path) == ["out.csv"]

    def test_text_that_cannot_be_encoded_touches_nothing(self, tmp_path: Path) -> None:
        with pytest.raises(UnicodeEncodeError):
            _io.write_text(tmp_path / "out.csv", "\udc80")
        assert _names(tmp_path) == []

    def test_to_csv_uses_the_writer(self, tmp_path: Path, umask: None) -> None:
        target = tmp_path / "judgments.csv"
        target.write_text("old", "utf-8")
        target.chmod(0o640)
        peelkit.datasets.load_bundled().judgments(force="Kent").to_csv(target)
        assert target.read_text("utf-8").startswith("force,")
        assert _mode(target) == 0o640


@pytest.mark.parametrize(
    "command", [["summary"], ["export"], ["query", "judgments"], ["parse", "PAGE"]]
)
def test_every_output_option_takes_a_dash_for_stdout(
    command: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    page = str(Path(peelkit.datasets.__file__).parent / "kent-2018-effectiveness.txt")
    command = [page if part == "PAGE" else part for part in command]
    monkeypatch.chdir(tmp_path)
    assert main([*command, "-o", "-"]) == 0
    assert capsys.readouterr().out
    assert _names(tmp_path) == []


def test_a_missing_output_folder_is_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["summary", "-o", "out/x.csv"]) == 1
    assert capsys.readouterr().err == (
        "peelkit: cannot write 'out/x.csv': folder 'out' does not exist\n"
    )


class TestRead:
    def test_a_fifo_without_a_writer_is_refused_at_once(self, tmp_path: Path) -> None:
        fifo = tmp_path / "fifo"
        os.mkfifo(fifo)
        code = (
            "import sys, peelkit\n"
            "try:\n    peelkit.load(sys.argv[1])\n"
            "except peelkit.FileError as error:\n    print(error)\n"
        )
        # A subprocess, so that a regression hangs only it; the timeout is a safety net,
        # not a speed requirement.
        result = subprocess.run(
            [sys.executable, "-c", code, str(fifo)],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        assert (
            result.stdout
            == f"cannot read {str(fifo)!r}: is a FIFO (named pipe), not a regular file\n"
        )

    def test_a_device_is_refused(self, device: Path) -> None:
        with pytest.raises(peelkit.FileError, match="is a character device, not a regular file"):
            peelkit.load(device)

    def test_a_file_past_the_limit_is_refused(self, tmp_path: Path) -> None:
        path = tmp_path / "big.json"
        path.write_bytes(b"{" + b" " * 99)
        with pytest.raises(
            peelkit.FileError, match="it is 100 bytes; peelkit reads files of at most 99"
        ):
            _io.read_bytes(path, limit=99)
        assert _io.read_bytes(path, limit=100) == path.read_bytes()

    def test_the_limit_is_counted_not_taken_from_the_size(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = tmp_path / "growing.json"
        path.write_bytes(b"x" * 100)
        real_fstat = os.fstat

        class Shrunk:
            def __init__(self, status: os.stat_result) -> None:
                self.st_mode = status.st_mode
                self.st_size = 1

        monkeypatch.setattr(os, "fstat", lambda fd: Shrunk(real_fstat(fd)))
        with pytest.raises(
            peelkit.FileError, match="it is longer; peelkit reads files of at most 99"
        ):
            _io.read_bytes(path, limit=99)

    def test_a_dash_is_standard_input_bounded_the_same_way(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"y" * 10)))
        assert _io.read_bytes("-", limit=10) == b"y" * 10
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"y" * 11)))
        with pytest.raises(peelkit.FileError, match="cannot read '-': it is longer"):
            _io.read_bytes("-", limit=10)

    def test_a_document_on_standard_input_loads(self, monkeypatch: pytest.MonkeyPatch) -> None:
        kent = peelkit.datasets.kent_2018_effectiveness()
        stdin = io.TextIOWrapper(io.BytesIO(peelkit.to_json(kent).encode()))
        monkeypatch.setattr(sys, "stdin", stdin)
        assert list(peelkit.load("-")) == [kent]

    def test_a_folder_is_refused_as_before(self, tmp_path: Path) -> None:
        with pytest.raises(peelkit.FileError, match="is a folder, not a file"):
            peelkit.loading.read_bytes(tmp_path)

    def test_a_file_error_survives_pickling(self) -> None:
        import pickle

        error = peelkit.FileError("read", "x.json", "is a FIFO", errno=None)
        copy = pickle.loads(pickle.dumps(error))
        assert (str(copy), copy.filename) == (str(error), "x.json")
