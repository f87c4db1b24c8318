"""The ``peelkit/1`` JSON format: to and from dicts and JSON text.

Loading is strict. Wrong types, missing keys, unknown keys, unknown words, a newer
format version, malformed JSON and bytes that are not UTF-8 all raise
:class:`~peelkit.ValidationError` listing *every* problem with its JSON path.

Two cattrs converters do the work, both built from the same hooks: a *fast* one
that assumes the document is good, and a *detailed* one that is run only when the
fast one fails, to find every problem and where it is. Writing JSON goes through
:mod:`peelkit.serialise._generate`, which writes exactly what :func:`json.dumps` writes
for :func:`to_dict`'s output, without building the dicts first.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import re
import sys
import threading
import types
from collections.abc import Callable, Mapping
from typing import Any, TypeVar, Union, get_args, get_origin, overload

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.v import transform_error

from peelkit._memory import collector_paused
from peelkit.corpus import Corpus
from peelkit.errors import Problem, ValidationError, shown
from peelkit.model import (
    Assessment,
    By,
    CarriedOver,
    Deadline,
    Immediately,
    Inspected,
    NotGraded,
    NotYetGraded,
    Provenance,
    Within,
)
from peelkit.serialise import _generate

__all__ = ["FORMAT", "from_dict", "from_json", "json_schema", "to_dict", "to_json"]

FORMAT = "peelkit/1"
"""The format version this peelkit reads and writes."""

_T = TypeVar("_T")
_FORMAT_RE = re.compile(r"peelkit/(\d+)\Z")
_MAX_DIGITS = 15
"""No number in a document has more digits: longer ones are refused, not converted."""
_TOO_BIG = 10**_MAX_DIGITS
_MAX_DEPTH = 32
"""No ``peelkit/1`` document nests deeper (a corpus is about ten deep)."""
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")

_TAGGED: dict[Any, tuple[type, ...]] = {
    Provenance: (Inspected, CarriedOver, NotYetGraded, NotGraded),
    Deadline: (Within, By, Immediately),
}


class _Invalid(ValueError):
    """A value is wrong; the message says what was expected."""


class _Doubt(Exception):
    """The fast route cannot vouch for a document; the exact route will load it."""


class _LongNumber(str):
    """The digits of a JSON number too long to be one peelkit reads; kept as text.

    Every hook refuses it (it is not an ``int``), so the detailed converter reports
    it with its path, without the interpreter ever converting it.
    """


def _bounded_int(digits: str) -> int | _LongNumber:
    # The sign is not a digit: the bound is the model's, |n| < 10**15, both ways.
    if len(digits) - digits.startswith("-") > _MAX_DIGITS:
        return _LongNumber(digits)
    return int(digits)


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    made = dict(pairs)
    if len(made) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return made


def _door_problems(data: Any, path: str = "$") -> list[Problem]:
    """What no peelkit document can hold, wherever it is in ``data``.

    Keys that are not strings, text that cannot be written as UTF-8 (a lone
    surrogate) and whole numbers beyond any sensible size. Walked without
    recursion, so a deeply nested value is no danger.
    """
    problems: list[Problem] = []
    stack: list[tuple[str, Any, int]] = [(path, data, 0)]
    while stack:
        where, value, depth = stack.pop()
        kind = type(value)
        if kind is str:
            if not value.isascii():
                try:
                    value.encode("utf-8")
                except UnicodeEncodeError as exc:
                    problems.append(
                        Problem(
                            where,
                            f"text holds a lone surrogate {value[exc.start]!r} at character "
                            f"{exc.start}, which cannot be written as UTF-8",
                        )
                    )
        elif kind is int:
            if not -_TOO_BIG < value < _TOO_BIG:
                problems.append(Problem(where, f"expected a whole number, got {_describe(value)}"))
        elif kind is dict or kind is list:
            if depth >= _MAX_DEPTH:
                problems.append(Problem(where, f"nested more than {_MAX_DEPTH} deep"))
                continue
            if kind is list:
                stack.extend(
                    (f"{where}[{index}]", item, depth + 1) for index, item in enumerate(value)
                )
                continue
            for key, item in value.items():
                if type(key) is not str:
                    problems.append(
                        Problem(
                            where, f"keys must be strings, got {shown(key)} ({type(key).__name__})"
                        )
                    )
                    continue
                stack.append((f"{where}.{key}", item, depth + 1))
    return problems


def _describe(value: object) -> str:
    """A short, safe description of a JSON value for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _LongNumber):
        digits = len(value) - value.startswith("-")
        return f"a number of {digits:,} digits (at most {_MAX_DIGITS} are allowed)"
    if type(value) is int and not -_TOO_BIG < value < _TOO_BIG:
        return shown(value)  # "a number of about 5000 digits"
    if isinstance(value, (int, float)):
        return f"the number {shown(value)}"
    if isinstance(value, str):
        return f"the string {shown(value, 40)}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


# -- hooks shared by both converters ----------------------------------------------


def _str(value: Any, _: Any) -> str:
    if type(value) is str:
        return value
    raise _Invalid(f"expected a string, got {_describe(value)}")


def _optional_str(value: Any, _: Any) -> str | None:
    if value is None or type(value) is str:
        return value
    raise _Invalid(f"expected a string or null, got {_describe(value)}")


def _int(value: Any, _: Any) -> int:
    # Bounded like the door and the fast hooks (see _generate.WHOLE_LIMIT).
    if type(value) is int and -_TOO_BIG < value < _TOO_BIG:
        return value
    raise _Invalid(f"expected a whole number, got {_describe(value)}")


def _bool(value: Any, _: Any) -> bool:
    if type(value) is bool:
        return value
    raise _Invalid(f"expected true or false, got {_describe(value)}")


def _date(value: Any, _: Any) -> dt.date:
    if type(value) is str and _DATE_RE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise _Invalid(f"expected a date as YYYY-MM-DD, got {_describe(value)}")


def _enum_hook(cls: type[enum.Enum]) -> Callable[[Any, Any], Any]:
    by_value = {member.value: member for member in cls}
    noun = {"Grade": "grade", "Cycle": "cycle", "Pillar": "pillar"}.get(cls.__name__, "value")
    expected = ", ".join(repr(v) for v in by_value)

    def structure(value: Any, _: Any) -> Any:
        member = by_value.get(value) if type(value) is str else None
        if member is not None:
            return member
        if type(value) is str:
            raise _Invalid(f"{shown(value)} is not a {noun}; expected one of {expected}")
        raise _Invalid(f"expected a {noun} (one of {expected}), got {_describe(value)}")

    return structure


def _is_homogeneous_tuple(t: Any) -> bool:
    return get_origin(t) is tuple and len(get_args(t)) == 2 and get_args(t)[1] is Ellipsis


def _is_optional(t: Any) -> bool:
    return get_origin(t) in (Union, types.UnionType) and type(None) in get_args(t)


def _omit_uncompared(cl: type) -> Any:
    """Overrides that leave out fields not part of equality (``line``, ``source``)."""
    return {a.name: override(omit=True) for a in attrs.fields(cl) if not a.eq}


def _make_converter(detailed: bool, counted: bool = False) -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed)
    converter.register_structure_hook(str, _str)
    converter.register_structure_hook(int, _int)
    converter.register_structure_hook(bool, _bool)
    converter.register_structure_hook(dt.date, _date)
    converter.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook
    )
    # cattrs 24.1 dispatches enums on the Enum class before any factory: the same strict
    # hook goes there too, so strictness does not depend on the cattrs version.
    enum_hooks: dict[type[enum.Enum], Callable[[Any, Any], Any]] = {}

    def enum_structure(value: Any, cls: type[enum.Enum]) -> Any:
        hook = enum_hooks.get(cls) or enum_hooks.setdefault(cls, _enum_hook(cls))
        return hook(value, cls)

    converter.register_structure_hook(enum.Enum, enum_structure)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_unstructure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum),
        lambda t: lambda member: member.value,
    )

    def optional_hook(t: Any) -> Callable[[Any, Any], Any]:
        rest = tuple(a for a in get_args(t) if a is not type(None))
        inner = rest[0] if len(rest) == 1 else Union[rest]  # noqa: UP007 - built at run time
        if inner is str:
            return _optional_str
        handler = converter.get_structure_hook(inner)

        def structure(value: Any, _: Any) -> Any:
            return None if value is None else handler(value, inner)

        return structure

    converter.register_structure_hook_factory(_is_optional, optional_hook)

    def tuple_hook(t: Any) -> Callable[[Any, Any], Any]:
        element = get_args(t)[0]
        handler = converter.get_structure_hook(element)
        if not detailed:

            def fast(value: Any, _: Any) -> Any:
                if type(value) is not list:
                    raise _Invalid(f"expected a list, got {_describe(value)}")
                return tuple([handler(item, element) for item in value])

            return fast

        def slow(value: Any, _: Any) -> Any:
            if type(value) is not list:
                raise _Invalid(f"expected a list, got {_describe(value)}")
            errors: list[Exception] = []
            result = []
            for index, item in enumerate(value):
                try:
                    result.append(handler(item, element))
                except Exception as exc:
                    note = IterableValidationNote(f"@ index {index}", index, element)
                    notes = [*getattr(exc, "__notes__", []), note]
                    setattr(exc, "__notes__", notes)  # noqa: B010 - add_note is 3.11+
                    errors.append(exc)
            if errors:
                raise IterableValidationError("invalid items", errors, t)
            return tuple(result)

        return slow

    converter.register_structure_hook_factory(_is_homogeneous_tuple, tuple_hook)

    def attrs_hook(cl: type) -> Callable[[Any, Any], Any]:
        generated: Callable[[Any, Any], Any] = make_dict_structure_fn(
            cl, converter, **_omit_uncompared(cl)
        )

        def structure(value: Any, _: Any) -> Any:
            if type(value) is not dict:
                raise _Invalid(f"expected an object, got {_describe(value)}")
            return generated(value, cl)

        return structure

    if detailed:
        converter.register_structure_hook_factory(attrs.has, attrs_hook)
    else:
        converter.register_structure_hook_factory(
            attrs.has, lambda cl: _generate.structure_hook(cl, converter, counted=counted)
        )
    converter.register_unstructure_hook_factory(
        attrs.has,
        lambda cl: make_dict_unstructure_fn(cl, converter, **_omit_uncompared(cl)),
    )
    return converter


def _kind(variant: type) -> str:
    kind: str = variant.kind  # type: ignore[attr-defined]
    return kind


def _register_tagged(converter: cattrs.Converter, detailed: bool) -> None:
    """Provenance and deadlines: unions tagged by their ``kind`` key.

    cattrs' :func:`~cattrs.strategies.configure_tagged_union` does the work: it
    writes the tag and, reading, picks the variant by its tag, takes the tag out and
    structures the rest as that variant. Two things are ours. Reading, a guard runs
    first, so a value that is not an object, or has no known ``kind``, is reported at
    its path (``….provenance.kind``) with what was expected, as any other field is;
    the strategy alone would raise a bare :class:`KeyError`. Writing, each variant's
    own hook puts ``kind`` first, the ``peelkit/1`` order; the strategy then sets the
    same tag on that dict, and a key that is set again keeps its place.

    The generated fast hooks (:mod:`peelkit.serialise._generate`) dispatch on
    ``kind`` inline; ``tests/test_serialise.py`` holds them to this path.
    """
    # Imported here, with the converters made on first use: not on ``import peelkit``.
    from cattrs.strategies import configure_tagged_union

    for union, variants in _TAGGED.items():
        for variant in variants:
            plain: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(variant, converter)

            def unstructure(obj: Any, plain: Callable[[Any], dict[str, Any]] = plain) -> Any:
                return {"kind": obj.kind, **plain(obj)}

            converter.register_unstructure_hook(variant, unstructure)
        configure_tagged_union(union, converter, tag_generator=_kind, tag_name="kind")
        converter.register_structure_hook(
            union, _guarded(union, variants, converter.get_structure_hook(union), detailed)
        )


def _guarded(
    union: Any,
    variants: tuple[type, ...],
    dispatch: Callable[[Any, Any], Any],
    detailed: bool,
) -> Callable[[Any, Any], Any]:
    """The strategy's structuring hook, behind a check of the value and its ``kind``."""
    kinds = frozenset(_kind(variant) for variant in variants)
    expected = ", ".join(repr(_kind(variant)) for variant in variants)
    noun = "provenance" if union is Provenance else "deadline"

    def structure(value: Any, t: Any) -> Any:
        if type(value) is not dict:
            raise _Invalid(f"expected a {noun} object with a 'kind', got {_describe(value)}")
        kind = value.get("kind")
        if type(kind) is str and kind in kinds:
            return dispatch(value, t)
        if "kind" not in value:
            problem: Exception = KeyError("kind")
        elif type(kind) is str:
            problem = _Invalid(f"{kind!r} is not a {noun} kind; expected one of {expected}")
        else:
            problem = _Invalid(f"expected a {noun} kind (one of {expected}), got {_describe(kind)}")
        if not detailed:
            raise problem
        note = AttributeValidationNote("@ kind", "kind", str)
        setattr(problem, "__notes__", [note])  # noqa: B010 - add_note is 3.11+
        raise ClassValidationError(f"invalid {noun}", [problem], t)

    return structure


_converters: dict[tuple[bool, bool], cattrs.Converter] = {}
_converters_lock = threading.Lock()


def converter(*, detailed: bool = False) -> cattrs.Converter:
    """One of the two converters, made on first use (it keeps ``import peelkit`` light).

    The *fast* one (the default) assumes the document is good; the *detailed* one
    reports every problem with its path. Each is made once, under a lock, with its
    hooks for the whole model generated before any thread can use it.
    """
    return _converter(detailed, counted=False)


def _converter(detailed: bool, *, counted: bool) -> cattrs.Converter:
    """A converter made once; ``counted`` is ``from_json``'s own fast one, whose hooks
    count the keys they take (:func:`_generate.keys_counted`)."""
    made = _converters.get((detailed, counted))
    if made is not None:
        return made
    with _converters_lock:
        made = _converters.get((detailed, counted))
        if made is None:
            made = _make_converter(detailed, counted)
            _register_tagged(made, detailed)
            for cl in (Assessment, Corpus):
                made.get_structure_hook(cl)
                made.get_unstructure_hook(cl)
            _converters[detailed, counted] = made
        return made


# -- errors -----------------------------------------------------------------------


def _format_exception(exc: BaseException, _type: type | None) -> str:
    if isinstance(exc, _Invalid):
        return str(exc)
    if isinstance(exc, ForbiddenExtraKeysError):
        extra = ", ".join(shown(k) for k in sorted(exc.extra_fields, key=repr))
        allowed = ", ".join(repr(a.name) for a in attrs.fields(exc.cl) if a.eq)
        noun = "key" if len(exc.extra_fields) == 1 else "keys"
        return f"unknown {noun} {extra}; expected only {allowed}"
    if isinstance(exc, KeyError):
        return "required key is missing"
    return str(exc)  # a model invariant, e.g. "months must be a positive number, not 0"


def _problems(exc: BaseException, path: str) -> list[Problem]:
    problems = []
    for line in transform_error(exc, path, _format_exception):
        message, _, where = line.rpartition(" @ ")
        problems.append(Problem(where, message))
    return problems


def _structure(
    data: Any, cl: type[_T], path: str, *, explain: bool = True, keys: list[int] | None = None
) -> tuple[_T | None, list[Problem]]:
    """Structure ``data`` as ``cl``: the fast converter first, the detailed one on failure
    (or, without ``explain``, :class:`_Doubt`).

    When the fast converter takes ``data``, the number of keys of all the dicts its
    hooks took is appended to ``keys`` (see :func:`_generate.keys_counted`).

    The cyclic garbage collector is paused meanwhile: structuring allocates many
    small objects and none of them can form a cycle, yet each collection would
    walk the whole parsed document again.
    """
    try:
        if keys is None:
            with collector_paused():
                return converter().structure(data, cl), []
        with collector_paused(), _generate.keys_counted() as counted:
            made = _converter(False, counted=True).structure(data, cl)
            keys.append(sum(counted))
            return made, []
    except Exception:
        if not explain:
            raise _Doubt from None
    try:
        return converter(detailed=True).structure(data, cl), []
    except (ClassValidationError, IterableValidationError) as exc:
        return None, _problems(exc, path)
    except (_Invalid, KeyError) as exc:
        return None, [Problem(path, _format_exception(exc, None))]


# -- public API -------------------------------------------------------------------


def _check_format(data: Mapping[str, Any], path: str) -> list[Problem]:
    if "format" not in data:
        return [Problem(f"{path}.format", f"required key is missing; expected {FORMAT!r}")]
    value = data["format"]
    if value == FORMAT:
        return []
    match = _FORMAT_RE.match(value) if type(value) is str else None
    # A version's digits are compared as text: a 5,000-digit one is still just newer.
    version = match.group(1).lstrip("0") if match else ""
    if match and (len(version) > 1 or version > "1"):
        raise ValidationError(
            [
                Problem(
                    f"{path}.format",
                    f"{shown(value)} is newer than this peelkit understands ({FORMAT!r}); "
                    "upgrade peelkit to read it",
                )
            ]
        )
    return [Problem(f"{path}.format", f"expected {FORMAT!r}, got {_describe(value)}")]


@overload
def from_dict(data: Any, *, source: str | None = None) -> Assessment | Corpus: ...
@overload
def from_dict(data: Any, cl: type[_T], *, source: str | None = None) -> _T: ...


def from_dict(data: Any, cl: type[Any] | None = None, *, source: str | None = None) -> Any:
    """Load an :class:`Assessment` or :class:`Corpus` from a ``peelkit/1`` dict.

    Which one is decided by the document (a corpus has ``assessments``) unless
    ``cl`` asks for one. Raises :class:`~peelkit.ValidationError` listing every
    problem with its path; ``source`` (a file name, say) heads its message.
    """
    try:
        if type(data) is dict:
            problems = _door_problems(data)
            if problems:
                raise ValidationError(problems)
        return _from_dict(data, cl)
    except ValidationError as error:
        if source is None:
            raise
        raise ValidationError(error.problems, source=source) from None


def _from_dict(
    data: Any, cl: type[Any] | None, *, explain: bool = True, keys: list[int] | None = None
) -> Any:
    """:func:`from_dict` after the door checks; ``keys``, if given, receives the number
    of keys of every dict in ``data`` that the fast converter took (see
    :func:`_structure`), counting ``data``'s own."""
    if type(data) is not dict:
        raise ValidationError([Problem("$", f"expected an object, got {_describe(data)}")])
    problems = _check_format(data, "$")
    is_corpus = "assessments" in data
    wanted = cl or (Corpus if is_corpus else Assessment)
    if wanted not in (Assessment, Corpus):
        raise TypeError(f"from_dict loads an Assessment or a Corpus, not {wanted!r}")
    if (wanted is Corpus) != is_corpus:
        noun = "a corpus" if wanted is Corpus else "an assessment"
        found = "a corpus" if is_corpus else "an assessment"
        raise ValidationError([Problem("$", f"expected {noun}, but the document is {found}")])
    body = {k: v for k, v in data.items() if k != "format"}
    if keys is not None:
        keys.append(len(data) - len(body))  # "format": the body's own are counted
    result, more = _structure(body, wanted, "$", explain=explain, keys=keys)
    problems.extend(more)
    if problems:
        raise ValidationError(problems)
    return result


@overload
def from_json(text: str | bytes, *, source: str | None = None) -> Assessment | Corpus: ...
@overload
def from_json(text: str | bytes, cl: type[_T], *, source: str | None = None) -> _T: ...


def from_json(text: str | bytes, cl: type[Any] | None = None, *, source: str | None = None) -> Any:
    """Load an :class:`Assessment` or :class:`Corpus` from ``peelkit/1`` JSON text.

    ``text`` may be ``str`` or UTF-8 ``bytes``. Malformed JSON and bytes that are
    not UTF-8 raise :class:`~peelkit.ValidationError` like any other problem;
    ``source`` (a file name, say) heads its message.
    """
    try:
        # Paused over parsing too: json.loads makes the same many small objects.
        with collector_paused():
            return _from_json(text, cl)
    except ValidationError as error:
        if source is None:
            raise
        raise ValidationError(error.problems, source=source) from None


def _from_json(text: str | bytes, cl: type[Any] | None) -> Any:
    text, checked = _text(text)
    loaded = _fast_load(text, checked, cl)
    if loaded is not _DOUBT:
        return loaded
    return _exact_load(text, checked, cl)


def _text(text: str | bytes) -> tuple[str, bool]:
    """The JSON text as ``str``, and whether it is known to hold no lone surrogate."""
    if isinstance(text, memoryview):
        text = text.tobytes()
    if isinstance(text, (bytes, bytearray)):
        try:
            decoded = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValidationError(
                [
                    Problem(
                        "$", f"not UTF-8 text: byte 0x{text[exc.start]:02x} at offset {exc.start}"
                    )
                ]
            ) from None
        return decoded, True  # UTF-8 holds no lone surrogate
    if type(text) is str:
        return text, False
    raise ValidationError(
        [Problem("$", f"expected JSON text (str or bytes), got {type(text).__name__}")]
    )


def _exact_load(text: str, checked: bool, cl: type[Any] | None) -> Any:
    """Load ``text`` with every door check made while parsing: the route that says
    where a problem is. It is the only route for a document in doubt."""
    try:
        data = json.loads(text, parse_int=_bounded_int, object_pairs_hook=_no_duplicates)
    except _DuplicateKey as exc:
        raise ValidationError(
            [
                Problem(
                    "$",
                    f"not valid peelkit JSON: the key {shown(exc.key)} appears twice in one object",
                )
            ]
        ) from None
    except json.JSONDecodeError as exc:
        raise ValidationError(
            [Problem("$", f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")]
        ) from None
    except RecursionError:
        raise ValidationError([Problem("$", "not valid JSON: nested too deeply")]) from None
    if _may_hold_surrogates(text, checked):
        problems = _door_problems(data)
        if problems:
            raise ValidationError(problems)
    return _from_dict(data, cl)


_DOUBT: Any = object()
"""What :func:`_fast_load` returns for a document it cannot vouch for."""
_SPACED_COLON = re.compile(r'"[ \t\n\r]+:')
_MEMBER_END = '":'
_DEFAULT_INT_DIGITS = 4300  # sys.int_info.default_max_str_digits


def _fast_load(text: str, checked: bool, cl: type[Any] | None) -> Any:
    """What :func:`_exact_load` returns for ``text``, or ``_DOUBT``; it never raises.

    It parses with a plain :func:`json.loads` (no hooks run per member or number)
    and then proves, cheaply, that the exact route's parsing checks would have found
    nothing; where it cannot, it declines and the exact route runs from the start.
    Why a result here is the exact route's result:

    - *Duplicate keys.* Every member of a JSON object is a string, optional white
      space and ``:``. A ``"`` in JSON text opens or closes a string or is escaped
      inside one, and a string *value* is never followed by ``:``. So every member
      ends, at its key's closing quote, in either ``":`` or ``"``, white space and
      ``:`` (:data:`_SPACED_COLON`); neither pattern can overlap itself or the
      other, so the number of their matches is the number of members *M* plus the
      matches that start inside a string or at its opening quote, *F* (``"a\\":b"``,
      ``":b"``). Each member adds a key to its dict
      unless it repeats one (*D* such members), so the keys of all the parsed dicts
      (*K*) are ``M - D``. *K* is summed while structuring: the fast hooks count
      each dict they take (:func:`_generate.keys_counted`), and :func:`_from_dict`
      the document's own. That is every dict, each once, in a document that is
      taken: unknown keys are refused, so each member's value is structured by
      its field's hook; a dict is taken only where a class or a tagged union
      stands (every other hook refuses one), by one hook call that counts it; and
      ``json.loads`` makes a fresh dict for each object, so none is met twice.
      (A dict missed would only make the count short, which declines: only a
      count too high could hide a duplicate, and no dict is counted twice.)
      The matches equal *K* only if ``F + D = 0``: no duplicate. Otherwise the
      exact route runs (it finds the duplicate or, for a string holding ``":``,
      loads the same document). A cheaper bound is tried
      first, the same way: every member has one ``:`` outside strings and every
      ``:`` outside strings is a member's, so ``text.count(":")`` is *M* plus the
      colons inside strings; it equals *K* only if there are none and no duplicate.
    - *Long numbers.* The exact route keeps a number of more than 15 digits as text
      (:class:`_LongNumber`), refused wherever it stands. Here ``json.loads``
      converts it, which is safe only under the interpreter's limit on digits (the
      route declines when the limit is off or raised, and a number over the limit
      raises :class:`ValueError`, which declines too). Converted, it is refused by
      the fast hooks in every field: an ``int`` field is bounded by
      :data:`~peelkit.serialise._generate.WHOLE_LIMIT`, and every other field
      refuses an ``int`` by its type (an enum is looked up by text). A refusal
      declines. So when a document is taken, it held no long number and both routes
      parsed the very same values.
    - *Lone surrogates.* The same test as the exact route, on the same strings.

    Everything after parsing is the exact route's own code (:func:`_from_dict`),
    except that a document the fast converter refuses declines instead of being
    explained.
    """
    limit = getattr(sys, "get_int_max_str_digits", lambda: 0)()
    if not 0 < limit <= _DEFAULT_INT_DIGITS:
        return _DOUBT
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):  # malformed, or a number over the limit
        return _DOUBT
    if _may_hold_surrogates(text, checked) and _door_problems(data):
        return _DOUBT
    keys: list[int] = []
    try:
        loaded = _from_dict(data, cl, explain=False, keys=keys)
    except Exception:  # the exact route raises the same, or explains the refusal
        return _DOUBT
    keys_seen = sum(keys)
    if (
        text.count(":") != keys_seen  # the cheap bound, for text without colons
        and text.count(_MEMBER_END) + len(_SPACED_COLON.findall(text)) != keys_seen
    ):
        return _DOUBT
    return loaded


def _may_hold_surrogates(text: str, checked: bool) -> bool:
    """Whether a string parsed from ``text`` may hold a lone surrogate: one is
    either in the text itself or escaped in it (``\\ud800``)."""
    # A search for one character is much quicker than for two: most text has no "\\".
    escaped = "\\" in text and "\\u" in text
    return escaped or (not checked and not text.isascii() and _has_surrogate(text))


_SLICE = 1 << 16


def _has_surrogate(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate, which UTF-8 cannot encode.

    The test is UTF-16's encoder, not UTF-8's: both refuse exactly the code points
    U+D800 to U+DFFF (a ``str`` holds a character beyond U+FFFF as one code point,
    never as a pair, so "lone" is every surrogate code point in a ``str``), and
    UTF-16's is about twice as quick on text that is mostly ASCII.
    Encoded a slice at a time: encoding 20 MB at once would allocate two bytes a
    character first, near the size of the parsed document itself. A surrogate is
    refused on its own, so where the slices are cut does not matter.
    """
    try:
        for start in range(0, len(text), _SLICE):
            text[start : start + _SLICE].encode("utf-16-le")
    except UnicodeEncodeError:
        return True
    return False


def to_dict(obj: Assessment | Corpus) -> dict[str, Any]:
    """The ``peelkit/1`` dict of an assessment or corpus; every key is written."""
    if isinstance(obj, Corpus):
        return {
            "format": FORMAT,
            "assessments": [_assessment_dict(a, with_format=False) for a in obj.assessments],
        }
    if isinstance(obj, Assessment):
        return _assessment_dict(obj, with_format=True)
    raise TypeError(f"to_dict takes an Assessment or a Corpus, not {type(obj).__name__}")


def _assessment_dict(assessment: Assessment, *, with_format: bool) -> dict[str, Any]:
    body: dict[str, Any] = converter().unstructure(assessment)
    head = {"format": FORMAT} if with_format else {}
    return {
        **head,
        "force": body["force"],
        "cycle": body["cycle"],
        "source": body["source"],
        "pillars": body["pillars"],
        "graded_areas": body["graded_areas"],
    }


def to_json(obj: Assessment | Corpus, *, indent: int | None = None) -> str:
    """``peelkit/1`` JSON text of an assessment or corpus, UTF-8 ready (not ASCII-escaped).

    The text is exactly ``json.dumps(to_dict(obj), ensure_ascii=False,
    indent=indent)``; the compact form is written directly, without the dicts.
    """
    if indent is not None:
        return json.dumps(to_dict(obj), ensure_ascii=False, indent=indent)
    if isinstance(obj, Corpus):
        return _corpus_text(obj)
    if isinstance(obj, Assessment):
        return _assessment_text(obj)
    raise TypeError(f"to_json takes an Assessment or a Corpus, not {type(obj).__name__}")


def _assessment_text(assessment: Assessment) -> str:
    """Compact JSON of one assessment, with its ``format`` key."""
    parts: list[str] = []
    _generate.encoder(Assessment)(assessment, parts.append)
    parts[0] = '{"format": "peelkit/1", ' + parts[0][1:]
    return "".join(parts)


def _corpus_text(corpus: Corpus) -> str:
    """Compact JSON of a corpus, written in pieces and joined once."""
    parts = ['{"format": "peelkit/1", "assessments": [']
    write = parts.append
    encode = _generate.encoder(Assessment)
    separator = ""
    for assessment in corpus.assessments:
        write(separator)
        encode(assessment, write)
        separator = ", "
    write("]}")
    return "".join(parts)


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the ``peelkit/1`` format, as shipped with peelkit."""
    from importlib import resources

    text = resources.files("peelkit").joinpath("schema/peelkit-1.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
