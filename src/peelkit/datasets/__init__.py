"""Data that ships with peelkit, read with :mod:`importlib.resources` (never the network).

``kent-2018-effectiveness.json`` is the project's founding example: Kent Police's
2018/19 effectiveness page as a ``peelkit/1`` document. Grades, question wordings,
provenance and deadlines are the inspectorate's facts; the texts of the areas for
improvement are peelkit's own short paraphrases, so check the source page before
quoting them.
"""

from __future__ import annotations

from peelkit.model import Assessment
from peelkit.serialise import from_json

__all__ = ["kent_2018_effectiveness"]

KENT_2018_EFFECTIVENESS_URL = (
    "https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/peel-2018/kent/effectiveness/"
)


def kent_2018_effectiveness() -> Assessment:
    """Kent Police, 2018/19, effectiveness: the founding example."""
    from importlib import resources

    text = resources.files(__name__).joinpath("kent-2018-effectiveness.json").read_bytes()
    return from_json(text, Assessment)
