"""Notebook HTML fits a laptop screen and reads whole: default columns, wrapping,
full text on hover, sources as links, grid headings and a legend of cell states."""

from __future__ import annotations

import re
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from peelkit import Corpus, FilterError, JudgmentRow, Rows
from peelkit._html import LEGEND, SHOWN_COLUMNS
from peelkit.datasets import load_bundled
from peelkit.rows import Grid


@pytest.fixture(scope="module")
def bundled() -> Corpus:
    return load_bundled()


def _one(bundled: Corpus, **changes: Any) -> Rows[JudgmentRow]:
    row = bundled.judgments(force="Kent", cycle="2018/19")[0]
    return Rows(JudgmentRow, (attrs.evolve(row, **changes),))


def _heads(html: str) -> list[str]:
    return re.findall(r"<th[^>]*>([^<]*)</th>", html)


def test_judgments_show_the_default_columns_and_say_what_is_hidden(bundled: Corpus) -> None:
    rows = bundled.judgments(force="Kent", cycle="2018/19")
    html = rows._repr_html_()
    assert _heads(html) == [
        "force",
        "cycle",
        "pillar",
        "Q",
        "question",
        "grade",
        "provenance",
        "resolved grade",
        "source",
    ]
    assert len(_heads(html)) < len(rows.columns)
    assert f"9 of {len(rows.columns)} columns shown" in html
    assert "last_updated" in html


def test_every_column_on_request_and_named_columns(bundled: Corpus) -> None:
    rows = bundled.judgments(force="Kent", cycle="2018/19")
    assert len(_heads(rows.to_html(columns="all"))) == len(rows.columns)
    assert _heads(rows.to_html(columns=["force", "grade"])) == ["force", "grade"]
    with pytest.raises(FilterError, match=r"no column 'grades'.*expected 'all' or some of force"):
        rows.to_html(columns=["grades"])


def test_change_is_shown_only_where_a_row_has_one(bundled: Corpus) -> None:
    assert "change" in _heads(bundled.history("Kent", "efficiency")._repr_html_())
    assert "change" not in _heads(bundled.judgments(force="Kent")._repr_html_())
    assert set(SHOWN_COLUMNS["JudgmentRow"]) <= set(attrs.fields_dict(JudgmentRow))


def test_css_is_scoped_to_peelkit_output(bundled: Corpus) -> None:
    html = bundled.judgments(force="Kent")._repr_html_()
    style = html.split("<style>")[1].split("</style>")[0]
    selectors = re.findall(r"(?:^|})\s*([^{}]+)\{", style)
    assert selectors
    for group in selectors:
        for selector in group.split(","):
            assert selector.strip().startswith(".peelkit-out"), selector
    assert "overflow-wrap:break-word" in style  # a word too long for its column wraps


def test_a_cut_cell_has_its_whole_text_on_hover(bundled: Corpus) -> None:
    long = "How well " + "does the force do things " * 10 + "end?"
    html = _one(bundled, question=long)._repr_html_()
    assert f'title="{long}"' in html
    assert "…</td>" in html
    short = _one(bundled, question="Short?")._repr_html_()
    assert 'title="Short?"' not in short


def test_sources_are_links_only_for_http_urls(bundled: Corpus) -> None:
    url = "https://example.org/peel/kent/?a=1&b=2"
    html = _one(bundled, source=url)._repr_html_()
    assert '<a href="https://example.org/peel/kent/?a=1&amp;b=2" rel="noopener noreferrer"' in html
    for unsafe in ("javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "kent.html"):
        assert "<a " not in _one(bundled, source=unsafe)._repr_html_(), unsafe


_KENT = load_bundled().judgments(force="Kent")[0]


@given(st.text(min_size=1, max_size=120))
def test_text_is_always_escaped(text: str) -> None:
    row = _KENT
    probe = "<b>" + text + '"'
    rows = Rows(JudgmentRow, (attrs.evolve(row, question=probe, source="https://x.org/" + probe),))
    html = rows.to_html(columns="all")
    assert "<b>" not in html
    assert 'title="<' not in html


def test_grid_columns_are_headed_by_pillar_and_short_label_with_wording_on_hover(
    bundled: Corpus,
) -> None:
    grid = bundled.grid("2018/19")
    html = grid._repr_html_()
    assert '<th colspan="6">Effectiveness</th>' in html
    wording = grid.wording(grid.columns[1])
    assert wording is not None
    assert f'<th title="{wording}">Q1</th>' in html
    assert "Effectiveness Q1" not in _heads(html)


def test_the_legend_tells_the_cell_states_apart(bundled: Corpus) -> None:
    html = bundled.grid("2018/19")._repr_html_() + bundled.grid("2017")._repr_html_()
    states = [state for state, _, _ in LEGEND]
    assert states == [
        "graded",
        "carried over",
        "not graded",
        "not yet graded",
        "ungraded",
        "unknown",
    ]
    samples = [sample for _, sample, _ in LEGEND]
    # not colour alone: each state's cell reads differently as text too
    marks = {"carried over": "good ↺", "ungraded": "—", "unknown": "?", "not graded": "not graded"}
    for state, mark in marks.items():
        assert f">{state}</td>" in html
        assert re.search(rf'class="pk-grade[^"]*"[^>]*>{re.escape(mark)}</td>', html), state
    assert len(set(samples[2:])) == 4
    css = {
        state: f"pk-{state.replace(' ', '-')}" for state in ("unknown", "ungraded", "not graded")
    }
    for name in css.values():
        assert f"td.{name}{{" in html


def test_grid_cell_states(bundled: Corpus) -> None:
    grid = bundled.grid("2018/19")
    states = {grid.state(f, c) for f in grid.forces for c in grid.columns}
    assert states == {"graded", "carried over", "ungraded", "unknown"}
    gmp = bundled.grid("2017")
    assert gmp.state("Greater Manchester", gmp.columns[1]) == "not graded"
    assert gmp.words("Derbyshire", gmp.columns[0]) == "unknown"


def test_an_unknown_cell_in_a_graded_question_is_unknown_not_ungraded() -> None:
    grid = load_bundled().grid("2018/19")
    empty = Grid(grid.cycle, ("Kent",), grid.columns, {"Kent": {}})
    words = {empty.words("Kent", column) for column in grid.columns}
    assert words == {"unknown", "ungraded"}
    assert empty.counts() == {"ungraded": 1, "unknown": len(grid.columns) - 1}
