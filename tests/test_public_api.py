"""The public API: what ``import peelkit`` offers, documents and costs."""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
from pathlib import Path

import pytest

import peelkit

DOCS = Path(__file__).parents[1] / "docs"


def test_all_names_exist_once() -> None:
    assert len(set(peelkit.__all__)) == len(peelkit.__all__)
    for name in peelkit.__all__:
        assert hasattr(peelkit, name), name


@pytest.mark.parametrize("name", [n for n in peelkit.__all__ if not n.startswith("__")])
def test_every_public_name_is_documented(name: str) -> None:
    value = getattr(peelkit, name)
    if inspect.isclass(value) or inspect.isfunction(value) or inspect.ismodule(value):
        assert inspect.getdoc(value), f"peelkit.{name} has no docstring"
    api = (DOCS / "api.rst").read_text("utf-8")  # a missing file fails the test
    documented = re.search(rf"\bpeelkit\.{re.escape(name)}\b(?!\.)", api) is not None
    assert documented or inspect.ismodule(value), f"peelkit.{name} is not in docs/api.rst"


def test_version_comes_from_one_place() -> None:
    from peelkit._version import __version__

    assert peelkit.__version__ == __version__
    result = subprocess.run(
        [sys.executable, "-m", "peelkit", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == f"peelkit {__version__}"


def test_import_loads_no_heavy_module() -> None:
    heavy = [
        "pandas",
        "numpy",
        "pyarrow",
        "polars",
        "duckdb",
        "hypothesis",
        "jsonschema",
        "matplotlib",
    ]
    code = f"import sys, peelkit; print([m for m in {heavy!r} if m in sys.modules])"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_errors_are_value_errors_with_one_base() -> None:
    for error in (peelkit.ParseError, peelkit.ValidationError):
        assert issubclass(error, peelkit.PeelkitError)
        assert issubclass(error, ValueError)
    assert issubclass(peelkit.UnknownForceError, peelkit.PeelkitError)


def test_type_information_ships() -> None:
    assert (Path(peelkit.__file__).parent / "py.typed").exists()
