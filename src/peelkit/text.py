"""Text folding (the one form in which published words are compared) and plurals.

Pages, spreadsheets and users write the same words with different quotes, dashes,
spaces and case; :func:`fold` maps them all to one form. Every comparison of
published wording in peelkit (grades, cycles, pillars, framework questions, force
names, the ``contains`` filter) goes through it.
"""

from __future__ import annotations

__all__ = ["UNKNOWN", "fold", "plural"]

UNKNOWN = "unknown"
"""The one word for a value peelkit has no source for, wherever it is shown."""

_EQUIVALENTS = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "‛": "'",
        "′": "'",
        "`": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "″": '"',
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "−": "-",
        "…": "...",
    }
)


def fold(text: str) -> str:
    """Return ``text`` in the form in which published wordings are compared.

    Typographic and straight quotes are made the same (’ and ' match, so do “ and "),
    dashes become hyphens, an ellipsis character becomes three full stops, runs of
    white space (including non-breaking spaces) become one space, the ends are
    trimmed and the result is case-folded. Nothing else changes: words and other
    punctuation must match.

    >>> fold("  How effective are the FORCE’s\\u00a0specialist capabilities? ")
    "how effective are the force's specialist capabilities?"
    """
    # In ASCII text only the backtick has an equivalent; translating is the slow part.
    same = text.replace("`", "'") if text.isascii() else text.translate(_EQUIVALENTS)
    # split() breaks at runs of white space (what the regex \s matches) and drops the ends.
    return " ".join(same.split()).casefold()


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``count`` and the noun, singular for one: the one way peelkit counts in words.

    >>> plural(1, "force"), plural(43, "force"), plural(0, "assessment")
    ('1 force', '43 forces', '0 assessments')
    """
    word = noun if count == 1 else (nouns or f"{noun}s")
    return f"{count:,} {word}"
