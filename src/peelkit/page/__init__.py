"""Inspection pages: the line grammar, the reader and the plain rendering.

:mod:`peelkit.page.grammar` holds the patterns and words a page is made of,
:mod:`peelkit.page.parse` reads a page into an :class:`~peelkit.Assessment` and
:mod:`peelkit.page.render` writes one back.
"""

from peelkit.page.parse import MAX_PAGE_CHARS, parse_report
from peelkit.page.render import render_report

__all__ = ["MAX_PAGE_CHARS", "parse_report", "render_report"]
