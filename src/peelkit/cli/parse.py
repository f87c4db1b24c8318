"""``peelkit parse``: read published page texts and print them as ``peelkit/1`` JSON or text."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from peelkit.cli._common import write_output
from peelkit.corpus import Corpus
from peelkit.errors import ParseError
from peelkit.forces import force_key
from peelkit.loading import read_bytes
from peelkit.model import Assessment
from peelkit.page.parse import parse_report
from peelkit.page.render import render_report
from peelkit.serialise import to_json

__all__ = ["register"]


def register(subparsers: Any) -> None:
    """Add ``parse`` to the command line."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "parse",
        help="parse PEEL pillar page texts into one assessment or corpus document",
        description=(
            "Parse the text of one or more PEEL pillar pages (- is stdin). Pages of one "
            "force and cycle merge into one assessment; pages of several forces or cycles "
            "give one corpus document. Errors are printed as FILE:LINE: MESSAGE."
        ),
    )
    parser.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help="a page text; - is stdin"
    )
    parser.add_argument(
        "--format",
        choices=("json", "text"),
        default="json",
        help="peelkit/1 JSON (the default) or the plain page rendering",
    )
    parser.add_argument(
        "-o", "--output", type=Path, metavar="OUT", help="write here (atomically); - is stdout"
    )
    parser.set_defaults(run=run)


def _merge(assessments: list[tuple[Path, Assessment]]) -> Assessment:
    (_, merged), *rest = assessments
    for path, other in rest:
        try:
            merged = merged.merge(other)
        except ValueError as error:
            line = other.pillars[0].line if other.pillars else None
            raise ParseError(str(error), line=line or 1, source=str(path)) from None
    return merged


def run(arguments: argparse.Namespace) -> int:
    """Parse the files and write the assessment, or the corpus of several."""
    try:
        groups: dict[tuple[str, object], list[tuple[Path, Assessment]]] = {}
        for path in arguments.files:
            parsed = parse_report(read_bytes(path), source=str(path))
            groups.setdefault((force_key(parsed.force), parsed.cycle), []).append((path, parsed))
        assessments = [_merge(pages) for pages in groups.values()]
    except ParseError as error:
        print(error, file=sys.stderr)
        return 1
    except OSError as error:
        print(f"{error.filename}: {error.strerror or error}", file=sys.stderr)
        return 1
    document: Assessment | Corpus = assessments[0] if len(assessments) == 1 else Corpus(assessments)
    if arguments.format == "json":
        output = to_json(document, indent=2) + "\n"
    else:
        output = "\n".join(render_report(assessment) for assessment in assessments)
    write_output(output, arguments.output)
    return 0
