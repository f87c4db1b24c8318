"""The docs' examples run as doctests; matplotlib keeps its font cache in a
temporary folder there, never in the home directory."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _matplotlib_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path_factory.mktemp("matplotlib")))
    monkeypatch.setenv("MPLBACKEND", "Agg")
