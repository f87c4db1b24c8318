"""A pytest plugin that fails the run if a test writes outside its temporary folders.

An audit hook (:func:`sys.addaudithook`) sees every ``open`` for writing and every
rename, removal, folder creation, link, truncation and change of mode, owner or
times, in this process. Once the session starts, one whose path is outside the
allowed places is refused *before it happens* (the hook raises
:class:`OutsideWrite`), recorded, reported against the test that tried it, and
makes the run fail even if the test swallowed the exception. At the end of the
session ``/dev/null`` must still be a character device.

Allowed: pytest's temporary folders (``tmp_path``), folders and files that
:mod:`tempfile` creates new in the system's temporary folder, the build caches
(``.pytest_cache``, ``.hypothesis``, ``__pycache__``), and writing *into*
``/dev/null`` (never replacing it).

Not covered: subprocesses a test starts (the hook lives in this process only; the
CLI tests therefore call :func:`peelkit.cli.main` in-process), and ``os.mknod`` /
``os.mkfifo``, which raise no audit event.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest

__all__ = ["OutsideWrite", "check_character_device", "pytest_sessionfinish", "sandbox"]

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
_CACHES = (".pytest_cache", ".hypothesis", "__pycache__")


class OutsideWrite(RuntimeError):
    """A test tried to change something outside its temporary folders."""


class _State:
    active = False
    roots: ClassVar[list[str]] = []
    temporary = os.path.realpath(tempfile.gettempdir())
    violations: ClassVar[list[str]] = []


def _resolve(path: object, dir_fd: object, *, follow: bool) -> str | None:
    if isinstance(path, int) or path is None:
        return None  # an open file descriptor: where it points was checked when opened
    name = os.fsdecode(path)  # type: ignore[arg-type]
    if not os.path.isabs(name) and isinstance(dir_fd, int):
        name = os.path.join(os.readlink(f"/proc/self/fd/{dir_fd}"), name)
    name = os.path.abspath(name)
    if follow:
        return os.path.realpath(name)
    return os.path.join(os.path.realpath(os.path.dirname(name)), os.path.basename(name))


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _allowed(path: str, *, new: bool) -> bool:
    if any(_inside(path, root) for root in _State.roots):
        return True
    if any(part in _CACHES for part in Path(path).parts):
        return True
    if new and os.path.dirname(path) == _State.temporary:
        _State.roots.append(path)  # tempfile's new folder or file, which the test owns
        return True
    return False


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if not _State.active:
        return
    targets: list[tuple[str | None, bool]] = []  # (path, created new)
    if event == "open":
        path, mode, flags = args
        writes = (
            (flags & _WRITE_FLAGS)
            if isinstance(flags, int)
            else any(c in (mode or "") for c in "wax+")
        )
        if not writes:
            return
        resolved = _resolve(path, None, follow=True)
        if resolved == os.path.realpath(os.devnull) and not (flags or 0) & os.O_CREAT:
            return  # writing into /dev/null is harmless; replacing it is not
        new = isinstance(flags, int) and flags & (os.O_CREAT | os.O_EXCL) == os.O_CREAT | os.O_EXCL
        targets.append((resolved, bool(new)))
    elif event in ("os.rename", "os.link"):
        targets.append((_resolve(args[1], args[3], follow=False), False))
        if event == "os.rename":
            targets.append((_resolve(args[0], args[2], follow=False), False))
    elif event == "os.symlink":
        targets.append((_resolve(args[1], args[2], follow=False), False))
    elif event in ("os.remove", "os.rmdir", "shutil.rmtree"):
        targets.append((_resolve(args[0], args[1], follow=False), False))
    elif event == "os.mkdir":
        folder = _resolve(args[0], args[2], follow=False)
        if folder is not None and os.path.isdir(folder):
            return  # ``mkdir(parents=True, exist_ok=True)`` walking an existing folder
        targets.append((folder, True))
    elif event in ("os.chmod", "os.chown", "os.utime", "os.chflags", "os.lchmod", "os.lchown"):
        targets.append((_resolve(args[0], args[-1] if len(args) > 2 else None, follow=True), False))
    elif event in ("os.truncate", "os.setxattr", "os.removexattr"):
        targets.append((_resolve(args[0], None, follow=True), False))
    for path, new in targets:
        if path is not None and not _allowed(path, new=new):
            message = f"{event} of {path!r}, outside the test's temporary folders"
            _State.violations.append(message)
            raise OutsideWrite(message)


sys.addaudithook(_audit)


def check_character_device(path: str) -> str | None:
    """What is wrong with ``path``, which must be a character device, or ``None``."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        return f"{path} is gone: {error.strerror}"
    return None if stat.S_ISCHR(mode) else f"{path} is no longer a character device"


@pytest.fixture(scope="session", autouse=True)
def _sandbox_session(tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config) -> None:
    base = os.path.realpath(tmp_path_factory.getbasetemp())
    rootdir = os.path.realpath(pytestconfig.rootpath)
    _State.roots = [base, *(os.path.join(rootdir, cache) for cache in _CACHES[:2])]
    _State.active = True


@pytest.fixture(autouse=True)
def sandbox(_sandbox_session: None) -> Iterator[None]:
    """Fail the test that wrote outside its temporary folders (each test has this)."""
    before = len(_State.violations)
    yield
    if len(_State.violations) > before:
        pytest.fail(
            "wrote outside its temporary folders:\n  " + "\n  ".join(_State.violations[before:])
        )


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Stand the guard down before pytest's own end-of-run housekeeping (its cache
    folder, the clean-up of old temporary folders), then report what it saw."""
    _State.active = False
    problems = list(_State.violations)
    damaged = check_character_device(os.devnull)
    if damaged:
        problems.append(damaged)
    if problems:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line("sandbox: the run changed things outside its temporary folders:")
            for problem in problems:
                reporter.write_line(f"  {problem}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
