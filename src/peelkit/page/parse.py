"""Page text -> :class:`~peelkit.Assessment`: the inspectorate's published pillar pages.

:func:`parse_report` reads the text of a PEEL pillar page of any cycle from 2014 to
2018/19, in either rendering the inspectorate's site has produced (see
``docs/pages.md``): *plain* (title, pillar, headline question, questions, ``- ``
bullets, ``Detailed findings for question N``) and *site* (``Skip to content``,
banners, ``Last updated dd/mm/yyyy`` and grade lines, ``Questions for <Pillar>``,
lone question numbers, ``  • `` bullets). A page cut off part-way parses to what
it shows. :func:`~peelkit.page.render.render_report` writes the plain
rendering back, and ``parse_report(render_report(a)) == a``.

The parser is one pass over the lines with a small state machine. It raises
:class:`~peelkit.ParseError` only for text that is not a pillar page (empty,
binary, too large, no title line, an unknown force or cycle, no way to tell the
pillar) or that contradicts itself (a question number that disagrees with the
framework or with its ``Detailed findings`` line, an impossible date); anything
else it reads as prose.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence

from peelkit.errors import ParseError
from peelkit.forces import UnknownForceError, force
from peelkit.frameworks import FrameworkQuestion, find_headline, find_question, framework
from peelkit.model import (
    INSPECTED,
    AreaForImprovement,
    Assessment,
    CarriedOver,
    CauseOfConcern,
    Cycle,
    Deadline,
    Grade,
    Judgment,
    Pillar,
    PillarAssessment,
    Provenance,
    QuestionAssessment,
    Recommendation,
)
from peelkit.page import grammar as _page
from peelkit.page import html
from peelkit.page.grammar import (
    AREAS_FOR_IMPROVEMENT,
    BOILERPLATE,
    BULLET,
    CAUSE_OF_CONCERN,
    DETAILED_FINDINGS,
    GRADE,
    LAST_UPDATED,
    MAX_PAGE_CHARS,
    NO_GRADE,
    NUMBER,
    PILLAR,
    PROSE,
    QUESTIONS_FOR,
    RECOMMENDATIONS,
    TITLE,
)

__all__ = ["MAX_PAGE_CHARS", "parse_report"]


# -- drafts: what is known so far of a judgment, a question, a page ------------------


class _Judgment:
    """A judgment being read: each field is taken from the first line that gives it."""

    __slots__ = ("grade", "last_updated", "line", "provenance")

    def __init__(self) -> None:
        self.grade: Grade | None = None
        self.provenance: Provenance | None = None
        self.last_updated: dt.date | None = None
        self.line: int | None = None

    def build(self) -> Judgment:
        return Judgment(self.grade, self.provenance or INSPECTED, self.last_updated, line=self.line)


class _Question:
    """A question being read, with its findings so far."""

    __slots__ = (
        "afis",
        "causes",
        "detailed",
        "framework",
        "judgment",
        "line",
        "number",
        "summary",
        "text",
    )

    def __init__(self, text: str, line: int, number: int | None) -> None:
        self.text = text
        self.line = line
        self.number = number
        self.framework: FrameworkQuestion | None = None
        self.judgment = _Judgment()
        self.afis: list[AreaForImprovement] = []
        self.causes: list[tuple[str, int, list[Recommendation]]] = []
        self.summary: list[str] = []
        self.detailed = False

    def build(self) -> QuestionAssessment:
        return QuestionAssessment(
            self.number,
            self.text,
            self.judgment.build(),
            tuple(self.afis),
            tuple(
                [
                    CauseOfConcern(text, tuple(recommendations), line=line)
                    for text, line, recommendations in self.causes
                ]
            )
            if self.causes
            else (),
            tuple(self.summary),
            self.detailed,
            line=self.line,
        )


# Sections of a question block.
_NONE, _AFI, _COC, _REC = range(4)
_classify = _page.classify


class _Reader:
    """Reads one text: one or more pages of one force and cycle."""

    def __init__(
        self, lines: list[str], source: str | None, numbers: Sequence[int] | None = None
    ) -> None:
        self.lines = lines
        self.source = source
        self.numbers = list(range(1, len(lines) + 1)) if numbers is None else numbers
        """The source line number of each line: its place in the text, or (for HTML)
        the line of the HTML source its block starts on."""

    def error(self, message: str, number: int, column: int = 0) -> ParseError:
        """A ParseError at 0-based line ``number``."""
        inside = 0 <= number < len(self.lines)
        text = self.lines[number].rstrip() if inside else ""
        line = self.numbers[number] if inside else number + 1
        return ParseError(message, line=line, text=text, column=column, source=self.source)

    # -- the text ----------------------------------------------------------------------

    def read(self) -> Assessment:
        lines = self.lines
        count = len(lines)
        start = 0
        while start < count and not lines[start].strip():
            start += 1
        if start == count:
            raise ParseError("empty page: no text", line=0, source=self.source)
        index = start
        while index < count:
            line = lines[index]
            if " PEEL " in line and _is_title(line.strip()):
                break
            index += 1
        else:
            raise self.error(
                "not a PEEL pillar page: no title line such as 'Kent PEEL 2018'", start
            )
        name, cycle = self.title(index)
        self.cycle = cycle
        pillars: list[PillarAssessment] = []
        while index < count:
            page = _Page(self, index)
            pillar, index = page.read()
            for earlier in pillars:
                if earlier.pillar is pillar.pillar:
                    raise self.error(
                        f"a second {pillar.pillar} page for {name} {cycle}: "
                        "one text holds at most one page per pillar",
                        page.pillar_line,
                    )
            pillars.append(pillar)
            if index < count:
                other, other_cycle = self.title(index)
                if (other, other_cycle) != (name, cycle):
                    raise self.error(
                        f"a page for {other} {other_cycle} after one for {name} {cycle}: "
                        "one text holds pages of one force and cycle",
                        index,
                    )
        return Assessment(name, cycle, tuple(pillars), source=self.source)

    def title(self, index: int) -> tuple[str, Cycle]:
        """The force's short name and the cycle of the title line at ``index``."""
        stripped = self.lines[index].strip()
        known = _TITLES.get(stripped)
        if known is not None:
            return known
        offset = len(self.lines[index]) - len(self.lines[index].lstrip())
        parts = _page.title_parts(stripped)
        assert parts is not None  # the caller found a title here
        name, year, name_column, year_column = parts
        try:
            cycle = Cycle(year)
        except ValueError:
            raise self.error(
                f"unknown PEEL cycle {year!r}; expected a year such as 2015, 2016, 2017 or "
                "2018 (for 2018/19)",
                index,
                offset + year_column,
            ) from None
        try:
            found = force(name)
        except UnknownForceError as unknown:
            raise self.error(str(unknown), index, offset + name_column) from None
        if len(_TITLES) >= _REMEMBERED:
            _TITLES.clear()
        _TITLES[stripped] = found.short_name, cycle
        return found.short_name, cycle

    def next_content(self, index: int) -> int:
        """The index of the first non-blank line at or after ``index`` (or the end)."""
        lines = self.lines
        count = len(lines)
        while index < count and not lines[index].strip():
            index += 1
        return index

    def next_heading(self, index: int) -> int:
        """Like :meth:`next_content`, skipping boilerplate (``Skip to content``) too."""
        index = self.next_content(index)
        while index < len(self.lines):
            if _page.classify(self.lines[index].strip())[0] != BOILERPLATE:
                break
            index = self.next_content(index + 1)
        return index

    def starts_page(self, index: int) -> bool:
        """Whether the title-shaped line at ``index`` starts another page: it follows a
        blank line, and a pillar line follows it."""
        if self.lines[index - 1].strip():
            return False
        following = self.next_content(index + 1)
        if following >= len(self.lines):
            return False
        kind, _ = _page.classify(self.lines[following].strip())
        return kind == PILLAR

    def question_at(
        self,
        line: str,
        index: int,
        number: int | None,
        pillar: Pillar | None,
        current: _Question | None,
        strict: bool,
    ) -> _Question | None:
        """A new question if ``line`` (at ``index``) is one, else ``None``.

        A known wording of the cycle's framework is always a question; so is a line
        after a lone question number that reads as a question. Any other line that
        reads as a question starts one too, except inside the block of a known
        question of a pillar whose questions are all known: there it is a
        sub-heading (a diagnostic question), part of the block's prose.
        """
        known = _framework_question(self.cycle, line, pillar)
        if known is None and pillar is None:
            known = _framework_question(self.cycle, line, None)
        if known is None:
            if not _page.is_question_like(line):
                return None
            if number is None and strict and current is not None and current.framework:
                return None
        new = _Question(line, self.numbers[index], number)
        if known is not None:
            new.framework = known
            if number is None:
                new.number = known.number
            elif number != known.number:
                raise self.error(
                    f"question number {number} does not match the framework: this wording "
                    f"is question {known.number} of {known.pillar} in {self.cycle}",
                    index,
                )
        return new

    def check_number(self, question: _Question, number: int, index: int) -> None:
        """Give ``question`` the number of its ``Detailed findings`` line, or check it."""
        if question.number is None:
            known = question.framework
            if known is not None and known.number != number:
                raise self.error(
                    f"detailed findings for question {number} follow question "
                    f"{known.number} of the framework",
                    index,
                )
            question.number = number
        elif question.number != number:
            raise self.error(
                f"detailed findings for question {number} follow question {question.number}",
                index,
            )


class _Page:
    """One page being read: the reader's state between lines, and one method per kind
    of line (:data:`_READS`), each returning the index of the next line to read.

    The state is the pillar and headline once known, the pillar's judgment and
    summary, the questions so far, and where in the current question's block the
    reader is: its judgment (``target``), its section (areas for improvement,
    causes of concern, recommendations), the cycle its carried-over areas for
    improvement come from, and the deadline a recommendations lead-in gave.
    """

    __slots__ = (
        "afi_from",
        "bullets_seen",
        "cycle",
        "headline",
        "inherited",
        "judgment",
        "lines",
        "numbers",
        "pillar",
        "pillar_complete",
        "pillar_line",
        "question",
        "questions",
        "reader",
        "section",
        "start",
        "summary",
        "target",
        "title",
    )

    def __init__(self, reader: _Reader, title: int) -> None:
        self.reader = reader
        self.lines = reader.lines
        self.numbers = reader.numbers
        self.cycle = reader.cycle
        self.title = title
        self.pillar: Pillar | None = None
        self.pillar_line = title
        self.headline: str | None = None
        self.judgment = _Judgment()
        self.summary: list[str] = []
        self.questions: list[_Question] = []
        self.question: _Question | None = None
        self.target = self.judgment
        self.section = _NONE
        self.afi_from: Cycle | None = None
        self.inherited: Deadline | None = None  # a recommendations lead-in's deadline
        self.bullets_seen = False
        self.pillar_complete = False
        self.start = self.head(title)

    def head(self, title: int) -> int:
        """Read the pillar line and headline question under the title; where the body starts."""
        lines = self.lines
        count = len(lines)
        cycle = self.cycle
        reader = self.reader
        index = reader.next_heading(title + 1)
        if index < count:
            kind, value = _classify(lines[index].strip())
            if kind == PILLAR:
                assert isinstance(value, Pillar)
                self.pillar, self.pillar_line = value, index
                index = reader.next_heading(index + 1)
        if index < count:
            line = lines[index].strip()
            if line[-1] == "?":
                named = _headline(cycle, line)
                if named is not None:
                    self.headline = line
                    self.pillar = self.pillar or named
                    index += 1
                elif _framework_question(cycle, line, None) is None and _page.is_question_like(
                    line
                ):
                    self.headline = line
                    index += 1
        if self.pillar is not None:
            self.pillar_complete = _complete(cycle, self.pillar)
        return index

    def read(self) -> tuple[PillarAssessment, int]:
        """The page's pillar, and the index of the line that starts the next page."""
        lines = self.lines
        count = len(lines)
        reads = _READS
        index = self.start
        while index < count:
            line = lines[index].strip()
            if not line:
                index += 1
                continue
            kind, value = _classify(line)
            if kind == TITLE and self.reader.starts_page(index):
                break
            index = reads[kind](self, line, value, index)
        return self.build(), index

    def build(self) -> PillarAssessment:
        """The pillar read, once every line of the page has been."""
        pillar = self.pillar
        if pillar is None:
            raise self.reader.error(
                "cannot tell which pillar this page is about: expected a line "
                "'Effectiveness', 'Efficiency' or 'Legitimacy' after the title",
                self.title,
            )
        for each in self.questions:
            if each.framework is None and each.number is None:
                found = _framework_question(self.cycle, each.text, pillar)
                if found is not None:
                    each.number = found.number
        return PillarAssessment(
            pillar,
            self.headline,
            self.judgment.build(),
            tuple(self.summary),
            tuple([each.build() for each in self.questions]),
            line=self.numbers[self.pillar_line],
            source=self.reader.source,
        )

    # -- shared steps ------------------------------------------------------------------

    def open_question(self, new: _Question) -> None:
        """Start reading the block of question ``new``; it may name the page's pillar."""
        if self.pillar is None and new.framework is not None:
            self.pillar = new.framework.pillar
        self.pillar_complete = self.pillar is not None and _complete(self.cycle, self.pillar)
        self.question = new
        self.questions.append(new)
        self.target = new.judgment
        self.section = _NONE

    def keep(self, line: str) -> None:
        """Keep ``line`` as prose of the current question's block (ending any section),
        or of the pillar's summary before the first question."""
        self.section = _NONE
        if self.question is None:
            self.summary.append(line)
        else:
            self.question.summary.append(line)

    def headline_or_question(self, line: str, index: int) -> bool:
        """Whether the question-shaped ``line`` is the page's headline question or
        opens a question's block (and if so, take it as that)."""
        named = _headline(self.cycle, line)
        if named is not None:
            # A headline question is never a question of the page.
            if self.headline is None and self.question is None and not self.summary:
                self.headline = line
                self.pillar = self.pillar or named
                self.pillar_complete = _complete(self.cycle, self.pillar)
                return True
            return False
        new = self.reader.question_at(
            line, index, None, self.pillar, self.question, self.pillar_complete
        )
        if new is None:
            return False
        self.open_question(new)
        return True

    # -- one method per kind of line ---------------------------------------------------

    def text(self, line: str, value: object, index: int) -> int:
        """A title or pillar word that starts no page: a headline or a question, as
        in :meth:`prose`, or else text of the current section."""
        if line[-1] != "?" or not self.headline_or_question(line, index):
            self.section_text(line, index)
        return index + 1

    def prose(self, line: str, value: object, index: int) -> int:
        """A line of prose: a headline question, a question opening its block, a
        judgment carried over, a lead-in to areas for improvement carried from an
        earlier inspection, or else text of the current section."""
        if line[-1] == "?" and self.headline_or_question(line, index):
            return index + 1
        if "arried over" in line or "till stand" in line:
            provenance = _carried_over(self.cycle, line)
            if provenance is not None and (
                self.question is not None or not line.startswith("This question")
            ):
                target = self.target
                if target.provenance is None:
                    target.provenance = provenance
                    target.line = target.line or self.numbers[index]
                    self.section = _NONE
                    return index + 1
                if target.provenance == provenance:
                    return index + 1
        if self.question is not None and "emain" in line and _page.afi_lead_in(line):
            self.afi_from = _page.carried_afi_cycle(line) or _context_cycle(
                self.question, self.judgment, self.cycle
            )
            # The lead-in marks the bullets after it; it is not kept as prose.
            self.section = _AFI
            return index + 1
        self.section_text(line, index)
        return index + 1

    def section_text(self, line: str, index: int) -> None:
        """A line of text in the current section: a cause of concern, a
        recommendations lead-in (its deadline covers the bullets after it), or prose."""
        question = self.question
        section = self.section
        if question is None:
            self.summary.append(line)
        elif section == _COC:
            question.causes.append((line, self.numbers[index], []))
        elif section == _REC and (not self.bullets_seen or line[-1] == ":"):
            self.inherited = _page.deadline_in(line)
            self.bullets_seen = False
        else:
            self.section = _NONE
            question.summary.append(line)

    def bullet(self, line: str, value: object, index: int) -> int:
        """A bullet: an area for improvement, a recommendation, or prose."""
        assert isinstance(value, str)
        question = self.question
        if question is not None and self.section == _AFI:
            deadline = _page.deadline_in(value)
            at = self.numbers[index]
            question.afis.append(AreaForImprovement(value, deadline, self.afi_from, line=at))
        elif question is not None and self.section == _REC and question.causes:
            self.bullets_seen = True
            deadline = _page.deadline_in(value) or self.inherited
            at = self.numbers[index]
            question.causes[-1][2].append(Recommendation(value, deadline, line=at))
        else:
            (question.summary if question else self.summary).append(f"- {value}")
        return index + 1

    def grade(self, line: str, value: object, index: int) -> int:
        """A grade word: the current judgment's grade, unless it has another."""
        assert isinstance(value, Grade)
        target = self.target
        if target.grade is None:
            target.grade = value
            target.line = self.numbers[index]
            self.section = _NONE
        elif target.grade is not value:
            self.keep(line)
        return index + 1

    def no_grade(self, line: str, value: object, index: int) -> int:
        """A line saying why there is no grade: the current judgment's provenance."""
        target = self.target
        if target.provenance is None:
            target.provenance = value  # type: ignore[assignment]
            target.line = target.line or self.numbers[index]
            self.section = _NONE
        elif target.provenance is not value:
            self.keep(line)
        return index + 1

    def last_updated(self, line: str, value: object, index: int) -> int:
        """A ``Last updated`` line: the current judgment's date."""
        target = self.target
        try:
            date = _page.last_updated(line)
        except ValueError as error:
            raise self.reader.error(
                f"no such date: {error}", index, self.lines[index].index(line)
            ) from None
        if date is None or (target.last_updated not in (None, date)):
            self.keep(line)
        elif target.last_updated is None:
            target.last_updated = date
            target.line = target.line or self.numbers[index]
        return index + 1

    def number(self, line: str, value: object, index: int) -> int:
        """A lone question number: it numbers the question on the next line, if any."""
        assert isinstance(value, int)
        lines = self.lines
        count = len(lines)
        following = index + 1
        while following < count and not (text := lines[following].strip()):
            following += 1
        new = None
        if following < count and _classify(text)[0] in (PROSE, TITLE):
            new = self.reader.question_at(text, following, value, self.pillar, None, False)
        if new is None:
            # A number that numbers no question is page furniture: kept as prose,
            # it would number the next question when written back.
            self.section = _NONE
            return index + 1
        self.open_question(new)
        return following + 1

    def areas_for_improvement(self, line: str, value: object, index: int) -> int:
        """An ``Areas for improvement`` heading: the bullets after it are areas."""
        if self.question is None:
            self.summary.append(line)
        else:
            self.section, self.afi_from = _AFI, None
        return index + 1

    def cause_of_concern(self, line: str, value: object, index: int) -> int:
        """A ``Cause of concern`` heading: the text after it states causes."""
        if self.question is None:
            self.summary.append(line)
        else:
            self.section = _COC
        return index + 1

    def recommendations(self, line: str, value: object, index: int) -> int:
        """A ``Recommendations`` heading: the bullets after it address the last cause."""
        question = self.question
        if question is None or not question.causes:
            self.keep(line)
        else:
            self.section, self.inherited, self.bullets_seen = _REC, None, False
        return index + 1

    def detailed_findings(self, line: str, value: object, index: int) -> int:
        """A ``Detailed findings`` line: the current question has them (and this number)."""
        question = self.question
        if question is None:
            raise self.reader.error(
                "'Detailed findings' before any question", index, self.lines[index].index(line)
            )
        if isinstance(value, int):
            self.reader.check_number(question, value, index)
        question.detailed = True
        self.section = _NONE
        return index + 1

    def questions_for(self, line: str, value: object, index: int) -> int:
        """A ``Questions for <pillar>`` line: names the pillar, or must agree with it."""
        assert isinstance(value, Pillar)
        if self.pillar is None:
            self.pillar = value
            self.pillar_complete = _complete(self.cycle, value)
        elif self.pillar is not value:
            raise self.reader.error(
                f"this is a {self.pillar} page, but the line lists questions for {value}",
                index,
                self.lines[index].index(line),
            )
        self.section = _NONE
        return index + 1

    def boilerplate(self, line: str, value: object, index: int) -> int:
        """Site furniture (``Skip to content``, ``Back to top``): skipped."""
        return index + 1


_READS: dict[int, Callable[[_Page, str, object, int], int]] = {
    PROSE: _Page.prose,
    TITLE: _Page.text,
    PILLAR: _Page.text,
    GRADE: _Page.grade,
    NO_GRADE: _Page.no_grade,
    LAST_UPDATED: _Page.last_updated,
    AREAS_FOR_IMPROVEMENT: _Page.areas_for_improvement,
    CAUSE_OF_CONCERN: _Page.cause_of_concern,
    RECOMMENDATIONS: _Page.recommendations,
    QUESTIONS_FOR: _Page.questions_for,
    NUMBER: _Page.number,
    DETAILED_FINDINGS: _Page.detailed_findings,
    BULLET: _Page.bullet,
    BOILERPLATE: _Page.boilerplate,
}
"""What the reader does with each kind of line (see :func:`~peelkit.page.grammar.classify`)."""


# Pages repeat the same question wordings, so lookups by wording are remembered, but
# only for lines no longer than any real heading: a cache keyed on the text of every
# long line would keep megabytes of page alive after the page is gone.
_TITLES: dict[str, tuple[str, Cycle]] = {}
_REMEMBERED = 4096
_REMEMBERED_LINE = 1024
"""Lines longer than this are looked up afresh each time (the longest wording is ~300)."""


def _is_title(stripped: str) -> bool:
    """:func:`~peelkit.page.grammar.is_title`, at once for a title read before."""
    return stripped in _TITLES or _page.is_title(stripped)


def _framework_question(cycle: Cycle, line: str, pillar: Pillar | None) -> FrameworkQuestion | None:
    """:func:`~peelkit.find_question`, remembered for lines of a heading's length."""
    if len(line) > _REMEMBERED_LINE:
        return find_question(cycle, line, pillar)
    return _remembered_question(cycle, line, pillar)


def _headline(cycle: Cycle, line: str) -> Pillar | None:
    """:func:`~peelkit.find_headline`, remembered for lines of a heading's length."""
    if len(line) > _REMEMBERED_LINE:
        return find_headline(cycle, line)
    return _remembered_headline(cycle, line)


def _carried_over(cycle: Cycle, line: str) -> CarriedOver | None:
    """The carry-over ``line`` states (:func:`~peelkit.page.grammar.carried_over`), if
    any, remembered for lines of a heading's length: pages repeat these sentences."""
    if len(line) > _REMEMBERED_LINE:
        return _carry_over(cycle, line)
    return _remembered_carry_over(cycle, line)


def _carry_over(cycle: Cycle, line: str) -> CarriedOver | None:
    carried = _page.carried_over(line, cycle)
    return None if carried is None else CarriedOver(*carried)


_remembered_question = functools.lru_cache(maxsize=_REMEMBERED)(find_question)
_remembered_headline = functools.lru_cache(maxsize=_REMEMBERED)(find_headline)
_remembered_carry_over = functools.lru_cache(maxsize=_REMEMBERED)(_carry_over)


@functools.cache
def _complete(cycle: Cycle, pillar: Pillar) -> bool:
    """Whether every question of ``pillar`` in ``cycle`` has a verified wording."""
    entry = framework(cycle).pillar(pillar)
    return (
        entry is not None
        and bool(entry.questions)
        and all(question.verified for question in entry.questions)
    )


def _context_cycle(question: _Question, pillar: _Judgment, cycle: Cycle) -> Cycle | None:
    """The inspection "that inspection" refers to: the question's carry-over, the
    pillar's, or else the cycle before ``cycle``."""
    for judgment in (question.judgment, pillar):
        if isinstance(judgment.provenance, CarriedOver):
            return judgment.provenance.from_cycle
    return _page.previous_cycle(cycle)


def _as_text(text: str | bytes, source: str | None) -> str:
    """``text`` as one string with ``\\n`` line ends, or a ParseError saying why not."""
    if isinstance(text, (bytes, bytearray)):
        data = bytes(text)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            raise ParseError(
                f"not UTF-8 text: byte 0x{data[error.start]:02x} at offset {error.start}",
                line=line,
                source=source,
            ) from None
    elif not isinstance(text, str):
        raise TypeError(f"parse_report expects str or bytes, not {type(text).__name__}")
    if len(text) > MAX_PAGE_CHARS:
        raise ParseError(
            f"text is {len(text):,} characters; peelkit parses pages of at most "
            f"{MAX_PAGE_CHARS:,} characters",
            line=0,
            source=source,
        )
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as error:
            start = text.rfind("\n", 0, error.start) + 1
            raise ParseError(
                f"a lone surrogate {text[error.start]!r}, which cannot be written as UTF-8",
                line=text.count("\n", 0, error.start) + 1,
                column=error.start - start,
                source=source,
            ) from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        at = text.index("\x00")
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        shown = text[start : end if end >= 0 else len(text)].replace("\x00", "\\0")
        raise ParseError(
            "binary data, not page text: a NUL character",
            line=text.count("\n", 0, at) + 1,
            text=shown,
            column=at - start,
            source=source,
        )
    return text


def parse_report(text: str | bytes, *, source: str | None = None) -> Assessment:
    """Parse the text of one PEEL pillar page into an assessment holding that pillar.

    ``text`` is the page as text (or UTF-8 bytes); ``source`` names where it came
    from and is kept on the assessment, its pillars and any error. Several pages of
    one force and cycle, one after another (as :func:`~peelkit.page.render.render_report` writes a
    multi-pillar assessment), give one assessment holding every pillar.

    HTML (told apart by content: it starts with a tag) is read block by block, see
    :mod:`peelkit.page.html`; line numbers then refer to the HTML source.

    Raises :class:`~peelkit.ParseError`, with the line and a pointer, for text that
    is not a pillar page.
    """
    if not isinstance(text, (str, bytes, bytearray)):
        text = _as_text(text, source)  # refused there
    if html.is_html(text):
        return html.read_html(
            text,
            lambda lines, numbers: _Reader(lines, source, numbers).read(),
            source=source,
            max_chars=MAX_PAGE_CHARS,
        )
    text = _as_text(text, source)
    return _Reader(text.split("\n"), source).read()
