"""Tables: stable columns, CSV written safely and atomically, DataFrames, notebook HTML."""

from __future__ import annotations

import builtins
import csv
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from peelkit import (
    AreaForImprovement,
    Assessment,
    By,
    CarriedOver,
    Corpus,
    Cycle,
    Grade,
    Immediately,
    Judgment,
    Pillar,
    PillarAssessment,
    QuestionAssessment,
    Within,
)
from peelkit.query import AreaForImprovementRow, CompareRow, CoverageRow, JudgmentRow, Rows
from peelkit.tables import MissingDependencyError, cell, csv_text, neutralise

HOSTILE = "<script>alert('x')</script> & \"quotes\""


@pytest.fixture
def corpus() -> Corpus:
    areas = (
        AreaForImprovement("=1+1 looks like a formula", Within(3)),
        AreaForImprovement("+44 is a phone number", By(dt.date(2019, 3, 31))),
        AreaForImprovement("-minus", Immediately()),
        AreaForImprovement("@sum(A1)"),
        AreaForImprovement("\tleading tab"),
        AreaForImprovement(HOSTILE, None, Cycle.PEEL_2017),
    )
    question = QuestionAssessment(
        3, HOSTILE, Judgment(None, CarriedOver(Cycle.PEEL_2017, Pillar.EFFECTIVENESS)), areas
    )
    pillar = PillarAssessment(
        Pillar.EFFECTIVENESS,
        "Headline?",
        Judgment(Grade.REQUIRES_IMPROVEMENT, last_updated=dt.date(2019, 5, 2)),
        questions=(question,),
    )
    return Corpus([Assessment("Kent", Cycle.PEEL_2018_19, (pillar,), source="kent.txt")])


def test_column_names_are_stable() -> None:
    assert Rows(JudgmentRow).columns == (
        "force",
        "cycle",
        "pillar",
        "question_number",
        "question",
        "grade",
        "provenance",
        "carried_over_from",
        "resolved_grade",
        "resolved_cycle",
        "last_updated",
        "source",
        "evidence",
        "note",
        "change",
        "region",
        "country",
    )
    assert Rows(AreaForImprovementRow).columns == (
        "force",
        "cycle",
        "pillar",
        "question_number",
        "question",
        "text",
        "deadline",
        "carried_over_from",
        "source",
        "region",
        "country",
    )
    assert Rows(CompareRow).columns == (
        "force",
        "pillar",
        "cycle_a",
        "grade_a",
        "cycle_b",
        "grade_b",
        "change",
    )


def test_columns_are_documented() -> None:
    text = (Path(__file__).parent.parent / "docs" / "tables.md").read_text(encoding="utf-8")
    columns = (
        *Rows(JudgmentRow).columns,
        *Rows(AreaForImprovementRow).columns,
        *Rows(CompareRow).columns,
        *Rows(CoverageRow).columns,
    )
    for name in columns:
        assert f"| `{name}` |" in text, name


def test_cells_are_plain_words_and_iso_dates() -> None:
    assert cell(Grade.REQUIRES_IMPROVEMENT) == "requires improvement"
    assert cell(Cycle.PEEL_2018_19) == "2018/19"
    assert cell(dt.date(2019, 5, 2)) == "2019-05-02"
    assert cell(Within(1)) == "within 1 month"
    assert cell(Within(3)) == "within 3 months"
    assert cell(By(dt.date(2019, 3, 31))) == "by 2019-03-31"
    assert cell(Immediately()) == "immediately"
    assert cell(CarriedOver(Cycle.PEEL_2017)) == "carried_over"
    assert cell(None) is None
    assert cell(3) == 3


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_risky_cells_are_neutralised(start: str) -> None:
    assert neutralise(f"{start}x") == f"'{start}x"
    assert neutralise(f"x{start}") == f"x{start}"


def test_csv(corpus: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "areas.csv"
    corpus.to_csv(path, table="areas_for_improvement")
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [row["text"] for row in rows][:5] == [
        "'=1+1 looks like a formula",
        "'+44 is a phone number",
        "'-minus",
        "'@sum(A1)",
        "'\tleading tab",
    ]
    assert [row["deadline"] for row in rows] == [
        "within 3 months",
        "by 2019-03-31",
        "immediately",
        "",
        "",
        "",
    ]
    assert rows[5]["text"] == HOSTILE
    assert rows[5]["carried_over_from"] == "2017"
    judgments = tmp_path / "judgments.csv"
    corpus.to_csv(judgments)
    with judgments.open(encoding="utf-8", newline="") as stream:
        first, second = csv.DictReader(stream)
    assert first["question_number"] == ""
    assert first["last_updated"] == "2019-05-02"
    assert second["provenance"] == "carried_over"
    assert second["resolved_cycle"] == "2017"


def test_interrupted_csv_write_leaves_nothing_behind(
    corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")

    def failing_fsync(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(KeyboardInterrupt):
        corpus.to_csv(target)
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_unknown_table_is_refused(corpus: Corpus, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="'area' is not a table; expected 'judgments'"):
        corpus.to_csv(tmp_path / "x.csv", table="area")  # type: ignore[arg-type]


def test_frame_types(corpus: Corpus) -> None:
    import pandas as pd

    frame = corpus.to_frame(categories="all")
    assert list(frame.columns) == list(Rows(JudgmentRow).columns)
    grades = frame["grade"].dtype
    assert isinstance(grades, pd.CategoricalDtype)
    assert grades.ordered
    assert list(grades.categories) == [
        "inadequate",
        "requires improvement",
        "adequate",
        "good",
        "outstanding",
    ]
    assert frame["resolved_grade"].dtype == grades
    assert (frame["grade"] < "good").tolist() == [True, False]
    assert pd.api.types.is_datetime64_any_dtype(frame["last_updated"])
    assert frame["last_updated"][0] == pd.Timestamp("2019-05-02")
    assert str(frame["question_number"].dtype) == "Int64"
    assert frame["cycle"].dtype.ordered
    areas = corpus.to_frame("areas_for_improvement")
    assert areas["deadline"].tolist()[:3] == ["within 3 months", "by 2019-03-31", "immediately"]
    assert len(corpus.judgments()[:0].to_frame()) == 0


def test_frame_without_pandas_names_the_extra(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_import = builtins.__import__

    def no_pandas(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(MissingDependencyError, match=r"pip install 'peelkit\[dataframe\]'"):
        corpus.to_frame()


def test_importing_peelkit_and_querying_never_imports_pandas(tmp_path: Path) -> None:
    code = (
        "import sys, peelkit, peelkit.datasets\n"
        "c = peelkit.datasets.load_bundled(); c.judgments(force='Kent'); repr(c.judgments())\n"
        f"c._repr_html_(); c.to_csv({str(tmp_path / 'judgments.csv')!r})\n"
        "assert 'pandas' not in sys.modules, 'pandas was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_csv_text_has_a_header_for_no_rows(corpus: Corpus) -> None:
    assert (
        csv_text(corpus.judgments(grade="outstanding"))
        == ",".join(Rows(JudgmentRow).columns) + "\r\n"
    )


def test_html_escapes_everything(corpus: Corpus) -> None:
    for html in (
        corpus.judgments()._repr_html_(),
        corpus.areas_for_improvement()._repr_html_(),
        corpus[0]._repr_html_(),
        corpus._repr_html_(),
    ):
        assert "<script>" not in html
    assert "&lt;script&gt;" in corpus.areas_for_improvement()._repr_html_()
    assert "&lt;script&gt;" in corpus[0]._repr_html_()


def test_html_colours_grades_and_truncates(corpus: Corpus) -> None:
    html = corpus.judgments()._repr_html_()
    assert 'style="background-color:#f1a340' in html  # requires improvement
    many = Corpus([corpus[0]] * 30)
    text = many.judgments()._repr_html_()
    assert text.count("<tr>") == 51  # the header and 50 rows
    assert "… 10 more rows" in text
    assert "60 rows" in text


def test_corpus_html_is_a_grid_of_forces(corpus: Corpus) -> None:
    from peelkit.datasets import load_bundled

    html = load_bundled()._repr_html_()
    assert "PEEL 2023/25: 37 forces" in html
    assert '<th colspan="11">Areas of policing</th>' in html
    assert ">Investigating crime</th>" in html  # the area's label under its pillar
    assert "Cleveland" in html
    assert "cells are unknown (?): peelkit has no source for them" in html
    complete = load_bundled().grid("2015", questions=False)._repr_html_()
    assert "pk-unknown" not in complete.split("</style>")[1]  # no unknown cell
    assert "are unknown" not in complete
