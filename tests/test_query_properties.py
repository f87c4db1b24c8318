"""Properties: an indexed query selects exactly what a brute-force scan selects."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peelkit import Corpus, Cycle, Grade, Pillar
from peelkit.forces import FORCES
from peelkit.query import FilterError, JudgmentRow
from peelkit.testing import assessments

_NAMES = [each.short_name for each in FORCES[:4]] + ["Kent Police", "Ruritania"]


def _corpora() -> st.SearchStrategy[Corpus]:
    words = st.sampled_from(["How well?", "The force should act.", "=1+1", "x"])
    named = assessments(text=words).flatmap(
        lambda a: st.sampled_from(_NAMES).map(
            lambda name: type(a)(name, a.cycle, a.pillars, a.source)
        )
    )
    return st.lists(named, max_size=4).map(Corpus)


def _filters() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {},
        optional={
            "force": st.sampled_from(_NAMES) | st.lists(st.sampled_from(_NAMES), min_size=1),
            "cycle": st.sampled_from(Cycle) | st.lists(st.sampled_from(Cycle), min_size=1),
            "pillar": st.sampled_from(Pillar),
            "question": st.integers(min_value=1, max_value=12),
            "grade": st.sampled_from(Grade) | st.lists(st.sampled_from(Grade), min_size=1),
            "carried_over": st.booleans(),
        },
    )


def _as_set(value: Any) -> set[Any]:
    return set(value) if isinstance(value, list) else {value}


def _matches(row: JudgmentRow, filters: dict[str, Any]) -> bool:
    canonical = {"Kent Police": "Kent"}
    if "force" in filters and row.force not in {
        canonical.get(n, n) for n in _as_set(filters["force"])
    }:
        return False
    if "cycle" in filters and row.cycle not in _as_set(filters["cycle"]):
        return False
    if "pillar" in filters and row.pillar is not filters["pillar"]:
        return False
    if "question" in filters and row.question_number != filters["question"]:
        return False
    if "grade" in filters and row.resolved_grade not in _as_set(filters["grade"]):
        return False
    return (
        "carried_over" not in filters
        or (row.carried_over_from is not None) is filters["carried_over"]
    )


@given(_corpora(), _filters())
def test_indexed_query_equals_a_scan(corpus: Corpus, filters: dict[str, Any]) -> None:
    everything = corpus.judgments()
    present = {assessment.force for assessment in corpus}
    if "Ruritania" in _as_set(filters.get("force")) and "Ruritania" not in present:
        with pytest.raises(FilterError, match="unknown force 'Ruritania'"):
            corpus.judgments(**filters)
        return
    selected = corpus.judgments(**filters)
    assert all(_matches(row, filters) for row in selected)
    assert list(selected) == [row for row in everything if _matches(row, filters)]


@given(_corpora(), st.booleans())
def test_one_row_per_judgment_and_area(corpus: Corpus, has_deadline: bool) -> None:
    judgments = sum(1 + len(p.questions) for a in corpus for p in a.pillars)
    areas = sum(
        len(q.areas_for_improvement) for a in corpus for p in a.pillars for q in p.questions
    )
    assert len(corpus.judgments()) == judgments
    everything = corpus.areas_for_improvement()
    assert len(everything) == areas
    rows = corpus.areas_for_improvement(has_deadline=has_deadline)
    assert list(rows) == [row for row in everything if (row.deadline is not None) is has_deadline]
