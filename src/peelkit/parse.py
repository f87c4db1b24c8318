"""Page text <-> :class:`~peelkit.Assessment`: the inspectorate's published pillar pages.

(Being written: see the parser issue. The signatures below are the contract.)
"""

from __future__ import annotations

from peelkit.model import Assessment

__all__ = ["parse_report", "render_report"]


def parse_report(text: str, *, source: str | None = None) -> Assessment:
    """Parse the text of one PEEL pillar page into an assessment holding that pillar."""
    raise NotImplementedError("the page parser is not written yet")


def render_report(assessment: Assessment) -> str:
    """Write an assessment back as plain page text: ``parse_report(render_report(a)) == a``."""
    raise NotImplementedError("the page renderer is not written yet")
