"""The table commands: summary, query and export, on the bundled data and on files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import peelkit
from peelkit.cli import main
from peelkit.cli._common import PROGRESS_FROM, load_corpus
from peelkit.datasets import kent_2018_effectiveness


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_summary_shows_the_latest_cycle_with_data_force_by_force_with_coverage(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = _run(capsys, "summary")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "PEEL 2023/25: known area grades of 43 forces"
    assert "the rest are unknown and not shown" in out
    assert "Kent 2023/25: 0 of 8 known" in lines
    wiltshire = lines.index("Wiltshire 2023/25: 9 of 9 known")
    assert lines[wiltshire + 1].startswith("  Police powers and public treatment")
    assert "Known area grades per grade (205):" in out


def test_summary_of_2018_19(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "summary", "--cycle", "2018/19")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "PEEL 2018/19: pillar grades of 43 forces"
    assert lines[2].split() == ["Force", "Effectiveness", "Efficiency", "Legitimacy"]
    table = lines[3:46]
    assert len(table) == 43
    assert (
        "Kent                         good                  outstanding           outstanding"
        in table
    )
    assert any(line.startswith("Cleveland") and line.count("inadequate") == 3 for line in table)
    humberside = next(line for line in table if line.startswith("Humberside"))
    assert humberside.split()[1:] == ["good", "unknown", "good"]
    assert "Judgments per grade (129):" in out
    assert "  unknown                  2" in out
    assert "2 of 129 cells are unknown: peelkit has no source for them." in out


def test_summary_of_another_cycle_shows_not_graded(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "summary", "--cycle", "2017")
    assert status == 0
    gmp = next(line for line in out.splitlines() if line.startswith("Greater Manchester"))
    assert "requires improvement  not graded" in gmp
    assert "  not graded" in out


def test_summary_of_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "kent.json").write_text(peelkit.to_json(kent_2018_effectiveness()), "utf-8")
    status, out, _ = _run(capsys, "summary", str(tmp_path))
    assert status == 0
    assert out.splitlines()[0] == "PEEL 2018/19: pillar grades of 1 force"
    assert out.splitlines()[3].split() == ["Kent", "good"]


def test_query_formats(capsys: pytest.CaptureFixture[str]) -> None:
    filters = ("query", "judgments", "--force", "Kent", "--cycle", "2018/19", "--question", "1")
    status, out, _ = _run(capsys, *filters, "--format", "csv")
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["pillar"], r["grade"], r["carried_over_from"]) for r in rows][:2] == [
        ("effectiveness", "good", "2017"),
        ("efficiency", "", "2017"),
    ]
    _, out, _ = _run(capsys, *filters, "--format", "json")
    assert json.loads(out)[0]["question_number"] == 1
    _, out, _ = _run(capsys, *filters)
    assert out.splitlines()[0].split()[:3] == ["force", "cycle", "pillar"]
    _, out, _ = _run(
        capsys, "query", "judgments", "--grade", "inadequate", "--pillar", "efficiency"
    )
    assert sum(1 for line in out.splitlines() if line.startswith("Cleveland")) == 1


def test_query_areas(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "query", "areas", "--contains", "thrive", "--format", "json")
    assert status == 0
    assert [row["deadline"] for row in json.loads(out)] == ["within 3 months"]
    _, out, _ = _run(capsys, "query", "areas", "--no-deadline", "--format", "json")
    assert len(json.loads(out)) == 2


def test_export(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "judgments.csv"
    assert _run(capsys, "export", "-o", str(target))[0] == 0
    with target.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == len(peelkit.datasets.load_bundled().judgments())
    corpus_file = tmp_path / "corpus.json"
    assert _run(capsys, "export", "--format", "peelkit", "-o", str(corpus_file))[0] == 0
    assert peelkit.load(corpus_file) == peelkit.datasets.load_bundled().merged()
    _, out, _ = _run(capsys, "export", "--table", "areas_for_improvement", "--format", "json")
    assert len(json.loads(out)) == 4


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["query", "judgments", "--grade", "brilliant"], "peelkit: 'brilliant' is not a grade"),
        (["query", "judgments", "--force", "Kentt"], "did you mean 'Kent'?"),
        (["summary", "--cycle", "2019"], "'2019' is not a cycle"),
        (["summary", "no-such-file.json"], "no-such-file.json: No such file"),
    ],
)
def test_bad_input_is_one_line_on_stderr(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    status, out, err = _run(capsys, *argv)
    assert (status, out) == (1, "")
    assert message in err
    assert err.count("\n") == 1


def test_progress_only_on_a_terminal(tmp_path: Path) -> None:
    text = peelkit.to_json(kent_2018_effectiveness())
    for number in range(PROGRESS_FROM):
        (tmp_path / f"{number:02}.json").write_text(text, "utf-8")

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal, pipe = Terminal(), io.StringIO()
    assert len(load_corpus([tmp_path], stderr=terminal)) == PROGRESS_FROM
    assert f"read {PROGRESS_FROM:,} of {PROGRESS_FROM:,} files" in terminal.getvalue()
    load_corpus([tmp_path], stderr=pipe)
    assert pipe.getvalue() == ""
