"""``peelkit parse``: pages in, one assessment out; errors as FILE:LINE: MESSAGE."""

from __future__ import annotations

import io
from importlib import resources
from pathlib import Path

import pytest

import peelkit
from peelkit.cli import main
from peelkit.datasets import kent_2018_effectiveness

PAGES = Path(__file__).parent / "fixtures" / "pages"


@pytest.fixture
def kent(tmp_path: Path) -> Path:
    path = tmp_path / "kent.txt"
    text = resources.files("peelkit.datasets").joinpath("kent-2018-effectiveness.txt")
    path.write_text(text.read_text("utf-8"), encoding="utf-8")
    return path


def test_json_to_stdout(kent: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(kent)]) == 0
    printed = peelkit.from_json(capsys.readouterr().out)
    assert printed == peelkit.parse_report(kent.read_text("utf-8"), source=str(kent))


def test_pages_of_one_force_and_cycle_merge(kent: Path, tmp_path: Path) -> None:
    legitimacy = tmp_path / "legitimacy.txt"
    legitimacy.write_text("Kent PEEL 2018\nLegitimacy\nOutstanding\n", encoding="utf-8")
    out = tmp_path / "out.json"
    assert main(["parse", str(kent), str(legitimacy), "-o", str(out)]) == 0
    merged = peelkit.from_json(out.read_text("utf-8"))
    assert isinstance(merged, peelkit.Assessment)
    assert [p.pillar.value for p in merged.pillars] == ["effectiveness", "legitimacy"]
    assert merged.source == f"{kent}; {legitimacy}"


def test_text_format(kent: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--format", "text", str(kent)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Kent PEEL 2018\nEffectiveness\n")
    assert peelkit.parse_report(out) == peelkit.parse_report(kent.read_text("utf-8"))


def test_errors_are_located(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("Skip to content\nKent PEEL 2019\n", encoding="utf-8")
    out = tmp_path / "out.json"
    assert main(["parse", str(bad), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{bad}:2: unknown PEEL cycle '2019'")
    assert "Traceback" not in err
    assert not out.exists()


def test_pages_of_several_forces_make_one_corpus_document(
    kent: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    essex = tmp_path / "essex.txt"
    essex.write_text("Essex PEEL 2018\nEfficiency\nGood\n", encoding="utf-8")
    legitimacy = tmp_path / "legitimacy.txt"
    legitimacy.write_text("Kent PEEL 2018\nLegitimacy\nOutstanding\n", encoding="utf-8")
    assert main(["parse", str(kent), str(essex), str(legitimacy)]) == 0
    corpus = peelkit.from_json(capsys.readouterr().out)
    assert isinstance(corpus, peelkit.Corpus)
    assert [(a.force, [p.pillar.value for p in a.pillars]) for a in corpus] == [
        ("Kent", ["effectiveness", "legitimacy"]),
        ("Essex", ["efficiency"]),
    ]


def test_a_page_on_stdin(
    kent: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(kent.read_bytes())))
    assert main(["parse", "-"]) == 0
    printed = peelkit.from_json(capsys.readouterr().out)
    assert isinstance(printed, peelkit.Assessment)
    assert printed.force == "Kent"


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(tmp_path / "nope.txt")]) == 1
    assert "nope.txt: No such file" in capsys.readouterr().err


def test_show_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show"]) == 0
    shown = peelkit.from_json(capsys.readouterr().out)
    assert shown == kent_2018_effectiveness()
