"""peelkit.load: files and folders, told apart by content, with progress."""

from __future__ import annotations

from pathlib import Path

import attrs

import peelkit
from peelkit.datasets import kent_2018_effectiveness


def test_a_folder_of_json_and_pages_loads_as_one_merged_corpus(tmp_path: Path) -> None:
    kent = kent_2018_effectiveness()
    (tmp_path / "kent.json").write_text(peelkit.to_json(kent), "utf-8")
    (tmp_path / "notes.md").write_text("not read: neither .json nor .txt", "utf-8")
    essex = peelkit.Assessment(
        "Essex", peelkit.Cycle.PEEL_2017, [peelkit.PillarAssessment(peelkit.Pillar.EFFICIENCY)]
    )
    page = peelkit.render_report(essex)
    (tmp_path / "essex.txt").write_text(page, "utf-8")
    corpus = peelkit.load(tmp_path)
    # Files in name order; a page keeps the file it came from as its source.
    assert list(corpus) == [attrs.evolve(essex, source=str(tmp_path / "essex.txt")), kent]


def test_progress_is_reported_after_each_file(tmp_path: Path) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.json").write_text(peelkit.to_json(kent_2018_effectiveness()), "utf-8")
    seen: list[tuple[int, int]] = []
    corpus = peelkit.load(tmp_path, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert len(corpus) == 3  # three versions of one pillar are all kept
