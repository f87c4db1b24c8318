"""``peelkit fetch``: download pillar pages into a cache folder, politely."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from peelkit._fetch import BASE_URL, FetchOutcome, fetch

__all__ = ["register"]


def register(subparsers: Any) -> None:
    """Add ``fetch`` to the command line."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "fetch",
        help="download PEEL pillar pages (2014 to 2018/19) into a cache folder",
        description=(
            "Download the pillar pages of the chosen forces, cycles and pillars into OUT, "
            "one request at a time, skipping pages already there. Prints one line of "
            "counts; exit status 1 if any page failed. See docs/pages.md."
        ),
    )
    parser.add_argument(
        "--force", action="append", metavar="FORCE", help="a force (repeatable, or 'all')"
    )
    parser.add_argument(
        "--cycle", action="append", metavar="CYCLE", help="2014 to 2018/19 (repeatable, or 'all')"
    )
    parser.add_argument(
        "--pillar", action="append", metavar="PILLAR", help="a pillar (repeatable, or 'all')"
    )
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="the cache folder")
    parser.add_argument("--base-url", default=BASE_URL, help=f"default: {BASE_URL}")
    parser.add_argument(
        "--delay", type=float, default=1.0, help="seconds between requests (default: 1)"
    )
    parser.add_argument("--refresh", action="store_true", help="fetch pages already cached")
    parser.add_argument(
        "--timeout", type=float, default=30.0, help="seconds per request (default: 30)"
    )
    parser.add_argument(
        "--retries", type=int, default=3, help="retries after a 429, 5xx or network error"
    )
    parser.set_defaults(run=run)


def _chosen(values: list[str] | None) -> list[str] | None:
    """The values given, or ``None`` (all) when none or ``all`` is given."""
    if not values or any(value.strip().lower() == "all" for value in values):
        return None
    return values


def run(arguments: argparse.Namespace, *, stderr: TextIO | None = None) -> int:
    """Fetch, showing progress on a terminal; print the counts."""
    stream = stderr or sys.stderr
    shown = False

    def progress(outcome: FetchOutcome, number: int, total: int) -> None:
        nonlocal shown
        if stream.isatty():
            stream.write(
                f"\r\x1b[Kpeelkit: {number:,} of {total:,}: {outcome.page} {outcome.status}"
            )
            stream.flush()
            shown = True

    report = fetch(
        _chosen(arguments.force),
        _chosen(arguments.cycle),
        _chosen(arguments.pillar),
        out=arguments.out,
        base_url=arguments.base_url,
        delay=arguments.delay,
        refresh=arguments.refresh,
        timeout=arguments.timeout,
        retries=arguments.retries,
        progress=progress,
    )
    if shown:
        stream.write("\n")
    for outcome in report.failed:
        print(f"peelkit: {outcome.page}: {outcome.reason}", file=stream)
    print(report)
    return 1 if report.failed else 0
