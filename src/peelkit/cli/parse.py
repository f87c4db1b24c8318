"""``peelkit parse``: read published page texts and print them as ``peelkit/1`` JSON or text."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from peelkit._io import write_atomic
from peelkit.errors import ParseError
from peelkit.model import Assessment
from peelkit.parse import MAX_PAGE_CHARS, parse_report, render_report
from peelkit.serialise import to_json

__all__ = ["register"]

_MAX_FILE_BYTES = 4 * MAX_PAGE_CHARS  # UTF-8 takes at most four bytes a character


def register(subparsers: Any) -> None:
    """Add ``parse`` to the command line."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "parse",
        help="parse PEEL pillar page texts into one assessment",
        description=(
            "Parse the text of one or more PEEL pillar pages. Pages of one force and "
            "cycle merge into one assessment. Errors are printed as FILE:LINE: MESSAGE."
        ),
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="a page text")
    parser.add_argument(
        "--format",
        choices=("json", "text"),
        default="json",
        help="peelkit/1 JSON (the default) or the plain page rendering",
    )
    parser.add_argument(
        "-o", "--output", type=Path, metavar="OUT", help="write here (atomically), not stdout"
    )
    parser.set_defaults(run=run)


def _read(path: Path) -> Assessment:
    size = path.stat().st_size
    if size > _MAX_FILE_BYTES:
        raise ParseError(
            f"file is {size:,} bytes; peelkit parses pages of at most {_MAX_FILE_BYTES:,} bytes",
            line=0,
            source=str(path),
        )
    return parse_report(path.read_bytes(), source=str(path))


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
    """Parse the files and write the assessment."""
    try:
        parsed = [(path, _read(path)) for path in arguments.files]
        assessment = _merge(parsed)
    except ParseError as error:
        print(error, file=sys.stderr)
        return 1
    except OSError as error:
        print(f"{error.filename}: {error.strerror or error}", file=sys.stderr)
        return 1
    if arguments.format == "json":
        output = to_json(assessment, indent=2) + "\n"
    else:
        output = render_report(assessment)
    if arguments.output is None:
        sys.stdout.write(output)
    else:
        write_atomic(arguments.output, output)
    return 0
