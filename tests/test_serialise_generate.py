"""The code generator: every invariant it writes inline is the model's own."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from peelkit import model
from peelkit.serialise import _generate
from peelkit.serialise import format as fmt

_VALUES = st.none() | st.integers(min_value=-3, max_value=3) | st.text(" \t\nab", max_size=3)


def _inline_refuses(check: str, value: Any) -> bool:
    namespace: dict[str, Any] = {"refuse": _generate._refuse, "v": value}
    try:
        exec(check.format(v="v"), namespace)
    except _generate.Refused:
        return True
    return False


def _model_refuses(validator: Any, value: Any) -> bool:
    try:
        validator(None, attrs.fields(model.Judgment)[0], value)
    except (ValueError, TypeError):
        return True
    return False


def _typed_for(validator: Any) -> st.SearchStrategy[Any]:
    """Values of the types the field holds (the generator checks types first)."""
    strings = st.text(" \t\nab", max_size=3)
    limit = _generate.WHOLE_LIMIT
    numbers = st.integers(min_value=-3, max_value=3) | st.sampled_from(
        [limit - 1, limit, limit + 1, -limit + 1, -limit, 10**20]
    )
    if validator in (model._not_blank,):
        return strings
    if validator in (model._optional_not_blank,):
        return st.none() | strings
    if validator in (model._positive,):
        return numbers
    return st.none() | numbers


@pytest.mark.parametrize(
    "validator", list(_generate.INLINE_CHECKS), ids=lambda v: getattr(v, "__name__", repr(v))
)
@given(data=st.data())
def test_every_inlined_invariant_refuses_exactly_what_the_model_refuses(
    validator: Any, data: st.DataObject
) -> None:
    # Before any inline check, every whole number is held within WHOLE_LIMIT (the
    # format's bound): within it, the inline check and the model's agree exactly.
    value = data.draw(_typed_for(validator))
    check = _generate.INLINE_CHECKS[validator]
    out_of_bounds = (
        type(value) is int and not -_generate.WHOLE_LIMIT < value < _generate.WHOLE_LIMIT
    )
    assert (_inline_refuses(check, value) or out_of_bounds) == (
        _model_refuses(validator, value) or out_of_bounds
    )


def test_the_bound_on_whole_numbers_is_the_models_and_the_formats() -> None:
    assert _generate.WHOLE_LIMIT == model.MAX_WHOLE == fmt._TOO_BIG == 10**fmt._MAX_DIGITS


def test_every_inlined_invariant_is_a_validator_the_model_uses() -> None:
    used = {
        a.validator
        for cl in vars(model).values()
        if isinstance(cl, type) and attrs.has(cl)
        for a in attrs.fields(cl)
    }
    assert set(_generate.INLINE_CHECKS) <= used


def _judgment(**extra: Any) -> dict[str, Any]:
    return {
        "grade": "good",
        "provenance": {"kind": "inspected"},
        "last_updated": "2019-09-27",
        "source": None,
        "evidence": None,
        "note": None,
        **extra,
    }


def test_a_judgment_without_text_is_one_instance_for_every_repeat() -> None:
    hook = fmt.converter().get_structure_hook(model.Judgment)
    first, again = hook(_judgment(), None), hook(_judgment(), None)
    assert first is again
    assert first == model.Judgment(model.Grade.GOOD, last_updated=dt.date(2019, 9, 27))


def test_a_judgment_with_text_is_made_afresh_and_the_memo_keeps_no_text() -> None:
    hook = fmt.converter().get_structure_hook(model.Judgment)
    noted = _judgment(note="Graded in a revisit.", source="https://example.org/kent")
    first, again = hook(noted, None), hook(noted, None)
    assert first == again
    assert first is not again
    assert first.note == "Graded in a revisit."
    memo = hook.__globals__["MEMO"]
    assert memo  # the judgments without text above
    held = {value for key in memo for value in key if isinstance(value, str)}
    assert not held


def test_a_memoised_judgment_still_refuses_what_the_model_refuses() -> None:
    hook = fmt.converter().get_structure_hook(model.Judgment)
    with pytest.raises(_generate.Refused):
        hook(_judgment(note="  "), None)
    with pytest.raises(KeyError):
        hook(_judgment(grade="splendid"), None)
