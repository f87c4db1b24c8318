"""The ``peelkit`` command.

Each sub-command lives in a module of this package with a ``register(subparsers)``
function; :data:`COMMANDS` names them in the order ``peelkit --help`` lists them.
Errors reach the user as one line on stderr and exit status 1, never a traceback:
``FILE[:LINE]: MESSAGE`` where the error is in a file, ``peelkit: MESSAGE`` otherwise.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from peelkit._version import __version__
from peelkit.errors import PeelkitError

__all__ = ["COMMANDS", "main"]

COMMANDS: tuple[str, ...] = (
    "summary",
    "query",
    "export",
    "parse",
    "validate",
    "show",
    "fetch",
)
"""The modules of :mod:`peelkit.cli` that each add one or more sub-commands."""


class _Parser(argparse.ArgumentParser):
    """A parser that refuses unknown arguments itself, so a sub-command's mistake is
    reported with the sub-command's usage (argparse leaves them to the top parser)."""

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        parsed, extras = super().parse_known_args(args, namespace)
        if extras:
            self.error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed, extras


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command registered."""
    parser = _Parser(
        prog="peelkit",
        description="Read, check and query HMICFRS PEEL police inspection assessments.",
    )
    parser.add_argument("--version", action="version", version=f"peelkit {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"peelkit.cli.{name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    arguments = parser.parse_args(argv)
    if not hasattr(arguments, "run"):
        parser.print_help(sys.stderr)
        return 2
    try:
        status: int = arguments.run(arguments)
    except PeelkitError as error:
        # An error that names its file reads as FILE[:LINE]: MESSAGE, like a compiler's.
        located = getattr(error, "source", None)
        print(error if located else f"peelkit: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        where = f"{error.filename}: " if error.filename else "peelkit: "
        print(f"{where}{error.strerror or error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("peelkit: interrupted", file=sys.stderr)
        return 130
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
