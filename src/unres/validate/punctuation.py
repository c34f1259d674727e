"""Rules on how clauses and paragraphs end: UNR131 (preamble) and UNR132 (operative part).

A preambular clause ends with a comma. An operative paragraph ends with a
semicolon, the last one of the resolution (or of each part) with a full
stop. The usual exception: a clause or paragraph that ends with a colon
introduces a list, and is not reported even when the list was not
recognised. A body whose paragraphs mostly end with full stops is written in sentences (a
declaration: "We resolve …."; an old text); there full stops are accepted
throughout. A clause or paragraph whose opening phrase is not in the lexicon
(UNR002) is not checked: such a "clause" is more often a heading, a cover
line or quoted text that the parser took for one. The ending is read from
the source (:mod:`unres.validate.ending`), so both rules need the text.
"""

from __future__ import annotations

from collections.abc import Iterator

from unres.models import OperativeParagraph, PreambularClause
from unres.validate.document import Document, Hit
from unres.validate.ending import ends_with, last_mark, unit_end
from unres.validate.footnotes import markers
from unres.validate.markers import Marker

_NAMES = {",": "a comma", ";": "a semicolon", ".": "a full stop"}


def _mark(
    document: Document, holder: PreambularClause | OperativeParagraph, ends: dict[int, Marker]
) -> tuple[int, str] | None:
    position = last_mark(document.text, unit_end(holder, document), ends)
    if position is None or position < holder.span[0]:
        return None
    return position, document.text[position]


def _ends(document: Document) -> dict[int, Marker]:
    return {marker.span[1]: marker for marker in markers(document)}


def preamble(document: Document) -> Iterator[Hit]:
    """UNR131: a preambular clause that does not end with a comma."""
    ends = _ends(document)
    for body in document.bodies:
        for clause in body.preamble.clauses if body.preamble is not None else []:
            found = _mark(document, clause, ends) if clause.phrase_known else None
            if found is None or ends_with(document.text, found[0], ",:"):
                continue
            position, mark = found
            yield Hit(
                (position, position + 1),
                f"preambular clause {clause.phrase!r} ends with {mark!r} instead of a comma",
            )


def operative(document: Document) -> Iterator[Hit]:
    """UNR132: an operative paragraph not ending with a semicolon, or the last with a full stop."""
    ends = _ends(document)
    text = document.text
    for body in document.bodies:
        paragraphs = body.paragraphs()
        marks = [_mark(document, p, ends) if p.phrase_known else None for p in paragraphs]
        inner = [mark for mark in marks[:-1] if mark is not None]
        stops = sum(1 for position, _ in inner if ends_with(text, position, "."))
        sentences = bool(inner) and 2 * stops >= len(inner)
        for index, (paragraph, found) in enumerate(zip(paragraphs, marks, strict=True)):
            last = index == len(paragraphs) - 1
            expected = "." if last else ";"
            allowed = expected + ":" + ("." if sentences else "")
            if found is None or ends_with(text, found[0], allowed):
                continue
            position, mark = found
            yield Hit((position, position + 1), _message(paragraph, mark, expected, last))


def _message(paragraph: OperativeParagraph, mark: str, expected: str, last: bool) -> str:
    name = f"operative paragraph {paragraph.number}" if paragraph.number else "operative paragraph"
    if last:
        name = f"the last {name}"
    return f"{name} ends with {mark!r} instead of {_NAMES[expected]}"
