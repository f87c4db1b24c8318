"""The 43 territorial police forces of England and Wales, and lookup by any name.

Pages, datasets and people name forces in many ways: "Kent Police", "Kent", the URL
slug ``kent``, "Devon & Cornwall Police", "the Met". :func:`force` maps every such
alias to one :class:`Force` record, and :attr:`Force.short_name` is the form peelkit
stores as an :class:`~peelkit.Assessment`'s ``force`` and the bundled data uses.

Only the 43 territorial forces inspected under PEEL are here. The Police Service of
Northern Ireland and British Transport Police are inspected separately and do not
resolve.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Literal

import attrs

from peelkit.errors import UnknownForceError
from peelkit.text import fold

__all__ = ["FORCES", "Force", "UnknownForceError", "force", "force_key", "try_force"]

Country = Literal["England", "Wales"]


def _strings(items: Iterable[str]) -> tuple[str, ...]:
    return items if type(items) is tuple else tuple(items)


def _some(instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: object) -> None:
    if not value:
        raise ValueError(f"a force needs at least one entry in {attribute.name}")


@attrs.frozen
class Force:
    """One territorial police force.

    ``name`` is the force's current name as the inspectorate writes it
    ("Kent Police"); ``former_names`` are earlier names, oldest first.
    ``short_name`` is the form used in peelkit's data and in
    an :class:`~peelkit.Assessment`'s ``force`` ("Kent"; for the Met, "Metropolitan
    Police Service"). ``slugs`` are the inspectorate's URL slugs, oldest first: a
    renamed force has more than one. ``police_uk_id`` is the force's id on
    data.police.uk. ``region`` is an English region (or "Wales") given as a hint
    only: the inspectorate's own region labels have not been checked.
    """

    name: str
    short_name: str
    slugs: tuple[str, ...] = attrs.field(converter=_strings, validator=_some)
    police_uk_id: str
    country: Country
    region: str | None = None
    former_names: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    other_names: tuple[str, ...] = attrs.field(default=(), converter=_strings, repr=False)

    @property
    def slug(self) -> str:
        """The current URL slug: the last of ``slugs``."""
        return self.slugs[-1]

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the force has had, oldest first, ending with ``name``."""
        return (*self.former_names, self.name)

    @property
    def aliases(self) -> tuple[str, ...]:
        """Every spelling :func:`force` is built from: names, short name, slugs, id."""
        seen: dict[str, None] = {}
        for alias in (
            *self.names,
            self.short_name,
            *self.slugs,
            self.police_uk_id,
            *self.other_names,
        ):
            seen.setdefault(alias, None)
        return tuple(seen)

    def __str__(self) -> str:
        return self.name


def _f(
    name: str,
    slug: str,
    region: str,
    *,
    short_name: str | None = None,
    country: Country = "England",
    slugs: tuple[str, ...] | None = None,
    former_names: tuple[str, ...] = (),
    other_names: tuple[str, ...] = (),
) -> Force:
    """A force whose short name is its name without "Police" or "Constabulary"."""
    if short_name is None:
        short_name = re.sub(r" (Police|Constabulary)$", "", name)
    return Force(
        name=name,
        short_name=short_name,
        slugs=slugs or (slug,),
        police_uk_id=slug,
        country=country,
        region=region,
        former_names=former_names,
        other_names=other_names,
    )


_WALES: Country = "Wales"

FORCES: tuple[Force, ...] = (
    _f("Avon and Somerset Constabulary", "avon-and-somerset", "South West"),
    _f("Bedfordshire Police", "bedfordshire", "East of England"),
    _f("Cambridgeshire Constabulary", "cambridgeshire", "East of England"),
    _f("Cheshire Constabulary", "cheshire", "North West"),
    _f("City of London Police", "city-of-london", "London"),
    _f("Cleveland Police", "cleveland", "North East"),
    _f("Cumbria Constabulary", "cumbria", "North West"),
    _f("Derbyshire Constabulary", "derbyshire", "East Midlands"),
    _f("Devon and Cornwall Police", "devon-and-cornwall", "South West"),
    _f("Dorset Police", "dorset", "South West"),
    _f("Durham Constabulary", "durham", "North East"),
    _f("Dyfed-Powys Police", "dyfed-powys", "Wales", country=_WALES),
    _f("Essex Police", "essex", "East of England"),
    _f("Gloucestershire Constabulary", "gloucestershire", "South West"),
    _f("Greater Manchester Police", "greater-manchester", "North West", other_names=("GMP",)),
    _f("Gwent Police", "gwent", "Wales", country=_WALES),
    _f(
        "Hampshire and Isle of Wight Constabulary",
        "hampshire",
        "South East",
        short_name="Hampshire",
        slugs=("hampshire", "hampshire-and-isle-of-wight"),
        former_names=("Hampshire Constabulary",),
    ),
    _f("Hertfordshire Constabulary", "hertfordshire", "East of England"),
    _f("Humberside Police", "humberside", "Yorkshire and the Humber"),
    _f("Kent Police", "kent", "South East"),
    _f("Lancashire Constabulary", "lancashire", "North West"),
    _f("Leicestershire Police", "leicestershire", "East Midlands"),
    _f("Lincolnshire Police", "lincolnshire", "East Midlands"),
    _f("Merseyside Police", "merseyside", "North West"),
    _f(
        "Metropolitan Police Service",
        "metropolitan",
        "London",
        short_name="Metropolitan Police Service",
        other_names=("Metropolitan Police", "Met Police", "the Met", "Met", "MPS"),
    ),
    _f("Norfolk Constabulary", "norfolk", "East of England"),
    _f("North Wales Police", "north-wales", "Wales", country=_WALES),
    _f("North Yorkshire Police", "north-yorkshire", "Yorkshire and the Humber"),
    _f("Northamptonshire Police", "northamptonshire", "East Midlands"),
    _f("Northumbria Police", "northumbria", "North East"),
    _f("Nottinghamshire Police", "nottinghamshire", "East Midlands"),
    _f("South Wales Police", "south-wales", "Wales", country=_WALES),
    _f("South Yorkshire Police", "south-yorkshire", "Yorkshire and the Humber"),
    _f("Staffordshire Police", "staffordshire", "West Midlands"),
    _f("Suffolk Constabulary", "suffolk", "East of England"),
    _f("Surrey Police", "surrey", "South East"),
    _f("Sussex Police", "sussex", "South East"),
    _f("Thames Valley Police", "thames-valley", "South East"),
    _f("Warwickshire Police", "warwickshire", "West Midlands"),
    _f("West Mercia Police", "west-mercia", "West Midlands"),
    _f("West Midlands Police", "west-midlands", "West Midlands"),
    _f("West Yorkshire Police", "west-yorkshire", "Yorkshire and the Humber"),
    _f("Wiltshire Police", "wiltshire", "South West"),
)
"""The 43 territorial forces of England and Wales, in alphabetical order of name."""


# -- lookup -------------------------------------------------------------------------

_SEPARATORS = re.compile(r"[\s\-‐‑–—_.,;:'’‘\"“”()/]+")
_SUFFIXES = (" police service", " police force", " constabulary", " police")


def _key(text: str) -> str:
    """The lookup key of a force name: lower case, words only, no leading "the",
    no "Police"/"Constabulary" suffix, "&" read as "and"."""
    words = _SEPARATORS.sub(" ", fold(text).replace("&", " and ")).strip()
    words = words.removeprefix("the ")
    stripped = True
    while stripped:
        stripped = False
        for suffix in _SUFFIXES:
            if words.endswith(suffix) and len(words) > len(suffix):
                words = words[: -len(suffix)]
                stripped = True
                break
    return words


def _build_index(forces: Iterable[Force]) -> dict[str, Force]:
    index: dict[str, Force] = {}
    for each in forces:
        for alias in each.aliases:
            key = _key(alias)
            other = index.setdefault(key, each)
            if other is not each:  # pragma: no cover - a data error
                raise RuntimeError(f"{alias!r} names both {other.name} and {each.name}")
    return index


_INDEX = _build_index(FORCES)
_SUGGESTIONS: dict[str, str] = {key: each.short_name for key, each in _INDEX.items()}
if len(FORCES) != 43:  # pragma: no cover - a data error
    raise RuntimeError(f"expected 43 forces, have {len(FORCES)}")


def try_force(name: str | Force) -> Force | None:
    """The force ``name`` names, or ``None``: like :func:`force` without raising."""
    if isinstance(name, Force):
        return name
    return _INDEX.get(_key(name))


def force(name: str | Force) -> Force:
    """The force named by ``name``, any of its aliases, in any case.

    Accepted: the canonical name ("Kent Police"), the short name ("Kent"), former
    names, URL slugs and the data.police.uk id ("kent", "dyfed-powys"), and common
    variants: "&" for "and", extra spaces or punctuation, a leading "the", and a
    "Police", "Constabulary" or "Police Service" suffix ("Kent Constabulary" is
    Kent). The Met also answers to "the Met", "Met Police" and "Metropolitan".
    A :class:`Force` is returned as it is.

    Raises :class:`UnknownForceError`, suggesting the closest names, for anything
    else, including the Police Service of Northern Ireland and British Transport
    Police, which are not among the 43.
    """
    found = try_force(name)
    if found is not None:
        return found
    assert isinstance(name, str)
    close = difflib.get_close_matches(_key(name), _SUGGESTIONS, n=6, cutoff=0.75)
    suggestions = list(dict.fromkeys(_SUGGESTIONS[key] for key in close))[:3]
    raise UnknownForceError(name, suggestions)


def force_key(name: str) -> str:
    """The name a force is grouped under: its short name if known ("Kent Police" and
    "kent" are both ``"Kent"``), else the name as given, trimmed."""
    found = try_force(name)
    return found.short_name if found is not None else name.strip()
