"""HTML pages: the HTML of a page parses to the assessment its text does."""

from __future__ import annotations

import codecs
import contextlib
import html
import os
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import peelkit
import peelkit.page.parse
from peelkit import ParseError, parse_report, render_report
from peelkit.page.html import decode, html_document, html_lines, is_html
from peelkit.testing import page_assessments

PAGES = Path(__file__).parent / "fixtures" / "pages"
SAMPLES = Path(
    os.environ.get("PEELKIT_SAMPLES") or Path(__file__).parents[1].parent / "shared" / "samples"
)
HTML_PAGES = sorted(PAGES.glob("*.html"))


def text_of(page: Path) -> Path:
    """The text fixture an HTML fixture renders: ``name.latin1.html`` -> ``name.txt``."""
    return page.with_name(page.name.split(".")[0] + ".txt")


# -- the fixtures: HTML and text agree ------------------------------------------------


def test_every_text_fixture_has_an_html_twin() -> None:
    texts = {path.stem for path in PAGES.glob("*.txt")}
    assert texts == {text_of(page).stem for page in HTML_PAGES}


@pytest.mark.parametrize("page", HTML_PAGES, ids=lambda path: path.name)
def test_html_parses_as_its_text(page: Path) -> None:
    text = text_of(page).read_text("utf-8")
    assert parse_report(page.read_bytes(), source="p") == parse_report(text, source="p")


@pytest.mark.parametrize("page", HTML_PAGES, ids=lambda path: path.name)
def test_lines_are_html_source_lines(page: Path) -> None:
    source = decode(page.read_bytes()).replace("\r\n", "\n").split("\n")
    (pillar,) = parse_report(page.read_bytes()).pillars
    assert pillar.questions
    for question in pillar.questions:
        assert question.line is not None
        shown = " ".join(html.unescape(source[question.line - 1]).replace("\xa0", " ").split())
        assert question.text in shown or shown in question.text


def test_the_latin1_variant_is_not_utf8() -> None:
    data = (PAGES / "plain-2015-legitimacy.latin1.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert b"charset=iso-8859-1" in data


def test_load_reads_html_files(tmp_path: Path) -> None:
    for page in HTML_PAGES[:2]:
        (tmp_path / page.name).write_bytes(page.read_bytes())
    corpus = peelkit.load(tmp_path)
    expected = peelkit.load([text_of(page) for page in HTML_PAGES[:2]])
    assert [a.pillars for a in corpus] == [a.pillars for a in expected]


# -- the samples, wrapped as HTML -----------------------------------------------------

SAMPLE_TEXTS = sorted(SAMPLES.glob("*.txt"))


@pytest.mark.skipif(not SAMPLE_TEXTS, reason="../shared/samples is absent")
@pytest.mark.parametrize("sample", SAMPLE_TEXTS, ids=lambda path: path.name)
def test_samples_as_html(sample: Path) -> None:
    text = sample.read_text("utf-8")
    assert parse_report(html_document(text)) == parse_report(text)


# -- blocks to lines ------------------------------------------------------------------


def lines(document: str) -> list[str]:
    return [text for _, text in html_lines(document)]


def test_blocks_become_lines_and_inline_markup_joins() -> None:
    document = (
        "<html><body><h1>Kent PEEL 2018</h1><p>The <a href='#'>force</a> is\n"
        "  <strong>good</strong>&nbsp;at <em>it</em>.</p><table><tr><td>1</td>"
        "<td>How well?</td></tr></table><div>Last updated <span>02/05/2019</span></div>"
    )
    assert lines(document) == [
        "Kent PEEL 2018",
        "The force is good at it.",
        "1",
        "How well?",
        "Last updated 02/05/2019",
    ]


def test_list_items_become_bullets() -> None:
    document = "<p>The force:</p><ul><li>acts<li><p>learns &amp; <b>improves</b></p></li></ul>"
    assert lines(document) == ["The force:", "  • acts", "  • learns & improves"]


def test_br_ends_a_line() -> None:
    assert lines("<p>Last updated 02/05/2019<br>Good<br/>Kent</p>") == [
        "Last updated 02/05/2019",
        "Good",
        "Kent",
    ]


def test_entities_decode() -> None:
    assert lines("<p>last year&rsquo;s &#8220;inspection&#x201d; &lt;&gt; &amp</p>") == [
        "last year’s “inspection” <> &"
    ]


@pytest.mark.parametrize(
    "clutter",
    [
        "<script>document.write('<p>Good</p>')</script>",
        "<style>p { color: red }</style>",
        "<noscript><p>Good</p></noscript>",
        "<template><p>Good</p></template>",
        "<form><label>Good</label><button>Go</button></form>",
        "<nav><ul><li>Home</li></ul></nav>",
        "<header><p>Good</p></header>",
        "<footer><ul><li>Cookies</li></ul></footer>",
        "<aside><p>Good</p></aside>",
        "<div hidden><p>Good</p></div>",
        "<div role='navigation'><p>Good</p></div>",
        "<span aria-hidden='true'>Good</span>",
        "<head><title>Kent PEEL 2018</title></head>",
    ],
)
def test_clutter_is_dropped(clutter: str) -> None:
    assert lines(f"<body>{clutter}<p>Prose.</p>{clutter}</body>") == ["Prose."]


def test_a_pages_own_header_inside_its_article_is_kept() -> None:
    document = "<header>Site</header><article><header><h1>Kent PEEL 2018</h1></header></article>"
    assert lines(document) == ["Kent PEEL 2018"]


@pytest.mark.parametrize("main", ["<main>{}</main>", "<div role='main'>{}</div>"])
def test_only_main_is_read_where_there_is_one(main: str) -> None:
    document = "<p>Cookie banner</p>" + main.format("<p>Inside</p>") + "<p>After</p>"
    assert lines(document) == ["Inside"]


def test_source_lines_are_where_the_text_starts() -> None:
    document = "<html>\n<body>\n<p>\n\n   First</p><p>Second</p>\n<ul>\n<li>\nThird</li></ul>"
    assert html_lines(document) == [(5, "First"), (5, "Second"), (8, "  • Third")]


def test_crlf_and_cr_count_as_one_line_break() -> None:
    assert html_lines("<p>a</p>\r\n<p>b</p>\r<p>c</p>") == [(1, "a"), (2, "b"), (3, "c")]


def test_stray_unclosed_and_deep_tags() -> None:
    deep = "<div>" * 50_000 + "<p>Deep" + "</span></b>" * 1000
    assert lines(deep) == ["Deep"]
    assert lines("</main></li><li>one<li>two</ul></ul><p>three") == ["  • one", "  • two", "three"]


@pytest.mark.parametrize(
    ("tail", "shown"),
    [
        ("<p>Prose <a ", "Prose <a"),
        ("<p>Prose <!-- never closed", "Prose <!-- never closed"),
        ("<p>Prose <![CDATA[ x ", "Prose <![CDATA[ x"),
        ("<p>Prose <!-- > still open", "Prose <!-- > still open"),
    ],
)
def test_markup_that_never_closes_is_text(tail: str, shown: str) -> None:
    assert lines("<h1>Kent PEEL 2018</h1>" + tail) == ["Kent PEEL 2018", shown]


def test_closed_comments_and_sections_still_vanish() -> None:
    assert lines("<p>a<!-- <p>b</p> --></p><p>c<![CDATA[d]]></p>") == ["a", "c"]


# -- telling HTML from text -----------------------------------------------------------


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ("<!DOCTYPE html><html>", True),
        ("\ufeff\n  <html>", True),
        (b"\xef\xbb\xbf<p>", True),
        ("<?xml version='1.0'?>", True),
        (codecs.BOM_UTF16_LE + "<html>".encode("utf-16-le"), True),
        ("Kent PEEL 2018\nEffectiveness", False),
        ("Skip to content\n<p>", False),
        ("<3 Kent", False),
        ('{"format": "peelkit/1"}', False),
        (b"", False),
        (42, False),
    ],
)
def test_is_html(document: object, expected: bool) -> None:
    assert is_html(document) is expected


# -- encodings ------------------------------------------------------------------------

PAGE = "<html><head>{meta}</head><body><h1>Cheshire PEEL 2015</h1><p>Legitimacy</p><p>{prose}</p>"


@pytest.mark.parametrize(
    ("meta", "encoding"),
    [
        ('<meta charset="utf-8">', "utf-8"),
        ("<meta charset=windows-1252>", "cp1252"),
        ("<meta charset='ISO-8859-1'>", "cp1252"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=latin1">', "cp1252"),
        ("", "utf-8"),
    ],
)
def test_encoding_from_meta(meta: str, encoding: str) -> None:
    data = PAGE.format(meta=meta, prose="The force’s café").encode(encoding)
    (pillar,) = parse_report(data).pillars
    assert pillar.summary == ("The force’s café",)


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-32"])
def test_encoding_from_bom(codec: str) -> None:
    # The byte order mark wins over a <meta> that says otherwise.
    data = PAGE.format(meta='<meta charset="latin-1">', prose="The force’s café").encode(codec)
    assert parse_report(data).pillars[0].summary == ("The force’s café",)


def test_bad_bytes_name_their_line() -> None:
    data = b"<html>\n<body>\n<h1>Kent PEEL 2018</h1>\n<p>caf\xe9</p>"
    with pytest.raises(ParseError, match=r"page.html:4: not utf-8 text: byte 0xe9"):
        parse_report(data, source="page.html")


@pytest.mark.parametrize("codec", ["base64", "rot13", "idna"])
def test_codecs_that_are_not_page_encodings_are_errors(codec: str) -> None:
    with pytest.raises(ParseError, match=f"unknown encoding '{codec}'"):
        parse_report(f"<html><meta charset={codec}><p>x\u00e9</p>".encode("latin-1"))


def test_unknown_encoding_is_an_error_at_its_meta() -> None:
    with pytest.raises(ParseError, match=r":2: unknown encoding 'klingon'"):
        parse_report(b"<html>\n<meta charset=klingon><p>x</p>")


# -- errors point at the HTML -----------------------------------------------------------


def test_parse_errors_carry_the_html_line() -> None:
    document = "<!DOCTYPE html>\n<main>\n<p>Skip</p>\n\n<h1>Kent PEEL 2019</h1>\n</main>\n"
    with pytest.raises(ParseError) as caught:
        parse_report(document, source="kent.html")
    assert (caught.value.line, caught.value.text) == (5, "Kent PEEL 2019")
    assert str(caught.value).startswith("kent.html:5: unknown PEEL cycle '2019'")


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("<html><body><nav>Kent PEEL 2018</nav></body></html>", "empty page"),
        ("<html><p>Hello</p>", "no title line"),
        ("<html>\n<p>a\x00b</p>", "binary data"),
    ],
)
def test_html_that_is_not_a_page(document: str, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        parse_report(document)


def test_size_limit_applies_to_html(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(peelkit.page.parse, "MAX_PAGE_CHARS", 100)
    with pytest.raises(ParseError, match="at most 100 characters"):
        parse_report("<html>" + "<p>prose</p>" * 20)


# -- properties -----------------------------------------------------------------------


@given(page_assessments())
def test_round_trip_through_html(assessment: peelkit.Assessment) -> None:
    text = render_report(assessment)
    assume(all(" ".join(html_spaces_split(line)) == line for line in text.split("\n")))
    assert parse_report(html_document(text)) == assessment


def html_spaces_split(line: str) -> list[str]:
    for space in "\t\r\f\xa0":
        line = line.replace(space, " ")
    return [word for word in line.split(" ") if word]


@given(st.text(max_size=300))
def test_any_text_as_html(text: str) -> None:
    with contextlib.suppress(ParseError):
        parse_report("<html>" + text)


@given(st.binary(max_size=300))
def test_any_bytes_as_html(data: bytes) -> None:
    with contextlib.suppress(ParseError):
        parse_report(b"<html>" + data)


@given(
    st.lists(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<li>",
                "<main>",
                "</main>",
                "<nav>",
                "</nav>",
                "<br>",
                "Kent PEEL 2018",
                "Good",
                "How well?",
                "&nbsp;",
                "<!--",
                "<script>",
                "</script>",
                "Effectiveness",
                "\n",
            ]
        ),
        max_size=40,
    )
)
def test_any_tag_soup(parts: list[str]) -> None:
    with contextlib.suppress(ParseError):
        parse_report("<html>" + "".join(parts))
