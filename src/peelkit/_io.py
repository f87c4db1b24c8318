"""Reading and writing files without harming them: the one reader and the one writer.

Writing (:func:`write_text`): a regular file, or a new one, is replaced in one
rename, so readers see the old content or the new, never half. The replacement
keeps the old file's permission bits (and, where the process may, its owner); a new
file gets what the umask gives any new file (``0o666 & ~umask``). A symbolic link
is followed and its target replaced, the link kept. Anything that is not a regular
file (a terminal, ``/dev/null``, a FIFO, ``/dev/stdout`` on a pipe) is written
straight into, never replaced.

Reading (:func:`read_bytes`): only regular files are read, at most ``limit`` bytes
(counted while reading, not trusted from the file's size), and a FIFO never blocks.
``-`` means standard input, bounded the same way.

Every failure is a :class:`~peelkit.errors.FileError` naming the path as the user
gave it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from collections.abc import Callable

from peelkit.errors import FileError

__all__ = ["STDIO", "read_bytes", "write_bytes", "write_text"]

STDIO = "-"
"""The path that means standard input (to :func:`read_bytes`) or output (to the CLI's ``-o``)."""

_CHUNK = 1 << 20
_TEMPORARY_TRIES = 100

PathLike = str | os.PathLike[str]


# -- reading ---------------------------------------------------------------------------


def read_bytes(path: PathLike, *, limit: int) -> bytes:
    """The bytes of the regular file ``path`` (``-``: standard input), at most ``limit``.

    A folder, FIFO, device or socket is refused before it is opened (and again,
    race-free, once it is open without blocking). More than ``limit`` bytes is
    refused after reading ``limit + 1`` at most. A missing file is the system's
    :class:`FileNotFoundError`, naming the path.
    """
    shown = os.fspath(path)
    if shown == STDIO:
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise FileError("read", shown, "standard input is not available")
        return _bounded(stream.read, shown, limit)
    _refuse_unreadable(os.stat(shown), shown)
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC | getattr(os, "O_BINARY", 0)
    descriptor = os.open(shown, flags)
    try:
        status = os.fstat(descriptor)
        _refuse_unreadable(status, shown)
        if status.st_size > limit:
            raise _too_large(shown, limit, f"it is {status.st_size:,} bytes")
        os.set_blocking(descriptor, True)
        return _bounded(lambda size: os.read(descriptor, size), shown, limit)
    finally:
        os.close(descriptor)


def _refuse_unreadable(status: os.stat_result, shown: str) -> None:
    mode = status.st_mode
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise FileError("read", shown, "is a folder, not a file", errno=errno.EISDIR)
    raise FileError("read", shown, f"is {_kind(mode)}, not a regular file")


def _bounded(read: Callable[[int], bytes], shown: str, limit: int) -> bytes:
    """Everything ``read`` gives until the end, refusing more than ``limit`` bytes."""
    parts: list[bytes] = []
    total = 0
    while total <= limit:
        part = read(min(_CHUNK, limit + 1 - total))
        if not part:
            return b"".join(parts)
        parts.append(part)
        total += len(part)
    raise _too_large(shown, limit, "it is longer")


def _too_large(shown: str, limit: int, size: str) -> FileError:
    return FileError("read", shown, f"{size}; peelkit reads files of at most {limit:,} bytes")


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


# -- writing ---------------------------------------------------------------------------


def write_text(path: PathLike, text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` safely: see the module's documentation for what that means.

    The text is encoded before anything is touched, so text that cannot be
    encoded leaves no trace. If writing fails or is interrupted, the temporary
    file is removed and ``path`` is as it was.
    """
    write_bytes(path, text.encode(encoding))


def write_bytes(path: PathLike, data: bytes) -> None:
    """Write ``data`` to ``path``, as :func:`write_text` writes text."""
    shown = os.fspath(path)
    try:
        status: os.stat_result | None = os.stat(shown)
    except (FileNotFoundError, NotADirectoryError):
        status = None  # a new file; a missing folder is reported below
    except OSError as error:
        raise _write_error(shown, error) from None
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise FileError("write", shown, "is a folder, not a file", errno=errno.EISDIR)
    if status is not None and not stat.S_ISREG(status.st_mode):
        _write_into(shown, data)
    else:
        _replace(shown, os.path.realpath(shown), data, status)


def _write_into(shown: str, data: bytes) -> None:
    """Write into what is there (a device, a FIFO): never replace it."""
    try:
        descriptor = os.open(shown, os.O_WRONLY | os.O_NOCTTY | os.O_CLOEXEC)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(descriptor, view) :]
        finally:
            os.close(descriptor)
    except OSError as error:
        raise _write_error(shown, error) from None


def _replace(shown: str, real: str, data: bytes, status: os.stat_result | None) -> None:
    """Write ``data`` to a temporary file beside ``real``, then rename it over ``real``."""
    folder = os.path.dirname(real)
    _require_folder(shown, os.path.dirname(shown) or os.curdir)
    _require_folder(shown, folder)
    mode = 0o666 if status is None else stat.S_IMODE(status.st_mode)
    descriptor, temporary = _create_temporary(shown, folder, mode)
    try:
        try:
            if status is not None:
                _keep_owner_and_mode(descriptor, status)
            view = memoryview(data)
            while view:
                view = view[os.write(descriptor, view) :]
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temporary, real)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise _write_error(shown, error) from None
        raise
    _sync_folder(folder)


def _require_folder(shown: str, folder: str) -> None:
    if os.path.isdir(folder):
        return
    if os.path.lexists(folder):
        raise FileError("write", shown, f"{folder!r} is not a folder", errno=errno.ENOTDIR)
    raise FileError("write", shown, f"folder {folder!r} does not exist", errno=errno.ENOENT)


def _create_temporary(shown: str, folder: str, mode: int) -> tuple[int, str]:
    """A new file with a short name (``.pk-XXXXXXXX.tmp``) in ``folder``, open for writing.

    The name is short so that it fits wherever the target's name does; ``mode`` is
    given to the system, which applies the umask, as for any new file.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC | getattr(os, "O_BINARY", 0)
    for _ in range(_TEMPORARY_TRIES):
        temporary = os.path.join(folder, f".pk-{os.urandom(4).hex()}.tmp")
        try:
            return os.open(temporary, flags, mode), temporary
        except FileExistsError:
            continue
        except OSError as error:
            raise _write_error(shown, error) from None
    raise FileError("write", shown, f"no free temporary name in {folder!r}")  # pragma: no cover


def _keep_owner_and_mode(descriptor: int, status: os.stat_result) -> None:
    """Give the new file the old one's owner (where allowed) and exact permission bits."""
    if hasattr(os, "fchown") and (status.st_uid, status.st_gid) != (os.geteuid(), os.getegid()):
        with contextlib.suppress(PermissionError):
            os.fchown(descriptor, status.st_uid, status.st_gid)
    os.fchmod(descriptor, stat.S_IMODE(status.st_mode))


def _sync_folder(folder: str) -> None:
    """Make the rename durable; a system that cannot sync a folder is not an error."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY | os.O_CLOEXEC)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _write_error(shown: str, error: OSError) -> FileError:
    if isinstance(error, FileError):
        return error
    return FileError("write", shown, error.strerror or str(error), errno=error.errno)
