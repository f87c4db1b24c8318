"""The offline inventories intersphinx falls back on are the script's output, one per project."""

from __future__ import annotations

import importlib.util
import zlib
from pathlib import Path
from types import ModuleType

import pytest

DOCS = Path(__file__).parents[1] / "docs"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("inventories", DOCS / "inventories.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCRIPT = _script()


@pytest.mark.parametrize("project", sorted(SCRIPT.NAMES))
def test_each_committed_inventory_is_what_the_script_writes(project: str) -> None:
    _, entries = SCRIPT.NAMES[project]
    committed = (DOCS / "_inventories" / f"{project}.inv").read_bytes()
    assert committed == SCRIPT.inventory(project, entries)


def test_an_inventory_reads_back_as_its_names_and_addresses() -> None:
    data = SCRIPT.inventory("demo", [("demo.thing", "py:class", "api.html#$", "-")])
    header, _, body = data.partition(b"compressed using zlib.\n")
    assert header.startswith(b"# Sphinx inventory version 2\n# Project: demo\n")
    assert zlib.decompress(body) == b"demo.thing py:class 1 api.html#$ -\n"


def test_the_docs_map_python_attrs_cattrs_and_hypothesis() -> None:
    conf = (DOCS / "conf.py").read_text("utf-8")
    for project, (base, _) in SCRIPT.NAMES.items():
        assert f'"{project}": "{base}"' in conf
    assert set(SCRIPT.NAMES) == {"python", "attrs", "cattrs", "hypothesis"}
