"""``Corpus.merged()``: one pass that gives what merging one by one gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from peelkit import Assessment, Corpus, Cycle, Grade, Judgment, Pillar, PillarAssessment


def merged_one_by_one(corpus: Corpus) -> Corpus:
    """The definition: each assessment joins the first version of its force and cycle
    that, with it, holds no pillar twice; otherwise it starts a version."""
    groups: dict[tuple[str, object], list[Assessment]] = {}
    for assessment in corpus:
        versions = groups.setdefault((assessment.force, assessment.cycle), [])
        for index, version in enumerate(versions):
            pillars = [p.pillar for a in (version, assessment) for p in a.pillars]
            if len(pillars) == len(set(pillars)):
                versions[index] = version.merge(assessment)
                break
        else:
            versions.append(assessment)
    return Corpus([version for versions in groups.values() for version in versions])


@st.composite
def _corpora(draw: st.DrawFn) -> Corpus:
    """Small corpora of few forces and cycles, with pillars that often repeat."""
    items = []
    for _ in range(draw(st.integers(min_value=0, max_value=12))):
        pillars = draw(
            st.lists(
                st.sampled_from([Pillar.EFFECTIVENESS, Pillar.EFFICIENCY, Pillar.LEGITIMACY]),
                max_size=3,
            )
        )
        grades = st.sampled_from([None, *Grade])
        made = [
            PillarAssessment(pillar, judgment=Judgment(grade=draw(grades))) for pillar in pillars
        ]
        items.append(
            Assessment(
                force=draw(st.sampled_from(["Kent", "Essex"])),
                cycle=draw(st.sampled_from([Cycle.PEEL_2017, Cycle.PEEL_2018_19])),
                pillars=tuple(made),
                source=draw(st.sampled_from([None, "a.txt", "b.txt"])),
            )
        )
    return Corpus(items)


@given(_corpora())
def test_merged_is_merging_one_by_one(corpus: Corpus) -> None:
    assert corpus.merged() == merged_one_by_one(corpus)


def test_a_version_repeating_a_pillar_takes_no_other_part() -> None:
    one = PillarAssessment(Pillar.EFFECTIVENESS)
    other = PillarAssessment(Pillar.EFFICIENCY)
    twice = Assessment(force="Kent", cycle=Cycle.PEEL_2017, pillars=(one, one))
    alone = Assessment(force="Kent", cycle=Cycle.PEEL_2017, pillars=(other,))
    assert Corpus([twice, alone]).merged() == Corpus([twice, alone])
