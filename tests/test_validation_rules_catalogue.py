"""The rule catalogue in docs/rules.md and the rules in code agree."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from peelkit import Validator
from peelkit.validation.rules import RULES, rule

DOC = Path(__file__).parent.parent / "docs" / "rules.md"


@pytest.fixture(scope="module")
def sections() -> dict[str, str]:
    text = DOC.read_text(encoding="utf-8")
    parts = re.split(r"^## (PEEL\d{3})\n", text, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_every_rule_is_documented_and_every_documented_rule_exists(
    sections: dict[str, str],
) -> None:
    assert list(sections) == [each.code for each in RULES]


@pytest.mark.parametrize("code", [each.code for each in RULES])
def test_each_section_states_the_rule_and_has_both_examples(
    sections: dict[str, str], code: str
) -> None:
    section = sections[code]
    each = rule(code)
    assert f"**{each.severity.value}**: {each.summary}" in section
    assert each.rationale
    assert each.rationale in section
    assert "show(" in section
    assert section.count(f", {code!r})") == 2


def test_codes_are_stable_and_unique() -> None:
    codes = [each.code for each in RULES]
    assert codes == sorted(set(codes))
    assert all(re.fullmatch(r"PEEL\d{3}", code) for code in codes)
    assert Validator().codes == tuple(codes)
