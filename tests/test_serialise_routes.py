"""``from_json``'s two routes: the fast one takes what it can prove, the exact one the rest.

The fast route parses with a plain ``json.loads`` and vouches for a document only
when the exact route (the door checks run while parsing) would load the very same
thing; otherwise it declines. These tests hold it to that on any text, and hold it
to taking every document peelkit writes.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

import cattrs.errors
import pytest
from hypothesis import given
from hypothesis import strategies as st

import peelkit
from peelkit import Assessment, Corpus, ValidationError
from peelkit.datasets import kent_2018_effectiveness
from peelkit.serialise import _generate
from peelkit.serialise import format as fmt
from peelkit.testing import assessments, corpora

KENT = peelkit.to_dict(kent_2018_effectiveness())


def _outcome(load: Any, text: str) -> tuple[str, Any]:
    """What a load gives: the object, or the problems it reports (a crash fails)."""
    try:
        return "loaded", load(text)
    except ValidationError as error:
        return "refused", error.problems


def _exact(text: str) -> Any:
    return fmt._exact_load(text, False, None)


def _fast(text: str) -> Any:
    return fmt._fast_load(text, False, None)


def _write(node: Any, draw: Any) -> str:
    """JSON text of ``node`` with drawn layout: white space around colons, escaped or
    plain non-ASCII, and, where a dict is given as a list of pairs, repeated keys."""
    if isinstance(node, _Pairs):
        members = []
        for key, value in node.pairs:
            space = draw(st.sampled_from(["", " ", "\n\t", "\r "]))
            members.append(_write(key, draw) + space + ":" + " " + _write(value, draw))
        return "{" + ", ".join(members) + "}"
    if isinstance(node, dict):
        return _write(_Pairs(list(node.items())), draw)
    if isinstance(node, list):
        return "[" + ", ".join(_write(item, draw) for item in node) + "]"
    return json.dumps(node, ensure_ascii=draw(st.booleans()))


class _Pairs:
    """An object written member by member, so a key may appear twice."""

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        self.pairs = pairs


def _nodes(document: Any) -> list[Any]:
    found = [document]
    children = document.values() if isinstance(document, dict) else document
    if isinstance(document, (dict, list)):
        for child in children:
            found.extend(_nodes(child))
    return found


_AWKWARD = st.sampled_from(
    [
        'a": b',
        '":',
        '\\":',
        " : ",
        "\ud800",
        "\udc80x",
        "caf\u00e9",
        "\u2019",
        "\\u0041",
        "\x07",
    ]
)
_VALUES = st.one_of(
    st.integers(),
    st.sampled_from([10**15 - 1, 10**15, -(10**15) + 1, -(10**15), 10**14, -(10**14), 10**20]),
    st.text(max_size=4),
    _AWKWARD,
    st.none(),
    st.booleans(),
)


@given(st.data())
def test_the_routes_agree_on_any_text(data: st.DataObject) -> None:
    # A good document, changed at one place: a value replaced, a key repeated or a
    # string made awkward; then written with a drawn layout.
    document: Any = json.loads(json.dumps(KENT))
    nodes = [n for n in _nodes(document) if isinstance(n, dict) and n]
    node = data.draw(st.sampled_from(nodes))
    key = data.draw(st.sampled_from(sorted(node)))
    change = data.draw(st.sampled_from(["value", "repeat", "none"]))
    if change == "value":
        node[key] = data.draw(_VALUES)
    text_document: Any = document
    if change == "repeat":
        pairs = list(node.items())
        pairs.insert(data.draw(st.integers(0, len(pairs))), (key, data.draw(_VALUES)))
        repeated = _Pairs(pairs)

        def swap(tree: Any) -> Any:
            if tree is node:
                return repeated
            if isinstance(tree, dict):
                return {k: swap(v) for k, v in tree.items()}
            if isinstance(tree, list):
                return [swap(v) for v in tree]
            return tree

        text_document = swap(document)
    text = _write(text_document, data.draw)
    exact = _outcome(_exact, text)
    public = _outcome(peelkit.from_json, text)
    assert public == exact
    fast = _fast(text)
    if fast is not fmt._DOUBT:
        assert exact == ("loaded", fast)
    if change == "repeat":
        assert fast is fmt._DOUBT
        assert exact[0] == "refused"
        assert "appears twice in one object" in exact[1][0].message


@given(st.one_of(assessments(), corpora()), st.sampled_from([None, 2]))
def test_the_fast_route_takes_every_document_peelkit_writes(
    obj: Assessment | Corpus, indent: int | None
) -> None:
    # The exact route is for doubt: a document peelkit wrote is never in doubt,
    # unless a string in it looks like a key's end (it starts with ':' or holds '":').
    text = peelkit.to_json(obj, indent=indent)
    fast = _fast(text)
    if fast is fmt._DOUBT:
        assert any(_KEYLIKE.search(s) for s in _strings(json.loads(text)))
    else:
        assert fast == obj == _exact(text)


def _keys_of_every_dict(node: Any) -> int:
    if isinstance(node, dict):
        return len(node) + sum(_keys_of_every_dict(v) for v in node.values())
    if isinstance(node, list):
        return sum(_keys_of_every_dict(v) for v in node)
    return 0


@given(st.one_of(assessments(), corpora()), st.data())
def test_structuring_counts_the_keys_of_every_dict_once(
    obj: Assessment | Corpus, data: st.DataObject
) -> None:
    # The fast route's duplicate-key proof needs the exact sum, with keys left out too.
    plain = peelkit.to_dict(obj)
    dicts: list[dict[str, Any]] = []
    stack: list[Any] = [plain]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            dicts.append(node)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    for made in dicts[1:]:  # a key at its default may be left out (not the document's)
        for key, value in list(made.items()):
            if value == [] and data.draw(st.booleans()):
                del made[key]
    keys: list[int] = []
    assert fmt._from_dict(plain, None, explain=False, keys=keys) == obj
    assert sum(keys) == _keys_of_every_dict(plain)


def test_the_public_fast_converter_counts_nothing() -> None:
    # Only from_json's own converter counts keys, inside its lock: calling the public
    # one directly (from any thread) neither grows the shared count nor skews one.
    document = {k: v for k, v in KENT.items() if k != "format"}
    with _generate.keys_counted() as counted:
        assert fmt.converter().structure(document, Assessment) == peelkit.from_dict(KENT)
        assert counted == []
        fmt._converter(False, counted=True).structure(document, Assessment)
        assert sum(counted) == _keys_of_every_dict(document)


_KEYLIKE = re.compile(r'(\A|")[ \t\n\r]*:')


def _strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in (k, *_strings(v))]
    if isinstance(node, list):
        return [s for item in node for s in _strings(item)]
    return []


def _kent_text(**changes: Any) -> str:
    document = json.loads(json.dumps(KENT))
    document.update(changes)
    return json.dumps(document, ensure_ascii=False)


class TestTheFastRouteDeclines:
    def test_a_repeated_key(self) -> None:
        text = '{"force": "Kent", ' + _kent_text()[1:]
        assert _fast(text) is fmt._DOUBT
        with pytest.raises(ValidationError, match="the key 'force' appears twice"):
            peelkit.from_json(text)

    def test_a_string_that_looks_like_the_end_of_a_key(self) -> None:
        # The route cannot tell its '":' from a member's, so it declines; the exact
        # route loads the document all the same.
        text = _kent_text(force='Kent": ')
        assert _fast(text) is fmt._DOUBT
        assert peelkit.from_json(text).force == 'Kent": '  # type: ignore[union-attr]

    def test_a_number_of_sixteen_digits_in_a_whole_number_field(self) -> None:
        text = _kent_text().replace('"months": 3', '"months": 1000000000000000', 1)
        assert '"months": 1000000000000000' in text
        assert _fast(text) is fmt._DOUBT
        with pytest.raises(ValidationError, match="a number of 16 digits"):
            peelkit.from_json(text)

    def test_a_number_over_the_interpreters_limit(self) -> None:
        text = _kent_text().replace('"months": 3', '"months": ' + "9" * 5000, 1)
        assert _fast(text) is fmt._DOUBT
        with pytest.raises(ValidationError, match="a number of 5,000 digits"):
            peelkit.from_json(text)

    def test_when_the_interpreters_limit_on_digits_is_off(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        text = _kent_text()
        assert _fast(text) == peelkit.from_dict(KENT)
        monkeypatch.setattr(sys, "get_int_max_str_digits", lambda: 0, raising=False)
        assert _fast(text) is fmt._DOUBT
        assert peelkit.from_json(text) == peelkit.from_dict(KENT)

    def test_an_escaped_lone_surrogate(self) -> None:
        text = _kent_text().replace('"Kent"', '"Kent\\udc80"', 1)
        assert _fast(text) is fmt._DOUBT
        with pytest.raises(ValidationError, match="lone surrogate"):
            peelkit.from_json(text)

    def test_a_lone_surrogate_in_the_text(self) -> None:
        text = _kent_text(force="Kent\udc80")
        assert _fast(text) is fmt._DOUBT
        with pytest.raises(ValidationError, match="lone surrogate"):
            peelkit.from_json(text)


def test_a_colon_in_text_is_no_doubt() -> None:
    # The cheap bound (every colon) fails on a web address; the exact one holds.
    text = _kent_text(source="https://example.org/kent")
    assert _fast(text) == peelkit.from_json(text)
    assert _fast(text) is not fmt._DOUBT


def test_spaced_colons_are_members_too() -> None:
    text = _kent_text().replace('"force":', '"force" \n:', 1)
    assert '"force" \n:' in text
    assert _fast(text) == peelkit.from_dict(KENT)
    repeated = '{"force" : "Kent", ' + text[1:]
    assert _fast(repeated) is fmt._DOUBT


def test_a_negative_number_of_fifteen_digits_is_a_number() -> None:
    # The sign is not a digit: the bound is the model's, |n| < 10**15.
    text = _kent_text().replace('"months": 3', '"months": -999999999999999', 1)
    with pytest.raises(ValidationError, match="months must be a positive number"):
        peelkit.from_json(text)


@given(
    st.lists(st.integers(0, 3 * fmt._SLICE), max_size=2),
    st.sampled_from(["\ud800", "\udfff", "\u2019", "\U0001f600"]),
)
def test_surrogates_are_found_wherever_the_slices_are_cut(
    places: list[int], character: str
) -> None:
    text = list("caf\u00e9 " * (3 * fmt._SLICE // 5 + 1))
    for place in places:
        text[place] = character
    joined = "".join(text)
    try:
        joined.encode("utf-8")
    except UnicodeEncodeError:
        whole = True
    else:
        whole = False
    assert whole == (bool(places) and character in ("\ud800", "\udfff"))
    assert fmt._has_surrogate(joined) == whole


def test_the_surrogate_test_refuses_what_utf8_refuses_on_every_code_point() -> None:
    # _has_surrogate encodes as UTF-16; the exact route's door check encodes as UTF-8.
    def refused(character: str, encoding: str) -> bool:
        try:
            character.encode(encoding)
        except UnicodeEncodeError:
            return True
        return False

    differing = [
        code
        for code in range(sys.maxunicode + 1)
        if refused(chr(code), "utf-8") != fmt._has_surrogate(chr(code))
    ]
    assert differing == []
    assert fmt._has_surrogate("\ud800")
    assert not fmt._has_surrogate("\U0001f600")


def _places(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, (dict, list)):
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            found.extend(_places(value, (*prefix, key)))
    return found


@pytest.mark.parametrize("number", [10**15, -(10**15), 10**40])
@pytest.mark.parametrize("place", _places({k: v for k, v in KENT.items() if k != "format"}))
def test_the_fast_hooks_take_no_long_number_wherever_it_stands(
    place: tuple[Any, ...], number: int
) -> None:
    # What the fast route relies on: json.loads converts a long number, and the
    # fast converter refuses it in every field, of any type.
    document = json.loads(json.dumps({k: v for k, v in KENT.items() if k != "format"}))
    node = document
    for part in place[:-1]:
        node = node[part]
    node[place[-1]] = number
    try:
        taken = fmt.converter().structure(document, Assessment)
    except Exception:  # any refusal will do: the detailed converter explains it
        taken = None
    assert taken is None
    with pytest.raises(cattrs.errors.BaseValidationError):
        fmt.converter(detailed=True).structure(document, Assessment)
