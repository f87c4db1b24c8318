"""The fetcher, against a real HTTP server on 127.0.0.1 started by each test.

The server serves the HTML fixtures at their addresses and, per path, a scripted
series of answers (a 500 then a 200, a 429 with ``Retry-After``, a stall, a
redirect, a PDF). Sleeping is injected, so no test waits for a delay or back-off.
"""

from __future__ import annotations

import csv
import email.utils
import io
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import attrs
import pytest

import peelkit
from peelkit import Cycle, Pillar
from peelkit._fetch import (
    MAX_WAIT,
    USER_AGENT,
    FetchError,
    FetchOutcome,
    PillarPage,
    pages_to_fetch,
)
from peelkit.cli import main
from peelkit.page.html import html_document

PAGES = Path(__file__).parent / "fixtures" / "pages"
GWENT = "/peel-assessments/peel-2017/gwent/effectiveness/"
NORFOLK = "/peel-assessments/peel-2018/norfolk/efficiency/"
CHESHIRE = "/peel-assessments/peel-2015/cheshire/legitimacy/"


@attrs.define
class Answer:
    """One scripted answer."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = attrs.Factory(dict)
    stall: bool = False  # hold the answer until the test ends (a slow server)


@attrs.define
class Site:
    """What the server answers, and every request it saw."""

    base_url: str = ""
    answers: dict[str, list[Answer]] = attrs.Factory(dict)
    requests: list[tuple[str, str]] = attrs.Factory(list)  # (path, User-Agent)
    release: threading.Event = attrs.Factory(threading.Event)
    lock: threading.Lock = attrs.Factory(threading.Lock)

    def serve(self, path: str, *answers: Answer) -> None:
        self.answers[path] = list(answers)

    def page(self, path: str, fixture: str) -> None:
        body = (PAGES / fixture).read_bytes()
        self.serve(path, Answer(body=body, headers={"Content-Type": "text/html"}))

    def next(self, path: str, user_agent: str) -> Answer:
        with self.lock:
            self.requests.append((path, user_agent))
            queue = self.answers.get(path)
            if not queue:
                return Answer(404, b"<html><p>Not found</p>", {"Content-Type": "text/html"})
            return queue.pop(0) if len(queue) > 1 else queue[0]

    @property
    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]


@pytest.fixture
def site() -> Iterator[Site]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            answer = state.next(self.path, self.headers.get("User-Agent", ""))
            if answer.stall:
                state.release.wait(5)
                return
            self.send_response(answer.status)
            for name, value in answer.headers.items():
                self.send_header(name, value)
            if "Content-Length" not in answer.headers:
                self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            self.wfile.write(answer.body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    state.base_url = f"http://127.0.0.1:{server.server_address[1]}/peel-assessments/"
    try:
        yield state
    finally:
        state.release.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


class Sleeps(list[float]):
    """An injected ``sleep`` that records how long it was asked to wait."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def run(site: Site, out: Path, *args: str, **options: object) -> peelkit.FetchReport:
    forces, cycles, pillars = (
        [args[0]] if args else ["Gwent"],
        [args[1]] if args else ["2017"],
        [args[2]] if args else ["effectiveness"],
    )
    settings: dict[str, object] = {"sleep": Sleeps(), "delay": 1.0}
    settings.update(options)
    return peelkit.fetch(forces, cycles, pillars, out=out, base_url=site.base_url, **settings)  # type: ignore[arg-type]


# -- addresses --------------------------------------------------------------------


def test_addresses_follow_the_published_pattern() -> None:
    (met,) = pages_to_fetch(["the Met"], ["2017"], ["legitimacy"])
    assert met.url() == (
        "https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/"
        "peel-2017/metropolitan/legitimacy/"
    )
    (hampshire,) = pages_to_fetch(["Hampshire"], ["2018/19"], ["efficiency"])
    assert hampshire.path == "peel-2018/hampshire/efficiency"  # not its 2021/22 slug


def test_none_means_all() -> None:
    everything = pages_to_fetch()
    assert len(everything) == 43 * 5 * 3
    assert {page.cycle for page in everything} == {
        Cycle.PEEL_2014,
        Cycle.PEEL_2015,
        Cycle.PEEL_2016,
        Cycle.PEEL_2017,
        Cycle.PEEL_2018_19,
    }


@pytest.mark.parametrize(
    ("cycles", "pillars", "message"),
    [
        (["2021/22"], None, "cycle 2021/22 has no pillar pages"),
        (["1999"], None, "unknown cycle '1999'"),
        (None, ["leadership"], "no pillar pages for 'leadership'"),
    ],
)
def test_what_has_no_pages_is_an_error(
    cycles: list[str] | None, pillars: list[str] | None, message: str
) -> None:
    with pytest.raises(FetchError, match=message):
        pages_to_fetch(["Kent"], cycles, pillars)


def test_a_bad_base_url_or_time_out_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FetchError, match="not an http"):
        peelkit.fetch(["Kent"], out=tmp_path, base_url="file:///etc/")
    with pytest.raises(FetchError, match="time-out must be a positive"):
        peelkit.fetch(["Kent"], out=tmp_path, timeout=0)


# -- fetching into the cache ----------------------------------------------------------


def test_fetch_fills_the_cache_politely(site: Site, tmp_path: Path) -> None:
    site.page(GWENT, "site-2017-effectiveness.html")
    sleeps = Sleeps()
    seen: list[tuple[str, int, int]] = []

    def progress(outcome: FetchOutcome, number: int, total: int) -> None:
        seen.append((outcome.status, number, total))

    report = peelkit.fetch(
        ["Gwent"],
        ["2016", "2017"],
        ["effectiveness"],
        out=tmp_path,
        base_url=site.base_url,
        sleep=sleeps,
        progress=progress,
    )
    assert str(report) == "fetched 1, cached 0, missing 1, failed 0"
    assert site.paths == ["/peel-assessments/peel-2016/gwent/effectiveness/", GWENT]
    assert {agent for _, agent in site.requests} == {USER_AGENT}
    assert USER_AGENT.startswith(f"peelkit/{peelkit.__version__} (+http")
    assert sleeps == [1.0]  # one delay, between the two requests; none before the first
    assert seen == [("missing", 1, 2), ("fetched", 2, 2)]
    page = tmp_path / "peel-2017" / "gwent" / "effectiveness.html"
    assert peelkit.parse_report(page.read_bytes()) == peelkit.parse_report(
        (PAGES / "site-2017-effectiveness.txt").read_text("utf-8")
    )
    assert (tmp_path / "peel-2016" / "gwent" / "effectiveness.missing").is_file()
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == [
        "effectiveness.html",
        "effectiveness.missing",
    ]  # no temporary files left behind


def test_a_rerun_asks_for_nothing_unless_refreshed(site: Site, tmp_path: Path) -> None:
    site.page(GWENT, "site-2017-effectiveness.html")
    choice = (["Gwent"], ["2016", "2017"], ["effectiveness"])
    peelkit.fetch(*choice, out=tmp_path, base_url=site.base_url, sleep=Sleeps())
    again = peelkit.fetch(*choice, out=tmp_path, base_url=site.base_url, sleep=Sleeps())
    assert str(again) == "fetched 0, cached 1, missing 1, failed 0"
    assert len(site.requests) == 2
    fresh = peelkit.fetch(
        *choice, out=tmp_path, base_url=site.base_url, sleep=Sleeps(), refresh=True
    )
    assert str(fresh) == "fetched 1, cached 0, missing 1, failed 0"
    assert len(site.requests) == 4


def test_a_page_that_appears_replaces_its_missing_marker(site: Site, tmp_path: Path) -> None:
    run(site, tmp_path)
    marker = tmp_path / "peel-2017" / "gwent" / "effectiveness.missing"
    assert marker.is_file()
    site.page(GWENT, "site-2017-effectiveness.html")
    assert run(site, tmp_path, refresh=True).count("fetched") == 1
    assert not marker.exists()


def test_404_is_not_retried(site: Site, tmp_path: Path) -> None:
    report = run(site, tmp_path, retries=3)
    assert [outcome.status for outcome in report.outcomes] == ["missing"]
    assert site.paths == [GWENT]


def test_500_then_200_is_retried_with_backoff(site: Site, tmp_path: Path) -> None:
    body = (PAGES / "site-2017-effectiveness.html").read_bytes()
    site.serve(
        GWENT,
        Answer(500, b"oops"),
        Answer(503, b"busy"),
        Answer(body=body, headers={"Content-Type": "text/html; charset=utf-8"}),
    )
    sleeps = Sleeps()
    report = run(site, tmp_path, sleep=sleeps, delay=1.0)
    assert report.count("fetched") == 1
    assert site.paths == [GWENT] * 3
    # back-off 2 s, then 4 s, each followed by the usual delay before the request
    assert sleeps == [2.0, 1.0, 4.0, 1.0]


def test_5xx_gives_up_after_the_retries(site: Site, tmp_path: Path) -> None:
    site.serve(GWENT, Answer(502, b"bad gateway"))
    report = run(site, tmp_path, retries=2, delay=0)
    (failed,) = report.failed
    assert failed.reason == f"{site.base_url}peel-2017/gwent/effectiveness/: HTTP 502 Bad Gateway"
    assert len(site.requests) == 3


@pytest.mark.parametrize(
    ("retry_after", "waited"),
    [("7", 7.0), ("100000", MAX_WAIT), ("Thu, 01 Jan 1970 00:00:30 GMT", 20.0), ("soon", 4.0)],
)
def test_429_honours_retry_after(
    site: Site, tmp_path: Path, retry_after: str, waited: float
) -> None:
    body = (PAGES / "site-2017-effectiveness.html").read_bytes()
    site.serve(
        GWENT,
        Answer(429, b"slow down", {"Retry-After": retry_after}),
        Answer(body=body, headers={"Content-Type": "text/html"}),
    )
    sleeps = Sleeps()
    report = run(site, tmp_path, sleep=sleeps, delay=2.0, clock=lambda: 10.0)
    assert report.count("fetched") == 1
    assert sleeps == [waited, 2.0]
    assert email.utils.parsedate_to_datetime("Thu, 01 Jan 1970 00:00:30 GMT").timestamp() == 30


def test_a_slow_answer_times_out(site: Site, tmp_path: Path) -> None:
    site.serve(GWENT, Answer(stall=True))
    report = run(site, tmp_path, timeout=0.2, retries=1, delay=0)
    (failed,) = report.failed
    assert failed.reason is not None
    assert "network error" in failed.reason
    assert "timed out" in failed.reason
    assert site.paths == [GWENT, GWENT]


def test_a_dropped_connection_is_retried(site: Site, tmp_path: Path) -> None:
    body = (PAGES / "site-2017-effectiveness.html").read_bytes()
    site.serve(
        GWENT,
        Answer(
            body=body[:100],
            headers={"Content-Type": "text/html", "Content-Length": str(len(body))},
        ),
        Answer(body=body, headers={"Content-Type": "text/html"}),
    )
    report = run(site, tmp_path, delay=0)
    assert report.count("fetched") == 1
    assert site.paths == [GWENT, GWENT]


def test_redirects_on_the_same_host_are_followed(site: Site, tmp_path: Path) -> None:
    site.serve(GWENT, Answer(301, headers={"Location": "/moved/gwent/"}))
    site.page("/moved/gwent/", "site-2017-effectiveness.html")
    report = run(site, tmp_path)
    assert report.count("fetched") == 1
    assert site.paths == [GWENT, "/moved/gwent/"]


def test_redirects_to_another_host_are_refused(site: Site, tmp_path: Path) -> None:
    elsewhere = site.base_url.replace("127.0.0.1", "localhost") + "gwent/"
    site.serve(GWENT, Answer(302, headers={"Location": elsewhere}))
    report = run(site, tmp_path)
    (failed,) = report.failed
    assert failed.reason is not None
    assert failed.reason.endswith(f"redirected to another host: {elsewhere}")
    assert site.paths == [GWENT]
    assert not any(tmp_path.rglob("*.html"))


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        (Answer(body=b"%PDF-1.4", headers={"Content-Type": "application/pdf"}), "not HTML but"),
        (Answer(403, b"no"), "HTTP 403 Forbidden"),
        (
            Answer(body=b"<html><p>Our new website</p>", headers={"Content-Type": "text/html"}),
            "not a PEEL pillar page",
        ),
        (
            Answer(body=b"<p>caf\xe9</p>", headers={"Content-Type": "text/html; charset=utf-8"}),
            "not utf-8 text",
        ),
    ],
)
def test_answers_that_are_not_the_page_fail_once(
    site: Site, tmp_path: Path, answer: Answer, reason: str
) -> None:
    site.serve(GWENT, answer)
    report = run(site, tmp_path, retries=3)
    (failed,) = report.failed
    assert failed.reason is not None
    assert reason in failed.reason
    assert site.paths == [GWENT]  # never retried
    assert not any(tmp_path.rglob("*.html"))


def test_without_a_content_type_html_is_told_by_content(site: Site, tmp_path: Path) -> None:
    site.serve(GWENT, Answer(body=(PAGES / "site-2017-effectiveness.html").read_bytes()))
    assert run(site, tmp_path).count("fetched") == 1


def test_a_page_of_another_force_fails(site: Site, tmp_path: Path) -> None:
    site.page(GWENT, "plain-2015-legitimacy.html")
    (failed,) = run(site, tmp_path).failed
    assert failed.reason is not None
    assert failed.reason.endswith(
        "the page is Cheshire 2015 legitimacy, not Gwent 2017 effectiveness"
    )


def test_the_http_charset_is_used_and_the_cache_reads_back(site: Site, tmp_path: Path) -> None:
    text = (PAGES / "plain-2015-legitimacy.txt").read_text("utf-8")
    body = html_document(text).replace('<meta charset="utf-8">', "")
    site.serve(
        CHESHIRE,
        Answer(body=body.encode("cp1252"), headers={"Content-Type": "text/html; charset=cp1252"}),
    )
    assert run(site, tmp_path, "Cheshire", "2015", "legitimacy").count("fetched") == 1
    cached = tmp_path / "peel-2015" / "cheshire" / "legitimacy.html"
    assert peelkit.parse_report(cached.read_bytes()) == peelkit.parse_report(text)


# -- the command line, and export of the cache ------------------------------------------


def serve_three(site: Site) -> None:
    site.page(GWENT, "site-2017-effectiveness.html")
    site.page(NORFOLK, "site-2018-efficiency-no-pillar-line.html")
    site.page(CHESHIRE, "plain-2015-legitimacy.latin1.html")


def test_fetch_then_export(site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    serve_three(site)
    out = tmp_path / "cache"
    arguments = ["fetch", "--out", str(out), "--base-url", site.base_url, "--delay", "0"]
    for name in ("Gwent", "Norfolk", "Cheshire"):
        arguments += ["--force", name]
    arguments += ["--cycle", "2015", "--cycle", "2017", "--cycle", "2018/19"]
    arguments += ["--pillar", "effectiveness", "--pillar", "efficiency", "--pillar", "legitimacy"]
    assert main(arguments) == 0
    captured = capsys.readouterr()
    assert captured.out == "fetched 3, cached 0, missing 24, failed 0\n"
    assert captured.err == ""  # stderr is not a terminal: no progress
    assert len(site.requests) == 27

    assert main(["export", str(out), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    forces = {row["force"] for row in rows}
    assert forces == {"Gwent", "Norfolk", "Cheshire"}
    corpus = peelkit.load(out)
    expected = peelkit.load(
        [PAGES / f"{name}.txt" for name in ("site-2017-effectiveness", "plain-2015-legitimacy")]
        + [PAGES / "site-2018-efficiency-no-pillar-line.txt"]
    )
    assert sorted((a.force, a.pillars) for a in corpus) == sorted(
        (a.force, a.pillars) for a in expected
    )


def test_the_command_fails_when_a_page_fails(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site.serve(GWENT, Answer(body=b"%PDF", headers={"Content-Type": "application/pdf"}))
    status = main(
        [
            "fetch",
            *("--force", "gwent", "--cycle", "2017", "--pillar", "effectiveness"),
            *("--out", str(tmp_path), "--base-url", site.base_url, "--delay", "0"),
        ]
    )
    captured = capsys.readouterr()
    assert status == 1
    assert captured.out == "fetched 0, cached 0, missing 0, failed 1\n"
    assert "Gwent 2017 effectiveness: " in captured.err
    assert "not HTML but application/pdf" in captured.err


def test_the_command_says_what_it_cannot_fetch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fetch", "--cycle", "2021/22", "--out", str(tmp_path)]) == 1
    assert capsys.readouterr().err.startswith("peelkit: cycle 2021/22 has no pillar pages")


def test_progress_shows_on_a_terminal(site: Site, tmp_path: Path) -> None:
    from peelkit.cli import build_parser
    from peelkit.cli.fetch import run as run_command

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    site.page(GWENT, "site-2017-effectiveness.html")
    arguments = build_parser().parse_args(
        [
            *("fetch", "--force", "gwent", "--cycle", "2017", "--pillar", "all"),
            *("--out", str(tmp_path), "--base-url", site.base_url, "--delay", "0"),
        ]
    )
    terminal = Terminal()
    assert run_command(arguments, stderr=terminal) == 0
    shown = terminal.getvalue()
    assert "1 of 3: Gwent 2017 effectiveness fetched" in shown
    assert "3 of 3: Gwent 2017 legitimacy missing" in shown
    assert shown.endswith("\n")


def test_page_names_itself() -> None:
    page = PillarPage(peelkit.force("Kent"), Cycle.PEEL_2018_19, Pillar.EFFECTIVENESS)
    assert str(page) == "Kent 2018/19 effectiveness"
