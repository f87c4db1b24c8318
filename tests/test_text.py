"""peelkit.text.fold: the one form in which published words are compared."""

from __future__ import annotations

import re
import sys

from hypothesis import given
from hypothesis import strategies as st

import peelkit
from peelkit.text import _EQUIVALENTS, fold


def test_quotes_dashes_ellipsis_and_spaces_fold_to_one_form() -> None:
    assert fold("  The FORCE’s\u00a0“plan” – 2018…  ") == 'the force\'s "plan" - 2018...'


def test_framework_wording_uses_the_same_fold() -> None:
    assert peelkit.normalise_wording is fold


@given(st.text())
def test_folding_twice_changes_nothing(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.text())
def test_a_fold_has_no_runs_of_space_and_no_ends_of_space(text: str) -> None:
    folded = fold(text)
    assert folded == folded.strip()
    assert "  " not in folded


def test_force_names_and_grades_fold_their_quotes_and_dashes() -> None:
    assert (
        peelkit.force("Devon & Cornwall Police").short_name
        == peelkit.force("devon and cornwall").short_name
    )
    assert peelkit.Grade("‘Requires\u00a0improvement’") is peelkit.Grade.REQUIRES_IMPROVEMENT


def _fold_by_definition(text: str) -> str:
    # The documented rule, written the plain way: every equivalent translated, each
    # run of white space (the regex \s) one space, the ends trimmed, case-folded.
    return re.sub(r"\s+", " ", text.translate(_EQUIVALENTS)).strip().casefold()


def test_every_character_folds_as_the_definition_says() -> None:
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        text = f"a{chr(code)}b {chr(code)}"
        assert fold(text) == _fold_by_definition(text), hex(code)


@given(st.text())
def test_fold_agrees_with_its_definition_on_any_text(text: str) -> None:
    assert fold(text) == _fold_by_definition(text)
