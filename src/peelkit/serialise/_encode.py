"""Compact ``peelkit/1`` JSON, written straight from the model.

For each model class an encoder function is generated once, at first use: one
f-string per object, with strings escaped by the standard library's C escaper.
The result is byte for byte what ``json.dumps(to_dict(obj), ensure_ascii=False)``
writes (a property test holds it to that), at about the cost of ``json.dumps``
alone, because no intermediate dicts are built.
"""

from __future__ import annotations

import datetime as dt
import enum
import json.encoder
import types
import typing
from collections.abc import Callable
from typing import Any, Union, get_args, get_origin

import attrs

from peelkit import model
from peelkit.corpus import Corpus

__all__ = ["assessment", "corpus"]

_escape: Callable[[str], str] = (
    json.encoder.c_encode_basestring or json.encoder.py_encode_basestring  # type: ignore[attr-defined]
)

# Field order of the format where it differs from the model's order.
_KEY_ORDER: dict[type, tuple[str, ...]] = {
    model.Assessment: ("force", "cycle", "source", "pillars", "graded_areas")
}

_encoders: dict[type, Callable[[Any], str]] = {}
_namespace: dict[str, Any] = {
    "NULL": "null",
    "TRUE": "true",
    "FALSE": "false",
    "SEP": ", ",
    "LB": "[",
    "RB": "]",
    "S": _escape,
    "ENC": _encoders,
    "int_repr": int.__repr__,
}


def _expression(t: Any, value: str) -> str:
    """Python source (no quotes, no braces) that encodes ``value`` of type ``t``."""
    origin = get_origin(t)
    if origin in (Union, types.UnionType):
        args = get_args(t)
        rest = tuple(a for a in args if a is not type(None))
        if len(rest) < len(args):
            inner = rest[0] if len(rest) == 1 else Union[rest]  # noqa: UP007
            return f"(NULL if {value} is None else {_expression(inner, value)})"
        for variant in rest:
            _encoder(variant)
        # Variants without fields ({"kind": "inspected"}) are one constant string.
        table = f"K{len(_namespace)}"
        _namespace[table] = {v: _encoders[v](v()) for v in rest if not attrs.fields(v)}
        return f"({table}.get(type({value})) or ENC[type({value})]({value}))"
    if origin is tuple:
        item = _expression(get_args(t)[0], "x")
        return f"(LB + SEP.join([{item} for x in {value}]) + RB)"
    if t is str:
        return f"S({value})"
    if t is bool:
        return f"(TRUE if {value} else FALSE)"
    if t is int:
        return f"int_repr({value})"
    if t is dt.date:
        return f"S({value}.isoformat())"
    if isinstance(t, type) and issubclass(t, enum.Enum):
        table = f"E_{t.__name__}"
        _namespace[table] = {member: _escape(member.value) for member in t}
        return f"{table}[{value}]"
    if attrs.has(t):
        _encoder(t)
        return f"F_{t.__name__}({value})"  # bound once generated (see _encoder)
    raise TypeError(f"no JSON encoding for {t!r}")  # pragma: no cover - the model is closed


def _encoder(cls: type) -> Callable[[Any], str]:
    """The generated encoder of an attrs class, made on first use."""
    if cls in _encoders:
        return _encoders[cls]
    _encoders[cls] = _unfinished
    _namespace[cls.__name__] = cls
    hints = typing.get_type_hints(cls)
    fields = {a.name: a for a in attrs.fields(cls) if a.eq}
    items = [f'"kind": {_escape(cls.kind)}'] if hasattr(cls, "kind") else []
    for name in _KEY_ORDER.get(cls, tuple(fields)):
        t = hints[name]
        if get_origin(t) is tuple:  # the brackets go in the f-string itself
            item = _expression(get_args(t)[0], "x")
            join = f"SEP.join([{item} for x in o.{name}])"
            items.append(f'"{name}": [' + "\0" + join + "\1]")
        else:
            items.append(f'"{name}": ' + "\0" + _expression(t, f"o.{name}") + "\1")
    source = "{" + ", ".join(items) + "}"
    # Literal braces are doubled for the f-string; \0 and \1 mark the expressions.
    source = source.replace("{", "{{").replace("}", "}}").replace("\0", "{").replace("\1", "}")
    code = f"def encode(o):\n    return f'{source}'\n"
    local: dict[str, Any] = {}
    exec(compile(code, f"<peelkit encoder for {cls.__name__}>", "exec"), _namespace, local)
    _encoders[cls] = _namespace[f"F_{cls.__name__}"] = local["encode"]
    return _encoders[cls]


def _unfinished(obj: object) -> str:  # pragma: no cover - replaced before any call
    raise RuntimeError("encoder used while being generated")


def assessment(obj: model.Assessment) -> str:
    """Compact JSON of one assessment, with its ``format`` key."""
    encode = _encoder(model.Assessment)
    return '{"format": "peelkit/1", ' + encode(obj)[1:]


def corpus(obj: Corpus) -> str:
    """Compact JSON of a corpus."""
    encode = _encoder(model.Assessment)
    return (
        '{"format": "peelkit/1", "assessments": ['
        + ", ".join([encode(a) for a in obj.assessments])
        + "]}"
    )
