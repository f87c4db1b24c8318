"""The :class:`Corpus`: an immutable, ordered collection of assessments.

A corpus keeps every assessment it is given, in order: it never drops, dedupes or
silently merges data. Two versions of the same force, cycle and pillar are two
entries, and validation says whether they disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import overload

import attrs

from peelkit.model import Assessment

__all__ = ["Corpus"]


def _assessments(items: Iterable[Assessment]) -> tuple[Assessment, ...]:
    return items if type(items) is tuple else tuple(items)


@attrs.frozen
class Corpus(Sequence[Assessment]):
    """Many assessments, in the order given; a read-only sequence of :class:`Assessment`."""

    assessments: tuple[Assessment, ...] = attrs.field(default=(), converter=_assessments)

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

    def merged(self) -> Corpus:
        """The assessments with those of one force and cycle combined where they can be.

        Assessments of the same force and cycle are merged, in order, into one
        holding all their pillars. An assessment that repeats a pillar already
        taken starts a new assessment of that force and cycle instead: two versions
        of one pillar are both kept, never dropped (validation says whether they
        disagree).
        """
        groups: dict[tuple[str, object], list[Assessment]] = {}
        for assessment in self.assessments:
            versions = groups.setdefault((assessment.force, assessment.cycle), [])
            for index, version in enumerate(versions):
                if _pillars_distinct(version, assessment):
                    versions[index] = version.merge(assessment)
                    break
            else:
                versions.append(assessment)
        return Corpus([version for versions in groups.values() for version in versions])


def _pillars_distinct(*assessments: Assessment) -> bool:
    pillars = [pillar.pillar for assessment in assessments for pillar in assessment.pillars]
    return len(pillars) == len(set(pillars))
