"""``peelkit export``: a whole table as CSV, JSON or Parquet, or the corpus as peelkit/1 JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from peelkit._arrow import parquet_bytes
from peelkit._io import STDIO
from peelkit.cli._common import load_corpus, write_output
from peelkit.cli.query import format_rows
from peelkit.corpus import TABLES
from peelkit.serialise import to_json

__all__ = ["register"]


def register(subparsers: Any) -> None:
    """Add ``export`` to the command line."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "export",
        help="write a whole table (CSV, JSON or Parquet) or the corpus (peelkit/1 JSON)",
        description=(
            "Export the files given (or the bundled data) as a table of judgments or of "
            "areas for improvement, in CSV, JSON or Parquet (a binary file: give -o FILE; "
            "needs peelkit[arrow]), or as one peelkit/1 corpus document."
        ),
    )
    parser.add_argument("files", nargs="*", type=Path, metavar="FILE", help="files or folders")
    parser.add_argument(
        "--table",
        choices=TABLES,
        default="judgments",
        help="judgments (the default) or areas_for_improvement (or areas, for short)",
    )
    parser.add_argument(
        "--format",
        choices=("csv", "json", "parquet", "peelkit"),
        default="csv",
        help="csv, json or parquet for the table, peelkit for the whole corpus (default: csv)",
    )
    parser.add_argument(
        "-o", "--output", type=Path, help="write to this file (atomically); - is stdout"
    )
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    """Write the export."""
    if arguments.format == "parquet" and arguments.output is None:
        print(
            "peelkit export: Parquet is a binary file: give one with -o FILE (or -o - for stdout)",
            file=sys.stderr,
        )
        return 2
    corpus = load_corpus(arguments.files)
    if arguments.format == "peelkit":
        text = to_json(corpus, indent=2) + "\n"
    else:
        table = corpus.table(arguments.table)
        if arguments.format == "parquet":
            if str(arguments.output) == STDIO:
                sys.stdout.buffer.write(parquet_bytes(table))
                sys.stdout.flush()
            else:
                table.to_parquet(arguments.output)
            return 0
        text = format_rows(table, arguments.format)
    write_output(text, arguments.output)
    return 0
