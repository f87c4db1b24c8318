"""Sphinx configuration of the peelkit documentation (built with ``-W``: warnings fail)."""

from __future__ import annotations

import socket

import peelkit

project = "peelkit"
author = "The peelkit developers"
copyright = "2026, The peelkit developers"
release = peelkit.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_nb",  # MyST markdown and notebooks (docs/walkthrough.ipynb)
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
]
source_suffix = {".rst": "restructuredtext", ".md": "myst-nb", ".ipynb": "myst-nb"}
exclude_patterns = ["_build", "jupyter_execute", "**.ipynb_checkpoints"]
# The walkthrough is shown with the outputs committed with it: tests/test_walkthrough.py
# executes it in CI and docs/screenshots.py --notebook ... --save refreshes them.
nb_execution_mode = "off"
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_preserve_defaults = True


def _online(host: str = "docs.python.org") -> bool:
    """Whether the inventories can be fetched; the build machines have no network."""
    try:
        socket.create_connection((host, 443), timeout=2).close()
    except OSError:
        return False
    return True


# Inventories of the projects whose names our signatures use. Without network they
# cannot be fetched, so intersphinx is switched off and, for nitpicky builds
# (``-n``), the external names are ignored rather than reported as missing.
intersphinx_mapping: dict[str, tuple[str, None]] = {
    "python": ("https://docs.python.org/3", None),
    "attrs": ("https://www.attrs.org/en/stable", None),
    "cattrs": ("https://catt.rs/en/stable", None),
    "hypothesis": ("https://hypothesis.readthedocs.io/en/latest", None),
}
if not _online():
    intersphinx_mapping = {}
    nitpick_ignore_regex = [
        (r"py:.*", r"(collections\.abc|datetime|os|typing|importlib|difflib|enum|re|json)(\..*)?"),
        (r"py:.*", r"(attrs|attr|cattrs|hypothesis)(\..*)?"),
    ]

html_theme = "furo"
html_title = f"peelkit {release}"
