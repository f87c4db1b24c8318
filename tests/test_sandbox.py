"""The sandbox guard itself: a test that writes outside its temporary folders fails the run,
and the write is refused before anything happens.

Each case runs a small test file in a separate pytest (a subprocess, so the guard
under test is a fresh one) whose temporary folders are ``inner-base``; the "outside"
place it tries is another folder of *this* test's ``tmp_path``, so even a broken
guard damages nothing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from _sandbox import check_character_device

HERE = Path(__file__).parent


def _run(tmp_path: Path, body: str, *, cache: bool = False) -> subprocess.CompletedProcess[str]:
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pytest.ini").write_text("[pytest]\n", "utf-8")
    (inner / "test_case.py").write_text(
        f"import os, shutil\nOUTSIDE = {str(tmp_path / 'outside')!r}\n"
        "VICTIM = os.path.join(OUTSIDE, 'victim.txt')\n\n"
        f"def test_case(tmp_path):\n" + "".join(f"    {line}\n" for line in body.splitlines()),
        "utf-8",
    )
    environment = {**os.environ, "PYTHONPATH": str(HERE), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "_sandbox",
            *(() if cache else ("-p", "no:cacheprovider")),
            "--basetemp",
            str(tmp_path / "inner-base"),
            "--rootdir",
            str(inner),
            str(inner),
        ],
        cwd=inner,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "victim.txt").write_text("precious", "utf-8")
    (folder / "victim.txt").chmod(0o644)
    return folder


def test_pytests_own_housekeeping_on_a_fresh_checkout_passes(tmp_path: Path) -> None:
    # A fresh clone has no .pytest_cache: pytest makes it (and tidies old temporary
    # folders) after the last test, which is not the tests writing outside.
    result = _run(tmp_path, "assert True", cache=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "inner" / ".pytest_cache").is_dir()


def test_writes_inside_tmp_path_pass(tmp_path: Path) -> None:
    result = _run(
        tmp_path,
        "(tmp_path / 'x.csv').write_text('ok')\nos.replace(tmp_path / 'x.csv', tmp_path / 'y.csv')",
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "body",
    [
        "open(os.path.join(OUTSIDE, 'victim.txt'), 'w').write('damage')",
        "open(os.path.join(OUTSIDE, 'new.txt'), 'x').write('litter')",
        "(tmp_path / 'x').write_text('')\nos.replace(tmp_path / 'x', VICTIM)",
        "os.remove(os.path.join(OUTSIDE, 'victim.txt'))",
        "os.mkdir(os.path.join(OUTSIDE, 'made'))",
        "os.chmod(os.path.join(OUTSIDE, 'victim.txt'), 0o600)",
        "(tmp_path / 'link').symlink_to(VICTIM)\nopen(tmp_path / 'link', 'a').write('via a link')",
        "try:\n    open(os.path.join(OUTSIDE, 'victim.txt'), 'w')\nexcept BaseException:\n    pass",
        "shutil.rmtree(OUTSIDE)",
    ],
    ids=[
        "overwrite",
        "create",
        "replace",
        "remove",
        "mkdir",
        "chmod",
        "via-link",
        "swallowed",
        "rmtree",
    ],
)
def test_a_write_outside_fails_the_run_and_is_refused(
    tmp_path: Path, outside: Path, body: str
) -> None:
    result = _run(tmp_path, body)
    assert result.returncode != 0
    assert "outside the test's temporary folders" in result.stdout
    assert sorted(p.name for p in outside.iterdir()) == ["victim.txt"]
    assert (outside / "victim.txt").read_text("utf-8") == "precious"
    assert (outside / "victim.txt").stat().st_mode & 0o777 != 0o600


def test_the_end_check_knows_a_character_device_from_a_file(tmp_path: Path) -> None:
    assert check_character_device(os.devnull) is None  # only looks: os.stat
    (tmp_path / "null").write_text("", "utf-8")
    assert check_character_device(str(tmp_path / "null")) == (
        f"{tmp_path / 'null'} is no longer a character device"
    )
    assert "is gone" in (check_character_device(str(tmp_path / "missing")) or "")
