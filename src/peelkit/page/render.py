""":class:`~peelkit.Assessment` -> page text, in the plain rendering the parser reads back.

A pillar is written as one page::

    <Force> PEEL <year>
    <Pillar>
    <headline question>
    Last updated dd/mm/yyyy          (if the judgment has a date)
    <Grade> / Not yet graded         (if the judgment has them)
    <carried-over sentence>          (if carried over)
    <summary paragraphs>
    <number>                         (per question: if numbered)
    <question>
    Last updated, grade, Not yet graded and carried-over lines, as above
    <summary paragraphs>
    Areas for improvement / - <area> (and lead-ins for carried areas)
    Cause of concern / <text> / Recommendations / <lead-in> / - <recommendation>
    Detailed findings for question N (if the page points to detailed findings)

An assessment with several pillars is written as several pages, one after another,
each starting with its title line after a blank line; :func:`~peelkit.parse_report`
reads them back into one assessment. Deadlines are not written separately: a page
states them inside the text of an area for improvement or recommendation ("within
three months"), and that is where the parser finds them. A recommendation whose
deadline its text does not state gets a lead-in that states it ("To address this
cause of concern, the force should immediately:"), as the inspectorate writes.
"""

from __future__ import annotations

from peelkit.model import (
    Assessment,
    CarriedOver,
    Cycle,
    Deadline,
    Judgment,
    NotGraded,
    NotYetGraded,
    PillarAssessment,
    QuestionAssessment,
)
from peelkit.page import grammar as _page

__all__ = ["render_report"]

_LEAD_IN = "To address this cause of concern, the force should"


def _judgment(lines: list[str], judgment: Judgment, cycle: Cycle, *, question: bool) -> None:
    if judgment.last_updated is not None:
        date = judgment.last_updated
        lines.append(f"Last updated {date.day:02d}/{date.month:02d}/{date.year:04d}")
    if judgment.grade is not None:
        lines.append(judgment.grade.label)
    provenance = judgment.provenance
    if isinstance(provenance, NotYetGraded):
        lines.append("Not yet graded")
    elif isinstance(provenance, NotGraded):
        lines.append("Not graded")
    elif isinstance(provenance, CarriedOver):
        lines.append(
            _page.carried_over_phrase(
                cycle, provenance.from_cycle, provenance.inspection, question=question
            )
        )


def _question(lines: list[str], question: QuestionAssessment, cycle: Cycle) -> None:
    if question.number is not None:
        lines.append(str(question.number))
    lines.append(question.text)
    _judgment(lines, question.judgment, cycle, question=True)
    lines.extend(question.summary)
    carried: Cycle | bool | None = False  # False: no heading or lead-in written yet
    for area in question.areas_for_improvement:
        if area.carried_over_from != carried:
            carried = area.carried_over_from
            if carried is None:
                lines.append("Areas for improvement")
            else:
                lines.append(_page.afi_lead_in_phrase(carried))
        lines.append(f"- {area.text}")
    for cause in question.causes_of_concern:
        lines.append("Cause of concern")
        lines.append(cause.text)
        if not cause.recommendations:
            continue
        lines.append("Recommendations")
        inherited: Deadline | bool | None = False  # False: no lead-in written yet
        for recommendation in cause.recommendations:
            stated = _page.deadline_in(recommendation.text)
            wanted = recommendation.deadline
            if inherited is False or (stated is None and inherited != wanted):
                inherited = None if stated is not None else wanted
                if inherited is None:
                    lines.append(f"{_LEAD_IN}:")
                else:
                    lines.append(f"{_LEAD_IN} {_page.deadline_phrase(inherited)}:")
            lines.append(f"- {recommendation.text}")
    if question.detailed_findings:
        if question.number is None:
            lines.append("Detailed findings")
        else:
            lines.append(f"Detailed findings for question {question.number}")


def _pillar(lines: list[str], force: str, cycle: Cycle, pillar: PillarAssessment) -> None:
    lines.append(f"{force} PEEL {cycle.year}")
    lines.append(pillar.pillar.label)
    if pillar.headline_question is not None:
        lines.append(pillar.headline_question)
    elif pillar.questions or pillar.summary:
        # Without a headline, the first question (or a question-like summary line)
        # would be read as one; the site's own heading keeps it where it was.
        lines.append(f"Questions for {pillar.pillar.label}")
    _judgment(lines, pillar.judgment, cycle, question=False)
    lines.extend(pillar.summary)
    for question in pillar.questions:
        _question(lines, question, cycle)


def render_report(assessment: Assessment) -> str:
    """Write ``assessment`` as plain page text: ``parse_report(render_report(a)) == a``.

    Each pillar becomes one page; pages are separated by a blank line. The round
    trip holds for every assessment a page can express: see ``docs/pages.md`` and
    :func:`peelkit.testing.page_assessments` for what that excludes (texts spanning
    lines or reading as headings, a force outside the registry, a ``source``, which
    is the caller's to give).
    """
    pages: list[str] = []
    for pillar in assessment.pillars:
        lines: list[str] = []
        _pillar(lines, assessment.force, assessment.cycle, pillar)
        pages.append("\n".join(lines) + "\n")
    if not pages:
        return f"{assessment.force} PEEL {assessment.cycle.year}\n"
    return "\n".join(pages)
