"""The HTML of a published pillar page -> the lines the page parser reads.

A browser shows a page as blocks; the parser reads lines. :func:`html_lines`
turns an HTML document into one line per block, each with the HTML source line
the block's text starts on, using the standard library's :mod:`html.parser` in
one pass:

- headings, paragraphs, table cells, list items and any other block (``div``,
  ``section``, ``dt`` …) holding text become lines; ``<br>`` ends a line, as a
  browser shows it, so the text either side becomes two lines;
- a list item becomes a bullet, ``  • text``, as the site rendering shows it;
- inline markup (``a``, ``strong``, ``em``, ``span`` …) joins into its line;
  entities decode, and white space (HTML's: space, tab, line breaks, form feed;
  and ``&nbsp;``) collapses to one space;
- ``script``, ``style``, ``noscript``, ``template``, ``form``, ``nav``,
  ``aside``, ``head``, buttons, media and hidden elements are dropped, and so are
  a ``header`` or ``footer`` that belongs to the whole site (one outside
  ``main``, ``article``, ``section`` and ``role="main"``); where a ``main`` element (or
  ``role="main"``) exists, only what is inside it is read.

The encoding of bytes is the byte order mark's, else a ``<meta charset>`` (or
``http-equiv``) in the first 1024 bytes, else UTF-8; ``latin-1`` labels mean
windows-1252, as browsers read them. Work is linear in the document: no
backtracking patterns, unclosed or stray tags cost constant time each, and
markup that is never closed (a ``<!--`` without ``-->``, a ``<`` after the last
``>``) reads as text, which keeps :mod:`html.parser` linear too.
"""

from __future__ import annotations

import codecs
import html
import re
from collections.abc import Callable
from html.parser import HTMLParser

from peelkit.errors import ParseError
from peelkit.model import Assessment

__all__ = ["BOMS", "BULLET", "decode", "html_document", "html_lines", "is_html", "read_html"]

BULLET = "  • "
"""How a list item starts its line: the site rendering's bullet."""

_BLOCKS = frozenset(
    [
        "address",
        "article",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
_DROPPED = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "form",
        "nav",
        "aside",
        "head",
        "title",
        "button",
        "select",
        "textarea",
        "svg",
        "math",
        "iframe",
        "object",
        "canvas",
        "video",
        "audio",
    ]
)
_SITE_PARTS = frozenset(("header", "footer"))
_SECTIONING = frozenset(("main", "article", "section"))
_DROPPED_ROLES = frozenset(("navigation", "banner", "contentinfo", "complementary", "search"))
_BREAKS_AT_END = _BLOCKS | _DROPPED | _SITE_PARTS
_BREAKS_AT_START = _BREAKS_AT_END | {"br"}
# HTML's white space, and the no-break space, which reads as a space here.
_SPACES = " \t\n\r\f\xa0"
_SPACE = re.compile(f"[{_SPACES}]+")
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)


def is_html(document: object) -> bool:
    """Whether ``document`` (``str`` or ``bytes``) is HTML: after any byte order mark
    and white space it starts with a tag, a comment or a doctype (``<`` and then
    ``!``, ``?``, ``/`` or a letter). Page text and JSON never do."""
    if isinstance(document, (bytes, bytearray)):
        head = bytes(document[:4096])
        for bom, codec in BOMS:
            if head.startswith(bom):
                head = head[len(bom) :].decode(codec, "ignore").encode("ascii", "ignore")
                break
        start = head.lstrip()[:2]
        return len(start) == 2 and start[:1] == b"<" and _starts_markup(chr(start[1]))
    if isinstance(document, str):
        opening = document[:4096].lstrip("\ufeff \t\r\n\f")[:2]
        return len(opening) == 2 and opening[0] == "<" and _starts_markup(opening[1])
    return False


def _starts_markup(character: str) -> bool:
    return character in "!?/" or ("a" <= character.lower() <= "z")


# -- encoding -----------------------------------------------------------------------

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META = re.compile(rb"<meta\b[^>]{0,1024}>", re.IGNORECASE)
_CHARSET = re.compile(rb"charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]{1,40})", re.IGNORECASE)
# The encodings web pages are written in (Python's names, by prefix); other codecs
# (base64, idna, rot13, unicode_escape …) are not page encodings.
_PAGE_ENCODINGS = (
    "utf-8",
    "utf-16",
    "cp",
    "iso8859",
    "koi8",
    "mac-",
    "shift_jis",
    "euc_",
    "iso2022",
    "gb",
    "big5",
    "latin",
    "ascii",
)
# Labels browsers read as another encoding (WHATWG Encoding Standard).
_AS_BROWSERS_READ = {
    "latin1": "cp1252",
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
    "utf-16": "utf-8",
}


def declared_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a ``<meta>`` in the first 1024 bytes declares, and its line."""
    head = data[:1024]
    for meta in _META.finditer(head):
        found = _CHARSET.search(meta[0])
        if found is not None:
            return found[1].decode("ascii"), head.count(b"\n", 0, meta.start()) + 1
    return None


def decode(data: bytes, *, source: str | None = None) -> str:
    """The text of an HTML document's bytes (see the module's rules), or a ParseError
    naming the line of the first byte that is not in the document's encoding."""
    encoding = "utf-8"
    skip = 0
    for bom, codec in BOMS:
        if data.startswith(bom):
            encoding, skip = codec, len(bom)
            break
    else:
        declared = declared_encoding(data)
        if declared is not None:
            label, line = declared
            try:
                name = codecs.lookup(label).name
            except LookupError:
                name = ""
            if not name.startswith(_PAGE_ENCODINGS):
                raise ParseError(
                    f"unknown encoding {label!r} declared in <meta>", line=line, source=source
                ) from None
            encoding = _AS_BROWSERS_READ.get(name, name)
    try:
        return data[skip:].decode(encoding)
    except UnicodeDecodeError as error:
        at = skip + error.start
        line = data[skip:at].decode(encoding, "replace").count("\n") + 1
        raise ParseError(
            f"not {encoding} text: byte 0x{data[at]:02x} at offset {at}", line=line, source=source
        ) from None
    except (LookupError, UnicodeError) as error:  # a codec that is not a text encoding
        raise ParseError(
            f"cannot read the page as {encoding}: {error}", line=0, source=source
        ) from None


# -- blocks -> lines ----------------------------------------------------------------


class _Blocks(HTMLParser):
    """Collects ``(source line, text, inside main)`` for each block holding text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[int, str, bool]] = []
        self.parts: list[str] = []
        self.first: int | None = None  # the source line the block's text starts on
        self.bullet = False
        self.open: list[tuple[str, bool, bool, bool]] = []  # tag, drops, main, sectioning
        self.counts: dict[str, int] = {}
        self.dropping = 0
        self.mains = 0
        self.sectioning = 0
        self.saw_main = False

    def flush(self) -> None:
        if self.parts:
            text = _SPACE.sub(" ", "".join(self.parts)).strip(" ")
            if text and self.first is not None:
                if self.bullet:
                    text = BULLET + text
                    self.bullet = False
                self.blocks.append((self.first, text, self.mains > 0))
            self.parts.clear()
        self.first = None

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS_AT_START and self.parts:
            self.flush()
        if tag in _VOID:
            return
        role = ""
        drops = tag in _DROPPED or (tag in _SITE_PARTS and not self.sectioning)
        if attributes:
            values = dict(attributes)
            role = (values.get("role") or "").strip().lower()
            drops = (
                drops
                or role in _DROPPED_ROLES
                or "hidden" in values
                or (values.get("aria-hidden") or "").strip().lower() == "true"
            )
        main = tag == "main" or role == "main"
        sectioning = main or tag in _SECTIONING
        self.open.append((tag, drops, main, sectioning))
        self.counts[tag] = self.counts.get(tag, 0) + 1
        self.dropping += drops
        self.mains += main
        self.sectioning += sectioning
        if main and not self.dropping:
            self.saw_main = True
        if tag == "li" and not self.dropping:
            self.bullet = True

    def handle_endtag(self, tag: str) -> None:
        if tag in _BREAKS_AT_END and self.parts:
            self.flush()
        if not self.counts.get(tag):
            return  # a stray end tag: nothing open to close
        while self.open:
            name, drops, main, sectioning = self.open.pop()
            self.counts[name] -= 1
            self.dropping -= drops
            self.mains -= main
            self.sectioning -= sectioning
            if name == "li":
                self.bullet = False
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.dropping:
            return
        if self.first is None:
            stripped = data.lstrip(_SPACES)
            if not stripped:
                return
            line, _ = self.getpos()
            self.first = line + data.count("\n", 0, len(data) - len(stripped))
        self.parts.append(data)

    def lines(self) -> list[tuple[int, str]]:
        self.flush()
        wanted = self.saw_main
        return [(line, text) for line, text, in_main in self.blocks if in_main or not wanted]


def html_lines(document: str | bytes, *, source: str | None = None) -> list[tuple[int, str]]:
    """``(HTML source line, text)`` for each block of ``document`` holding text, in order.

    Bytes are decoded by :func:`decode` (a ParseError for bytes not in the
    document's encoding). A line break of any kind (``\\r\\n``, ``\\r``) counts as one.
    """
    text = decode(bytes(document), source=source) if not isinstance(document, str) else document
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    parser = _Blocks()
    parser.feed(_defused(text))
    parser.close()
    return parser.lines()


def _defused(text: str) -> str:
    """``text`` with every markup start that is never closed turned into text.

    :mod:`html.parser` looks for the end of a tag, comment or marked section from
    its start to the end of the document; when there is none it moves on by one
    character and looks again, which is quadratic (``"<a " * 40_000`` takes
    minutes). A ``<`` after the last ``>``, a ``<!--`` with no ``-->`` after it
    and a ``<![`` with no ``]]>`` after it can never close, so they are escaped
    first, in linear time, and read as the text they are. Every other search
    then finds its end, and the parser moves past what it searched.
    """
    last = text.rfind(">")
    if last < len(text) - 1 and "<" in text[last + 1 :]:
        text = text[: last + 1] + text[last + 1 :].replace("<", "&lt;")
    for start, end in (("<!--", "-->"), ("<![", "]]>")):
        # A search for ``end`` starts after ``start``: an end overlapping it does not count.
        cut = max(0, text.rfind(end) - len(start) + 1) if end in text else 0
        if start in text[cut:]:
            text = text[:cut] + text[cut:].replace(start, "&lt;" + start[1:])
    return text


# -- the hook the page parser calls ---------------------------------------------------


def read_html(
    document: str | bytes,
    read: Callable[[list[str], list[int]], Assessment],
    *,
    source: str | None,
    max_chars: int,
) -> Assessment:
    """Read an HTML page with the page parser's line reader ``read``.

    The blocks become the site rendering's lines, a blank line after each, which
    ``read`` is given with the HTML source line each starts on: every line number it
    gives (on the assessment's items and in a :class:`~peelkit.ParseError`) is that
    of the HTML source. Documents over ``max_chars`` characters, and any NUL, are
    refused as the text path refuses them.
    """
    text = document if isinstance(document, str) else decode(bytes(document), source=source)
    text = text.removeprefix("\ufeff")
    if len(text) > max_chars:
        raise ParseError(
            f"text is {len(text):,} characters; peelkit parses pages of at most "
            f"{max_chars:,} characters",
            line=0,
            source=source,
        )
    if "\x00" in text:
        raise ParseError(
            "binary data, not page text: a NUL character",
            line=text.count("\n", 0, text.index("\x00")) + 1,
            source=source,
        )
    blocks = html_lines(text, source=source)
    lines: list[str] = []
    numbers: list[int] = []
    for number, line in blocks:
        lines += (line, "")
        numbers += (number, number)
    return read(lines, numbers)


# -- page text -> HTML ----------------------------------------------------------------


def html_document(text: str, *, title: str | None = None) -> str:
    """Page text (as :func:`~peelkit.render_report` writes it) as an HTML document
    that reads back to the same lines: the first line an ``h1``, bullets (``- ``,
    ``• ``) list items, every other line a paragraph, all inside ``main``."""
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{html.escape(title or 'PEEL')}</title></head>",
        "<body><main>",
    ]
    in_list = False
    heading = True
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        bullet = line[:1] in "-•" and line[1:2].isspace()
        if bullet and not in_list:
            out.append("<ul>")
        elif not bullet and in_list:
            out.append("</ul>")
        in_list = bullet
        if bullet:
            out.append(f"<li>{html.escape(line[2:].strip())}</li>")
        elif heading:
            out.append(f"<h1>{html.escape(line)}</h1>")
        else:
            out.append(f"<p>{html.escape(line)}</p>")
        heading = False
    if in_list:
        out.append("</ul>")
    out.append("</main></body></html>")
    return "\n".join(out) + "\n"
