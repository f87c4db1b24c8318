"""How fast parse_report is, against a plain ``splitlines()`` + ``strip()`` pass.

Run on demand, never as a test::

    python benchmarks/bench_parse.py [PAGES] [--text]
    python benchmarks/bench_parse.py --hostile [--instructions]

``--text`` stops after the text ratio. ``--hostile`` reports only the growth of the
hostile shapes (issue 14); with ``--instructions`` it counts machine instructions
under ``valgrind --tool=callgrind`` instead of timing, which no other load on the
machine disturbs (a few minutes).

It renders a synthetic 2018/19 corpus (see ``_corpus.py``) into one page per pillar,
adds the bundled Kent page, then times, side by side in one run, (a) the baseline:
splitting every page into lines and stripping each, and (b) ``parse_report`` on
every page. It prints both and the ratio; the target is at most 12x. Then the same
pages as HTML (each wrapped by ``peelkit.page.html.html_document`` inside site-like
clutter: navigation, banner, footer, script) are timed against ``parse_report`` on
their text, and against the floor, the standard library's ``html.parser`` reading
the same documents with no handlers: peelkit's HTML path must stay close to that
floor (at most ``FLOOR_TARGET`` times it), and within ``HTML_TARGET`` times the text
path, which is as far as ``html.parser``'s own cost allows (the floor alone is over
10x the text parser here). A long HTML page's time per MB should not grow.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import contextlib

from _corpus import synthetic_corpus

import peelkit
from peelkit.page.html import html_document

TARGET = 12.0
GROWTH_TARGET = 1.2
HTML_TARGET = 20.0
FLOOR_TARGET = 2.5

_CLUTTER_TOP = (
    '<a class="skip-link" href="#main">Skip to content</a>\n'
    '<div class="cookie-banner"><p>We use cookies.</p><button>Accept</button></div>\n'
    "<header><nav><ul>"
    + "".join(f'<li><a href="/s{n}/">Section {n}</a></li>' for n in range(12))
    + "</ul></nav></header>\n"
)
_CLUTTER_BOTTOM = (
    "<footer><ul>"
    + "".join(f'<li><a href="/f{n}/">Footer link {n}</a></li>' for n in range(12))
    + "</ul></footer>\n<script>window.dataLayer = [];</script>\n"
)


def as_html(text: str) -> str:
    """``text`` as an HTML page with the clutter a real site has around ``main``."""
    document = html_document(text)
    document = document.replace("<body><main>", "<body>\n" + _CLUTTER_TOP + "<main>")
    return document.replace("</main></body>", "</main>\n" + _CLUTTER_BOTTOM + "</body>")


def pages(count: int) -> list[str]:
    """``count`` page texts: rendered synthetic pillars and the bundled Kent page."""
    texts = [
        resources.files("peelkit.datasets")
        .joinpath("kent-2018-effectiveness.txt")
        .read_text("utf-8")
    ]
    for assessment in synthetic_corpus(count // 3 + 1):
        for pillar in assessment.pillars:
            single = peelkit.Assessment(assessment.force, assessment.cycle, (pillar,))
            texts.append(peelkit.render_report(single))
    return texts[:count]


def baseline(texts: list[str]) -> None:
    for text in texts:
        for line in text.splitlines():
            line.strip()


def parse(texts: list[str]) -> None:
    for text in texts:
        peelkit.parse_report(text)


def tokenise(documents: list[str]) -> None:
    """The floor: ``html.parser`` reading each document, doing nothing with it."""
    for document in documents:
        parser = HTMLParser(convert_charrefs=True)
        parser.feed(document)
        parser.close()


def best(run: Callable[[list[str]], None], texts: list[str], repeats: int) -> float:
    """The least CPU time of ``repeats`` runs, in seconds.

    CPU time of this process, not wall-clock time: on a machine shared with other
    work, wall-clock time also counts the turns other processes take, which makes
    a ratio of two wall-clock figures swing with the load.
    """
    times = []
    for _ in range(repeats):
        start = time.process_time()
        run(texts)
        times.append(time.process_time() - start)
    return min(times)


def main() -> int:
    arguments = sys.argv[1:]
    if arguments == ["--hostile"]:
        return 0 if hostile_growth() <= GROWTH_TARGET else 1
    if arguments == ["--hostile", "--instructions"]:
        return 0 if hostile_instructions() <= GROWTH_TARGET else 1
    text_only = "--text" in arguments
    numbers = [argument for argument in arguments if argument != "--text"]
    count = int(numbers[0]) if numbers else 3000
    texts = pages(count)
    parsed, ratio = text_ratio(texts)
    if text_only:
        return 0 if ratio <= TARGET else 1
    scaling()
    documents = [as_html(text) for text in texts]
    html_size = sum(len(document) for document in documents)
    parse(documents[:50])
    html_parsed = best(parse, documents, 5)
    html_ratio = html_parsed / parsed
    floor = best(tokenise, documents, 5)
    floor_ratio = html_parsed / floor
    print(f"\nthe same pages as HTML: {html_size / 1e6:.1f} M characters")
    print(
        f"parse_report on HTML: {html_parsed * 1e3:8.1f} ms  "
        f"({len(documents) / html_parsed:,.0f} pages/s)"
    )
    print(f"html.parser alone:    {floor * 1e3:8.1f} ms")
    print(f"HTML / text:          {html_ratio:8.1f}x  (target: at most {HTML_TARGET:.0f}x)")
    print(f"HTML / html.parser:   {floor_ratio:8.1f}x  (target: at most {FLOOR_TARGET}x)")
    html_scaling()
    grown = hostile_growth()
    met = (
        ratio <= TARGET
        and html_ratio <= HTML_TARGET
        and floor_ratio <= FLOOR_TARGET
        and grown <= GROWTH_TARGET
    )
    return 0 if met else 1


def text_ratio(texts: list[str]) -> tuple[float, float]:
    """Time ``parse_report`` on ``texts`` against the floor; print and return both."""
    lines = sum(text.count("\n") + 1 for text in texts)
    size = sum(len(text) for text in texts)
    parse(texts[:50])  # warm up: imports, regex caches
    base = best(baseline, texts, 7)
    parsed = best(parse, texts, 7)
    ratio = parsed / base
    print(
        f"{len(texts)} pages, {lines:,} lines, {size / 1e6:.1f} M characters (CPU time, best of 7)"
    )
    print(f"splitlines()+strip(): {base * 1e3:8.1f} ms")
    print(f"parse_report:         {parsed * 1e3:8.1f} ms  ({len(texts) / parsed:,.0f} pages/s)")
    print(f"ratio:                {ratio:8.1f}x  (target: at most {TARGET:.0f}x)")
    return parsed, ratio


def scaling() -> None:
    """One long page at 1 MB and at 8 MB: the time per MB should not grow (linear)."""
    head = (
        "Kent PEEL 2018\nEffectiveness\n"
        "How effectively does the force reduce crime and keep people safe?\n"
        "How effective is the force at investigating crime and reducing re-offending?\n"
        "Areas for improvement\n"
        "- The force should review how it allocates crimes for investigation.\n"
    )
    prose = "The force is good at investigating crime. It works well with its partners.\n"
    per_mb = []
    for megabytes in (1, 8):
        page = head + prose * (megabytes * 1_000_000 // len(prose))
        seconds = best(parse, [page], 3)
        per_mb.append(seconds / (len(page) / 1e6))
        print(f"one page of {len(page) / 1e6:4.1f} MB:  {seconds * 1e3:8.1f} ms")
    print(f"time per MB, 8 MB / 1 MB: {per_mb[1] / per_mb[0]:.2f}x  (linear: about 1x)")


def html_scaling() -> None:
    """One long HTML page at 1 MB and at 8 MB, with unclosed and deeply nested tags."""
    head = as_html(
        "Kent PEEL 2018\nEffectiveness\n"
        "How effectively does the force reduce crime and keep people safe?\n"
        "How effective is the force at investigating crime and reducing re-offending?\n"
    ).replace("</main>", "")
    prose = "<div><p>The force is <a href='#'>good</a> at investigating&nbsp;crime.<li>It works\n"
    per_mb = []
    for megabytes in (1, 8):
        page = head + prose * (megabytes * 1_000_000 // len(prose))
        seconds = best(parse, [page], 3)
        per_mb.append(seconds / (len(page) / 1e6))
        print(f"one HTML page of {len(page) / 1e6:4.1f} MB:  {seconds * 1e3:8.1f} ms")
    print(f"time per MB, 8 MB / 1 MB: {per_mb[1] / per_mb[0]:.2f}x  (linear: about 1x)")
    # Markup that never closes made html.parser quadratic ("<a " * 40_000: minutes).
    for unit in ("<a ", "<!--", "<!-- >", "<![CDATA[", "</", "<?", "<a b='", "<div>"):
        times = []
        for count in (100_000, 200_000):
            page = head + unit * count
            times.append(best(parse_or_fail, [page], 1))
        print(
            f"{unit!r:12} x 100k: {times[0] * 1e3:7.1f} ms, x 200k: {times[1] * 1e3:7.1f} ms"
            f"  ({times[1] / times[0]:.1f}x; linear: about 2x)"
        )


_HOSTILE_HEAD = (
    "Kent PEEL 2018\nEffectiveness\n"
    "How effectively does the force reduce crime and keep people safe?\n"
    "How effective is the force at investigating crime and reducing re-offending?\n"
)


def hostile_shapes(size: int) -> dict[str, str]:
    """Pages whose one long line made a backtracking pattern quadratic (issue 14).

    ``size`` is the length of that line in characters, roughly.
    """
    return {
        "title: 'a', spaces, 'b PEEL 2018'": "a" + " " * size + "b PEEL 2018\nEffectiveness\n",
        "prose: 'a', spaces, 'b PEEL 2018'": _HOSTILE_HEAD + "a" + " " * size + "b PEEL 2018\n",
        "prose: spaces, then ' PEEL '": _HOSTILE_HEAD + "x" + " " * size + " PEEL x\n",
        "prose: space/tab pairs, ' PEEL '": _HOSTILE_HEAD + "x" + " \t" * (size // 2) + " PEEL x\n",
        "carried over: 'from ' repeated": _HOSTILE_HEAD
        + "Our judgment has been carried over "
        + "from " * (size // 5)
        + "\n",
        "question block: 'remain ', 'AFI ' repeated": _HOSTILE_HEAD
        + "remain "
        + "AFI " * (size // 4)
        + "\n",
    }


def hostile_growth() -> float:
    """Each hostile shape at 1x, 2x, 4x and 8x (40,000 characters at 1x), and the worst
    growth exponent: the slope of log time against log size (1 is linear, 2 quadratic)."""
    timed: dict[str, list[float]] = {name: [] for name in hostile_shapes(1)}
    for size in HOSTILE_SIZES:
        for name, page in hostile_shapes(size).items():
            timed[name].append(best(parse_or_fail, [page] * 10, 7) / 10)
    print()
    return _growth(timed, 1e3, "ms")


HOSTILE_SIZES = (40_000, 80_000, 160_000, 320_000)
"""The hostile pages' sizes, in characters: 1x, 2x, 4x and 8x."""


def _growth(measured: dict[str, list[float]], scale: float, unit: str) -> float:
    """Print each shape's figures at :data:`HOSTILE_SIZES` and its growth exponent;
    return the worst exponent."""
    sizes = HOSTILE_SIZES
    print(f"hostile lines at {', '.join(f'{size:,}' for size in sizes)} characters:")
    worst = 0.0
    for name, figures in measured.items():
        exponent = _slope([math.log(size) for size in sizes], [math.log(f) for f in figures])
        worst = max(worst, exponent)
        shown = ", ".join(f"{figure * scale:.2f}" for figure in figures)
        print(f"{name:45} {shown} {unit}  (growth exponent {exponent:.2f})")
    print(f"worst growth exponent: {worst:.2f}  (target: at most {GROWTH_TARGET})")
    return worst


_COUNTED = """
import sys
sys.path.insert(0, {here!r})
import bench_parse, peelkit
shape, size, times = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for page in bench_parse.hostile_shapes(100).values():
    bench_parse.parse_or_fail([page])  # warm up: imports, regex caches
page = bench_parse.hostile_shapes(size)[shape]
bench_parse.parse_or_fail([page] * times)
"""


def _instructions(shape: str, size: int, times: int) -> int:
    """Machine instructions of a fresh interpreter that parses the ``shape`` page of
    ``size`` characters ``times`` times (callgrind's count)."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        code = _COUNTED.format(here=str(Path(__file__).parent))
        result = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={out}",
                sys.executable,
                "-c",
                code,
                shape,
                str(size),
                str(times),
            ],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
    found = re.search(r"Collected : (\d+)", result.stderr)
    assert found is not None, result.stderr
    return int(found[1])


def hostile_instructions() -> float:
    """As :func:`hostile_growth`, counting instructions: each shape parsed 5 times at
    each size, less a run that parses it none (the interpreter's start and warm-up)."""
    if shutil.which("valgrind") is None:
        print("valgrind is not installed")
        return math.inf
    counted: dict[str, list[float]] = {}
    for name in hostile_shapes(1):
        start = _instructions(name, HOSTILE_SIZES[0], 0)
        counted[name] = [(_instructions(name, size, 5) - start) / 5 for size in HOSTILE_SIZES]
    return _growth(counted, 1e-6, "M instructions")


def _slope(xs: list[float], ys: list[float]) -> float:
    """The least-squares slope of ``ys`` against ``xs``."""
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    across = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    return across / sum((x - mean_x) ** 2 for x in xs)


def parse_or_fail(texts: list[str]) -> None:
    for text in texts:
        with contextlib.suppress(peelkit.ParseError):
            peelkit.parse_report(text)


if __name__ == "__main__":
    sys.exit(main())
