"""``peelkit query``: the ``judgments`` and ``areas_for_improvement`` queries on the shell."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from peelkit.cli._common import load_corpus, write_output
from peelkit.query import ANY, Rows
from peelkit.tables import csv_text, text_table

__all__ = ["format_rows", "register"]

FORMATS = ("table", "csv", "json")


def register(subparsers: Any) -> None:
    """Add ``query`` with its two tables to the command line."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "query",
        help="list judgments or areas for improvement matching filters",
        description=(
            "Query the files given (peelkit/1 JSON or page texts; folders are searched), or "
            "the bundled data when none is given. Filters may be repeated: any value matches."
        ),
    )
    tables = parser.add_subparsers(dest="table", metavar="TABLE", required=True)
    judgments = tables.add_parser("judgments", help="one row per judgment")
    areas = tables.add_parser(
        "areas", aliases=["areas_for_improvement"], help="one row per area for improvement"
    )
    for sub in (judgments, areas):
        sub.add_argument("files", nargs="*", type=Path, metavar="FILE", help="files or folders")
        sub.add_argument("--force", action="append", help="a force, by any of its names")
        sub.add_argument("--cycle", action="append", help="a cycle, e.g. 2018/19")
        sub.add_argument("--pillar", action="append", help="effectiveness, efficiency, ...")
        sub.add_argument(
            "--question",
            action="append",
            help="a question number or words; 'none' for the pillars' own judgments",
        )
        sub.add_argument(
            "--region", action="append", help="a force's region, e.g. 'South East' or Wales"
        )
        sub.add_argument("--country", action="append", help="England or Wales")
        sub.add_argument("--format", choices=FORMATS, default="table", help="default: table")
        sub.add_argument(
            "-o", "--output", type=Path, help="write to this file instead; - is stdout"
        )
    judgments.add_argument("--grade", action="append", help="a (resolved) grade, e.g. good")
    judgments.add_argument(
        "--area", action="append", help="an area of policing (2021/22 on), e.g. 'use of resources'"
    )
    carried = judgments.add_mutually_exclusive_group()
    carried.add_argument("--carried-over", dest="carried_over", action="store_true", default=None)
    carried.add_argument("--not-carried-over", dest="carried_over", action="store_false")
    areas.add_argument("--contains", help="words the text contains, any case")
    deadline = areas.add_mutually_exclusive_group()
    deadline.add_argument("--has-deadline", dest="has_deadline", action="store_true", default=None)
    deadline.add_argument("--no-deadline", dest="has_deadline", action="store_false")
    areas.add_argument(
        "--deadline",
        action="append",
        help="due exactly so: 'within 3 months', 'by 31 March 2019' or 'immediately'",
    )
    judgments.set_defaults(run=run)
    areas.set_defaults(run=run)


def format_rows(rows: Rows[Any], form: str) -> str:
    """The rows as an aligned table, CSV or a JSON list of objects."""
    if form == "csv":
        return csv_text(rows)
    if form == "json":
        return json.dumps(rows.to_records(), ensure_ascii=False, indent=2) + "\n"
    return text_table(rows, limit=None, width=60) + "\n"


def _given(value: object) -> object:
    """An option left out is no filter (:data:`~peelkit.query.ANY`)."""
    return ANY if value is None else value


def _questions(values: list[str] | None) -> object:
    """``--question none`` is the pillars' own judgments (``question=None``)."""
    if values is None:
        return ANY
    return [None if value.strip().lower() == "none" else value for value in values]


def run(arguments: argparse.Namespace) -> int:
    """Run the query and print the rows."""
    corpus = load_corpus(arguments.files)
    common = {
        "force": _given(arguments.force),
        "cycle": _given(arguments.cycle),
        "pillar": _given(arguments.pillar),
        "question": _questions(arguments.question),
        "region": _given(arguments.region),
        "country": _given(arguments.country),
    }
    rows: Rows[Any]
    if arguments.table == "judgments":
        rows = corpus.judgments(
            **common,
            grade=_given(arguments.grade),
            carried_over=ANY if arguments.carried_over is None else arguments.carried_over,
            area=_given(arguments.area),
        )
    else:
        rows = corpus.areas_for_improvement(
            **common,
            contains=ANY if arguments.contains is None else arguments.contains,
            has_deadline=ANY if arguments.has_deadline is None else arguments.has_deadline,
            deadline=_given(arguments.deadline),
        )
    write_output(format_rows(rows, arguments.format), arguments.output)
    return 0
