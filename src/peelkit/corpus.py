"""The :class:`Corpus`: an immutable, ordered collection of assessments.

A corpus keeps every assessment it is given, in order: it never drops, dedupes or
silently merges data. Two versions of the same force, cycle and pillar are two
entries, and validation says whether they disagree.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Literal, overload

import attrs

from peelkit import _index, query
from peelkit._html import corpus_html
from peelkit.errors import MissingError, _raised_here
from peelkit.forces import Force, force_key
from peelkit.model import Assessment, Cycle
from peelkit.query import FilterError, Index, Rows, _force_filter, _ForceProbe, _member
from peelkit.tables import Categories
from peelkit.text import plural

__all__ = ["TABLES", "Corpus"]

Table = Literal["judgments", "areas_for_improvement", "areas"]
"""The tables by name; ``areas`` is short for ``areas_for_improvement``."""

TABLES: tuple[str, ...] = ("judgments", "areas_for_improvement", "areas")


def _assessments(items: Iterable[Assessment]) -> tuple[Assessment, ...]:
    return items if type(items) is tuple else tuple(items)


@attrs.frozen
class Corpus(Sequence[Assessment]):
    """Many assessments, in the order given; a read-only sequence of :class:`Assessment`.

    The query methods (:meth:`judgments`, :meth:`areas_for_improvement`,
    :meth:`history`, :meth:`compare`) answer from an index built on the first
    query and kept with the corpus; building a corpus costs nothing more.
    """

    assessments: tuple[Assessment, ...] = attrs.field(default=(), converter=_assessments)
    _index: Index | None = attrs.field(default=None, init=False, eq=False, repr=False)

    def __len__(self) -> int:
        return len(self.assessments)

    def __iter__(self) -> Iterator[Assessment]:
        return iter(self.assessments)

    @overload
    def __getitem__(self, index: int) -> Assessment: ...

    @overload
    def __getitem__(self, index: slice) -> Corpus: ...

    def __getitem__(self, index: int | slice) -> Assessment | Corpus:
        if isinstance(index, slice):
            return Corpus(self.assessments[index])
        return self.assessments[index]

    def __repr__(self) -> str:
        count = len(self.assessments)
        if not count:
            return f"Corpus({plural(0, 'assessment')})"
        forces = len({force_key(assessment.force) for assessment in self.assessments})
        cycles = sorted({assessment.cycle for assessment in self.assessments})
        span = str(cycles[0]) if len(cycles) == 1 else f"{cycles[0]}–{cycles[-1]}"
        return f"Corpus({plural(count, 'assessment')}: {plural(forces, 'force')}, {span})"

    def _repr_html_(self) -> str:
        return corpus_html(repr(self), self.grid() if self.assessments else None)

    @property
    def query_index(self) -> Index:
        """The corpus's one index: every judgment and area for improvement as rows, and
        its pillars for following chains; built once, on first use, however many
        threads ask at once."""
        return _index.of(self, self.assessments)

    # The queries are the corpus's methods as they are: a function in a class body is
    # a method, so ``corpus.judgments(...)`` calls ``query.judgments(corpus, ...)`` with
    # the query's own signature, docstring and error handling (and help(), Sphinx and
    # mypy see them), and nothing restates them here.
    judgments = query.judgments
    areas_for_improvement = query.areas_for_improvement
    history = query.history
    compare = query.compare
    coverage = query.coverage
    grid = query.grid

    @_raised_here
    def assessment(self, force: object, cycle: object) -> Assessment:
        """The assessment of ``force`` (any alias) in ``cycle`` (any spelling: ``2017``,
        ``"2018/19"``), its versions merged as :meth:`merged` merges them.

        Raises :class:`~peelkit.MissingError` naming the cycles the corpus holds for
        the force, or a :class:`~peelkit.FilterError` for a force or cycle that is
        none.
        """
        name = _force_filter(force, self.query_index.knows_force)
        wanted = _member(Cycle, "cycle", cycle)
        mine = [a for a in self.assessments if name.test(_ForceProbe(force_key(a.force)))]
        found = [a for a in mine if a.cycle is wanted]
        shown = force.short_name if isinstance(force, Force) else force_key(str(force))
        if not found:
            cycles = sorted({a.cycle for a in mine})
            held = (
                f"{shown} has {', '.join(str(c) for c in cycles)}"
                if cycles
                else f"the corpus holds no assessment of {shown}"
            )
            raise MissingError(f"no assessment for {shown} in {wanted}; {held}")
        merged = Corpus(found).merged()
        return merged[0]

    @_raised_here
    def to_csv(self, path: str | os.PathLike[str], table: Table = "judgments") -> None:
        """Write one of the tables as CSV to ``path``, atomically; see ``docs/tables.md``."""
        self.table(table).to_csv(path)

    @_raised_here
    def to_frame(self, table: Table = "judgments", *, categories: Categories = "present") -> Any:
        """One of the tables as a pandas DataFrame (needs the ``dataframe`` extra);
        ``categories`` as for :func:`peelkit.tables.to_frame`."""
        return self.table(table).to_frame(categories=categories)

    @_raised_here
    def to_arrow(self, table: Table = "judgments") -> Any:
        """One of the tables as a ``pyarrow.Table`` (needs the ``arrow`` extra)."""
        return self.table(table).to_arrow()

    @_raised_here
    def to_parquet(self, path: str | os.PathLike[str], table: Table = "judgments") -> None:
        """Write one of the tables as Parquet to ``path``, atomically (needs the ``arrow``
        extra); see ``docs/tables.md``."""
        self.table(table).to_parquet(path)

    @_raised_here
    def to_polars(self, table: Table = "judgments") -> Any:
        """One of the tables as a ``polars.DataFrame`` (needs the ``polars`` extra)."""
        return self.table(table).to_polars()

    def table(self, table: str) -> Rows[Any]:
        """A whole table by name: ``judgments``, ``areas_for_improvement`` or ``areas``."""
        if table == "judgments":
            return self.judgments()
        if table in ("areas_for_improvement", "areas"):
            return self.areas_for_improvement()
        raise FilterError(
            f"{table!r} is not a table; expected 'judgments' or 'areas_for_improvement' "
            "(or 'areas')"
        )

    _table = table  # the name it had when private

    def merged(self) -> Corpus:
        """The assessments with those of one force and cycle combined where they can be.

        Assessments of the same force and cycle are merged, in order, into one
        holding all their pillars. An assessment that repeats a pillar already
        taken starts a new assessment of that force and cycle instead: two versions
        of one pillar are both kept, never dropped (validation says whether they
        disagree).
        """
        groups: dict[tuple[str, object], _Versions] = {}
        for assessment in self.assessments:
            key = (assessment.force, assessment.cycle)
            versions = groups.get(key)
            if versions is None:
                versions = groups[key] = _Versions()
            versions.add(assessment)
        return Corpus([_merge(parts) for versions in groups.values() for parts in versions.parts])


class _Versions:
    """The versions of one force and cycle so far: the parts of each, and the pillars
    it holds. An assessment joins the first version holding none of its pillars.

    ``free[p]`` is the first version not holding pillar ``p``; versions only gain
    pillars, so it only moves forward, and finding a version costs no rescan.
    """

    __slots__ = ("free", "parts", "taken")

    def __init__(self) -> None:
        self.parts: list[list[Assessment]] = []
        self.taken: list[set[object] | None] = []  # None: closed to others
        self.free: dict[object, int] = {}

    def add(self, assessment: Assessment) -> None:
        pillars = [pillar.pillar for pillar in assessment.pillars]
        if len(set(pillars)) != len(pillars):  # repeats a pillar itself: stands alone
            self.parts.append([assessment])
            self.taken.append(None)
            return
        at = max((self.free.get(p, 0) for p in pillars), default=0)
        while at < len(self.taken) and not _open_to(self.taken[at], pillars):
            at += 1
        if at == len(self.taken):
            self.parts.append([assessment])
            self.taken.append(set(pillars))
        else:
            self.parts[at].append(assessment)
            self.taken[at].update(pillars)  # type: ignore[union-attr]  # open, so a set
        for p in pillars:
            free = self.free.get(p, 0)
            while free < len(self.taken) and not _open_to(self.taken[free], [p]):
                free += 1
            self.free[p] = free


def _merge(parts: list[Assessment]) -> Assessment:
    """The parts of one version merged, in order (as one by one, as before)."""
    merged = parts[0]
    for part in parts[1:]:
        merged = merged.merge(part)
    return merged


def _open_to(taken: set[object] | None, pillars: Sequence[object]) -> bool:
    return taken is not None and taken.isdisjoint(pillars)
