"""The vocabulary of a PEEL pillar page, shared by the parser and the renderer.

A page is read line by line. :func:`classify` says what one stripped line is (a
title, a grade word, a heading, a bullet, a question number, …) with a few cheap
tests and precompiled patterns, so a page costs one pass. The phrase functions
write the canonical sentences the renderer uses, and the patterns here read them
back, so the two cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from peelkit import model
from peelkit._deadlines import deadline_in, deadline_phrase
from peelkit.model import Cycle, Grade, Pillar

__all__ = [
    "AREAS_FOR_IMPROVEMENT",
    "BOILERPLATE",
    "BULLET",
    "BULLET_MARKS",
    "CAUSE_OF_CONCERN",
    "DETAILED_FINDINGS",
    "EXACT_LONGEST",
    "FIXED_PHRASES",
    "GRADE",
    "LAST_UPDATED",
    "MARKED_FIRST",
    "MAX_PAGE_CHARS",
    "NO_GRADE",
    "NUMBER",
    "PILLAR",
    "PROSE",
    "QUESTIONS_FOR",
    "RECOMMENDATIONS",
    "TITLE",
    "afi_lead_in",
    "afi_lead_in_phrase",
    "carried_afi_cycle",
    "carried_over",
    "carried_over_phrase",
    "classify",
    "cycle_from_year",
    "deadline_in",
    "deadline_phrase",
    "is_question_like",
    "is_title",
    "last_updated",
    "previous_cycle",
    "title_parts",
]

MAX_PAGE_CHARS = 16 * 1024 * 1024
"""Texts longer than this many characters (16 MiB) are refused with a ParseError."""


# What one non-blank line of a page is: plain ints, because the parser compares them
# for every line and an enum member costs a class attribute look-up each time.
PROSE = 0
TITLE = 1
PILLAR = 2
GRADE = 3
NO_GRADE = 4  # a line saying why there is no grade; its value is the provenance
LAST_UPDATED = 5
AREAS_FOR_IMPROVEMENT = 6
CAUSE_OF_CONCERN = 7
RECOMMENDATIONS = 8
QUESTIONS_FOR = 9
NUMBER = 10
DETAILED_FINDINGS = 11
BULLET = 12
BOILERPLATE = 13


# Lines that are one fixed phrase, compared in lower case. Only short lines are looked
# up, so long prose costs nothing here.
_EXACT: dict[str, tuple[int, object]] = {}
for _grade in Grade:
    _EXACT[_grade.value] = (GRADE, _grade)
for _pillar in Pillar:
    _EXACT[_pillar.value] = (PILLAR, _pillar)
    _EXACT[f"questions for {_pillar.value}"] = (QUESTIONS_FOR, _pillar)
for _words in ("not yet graded", "not yet graded.", "to be graded", "to be graded."):
    _EXACT[_words] = (NO_GRADE, model.NOT_YET_GRADED)
for _words in ("not graded", "not graded."):
    _EXACT[_words] = (NO_GRADE, model.NOT_GRADED)
for _words in ("areas for improvement", "area for improvement"):
    _EXACT[_words] = (AREAS_FOR_IMPROVEMENT, None)
for _words in ("cause of concern", "causes of concern", "cause for concern", "causes for concern"):
    _EXACT[_words] = (CAUSE_OF_CONCERN, None)
for _words in ("recommendations", "recommendation"):
    _EXACT[_words] = (RECOMMENDATIONS, None)
for _words in (
    "skip to content",
    "english cymraeg",
    "english",
    "cymraeg",
    "os hoffech chi ddarllen hwn trwy’r gymraeg (pdf document)",
    "os hoffech chi ddarllen hwn trwy'r gymraeg (pdf document)",
    "back to top",
):
    _EXACT[_words] = (BOILERPLATE, None)
# Lone question numbers and ``Detailed findings`` lines are whole lines too, written
# one way: looked up like the phrases. Other spellings (digits of another script)
# still reach their patterns in :func:`classify`.
for _number in range(1, 100):
    _EXACT[str(_number)] = (NUMBER, _number)
    _EXACT[f"detailed findings for question {_number}"] = (DETAILED_FINDINGS, _number)
_EXACT["detailed findings"] = (DETAILED_FINDINGS, None)
_EXACT_LONGEST = max(len(key) for key in _EXACT)
EXACT_LONGEST = _EXACT_LONGEST
"""The longest fixed phrase (grade, pillar, heading, boilerplate): longer lines are none."""
FIXED_PHRASES: Mapping[str, tuple[int, object]] = _EXACT
"""Lines that are one fixed phrase, in lower case, and what :func:`classify` says of them."""

_TITLE_MAX = 200
"""No title line is longer: the longest force name with ``PEEL 2018/19`` is under 60."""
_LAST_UPDATED = re.compile(r"Last updated:?\s+(\d{1,2})/(\d{1,2})/(\d{4})\Z", re.IGNORECASE)
_DETAILED = re.compile(r"Detailed findings(?: for question ([1-9]\d?))?\Z", re.IGNORECASE)
_NUMBER = re.compile(r"[1-9]\d?\Z")
_BULLET_MARKS = frozenset("-•‣▪◦*")
BULLET_MARKS = _BULLET_MARKS
"""The characters that, followed by white space, start a bullet."""
MARKED_FIRST = frozenset(_BULLET_MARKS | set("123456789LlDd"))
"""The first characters of bullets, lone numbers, ``Last updated`` and ``Detailed
findings`` lines: a longer line starting otherwise is prose or a title."""
_QUESTION = re.compile(
    r"(?:How|To what extent|What|Which|Why|When|Where|Who|Is|Are|Does|Do|Has|Have|Can|"
    r"Could|Should|Will|Would)\b"
)
_QUESTION_MAX = 300


def classify(line: str) -> tuple[int, object]:
    """What the stripped, non-blank ``line`` is, and the value it carries.

    The value is the :class:`Grade` or :class:`Pillar` of a grade, pillar or
    ``Questions for`` line, the number of a lone number or ``Detailed findings for
    question N`` line (``None`` for a bare ``Detailed findings``), the text of a
    bullet without its marker, and ``None`` otherwise. Titles are only *candidates*:
    whether one starts a page is the parser's call.

    The reader asks this of every line, so the commonest lines are told first and
    cheaply: a bullet by its mark (no fixed line starts with one), a short line by
    one look-up of its whole text (:data:`FIXED_PHRASES`), and a longer line that
    starts with no character a marked line starts with and holds no ``" PEEL "`` is
    prose without further tests.
    """
    first = line[0]
    if first in _BULLET_MARKS and len(line) > 1 and line[1].isspace():
        return BULLET, line[2:].lstrip()
    if len(line) <= _EXACT_LONGEST:
        exact = _EXACT.get(line.lower())
        if exact is not None:
            return exact
    elif first not in MARKED_FIRST and " PEEL " not in line:
        return _PROSE_RESULT
    if first.isdigit():
        if _NUMBER.match(line) is not None:
            return NUMBER, int(line)
    elif first in "LlDd":
        if line[1:12].lower() == "ast updated":
            return _LAST_UPDATED_RESULT
        if line[1:17].lower() == "etailed findings":
            match = _DETAILED.match(line)
            if match is not None:
                return DETAILED_FINDINGS, None if match[1] is None else int(match[1])
    if " PEEL " in line and len(line) <= _TITLE_MAX and title_parts(line) is not None:
        return _TITLE_RESULT
    return _PROSE_RESULT


_PROSE_RESULT: tuple[int, object] = (PROSE, None)
_TITLE_RESULT: tuple[int, object] = (TITLE, None)
_LAST_UPDATED_RESULT: tuple[int, object] = (LAST_UPDATED, None)


def is_title(line: str) -> bool:
    """Whether ``line`` has the shape of a title line, ``<Force> PEEL <year>``."""
    return title_parts(line) is not None


def title_parts(line: str) -> tuple[str, str, int, int] | None:
    """``(force, year, force column, year column)`` of a title line, or ``None``.

    A title is ``<force> PEEL <year>``: the force starts the line, the year is its
    last word and ``PEEL`` the word before, each parted by white space. A line
    longer than any real title (:data:`_TITLE_MAX`) is not one, so the cost is bounded
    (string methods, no backtracking: the earlier pattern was quadratic in the length
    of a white-space run).
    """
    if not line or len(line) > _TITLE_MAX or "\n" in line:
        return None
    if line[0].isspace() or line[-1].isspace():
        return None
    parts = line.rsplit(None, 1)
    if len(parts) != 2 or not parts[0].endswith("PEEL"):
        return None
    rest, year = parts
    named = rest[:-4]
    if not named or not named[-1].isspace():
        return None
    name = named.rstrip()
    if not name:
        return None
    return name, year, 0, len(line) - len(year)


def last_updated(line: str) -> dt.date | None:
    """The date of a ``Last updated dd/mm/yyyy`` line, or ``None`` if the line is not one.

    Raises :class:`ValueError` for a line of that shape whose date does not exist
    (``Last updated 31/02/2019``).
    """
    match = _LAST_UPDATED.match(line)
    if match is None:
        return None
    return dt.date(int(match[3]), int(match[2]), int(match[1]))


def is_question_like(line: str) -> bool:
    """Whether ``line`` reads as a question: an interrogative start, a ``?`` end, short."""
    return line[-1] == "?" and len(line) <= _QUESTION_MAX and _QUESTION.match(line) is not None


# -- cycles -------------------------------------------------------------------------

_CYCLES = tuple(Cycle)


def cycle_from_year(year: str) -> Cycle | None:
    """The cycle a page names by ``year`` (``2017``, ``2018/19``, ``2017/18``), or ``None``.

    A cycle label wins; otherwise the first four digits name the cycle that starts
    that year, so ``2017/18`` (how some pages write the 2017 cycle) is 2017.
    """
    try:
        return Cycle(year)
    except ValueError:
        pass
    try:
        return Cycle(year[:4])
    except ValueError:
        return None


def previous_cycle(cycle: Cycle) -> Cycle | None:
    """The cycle before ``cycle`` ("last year’s inspection"), or ``None`` for the first."""
    index = _CYCLES.index(cycle)
    return _CYCLES[index - 1] if index else None


# -- carried over -------------------------------------------------------------------

_CARRIED = re.compile(r"carried over|still stands?\b", re.IGNORECASE)
_ABOUT_JUDGMENT = re.compile(r"inspect|judg|grade", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\b", re.IGNORECASE)
_LAST_YEAR = re.compile(r"\blast year[’']?s?\b", re.IGNORECASE)
_INSPECTION = re.compile(
    r"\s+(effectiveness|efficiency|legitimacy|leadership|areas of policing)\s+inspection",
    re.IGNORECASE,
)


def carried_over(line: str, cycle: Cycle) -> tuple[Cycle, Pillar | None] | None:
    """``(from cycle, inspection)`` if ``line`` says a judgment was carried over, else ``None``.

    Reads "… our judgment from the 2017 effectiveness inspection has been carried
    over.", "This judgment has been carried over from our last inspection in
    2017/18." and, on a ``cycle`` page, "The grade and findings from last year’s
    inspection still stand." (the cycle before). The inspection is named only where
    the page names it. A line that mentions no source cycle is not a carry-over.
    """
    if "arried over" not in line and "till stand" not in line:
        return None  # the cheap test first: most lines are prose
    if not _found(_CARRIED, line, _CARRIED_WORDS) or not _found(
        _ABOUT_JUDGMENT, line, _ABOUT_JUDGMENT_WORDS
    ):
        return None
    found = _from_year(line)
    if found is not None:
        source = cycle_from_year(found[1])
        if source is None:
            return None
        named = _INSPECTION.match(line, found.end())
        return source, None if named is None else Pillar(named[1].lower())
    if _found(_LAST_YEAR, line, ("last year",)):
        before = previous_cycle(cycle)
        return None if before is None else (before, None)
    return None


# A case-blind pattern searches a line several times slower than a string search, so
# the matchers below first try the pattern only where a string search finds its words.


def _found(pattern: re.Pattern[str], line: str, words: tuple[str, ...]) -> bool:
    """Whether ``pattern`` is found in ``line``: tried first where one of ``words`` (its
    spellings as pages write them) stands, then by a search of the whole line."""
    for word in words:
        at = line.find(word)
        if at >= 0 and pattern.match(line, at) is not None:
            return True
    return pattern.search(line) is not None


_CARRIED_WORDS = ("carried over", "still stand")
_ABOUT_JUDGMENT_WORDS = ("judg", "inspect", "grade")


def _next_from(line: str, lowered: str | None, start: int) -> re.Match[str] | None:
    """What ``_FROM.search(line, start)`` finds. ``lowered`` is ``line.lower()`` where
    that keeps every character in its place (else ``None``): a ``from`` in any case is
    then a ``from`` there, as the pattern's case-blind letters are just these."""
    if lowered is None:
        return _FROM.search(line, start)
    while (at := lowered.find("from", start)) >= 0:
        word = _FROM.match(line, at)
        if word is not None:
            return word
        start = at + 1
    return None


def _from_year(line: str) -> re.Match[str] | None:
    """The first year after a ``from`` in the same sentence (no ``.`` between them).

    Linear: the first ``from`` of a sentence sees every year a later ``from`` of that
    sentence could see, so a sentence without a year is searched once and skipped.
    """
    lowered = line.lower()
    places = lowered if len(lowered) == len(line) else None
    start = 0
    while (word := _next_from(line, places, start)) is not None:
        end = line.find(".", word.end())
        if end < 0:
            end = len(line)
        year = _YEAR.search(line, word.end(), end)
        if year is not None:
            return year
        start = end
    return None


def carried_over_phrase(
    cycle: Cycle, source: Cycle, inspection: Pillar | None, *, question: bool
) -> str:
    """The sentence the renderer writes for a carried-over judgment."""
    named = f"{source.value} {inspection.value}" if inspection else source.value
    if question and inspection is None and previous_cycle(cycle) is source:
        return (
            f"This question was not inspected in {cycle.value}. "
            "The grade and findings from last year’s inspection still stand."
        )
    if question:
        return (
            f"This question was not subject to detailed inspection in {cycle.value}, "
            f"and our judgment from the {named} inspection has been carried over."
        )
    return f"This judgment has been carried over from the {named} inspection."


_AFI_WORDS = re.compile(r"\b(?:areas? for improvement|AFIs?)\b", re.IGNORECASE)
_REMAIN = re.compile(r"\bremain", re.IGNORECASE)
_YEAR = re.compile(r"\b(\d{4}(?:/\d{2})?)\b")


def afi_lead_in(line: str) -> bool:
    """Whether ``line`` introduces areas for improvement carried from an earlier inspection.

    "One area for improvement remained from that inspection." and "The following AFI
    from HMICFRS’ 2015 Legitimacy inspection remains:".
    """
    if "emain" not in line:
        return False
    # "remain" after the first mention: one scan each, where ``AFI.*remain`` backtracked.
    words = _AFI_WORDS.search(line)
    return words is not None and _REMAIN.search(line, words.end()) is not None


def carried_afi_cycle(line: str) -> Cycle | None:
    """The cycle an AFI lead-in names, or ``None`` ("that inspection": see the context)."""
    found = _YEAR.search(line)
    return None if found is None else cycle_from_year(found[1])


def afi_lead_in_phrase(source: Cycle) -> str:
    """The lead-in the renderer writes before areas for improvement carried from ``source``."""
    return f"The following areas for improvement from the {source.value} inspection remain:"
