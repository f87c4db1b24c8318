"""The one code generator behind the fast paths of the ``peelkit/1`` format.

For each model class it writes, once, two Python functions from the class's own
fields and type hints:

- an *encoder*, which writes the compact JSON text of an instance into a list of
  pieces joined once at the end; the text is byte for byte what
  ``json.dumps(to_dict(obj), ensure_ascii=False)`` writes (a property test holds it
  to that), without building the dicts;
- a *fast structuring hook*, which takes the parsed JSON of an instance, checks
  keys and primitives inline and fills the slots directly. It only has to refuse
  bad input, never explain it: any mismatch raises, and the caller re-runs the
  detailed converter to report every problem with its path.

Both walk types with one classifier (:func:`_shape`). Generation happens under one
lock and a function is published only when complete, so threads asking at once get
the same finished function. The model's invariants are the validators on its
fields; the few that are cheap to write inline are in :data:`INLINE_CHECKS`, keyed
by the validator itself (``tests/test_serialise_generate.py`` holds each to the
validator's own verdict), and any other validator is called as it is.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import json
import threading
import types
import typing
from collections.abc import Callable, Iterator
from typing import Any, Union, get_args, get_origin

import attrs
import cattrs

from peelkit import model

__all__ = ["INLINE_CHECKS", "WHOLE_LIMIT", "Refused", "encoder", "keys_counted", "structure_hook"]

_LOCK = threading.RLock()

#: A JSON string of a ``str``, as ``json.dumps(..., ensure_ascii=False)`` writes it.
_string: Callable[[str], str] = json.JSONEncoder(ensure_ascii=False).encode


class _Escaped(dict[str, str]):
    """JSON strings by text, made on first sight: the same wording (question texts,
    force names) recurs throughout a corpus, and a lookup is cheaper than a call."""

    __slots__ = ()

    def __missing__(self, text: str) -> str:
        escaped = _string(text)
        if len(self) >= _ESCAPED_SIZE:
            self.clear()
        self[text] = escaped
        return escaped


_ESCAPED_SIZE = 1 << 16


class Refused(Exception):
    """The fast path will not take this document; the detailed path explains why."""


def _refuse() -> None:
    raise Refused


# -- types ------------------------------------------------------------------------


def _shape(t: Any) -> tuple[str, Any]:
    """What kind of value ``t`` describes, for both generators.

    One of ``("optional", inner)``, ``("tagged", variants)`` (a union of classes told
    apart by their ``kind``), ``("tuple", element)``, ``("str" | "int" | "bool" |
    "date", t)``, ``("enum", t)`` or ``("class", t)``.
    """
    origin = get_origin(t)
    if origin in (Union, types.UnionType):
        args = get_args(t)
        rest = tuple(a for a in args if a is not type(None))
        if len(rest) < len(args):
            return "optional", rest[0] if len(rest) == 1 else Union[rest]  # noqa: UP007
        return "tagged", rest
    if origin is tuple:
        return "tuple", get_args(t)[0]
    if t is str or t is int or t is bool:
        return t.__name__, t
    if t is dt.date:
        return "date", t
    if isinstance(t, type) and issubclass(t, enum.Enum):
        return "enum", t
    if attrs.has(t):
        return "class", t
    raise TypeError(f"no JSON form for {t!r}")  # pragma: no cover - the model is closed


def _compared(cls: type) -> list[attrs.Attribute[Any]]:
    """The fields that are part of the format (those compared for equality)."""
    return [a for a in attrs.fields(cls) if a.eq]


# Field order of the format where it differs from the model's order.
_KEY_ORDER: dict[type, tuple[str, ...]] = {
    model.Assessment: ("force", "cycle", "source", "pillars", "graded_areas")
}


def _compile(source: str, name: str, namespace: dict[str, Any], function: str) -> Any:
    exec(compile(source, f"<peelkit {name}>", "exec"), namespace)
    return namespace[function]


# -- encoders ---------------------------------------------------------------------

_encoders: dict[type, Callable[[Any, Callable[[str], None]], None]] = {}


def encoder(cls: type) -> Callable[[Any, Callable[[str], None]], None]:
    """The encoder of the model class ``cls``: ``encode(obj, write)`` passes the JSON
    text of ``obj`` to ``write`` in pieces. Made once, on first use."""
    found = _encoders.get(cls)
    if found is not None:
        return found
    with _LOCK:
        found = _encoders.get(cls)
        if found is None:
            found = _encoders[cls] = _make_encoder(cls)
        return found


def _make_encoder(cls: type) -> Callable[[Any, Callable[[str], None]], None]:
    namespace: dict[str, Any] = {
        "S": _Escaped(),
        "int_repr": int.__repr__,
        "NULL": "null",
        "TRUE": "true",
        "FALSE": "false",
    }
    hints = typing.get_type_hints(cls)
    fields = {a.name: a for a in _compared(cls)}
    # The text is written as literal runs with expressions in between; a nested
    # object or list is written by statements, and ends the current run.
    lines: list[str] = []
    run: list[str] = []

    def flush() -> None:
        text = "".join(run)
        if text:
            lines.append(f"w(f{text!r})")
        run.clear()

    def literal(text: str) -> None:
        run.append(text.replace("{", "{{").replace("}", "}}"))

    first = not hasattr(cls, "kind")
    literal("{" if first else '{"kind": ' + _string(getattr(cls, "kind")))  # noqa: B009
    for name in _KEY_ORDER.get(cls, tuple(fields)):
        literal(("" if first else ", ") + f'"{name}": ')
        first = False
        _encode_value(hints[name], f"o.{name}", run, lines, flush, literal, namespace)
    literal("}")
    flush()
    body = "".join(f"    {line}\n" for line in lines)
    source = f"def encode(o, w):\n{body}"
    return _compile(source, f"encoder for {cls.__name__}", namespace, "encode")  # type: ignore[no-any-return]


def _encode_value(
    t: Any,
    value: str,
    run: list[str],
    lines: list[str],
    flush: Callable[[], None],
    literal: Callable[[str], None],
    namespace: dict[str, Any],
    indent: str = "",
) -> None:
    """Code that writes ``value`` (of type ``t``): an expression in the current run,
    or statements for nested objects and lists."""
    kind, arg = _shape(t)
    if kind == "tuple":
        literal("[")
        flush()
        element_kind, element = _shape(arg)
        if element_kind in ("class", "tagged"):
            name = _bind_encoder(arg, namespace)
            lines.append(f"{indent}sep = ''")
            lines.append(f"{indent}for x in {value}:")
            lines.append(f"{indent}    w(sep)")
            lines.append(f"{indent}    {name}(x, w)")
            lines.append(f"{indent}    sep = ', '")
        else:
            item = _expression(element, "x", namespace)
            lines.append(f"{indent}w(', '.join([{item} for x in {value}]))")
        literal("]")
        return
    if kind in ("class", "tagged") or (
        kind == "optional" and _shape(arg)[0] in ("class", "tagged")
    ):
        flush()
        name = _bind_encoder(arg if kind == "optional" else t, namespace)
        if kind == "optional":
            lines.append(f"{indent}if {value} is None: w('null')")
            lines.append(f"{indent}else: {name}({value}, w)")
        else:
            lines.append(f"{indent}{name}({value}, w)")
        return
    run.append("{" + _expression(t, value, namespace) + "}")


def _bind_encoder(t: Any, namespace: dict[str, Any]) -> str:
    """The name, in ``namespace``, of a function that encodes a class or a tagged union."""
    kind, arg = _shape(t)
    if kind == "class":
        name = f"F_{arg.__name__}"
        namespace[name] = encoder(arg)
        return name
    variants = {v: encoder(v) for v in arg}
    table = f"U{len(namespace)}"
    namespace[table] = variants
    name = f"{table}_encode"
    source = f"def {name}(o, w):\n    {table}[type(o)](o, w)\n"
    _compile(source, "tagged union encoder", namespace, name)
    return name


def _expression(t: Any, value: str, namespace: dict[str, Any]) -> str:
    """A Python expression for the JSON text of a scalar ``value`` of type ``t``."""
    kind, arg = _shape(t)
    if kind == "optional":
        return f"(NULL if {value} is None else {_expression(arg, value, namespace)})"
    if kind == "str":
        return f"S[{value}]"
    if kind == "bool":
        return f"(TRUE if {value} else FALSE)"
    if kind == "int":
        return f"int_repr({value})"
    if kind == "date":
        return f"S[{value}.isoformat()]"
    if kind == "enum":
        table = f"E_{arg.__name__}"
        namespace[table] = {member: _string(member.value) for member in arg}
        return f"{table}[{value}]"
    raise TypeError(f"no scalar JSON form for {t!r}")  # pragma: no cover - the model is closed


# -- fast structuring hooks -------------------------------------------------------

#: The model's invariants written inline, keyed by the model's validator; ``{v}`` is
#: the value. Any validator not listed here is called as it is.
INLINE_CHECKS: dict[Any, str] = {
    model._not_blank: "if not {v} or {v}.isspace(): refuse()",
    model._optional_not_blank: "if {v} is not None and (not {v} or {v}.isspace()): refuse()",
    model._positive: "if {v} < 1: refuse()",
    model._number: "if {v} is not None and {v} < 1: refuse()",
    model._count: "if {v} is not None and {v} < 0: refuse()",
}

_MEMO_SIZE = 4096

WHOLE_LIMIT = model.MAX_WHOLE
"""Every whole number the fast hooks take lies strictly between ``-WHOLE_LIMIT`` and
``WHOLE_LIMIT``, in any field: a longer number is refused by type everywhere else.
``from_json`` relies on it (its fast route lets ``json.loads`` convert every number)."""


_KEYS: list[int] = []
_COUNTING = threading.Lock()


@contextlib.contextmanager
def keys_counted() -> Iterator[list[int]]:
    """Run fast structuring hooks in the block, and count the keys of what they take.

    Every hook call that takes a dict adds its number of keys to the list yielded
    (before any memo lookup, so a repeated object counts each time). The list is
    shared by all counting hooks, so the block holds a lock: one thread at a time
    structures with them (the interpreter runs this pure-Python work one thread at a
    time anyway), and no other thread's count can mix in. Only the hooks made with
    ``counted=True`` (for ``from_json``'s own converter) count, and every call of one
    must be inside the block; the hooks of the public fast converter count nothing,
    so calling it directly, from any thread, neither grows the list nor skews a count.
    """
    with _COUNTING:
        _KEYS.clear()
        try:
            yield _KEYS
        finally:
            _KEYS.clear()


def structure_hook(
    cl: type, converter: cattrs.Converter, *, counted: bool = False
) -> Callable[[Any, Any], Any]:
    """The fast structuring hook of the model class ``cl``, for ``converter``; with
    ``counted``, it adds the keys of each dict it takes (see :func:`keys_counted`)."""
    with _LOCK:
        return _make_hook(cl, converter, counted)


def _check_lines(
    t: Any, var: str, namespace: dict[str, Any], converter: cattrs.Converter
) -> list[str]:
    """Statements that check ``var`` as a ``t`` and leave the structured value in it."""
    kind, arg = _shape(t)
    if kind == "optional":
        body = _check_lines(arg, var, namespace, converter)
        return [f"if {var} is not None:", *(f"    {line}" for line in body)]
    if kind == "int":  # bounded: a longer number is refused wherever it stands
        return [f"if type({var}) is not int or not -WHOLE < {var} < WHOLE: refuse()"]
    if kind in ("str", "bool"):
        return [f"if type({var}) is not {kind}: refuse()"]
    if kind == "tuple":
        if arg is str:
            return [
                f"if type({var}) is not list or not all(map(is_str, {var})): refuse()",
                f"{var} = tuple({var})",
            ]
        name = _bind(namespace, converter.get_structure_hook(arg))
        return [
            f"if type({var}) is not list: refuse()",
            f"{var} = tuple([{name}(x, None) for x in {var}]) if {var} else ()",
        ]
    if kind == "enum":
        # Looked up by its text: a number, a list or anything but a word is refused.
        if not all(type(member.value) is str for member in arg):  # pragma: no cover
            raise TypeError(f"{arg!r} has a value that is not a str")
        table = f"E_{arg.__name__}"
        namespace[table] = {member.value: member for member in arg}
        return [f"{var} = {table}[{var}]"]
    if kind == "tagged":  # told apart by "kind"; an unknown or missing one raises
        table = f"U{len(namespace)}"
        namespace[table] = {a.kind: converter.get_structure_hook(a) for a in arg}
        return [
            f"if type({var}) is not dict: refuse()",
            f"{var} = {table}[{var}['kind']]({var}, None)",
        ]
    name = _bind(namespace, converter.get_structure_hook(t))
    return [f"{var} = {name}({var}, None)"]


def _is_leaf_value(t: Any) -> bool:
    """Whether values of type ``t`` are small, hashable and come in few distinct values.

    Text never counts, even optional text mostly absent (a judgment's note): the
    memo outlives the load, and must not keep a document's text alive (an instance
    whose optional text is absent is memoised by :func:`_construct` itself).
    """
    if t is type(None):
        return True
    kind, arg = _shape(t)
    if kind == "optional":
        return _is_leaf_value(arg)
    if kind == "tagged":
        return all(_is_leaf_value(a) for a in arg)
    if kind in ("int", "bool", "date", "enum"):
        return True
    if kind != "class":
        return False
    hints = typing.get_type_hints(arg)
    return all(_is_leaf_value(hints[a.name]) for a in _compared(arg))


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
            namespace[f"DEFAULT_{field.name}"] = field.default  # plain defaults only
            lines.append(f"{setter}(made, DEFAULT_{field.name})")
            continue
        value = f"v{number}"
        number += 1
        lines.append(f"{setter}(made, {value})")
        if field.validator is None:
            continue
        inline = INLINE_CHECKS.get(field.validator)
        if inline is not None:
            checks.append(inline.format(v=value))
        else:
            namespace[f"VALIDATE_{field.name}"] = field.validator
            namespace[f"FIELD_{field.name}"] = field
            checks.append(f"VALIDATE_{field.name}(made, FIELD_{field.name}, {value})")
    return [*checks, *lines]


def _construct(
    cl: type, hints: dict[str, Any], arguments: str, namespace: dict[str, Any]
) -> list[str]:
    """Statements that build and return the instance.

    Objects made only of enums, numbers and dates (judgments, provenance,
    deadlines) repeat across a document, and they are immutable: one instance
    serves every repeat, from a bounded memo. Optional text (a judgment's source
    and note) does not stop this when it is absent: an instance that has any is
    built afresh, so the memo, which outlives the load, keeps no document's text.
    """
    build = _build(cl, namespace)
    texts = []  # the fields of optional text: memoised only when all are absent
    for number, field in enumerate(_compared(cl)):
        t = hints[field.name]
        if _shape(t) == ("optional", str):
            texts.append(f"v{number}")
        elif not _is_leaf_value(t):
            return [*build, "return made"]
    namespace["MEMO"] = {}
    memoised = [
        f"key = ({arguments},)",
        "made = MEMO.get(key)",
        "if made is None:",
        *(f"    {line}" for line in build),
        f"    if len(MEMO) < {_MEMO_SIZE}: MEMO[key] = made",
        "return made",
    ]
    if not texts:
        return memoised
    absent = " and ".join(f"{var} is None" for var in texts)
    return [f"if {absent}:", *(f"    {line}" for line in memoised), *build, "return made"]


def _bind(namespace: dict[str, Any], function: Callable[..., Any]) -> str:
    name = f"H{len(namespace)}"
    namespace[name] = function
    return name


def _make_hook(cl: type, converter: cattrs.Converter, counted: bool) -> Callable[[Any, Any], Any]:
    fields = _compared(cl)
    kind = getattr(cl, "kind", None)
    allowed = frozenset([*(a.name for a in fields), *([] if kind is None else ["kind"])])
    # Not counting: ``int(n)`` is the cheapest call that keeps nothing.
    count: Callable[[int], object] = _KEYS.append if counted else int
    if not fields:
        instance = cl()

        def constant(value: Any, _: Any) -> Any:
            if type(value) is not dict or not value.keys() <= allowed:
                raise Refused
            count(len(value))
            return instance

        return constant
    namespace: dict[str, Any] = {
        "refuse": _refuse,
        "WHOLE": WHOLE_LIMIT,
        "cl": cl,
        "ALLOWED": allowed,
        "is_str": str.__instancecheck__,
        "COUNT": count,
    }
    hints = typing.get_type_hints(cl)
    checks = {
        a.name: _check_lines(hints[a.name], f"v{n}", namespace, converter)
        for n, a in enumerate(fields)
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
        f"COUNT({len(allowed)})",
        *(line for lines in checks.values() for line in lines),
        *_construct(cl, hints, arguments, namespace),
    ]
    # Some keys left out, to take their defaults.
    partial = ["if type(o) is not dict or not o.keys() <= ALLOWED: refuse()", "COUNT(len(o))"]
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
    return _compile(source, f"fast structure {cl.__name__}", namespace, "structure")  # type: ignore[no-any-return]
