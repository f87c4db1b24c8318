"""The peelkit/1 JSON format: round trips, the schema, and strict, located loading."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import cattrs.errors
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import peelkit
from peelkit import (
    Assessment,
    CarriedOver,
    Corpus,
    Cycle,
    Evidence,
    Grade,
    GradedAreas,
    Judgment,
    Pillar,
    PillarAssessment,
    QuestionAssessment,
    ValidationError,
    Within,
)
from peelkit.datasets import kent_2018_effectiveness
from peelkit.model import Deadline, Provenance
from peelkit.serialise import converter
from peelkit.testing import assessments, corpora

SCHEMA = peelkit.json_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


class TestRoundTrip:
    @given(assessments())
    def test_json_of_an_assessment(self, assessment: Assessment) -> None:
        assert peelkit.from_json(peelkit.to_json(assessment)) == assessment

    @given(corpora())
    def test_json_of_a_corpus(self, corpus: Corpus) -> None:
        assert peelkit.from_json(peelkit.to_json(corpus)) == corpus

    @given(assessments())
    def test_dict(self, assessment: Assessment) -> None:
        assert peelkit.from_dict(peelkit.to_dict(assessment)) == assessment

    @given(st.one_of(assessments(), corpora()))
    def test_to_json_is_json_dumps_of_to_dict(self, obj: Assessment | Corpus) -> None:
        expected = json.dumps(peelkit.to_dict(obj), ensure_ascii=False)
        assert peelkit.to_json(obj) == expected

    @given(assessments())
    def test_indented_json_is_the_same_document(self, assessment: Assessment) -> None:
        text = peelkit.to_json(assessment, indent=2)
        assert "\n  " in text
        assert json.loads(text) == peelkit.to_dict(assessment)

    @given(st.one_of(assessments(), corpora()))
    def test_output_conforms_to_the_schema(self, obj: Assessment | Corpus) -> None:
        VALIDATOR.validate(peelkit.to_dict(obj))

    @given(assessments())
    def test_bytes_load_like_text(self, assessment: Assessment) -> None:
        data = peelkit.to_json(assessment).encode()
        assert peelkit.from_json(data) == peelkit.from_json(b"\xef\xbb\xbf" + data)

    def test_schema_is_a_valid_json_schema(self) -> None:
        jsonschema.Draft202012Validator.check_schema(SCHEMA)


class TestKeys:
    def test_writing_emits_every_key_in_the_documented_order(self) -> None:
        document = peelkit.to_dict(kent_2018_effectiveness())
        assert list(document) == ["format", "force", "cycle", "source", "pillars", "graded_areas"]
        pillar = document["pillars"][0]
        assert list(pillar) == ["pillar", "headline_question", "judgment", "summary", "questions"]
        question = pillar["questions"][0]
        assert list(question) == [
            "number",
            "text",
            "judgment",
            "areas_for_improvement",
            "causes_of_concern",
            "summary",
            "detailed_findings",
        ]
        assert question["judgment"] == {
            "grade": None,
            "provenance": {
                "kind": "carried_over",
                "from_cycle": "2017",
                "inspection": "effectiveness",
            },
            "last_updated": None,
            "source": None,
            "evidence": None,
            "note": None,
        }
        area = pillar["questions"][2]["areas_for_improvement"][0]
        assert area["deadline"] == {"kind": "within", "months": 3}
        assert list(area) == ["text", "deadline", "carried_over_from"]

    @pytest.mark.parametrize("detailed", [False, True])
    def test_a_tagged_union_writes_its_kind_first_and_reads_it_back(self, detailed: bool) -> None:
        union_converter = converter(detailed=detailed)
        carried = CarriedOver(Cycle.PEEL_2017, Pillar.EFFECTIVENESS)
        written = union_converter.unstructure(carried, Provenance)
        assert list(written) == ["kind", "from_cycle", "inspection"]
        provenance: Any = Provenance  # a union, which structure's signature does not admit
        deadline: Any = Deadline
        assert union_converter.structure(written, provenance) == carried
        assert union_converter.unstructure(Within(3), Deadline) == {"kind": "within", "months": 3}
        assert union_converter.structure({"kind": "within", "months": 3}, deadline) == Within(3)

    def test_a_judgments_source_evidence_and_note_survive_json(self) -> None:
        judgment = Judgment(
            Grade.ADEQUATE,
            source="https://example.org/kent",
            evidence=Evidence.STATEMENT,
            note="grade amended after publication",
        )
        question = QuestionAssessment(5, "Responding to the public", judgment)
        counts = GradedAreas(areas_graded=8, good=3, publication_date=dt.date(2024, 5, 1))
        assessment = Assessment(
            "Kent",
            Cycle.PEEL_2023_25,
            [PillarAssessment(Pillar.AREAS_OF_POLICING, questions=[question])],
            graded_areas=counts,
        )
        document = peelkit.to_dict(assessment)
        written = document["pillars"][0]["questions"][0]["judgment"]
        assert written["source"] == "https://example.org/kent"
        assert written["evidence"] == "statement"
        assert written["note"] == "grade amended after publication"
        assert document["graded_areas"]["areas_graded"] == 8
        again = peelkit.from_json(peelkit.to_json(assessment), Assessment)
        assert again == assessment
        assert again.pillars[0].questions[0].judgment.source == "https://example.org/kent"
        assert again.graded_areas == counts

    def test_documents_written_before_the_new_keys_still_load(self) -> None:
        old: dict[str, Any] = {
            "format": "peelkit/1",
            "force": "Kent",
            "cycle": "2018/19",
            "source": None,
            "pillars": [
                {
                    "pillar": "effectiveness",
                    "headline_question": None,
                    "judgment": {"grade": "good", "provenance": {"kind": "inspected"}},
                    "summary": [],
                    "questions": [],
                }
            ],
        }
        loaded = peelkit.from_dict(old, Assessment)
        assert loaded.graded_areas is None
        assert loaded.pillars[0].judgment == Judgment(Grade.GOOD)

    def test_keys_with_defaults_may_be_left_out(self) -> None:
        document = {
            "format": "peelkit/1",
            "force": "Kent",
            "cycle": "2017",
            "pillars": [
                {"pillar": "legitimacy", "questions": [{"number": 1, "text": "To what extent?"}]}
            ],
        }
        assessment = peelkit.from_dict(document, Assessment)
        question = assessment.pillars[0].questions[0]
        assert question.judgment == peelkit.Judgment()
        assert question.areas_for_improvement == ()
        assert assessment.source is None

    def test_a_corpus_document(self) -> None:
        kent = kent_2018_effectiveness()
        document = peelkit.to_dict(Corpus([kent]))
        assert list(document) == ["format", "assessments"]
        assert "format" not in document["assessments"][0]
        assert peelkit.from_dict(document, Corpus) == Corpus([kent])

    def test_asking_for_the_other_kind_of_document(self) -> None:
        with pytest.raises(ValidationError, match=r"\$: expected a corpus, but the document is an"):
            peelkit.from_json(peelkit.to_json(kent_2018_effectiveness()), Corpus)


def _kent() -> dict[str, Any]:
    return peelkit.to_dict(kent_2018_effectiveness())


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """A mutation that sets the value at a dotted path (list indexes as numbers)."""

    def mutate(document: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = document
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        node[int(last) if last.isdigit() else last] = value

    return mutate


def _delete(path: str) -> Callable[[dict[str, Any]], None]:
    def mutate(document: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = document
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        del node[last]

    return mutate


Q1 = "pillars.0.questions.1"
HOSTILE = [
    # (mutation, path, message fragment)
    (
        _set(f"{Q1}.judgment.grade", "excellent"),
        "$.pillars[0].questions[1].judgment.grade",
        "'excellent' is not a grade; expected one of 'inadequate'",
    ),
    (
        _set(f"{Q1}.judgment.grade", "Good"),
        "$.pillars[0].questions[1].judgment.grade",
        "'Good' is not a grade",
    ),
    (
        _set(f"{Q1}.number", "2"),
        "$.pillars[0].questions[1].number",
        "expected a whole number, got the string '2'",
    ),
    (
        _set(f"{Q1}.number", True),
        "$.pillars[0].questions[1].number",
        "expected a whole number, got true",
    ),
    (
        _set(f"{Q1}.number", 2.0),
        "$.pillars[0].questions[1].number",
        "expected a whole number, got the number 2.0",
    ),
    (_set(f"{Q1}.number", 0), "$.pillars[0].questions[1]", "question number must be 1 or more"),
    (
        _set(f"{Q1}.text", 7),
        "$.pillars[0].questions[1].text",
        "expected a string, got the number 7",
    ),
    (_set(f"{Q1}.text", "  "), "$.pillars[0].questions[1]", "text must not be blank"),
    (
        _set(f"{Q1}.summary", "one paragraph"),
        "$.pillars[0].questions[1].summary",
        "expected a list, got the string 'one paragraph'",
    ),
    (
        _set(f"{Q1}.summary", ["fine", 3]),
        "$.pillars[0].questions[1].summary[1]",
        "expected a string, got the number 3",
    ),
    (
        _set(f"{Q1}.detailed_findings", "yes"),
        "$.pillars[0].questions[1].detailed_findings",
        "expected true or false",
    ),
    (_set(f"{Q1}.grade", "good"), "$.pillars[0].questions[1]", "unknown key 'grade'"),
    (_delete(f"{Q1}.text"), "$.pillars[0].questions[1].text", "required key is missing"),
    (_delete("force"), "$.force", "required key is missing"),
    (_set("cycle", "2019"), "$.cycle", "'2019' is not a cycle"),
    (
        _set("pillars.0.pillar", "leadershipp"),
        "$.pillars[0].pillar",
        "'leadershipp' is not a pillar",
    ),
    (
        _set("pillars.0.judgment.last_updated", "02/05/2019"),
        "$.pillars[0].judgment.last_updated",
        "expected a date as YYYY-MM-DD",
    ),
    (
        _set("pillars.0.judgment.last_updated", "2019-02-30"),
        "$.pillars[0].judgment.last_updated",
        "expected a date as YYYY-MM-DD",
    ),
    (
        _set("pillars.0.questions.0.judgment.provenance", {"kind": "carried"}),
        "$.pillars[0].questions[0].judgment.provenance.kind",
        "'carried' is not a provenance kind; expected one of 'inspected', 'carried_over'",
    ),
    (
        _set("pillars.0.questions.0.judgment.provenance", {"kind": "carried_over"}),
        "$.pillars[0].questions[0].judgment.provenance.from_cycle",
        "required key is missing",
    ),
    (
        _set("pillars.0.questions.0.judgment.provenance", {"from_cycle": "2017"}),
        "$.pillars[0].questions[0].judgment.provenance.kind",
        "required key is missing",
    ),
    (
        _set(
            "pillars.0.questions.0.judgment.provenance", {"kind": "inspected", "from_cycle": "2017"}
        ),
        "$.pillars[0].questions[0].judgment.provenance",
        "unknown key 'from_cycle'",
    ),
    (
        _set("pillars.0.questions.0.judgment.provenance", "inspected"),
        "$.pillars[0].questions[0].judgment.provenance",
        "expected a provenance object with a 'kind', got the string 'inspected'",
    ),
    (
        _set(
            "pillars.0.questions.2.areas_for_improvement.0.deadline",
            {"kind": "within", "months": 0},
        ),
        "$.pillars[0].questions[2].areas_for_improvement[0].deadline",
        "months must be a positive number, not 0",
    ),
    (
        _set("pillars.0.questions.2.areas_for_improvement.0.deadline", {"kind": "soon"}),
        "$.pillars[0].questions[2].areas_for_improvement[0].deadline.kind",
        "'soon' is not a deadline kind",
    ),
    (
        _set("pillars.0.questions", {"1": {}}),
        "$.pillars[0].questions",
        "expected a list, got an object",
    ),
    (_set("pillars.0", []), "$.pillars[0]", "expected an object, got a list"),
    (_set("pillars.0.judgment", None), "$.pillars[0].judgment", "expected an object, got null"),
    (_set("format", "peelkit/0"), "$.format", "expected 'peelkit/1', got the string 'peelkit/0'"),
    (_delete("format"), "$.format", "required key is missing; expected 'peelkit/1'"),
]


@pytest.mark.parametrize(("mutate", "path", "message"), HOSTILE)
def test_a_hostile_document_is_refused_with_its_path(
    mutate: Callable[[dict[str, Any]], None], path: str, message: str
) -> None:
    document = _kent()
    mutate(document)
    with pytest.raises(ValidationError) as caught:
        peelkit.from_dict(document)
    problems = [(p.path, p.message) for p in caught.value.problems]
    assert any(p == path and message in m for p, m in problems), problems
    assert f"{path}: " in str(caught.value)
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, peelkit.PeelkitError)


def test_every_problem_is_listed_not_just_the_first() -> None:
    document = _kent()
    for mutate, _, _ in (HOSTILE[0], HOSTILE[6], HOSTILE[14], HOSTILE[15]):
        mutate(document)
    with pytest.raises(ValidationError) as caught:
        peelkit.from_dict(document)
    paths = {p.path for p in caught.value.problems}
    assert paths == {
        "$.pillars[0].questions[1].judgment.grade",
        "$.pillars[0].questions[1].text",
        "$.cycle",
        "$.pillars[0].pillar",
    }
    assert str(caught.value).startswith("4 problems:")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (b"\xff\xfe{}", "$: not UTF-8 text: byte 0xff at offset 0"),
        ('{"format": "peelkit/1", ', "$: not valid JSON: Expecting property name"),
        ("", "$: not valid JSON: Expecting value (line 1, column 1)"),
        ("[1, 2]", "$: expected an object, got a list"),
        ("null", "$: expected an object, got null"),
        ("[" * 100_000 + "]" * 100_000, "$: not valid JSON: nested too deeply"),
        ('{"format": "peelkit/2", "anything": 1}', "is newer than this peelkit understands"),
    ],
)
def test_text_that_is_not_a_document(text: str | bytes, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        peelkit.from_json(text)
    assert message in str(caught.value)


def test_a_newer_format_is_the_only_problem_reported() -> None:
    with pytest.raises(ValidationError) as caught:
        peelkit.from_json('{"format": "peelkit/2", "anything": 1}')
    assert [p.path for p in caught.value.problems] == ["$.format"]


def test_the_source_heads_the_message() -> None:
    with pytest.raises(ValidationError, match=r"^kent\.json: 1 problem:\n  \$\.cycle"):
        peelkit.from_json(
            '{"format": "peelkit/1", "force": "Kent", "cycle": 2018}', source="kent.json"
        )


def test_to_json_refuses_other_objects() -> None:
    with pytest.raises(TypeError, match="takes an Assessment or a Corpus"):
        peelkit.to_json({"format": "peelkit/1"})  # type: ignore[arg-type]


# The fast loader must never accept what the detailed one refuses, nor build
# anything different from what it builds.

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=6,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(_paths(value, (*prefix, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_paths(value, (*prefix, index)))
    return found


@given(st.one_of(assessments(), corpora()))
def test_the_fast_loader_takes_every_good_document_itself(obj: Assessment | Corpus) -> None:
    # A good document must never need the detailed loader: that path is for errors.
    body = {k: v for k, v in peelkit.to_dict(obj).items() if k != "format"}
    assert converter().structure(body, type(obj)) == obj


@given(st.data())
def test_fast_and_detailed_loaders_agree_on_any_mutation(data: st.DataObject) -> None:
    document = _kent()
    del document["format"]
    path = data.draw(st.sampled_from(_paths(document)[1:]))
    mutated = copy.deepcopy(document)
    node: Any = mutated
    for part in path[:-1]:
        node = node[part]
    if data.draw(st.booleans()) and isinstance(node, dict):
        del node[path[-1]]
    else:
        node[path[-1]] = data.draw(_json_values)
    # The fast loader may refuse a document any way it likes (the detailed one then
    # explains why); the detailed loader must either load it or report validation
    # errors, and so must the public from_dict: a crash of either fails the test.
    try:
        fast: Assessment | None = converter().structure(mutated, Assessment)
    except Exception:
        fast = None
    try:
        detailed: Assessment | None = converter(detailed=True).structure(mutated, Assessment)
    except cattrs.errors.BaseValidationError:
        detailed = None
    assert fast == detailed
    problems: tuple[peelkit.Problem, ...] = ()
    try:
        public: Assessment | None = peelkit.from_dict(
            {"format": "peelkit/1", **mutated}, Assessment
        )
    except peelkit.ValidationError as error:
        problems, public = error.problems, None
    assert public == detailed
    assert (public is None) == bool(problems)
