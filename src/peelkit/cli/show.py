"""``peelkit show``: print an assessment or corpus as ``peelkit/1`` JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from peelkit.corpus import Corpus
from peelkit.datasets import kent_2018_effectiveness
from peelkit.loading import read_bytes
from peelkit.model import Assessment
from peelkit.serialise import from_json, to_json

__all__ = ["register"]


def register(subparsers: Any) -> None:
    """Add ``show`` to the command line."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "show",
        help="print a peelkit/1 document (the bundled Kent 2018/19 example by default)",
        description="Load a peelkit/1 JSON document, check it, and print it indented.",
    )
    parser.add_argument("file", nargs="?", type=Path, help="a peelkit/1 JSON file")
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    """Print the document."""
    document: Assessment | Corpus
    if arguments.file is None:
        document = kent_2018_effectiveness()
    else:
        path: Path = arguments.file
        document = from_json(read_bytes(path), source=str(path))
    sys.stdout.write(to_json(document, indent=2) + "\n")
    return 0
