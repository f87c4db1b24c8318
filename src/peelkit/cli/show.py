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
from peelkit.text import plural
from peelkit.validation import Validator

__all__ = ["register"]


def register(subparsers: Any) -> None:
    """Add ``show`` to the command line."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "show",
        help="print a peelkit/1 document (the bundled Kent 2018/19 example by default)",
        description=(
            "Load a peelkit/1 JSON document, check it against the rules, and print it "
            "indented. Exit status 1 if it breaks an error-level rule (each listed on stderr)."
        ),
    )
    parser.add_argument("file", nargs="?", type=Path, help="a peelkit/1 JSON file; - is stdin")
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
    corpus = document if isinstance(document, Corpus) else Corpus([document])
    errors = [v for v in Validator().validate(corpus) if v.is_error]
    for violation in errors:
        print(violation, file=sys.stderr)
    if errors:
        print(f"peelkit: the document breaks {plural(len(errors), 'rule')}", file=sys.stderr)
    return 1 if errors else 0
