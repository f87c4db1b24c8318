"""Grades charts: ordered grade axes, one bar or cell per judgment, colours per
grade, unknown drawn as unknown, the change of scale marked; figures, not pixels."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

from peelkit import Corpus, Cycle, Grade, JudgmentRow, MissingDependencyError, Rows
from peelkit.charts import grade_colour, heatmap, history
from peelkit.datasets import load_bundled


@pytest.fixture(scope="module", autouse=True)
def _matplotlib(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """matplotlib with its font cache in a temporary folder and the Agg backend."""
    before = os.environ.get("MPLCONFIGDIR")
    os.environ["MPLCONFIGDIR"] = str(tmp_path_factory.mktemp("matplotlib"))
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    yield
    if before is None:
        os.environ.pop("MPLCONFIGDIR", None)
    else:
        os.environ["MPLCONFIGDIR"] = before


def to_hex(colour: Any) -> str:
    from matplotlib.colors import to_hex as hexed

    return str(hexed(colour))


@pytest.fixture(scope="module")
def bundled() -> Corpus:
    return load_bundled()


def _bars(figure: Any) -> list[Any]:
    return list(figure.axes[0].patches)


def test_history_draws_one_bar_per_cycle_coloured_by_grade(bundled: Corpus) -> None:
    rows = bundled.history("Kent", "efficiency")
    figure = rows.plot()
    axes = figure.axes[0]
    bars = _bars(figure)
    assert len(bars) == len(rows) == 4
    assert [to_hex(bar.get_facecolor()) for bar in bars] == [
        grade_colour(row.resolved_grade.value) for row in rows if row.resolved_grade
    ]
    assert [label.get_text() for label in axes.get_yticklabels()] == [g.value for g in Grade]
    assert [label.get_text() for label in axes.get_xticklabels()] == [
        "2015",
        "2016",
        "2017",
        "2018/19",
    ]
    heights = [bar.get_height() for bar in bars]
    assert heights == [4, 4, 4, 5]  # good, good, good, outstanding on the ordered axis
    assert axes.get_title() == "Kent: Efficiency by cycle"
    assert axes.get_ylabel() == "grade"


def test_history_shows_unknown_as_unknown_and_marks_the_scale_change(bundled: Corpus) -> None:
    rows = bundled.history("Kent", "efficiency")
    last = rows[-1]
    later = attrs.evolve(last, cycle=Cycle("2021/22"), resolved_grade=Grade.ADEQUATE)
    unknown = attrs.evolve(last, cycle=Cycle("2023/25"), resolved_grade=None)
    figure = history(Rows(JudgmentRow, (*rows, later, unknown)))
    axes = figure.axes[0]
    bars = _bars(figure)
    assert bars[-1].get_hatch() == "//"
    assert to_hex(bars[-1].get_facecolor()) == grade_colour("unknown")
    assert "unknown" in [text.get_text() for text in axes.texts]
    assert to_hex(bars[-2].get_facecolor()) == grade_colour("adequate")
    assert bars[-2].get_height() == 3
    lines = [line for line in axes.lines if line.get_linestyle() == ":"]
    assert len(lines) == 1
    assert lines[0].get_xdata()[0] == pytest.approx(3.5)


def test_heatmap_draws_one_cell_per_force_and_judgment(bundled: Corpus) -> None:
    grid = bundled.grid("2023/25")
    figure = grid.plot()
    axes = figure.axes[0]
    from matplotlib.patches import Rectangle

    cells = [patch for patch in axes.patches if isinstance(patch, Rectangle)]
    assert len(cells) == len(grid.forces) * len(grid.columns)
    colours = {to_hex(cell.get_facecolor()) for cell in cells}
    assert grade_colour("adequate") in colours
    assert grade_colour("unknown") in colours
    assert [t.get_text() for t in axes.get_yticklabels()] == list(grid.forces)
    assert "Investigating crime" in [t.get_text() for t in axes.get_xticklabels()]
    legend = [text.get_text() for text in axes.get_legend().get_texts()]
    assert legend[:5] == ["outstanding", "good", "adequate", "requires improvement", "inadequate"]
    assert "unknown (?)" in legend
    hatched = [cell for cell in cells if cell.get_hatch() == "//"]
    assert len(hatched) == grid.counts()["unknown"]


def test_four_tier_heatmap_has_no_adequate(bundled: Corpus) -> None:
    figure = heatmap(bundled.grid("2017"))
    legend = [text.get_text() for text in figure.axes[0].get_legend().get_texts()]
    assert legend[:4] == ["outstanding", "good", "requires improvement", "inadequate"]
    assert "adequate" not in legend
    assert "not graded (ng)" in legend


def test_a_chart_saves_to_a_file(bundled: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "kent.png"
    bundled.history("Kent", "efficiency").plot().savefig(path)
    assert path.read_bytes().startswith(b"\x89PNG")


def test_without_matplotlib_the_error_names_the_extra(
    bundled: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingDependencyError, match=r"pip install 'peelkit\[charts\]'"):
        bundled.grid("2017").plot()
