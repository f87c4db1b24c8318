"""Hostile input: whatever arrives, the outcome is a PeelkitError (or, on the command
line, one clear line on stderr and a non-zero exit), never a traceback, and never a
partly written file."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

import peelkit
from peelkit import _io
from peelkit.cli import main

KENT_JSON = peelkit.to_json(peelkit.datasets.kent_2018_effectiveness())

# name -> bytes of a file that is not a good document
HOSTILE_FILES: dict[str, bytes] = {
    "truncated JSON": KENT_JSON[: len(KENT_JSON) // 2].encode(),
    "wrong encoding": KENT_JSON.replace("Kent", "Kënt").encode("utf-16"),
    "latin-1 JSON": KENT_JSON.replace("Kent", "Kënt").encode("latin-1", errors="replace"),
    "deeply nested JSON": b"{" + b'"a": {' * 50_000 + b"}" * 50_001,
    "JSON of the wrong shape": b'{"format": "peelkit/1", "assessments": {"a": 1}}',
    "a newer format": b'{"format": "peelkit/9"}',
}


@pytest.fixture
def hostile(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    path = tmp_path / "document.json"
    path.write_bytes(HOSTILE_FILES[request.param])
    return path


@pytest.mark.parametrize("hostile", list(HOSTILE_FILES), indirect=True)
def test_loading_a_hostile_file_raises_a_peelkit_error(hostile: Path) -> None:
    with pytest.raises(peelkit.PeelkitError) as caught:
        peelkit.load(hostile)
    assert str(hostile) in str(caught.value)


@pytest.mark.parametrize("hostile", list(HOSTILE_FILES), indirect=True)
def test_show_reports_a_hostile_file_in_one_line(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", str(hostile)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"{hostile}")
    assert "Traceback" not in captured.err


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "missing.json", "No such file or directory"),
        (lambda tmp: tmp, "is a folder, not a file"),
    ],
)
def test_show_reports_an_unreadable_path(
    tmp_path: Path, make: object, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    assert main(["show", str(path)]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_load_of_a_missing_file_is_an_os_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError) as caught:
        peelkit.load(tmp_path / "missing.json")
    assert caught.value.filename == str(tmp_path / "missing.json")


class TestAtomicWrite:
    def test_writes_the_whole_text(self, tmp_path: Path) -> None:
        target = tmp_path / "out.json"
        _io.write_text(target, KENT_JSON)
        assert target.read_text("utf-8") == KENT_JSON

    def test_an_interrupted_write_leaves_the_old_file_and_no_litter(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        target = tmp_path / "out.json"
        target.write_text("old", "utf-8")

        def interrupted(fd: int) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(os, "fsync", interrupted)
        with pytest.raises(KeyboardInterrupt):
            _io.write_text(target, KENT_JSON)
        assert target.read_text("utf-8") == "old"
        assert [p.name for p in tmp_path.iterdir()] == ["out.json"]

    def test_a_failed_write_of_a_new_file_leaves_nothing(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def failing(source: str, target: str) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "replace", failing)
        with pytest.raises(OSError, match="No space left"):
            _io.write_text(tmp_path / "new.json", KENT_JSON)
        assert list(tmp_path.iterdir()) == []


# -- every command, every hostile file ------------------------------------------------

PAGE = (peelkit.datasets.__file__.rsplit("/", 1)[0] + "/kent-2018-effectiveness.txt",)
HOSTILE_INPUTS: dict[str, bytes] = {
    **HOSTILE_FILES,
    "empty file": b"",
    "binary garbage": bytes(range(256)) * 4,
    "a page cut off before its title": b"Skip to content\n\nEnglish Cymraeg\n",
    "a page of an unknown cycle": b"Kent PEEL 2020\nEffectiveness\n",
}
COMMANDS = {
    "parse": ["parse"],
    "validate": ["validate"],
    "summary": ["summary"],
    "query": ["query", "judgments"],
    "export": ["export"],
    "show": ["show"],
}


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("name", list(HOSTILE_INPUTS))
def test_every_command_reports_a_hostile_file_without_a_traceback(
    command: str, name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    suffix = ".json" if name in HOSTILE_FILES else ".txt"
    path = tmp_path / f"input{suffix}"
    path.write_bytes(HOSTILE_INPUTS[name])
    status = main([*COMMANDS[command], str(path)])
    captured = capsys.readouterr()
    assert status != 0
    assert "Traceback" not in captured.err
    assert captured.err.strip(), "an error must be said on stderr"
    assert str(path) in captured.err or str(path) in captured.out


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("kind", ["missing", "folder"])
def test_every_command_reports_an_unreadable_path(
    command: str, kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "missing.json" if kind == "missing" else tmp_path / "empty-folder"
    if kind == "folder":
        path.mkdir()
    status = main([*COMMANDS[command], str(path)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    if kind == "folder" and command != "show":
        # A folder is searched for .json and .txt files; an empty one holds none.
        assert status in (0, 1)
    else:
        assert status == 1
        assert len(captured.err.strip().splitlines()) == 1


@pytest.mark.parametrize("command", ["parse", "summary", "export"])
def test_no_output_file_is_left_behind_when_a_command_fails(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe not a page")
    out = tmp_path / "out.json"
    assert main([*COMMANDS[command], str(bad), "-o", str(out)]) == 1
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt"]


def test_an_interrupted_parse_output_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "kent.json"

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    assert main(["parse", *PAGE, "-o", str(out)]) == 130
    assert list(tmp_path.iterdir()) == []
    assert capsys.readouterr().err == "peelkit: interrupted\n"


def test_a_huge_page_is_refused_naming_the_limit() -> None:
    from peelkit.page.grammar import MAX_PAGE_CHARS

    text = "Kent PEEL 2018\nEffectiveness\n" + "The force is good. " * (MAX_PAGE_CHARS // 19 + 1)
    with pytest.raises(peelkit.ParseError, match="16,777,216"):
        peelkit.parse_report(text)


# -- files that are not regular files ---------------------------------------------------


def _special(kind: str, tmp_path: Path) -> Path:
    """A FIFO with no writer, or (as root) a character device like /dev/zero, in tmp_path."""
    path = tmp_path / kind
    if kind == "fifo":
        os.mkfifo(path)
    else:
        if os.geteuid() != 0:
            pytest.skip("making a device node needs root")
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 5))  # /dev/zero's numbers
    return path


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize(("kind", "word"), [("fifo", "FIFO"), ("device", "character device")])
def test_every_command_refuses_a_fifo_or_device_at_once(
    command: str, kind: str, word: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _special(kind, tmp_path)
    statuses: list[int] = []
    # In a thread so that a regression (a read that blocks) fails this test instead of
    # hanging the suite; the join's timeout is a safety net, not a speed requirement.
    runner = threading.Thread(target=lambda: statuses.append(main([*COMMANDS[command], str(path)])))
    runner.daemon = True
    runner.start()
    runner.join(timeout=120)
    assert statuses == [1], "the command blocked on, or accepted, a non-regular file"
    err = capsys.readouterr().err
    assert str(path) in err
    assert word in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("command", ["summary", "export", "parse"])
def test_an_output_device_is_written_into_not_replaced(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    arguments = [*COMMANDS[command], *(PAGE if command == "parse" else ()), "-o", str(null)]
    assert main(arguments) == 0
    assert stat.S_ISCHR(null.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]


# -- at the Python door: every entry point answers bad input with a PeelkitError --------

import contextlib  # noqa: E402
from typing import Any  # noqa: E402

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from peelkit.model import (  # noqa: E402
    AreaForImprovement,
    Assessment,
    CarriedOver,
    Cycle,
    Grade,
    Judgment,
    PillarAssessment,
    QuestionAssessment,
    Within,
)

KENT = peelkit.datasets.kent_2018_effectiveness()
KENT_DICT = peelkit.to_dict(KENT)
KENT_PAGE = Path(PAGE[0]).read_text("utf-8")
DIGITS = "9" * 5000


def _within(text: str, months: str) -> str:
    """The Kent JSON with its first deadline's month count replaced by ``months``."""
    assert '"months": ' in text
    head, _, tail = text.partition('"months": ')
    return head + '"months": ' + months + tail[tail.index("}") :]


DOOR_CASES: dict[str, tuple[Any, str]] = {
    # name: (a call that must fail, words the message must hold)
    "from_json(None)": (
        lambda: peelkit.from_json(None),  # type: ignore[call-overload]
        "expected JSON text (str or bytes)",
    ),
    "from_json(42)": (
        lambda: peelkit.from_json(42),  # type: ignore[call-overload]
        "got int",
    ),
    "a 5,000-digit month count": (
        lambda: peelkit.from_json(_within(KENT_JSON, DIGITS)),
        "deadline.months: expected a whole number, got a number of 5,000 digits",
    ),
    "a 5,000-digit value of an unknown key": (
        lambda: peelkit.from_json(KENT_JSON[:-1] + f', "extra": {DIGITS}}}'),
        "unknown key 'extra'",
    ),
    "a 5,000-digit format version": (
        lambda: peelkit.from_json(f'{{"format": "peelkit/{DIGITS}"}}'),
        "is newer than this peelkit understands",
    ),
    "mixed key types in from_dict": (
        lambda: peelkit.from_dict(_mixed_keys()),
        "$: keys must be strings, got 1 (int)",
    ),
    "a huge int in from_dict": (
        lambda: peelkit.from_dict({**KENT_DICT, "pillars": [{"pillar": 10**5000}]}),
        "$.pillars[0].pillar: expected a whole number, got a number of about",
    ),
    "a duplicate key": (
        lambda: peelkit.from_json('{"format": "peelkit/9", ' + KENT_JSON[1:]),
        "the key 'format' appears twice",
    ),
    "an escaped lone surrogate": (
        lambda: peelkit.from_json(KENT_JSON.replace('"Kent"', '"Kent\\udc80"', 1)),
        "$.force: text holds a lone surrogate '\\udc80' at character 4",
    ),
    "a raw lone surrogate": (
        lambda: peelkit.from_json(KENT_JSON.replace('"Kent"', '"Kent\ud800"', 1)),
        "$.force: text holds a lone surrogate",
    ),
    "a lone surrogate in from_dict": (
        lambda: peelkit.from_dict({**KENT_DICT, "source": "a\ud800b"}),
        "$.source: text holds a lone surrogate '\\ud800' at character 1",
    ),
    "a lone surrogate in a page": (
        lambda: peelkit.parse_report(KENT_PAGE.replace("Kent", "Ke\ud800nt", 1)),
        "<text>:3: a lone surrogate '\\ud800'",
    ),
    "a document nested in itself": (
        lambda: peelkit.from_dict(_cyclic()),
        "nested more than 32 deep",
    ),
    "Assessment(force=5)": (
        lambda: Assessment(force=5, cycle=Cycle.PEEL_2018_19),  # type: ignore[arg-type]
        "force must be a string, not 5",
    ),
    "Assessment(cycle='2020')": (
        lambda: Assessment(force="Kent", cycle="2020"),
        "cycle: '2020' is not a cycle; expected one of",
    ),
    "Within(months='3')": (lambda: Within(months="3"), "months must be a whole number"),  # type: ignore[arg-type]
    "Within(months=2.5)": (lambda: Within(months=2.5), "not 2.5"),  # type: ignore[arg-type]
    "Within(months=True)": (lambda: Within(months=True), "not True"),
    "Within(months=10**5000)": (lambda: Within(months=10**5000), "must be below"),
    "QuestionAssessment(summary='abc')": (
        lambda: QuestionAssessment(number=1, text="t", summary="abc"),
        "summary must be a sequence, not 'abc'",
    ),
    "QuestionAssessment(number='1')": (
        lambda: QuestionAssessment(number="1", text="t"),  # type: ignore[arg-type]
        "number must be a whole number",
    ),
    "a lone surrogate in a constructor": (
        lambda: AreaForImprovement(text="bad \udfff text"),
        "text holds a lone surrogate '\\udfff' at character 4",
    ),
    "Judgment(grade=a bad word)": (
        lambda: Judgment(grade="excellent"),
        "'excellent' is not a grade",
    ),
    "CarriedOver(from_cycle=2017)": (
        lambda: CarriedOver(from_cycle=2017),
        "cycle must be a Cycle or its words, not 2017",
    ),
}


def _mixed_keys() -> dict[Any, Any]:
    return {**KENT_DICT, 1: "one", "b": 2}


def _cyclic() -> dict[str, Any]:
    document: dict[str, Any] = {**KENT_DICT}
    document["pillars"] = [document]
    return document


@pytest.mark.parametrize("name", list(DOOR_CASES))
def test_bad_input_at_the_python_door_is_a_located_peelkit_error(name: str) -> None:
    call, words = DOOR_CASES[name]
    with pytest.raises(peelkit.PeelkitError) as caught:
        call()
    assert words in str(caught.value)
    assert len(str(caught.value)) < 400, "the bad value must be cut, not copied whole"


def test_model_errors_are_type_and_value_errors() -> None:
    assert issubclass(peelkit.ModelError, TypeError)
    assert issubclass(peelkit.ModelError, ValueError)


def test_a_100_mb_grade_word_is_cut_in_the_message() -> None:
    word = "x" * 100_000_000
    text = KENT_JSON.replace('"grade": "good"', f'"grade": "{word}"', 1)
    assert text != KENT_JSON
    with pytest.raises(peelkit.ValidationError) as caught:
        peelkit.from_json(text)
    message = str(caught.value)
    assert ".judgment.grade: 'xxxx" in message
    assert "…" in message
    assert len(message) < 400


def test_a_page_deadline_of_5000_digits_is_not_a_deadline() -> None:
    assert "within three months" in KENT_PAGE
    page = KENT_PAGE.replace("within three months", f"within {DIGITS} months")
    report = peelkit.parse_report(page)
    deadlines = [
        area.deadline
        for pillar in report.pillars
        for question in pillar.questions
        for area in question.areas_for_improvement
    ]
    assert Within(3) not in deadlines or KENT_PAGE.count("within three months") > 1
    assert all(not isinstance(d, Within) or d.months < 10**6 for d in deadlines)


def test_constructors_convert_words_to_enums() -> None:
    assessment = Assessment(force="Kent", cycle="2018/19")
    assert assessment.cycle is Cycle.PEEL_2018_19
    pillar = PillarAssessment(pillar="Effectiveness")
    assert pillar.pillar is peelkit.Pillar.EFFECTIVENESS
    assert Judgment(grade="‘Good’").grade is Grade.GOOD
    assert peelkit.from_json(peelkit.to_json(assessment)) == assessment


def test_constructors_make_tuples_from_any_sequence() -> None:
    question = QuestionAssessment(number=1, text="t", summary=["a", "b"])
    assert question.summary == ("a", "b")
    assert QuestionAssessment(number=1, text="t", summary=iter(["a"])).summary == ("a",)


def test_the_duplicate_check_accepts_the_same_key_in_different_objects() -> None:
    assert peelkit.from_json(KENT_JSON) == KENT


class TestGrid:
    def grid(self) -> peelkit.Grid:
        return peelkit.Corpus([KENT]).grid()

    def test_its_cells_cannot_be_changed(self) -> None:
        grid = self.grid()
        force = grid.forces[0]
        with pytest.raises(TypeError):
            grid.cells[force] = {}  # type: ignore[index]
        with pytest.raises(TypeError):
            grid.cells[force][grid.columns[0]] = ("outstanding",)  # type: ignore[index]

    def test_a_grid_keeps_no_link_to_the_dict_it_was_made_from(self) -> None:
        grid = self.grid()
        cells = {name: dict(row) for name, row in grid.cells.items()}
        made = peelkit.Grid(grid.cycle, grid.forces, grid.columns, cells, grid.carried_over)
        cells[grid.forces[0]][grid.columns[0]] = ("outstanding",)
        assert made == grid

    def test_grids_with_different_grades_differ(self) -> None:
        grid = self.grid()
        force, column = grid.forces[0], grid.columns[0]
        changed = {name: dict(row) for name, row in grid.cells.items()}
        changed[force][column] = (
            ("inadequate",) if grid.cell(force, column) != ("inadequate",) else ("good",)
        )
        same = grid.carried_over
        assert peelkit.Grid(grid.cycle, grid.forces, grid.columns, changed, same) != grid
        assert peelkit.Grid(grid.cycle, grid.forces, grid.columns, dict(grid.cells), same) == grid


# -- many threads, one lazily built index ---------------------------------------------


def test_many_threads_querying_one_corpus_get_the_answers_of_one_thread() -> None:
    import sys

    documents = [KENT, *peelkit.datasets.load_bundled()]

    def ask(c: peelkit.Corpus) -> tuple[object, ...]:
        return (
            tuple(c.judgments()),
            tuple(c.areas_for_improvement()),
            tuple(c.history("Kent", "effectiveness")),
            c.grid(),
        )

    expected = ask(peelkit.Corpus(documents))
    shared = peelkit.Corpus(documents)  # its index is not built yet
    threads = 8
    barrier = threading.Barrier(threads)
    answers: list[tuple[object, ...]] = []
    failures: list[BaseException] = []

    def worker() -> None:
        try:
            barrier.wait()
            answers.append(ask(shared))
        except BaseException as exc:
            failures.append(exc)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        running = [threading.Thread(target=worker) for _ in range(threads)]
        for thread in running:
            thread.start()
        for thread in running:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert failures == []
    assert answers == [expected] * threads


# -- fuzz: random bytes and documents into every entry point ---------------------------


def _mutated(text: str) -> st.SearchStrategy[str]:
    """``text`` with a few characters replaced, inserted or deleted at random places."""

    @st.composite
    def mutate(draw: st.DrawFn) -> str:
        result = text
        for _ in range(draw(st.integers(1, 4))):
            at = draw(st.integers(0, len(result)))
            piece = draw(
                st.sampled_from(
                    [
                        '"',
                        "{",
                        "}",
                        "[",
                        "]",
                        ",",
                        ":",
                        "0",
                        "9" * 30,
                        "\\ud800",
                        "-",
                        "null",
                        "true",
                        "",
                    ]
                )
            )
            cut = draw(st.integers(0, 3))
            result = result[:at] + piece + result[at + cut :]
        return result

    return mutate()


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)


def _only_peelkit_errors(call: Any, *arguments: Any) -> None:
    with contextlib.suppress(peelkit.PeelkitError):
        call(*arguments)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.binary(max_size=300)
    | _mutated(KENT_JSON).map(lambda t: t.encode("utf-8", "surrogatepass"))
)
def test_fuzz_bytes_give_a_peelkit_error_or_a_result(data: bytes, tmp_path: Path) -> None:
    _only_peelkit_errors(peelkit.from_json, data)
    path = tmp_path / "fuzz.json"
    path.write_bytes(data)
    _only_peelkit_errors(peelkit.load, path)
    _only_peelkit_errors(peelkit.parse_report, data.decode("utf-8", "surrogateescape"))


@settings(max_examples=60, deadline=None)
@given(text=_mutated(KENT_JSON) | _mutated(KENT_PAGE))
def test_fuzz_mutated_documents_give_a_peelkit_error_or_a_result(text: str) -> None:
    _only_peelkit_errors(peelkit.from_json, text)
    _only_peelkit_errors(peelkit.parse_report, text)


@settings(max_examples=60, deadline=None)
@given(
    document=st.one_of(
        JSON_VALUES,
        st.dictionaries(st.sampled_from(list(KENT_DICT)), JSON_VALUES).map(
            lambda d: {**KENT_DICT, **d}
        ),
    )
)
def test_fuzz_random_dicts_give_a_peelkit_error_or_a_result(document: Any) -> None:
    _only_peelkit_errors(peelkit.from_dict, document)


@settings(max_examples=60, deadline=None)
@given(
    call=st.sampled_from(
        [
            Assessment,
            PillarAssessment,
            QuestionAssessment,
            Judgment,
            Within,
            AreaForImprovement,
            CarriedOver,
        ]
    ),
    values=st.lists(JSON_VALUES, max_size=4),
)
def test_fuzz_model_constructors_give_a_peelkit_error_or_an_object(
    call: Any, values: list[Any]
) -> None:
    try:
        call(*values)
    except peelkit.PeelkitError:
        return
    except TypeError as exc:  # the wrong number of arguments is Python's own TypeError
        message = str(exc)
    else:
        return
    assert "argument" in message
