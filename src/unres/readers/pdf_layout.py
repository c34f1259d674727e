"""The layout of one PDF page: characters with their boxes, grouped into lines, lines into zones.

Takes a pypdfium2 page. Gives :class:`PageLine` records in reading order (top to bottom,
left to right within a baseline), each with its page, left edge, baseline, body font size,
style (bold, italic, font name), the offsets of raised footnote markers in its text, and its
zone on the page:

* ``header``: a line in the top band of a page after the first, set smaller than the body
  (the running symbol and short title);
* ``footer``: a line in the bottom band of any page (page number, job number, date stamp,
  the ``Barcode 3 of 9`` barcode, ``Please recycle``), or any line set in a barcode font,
  unless it carries on the footnotes above it (a line pitch below, not left of the rule);
* ``rule``: the ``____`` page-foot rule that opens the footnotes;
* ``footnote``: a line below that rule and above the footer;
* ``body``: everything else (the first page's cover block included: the text stages read it).

It reads only what PDFium reports: PDFium's own line breaks are dropped (lines are made
from baselines), and word spaces come from the gaps between the loose boxes of characters,
a narrower gap sufficing where PDFium guessed a space, the font changes or a tab moved the
pen after a label. A raised marker is a run of digits or ``*`` set at most 0.8 of the
line's size whose baseline lies above the line's. Nothing here decides what a line means.
"""

from __future__ import annotations

import ctypes
from collections import Counter
from dataclasses import dataclass
from typing import Any, Literal

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

Zone = Literal["body", "header", "footer", "rule", "footnote"]

_HEADER_BAND = 0.085
"""Share of the page height at the top where running headers sit (above ~725 pt of 792)."""
_FOOTER_BAND = 0.068
"""Share of the page height at the bottom where page numbers, job numbers and barcodes sit."""
_SPACE_GAP = 0.17
"""A gap wider than this share of the font size between two boxes is a word space."""
_NARROW_GAP = 0.05
"""Where the font changes (an italic opening phrase ends), a tab moved the pen after a label,
or PDFium guessed a space, a narrower gap is a word space."""
_NO_SPACE_BEFORE = ",.;:)]’”"
"""Punctuation that a narrow gap never separates from the word before it."""
_LABEL_ENDS = frozenset(").:")
"""What a label ends with: ``(a)``, ``1.``, ``Article 3:``."""
_address = ctypes.c_void_p.from_buffer
"""A pointer's address, read from its own bytes: three times as fast as ``ctypes.cast``."""
_NAME_BUFFER = 128
"""Bytes PDFium may write a font name into."""
_SMALL = 0.8
"""A character set at most this share of the line's size is small (a marker candidate)."""
_HYPHEN_AT_BREAK = "\x02"
"""What PDFium reports for a hyphen it found at a line end."""
_MAY_BE_GENERATED = frozenset(" " + _HYPHEN_AT_BREAK)


@dataclass(frozen=True, slots=True)
class Glyph:
    """One character PDFium read from the page, with its box and font."""

    char: str
    left: float
    right: float
    baseline: float
    size: float
    font: str
    generated: bool = False
    run: int = 0
    """Which PDF text object drew the glyph: a new one starts where the writer moved the pen."""


@dataclass(frozen=True, slots=True)
class PageLine:
    """One visual line of a page, with what the page says about it."""

    page: int
    left: float
    right: float
    baseline: float
    size: float
    font: str
    bold: bool
    italic: bool
    text: str
    markers: tuple[tuple[int, int], ...]
    zone: Zone = "body"
    opens_with_italic: bool = False


def read_glyphs(textpage: pdfium.PdfTextPage) -> list[Glyph]:
    """Every character PDFium found on the page (none it generated), in content order."""
    handle = textpage.raw
    box = pdfium_raw.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    name = ctypes.create_string_buffer(_NAME_BUFFER)
    flags = ctypes.c_int()
    glyphs: list[Glyph] = []
    styles: dict[int | None, tuple[str, float]] = {}  # per text object: its font and size
    for index in range(pdfium_raw.FPDFText_CountChars(handle)):
        code = pdfium_raw.FPDFText_GetUnicode(handle, index)
        char = chr(code) if 0 < code < 0x110000 else "\ufffd"
        if char in "\r\n":  # PDFium's own line breaks: lines are made from baselines here
            continue
        # PDFium generates spaces, line breaks and the \x02 of a line-end hyphen; asking
        # whether a character was generated costs a call, so only those are asked about
        generated = (
            char in _MAY_BE_GENERATED and pdfium_raw.FPDFText_IsGenerated(handle, index) == 1
        )
        if char == _HYPHEN_AT_BREAK:
            char = "-"
        pdfium_raw.FPDFText_GetLooseCharBox(handle, index, box)
        pdfium_raw.FPDFText_GetCharOrigin(handle, index, x, y)
        key = _address(pdfium_raw.FPDFText_GetTextObject(handle, index)).value
        style = styles.get(key) if key else None
        if style is None:
            style = _style(handle, index, name, flags)
            if key:
                styles[key] = style
        font, size = style
        glyphs.append(
            Glyph(
                char, box.left, box.right, y.value, size, font, generated and char == " ", key or 0
            )
        )
    return glyphs


def _style(handle: Any, index: int, name: Any, flags: Any) -> tuple[str, float]:
    """The font name and size of one character (the same for its whole text object)."""
    size = pdfium_raw.FPDFText_GetFontSize(handle, index)
    length = pdfium_raw.FPDFText_GetFontInfo(handle, index, name, _NAME_BUFFER, flags)
    return name.raw[: max(length - 1, 0)].decode("latin-1"), size


def _tabbed(last: Glyph, glyph: Glyph) -> bool:
    """Whether the pen moved to a new text object after a label's closing mark: ``(mm)|Designing``.

    Justified lines also start new text objects inside words, so only a move after ``)``,
    ``.`` or ``:`` counts.
    """
    return last.run != glyph.run and last.char in _LABEL_ENDS


def _runs(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Content-order runs of glyphs on one baseline (a raised marker stays in its run)."""
    runs: list[list[Glyph]] = []
    current: list[Glyph] = []
    base = 0.0
    size = 0.0
    for glyph in glyphs:
        if current and _continues(glyph, current[-1], base, size):
            current.append(glyph)
            if glyph.size > size * 1.1 and not glyph.char.isspace():
                base, size = glyph.baseline, glyph.size
            continue
        if current:
            runs.append(current)
        current, base, size = [glyph], glyph.baseline, glyph.size
    if current:
        runs.append(current)
    return runs


def _continues(glyph: Glyph, last: Glyph, base: float, size: float) -> bool:
    if glyph.left < last.left - max(size, 1.0) * 2:  # went back left: a new line
        return False
    rise = glyph.baseline - base
    if abs(rise) <= max(size, glyph.size) * 0.25:
        return True
    small = glyph.size <= size * _SMALL or size <= glyph.size * _SMALL
    return small and -0.3 * size < rise < 0.75 * max(size, glyph.size)


@dataclass(slots=True)
class _Row:
    baseline: float
    size: float
    glyphs: list[Glyph]


def _rows(runs: list[list[Glyph]]) -> list[_Row]:
    """Runs merged by baseline, top to bottom; the glyphs of each row left to right."""
    rows: list[_Row] = []
    for run in runs:
        body = [g for g in run if not g.char.isspace()] or run
        size = max(g.size for g in body)
        baseline = Counter(round(g.baseline, 1) for g in body if g.size >= size * 0.9)
        base = baseline.most_common(1)[0][0]
        row = _row_at(rows, base, size, run)
        if row is None:
            rows.append(_Row(base, size, list(run)))
        else:
            row.glyphs.extend(run)
            if size > row.size * 1.1:
                row.baseline, row.size = base, size
    rows.sort(key=lambda row: -row.baseline)
    for row in rows:
        row.glyphs.sort(key=lambda g: g.left)
    return rows


def _row_at(rows: list[_Row], base: float, size: float, run: list[Glyph]) -> _Row | None:
    for row in rows:
        tolerance = max(row.size, size) * 0.25
        if abs(row.baseline - base) <= tolerance:
            return row
        raised = size <= row.size * _SMALL and 0 < base - row.baseline < row.size * 0.75
        lowered = row.size <= size * _SMALL and 0 < row.baseline - base < size * 0.75
        if (raised or lowered) and _beside(row, run):
            return row
    return None


def _beside(row: _Row, run: list[Glyph]) -> bool:
    """Whether ``run`` starts within 8 points of a glyph of ``row`` horizontally."""
    start, end = run[0].left, run[-1].right
    return any(g.left - 8 <= end and start <= g.right + 8 for g in row.glyphs)


def _line(page: int, row: _Row) -> PageLine:
    text: list[str] = []
    markers: list[tuple[int, int]] = []
    last: Glyph | None = None
    in_marker = False
    guessed = False  # PDFium guessed a space here: a narrower gap suffices
    for glyph in row.glyphs:
        if glyph.generated:
            guessed = True
            continue
        if glyph.char.isspace():
            if text and text[-1] != " ":
                text.append(" ")
            last = glyph
            continue
        gap = glyph.left - last.right if last is not None else 0.0
        same_font = last is None or (last.font == glyph.font and not _tabbed(last, glyph))
        narrow = not same_font or guessed
        threshold = _NARROW_GAP if narrow and glyph.char not in _NO_SPACE_BEFORE else _SPACE_GAP
        guessed = False
        if last is not None and gap > threshold * row.size and text and text[-1] != " ":
            text.append(" ")
        raised = (
            glyph.size <= row.size * _SMALL
            and glyph.baseline > row.baseline + row.size * 0.15
            and (glyph.char.isdigit() or glyph.char in "*,")
        )
        offset = len("".join(text))
        if raised and glyph.char != ",":
            if in_marker and markers and markers[-1][1] == offset:
                markers[-1] = (markers[-1][0], offset + 1)
            else:
                markers.append((offset, offset + 1))
        in_marker = raised
        text.append(glyph.char)
        last = glyph
    body = [g for g in row.glyphs if not g.char.isspace() and g.size > row.size * _SMALL]
    fonts = Counter(g.font for g in body or row.glyphs)
    font = fonts.most_common(1)[0][0]
    first = body[0].font if body else font
    joined = "".join(text).rstrip()
    return PageLine(
        page=page,
        left=row.glyphs[0].left,
        right=row.glyphs[-1].right,
        baseline=row.baseline,
        size=round(row.size, 1),
        font=font,
        bold="Bold" in font,
        italic="Italic" in font,
        text=joined,
        markers=tuple((s, e) for s, e in markers if e <= len(joined)),
        opens_with_italic="Italic" in first,
    )


def page_lines(page: pdfium.PdfPage, number: int) -> list[PageLine]:
    """The lines of one page in reading order, each with its zone."""
    textpage = page.get_textpage()
    try:
        glyphs = read_glyphs(textpage)
    finally:
        textpage.close()
    height = page.get_height()
    lines = [_line(number, row) for row in _rows(_runs(glyphs))]
    lines = [line for line in lines if line.text]
    return _zoned(lines, number, height)


def _is_rule(line: PageLine) -> bool:
    return len(line.text) >= 5 and set(line.text) <= {"_", " "}


def _zoned(lines: list[PageLine], number: int, height: float) -> list[PageLine]:
    if not lines:
        return lines
    sizes = Counter(line.size for line in lines if len(line.text) > 20)
    body_size = sizes.most_common(1)[0][0] if sizes else max(line.size for line in lines)
    top = height * (1 - _HEADER_BAND)
    bottom = height * _FOOTER_BAND
    rules = [line for line in lines if _is_rule(line) and line.baseline < height / 2]
    rule = min(rules, key=lambda line: line.baseline) if rules else None
    zoned: list[PageLine] = []
    for line in lines:
        zone: Zone = "body"
        if "Barcode" in line.font or (line.baseline <= bottom and not _goes_on(zoned, line, rule)):
            zone = "footer"
        elif number > 0 and line.baseline >= top and line.size < body_size:
            zone = "header"
        elif rule is not None and line is rule:
            zone = "rule"
        elif rule is not None and line.baseline < rule.baseline:
            zone = "footnote"
        zoned.append(_with_zone(line, zone))
    return zoned


def _goes_on(zoned: list[PageLine], line: PageLine, rule: PageLine | None) -> bool:
    """Whether a line in the bottom band carries on the footnotes above it.

    It does when it sits a footnote's line pitch under the last footnote line and not left
    of the page-foot rule (page numbers and job numbers start at the page margin).
    """
    if rule is None or not zoned or zoned[-1].zone != "footnote":
        return False
    above = zoned[-1]
    return above.baseline - line.baseline <= 1.6 * line.size and line.left >= rule.left - 5


def _with_zone(line: PageLine, zone: Zone) -> PageLine:
    return PageLine(
        line.page,
        line.left,
        line.right,
        line.baseline,
        line.size,
        line.font,
        line.bold,
        line.italic,
        line.text,
        line.markers,
        zone,
        line.opens_with_italic,
    )
