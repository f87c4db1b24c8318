"""The docs' walkthrough notebook runs, offline, on the bundled data, and shows what
the guide promises: tables, a legend, charts and DataFrames."""

from __future__ import annotations

from pathlib import Path

import pytest

nbclient = pytest.importorskip("nbclient")
nbformat = pytest.importorskip("nbformat")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")

NOTEBOOK = Path(__file__).parent.parent / "docs" / "walkthrough.ipynb"


def test_the_walkthrough_executes_and_shows_its_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The kernel and Jupyter write their files into this test's folder only.
    for name in ("HOME", "JUPYTER_RUNTIME_DIR", "JUPYTER_DATA_DIR", "IPYTHONDIR", "MPLCONFIGDIR"):
        folder = tmp_path / name.lower()
        folder.mkdir()
        monkeypatch.setenv(name, str(folder))
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3")
    client.execute(cwd=str(tmp_path))
    outputs = [output for cell in notebook.cells for output in cell.get("outputs", [])]
    assert not [output for output in outputs if output.get("output_type") == "error"]
    html = "".join(str(output.get("data", {}).get("text/html", "")) for output in outputs)
    text = "".join(str(output.get("text", "")) for output in outputs)
    assert "Legend" in html
    assert 'rel="noopener noreferrer"' in html
    assert "PEEL 2023/25: 37 forces" in html
    assert "key: O outstanding" in text
    pngs = [output for output in outputs if "image/png" in output.get("data", {})]
    assert len(pngs) == 2  # the history chart and the heat map
