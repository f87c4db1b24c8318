"""Lookups by cycle and wording, over indexes built once from the frameworks."""

from __future__ import annotations

import difflib

import attrs

from peelkit.frameworks._classes import (
    _ELLIPSIS,
    Framework,
    FrameworkQuestion,
    normalise_wording,
)
from peelkit.frameworks._data import read_frameworks
from peelkit.model import Cycle, Pillar

__all__ = [
    "FRAMEWORKS",
    "closest_questions",
    "find_area",
    "find_headline",
    "find_question",
    "framework",
]

FRAMEWORKS: tuple[Framework, ...] = read_frameworks()
"""Every cycle's framework, oldest first: one per :class:`~peelkit.model.Cycle`."""


@attrs.frozen
class _Index:
    """Normalised wordings of one framework, for lookups by text."""

    questions: dict[str, FrameworkQuestion]
    prefixes: tuple[tuple[str, FrameworkQuestion], ...]
    headlines: dict[str, Pillar]
    choices: tuple[tuple[str, FrameworkQuestion], ...]


def _build_index(frame: Framework) -> _Index:
    questions: dict[str, FrameworkQuestion] = {}
    prefixes: list[tuple[str, FrameworkQuestion]] = []
    choices: list[tuple[str, FrameworkQuestion]] = []
    for question in frame.questions:
        for wording in question.wordings:
            key = normalise_wording(wording)
            other = questions.setdefault(key, question)
            if other is not question:
                raise ValueError(f"{frame.cycle}: two questions share the wording {wording!r}")
            choices.append((key, question))
            if key.endswith(_ELLIPSIS):
                prefixes.append((key.removesuffix(_ELLIPSIS).rstrip(), question))
    headlines: dict[str, Pillar] = {}
    for pillar in frame.pillars:
        for wording in pillar.headline_questions:
            headlines[normalise_wording(wording)] = pillar.pillar
    return _Index(questions, tuple(prefixes), headlines, tuple(choices))


_FRAMEWORK_BY_CYCLE: dict[Cycle, Framework] = {frame.cycle: frame for frame in FRAMEWORKS}
_INDEXES: dict[Cycle, _Index] = {frame.cycle: _build_index(frame) for frame in FRAMEWORKS}
if set(_FRAMEWORK_BY_CYCLE) != set(Cycle):  # pragma: no cover - a data error
    raise RuntimeError("every cycle needs exactly one framework")


def framework(cycle: Cycle | str) -> Framework:
    """The framework of ``cycle``: a :class:`~peelkit.model.Cycle` or its words.

    ``framework("2018/19")``, ``framework("2018-19")`` and
    ``framework(Cycle.PEEL_2018_19)`` are the same object. An unknown cycle raises
    :class:`ValueError`.
    """
    return _FRAMEWORK_BY_CYCLE[Cycle(cycle)]


def find_question(
    cycle: Cycle | str, wording: str, pillar: Pillar | str | None = None
) -> FrameworkQuestion | None:
    """The question of ``cycle`` published with ``wording``, or ``None``.

    Any known wording matches, whatever its white space, case or quote style.
    With ``pillar`` given, only that pillar's questions match. A question known only
    by the beginning of its wording matches any text that starts with it. Lookups
    are per cycle: "Building, supporting and protecting the workforce" is the
    canonical area of 2021/22 and another wording of "Developing a positive
    workplace" in 2023/25.
    """
    index = _INDEXES[Cycle(cycle)]
    key = normalise_wording(wording)
    found = index.questions.get(key)
    if found is None:
        for prefix, question in index.prefixes:
            if key.startswith(prefix):
                found = question
                break
    if found is None or (pillar is not None and found.pillar is not Pillar(pillar)):
        return None
    return found


def find_area(cycle: Cycle | str, wording: str) -> FrameworkQuestion | None:
    """The area of policing of ``cycle`` (2021/22 on) known by ``wording``, or ``None``.

    >>> find_area("2021/22", "use of resources").area
    'Strategic planning, organisational management and value for money'
    >>> find_area("2023/25", "Building, supporting and protecting the workforce").area
    'Developing a positive workplace'
    """
    return find_question(cycle, wording, Pillar.AREAS_OF_POLICING)


def find_headline(cycle: Cycle | str, wording: str) -> Pillar | None:
    """The pillar whose headline question in ``cycle`` reads ``wording``, or ``None``.

    Every known variant matches (the 2018/19 effectiveness headline has three),
    whatever its white space, case or quote style.
    """
    return _INDEXES[Cycle(cycle)].headlines.get(normalise_wording(wording))


def closest_questions(
    cycle: Cycle | str,
    wording: str,
    pillar: Pillar | str | None = None,
    n: int = 3,
    cutoff: float = 0.6,
) -> list[FrameworkQuestion]:
    """Up to ``n`` questions of ``cycle`` whose wording is most like ``wording``.

    Meant for "did you mean" suggestions when :func:`find_question` finds nothing.
    Similarity is :mod:`difflib`'s ratio on normalised wordings; candidates scoring
    below ``cutoff`` are left out, the best come first, and each question appears at
    most once. With ``pillar`` given, only that pillar's questions are considered.
    """
    wanted = None if pillar is None else Pillar(pillar)
    key = normalise_wording(wording)
    matcher = difflib.SequenceMatcher(b=key, autojunk=False)
    scored: dict[FrameworkQuestion, float] = {}
    for choice, question in _INDEXES[Cycle(cycle)].choices:
        if wanted is not None and question.pillar is not wanted:
            continue
        matcher.set_seq1(choice)
        if matcher.real_quick_ratio() < cutoff or matcher.quick_ratio() < cutoff:
            continue
        ratio = matcher.ratio()
        if ratio >= cutoff and ratio > scored.get(question, -1.0):
            scored[question] = ratio
    ranked = sorted(scored.items(), key=lambda item: -item[1])
    return [question for question, _ in ranked[:n]]
