"""Specification of peelkit.forces: the 43 territorial forces and lookup by any name."""

from __future__ import annotations

from collections.abc import Callable

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from peelkit.errors import PeelkitError
from peelkit.forces import FORCES, Force, UnknownForceError, force, try_force

# The short names exactly as the bundled data writes them.
SHORT_NAMES = [
    "Avon and Somerset",
    "Bedfordshire",
    "Cambridgeshire",
    "Cheshire",
    "City of London",
    "Cleveland",
    "Cumbria",
    "Derbyshire",
    "Devon and Cornwall",
    "Dorset",
    "Durham",
    "Dyfed-Powys",
    "Essex",
    "Gloucestershire",
    "Greater Manchester",
    "Gwent",
    "Hampshire",
    "Hertfordshire",
    "Humberside",
    "Kent",
    "Lancashire",
    "Leicestershire",
    "Lincolnshire",
    "Merseyside",
    "Metropolitan Police Service",
    "Norfolk",
    "North Wales",
    "North Yorkshire",
    "Northamptonshire",
    "Northumbria",
    "Nottinghamshire",
    "South Wales",
    "South Yorkshire",
    "Staffordshire",
    "Suffolk",
    "Surrey",
    "Sussex",
    "Thames Valley",
    "Warwickshire",
    "West Mercia",
    "West Midlands",
    "West Yorkshire",
    "Wiltshire",
]


# -- the set of forces --------------------------------------------------------------


def test_there_are_exactly_43_forces() -> None:
    assert len(FORCES) == 43
    assert len({f.name for f in FORCES}) == 43


def test_short_names_are_those_of_the_bundled_data() -> None:
    assert [f.short_name for f in FORCES] == SHORT_NAMES


def test_four_forces_are_in_wales() -> None:
    welsh = {f.short_name for f in FORCES if f.country == "Wales"}
    assert welsh == {"Dyfed-Powys", "Gwent", "North Wales", "South Wales"}
    assert all(f.country == "England" for f in FORCES if f.short_name not in welsh)


def test_region_is_a_hint_and_wales_for_welsh_forces() -> None:
    assert force("Gwent").region == "Wales"
    assert force("Kent").region == "South East"


def test_a_force_record() -> None:
    kent = force("Kent")
    assert kent == Force(
        name="Kent Police",
        short_name="Kent",
        slugs=("kent",),
        police_uk_id="kent",
        country="England",
        region="South East",
    )
    assert kent.slug == "kent"
    assert str(kent) == "Kent Police"
    assert kent.names == ("Kent Police",)


def test_forces_are_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        force("Kent").name = "Kent Constabulary"  # type: ignore[misc]


def test_a_force_needs_a_slug() -> None:
    with pytest.raises(ValueError, match="slugs"):
        Force("X Police", "X", (), "x", "England")


# -- history ------------------------------------------------------------------------------


def test_hampshire_name_and_slug_history() -> None:
    hampshire = force("Hampshire")
    assert hampshire.name == "Hampshire and Isle of Wight Constabulary"
    assert hampshire.former_names == ("Hampshire Constabulary",)
    assert hampshire.names == (
        "Hampshire Constabulary",
        "Hampshire and Isle of Wight Constabulary",
    )
    assert hampshire.slugs == ("hampshire", "hampshire-and-isle-of-wight")
    assert hampshire.slug == "hampshire-and-isle-of-wight"
    assert hampshire.police_uk_id == "hampshire"


@pytest.mark.parametrize(
    "alias",
    [
        "Hampshire",
        "Hampshire Constabulary",
        "Hampshire and Isle of Wight",
        "Hampshire and Isle of Wight Constabulary",
        "Hampshire & Isle of Wight",
        "hampshire-and-isle-of-wight",
    ],
)
def test_hampshire_resolves_by_old_and_new_names(alias: str) -> None:
    assert force(alias).short_name == "Hampshire"


# -- the Met -----------------------------------------------------------------------------


def test_the_met_short_name_is_its_full_name_as_in_the_data() -> None:
    met = force("Metropolitan Police Service")
    assert met.short_name == met.name == "Metropolitan Police Service"
    assert met.slugs == ("metropolitan",)
    assert met.police_uk_id == "metropolitan"


@pytest.mark.parametrize(
    "alias",
    [
        "the Met",
        "Met",
        "Met Police",
        "Metropolitan",
        "Metropolitan Police",
        "the Metropolitan Police",
        "The Metropolitan Police Service",
        "metropolitan",
        "MPS",
    ],
)
def test_the_met_resolves_by_its_everyday_names(alias: str) -> None:
    assert force(alias) is force("Metropolitan Police Service")


@pytest.mark.parametrize("alias", ["GMP", "gmp", "Greater Manchester", "greater-manchester"])
def test_greater_manchester_resolves_by_its_abbreviation(alias: str) -> None:
    assert force(alias).short_name == "Greater Manchester"


# -- lookup by alias -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("alias", "short_name"),
    [
        ("Kent", "Kent"),
        ("Kent Police", "Kent"),
        ("kent", "Kent"),
        ("KENT POLICE", "Kent"),
        ("  Kent   Police ", "Kent"),
        ("Kent Constabulary", "Kent"),
        ("Devon & Cornwall Police", "Devon and Cornwall"),
        ("devon-and-cornwall", "Devon and Cornwall"),
        ("Avon & Somerset", "Avon and Somerset"),
        ("Avon and Somerset Constabulary", "Avon and Somerset"),
        ("Dyfed-Powys", "Dyfed-Powys"),
        ("Dyfed Powys Police", "Dyfed-Powys"),
        ("dyfed-powys", "Dyfed-Powys"),
        ("City of London Police", "City of London"),
        ("north-wales", "North Wales"),
        ("Thames Valley Police", "Thames Valley"),
        ("the Greater Manchester Police", "Greater Manchester"),
    ],
)
def test_force_resolves_every_documented_alias(alias: str, short_name: str) -> None:
    assert force(alias).short_name == short_name


def test_a_force_resolves_to_itself() -> None:
    kent = force("Kent")
    assert force(kent) is kent
    assert try_force(kent) is kent


@pytest.mark.parametrize(
    "name",
    [
        "Northern Ireland",
        "northern-ireland",
        "Police Service of Northern Ireland",
        "PSNI",
        "British Transport Police",
        "BTP",
        "the constabulary",
        "Police",
        "",
        "   ",
    ],
)
def test_bodies_outside_the_43_do_not_resolve(name: str) -> None:
    assert try_force(name) is None
    with pytest.raises(UnknownForceError):
        force(name)


# -- unknown names ----------------------------------------------------------------------


def test_unknown_force_suggests_the_closest_name() -> None:
    with pytest.raises(UnknownForceError) as caught:
        force("Kentt")
    assert str(caught.value) == "unknown force 'Kentt'; did you mean 'Kent'?"
    assert caught.value.name == "Kentt"
    assert caught.value.suggestions == ("Kent",)


def test_unknown_force_may_suggest_several() -> None:
    with pytest.raises(UnknownForceError, match=r"did you mean .*'North Yorkshire'") as caught:
        force("Yorkshire")
    assert len(caught.value.suggestions) == 3
    assert " or " in str(caught.value)


def test_unknown_force_with_nothing_close() -> None:
    with pytest.raises(UnknownForceError) as caught:
        force("Atlantis")
    assert caught.value.suggestions == ()
    assert str(caught.value) == (
        "unknown force 'Atlantis'; expected one of the 43 territorial forces of England and Wales"
    )


def test_unknown_force_error_is_a_peelkit_lookup_error() -> None:
    error = UnknownForceError("Kentt", ["Kent"])
    assert isinstance(error, PeelkitError)
    assert isinstance(error, LookupError)
    assert not isinstance(error, KeyError)


# -- properties -------------------------------------------------------------------------

ALL_ALIASES = [(each, alias) for each in FORCES for alias in each.aliases]


@given(st.sampled_from(ALL_ALIASES), st.sampled_from([str.upper, str.lower, str.title]))
def test_every_force_resolves_from_each_of_its_aliases_in_any_case(
    case: tuple[Force, str], change: Callable[[str], str]
) -> None:
    each, alias = case
    assert force(change(alias)) is each


@given(
    st.sampled_from(ALL_ALIASES),
    st.sampled_from(["", " ", "  ", "\t"]),
    st.sampled_from(["", " Police", " Constabulary", " police service"]),
)
def test_padding_and_suffixes_do_not_matter(
    case: tuple[Force, str], padding: str, suffix: str
) -> None:
    each, alias = case
    article = "" if alias.lower().startswith("the ") else "the "
    assert force(f"{padding}{article}{alias}{suffix}{padding}") is each


@given(st.text(max_size=40))
def test_lookup_answers_a_force_or_a_suggestion_never_anything_else(text: str) -> None:
    found = try_force(text)
    if found is not None:
        assert force(text) is found
        return
    with pytest.raises(UnknownForceError) as caught:
        force(text)
    assert all(try_force(name) is not None for name in caught.value.suggestions)
