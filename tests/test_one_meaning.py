"""Issue 11, parts 1 and 3 and the tables' places and deadlines: queries that mean one
thing, words that say what was meant, and a shell that composes."""

from __future__ import annotations

import datetime as dt
import io
import json
import traceback
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import peelkit
from peelkit import By, Corpus, Cycle, Grade, Immediately, Pillar, Within
from peelkit.cli import main
from peelkit.datasets import load_bundled
from peelkit.query import ANY
from peelkit.text import plural


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_bundled()


# -- question=None means the pillar's own judgment, everywhere -------------------------


def test_question_none_is_the_pillars_own_judgment(corpus: Corpus) -> None:
    headline = corpus.judgments(cycle="2018/19", question=None)
    assert headline
    assert all(row.question_number is None for row in headline)
    everything = corpus.judgments(cycle="2018/19")
    assert len(everything) > len(headline)
    assert corpus.judgments(cycle="2018/19", question=ANY) == everything
    assert {row.question_number for row in everything} - {None}


def test_question_none_with_numbers_keeps_both(corpus: Corpus) -> None:
    rows = corpus.judgments(
        force="Kent", cycle="2018/19", pillar="effectiveness", question=[None, 1]
    )
    assert [row.question_number for row in rows] == [None, 1]


def test_compare_and_history_use_the_pillars_own_judgment(corpus: Corpus) -> None:
    history = corpus.history("Kent", "effectiveness")
    assert history
    assert all(row.question_number is None for row in history)
    assert len(corpus.compare(2017, 2018)) == 43 * 3


@pytest.mark.parametrize("name", ["force", "cycle", "pillar", "grade", "region", "country"])
def test_none_for_another_filter_says_to_leave_it_out(corpus: Corpus, name: str) -> None:
    with pytest.raises(peelkit.FilterError, match=f"{name}=None matches nothing: leave {name} out"):
        corpus.judgments(**{name: None})  # type: ignore[arg-type]


def test_question_none_on_the_shell(corpus: Corpus, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["query", "judgments", "--cycle", "2017", "--question", "none", "--format", "json"])
        == 0
    )
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == len(corpus.judgments(cycle=2017, question=None)) > 0
    assert all(row["question_number"] is None for row in rows)


# -- cycles as ints, and a "did you mean" for every word --------------------------------


def test_cycles_as_years(corpus: Corpus) -> None:
    assert Cycle(2017) is Cycle.PEEL_2017
    assert Cycle(2018) is Cycle.PEEL_2018_19
    assert corpus.judgments(cycle=2017) == corpus.judgments(cycle="2017")
    assert corpus.grid(2017) == corpus.grid("2017")


@given(st.sampled_from(list(Cycle)))
def test_every_cycle_is_its_first_year(cycle: Cycle) -> None:
    assert Cycle(cycle.year) is cycle
    assert Cycle(str(cycle)) is cycle


def test_a_refused_year_is_not_listed_as_allowed() -> None:
    with pytest.raises(peelkit.UnknownWordError) as caught:
        Cycle(2019)
    assert "2019" not in caught.value.hint


@pytest.mark.parametrize(
    ("call", "suggestion"),
    [
        (lambda: Grade("Requires improvment"), "'requires improvement'"),
        (lambda: Grade("outstandng"), "'outstanding'"),
        (lambda: Pillar("efficency"), "'efficiency'"),
        (lambda: Pillar("legitamacy"), "'legitimacy'"),
        (lambda: peelkit.Evidence("statment"), "'statement'"),
    ],
)
def test_every_enum_says_did_you_mean(call: object, suggestion: str) -> None:
    with pytest.raises(peelkit.UnknownWordError, match=f"did you mean {suggestion}"):
        call()  # type: ignore[operator]


def test_a_word_nothing_like_any_lists_them_all() -> None:
    with pytest.raises(ValueError, match="expected one of 'inadequate', 'requires improvement'"):
        Grade("excellent")


def test_filters_say_did_you_mean(corpus: Corpus) -> None:
    with pytest.raises(peelkit.FilterError, match="did you mean 'requires improvement'"):
        corpus.judgments(grade="Requires improvment")
    with pytest.raises(peelkit.FilterError, match="did you mean 'efficiency'"):
        corpus.judgments(pillar="efficency")


# -- one force's assessment; what is missing explains itself ---------------------------


def test_one_forces_assessment_in_one_cycle(corpus: Corpus) -> None:
    kent = corpus.assessment("Kent Police", "2018-19")
    assert (kent.force, kent.cycle) == ("Kent", Cycle.PEEL_2018_19)
    assert corpus.assessment("kent", 2018) == kent
    assert corpus.assessment(peelkit.force("Kent"), Cycle.PEEL_2018_19) == kent


def test_an_assessment_that_is_not_there_names_what_is() -> None:
    only = Corpus([peelkit.Assessment("Kent", Cycle(year)) for year in (2015, 2016, 2017)])
    with pytest.raises(peelkit.MissingError) as caught:
        only.assessment("Kent Police", 2021)
    assert str(caught.value) == "no assessment for Kent in 2021/22; Kent has 2015, 2016, 2017"
    with pytest.raises(peelkit.MissingError, match="the corpus holds no assessment of Essex"):
        only.assessment("Essex", 2017)
    with pytest.raises(peelkit.FilterError, match="did you mean 'Kent'"):
        only.assessment("Kentt", 2017)


def test_a_missing_pillar_or_question_names_what_exists(corpus: Corpus) -> None:
    kent = corpus.assessment("Kent", 2018)
    with pytest.raises(
        peelkit.MissingError,
        match="no leadership pillar in Kent 2018/19; it has effectiveness, efficiency and "
        "legitimacy",
    ):
        kent.pillar("leadership")
    assert kent.get_pillar("leadership") is None
    effectiveness = kent.pillar("effectiveness")
    with pytest.raises(
        LookupError, match="no question 9 in this effectiveness pillar; it has 1, 2, 3, 4 and 5"
    ):
        effectiveness.question(9)
    assert effectiveness.get_question(9) is None
    assert effectiveness.question(1) is effectiveness.get_question(1)


# -- a typo shows the user's call, not peelkit's insides ------------------------------


def test_a_typo_has_at_most_two_peelkit_frames(corpus: Corpus) -> None:
    with pytest.raises(peelkit.FilterError) as caught:
        corpus.judgments(grade="excelent")
    frames = traceback.extract_tb(caught.value.__traceback__)
    ours = [frame for frame in frames if "/peelkit/" in frame.filename.replace("\\", "/")]
    assert frames[0].filename == __file__
    assert 1 <= len(ours) <= 2


# -- region, country and deadline ------------------------------------------------------


def test_rows_carry_region_and_country(corpus: Corpus) -> None:
    (row,) = corpus.judgments(force="Gwent", cycle=2017, pillar="efficiency", question=None)
    assert (row.region, row.country) == ("Wales", "Wales")
    (area, *_) = corpus.areas_for_improvement(force="Kent")
    assert (area.region, area.country) == (peelkit.force("Kent").region, "England")


def test_region_and_country_filters(corpus: Corpus) -> None:
    welsh = corpus.judgments(country="wales", cycle=2017, question=None)
    assert {row.force for row in welsh} == {
        f.short_name for f in peelkit.FORCES if f.country == "Wales"
    }
    south_east = corpus.judgments(region="South East", cycle=2017, question=None)
    assert {row.region for row in south_east} == {"South East"}
    assert len(south_east) == 3 * sum(f.region == "South East" for f in peelkit.FORCES)
    with pytest.raises(peelkit.FilterError, match=r"did you mean .*'South East'"):
        corpus.judgments(region="south est")


def test_deadline_filter(corpus: Corpus) -> None:
    within = corpus.areas_for_improvement(deadline=Within(3))
    assert within
    assert all(row.deadline == Within(3) for row in within)
    assert corpus.areas_for_improvement(deadline="within three months") == within
    assert corpus.areas_for_improvement(deadline="Within 3 months") == within
    assert corpus.areas_for_improvement(deadline=[Within(3), Immediately()]) == within
    assert not corpus.areas_for_improvement(deadline=By(dt.date(2019, 3, 31)))
    with_any = corpus.areas_for_improvement(has_deadline=True)
    assert set(within) <= set(with_any)
    with pytest.raises(peelkit.FilterError, match="'soon' is not a deadline"):
        corpus.areas_for_improvement(deadline="soon")


def test_region_country_and_deadline_on_the_shell(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["query", "areas", "--deadline", "within 3 months", "--region", "South East"]
    assert main([*argv, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows
    assert all(r["deadline"] == "within 3 months" and r["region"] == "South East" for r in rows)
    assert (
        main(["query", "judgments", "--country", "Wales", "--cycle", "2017", "--format", "json"])
        == 0
    )
    assert {r["country"] for r in json.loads(capsys.readouterr().out)} == {"Wales"}


def test_area_on_the_shell(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "judgments", "--area", "use of resources", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows
    assert all(r["pillar"] == "areas of policing" for r in rows)


# -- small words ------------------------------------------------------------------------


@given(st.integers(min_value=0, max_value=10**6))
def test_plural(count: int) -> None:
    words = plural(count, "force")
    assert words.endswith("force" if count == 1 else "forces")
    assert words.replace(",", "").startswith(str(count))


def test_a_corpus_of_one_says_one() -> None:
    one = Corpus([peelkit.Assessment("Kent", Cycle.PEEL_2017)])
    assert repr(one) == "Corpus(1 assessment: 1 force, 2017)"


def test_unknown_cells_are_called_unknown(corpus: Corpus) -> None:
    counts = corpus.grid("2018/19", questions=False).counts()
    assert "" not in counts
    assert counts["unknown"] > 0


# -- a shell that composes --------------------------------------------------------------


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_query_reads_stdin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    document = peelkit.to_json(load_bundled()[:5]).encode()
    _stdin(monkeypatch, document)
    assert main(["query", "judgments", "-", "--format", "json", "-o", "-"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == len(load_bundled()[:5].merged().judgments())


def test_export_of_areas(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--table", "areas"]) == 0
    areas = capsys.readouterr().out
    assert main(["export", "--table", "areas_for_improvement"]) == 0
    assert capsys.readouterr().out == areas
    assert areas.startswith("force,cycle,pillar,question_number,question,text,deadline")


def test_a_subcommands_mistake_prints_its_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["query", "judgments", "--bogus"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: peelkit query judgments")
    assert "unrecognized arguments: --bogus" in err
    with pytest.raises(SystemExit):
        main(["summary", "--bogus"])
    assert capsys.readouterr().err.startswith("usage: peelkit summary")


def test_validate_json_lists_unreadable_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.json"
    assert main(["validate", "--format", "json", str(missing)]) == 1
    (problem,) = json.loads(capsys.readouterr().out)
    assert problem["code"] == "PEEL000"
    assert problem["severity"] == "error"
    assert problem["source"] == str(missing)
    assert "No such file" in problem["message"]


def test_summary_reports_bad_files_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.json"
    good.write_text(peelkit.to_json(load_bundled()), encoding="utf-8")
    bad_page = tmp_path / "bad.txt"
    bad_page.write_text("junk\n", encoding="utf-8")
    bad_json = tmp_path / "bad.json"
    bad_json.write_text("{", encoding="utf-8")
    assert main(["summary", str(bad_page), str(good), str(bad_json), "--cycle", "2017"]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("PEEL 2017: pillar grades of 43 forces")
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{bad_page}:1: ")
    assert lines[1].startswith(f"{bad_json}: $: not valid JSON")


def test_summary_formats(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", "--cycle", "2017", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["cycle"] == "2017"
    assert len(document["forces"]) == 43
    kent = next(f for f in document["forces"] if f["force"] == "Kent")
    assert set(kent) == {"force", "effectiveness", "efficiency", "legitimacy"}
    assert main(["summary", "--cycle", "2017", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "force,effectiveness,efficiency,legitimacy"
    assert len(lines) == 44
    assert main(["summary", "--format", "csv"]) == 0  # the latest: areas of policing
    assert capsys.readouterr().out.startswith("force,areas_graded,known,")


def test_summary_of_a_cycle_with_no_data(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", "--cycle", "2025/27"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "peelkit: no assessments for 2025/27 in the bundled data\n"


def test_show_of_a_document_breaking_a_rule_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pillar = peelkit.PillarAssessment(
        Pillar.EFFECTIVENESS, judgment=peelkit.Judgment(Grade.ADEQUATE)
    )
    wrong = tmp_path / "wrong.json"
    wrong.write_text(
        peelkit.to_json(peelkit.Assessment("Kent", Cycle.PEEL_2017, [pillar])), encoding="utf-8"
    )
    assert main(["show", str(wrong)]) == 1
    out, err = capsys.readouterr()
    assert json.loads(out)["force"] == "Kent"
    assert "error" in err
    assert "peelkit: the document breaks" in err
    assert main(["show"]) == 0
