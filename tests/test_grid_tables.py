"""Tables of a grid, of violations and DataFrames that carry only what is there."""

from __future__ import annotations

import csv

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import peelkit
from peelkit import Corpus, FilterError, ViolationRow
from peelkit.datasets import load_bundled
from peelkit.model import Cycle, Pillar

BUNDLED = load_bundled()
CYCLES = sorted({assessment.cycle for assessment in BUNDLED})


@pytest.fixture(scope="module")
def bundled() -> Corpus:
    return BUNDLED


# -- the grid in words ------------------------------------------------------------


def test_counts_name_unknown_cells_as_summary_does(bundled: Corpus) -> None:
    counts = bundled.grid("2018/19").counts()
    assert "" not in counts
    assert counts["unknown"] > 0
    assert counts["ungraded"] == 43
    grid = bundled.grid("2018/19")
    assert sum(counts.values()) >= len(grid.forces) * len(grid.columns)


def test_print_grid_is_a_short_text_table_and_repr_one_line(bundled: Corpus) -> None:
    grid = bundled.grid("2018/19")
    assert repr(grid) == "<Grid PEEL 2018/19: 43 forces × 13 judgments>"
    text = str(grid)
    lines = text.splitlines()
    assert lines[0] == "PEEL 2018/19: 43 forces"
    assert lines[1].split()[:3] == ["force", "Effectiveness", "Q1"]
    assert any(line.startswith("Kent ") for line in lines)
    assert "… 23 more forces" in text
    assert lines[-1].startswith("key: O outstanding")
    assert len(text) < 4000
    assert max(len(line) for line in lines[:-1]) < 200


def test_one_force_grid_says_force(bundled: Corpus) -> None:
    grid = bundled.grid("2018/19")
    one = peelkit.Grid(grid.cycle, ("Kent",), grid.columns[:1], {"Kent": grid.cells["Kent"]})
    assert repr(one) == "<Grid PEEL 2018/19: 1 force × 1 judgment>"
    assert str(one).splitlines()[0] == "PEEL 2018/19: 1 force"


def test_grid_to_frame_holds_every_cell_in_words(bundled: Corpus) -> None:
    grid = bundled.grid("2023/25")
    frame = grid.to_frame()
    assert frame.index.name == "force"
    assert list(frame.index) == list(grid.forces)
    assert list(frame.columns) == [grid.heading(column) for column in grid.columns]
    assert "Investigating crime" in frame.columns
    assert not frame.isna().any().any()
    assert frame.loc["Cheshire", "Protecting vulnerable people"] == "outstanding"
    assert (frame == "unknown").sum().sum() == grid.counts()["unknown"]


@settings(max_examples=len(CYCLES), deadline=None)
@given(st.sampled_from(CYCLES))
def test_grid_csv_reads_back_as_its_records(
    tmp_path_factory: pytest.TempPathFactory, cycle: Cycle
) -> None:
    grid = BUNDLED.grid(cycle)
    path = tmp_path_factory.mktemp("grid") / "grid.csv"
    grid.to_csv(path)
    with path.open(newline="", encoding="utf-8") as file:
        assert list(csv.DictReader(file)) == grid.to_records()


# -- DataFrames: categories present, one missing value ----------------------------


def test_categories_are_the_values_present_unless_all_are_asked(bundled: Corpus) -> None:
    rows = bundled.judgments(cycle="2018/19")
    frame = rows.to_frame()
    assert list(frame["cycle"].cat.categories) == ["2018/19"]
    assert list(frame["grade"].cat.categories) == [
        "inadequate",
        "requires improvement",
        "good",
        "outstanding",
    ]
    every = rows.to_frame(categories="all")
    assert list(every["cycle"].cat.categories) == [cycle.value for cycle in Cycle]
    assert frame["grade"].cat.ordered
    assert every["grade"].cat.ordered
    assert bundled.to_frame("areas_for_improvement", categories="all")[
        "pillar"
    ].cat.categories.size == len(Pillar)
    with pytest.raises(FilterError, match="categories must be 'present' or 'all', not 'some'"):
        rows.to_frame(categories="some")  # type: ignore[arg-type]


def test_missing_values_are_na_never_none(bundled: Corpus) -> None:
    import pandas as pd

    frame = bundled.to_frame("areas_for_improvement")
    assert frame["deadline"].isna().any()
    assert frame["deadline"].notna().any()
    assert all(value is pd.NA for value in frame["deadline"] if not isinstance(value, str))
    frames = [
        bundled.judgments().to_frame(),
        bundled.areas_for_improvement().to_frame(),
        bundled.compare("2017", "2018/19").to_frame(),
    ]
    for table, frame in enumerate(frames):
        for name in frame.columns:
            assert not any(value is None for value in frame[name]), (table, name)


# -- violations as a table ---------------------------------------------------------


def test_violations_as_rows_csv_and_frame(bundled: Corpus, tmp_path: object) -> None:
    from pathlib import Path

    violations = peelkit.validate(bundled)
    assert violations
    table = peelkit.violations_table(violations)
    assert table.row_type is ViolationRow
    assert table.columns == ("code", "severity", "message", "path", "source", "line")
    assert [row.code for row in table] == [v.code for v in violations]
    assert table.to_records()[0]["severity"] in ("error", "warning")
    path = Path(str(tmp_path)) / "violations.csv"
    table.to_csv(path)
    with path.open(newline="", encoding="utf-8") as file:
        assert len(list(csv.DictReader(file))) == len(violations)
    frame = table.to_frame()
    assert list(frame["path"]) == [v.path for v in violations]
    assert "<table" in table._repr_html_()
    assert peelkit.violations_table([]).to_records() == []
