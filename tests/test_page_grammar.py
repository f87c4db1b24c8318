"""The page grammar's matchers: linear on any line, and the same answers as before.

The patterns that backtracked (issue 14) are kept here as the oracle: on ordinary
lines the rewritten matchers must agree with them. No test here times anything: the
shape of the work is checked instead (no pattern on the parse path holds an unbounded
run that a later part must backtrack into, a title is refused by its length before
any matching), and ``benchmarks/bench_parse.py --hostile`` reports the growth.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peelkit import Cycle, parse_report
from peelkit.page import grammar

# -- the oracle: the patterns as they were ------------------------------------------------

OLD_TITLE = re.compile(r"(?P<force>\S.*?)\s+PEEL\s+(?P<year>\S+)\Z")
OLD_FROM_YEAR = re.compile(r"\bfrom\b[^.]*?\b(\d{4}(?:/\d{2})?)\b", re.IGNORECASE)
OLD_AFI_LEAD_IN = re.compile(r"\b(?:areas? for improvement|AFIs?)\b.*\bremain", re.IGNORECASE)


def old_title_parts(line: str) -> tuple[str, str, int, int] | None:
    match = OLD_TITLE.match(line)
    if match is None:
        return None
    return match["force"], match["year"], match.start("force"), match.start("year")


# Lines made of the words these matchers look for, the white space that made them
# backtrack, and a little else.
WORDS = st.sampled_from(
    [
        "PEEL",
        "Kent",
        "Avon and Somerset",
        "2017",
        "2018",
        "2017/18",
        "2015/1",
        "20171",
        "from",
        "From",
        "fromage",
        "carried over",
        "judgment",
        "inspection",
        "efficiency",
        "AFI",
        "AFIs",
        "area for improvement",
        "areas for improvement",
        "remain",
        "remains",
        "remained",
        ".",
        ":",
        "x",
    ]
)
GAPS = st.sampled_from([" ", "  ", "\t", " \t", "\u00a0", "", "."])


@st.composite
def ordinary_lines(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(WORDS, GAPS), max_size=12))
    return "".join(word + gap for word, gap in parts)


@given(ordinary_lines())
def test_a_title_is_read_as_the_old_pattern_read_it(line: str) -> None:
    assert grammar.title_parts(line) == old_title_parts(line)
    assert grammar.is_title(line) is (OLD_TITLE.match(line) is not None)


@given(ordinary_lines())
def test_the_year_after_from_is_the_old_patterns(line: str) -> None:
    new = grammar._from_year(line)
    old = OLD_FROM_YEAR.search(line)
    assert (new and (new[1], new.end())) == (old and (old[1], old.end()))


@given(ordinary_lines())
def test_an_afi_lead_in_is_what_the_old_pattern_found(line: str) -> None:
    assert grammar.afi_lead_in(line) is (
        "emain" in line and OLD_AFI_LEAD_IN.search(line) is not None
    )


@given(ordinary_lines(), st.sampled_from(list(Cycle)))
def test_a_carried_over_sentence_reads_as_before(line: str, cycle: Cycle) -> None:
    sentence = f"Our judgment has been carried over {line}"
    found = OLD_FROM_YEAR.search(sentence)
    carried = grammar.carried_over(sentence, cycle)
    if found is not None:
        source = grammar.cycle_from_year(found[1])
        assert (carried and carried[0]) == source
    else:
        assert carried is None or carried[0] == grammar.previous_cycle(cycle)


def test_real_titles_are_titles() -> None:
    assert grammar.title_parts("Kent PEEL 2018") == ("Kent", "2018", 0, 10)
    assert grammar.title_parts("Avon and Somerset  PEEL\t2018/19") == (
        "Avon and Somerset",
        "2018/19",
        0,
        24,
    )
    assert grammar.title_parts("PEEL 2018") is None
    assert grammar.title_parts(" Kent PEEL 2018") is None


# -- the shape of the work ----------------------------------------------------------------

# A run of almost anything (``.*``, ``[^.]*``) or a lazy run (``*?``, ``+?``): whatever
# follows it, the engine tries every length of the run at every start, which is what
# made lines quadratic. Runs of one class followed by a disjoint one (``\s+PEEL``, a
# space run then a word) fail at once and stay.
_BACKTRACKING_RUN = re.compile(r"\.[*+]|[*+]\?|\[\^[^\]]*\][*+]")


def parse_path_patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [
        (name, value)
        for name, value in vars(grammar).items()
        if isinstance(value, re.Pattern) and isinstance(value.pattern, str)
    ]


def test_the_lint_catches_the_old_patterns() -> None:
    for old in (OLD_TITLE, OLD_FROM_YEAR, OLD_AFI_LEAD_IN):
        assert _BACKTRACKING_RUN.search(old.pattern), old.pattern


@pytest.mark.parametrize(("name", "pattern"), parse_path_patterns())
def test_no_pattern_on_the_parse_path_backtracks_over_a_run(
    name: str, pattern: re.Pattern[str]
) -> None:
    assert _BACKTRACKING_RUN.search(pattern.pattern) is None, f"{name}: {pattern.pattern}"


def test_a_line_longer_than_any_title_is_not_one() -> None:
    line = "a" + " " * grammar._TITLE_MAX + "b PEEL 2018"
    assert grammar.title_parts(line) is None
    assert grammar.classify(line) == (grammar.PROSE, None)
    assert old_title_parts(line) is not None  # the old pattern took it, quadratically


HEAD = (
    "Kent PEEL 2018\nEffectiveness\n"
    "How effectively does the force reduce crime and keep people safe?\n"
    "How effective is the force at investigating crime and reducing re-offending?\n"
)


@pytest.mark.parametrize(
    "line",
    [
        "a" + " " * 40_000 + "b PEEL 2018",
        "x" + " \t" * 20_000 + " PEEL x",
        "Our judgment has been carried over " + "from " * 8_000,
        "remain " + "AFI " * 10_000,
    ],
    ids=["title", "space/tab pairs", "from", "remain AFI"],
)
def test_a_hostile_line_is_read_as_prose(line: str) -> None:
    parsed = parse_report(HEAD + line + "\n")
    assert parsed.pillars[0].questions[0].summary == (line.strip(),)


# -- the reader's fast path says what classify says ---------------------------------------

LINE_PARTS = st.sampled_from(
    ["-", "•", " ", "\t", "L", "d", "2", "0", "Good", "Kent", " PEEL ", "x"]
)


@given(st.one_of(ordinary_lines(), st.lists(LINE_PARTS, min_size=1).map("".join), st.text()))
def test_the_readers_shortcuts_agree_with_classify(text: str) -> None:
    line = text.strip()
    if not line:
        return
    kind = grammar.classify(line)
    first = line[0]
    if first in grammar.BULLET_MARKS and len(line) > 1 and line[1].isspace():
        assert kind == (grammar.BULLET, line[2:].lstrip())
    elif (
        first not in grammar.MARKED_FIRST
        and len(line) > grammar.EXACT_LONGEST
        and " PEEL " not in line
    ):
        assert kind == (grammar.PROSE, None)
    fixed = grammar.FIXED_PHRASES.get(line.lower())
    if fixed is not None and len(line) <= grammar.EXACT_LONGEST:
        assert kind == fixed


# -- string searches first: the same answers as the case-blind patterns alone --------------

# Letters whose case the patterns fold in ways ``str.lower`` does not keep in place: the
# Kelvin sign, the long s, a dotted capital I (it lowers to two characters).
ODD_CASE = st.sampled_from(["K", "ſ", "İ", "ı", "FROM", "From", "fRoM", "STILL STANDS", "Grade"])
CASE_LINES = st.one_of(
    ordinary_lines(),
    st.lists(st.one_of(WORDS, GAPS, ODD_CASE), max_size=12).map("".join),
    st.text(),
)


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (grammar._CARRIED, grammar._CARRIED_WORDS),
        (grammar._ABOUT_JUDGMENT, grammar._ABOUT_JUDGMENT_WORDS),
        (grammar._LAST_YEAR, ("last year",)),
    ],
    ids=["carried over", "about a judgment", "last year"],
)
@given(line=CASE_LINES)
def test_a_pattern_is_found_where_its_search_finds_it(
    pattern: re.Pattern[str], words: tuple[str, ...], line: str
) -> None:
    assert grammar._found(pattern, line, words) is (pattern.search(line) is not None)


def searched_from_year(line: str) -> tuple[int, int] | None:
    """The year after ``from`` as found by searching with the case-blind pattern alone."""
    start = 0
    while (word := grammar._FROM.search(line, start)) is not None:
        end = line.find(".", word.end())
        end = len(line) if end < 0 else end
        year = grammar._YEAR.search(line, word.end(), end)
        if year is not None:
            return year.span()
        start = end
    return None


@given(CASE_LINES)
def test_the_from_words_are_found_as_the_pattern_finds_them(line: str) -> None:
    found = grammar._from_year(line)
    assert (found and found.span()) == searched_from_year(line)


# -- whole lines looked up: the same values as their patterns read -------------------------


def test_lone_numbers_and_detailed_findings_read_as_their_patterns_read_them() -> None:
    looked_up = {
        phrase: found
        for phrase, found in grammar.FIXED_PHRASES.items()
        if found[0] in (grammar.NUMBER, grammar.DETAILED_FINDINGS)
    }
    assert len(looked_up) == 99 + 99 + 1
    for phrase, (kind, value) in looked_up.items():
        if kind == grammar.NUMBER:
            assert grammar._NUMBER.match(phrase) is not None
            assert value == int(phrase)
        else:
            match = grammar._DETAILED.match(phrase)
            assert match is not None
            assert value == (None if match[1] is None else int(match[1]))
        assert grammar.classify(phrase.upper()) == (kind, value)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("05", (grammar.PROSE, None)),
        ("100", (grammar.PROSE, None)),
        ("1٣", (grammar.NUMBER, 13)),  # another script's digit: the pattern reads it
        ("Detailed findings for question 1٣", (grammar.DETAILED_FINDINGS, 13)),
        ("Detailed findings for question ٣", (grammar.PROSE, None)),
        ("Detailed findings for question 0", (grammar.PROSE, None)),
        ("Detailed  findings", (grammar.PROSE, None)),
    ],
)
def test_other_spellings_still_reach_the_patterns(line: str, expected: tuple[int, object]) -> None:
    assert grammar.classify(line) == expected
