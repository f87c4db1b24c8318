"""The public API: what ``import peelkit`` offers, documents and costs."""

from __future__ import annotations

import ast
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


def _fresh_python(code: str) -> str:
    """What ``code`` prints in a new interpreter."""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def _loaded_by_import(modules: list[str]) -> str:
    return _fresh_python(
        f"import sys, peelkit; print([m for m in {modules!r} if m in sys.modules])"
    )


def test_import_loads_no_heavy_module() -> None:
    heavy = ["pandas", "numpy", "pyarrow", "polars", "duckdb", "hypothesis", "jsonschema"]
    assert _loaded_by_import([*heavy, "matplotlib"]) == "[]"


def test_import_leaves_the_rarely_used_parts_for_first_use() -> None:
    later = ["cattrs", "peelkit.serialise", "peelkit.page", "peelkit.loading", "peelkit._fetch"]
    later += ["peelkit.validation", "peelkit.datasets", "peelkit.testing", "peelkit.charts"]
    assert _loaded_by_import([*later, "peelkit.cli"]) == "[]"


def test_a_name_used_first_is_imported_then_and_kept() -> None:
    code = (
        "import sys, peelkit\n"
        "before = 'peelkit.serialise' in sys.modules\n"
        "to_json = peelkit.to_json\n"
        "from peelkit import from_json, datasets\n"
        "print(before, 'peelkit.serialise' in sys.modules, peelkit.__dict__['to_json'] is to_json,"
        " datasets.__name__)"
    )
    assert _fresh_python(code).split() == ["False", "True", "True", "peelkit.datasets"]


def test_every_public_name_is_listed_by_dir() -> None:
    assert set(peelkit.__all__) <= set(dir(peelkit))


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nonesuch'"):
        peelkit.nonesuch  # noqa: B018


def test_the_names_imported_on_first_use_are_the_type_checkers_imports() -> None:
    """``_LAZY`` and the ``if TYPE_CHECKING:`` imports name the same things, so mypy
    and the layering test see what ``peelkit.X`` imports at run time."""
    tree = ast.parse(Path(peelkit.__file__).read_text("utf-8"))
    (block,) = [
        node
        for node in tree.body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    ]
    imported: dict[str, str] = {}
    for node in block.body:
        assert isinstance(node, ast.ImportFrom)
        for alias in node.names:
            imported[alias.asname or alias.name] = node.module or ""
    assert imported == peelkit._LAZY
    assert set(imported) <= set(peelkit.__all__)


def test_fetch_is_the_function_and_its_module_is_private() -> None:
    import peelkit._fetch

    assert inspect.isfunction(peelkit.fetch)
    assert peelkit.fetch is peelkit._fetch.fetch
    assert peelkit.fetch.__module__ == "peelkit._fetch"


def test_errors_are_value_errors_with_one_base() -> None:
    for error in (peelkit.ParseError, peelkit.ValidationError):
        assert issubclass(error, peelkit.PeelkitError)
        assert issubclass(error, ValueError)
    assert issubclass(peelkit.UnknownForceError, peelkit.PeelkitError)


def test_type_information_ships() -> None:
    assert (Path(peelkit.__file__).parent / "py.typed").exists()
