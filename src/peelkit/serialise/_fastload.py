"""Generated cattrs structuring hooks for the fast path of :mod:`peelkit.serialise`.

The fast converter assumes the document is good. For each model class it
generates one function that checks the keys, checks primitives inline (no call per
string or number) and calls the class. Any mismatch raises, and the caller then
re-runs the *detailed* converter to report every problem with its path; so these
hooks only have to refuse bad input, never explain it.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Callable
from typing import Any, Union, get_args, get_origin

import attrs
import cattrs

from peelkit import model

__all__ = ["hook"]


class _Refused(Exception):
    """The fast path will not take this document; the detailed path explains why."""


def _refuse() -> None:
    raise _Refused


def _lines(t: Any, var: str, namespace: dict[str, Any], converter: cattrs.Converter) -> list[str]:
    """Statements that check ``var`` as a ``t`` and leave the structured value in it."""
    origin = get_origin(t)
    if origin in (Union, types.UnionType):
        args = get_args(t)
        rest = tuple(a for a in args if a is not type(None))
        if len(rest) < len(args):
            inner = rest[0] if len(rest) == 1 else Union[rest]  # noqa: UP007
            body = _lines(inner, var, namespace, converter)
            return [f"if {var} is not None:", *(f"    {line}" for line in body)]
    if t is str or t is int or t is bool:
        return [f"if type({var}) is not {t.__name__}: refuse()"]
    if origin is tuple:
        element = get_args(t)[0]
        if element is str:
            return [
                f"if type({var}) is not list or not all(map(is_str, {var})): refuse()",
                f"{var} = tuple({var})",
            ]
        name = _bind(namespace, converter.get_structure_hook(element), element)
        return [
            f"if type({var}) is not list: refuse()",
            f"{var} = tuple([{name}(x, None) for x in {var}])",
        ]
    if isinstance(t, type) and issubclass(t, enum.Enum):
        table = f"E_{t.__name__}"
        namespace[table] = {member.value: member for member in t}
        return [f"{var} = {table}[{var}]"]
    if origin in (Union, types.UnionType) and all(hasattr(a, "kind") for a in get_args(t)):
        table = f"U{len(namespace)}"
        namespace[table] = {a.kind: converter.get_structure_hook(a) for a in get_args(t)}
        return [f"{var} = {table}[{var}['kind']]({var}, None)"]
    if t is dt.date or attrs.has(t) or origin in (Union, types.UnionType):
        name = _bind(namespace, converter.get_structure_hook(t), t)
        return [f"{var} = {name}({var}, None)"]
    raise TypeError(f"no fast structuring for {t!r}")  # pragma: no cover - the model is closed


_MEMO_SIZE = 4096


def _is_leaf_value(t: Any) -> bool:
    """Whether values of type ``t`` are small, hashable and come in few distinct values."""
    if get_origin(t) in (Union, types.UnionType):
        return all(_is_leaf_value(a) for a in get_args(t))
    if t is type(None) or t in (int, bool, dt.date):
        return True
    if isinstance(t, type) and issubclass(t, enum.Enum):
        return True
    if not attrs.has(t):
        return False
    hints = typing.get_type_hints(t)
    return all(_is_leaf_value(hints[a.name]) for a in attrs.fields(t) if a.eq)


def _construct(
    cl: type, fields: list[Any], hints: dict[str, Any], arguments: str, namespace: dict[str, Any]
) -> list[str]:
    """Statements that build and return the instance.

    Objects made only of enums, numbers and dates (judgments, provenance,
    deadlines) repeat across a document, and they are immutable: one instance
    serves every repeat, from a bounded memo.
    """
    build = _build(cl, namespace)
    if not all(_is_leaf_value(hints[a.name]) for a in fields):
        return [*build, "return made"]
    namespace["MEMO"] = {}
    return [
        f"key = ({arguments},)",
        "made = MEMO.get(key)",
        "if made is None:",
        *(f"    {line}" for line in build),
        f"    if len(MEMO) < {_MEMO_SIZE}: MEMO[key] = made",
        "return made",
    ]


# The model's own invariants, written inline; any other validator is called.
_INLINE_CHECKS: dict[Any, str] = {
    model._not_blank: "if not {v} or {v}.isspace(): refuse()",
    model._optional_not_blank: "if {v} is not None and (not {v} or {v}.isspace()): refuse()",
    model._positive: "if {v} < 1: refuse()",
    model._number: "if {v} is not None and {v} < 1: refuse()",
    model._count: "if {v} is not None and {v} < 0: refuse()",
}


def _build(cl: type, namespace: dict[str, Any]) -> list[str]:
    """Statements that make ``made``, an instance of ``cl`` from ``v0``, ``v1``, ….

    The values are already checked and in their final form (tuples are tuples), so
    the slots are filled directly and ``__init__`` with its converters is skipped;
    the field validators (the model's invariants) still run. A refused invariant
    sends the document to the detailed path, whose ``__init__`` says what is wrong.
    """
    namespace["NEW"] = object.__new__
    lines = ["made = NEW(cl)"]
    checks = []
    number = 0
    for field in attrs.fields(cl):
        setter = f"SET_{field.name}"
        namespace[setter] = getattr(cl, field.name).__set__
        if not field.eq:
            namespace[f"DEFAULT_{field.name}"] = field.default
            lines.append(f"{setter}(made, DEFAULT_{field.name})")
            continue
        value = f"v{number}"
        number += 1
        lines.append(f"{setter}(made, {value})")
        if field.validator is None:
            continue
        inline = _INLINE_CHECKS.get(field.validator)
        if inline is not None:
            checks.append(inline.format(v=value))
        else:
            namespace[f"VALIDATE_{field.name}"] = field.validator
            namespace[f"FIELD_{field.name}"] = field
            checks.append(f"VALIDATE_{field.name}(made, FIELD_{field.name}, {value})")
    return [*checks, *lines]


def _bind(namespace: dict[str, Any], function: Callable[..., Any], t: Any) -> str:
    name = f"H{len(namespace)}"
    namespace[name] = function
    return name


def hook(cl: type, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """The fast structuring hook of the attrs class ``cl``."""
    fields = [a for a in attrs.fields(cl) if a.eq]
    kind = getattr(cl, "kind", None)
    allowed = frozenset([*(a.name for a in fields), *([] if kind is None else ["kind"])])
    if not fields:
        instance = cl()

        def constant(value: Any, _: Any) -> Any:
            if type(value) is not dict or not value.keys() <= allowed:
                raise _Refused
            return instance

        return constant
    namespace: dict[str, Any] = {
        "refuse": _refuse,
        "cl": cl,
        "ALLOWED": allowed,
        "is_str": str.__instancecheck__,
    }
    hints = typing.get_type_hints(cl)
    checks = {
        a.name: _lines(hints[a.name], f"v{n}", namespace, converter) for n, a in enumerate(fields)
    }
    arguments = ", ".join(f"v{number}" for number in range(len(fields)))

    # Every key present (as peelkit writes them): fetch each, then check each.
    whole = [
        "if type(o) is not dict: refuse()",
        f"if len(o) != {len(allowed)}: return partial(o)",
        "try:",
        *(f"    v{n} = o[{a.name!r}]" for n, a in enumerate(fields)),
        *(["    o['kind']"] if kind is not None else []),
        "except KeyError:",
        "    return partial(o)",
        *(line for lines in checks.values() for line in lines),
        *_construct(cl, fields, hints, arguments, namespace),
    ]
    # Some keys left out, to take their defaults.
    partial = ["if type(o) is not dict or not o.keys() <= ALLOWED: refuse()"]
    for number, field in enumerate(fields):
        var = f"v{number}"
        if field.default is attrs.NOTHING:
            partial.append(f"{var} = o[{field.name!r}]")
            partial.extend(checks[field.name])
        else:
            namespace[f"D{number}"] = field.default
            partial.append(f"{var} = o.get({field.name!r}, D{number})")
            partial.append(f"if {var} is not D{number}:")
            partial.extend(f"    {line}" for line in checks[field.name])
    partial.append(f"return cl({arguments})")
    source = "".join(
        f"def {name}(o, _=None):\n" + "".join(f"    {line}\n" for line in body)
        for name, body in (("partial", partial), ("structure", whole))
    )
    exec(compile(source, f"<peelkit fast structure {cl.__name__}>", "exec"), namespace)
    return namespace["structure"]  # type: ignore[no-any-return]
