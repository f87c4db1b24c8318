"""Loading files: ``peelkit/1`` JSON documents and pages (text or HTML), told apart by content."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from peelkit import _io
from peelkit.corpus import Corpus
from peelkit.model import Assessment
from peelkit.page.grammar import MAX_PAGE_CHARS
from peelkit.page.parse import parse_report
from peelkit.serialise import from_json

__all__ = ["MAX_FILE_BYTES", "expand_paths", "load", "read", "read_bytes", "read_document"]

MAX_FILE_BYTES = 4 * MAX_PAGE_CHARS
"""Files larger than this (64 MiB) are refused rather than read into memory: room for
the longest page the parser takes in any UTF-8 (at most four bytes a character), and
for a corpus document of many thousand assessments."""

_SUFFIXES = (".json", ".txt", ".html", ".htm")

PathLike = str | os.PathLike[str]


def expand_paths(paths: PathLike | Iterable[PathLike]) -> list[Path]:
    """Paths as given, with each folder replaced by its ``.json``, ``.txt``, ``.html`` and
    ``.htm`` files, sorted (a fetch cache's ``.missing`` markers are not among them)."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    expanded: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            expanded.extend(
                sorted(p for p in path.rglob("*") if p.suffix in _SUFFIXES and p.is_file())
            )
        else:
            expanded.append(path)
    return expanded


def read(path: PathLike) -> list[Assessment]:
    """The assessments in one file: a JSON document (assessment or corpus) or a page text.

    See :func:`read_document` for how files are told apart and what they raise.
    """
    document = read_document(path)
    return list(document) if isinstance(document, Corpus) else [document]


def read_document(path: PathLike) -> Assessment | Corpus:
    """The document in one file, as it is: a corpus file gives a :class:`Corpus`.

    A file whose first non-blank character is ``{`` is JSON; anything else is
    a page, as text or HTML (see :func:`~peelkit.parse_report`). Errors name the
    file: :class:`~peelkit.ValidationError` for JSON, :class:`~peelkit.ParseError`
    for a page, :class:`OSError` for the file itself (a :class:`~peelkit.FileError`
    where peelkit refuses it). ``-`` is standard input.
    """
    data = read_bytes(path)
    if data.lstrip()[:1] == b"{":
        return from_json(data, source=str(path))

    return parse_report(data, source=str(path))


def read_bytes(path: PathLike) -> bytes:
    """The bytes of a regular file (``-``: standard input), at most :data:`MAX_FILE_BYTES`.

    A folder, FIFO, device or socket, and anything longer than the limit, is refused
    with a :class:`~peelkit.FileError` naming the path; a FIFO never blocks.
    """
    return _io.read_bytes(path, limit=MAX_FILE_BYTES)


def load(
    paths: PathLike | Iterable[PathLike],
    *,
    progress: Callable[[int, int], object] | None = None,
) -> Corpus:
    """A corpus of everything in ``paths`` (files or folders), pages of one force and
    cycle merged into one assessment where their pillars differ (see
    :meth:`Corpus.merged`).

    ``progress``, if given, is called after each file with the number of files read
    and the number in all.
    """
    files = expand_paths(paths)
    assessments: list[Assessment] = []
    for number, path in enumerate(files, start=1):
        assessments.extend(read(path))
        if progress is not None:
            progress(number, len(files))
    return Corpus(assessments).merged()
