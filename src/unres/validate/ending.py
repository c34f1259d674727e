"""The last mark of a clause or paragraph: which character ends it, and where.

A clause or paragraph ends where its last unit ends: its last sub-item at any
depth, or its last wrap-up text, or else its own words (misplaced preambular
blocks, see :mod:`unres.validate.placement`, do not count). From that offset
the reader steps back over white space and over footnote markers (``made,1``,
``Agenda;3,4``, and at the very end ``Nations, 2`` as PDF and OCR text write
them) to the character that ends the text. A closing quotation mark
after the expected stop (``…security".``, ``…"peace;”``) is accepted as that
stop, and so is a last ``and`` or ``or`` after it (``…to the United Nations;
and``).
"""

from __future__ import annotations

from typing import Final

import regex

from unres.models import OperativeParagraph, PreambularClause
from unres.validate.document import Document
from unres.validate.markers import Marker
from unres.validate.nodes import flat_items
from unres.validate.placement import misplaced

CLOSING_QUOTES: Final = frozenset("\"'”’»")

_SPACED_LAST_MARKER: Final = regex.compile(r"[,;:.][ \u00a0]\d{1,3}")
"""``…United Nations, 2`` at the very end: a marker set off by a space (PDF and OCR text)."""

_LAST_CONJUNCTION: Final = regex.compile(r"(?P<mark>[;,])[ \u00a0]*+(?:and|or)")


def unit_end(holder: PreambularClause | OperativeParagraph, document: Document) -> int:
    """The source offset where the last unit of ``holder`` ends."""
    skipped = misplaced(holder, document) if isinstance(holder, OperativeParagraph) else []
    starts = {clause.start for clause in skipped}
    kept = [block for block in holder.wrap_up if block.span[0] not in starts]
    ends = [item.span[1] for item in flat_items(holder.items)]
    ends += [block.span[1] for block in kept]
    if ends:
        return max(ends)
    if skipped:
        return skipped[0].start
    return holder.span[1]


def last_mark(text: str, end: int, markers: dict[int, Marker]) -> int | None:
    """Offset of the last character before ``end`` that is not space or a footnote marker."""
    position = end
    while position > 0:
        while position > 0 and text[position - 1].isspace():
            position -= 1
        marker = markers.get(position)
        if marker is None:
            break
        position = marker.span[0]
        if text[position - 1 : position] == "," and position - 1 in markers:
            position -= 1
    spaced = _SPACED_LAST_MARKER.search(text, max(0, position - 6), position)
    if spaced is not None and spaced.end() == position:
        position = spaced.start() + 1
    return position - 1 if position > 0 else None


def ends_with(text: str, position: int, allowed: str) -> bool:
    """Whether the mark at ``position`` is one of ``allowed``: before a closing quote or not,
    and followed by a last ``and`` or ``or`` or not (``…United Nations; and``)."""
    mark = text[position]
    if mark in allowed:
        return True
    if mark in CLOSING_QUOTES:
        return position > 0 and text[position - 1] in allowed
    m = _LAST_CONJUNCTION.search(text, max(0, position - 8), position + 1)
    return m is not None and m.end() == position + 1 and m["mark"] in allowed
