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
                f"if type({var}) is not list: refuse()",
                f"{var} = tuple({var})",
                f"for x in {var}:",
                "    if type(x) is not str: refuse()",
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
    if t is dt.date or attrs.has(t) or origin in (Union, types.UnionType):
        name = _bind(namespace, converter.get_structure_hook(t), t)
        return [f"{var} = {name}({var}, None)"]
    raise TypeError(f"no fast structuring for {t!r}")  # pragma: no cover - the model is closed


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
    namespace: dict[str, Any] = {"refuse": _refuse, "cl": cl, "ALLOWED": allowed}
    hints = typing.get_type_hints(cl, vars(model))
    body = [
        "if type(o) is not dict or not o.keys() <= ALLOWED: refuse()",
    ]
    for number, field in enumerate(fields):
        var = f"v{number}"
        if field.default is attrs.NOTHING:
            body.append(f"{var} = o[{field.name!r}]")
        else:
            namespace[f"D{number}"] = field.default
            body.append(f"{var} = o.get({field.name!r}, D{number})")
            body.append(f"if {var} is not D{number}:")
            body.extend(
                f"    {line}" for line in _lines(hints[field.name], var, namespace, converter)
            )
            continue
        body.extend(_lines(hints[field.name], var, namespace, converter))
    arguments = ", ".join(f"v{number}" for number in range(len(fields)))
    body.append(f"return cl({arguments})")
    source = "def structure(o, _):\n" + "".join(f"    {line}\n" for line in body)
    local: dict[str, Any] = {}
    exec(compile(source, f"<peelkit fast structure {cl.__name__}>", "exec"), namespace, local)
    return local["structure"]  # type: ignore[no-any-return]
