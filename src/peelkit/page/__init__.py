"""Published PEEL pillar pages: the line grammar, the reader, the plain rendering, HTML.

:mod:`peelkit.page.grammar` holds the patterns and words a page is made of,
:mod:`peelkit.page.parse` reads a page into an :class:`~peelkit.Assessment`,
:mod:`peelkit.page.render` writes one back and :mod:`peelkit.page.html` turns the
HTML of a published page into the lines the reader reads.
"""

from peelkit.page.parse import MAX_PAGE_CHARS, parse_report
from peelkit.page.render import render_report

__all__ = ["MAX_PAGE_CHARS", "parse_report", "render_report"]
