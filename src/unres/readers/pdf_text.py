"""From page lines to the text unres extracts from a PDF, with what the page says of each line.

Takes the :class:`~.pdf_layout.PageLine` records of every page, in order. Gives the
extracted text and, for each of its lines, a :class:`~unres.parsers.records.LineLayout`:

* a body paragraph is one line: its visual lines are joined with one space (none after a
  hyphen). A new paragraph starts where the size or the weight changes, after a line that
  stops well short of the right margin when the next opens like a paragraph, where the
  vertical gap is wider than the document's usual line pitch, where the left edge steps
  right of a line that ended a sentence (a first-line indent), and, at the top of a page,
  where the line is indented beyond the paragraph's continuation lines;
* raised footnote markers are written in superscript digits glued to the word before
  them (``Peoples² and``, ``August 1949²``), so the stages place them exactly; their
  spans also go in the layout record;
* each footnote in the page-foot zone is one line, opening with its marker;
* a bold label alone on its line (``I``, ``A.``) and the heading under it become one
  line, the label and the heading apart by a tab, as the Word text has them;
* running headers, footers (page and job numbers, barcodes, ``Please recycle``) and the
  page-foot rule are lines of their own: the normalizer records them as removed noise.
  Those of the pages a paragraph runs over follow that paragraph, so a paragraph cut by a
  page break stays one line.

Nothing is dropped: every character PDFium read (its own guessed spaces aside) is in the
text.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field

import regex

from unres.parsers.records import LineLayout
from unres.readers.pdf_layout import PageLine


@dataclass(frozen=True, slots=True)
class Extracted:
    """The extracted text and one layout record per line of it."""

    text: str
    layout: tuple[LineLayout, ...]


@dataclass(slots=True)
class _Measure:
    """The document's body geometry: its usual size, left margin and line pitch."""

    size: float
    margin: float
    pitch: float
    right: float


def _measure(lines: list[PageLine]) -> _Measure:
    body = [line for line in lines if line.zone == "body" and len(line.text) > 40]
    if not body:
        return _Measure(10.0, 0.0, 12.0, 0.0)
    size = Counter(line.size for line in body).most_common(1)[0][0]
    margin = Counter(round(line.left) for line in body if line.size == size).most_common(1)[0][0]
    gaps = Counter(
        round(above.baseline - below.baseline, 0)
        for above, below in itertools.pairwise(body)
        if above.page == below.page
        and above.size == below.size == size
        and above.baseline > below.baseline
    )
    pitch = gaps.most_common(1)[0][0] if gaps else size * 1.2
    right = Counter(round(line.right) for line in body if line.size == size).most_common(1)[0][0]
    return _Measure(size, float(margin), float(pitch), float(right))


_LABEL = regex.compile(r"[IVXLC]{1,7}\.?|[A-Z]\.?")
"""A section label set alone on its line: a roman numeral or a capital letter."""
_ENDINGS = (",", ";", ":", ".", ",”", ";”", ".”")
"""How the last line of a paragraph ends: a first-line indent after any other line is a slip."""
_OPENERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ(0123456789[")
"""What the first line of a paragraph may open with, for the short-line rule."""


def _short(line: PageLine, measure: _Measure) -> bool:
    """Whether ``line`` stops well short of the right margin: the last line of a paragraph."""
    width = measure.right - measure.margin
    return width > 0 and line.right < measure.right - 0.2 * width


def _starts_paragraph(paragraph: list[PageLine], line: PageLine, measure: _Measure) -> bool:
    """Whether ``line`` opens a new paragraph after the lines gathered in ``paragraph``."""
    if not paragraph:
        return True
    above = paragraph[-1]
    if abs(line.size - above.size) > 0.6 or line.bold != above.bold:
        return True
    step = 0.5 * line.size
    if _lone_label(above):  # I, A.: the heading after it goes on the same line
        return False
    if above.bold and above.right - above.left < 4 * above.size:  # Annex, Appendix alone
        return True
    if _short(above, measure) and _may_open(above, line):
        return True
    if line.page != above.page:  # at the top of a page: where do continuation lines sit?
        follow = paragraph[1].left if len(paragraph) > 1 else measure.margin
        return line.left > follow + step
    if above.baseline - line.baseline > measure.pitch * 1.3 * max(line.size / measure.size, 1.0):
        return True
    if above.baseline - line.baseline < -1:  # a new column or a block set higher
        return True
    indented = line.left > above.left + step and not line.bold
    return indented and (_short(above, measure) or above.text.endswith(_ENDINGS))


def _lone_label(line: PageLine) -> bool:
    """A bold label alone on its line (``I``, ``A.``), set above the heading it numbers."""
    return line.bold and _LABEL.fullmatch(line.text) is not None


def _may_open(above: PageLine, line: PageLine) -> bool:
    """Whether ``line`` may open a paragraph after ``above`` ended short (no bracket left open)."""
    text = above.text
    opened = text.count("[") > text.count("]") or text.count("(") > text.count(")")
    return line.text[:1] in _OPENERS and not line.bold and not opened


@dataclass(slots=True)
class _Writer:
    """Accumulates the extracted text line by line, with each line's layout."""

    parts: list[str] = field(default_factory=list)
    layout: list[LineLayout] = field(default_factory=list)
    length: int = 0

    def write(self, lines: list[PageLine], zone: str) -> None:
        pieces: list[str] = []
        markers: list[tuple[int, int]] = []
        offset = self.length
        for index, line in enumerate(lines):
            text, local = _glued(line)
            if index and pieces:
                joiner = "" if pieces[-1].endswith(("-", "\u2011", "/")) else " "
                if _lone_label(lines[index - 1]):
                    joiner = "\t"
                pieces.append(joiner)
                offset += len(joiner)
            markers.extend((offset + start, offset + end) for start, end in local)
            pieces.append(text)
            offset += len(text)
        text = "".join(pieces)
        first = lines[0]
        self.layout.append(
            LineLayout(
                page=first.page + 1,
                zone=zone,
                left=first.left,
                size=first.size,
                bold=first.bold,
                italic=first.opens_with_italic,
                markers=tuple(markers),
            )
        )
        self.parts.append(text)
        self.length += len(text) + 1

    def text(self) -> str:
        return "\n".join(self.parts) + "\n"


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
"""A raised marker is written in superscript digits: what the page shows, and unambiguous
after a figure (``August 1949²``)."""


def _glued(line: PageLine) -> tuple[str, list[tuple[int, int]]]:
    """The line's text with the space before each raised marker taken out, and the markers."""
    text = line.text
    spans: list[tuple[int, int]] = []
    cut = 0
    out: list[str] = []
    last = 0
    for start, end in line.markers:
        if start > 0 and text[start - 1] == " " and start > 1:
            out.append(text[last : start - 1])
            cut += 1
        else:
            out.append(text[last:start])
        spans.append((start - cut, end - cut))
        out.append(text[start:end].translate(_SUPERSCRIPT))
        last = end
    out.append(text[last:])
    return "".join(out), spans


def extract(pages: list[list[PageLine]]) -> Extracted:
    """The extracted text of a document, given the zoned lines of each of its pages."""
    everything = [line for page in pages for line in page]
    measure = _measure(everything)
    writer = _Writer()
    paragraph: list[PageLine] = []
    pending: list[list[PageLine]] = []  # furniture and footnotes waiting for the paragraph's end
    footnote: list[PageLine] = []

    def end_paragraph() -> None:
        if paragraph:
            writer.write(paragraph, "body")
            paragraph.clear()
        for group in pending:
            writer.write(group, group[0].zone)
        pending.clear()

    for line in everything:
        if line.zone == "body":
            if _starts_paragraph(paragraph, line, measure):
                end_paragraph()
            paragraph.append(line)
            continue
        if line.zone == "footnote":
            opens = bool(line.markers) and line.markers[0][0] == 0
            if opens or not any(group is footnote for group in pending):
                footnote = [line]
                pending.append(footnote)
            else:
                footnote.append(line)
            continue
        pending.append([line])
        if not paragraph:
            end_paragraph()
    end_paragraph()
    return Extracted(writer.text(), tuple(writer.layout))
