"""Fetching the published pillar pages into a cache folder, politely.

:func:`fetch` downloads the pillar pages (2014 to 2018/19) of chosen forces, cycles
and pillars from the inspectorate's site, one request at a time, into a cache::

    OUT/peel-<year>/<force slug>/<pillar>.html      a page (UTF-8, with a BOM)
    OUT/peel-<year>/<force slug>/<pillar>.missing   the site said 404/410: no such page

A page in the cache (or a ``.missing`` marker) is not asked for again unless
``refresh=True``. Each page is written atomically, and only once it parses as the
pillar page asked for (force, cycle and pillar), so the cache holds nothing
:func:`peelkit.load` cannot read; anything else is reported as failed, saying why.

Politeness: a ``User-Agent`` naming peelkit, its version and its home page; a
``delay`` (one second) before every request after the first; a ``timeout``; up to
``retries`` retries of a 429, a 5xx or a network error, waiting ``delay`` × 2, × 4,
… or the ``Retry-After`` the server asks (seconds or an HTTP date), at most
:data:`MAX_WAIT` seconds. A 404 is never retried. Redirects are followed on the
same host only: a page that moved elsewhere is reported as failed, naming where.
"""

from __future__ import annotations

import email.utils
import time
import urllib.error
import urllib.parse
from collections.abc import Callable, Iterable
from email.message import Message
from pathlib import Path
from typing import IO, TYPE_CHECKING, Literal

import attrs

from peelkit._io import write_text
from peelkit._version import __version__
from peelkit.errors import FetchError, ParseError
from peelkit.forces import FORCES, Force, force
from peelkit.loading import MAX_FILE_BYTES
from peelkit.model import Cycle, Pillar
from peelkit.page.html import BOMS, decode, is_html
from peelkit.page.parse import parse_report

if TYPE_CHECKING:
    import http.client
    import urllib.request

__all__ = [
    "BASE_URL",
    "CYCLES",
    "MAX_WAIT",
    "PILLARS",
    "USER_AGENT",
    "FetchError",
    "FetchOutcome",
    "FetchReport",
    "PillarPage",
    "fetch",
    "pages_to_fetch",
]

BASE_URL = "https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/"
"""Where the pillar pages live: ``BASE_URL + "peel-2018/kent/effectiveness/"``."""

USER_AGENT = f"peelkit/{__version__} (+https://github.com/peelkit/peelkit)"
"""The ``User-Agent`` every request sends."""

CYCLES: tuple[Cycle, ...] = (
    Cycle.PEEL_2014,
    Cycle.PEEL_2015,
    Cycle.PEEL_2016,
    Cycle.PEEL_2017,
    Cycle.PEEL_2018_19,
)
"""The cycles published as pillar pages."""

PILLARS: tuple[Pillar, ...] = (Pillar.EFFECTIVENESS, Pillar.EFFICIENCY, Pillar.LEGITIMACY)
"""The pillars with a page of their own."""

MAX_WAIT = 120.0
"""The longest wait, in seconds, before a retry, whatever ``Retry-After`` asks."""

Status = Literal["fetched", "cached", "missing", "failed"]
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@attrs.frozen
class PillarPage:
    """One pillar page of one force in one cycle, and where it lives."""

    force: Force
    cycle: Cycle
    pillar: Pillar

    @property
    def slug(self) -> str:
        """The force's slug in the address: its first, as pillar pages predate every
        renaming in the registry (Hampshire is ``hampshire`` here)."""
        return self.force.slugs[0]

    @property
    def path(self) -> str:
        """The page's path below the base URL and in the cache, without a suffix."""
        return f"peel-{self.cycle.year}/{self.slug}/{self.pillar.value}"

    def url(self, base_url: str = BASE_URL) -> str:
        """The page's address: ``<base>/peel-<year>/<slug>/<pillar>/``."""
        return f"{base_url.rstrip('/')}/{self.path}/"

    def __str__(self) -> str:
        return f"{self.force.short_name} {self.cycle} {self.pillar.value}"


@attrs.frozen
class FetchOutcome:
    """What became of one page: ``fetched``, ``cached`` (already there), ``missing``
    (no such page) or ``failed`` (``reason`` says why)."""

    page: PillarPage
    status: Status
    file: Path | None = None
    reason: str | None = None


@attrs.frozen
class FetchReport:
    """The outcome of every page asked for, in order."""

    outcomes: tuple[FetchOutcome, ...]

    def count(self, status: Status) -> int:
        """How many pages ended with ``status``."""
        return sum(outcome.status == status for outcome in self.outcomes)

    @property
    def failed(self) -> tuple[FetchOutcome, ...]:
        """The pages that failed."""
        return tuple(outcome for outcome in self.outcomes if outcome.status == "failed")

    def __str__(self) -> str:
        return ", ".join(f"{status} {self.count(status)}" for status in _STATUSES)


_STATUSES: tuple[Status, ...] = ("fetched", "cached", "missing", "failed")


def pages_to_fetch(
    forces: Iterable[str | Force] | None = None,
    cycles: Iterable[str | Cycle] | None = None,
    pillars: Iterable[str | Pillar] | None = None,
) -> list[PillarPage]:
    """The pages of ``forces`` × ``cycles`` × ``pillars`` (each ``None`` for all), in
    that order. Raises :class:`~peelkit.UnknownForceError` or :class:`FetchError`."""
    chosen_forces = list(FORCES) if forces is None else [force(each) for each in forces]
    chosen_cycles = list(CYCLES) if cycles is None else [_cycle(each) for each in cycles]
    chosen_pillars = list(PILLARS) if pillars is None else [_pillar(each) for each in pillars]
    return [
        PillarPage(each, cycle, pillar)
        for each in dict.fromkeys(chosen_forces)
        for cycle in dict.fromkeys(chosen_cycles)
        for pillar in dict.fromkeys(chosen_pillars)
    ]


def _cycle(value: str | Cycle) -> Cycle:
    try:
        cycle = Cycle(value)
    except ValueError:
        raise FetchError(
            f"unknown cycle {value!r}; pillar pages exist for {_names(CYCLES)}"
        ) from None
    if cycle not in CYCLES:
        raise FetchError(f"cycle {cycle} has no pillar pages; they exist for {_names(CYCLES)}")
    return cycle


def _pillar(value: str | Pillar) -> Pillar:
    try:
        pillar = Pillar(value)
    except ValueError:
        pillar = None
    if pillar not in PILLARS:
        raise FetchError(f"no pillar pages for {value!r}; expected one of {_names(PILLARS)}")
    assert pillar is not None
    return pillar


def _names(items: Iterable[Cycle | Pillar]) -> str:
    return ", ".join(str(item.value) for item in items)


def fetch(
    forces: Iterable[str | Force] | None = None,
    cycles: Iterable[str | Cycle] | None = None,
    pillars: Iterable[str | Pillar] | None = None,
    *,
    out: str | Path,
    base_url: str = BASE_URL,
    delay: float = 1.0,
    refresh: bool = False,
    timeout: float = 30.0,
    retries: int = 3,
    progress: Callable[[FetchOutcome, int, int], object] | None = None,
    sleep: Callable[[float], object] = time.sleep,
    clock: Callable[[], float] = time.time,
) -> FetchReport:
    """Fetch pillar pages into the cache folder ``out`` (see the module for the rules).

    ``forces``, ``cycles`` and ``pillars`` take names (``"kent"``, ``"2018/19"``,
    ``"effectiveness"``) or peelkit's objects; ``None`` means all. ``progress``, if
    given, is called after each page with its outcome, the number of pages done and
    the number in all. ``sleep`` and ``clock`` (seconds since the epoch, to read an
    HTTP-date ``Retry-After``) are there for tests.
    """
    parsed = urllib.parse.urlsplit(base_url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise FetchError(f"base URL {base_url!r} is not an http(s) address")
    if not timeout > 0:
        raise FetchError(f"the time-out must be a positive number of seconds, not {timeout}")
    chosen = pages_to_fetch(forces, cycles, pillars)
    client = _Client(base_url, delay, timeout, retries, sleep, clock)
    folder = Path(out)
    outcomes: list[FetchOutcome] = []
    for number, page in enumerate(chosen, start=1):
        outcome = client.get(page, folder, refresh=refresh)
        outcomes.append(outcome)
        if progress is not None:
            progress(outcome, number, len(chosen))
    return FetchReport(tuple(outcomes))


def _opener(host: str) -> urllib.request.OpenerDirector:
    """An opener sending :data:`USER_AGENT` that follows redirects on ``host`` only."""
    import urllib.request  # lazily: ``import peelkit`` need not load the HTTP client

    class Redirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(
            self,
            req: urllib.request.Request,
            fp: IO[bytes],
            code: int,
            msg: str,
            headers: http.client.HTTPMessage,
            newurl: str,
        ) -> urllib.request.Request | None:
            if urllib.parse.urlsplit(newurl).hostname != host:
                fp.close()
                raise _Moved(newurl)
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    opener = urllib.request.build_opener(Redirects())
    opener.addheaders = [("User-Agent", USER_AGENT)]
    return opener


class _Moved(Exception):
    """A redirect to another host."""


class _Retry(Exception):
    """A failure worth another try; ``wait`` is what the server asked for, if anything."""

    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.wait = wait


class _Client:
    """One request at a time, with the delay, time-out and retries."""

    def __init__(
        self,
        base_url: str,
        delay: float,
        timeout: float,
        retries: int,
        sleep: Callable[[float], object],
        clock: Callable[[], float],
    ) -> None:
        self.base_url = base_url
        self.delay = max(0.0, delay)
        self.timeout = timeout
        self.retries = max(0, retries)
        self.sleep = sleep
        self.clock = clock
        self.requests = 0
        self.opener = _opener(urllib.parse.urlsplit(base_url).hostname or "")

    def get(self, page: PillarPage, folder: Path, *, refresh: bool) -> FetchOutcome:
        target = folder / f"{page.path}.html"
        marker = folder / f"{page.path}.missing"
        if not refresh:
            if target.is_file():
                return FetchOutcome(page, "cached", target)
            if marker.is_file():
                return FetchOutcome(page, "missing", marker, "no such page (remembered)")
        url = page.url(self.base_url)
        attempt = 0
        while True:
            try:
                return self.attempt(page, url, target, marker)
            except _Retry as failure:
                if attempt >= self.retries:
                    return FetchOutcome(page, "failed", None, f"{url}: {failure.reason}")
                backoff = max(self.delay, 0.5) * 2 ** (attempt + 1)
                self.sleep(min(MAX_WAIT, failure.wait if failure.wait is not None else backoff))
                attempt += 1

    def attempt(self, page: PillarPage, url: str, target: Path, marker: Path) -> FetchOutcome:
        if self.requests and self.delay:
            self.sleep(self.delay)
        self.requests += 1
        import http.client  # loaded with the opener already

        try:
            with self.opener.open(url, timeout=self.timeout) as answer:
                data: bytes = answer.read(MAX_FILE_BYTES + 1)
                length = answer.headers.get("Content-Length", "")
                declared = answer.headers.get("Content-Type") is not None
                content_type = answer.headers.get_content_type()
                charset = answer.headers.get_content_charset()
        except _Moved as moved:
            return FetchOutcome(page, "failed", None, f"{url}: redirected to another host: {moved}")
        except urllib.error.HTTPError as error:
            error.close()
            if error.code in (404, 410):
                target.parent.mkdir(parents=True, exist_ok=True)
                write_text(marker, f"{error.code} {error.reason}\n{url}\n")
                return FetchOutcome(page, "missing", marker, f"HTTP {error.code}")
            if error.code == 429 or error.code >= 500:
                raise _Retry(
                    f"HTTP {error.code} {error.reason}", self.retry_after(error.headers)
                ) from None
            return FetchOutcome(page, "failed", None, f"{url}: HTTP {error.code} {error.reason}")
        except (OSError, http.client.HTTPException) as error:  # URLError, time-outs, resets
            reason = getattr(error, "reason", None) or error
            raise _Retry(f"network error: {reason}") from None
        if length.isdigit() and len(data) < int(length):
            raise _Retry(f"network error: the answer stopped at {len(data)} of {length} bytes")
        if len(data) > MAX_FILE_BYTES:
            return FetchOutcome(
                page, "failed", None, f"{url}: larger than {MAX_FILE_BYTES:,} bytes"
            )
        if content_type not in _HTML_TYPES and (declared or not is_html(data)):
            return FetchOutcome(page, "failed", None, f"{url}: not HTML but {content_type}")
        try:
            text = _text(data, charset, str(target))
            parsed = parse_report(text, source=str(target))
        except ParseError as error:
            return FetchOutcome(page, "failed", None, f"{url}: {str(error).splitlines()[0]}")
        shown = [(parsed.force, parsed.cycle, pillar.pillar) for pillar in parsed.pillars]
        if shown != [(page.force.short_name, page.cycle, page.pillar)]:
            found = ", ".join(f"{name} {cycle} {pillar.value}" for name, cycle, pillar in shown)
            return FetchOutcome(page, "failed", None, f"{url}: the page is {found}, not {page}")
        target.parent.mkdir(parents=True, exist_ok=True)
        write_text(target, text, encoding="utf-8-sig")
        if marker.exists():
            marker.unlink()
        return FetchOutcome(page, "fetched", target)

    def retry_after(self, headers: Message) -> float | None:
        """The wait a ``Retry-After`` header asks for, in seconds, or ``None``."""
        value = headers.get("Retry-After")
        if not value:
            return None
        value = value.strip()
        if value.isdigit():
            return float(value)
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        return max(0.0, when.timestamp() - self.clock())


def _text(data: bytes, charset: str | None, source: str) -> str:
    """The page's text: a byte order mark wins, then the HTTP charset, then the
    page's own ``<meta>`` (:func:`peelkit.page.html.decode`)."""
    if charset and not any(data.startswith(bom) for bom, _ in BOMS):
        try:
            return data.decode(charset)
        except (LookupError, UnicodeError) as error:
            raise ParseError(f"not {charset} text: {error}", line=0, source=source) from None
    return decode(data, source=source)
