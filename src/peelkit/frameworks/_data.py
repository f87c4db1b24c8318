"""The cycles' frameworks, read from ``cycles.json`` (plain data) into the classes.

``cycles.json`` holds one object per cycle, oldest first: its ``scale`` (worst
first), its ``published`` window, whether it is ``complete``, and its pillars with
their headline questions and numbered questions (``wordings`` canonical first,
``graded``, ``note``, and from 2021/22 ``area``, ``graded_for`` and
``graded_if_included``). A question with a ``note`` is not verified: the note
says what is uncertain. A malformed file is a packaging error and fails loudly.
"""

from __future__ import annotations

import datetime as dt
import json
import pkgutil
from typing import Any

from peelkit.frameworks._classes import Framework, FrameworkPillar, FrameworkQuestion
from peelkit.model import Cycle, Grade, Pillar

__all__ = ["DATA_FILE", "read_frameworks"]

DATA_FILE = "cycles.json"


def _question(pillar: Pillar, data: dict[str, Any]) -> FrameworkQuestion:
    note = data.get("note")
    return FrameworkQuestion(
        pillar,
        data["number"],
        data["wordings"],
        graded=data.get("graded", True),
        verified=note is None,
        note=note,
        area=data.get("area"),
        graded_for=data.get("graded_for", ()),
        graded_if_included=data.get("graded_if_included", False),
    )


def _pillar(data: dict[str, Any]) -> FrameworkPillar:
    pillar = Pillar(data["pillar"])
    return FrameworkPillar(
        pillar,
        data["headline_questions"],
        tuple(_question(pillar, question) for question in data["questions"]),
        graded=data["graded"],
    )


def _framework(data: dict[str, Any]) -> Framework:
    first, last = data["published"]
    return Framework(
        Cycle(data["cycle"]),
        tuple(Grade(word) for word in data["scale"]),
        tuple(_pillar(pillar) for pillar in data["pillars"]),
        (dt.date.fromisoformat(first), dt.date.fromisoformat(last)),
        complete=data["complete"],
    )


def read_frameworks() -> tuple[Framework, ...]:
    """Every framework in ``cycles.json``, oldest first."""
    # pkgutil asks the package's own loader (a folder or a zip alike) for the bytes;
    # importlib.resources would do the same, and cost ``import peelkit`` ~7 ms more.
    data = pkgutil.get_data("peelkit.frameworks", DATA_FILE)
    if data is None:  # pragma: no cover - a loader that cannot read package data
        raise FileNotFoundError(f"peelkit.frameworks cannot read its {DATA_FILE}")
    return tuple(_framework(entry) for entry in json.loads(data)["frameworks"])
