"""Rules on footnotes: markers without a body (UNR121), bodies absent (UNR122),
bodies never referenced (UNR123), a footnote defined twice (UNR124), and
bodies present only for the later footnotes (UNR125).

The markers of a document are the footnote references in the tree plus the
markers :mod:`unres.validate.markers` finds in the running text (clauses,
paragraphs, sub-items, wrap-up and annex text, section headings and title
lines), with noise and footnote bodies masked out. When the parser found
footnote bodies it only takes markers that name one of them, so the others
are found here.

Severity follows the source: a marker that names no footnote is an error in a
document that has footnote bodies, but texts whose footnotes were dropped
upstream (the docx-paragraph JSON lineage) keep their markers and have no
bodies at all; there a single information finding says so (UNR122). Between
the two lie renderings that kept the bodies of the last footnotes only (the
docx-paragraph JSON keeps the last page's; PDF text keeps page-foot bodies the
parser may not recognise): markers numbered below every body are reported
once, as a warning (UNR125), and only markers at or above the first body are
errors (UNR121).

For UNR123 the evidence is looser, so that a footnote is reported only when
nothing can be pointing to it: markers in unparsed text and in the closing
count too, and so do numbers set off by one space that name a footnote body:
anywhere in a text that has no glued marker at all (the yearbook OCR
convention), and where PDF text puts a superscript (at a line end, or after a
comma before a lower-case word) in any text.
"""

from __future__ import annotations

from collections.abc import Iterator

from unres.digits import decimal_value, is_number
from unres.models import Footnote, Section
from unres.validate.document import Document, Hit
from unres.validate.markers import (
    SPACED_MARKER,
    SPACED_PDF_MARKER,
    Marker,
    glued_markers,
)
from unres.validate.nodes import text_nodes


def sections(document: Document) -> list[Section]:
    """Every section of the operative part, at any depth (their headings are running text)."""
    found: list[Section] = []
    stack = [s for body in document.bodies for s in body.sections]
    while stack:
        section = stack.pop()
        found.append(section)
        stack.extend(section.sections)
    return found


def _regions(document: Document, unparsed: bool = False) -> list[tuple[int, int]]:
    """Merged spans of running text: every text node, section and title line (and unparsed
    text and closings)."""
    r = document.resolution
    spans = [node.span for node in text_nodes(r)]
    spans += [section.span for section in sections(document)]
    spans += [(token.start, token.end) for token in document.tokens if token.kind == "title"]
    if r.title_span is not None:
        spans.append(r.title_span)
    if unparsed:
        spans += [node.span for node in r.unparsed]
        spans += [body.adoption.span for body in document.bodies if body.adoption is not None]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def markers(document: Document) -> list[Marker]:
    """Every footnote marker of the document, by position: tree references and glued numbers."""
    found = {
        ref.span[0]: Marker(ref.marker, ref.span)
        for node in text_nodes(document.resolution)
        for ref in node.footnote_refs
    }
    if document.source is not None:
        masked = document.masked
        for start, end in _regions(document):
            for marker in glued_markers(masked, start, end):
                found.setdefault(marker.span[0], marker)
    return [found[start] for start in sorted(found)]


def references(document: Document) -> set[str]:
    """Every marker that may point to a footnote: :func:`markers`, plus glued numbers in
    unparsed text and closings, and, in a text with no glued marker at all, numbers set
    off by one space that name a footnote body."""
    glued = markers(document)
    found = {marker.marker for marker in glued}
    if document.source is None:
        return found
    defined = {note.marker for note in document.resolution.footnotes}
    masked = document.masked
    for start, end in _regions(document, unparsed=True):
        found.update(m.marker for m in glued_markers(masked, start, end))
        # A text writes its markers one way: spaced anywhere only where none is glued,
        # spaced the way PDF text sets a superscript always.
        forms = (SPACED_MARKER,) if not glued else (SPACED_PDF_MARKER,)
        spaced = glued_markers(masked, start, end, forms)
        found.update(m.marker for m in spaced if m.marker in defined)
    return found


def _marker_span(note: Footnote) -> tuple[int, int]:
    return note.span[0], min(note.span[0] + max(len(note.marker), 1), note.span[1])


def _numbers(values: list[str]) -> str:
    return ", ".join(values) if len(values) <= 6 else f"{values[0]} … {values[-1]}"


def _unbodied(document: Document) -> tuple[list[Marker], list[Marker]]:
    """Markers that name no footnote: those below every footnote body, and the others."""
    notes = document.resolution.footnotes
    if not notes:
        return [], []
    defined = {note.marker for note in notes}
    numbers = [v for v in map(decimal_value, defined) if v is not None]
    lowest = min(numbers, default=0)
    found = [marker for marker in markers(document) if marker.marker not in defined]
    below = [marker for marker in found if (decimal_value(marker.marker) or 0) < lowest]
    return below, [marker for marker in found if (decimal_value(marker.marker) or 0) >= lowest]


def missing_bodies(document: Document) -> Iterator[Hit]:
    """UNR121: a marker names no footnote, though footnotes below and around it have bodies."""
    listed = _numbers(list(dict.fromkeys(note.marker for note in document.resolution.footnotes)))
    for marker in _unbodied(document)[1]:
        yield Hit(
            marker.span,
            f"footnote marker {marker.marker} has no footnote (footnotes: {listed})",
        )


def bodies_partial(document: Document) -> Iterator[Hit]:
    """UNR125: the first footnotes have markers but no bodies; only later ones have bodies."""
    below = _unbodied(document)[0]
    if not below:
        return
    names = list(dict.fromkeys(marker.marker for marker in below))
    values = (decimal_value(note.marker) for note in document.resolution.footnotes)
    first = min((value for value in values if value is not None), default=0)
    yield Hit(
        below[0].span,
        f"footnote marker{'s' if len(names) > 1 else ''} {_numbers(names)} but footnote bodies "
        f"only from {first} on: the earlier bodies were probably lost upstream or not recognised",
    )


def bodies_absent(document: Document) -> Iterator[Hit]:
    """UNR122: markers but no footnote bodies at all."""
    if document.resolution.footnotes:
        return
    found = markers(document)
    if not found:
        return
    names = list(dict.fromkeys(marker.marker for marker in found))
    yield Hit(
        found[0].span,
        f"{len(names)} footnote marker{'s' if len(names) > 1 else ''} ({_numbers(names)}) "
        "but no footnote bodies: the footnotes were probably dropped upstream",
    )


def unreferenced(document: Document) -> Iterator[Hit]:
    """UNR123: a footnote no marker points to."""
    used = references(document)
    masked = document.masked
    for note in document.resolution.footnotes:
        if note.marker in used:
            continue
        if note.marker and not is_number(note.marker) and note.marker in masked:
            continue  # a symbol marker (*, †) glued to a title or a word
        yield Hit(_marker_span(note), f"footnote {note.marker} is never referenced in the text")


def duplicates(document: Document) -> Iterator[Hit]:
    """UNR124: two footnotes with the same marker."""
    seen: set[str] = set()
    for note in document.resolution.footnotes:
        if note.marker in seen:
            yield Hit(_marker_span(note), f"footnote {note.marker} is defined twice")
        seen.add(note.marker)
