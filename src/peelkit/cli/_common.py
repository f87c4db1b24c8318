"""What the table commands share: loading the corpus (with progress) and writing output."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from peelkit._io import STDIO, write_text
from peelkit.corpus import Corpus
from peelkit.datasets import load_bundled
from peelkit.loading import load

__all__ = ["PROGRESS_FROM", "load_corpus", "write_output"]

PROGRESS_FROM = 20
"""Loading this many files or more shows progress, when stderr is a terminal."""


def load_corpus(files: Sequence[Path], *, stderr: TextIO | None = None) -> Corpus:
    """The corpus of ``files`` (as :func:`peelkit.load` reads it), or the bundled data."""
    if not files:
        return load_bundled()
    stream = stderr or sys.stderr
    shown = False

    def progress(number: int, total: int) -> None:
        nonlocal shown
        if total >= PROGRESS_FROM and stream.isatty():
            stream.write(f"\rpeelkit: read {number:,} of {total:,} files")
            stream.flush()
            shown = True

    corpus = load(files, progress=progress)
    if shown:
        stream.write("\n")
    return corpus


def write_output(text: str, output: Path | None) -> None:
    """``text`` to the file ``output`` (see :func:`peelkit._io.write_text`) or, without
    one or when it is ``-``, to stdout."""
    if output is None or str(output) == STDIO:
        sys.stdout.write(text)
    else:
        write_text(output, text)
