"""Footnote markers in running text, found independently of the parser.

Three written forms are markers:

* a number of one to three digits glued to the word, bracket, quote or
  punctuation before it and followed by white space, punctuation or the end
  (``made,1``, ``Conferences;2``, ``Goals3 and``, ``(2016),4``); a group such as
  ``3,4`` gives one marker per number. Numbers inside symbols and citations
  (``A/54/213``, ``COVID-19``, ``Add.1``, ``para.3``, ``1,000``, ``2.5``) are not
  markers, but ``resolution 78/283,2`` ends with one;
* superscript digits anywhere after a word (``Israel,²⁰``, ``Secretary-General¹``),
  as the older texts of the docx-paragraph lineage write them;
* the 1990s form, a number and a slash after a space or glued
  (``Agenda 21, 4/``, ``disabilities,2/``).

:data:`SPACED_MARKER` is the looser form of the yearbook OCR (``1948, 4``),
used only as evidence that a footnote is referenced. A marker's span covers
what is written (``4/``, ``²⁰``); its ``marker`` is the number in ASCII digits.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

import regex

GLUED_MARKER: Final = regex.compile(
    r"""
    (?<=[\p{Ll}\p{Pe}\p{Pf},.;:’”"»])   # glued to a letter, closing bracket, quote or stop
    (?<![/\-\u2011\d])                  # not inside A/54/213, COVID-19 or a longer number
    (?<!\d[.:])                          # not 2.5 or 10:30
    (?!(?<=\d,)\d{3}(?!\d))              # not 1,000 (but 78/283,2 is a marker)
    (?<![A-Z][a-z]{0,5}\.)               # not Add.1, Corr.1, Rev.2, No.5, Suppl.3
    (?<!\b(?:para|paras|art|arts|p|pp|vol|chap|sect|annex)\.)   # not para.3, p.12
    (?P<group>[1-9]\d{0,2}(?:,[1-9]\d{0,2}){0,5})
    (?=[\s,.;:)\u00a0’”]|$)
    """,
    regex.VERBOSE,
)

SUPERSCRIPT_MARKER: Final = regex.compile(
    r"""
    (?<=[\p{L}\p{P}])
    (?P<group>[¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]{0,2})
    (?![⁰¹²³⁴⁵⁶⁷⁸⁹])
    """,
    regex.VERBOSE,
)

SLASH_MARKER: Final = regex.compile(
    r"""
    (?<=[\p{L}\p{P}][ \u00a0]?)          # after a word or a stop, glued or after one space
    (?<![/\d])
    (?P<group>[1-9]\d{0,2})/
    (?=[\s,.;:)]|$)
    """,
    regex.VERBOSE,
)

SPACED_MARKER: Final = regex.compile(
    r"""
    (?<=[\p{L}\p{Nd}\p{Pe}\p{Pf},.;:’”"»][ ])  # one space after a word: "selected. 3 Each"
    (?P<group>[1-9]\d{0,2})
    (?=[\s,.;:)]|$)
    """,
    regex.VERBOSE,
)
"""A marker set off by one space, as the correctors of the yearbook OCR wrote them.

Only evidence that a footnote *is* referenced: a number after a space is as
often a count or a paragraph number, so it never makes a marker on its own.
"""

SPACED_PDF_MARKER: Final = regex.compile(
    r"""
    (?:
        (?<=[\p{L}\p{Nd}\p{Pe}\p{Pf},.;:’”"»][ ])
        (?P<group>[1-9]\d{0,2})(?=[ \t]*+(?:\r?\n|$))  # at a line end: "belief; 6"
      | (?<=[,;:’”"][ ])
        (?P<group>[1-9]\d{0,2})(?=[ \t]++\p{Ll})       # after a stop: "Meeting, 12 in"
    )
    """,
    regex.VERBOSE,
)
"""How PDF text sets a superscript marker off by a space: at the end of a line, or after a
comma or semicolon before a lower-case word; evidence only, like :data:`SPACED_MARKER`."""

MARKER_FORMS: Final = (GLUED_MARKER, SUPERSCRIPT_MARKER, SLASH_MARKER)
"""The forms that make a marker on their own."""

_SUPERSCRIPT_DIGITS: Final = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


@dataclass(frozen=True, slots=True)
class Marker:
    """A footnote marker: its number and the span of what is written in the source."""

    marker: str
    span: tuple[int, int]


def _split(m: regex.Match[str]) -> Iterator[Marker]:
    group = m["group"]
    if m.end() > m.end("group"):  # 4/: the span takes the slash too
        yield Marker(group, (m.start(), m.end()))
        return
    position = m.start()
    for number in group.split(","):
        yield Marker(number.translate(_SUPERSCRIPT_DIGITS), (position, position + len(number)))
        position += len(number) + 1


def glued_markers(
    text: str, start: int, end: int, forms: tuple[regex.Pattern[str], ...] = MARKER_FORMS
) -> Iterator[Marker]:
    """The markers in ``text[start:end]`` written in any of ``forms``, with spans into ``text``."""
    for pattern in forms:
        for m in pattern.finditer(text, start, end):
            yield from _split(m)
