"""Arrow, Parquet and Polars: typed columns, and four readers that agree with the rows.

The oracle is :meth:`Rows.to_records` (the CSV and JSON cells): a value read back
from Arrow, Parquet, Polars or DuckDB must be that cell, with dates as
``datetime.date`` where the reader has a date type.
"""

from __future__ import annotations

import builtins
import datetime as dt
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given

from peelkit import Corpus, Cycle, Grade, MissingDependencyError, Pillar
from peelkit._arrow import ORDER_KEY, columns, parquet_bytes
from peelkit.cli import main
from peelkit.datasets import load_bundled
from peelkit.query import AreaForImprovementRow, CompareRow, JudgmentRow, Rows
from peelkit.testing import corpora

GRADES = ["inadequate", "requires improvement", "adequate", "good", "outstanding"]
CYCLES = ["2014", "2015", "2016", "2017", "2018/19", "2021/22", "2023/25", "2025/27"]
PILLARS = ["effectiveness", "efficiency", "legitimacy", "leadership", "areas of policing"]


@pytest.fixture(scope="module")
def bundled() -> Corpus:
    return load_bundled()


def _tables(corpus: Corpus) -> list[Rows[Any]]:
    return [
        corpus.judgments(),
        corpus.areas_for_improvement(),
        corpus.compare("2017", "2018/19"),
    ]


def _plain(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records read back, with dates as ISO text like the CSV cells."""
    return [
        {name: value.isoformat() if isinstance(value, dt.date) else value for name, value in r}
        for r in (record.items() for record in records)
    ]


def _without(monkeypatch: pytest.MonkeyPatch, *packages: str) -> None:
    """Make importing ``packages`` (and their submodules) fail, as if not installed."""
    real_import = builtins.__import__

    def importer(name: str, *args: Any, **kwargs: Any) -> Any:
        if any(name == package or name.startswith(f"{package}.") for package in packages):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", importer)


# -- the schema -----------------------------------------------------------------------


def test_the_judgments_schema_is_documented_and_typed() -> None:
    schema = Rows(JudgmentRow).to_arrow().schema
    categorical = pa.dictionary(pa.int8(), pa.string(), ordered=True)
    assert [(field.name, field.type) for field in schema] == [
        ("force", pa.string()),
        ("cycle", categorical),
        ("pillar", categorical),
        ("question_number", pa.int64()),
        ("question", pa.string()),
        ("grade", categorical),
        ("provenance", pa.string()),
        ("carried_over_from", categorical),
        ("resolved_grade", categorical),
        ("resolved_cycle", categorical),
        ("last_updated", pa.date32()),
        ("source", pa.string()),
        ("evidence", categorical),
        ("note", pa.string()),
        ("change", pa.string()),
        ("region", pa.string()),
        ("country", pa.string()),
    ]
    assert schema.field("grade").type.ordered
    orders = {f.name: json.loads(f.metadata[ORDER_KEY]) for f in schema if f.metadata}
    assert orders == {
        "cycle": CYCLES,
        "pillar": PILLARS,
        "grade": GRADES,
        "carried_over_from": CYCLES,
        "resolved_grade": GRADES,
        "resolved_cycle": CYCLES,
        "evidence": ["label", "statement"],
    }
    assert schema.metadata[b"peelkit.table"] == b"judgments"
    assert schema.metadata[b"peelkit.version"] == __import__("peelkit").__version__.encode()


def test_every_table_has_the_columns_of_its_rows() -> None:
    for row_type, table in [
        (JudgmentRow, "judgments"),
        (AreaForImprovementRow, "areas_for_improvement"),
        (CompareRow, "compare"),
    ]:
        schema = Rows(row_type).to_arrow().schema
        assert tuple(schema.names) == Rows(row_type).columns
        assert schema.metadata[b"peelkit.table"] == table.encode()
    areas = Rows(AreaForImprovementRow).to_arrow().schema
    assert areas.field("deadline").type == pa.string()
    assert areas.field("text").type == pa.string()
    compare = Rows(CompareRow).to_arrow().schema
    assert compare.field("grade_b").type.ordered
    assert compare.field("change").type == pa.string()


def test_columns_are_read_off_the_row_types() -> None:
    kinds = {column.name: column.kind for column in columns(JudgmentRow)}
    assert kinds["question_number"] == "integer"
    assert kinds["last_updated"] == "date"
    assert kinds["provenance"] == "text"
    grade = next(column for column in columns(JudgmentRow) if column.name == "grade")
    assert grade.members == tuple(Grade)
    assert grade.order == tuple(GRADES)


def test_arrow_makes_the_same_column_choices_as_pandas(bundled: Corpus) -> None:
    import pandas as pd

    for rows in _tables(bundled):
        # Arrow keeps a categorical's whole scale (files of different queries share
        # a schema), as pandas does when asked; by default pandas keeps the values
        # present, in the same order.
        table, frame = rows.to_arrow(), rows.to_frame(categories="all")
        present = rows.to_frame()
        for field in table.schema:
            dtype = frame[field.name].dtype
            if pa.types.is_dictionary(field.type):
                assert isinstance(dtype, pd.CategoricalDtype), field.name
                assert dtype.ordered
                order = json.loads(field.metadata[ORDER_KEY])
                assert list(dtype.categories) == order
                kept = list(present[field.name].dtype.categories)
                assert kept == [
                    word for word in order if word in set(table[field.name].to_pylist())
                ]
            elif field.type == pa.date32():
                assert pd.api.types.is_datetime64_any_dtype(dtype), field.name
            elif field.type == pa.int64():
                assert str(dtype) == "Int64", field.name
            else:
                assert field.type == pa.string()
                assert isinstance(dtype, pd.StringDtype), field.name


# -- values -------------------------------------------------------------------------


def test_arrow_holds_the_rows_values_in_order(bundled: Corpus) -> None:
    for rows in _tables(bundled):
        assert len(rows) > 0
        assert _plain(rows.to_arrow().to_pylist()) == rows.to_records()


def test_arrow_keeps_the_whole_order_of_a_categorical(bundled: Corpus) -> None:
    grades = bundled.to_arrow().column("grade").combine_chunks()
    assert grades.dictionary.to_pylist() == GRADES
    assert grades.type.ordered
    assert grades.null_count == sum(1 for row in bundled.judgments() if row.grade is None)
    dates = bundled.to_arrow().column("last_updated")
    assert dates.null_count < len(dates)


def test_no_rows_is_an_empty_table_of_the_same_schema(bundled: Corpus, tmp_path: Path) -> None:
    empty = bundled.judgments(force="Kent", grade="outstanding", question=99)
    assert len(empty) == 0
    assert empty.to_arrow().schema == Rows(JudgmentRow).to_arrow().schema
    empty.to_parquet(tmp_path / "empty.parquet")
    assert pq.read_table(tmp_path / "empty.parquet").num_rows == 0
    assert empty.to_polars().columns == list(Rows(JudgmentRow).columns)


# -- Parquet, read back by pyarrow, Polars and DuckDB ---------------------------------


@pytest.mark.parametrize("table", ["judgments", "areas_for_improvement"])
def test_parquet_read_by_three_readers_gives_the_rows(
    bundled: Corpus, tmp_path: Path, table: Any
) -> None:
    path = tmp_path / f"{table}.parquet"
    bundled.to_parquet(path, table=table)
    rows = bundled.table(table)
    expected = rows.to_records()
    assert len(expected) > 0

    read = pq.read_table(path)
    assert read.equals(rows.to_arrow(), check_metadata=True)
    assert _plain(read.to_pylist()) == expected

    assert _plain(pl.read_parquet(path).iter_rows(named=True)) == expected

    with duckdb.connect() as database:
        result = database.execute("SELECT * FROM read_parquet(?)", [str(path)])
        names = [description[0] for description in result.description]
        assert names == list(rows.columns)
        assert _plain(dict(zip(names, line, strict=True)) for line in result.fetchall()) == (
            expected
        )


def test_parquet_keeps_the_order_of_grades_for_pyarrow(bundled: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "judgments.parquet"
    bundled.to_parquet(path)
    grades = pq.read_table(path).column("grade").combine_chunks()
    assert grades.type.ordered
    assert grades.dictionary.to_pylist() == GRADES
    assert json.loads(pq.read_schema(path).field("grade").metadata[ORDER_KEY]) == GRADES


def test_the_order_in_the_metadata_restores_polars_enums(bundled: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "judgments.parquet"
    bundled.to_parquet(path)
    orders = {f.name: json.loads(f.metadata[ORDER_KEY]) for f in pq.read_schema(path) if f.metadata}
    read = pl.read_parquet(path).cast({name: pl.Enum(order) for name, order in orders.items()})
    assert read.equals(bundled.to_polars())
    assert read.schema == bundled.to_polars().schema


def test_duckdb_sql_over_the_parquet_file(bundled: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "judgments.parquet"
    bundled.to_parquet(path)
    with duckdb.connect() as database:
        counted = database.execute(
            "SELECT resolved_grade, count(*) FROM read_parquet(?) "
            "WHERE cycle = '2018/19' AND question_number IS NULL "
            "GROUP BY resolved_grade ORDER BY resolved_grade",
            [str(path)],
        ).fetchall()
    expected: dict[str | None, int] = {}
    for row in bundled.judgments(cycle="2018/19"):
        if row.question_number is None:
            word = None if row.resolved_grade is None else row.resolved_grade.value
            expected[word] = expected.get(word, 0) + 1
    assert dict(counted) == expected
    assert {"inadequate", "good", "outstanding"} <= set(expected)


def test_interrupted_parquet_write_leaves_the_old_file(
    bundled: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.parquet"
    target.write_bytes(b"old")

    def failing_fsync(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(KeyboardInterrupt):
        bundled.to_parquet(target)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.parquet"]


def test_unknown_table_is_refused(bundled: Corpus, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="'area' is not a table"):
        bundled.to_parquet(tmp_path / "x.parquet", table="area")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


# -- Polars -----------------------------------------------------------------------------


def test_polars_grades_are_an_enum_worst_first(bundled: Corpus) -> None:
    frame = bundled.to_polars()
    assert frame.schema["grade"] == pl.Enum(GRADES)
    assert frame.schema["resolved_grade"] == pl.Enum(GRADES)
    assert frame.schema["cycle"] == pl.Enum(CYCLES)
    assert frame.schema["pillar"] == pl.Enum(PILLARS)
    assert frame.schema["question_number"] == pl.Int64
    assert frame.schema["last_updated"] == pl.Date
    assert frame.schema["provenance"] == pl.String
    assert frame.columns == list(Rows(JudgmentRow).columns)


def test_polars_grade_comparisons_follow_the_grades_order(bundled: Corpus) -> None:
    rows = bundled.judgments()
    frame = rows.to_polars().with_row_index("row")

    def picked(test: Callable[[Grade], bool]) -> list[int]:
        return [i for i, row in enumerate(rows) if row.grade is not None and test(row.grade)]

    at_least_good = frame.filter(pl.col("grade") >= "good")
    assert at_least_good["row"].to_list() == picked(lambda grade: grade >= Grade.GOOD)
    assert set(at_least_good["grade"].to_list()) == {"good", "outstanding"}
    below = frame.filter(pl.col("grade") < "requires improvement")
    assert below["row"].to_list() == picked(lambda grade: grade is Grade.INADEQUATE)
    assert len(below) > 0
    ordered = frame.drop_nulls("grade").sort("grade", maintain_order=True)["grade"].to_list()
    assert ordered == sorted(ordered, key=GRADES.index)
    assert ordered[0] == "inadequate"


def test_polars_holds_the_rows_values_in_order(bundled: Corpus) -> None:
    for rows in _tables(bundled):
        assert _plain(rows.to_polars().iter_rows(named=True)) == rows.to_records()


def test_polars_cycles_compare_in_time_order(bundled: Corpus) -> None:
    frame = bundled.to_polars()
    recent = frame.filter(pl.col("cycle") > "2016")
    cycles = [row.cycle for row in bundled.judgments() if row.cycle > Cycle.PEEL_2016]
    assert set(recent["cycle"].to_list()) == {str(cycle) for cycle in cycles}
    assert {"2017", "2018/19", "2021/22"} <= set(recent["cycle"].to_list())
    assert len(recent) == len(cycles)
    assert frame.filter(pl.col("pillar") == Pillar.LEGITIMACY.value)["pillar"].n_unique() == 1


# -- a property over random corpora ---------------------------------------------------


@pytest.fixture(scope="module")
def database() -> Iterator[duckdb.DuckDBPyConnection]:
    with duckdb.connect() as connection:  # an in-memory database, gone when closed
        yield connection


@given(corpus=corpora())
def test_every_reader_agrees_with_the_rows(
    corpus: Corpus, database: duckdb.DuckDBPyConnection
) -> None:
    for rows in (corpus.judgments(), corpus.areas_for_improvement()):
        expected = rows.to_records()
        data = parquet_bytes(rows)
        read = pq.read_table(pa.BufferReader(data))
        assert read.equals(rows.to_arrow(), check_metadata=True)
        assert _plain(read.to_pylist()) == expected
        assert _plain(pl.read_parquet(io.BytesIO(data)).iter_rows(named=True)) == expected
        assert _plain(rows.to_polars().iter_rows(named=True)) == expected
        database.register("peel", rows.to_arrow())
        try:
            result = database.execute("SELECT * FROM peel").fetchall()
        finally:
            database.unregister("peel")
        names = list(rows.columns)
        assert _plain(dict(zip(names, line, strict=True)) for line in result) == expected


# -- optional dependencies --------------------------------------------------------------


def test_arrow_without_pyarrow_names_the_extra(
    bundled: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _without(monkeypatch, "pyarrow")
    with pytest.raises(MissingDependencyError, match=r"pip install 'peelkit\[arrow\]'"):
        bundled.to_arrow()
    with pytest.raises(MissingDependencyError, match=r"^Parquet files need pyarrow"):
        bundled.to_parquet(tmp_path / "judgments.parquet")
    assert list(tmp_path.iterdir()) == []


def test_polars_without_polars_names_the_extra(
    bundled: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    _without(monkeypatch, "polars")
    with pytest.raises(MissingDependencyError, match=r"pip install 'peelkit\[polars\]'"):
        bundled.to_polars()


def test_polars_does_not_need_pyarrow(bundled: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = bundled.judgments().to_records()
    _without(monkeypatch, "pyarrow")
    frame = bundled.to_polars()
    assert _plain(frame.iter_rows(named=True)) == expected
    assert frame.schema["grade"] == pl.Enum(GRADES)


def test_the_missing_dependency_is_an_import_error_and_a_peelkit_error() -> None:
    import peelkit

    assert issubclass(MissingDependencyError, ImportError)
    assert issubclass(MissingDependencyError, peelkit.PeelkitError)


def test_describing_the_columns_imports_neither_pyarrow_nor_polars() -> None:
    code = (
        "import sys, peelkit._arrow as a\n"
        "from peelkit.query import JudgmentRow\n"
        "assert [c.name for c in a.columns(JudgmentRow)][0] == 'force'\n"
        "print([m for m in ('pyarrow', 'polars', 'duckdb') if m in sys.modules])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# -- peelkit export --format parquet ---------------------------------------------------


@pytest.mark.parametrize("table", ["judgments", "areas_for_improvement"])
def test_export_parquet(
    bundled: Corpus, capsys: pytest.CaptureFixture[str], tmp_path: Path, table: str
) -> None:
    target = tmp_path / f"{table}.parquet"
    status = main(["export", "--table", table, "--format", "parquet", "-o", str(target)])
    assert (status, capsys.readouterr().out) == (0, "")
    assert pq.read_table(target).equals(bundled.table(table).to_arrow(), check_metadata=True)


def test_export_parquet_needs_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status = main(["export", "--format", "parquet"])
    captured = capsys.readouterr()
    assert (status, captured.out) == (2, "")
    assert captured.err == (
        "peelkit export: Parquet is a binary file: give one with -o FILE (or -o - for stdout)\n"
    )


def test_export_parquet_to_stdout(
    capsysbinary: pytest.CaptureFixture[bytes], bundled: Corpus
) -> None:
    assert main(["export", "--table", "areas", "--format", "parquet", "-o", "-"]) == 0
    read = pq.read_table(pa.BufferReader(capsysbinary.readouterr().out))
    assert read.equals(bundled.areas_for_improvement().to_arrow())


def test_export_parquet_without_pyarrow_says_what_to_install(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _without(monkeypatch, "pyarrow")
    status = main(["export", "--format", "parquet", "-o", str(tmp_path / "j.parquet")])
    captured = capsys.readouterr()
    assert (status, captured.out) == (1, "")
    assert captured.err == ("peelkit: Parquet files need pyarrow: pip install 'peelkit[arrow]'\n")
    assert list(tmp_path.iterdir()) == []
