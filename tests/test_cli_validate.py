"""``peelkit validate``: one line per violation, JSON for machines, exit status."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from peelkit import to_dict
from peelkit.cli import main
from peelkit.datasets import kent_2018_effectiveness

Run = tuple[int, str, str]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Any:
    def invoke(*argv: str | Path) -> Run:
        status = main(["validate", *map(str, argv)])
        out, err = capsys.readouterr()
        return status, out, err

    return invoke


def write(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def kent_document() -> dict[str, Any]:
    return to_dict(kent_2018_effectiveness())


def test_a_valid_file_prints_nothing_and_succeeds(run: Any, tmp_path: Path) -> None:
    assert run(write(tmp_path / "kent.json", kent_document())) == (0, "", "")


def test_each_violation_is_a_line_with_file_code_severity_path(run: Any, tmp_path: Path) -> None:
    document = kent_document()
    document["force"] = "Kentt"
    document["pillars"][0]["questions"][1]["judgment"]["grade"] = "adequate"
    path = write(tmp_path / "bad.json", document)
    status, out, err = run(path)
    assert status == 1
    lines = out.splitlines()
    assert lines[0] == (
        f"{path}: PEEL002 error $.force: 'Kentt' is not one of the 43 territorial forces "
        "of England and Wales; did you mean 'Kent'?"
    )
    assert lines[1].startswith(
        f"{path}: PEEL004 error $.pillars[0].questions[1].judgment.grade: grade 'adequate'"
    )
    assert len(lines) == 2
    assert "2 errors, 0 warnings" in err


def test_warnings_alone_succeed(run: Any, tmp_path: Path) -> None:
    document = kent_document()
    document["pillars"][0]["judgment"]["last_updated"] = "2030-01-01"
    status, out, _ = run(write(tmp_path / "late.json", document))
    assert status == 0
    assert " PEEL016 warning $.pillars[0].judgment.last_updated: " in out


def test_rules_can_be_disabled(run: Any, tmp_path: Path) -> None:
    document = kent_document()
    document["force"] = "Kentt"
    path = write(tmp_path / "bad.json", document)
    assert run(path, "--disable", "PEEL002")[:2] == (0, "")
    status, _, err = run(path, "--disable", "PEL002")
    assert status == 2
    assert "did you mean 'PEEL002'?" in err


def test_json_output_for_machines(run: Any, tmp_path: Path) -> None:
    document = kent_document()
    document["cycle"] = "2019"
    path = write(tmp_path / "cycle.json", document)
    status, out, _ = run(path, "--format", "json")
    assert status == 1
    assert json.loads(out) == [
        {
            "code": "PEEL001",
            "severity": "error",
            "path": "$.cycle",
            "message": "'2019' is not a cycle; expected one of '2014', '2015', '2016', "
            "'2017', '2018/19', '2021/22', '2023/25', '2025/27'",
            "source": str(path),
            "line": None,
        }
    ]


def test_files_are_checked_together_and_paths_are_per_file(run: Any, tmp_path: Path) -> None:
    first = write(tmp_path / "a.json", kent_document())
    other = kent_document()
    other["pillars"][0]["judgment"]["grade"] = "outstanding"
    members = [kent_document(), other]
    for member in members:
        del member["format"]
    corpus = {"format": "peelkit/1", "assessments": members}
    second = write(tmp_path / "b.json", corpus)
    status, out, _ = run(first, second)
    assert status == 1
    assert out.splitlines() == [
        f"{second}: PEEL022 error $.assessments[1].pillars[0].judgment.grade: another "
        f"assessment of the same force, cycle and pillar (at {first} "
        "$.pillars[0].judgment.grade) says 'good', this one 'outstanding'; expected one "
        "version of the facts"
    ]


def test_a_folder_is_searched(run: Any, tmp_path: Path) -> None:
    document = kent_document()
    document["force"] = "Kentt"
    write(tmp_path / "bad.json", document)
    status, out, _ = run(tmp_path)
    assert (status, out.count("PEEL002")) == (1, 1)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "PEEL000 error $: not valid JSON"),
        ('{"format": "peelkit/1"}', "PEEL000 error $.force: required key is missing"),
    ],
)
def test_a_malformed_document_is_reported_not_raised(
    run: Any, tmp_path: Path, content: str, expected: str
) -> None:
    path = tmp_path / "broken.json"
    path.write_text(content, encoding="utf-8")
    status, out, _ = run(path)
    assert status == 1
    assert f"{path}: {expected}" in out


def test_an_unreadable_file_is_one_line_on_stderr(run: Any, tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    status, out, err = run(write(tmp_path / "kent.json", kent_document()), missing)
    assert (status, out) == (1, "")
    assert err == f"{missing}: No such file or directory\n"
    assert "Traceback" not in err


# -- page texts ----------------------------------------------------------------------

PAGE = """Kent PEEL 2018
Effectiveness
How effectively does the force reduce crime and keep people safe?
How effective is the force at investigating crime and reducing re-offending?
Adequate
The force investigates crime well.
How effective are the force’s specialist capabilities?
Good
"""


def test_a_page_text_is_validated_with_file_and_line(run: Any, tmp_path: Path) -> None:
    page = tmp_path / "kent.txt"
    page.write_text(PAGE, encoding="utf-8")
    status, out, _ = run(page)
    assert status == 1
    lines = out.splitlines()
    # "Adequate" is line 5: not on the 2018/19 scale; "Good" on line 8: question 5 is ungraded.
    assert lines[0].startswith(f"{page}:5: PEEL004 error $.pillars[0].questions[0].judgment.grade")
    assert lines[1].startswith(f"{page}:8: PEEL005 error $.pillars[0].questions[1].judgment.grade")
    assert len(lines) == 2


def test_a_page_and_a_json_document_are_checked_together(run: Any, tmp_path: Path) -> None:
    page = tmp_path / "kent.txt"
    page.write_text(PAGE.replace("Adequate\n", "Outstanding\n").replace("Good\n", ""), "utf-8")
    document = kent_document()
    document["pillars"][0]["questions"][1]["judgment"]["grade"] = "good"
    status, out, _ = run(page, write(tmp_path / "kent.json", document))
    assert status == 1
    assert "PEEL022 error" in out
    assert (
        "says 'good', this one 'outstanding'" in out or "says 'outstanding', this one 'good'" in out
    )


def test_a_page_that_is_not_a_page_is_one_line_on_stderr(run: Any, tmp_path: Path) -> None:
    page = tmp_path / "notes.txt"
    page.write_text("Shopping list\neggs\n", encoding="utf-8")
    status, out, err = run(page)
    assert (status, out) == (1, "")
    assert err.startswith(f"{page}:")
    assert len(err.strip().splitlines()) <= 3  # the line, and the pointer under it
    assert "Traceback" not in err
