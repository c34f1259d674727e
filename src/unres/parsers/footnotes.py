"""Footnotes: their bodies, the markers glued into the text, and the linking pass.

A footnote body is a line (or block) opening with its marker: ``1 See
A/51/261, annex.``. A marker in running text is a number glued to the word or
punctuation before it (``made,1``, ``Conferences;2``, ``Goals1``) and followed by
white space, punctuation or the end of the text. Numbers that belong to a
symbol or a citation (``A/RES/57/53``, ``Add.1``, ``para. 3``) are never read
as markers.

:func:`find_markers` is used by the builder on every text node. When the
document has footnote bodies, only markers that name one of them are taken, so
a stray figure is not mistaken for a marker; when it has none (texts whose
footnotes were dropped upstream) every glued number is taken and the
validator reports it.
"""

from __future__ import annotations

import regex

FOOTNOTE_LINE = regex.compile(
    r"""
    (?P<marker>\d{1,3}|\*{1,3}|[†‡])
    [\t \u00a0]++
    (?P<text>\S[^\n]*+)
    """,
    regex.VERBOSE,
)
"""A footnote body: the marker, white space, the text."""

GLUED_MARKER = regex.compile(
    r"""
    (?<=
        (?<![A-Z][a-z]{0,5}\.)          # not Add.1, Corr.1, Rev.2, para.3, No.5
        [\p{Ll}\p{Pe}\p{Pf},.;:’”"»]
    )
    (?<![/\-\u2011\d])
    (?<!\d[,.:])                       # not 1,000 or 2.5 or 10:30
    (?P<marker>\d{1,3}(?:,\d{1,3}){0,5})
    (?=[\s,.;:)\u00a0]|$)
    """,
    regex.VERBOSE,
)
"""A footnote marker glued to the word or punctuation before it."""

_SKIP_BEFORE = regex.compile(
    r"""(?:\b(?:para|paras|art|arts|No|Nos|p|pp|vol|chap|sect|Add|Corr|Rev|Suppl)\.$)""",
    regex.VERBOSE | regex.IGNORECASE,
)


def find_markers(text: str, known: frozenset[str] | None) -> list[tuple[str, int, int]]:
    """Footnote markers in ``text``: ``(marker, start, end)`` with offsets into ``text``.

    A group such as ``3,4`` yields one marker per number, each with its own span.
    """
    found: list[tuple[str, int, int]] = []
    for m in GLUED_MARKER.finditer(text):
        if _SKIP_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        position = m.start()
        for number in m["marker"].split(","):
            start, end = position, position + len(number)
            position = end + 1
            if known is not None and number not in known:
                continue
            if known is None and (number.startswith("0") or int(number) > 200):
                continue
            found.append((number, start, end))
    return found
