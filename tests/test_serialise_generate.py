"""The code generator: every invariant it writes inline is the model's own."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from peelkit import model
from peelkit.serialise import _generate

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
    numbers = st.integers(min_value=-3, max_value=3)
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
    value = data.draw(_typed_for(validator))
    check = _generate.INLINE_CHECKS[validator]
    assert _inline_refuses(check, value) == _model_refuses(validator, value)


def test_every_inlined_invariant_is_a_validator_the_model_uses() -> None:
    used = {
        a.validator
        for cl in vars(model).values()
        if isinstance(cl, type) and attrs.has(cl)
        for a in attrs.fields(cl)
    }
    assert set(_generate.INLINE_CHECKS) <= used
