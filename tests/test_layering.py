"""Imports point down: every peelkit module imports only modules on lower layers.

The order below is the architecture, written as data. A module may import any
module on a *lower* layer, or another module of its own layer only if that layer
is marked as a package whose members may use each other in order. Every import
counts — top-level, inside functions and under ``if TYPE_CHECKING:`` — except the
allowances listed, each with its reason.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import peelkit

#: The package as imported: the source tree, or the installed wheel when the suite
#: runs away from it.
SRC = Path(peelkit.__file__).resolve().parent

#: Lowest first. A module's layer is the first entry that is it or a package holding it.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("peelkit._version", "peelkit.text", "peelkit._memory"),
    ("peelkit.diagnostics",),
    ("peelkit.errors",),
    ("peelkit._io",),
    ("peelkit.model",),
    ("peelkit._deadlines",),
    ("peelkit.forces",),
    ("peelkit.frameworks._classes",),
    ("peelkit.frameworks._data",),
    ("peelkit.frameworks._lookup",),
    ("peelkit.frameworks",),
    ("peelkit.provenance",),
    ("peelkit.tables",),
    ("peelkit._arrow",),
    ("peelkit._html",),
    ("peelkit.charts",),
    ("peelkit.rows",),
    ("peelkit._index",),
    ("peelkit.query",),
    ("peelkit.corpus",),
    ("peelkit.page.grammar", "peelkit.page.html"),
    ("peelkit.page.render",),
    ("peelkit.page.parse",),
    ("peelkit.page",),
    ("peelkit.serialise._generate",),
    ("peelkit.serialise.format",),
    ("peelkit.serialise",),
    ("peelkit.validation.rules",),
    ("peelkit.validation.runner",),
    ("peelkit.validation",),
    ("peelkit.loading",),
    ("peelkit._fetch",),
    ("peelkit.testing", "peelkit.datasets"),
    ("peelkit.cli._common",),
    ("peelkit.cli.query",),
    ("peelkit.cli",),
    ("peelkit", "peelkit.__main__"),
)

#: Upward imports allowed, with why.
ALLOWED: dict[tuple[str, str], str] = {
    ("peelkit.model", "peelkit._html"): "Assessment._repr_html_ renders through _html",
}


def _name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _layer(module: str) -> int:
    best: tuple[int, int] | None = None
    for rank, layer in enumerate(LAYERS):
        for entry in layer:
            if module == entry or module.startswith(entry + "."):
                depth = entry.count(".")
                if best is None or depth > best[1]:
                    best = (rank, depth)
    if best is None:
        raise AssertionError(f"{module} is on no declared layer; add it to LAYERS")
    return best[0]


def _imports(path: Path, module: str) -> list[tuple[int, str]]:
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            # ``from peelkit.page import grammar``: the name may be a module.
            found.extend((node.lineno, f"{base}.{alias.name}") for alias in node.names)
    return [(line, name) for line, name in found if name.split(".")[0] == "peelkit"]


def _target(name: str) -> str:
    """The module an imported name lives in: ``peelkit.FORMAT`` is ``peelkit``."""
    candidate = name
    while candidate:
        dotted = SRC.parent / Path(*candidate.split("."))
        if dotted.with_suffix(".py").is_file() or (dotted / "__init__.py").is_file():
            return candidate
        candidate = candidate.rpartition(".")[0]
    raise AssertionError(f"cannot find the module of {name}")


MODULES = sorted(SRC.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=[_name(each) for each in MODULES])
def test_every_import_points_down(path: Path) -> None:
    module = _name(path)
    upward = []
    for line, name in _imports(path, module):
        target = _target(name)
        if target == module or (module, target) in ALLOWED:
            continue
        same_package = target.startswith(module + ".") and path.name == "__init__.py"
        if _layer(target) >= _layer(module) and not same_package:
            upward.append(f"{path.name}:{line} imports {target}")
    assert upward == []


def test_the_layers_name_every_module_once() -> None:
    entries = [entry for layer in LAYERS for entry in layer]
    assert len(entries) == len(set(entries))
    for path in MODULES:
        _layer(_name(path))


def test_the_check_sees_a_function_level_upward_import(tmp_path: Path) -> None:
    source = tmp_path / "fake.py"
    source.write_text("def f():\n    from peelkit.corpus import Corpus\n", "utf-8")
    assert _imports(source, "peelkit.model") == [(2, "peelkit.corpus.Corpus")]
    assert _target("peelkit.corpus.Corpus") == "peelkit.corpus"
    assert _layer("peelkit.corpus") > _layer("peelkit.model")
