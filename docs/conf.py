"""Sphinx configuration of the peelkit documentation (built with ``-n -W``: every
reference must resolve, and warnings fail)."""

from __future__ import annotations

import enum
import importlib
import inspect
import types
from pathlib import Path
from typing import Any, TypeVar

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


# The projects whose names our docs use: each real inventory first, then a small
# committed one (docs/inventories.py writes them) for builds without network.
_OFFLINE = Path(__file__).parent / "_inventories"
intersphinx_mapping = {
    project: (base, (None, str(_OFFLINE / f"{project}.inv")))
    for project, base in {
        "python": "https://docs.python.org/3/",
        "attrs": "https://www.attrs.org/en/stable/",
        "cattrs": "https://catt.rs/en/stable/",
        "hypothesis": "https://hypothesis.readthedocs.io/en/latest/",
    }.items()
}
intersphinx_timeout = 10
nitpicky = True


def _documented_object(name: str) -> object:
    """The object a dotted peelkit name stands for, or ``None``."""
    module, _, rest = name.partition(".")
    try:
        found: Any = importlib.import_module(module)
        for part in rest.split(".") if rest else ():
            try:
                found = getattr(found, part)
            except AttributeError:
                found = importlib.import_module(f"{found.__name__}.{part}")
    except (ImportError, AttributeError):
        return None
    return found


_DOCUMENTED: dict[int, str] = {}
"""The documented peelkit objects, by identity, to the name each is documented under."""


def _by_identity(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    """Resolve a reference to a peelkit class, function, module or constant by any name
    it has.

    The API is documented under its public names (``peelkit.Grid``,
    ``peelkit.Corpus.judgments``); docstrings name things where they live
    (``peelkit.rows.Grid``, ``peelkit.query.judgments``, or ``parse_report`` within its
    module). Where a reference finds nothing, the object it names is looked up among
    those documented, by identity, and the reference goes there. A type variable
    (``Rows[R]``) is shown as its name: there is nothing to link it to.
    """
    if node.get("refdomain") != "py":
        return None
    domain = env.get_domain("py")
    if not _DOCUMENTED:  # once: the documented objects are known by the time of writing
        for name in list(domain.objects):
            value = _documented_object(name) if name.startswith("peelkit") else None
            if callable(value) or isinstance(value, (types.ModuleType, enum.Enum)):
                _DOCUMENTED.setdefault(id(value), name)
    target = node["reftarget"]
    module, cls = node.get("py:module"), node.get("py:class")
    candidates = [target]
    if module:
        candidates += [f"{module}.{cls}.{target}"] if cls else []
        candidates.append(f"{module}.{target}")
    for candidate in candidates:
        if not candidate.startswith("peelkit"):
            continue
        value = _documented_object(candidate)
        if isinstance(value, TypeVar):
            return contnode
        documented = _DOCUMENTED.get(id(value)) if value is not None else None
        if documented is not None:
            return domain.resolve_xref(
                env, node["refdoc"], app.builder, node["reftype"], documented, node, contnode
            )
    return None


def _bound_parameter(
    app: Any, what: str, name: str, obj: Any, options: Any, signature: Any, annotation: Any
) -> None:
    """A method's first parameter is bound (``self``, or the corpus a query function
    serving as :class:`peelkit.Corpus`'s method is given), so its type is not listed
    among the method's parameters."""
    owner = _documented_object(name.rpartition(".")[0])
    raw = inspect.getattr_static(owner, name.rpartition(".")[2], None)
    if what != "method" or isinstance(raw, (staticmethod, classmethod)):
        return
    try:
        first = next(iter(inspect.signature(obj).parameters))
    except (StopIteration, TypeError, ValueError):
        return
    document = getattr(app.env, "current_document", None)  # Sphinx 9; before, temp_data
    recorded = getattr(document, "autodoc_annotations", None)
    if recorded is None:
        recorded = app.env.temp_data.get("annotations", {})
    recorded.get(name, {}).pop(first, None)


def setup(app: Any) -> None:
    app.connect("missing-reference", _by_identity)
    # After autodoc has recorded the types (before Sphinx 9, in a listener of this event).
    app.connect("autodoc-process-signature", _bound_parameter, priority=600)


html_theme = "furo"
html_title = f"peelkit {release}"
