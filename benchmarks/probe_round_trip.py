"""The round-trip probe: many line-built pages, each that parses must round-trip.

Run on demand (or on a schedule), never as a unit test::

    python benchmarks/probe_round_trip.py [EXAMPLES]

It draws ``EXAMPLES`` (default 20,000) pages from
:func:`peelkit.testing.pillar_pages` and, for every one ``parse_report`` accepts,
checks ``parse_report(render_report(a)) == a`` and that rendering again writes
the same text. A counter-example is shrunk to a minimal page and printed. The
normal test suite runs the same property on a few hundred examples.
"""

from __future__ import annotations

import sys

from hypothesis import HealthCheck, given, settings

import peelkit
from peelkit.testing import pillar_pages

counts = {"pages": 0, "parsed": 0}


def check(text: str) -> None:
    counts["pages"] += 1
    try:
        parsed = peelkit.parse_report(text)
    except peelkit.ParseError:
        return
    counts["parsed"] += 1
    rendered = peelkit.render_report(parsed)
    again = peelkit.parse_report(rendered)
    assert again == parsed, f"\n{text}\n--- rendered ---\n{rendered}"
    assert peelkit.render_report(again) == rendered


def main() -> int:
    examples = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    probe = settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )(given(pillar_pages())(check))
    try:
        probe()
    except AssertionError as failure:
        print(f"counter-example after {counts['pages']:,} pages:\n{failure}")
        return 1
    print(f"{counts['pages']:,} pages, {counts['parsed']:,} parsed: every one round-trips")
    return 0


if __name__ == "__main__":
    sys.exit(main())
