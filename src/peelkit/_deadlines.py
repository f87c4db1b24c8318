"""Deadlines in words: the one reading and writing of "within three months", "by 31
March 2019" and "immediately".

The page reader, the renderer and the query filter ``deadline=`` all read deadline
words with :func:`deadline_in`; :func:`deadline_phrase` writes them back the way a
page does, so reading and writing cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import re

from peelkit.model import By, Deadline, Immediately, Within

__all__ = ["deadline_in", "deadline_phrase"]

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "eighteen": 18,
    "twenty-four": 24,
}
_WORDS_BY_NUMBER = {number: word for word, number in _NUMBER_WORDS.items()}
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH_NUMBERS = {name.lower(): index for index, name in enumerate(_MONTHS, start=1)}
_DEADLINE = re.compile(
    r"\bwithin\s+(?P<months>\d+|[a-z]+(?:-[a-z]+)?)\s+months?\b"
    r"|\bby\s+(?P<day>\d{1,2})\s+(?P<month>" + "|".join(_MONTHS) + r")\s+(?P<year>\d{4})\b"
    r"|\b(?P<now>immediately)\b",
    re.IGNORECASE,
)


def deadline_in(text: str) -> Deadline | None:
    """The first deadline written in ``text``, or ``None``.

    "within three months" (or "within 3 months") is :class:`Within`, "by 31 March
    2019" is :class:`By`, "immediately" is :class:`Immediately`. Anything else, such
    as "by April 2016" or "within its own target time", is not a deadline.
    """
    if "ithin" not in text and "mmediately" not in text and "y " not in text:
        return None  # the cheap test first: most texts state no deadline
    for match in _DEADLINE.finditer(text):
        if match["now"] is not None:
            return Immediately()
        months = match["months"]
        if months is not None:
            # At most six ASCII digits: longer is no deadline, and never reaches int().
            digits = months.isascii() and months.isdigit()
            if digits and len(months) > 6:
                continue
            count = int(months) if digits else _NUMBER_WORDS.get(months.lower(), 0)
            if count >= 1:
                return Within(count)
            continue
        try:
            return By(
                dt.date(
                    int(match["year"]), _MONTH_NUMBERS[match["month"].lower()], int(match["day"])
                )
            )
        except ValueError:
            continue
    return None


def deadline_phrase(deadline: Deadline) -> str:
    """How a page writes ``deadline``: "within three months", "by 31 March 2019", "immediately"."""
    if isinstance(deadline, Within):
        count = _WORDS_BY_NUMBER.get(deadline.months, str(deadline.months))
        return f"within {count} month{'' if deadline.months == 1 else 's'}"
    if isinstance(deadline, By):
        date = deadline.date
        return f"by {date.day} {_MONTHS[date.month - 1]} {date.year}"
    return "immediately"
