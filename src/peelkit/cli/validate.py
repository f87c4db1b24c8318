"""``peelkit validate FILE...``: check files against the rules, one line per violation.

The files (``peelkit/1`` JSON documents and page texts; folders are searched for
both) are checked together as one corpus, so rules across assessments see them all.
Each violation is printed as ``file[:line]: CODE severity path: message``, the path
being the path inside that file; ``--format json`` prints a JSON list instead. The
exit status is 1 when any error-level violation is found or a file cannot be read,
0 otherwise.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

import attrs

from peelkit.corpus import Corpus
from peelkit.diagnostics import Severity, Violation
from peelkit.errors import ParseError, ValidationError
from peelkit.loading import expand_paths, read_document
from peelkit.model import Assessment
from peelkit.text import plural
from peelkit.validation import Validator, violations_from_problems

__all__ = ["register"]


def register(subparsers: Any) -> None:
    """Add ``validate`` to the command line."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "validate",
        help="check files against the PEEL rules (see docs/rules.md)",
        description="Check peelkit/1 JSON documents and page texts against the rules of "
        "the PEEL frameworks, together as one corpus. Exit status 1 if any error-level "
        "violation is found or a file cannot be read.",
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="files or folders")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="one line per violation (text, the default) or a JSON list (json)",
    )
    parser.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="CODE",
        help="leave out the rule with this code (repeatable; commas allowed)",
    )
    parser.set_defaults(run=run)


@attrs.frozen
class _Origin:
    """Where an assessment of the corpus came from: its file, and its index there when
    the file is a corpus document."""

    file: str
    index: int | None


def run(arguments: argparse.Namespace) -> int:
    """Check the files and print what is wrong."""
    codes = [code.strip() for item in arguments.disable for code in item.split(",")]
    try:
        validator = Validator().without(*[code for code in codes if code])
    except KeyError as error:
        print(f"peelkit: {error.args[0]}", file=sys.stderr)
        return 2
    assessments: list[Assessment] = []
    origins: list[_Origin] = []
    violations: list[Violation] = []
    unreadable = False
    for path in expand_paths(arguments.files):
        name = str(path)
        try:
            document = read_document(path)
        except ValidationError as error:
            violations.extend(_document_violations(validator, error, name))
            continue
        except (ParseError, OSError) as error:
            unreadable = True
            if arguments.format == "json":
                violations.append(_unreadable(error, name))
            else:
                print(_describe(error, name), file=sys.stderr)
            continue
        if isinstance(document, Corpus):
            for index, assessment in enumerate(document):
                assessments.append(assessment)
                origins.append(_Origin(name, index))
        else:
            assessments.append(document)
            origins.append(_Origin(name, None))
    violations.extend(_relocate(v, origins) for v in validator.validate(Corpus(assessments)))
    _print(violations, arguments.format)
    failed = unreadable or any(violation.is_error for violation in violations)
    return 1 if failed else 0


def _document_violations(
    validator: Validator, error: ValidationError, name: str
) -> list[Violation]:
    enabled = set(validator.codes)
    found = violations_from_problems(error.problems, source=name)
    return [violation for violation in found if violation.code in enabled]


def _describe(error: ParseError | OSError, name: str) -> str:
    """One line naming the file: FILE[:LINE]: MESSAGE."""
    if isinstance(error, ParseError):
        return str(error).splitlines()[0]
    return f"{name}: {error.strerror or error}"


def _unreadable(error: ParseError | OSError, name: str) -> Violation:
    """A file that cannot be read, as the violation of PEEL000 it is (for ``--format json``)."""
    if isinstance(error, ParseError):
        return Violation("PEEL000", Severity.ERROR, error.message, "$", name, error.line or None)
    return Violation("PEEL000", Severity.ERROR, str(error.strerror or error), "$", name)


_REFERENCE = re.compile(r"\$\.assessments\[(\d+)\]")


def _relocate(violation: Violation, origins: list[_Origin]) -> Violation:
    """The violation with its path, and paths in its message, made relative to the
    files the assessments are in."""
    match = _REFERENCE.match(violation.path)
    if match is None:
        return violation
    origin = origins[int(match.group(1))]

    def local(reference: re.Match[str]) -> str:
        other = origins[int(reference.group(1))]
        root = "$" if other.index is None else f"$.assessments[{other.index}]"
        return root if other.file == origin.file else f"{other.file} {root}"

    return attrs.evolve(
        violation,
        path=_REFERENCE.sub(local, violation.path, count=1),
        message=_REFERENCE.sub(local, violation.message),
        source=origin.file,
    )


def _print(violations: list[Violation], form: str) -> None:
    if form == "json":
        json.dump([v.to_dict() for v in violations], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    for violation in violations:
        sys.stdout.write(f"{violation}\n")
    errors = sum(violation.is_error for violation in violations)
    warnings = len(violations) - errors
    if violations:
        print(f"peelkit: {plural(errors, 'error')}, {plural(warnings, 'warning')}", file=sys.stderr)
