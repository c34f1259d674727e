"""Operative paragraphs and sections of the operative part.

Recognises the numbered paragraph (``1.<TAB>Calls upon …``, ``12 bis.``), and
section headings inside the operative part: a Roman numeral alone or with a
heading (``II``, ``III.<TAB>Implementation``) and a lettered sub-heading
(``A.<TAB>Pattern of conferences``). A number printed without its full stop
(``26 Condemns …``) is a paragraph's only where the sequence expects it and an
operative phrase follows (:func:`bare_paragraph`).
"""

from __future__ import annotations

import regex

from unres.lexicon import match_opening

PARAGRAPH = regex.compile(
    r"""
    (?P<number>\d{1,3}(?:[ \u00a0]?(?:bis|ter|quater))?)
    (?:
        \.(?:[\t \u00a0]++|$)
      | \t++(?=\p{Lu})                 # a tab but no full stop, as Word sometimes leaves it
      | ,[ \u00a0]++(?=\p{Lu})          # OCR reading the full stop as a comma
    )
    """,
    regex.VERBOSE,
)
"""The number at the start of an operative paragraph."""
assert PARAGRAPH.groupindex == {"number": 1}  # the builder reads it as group 1

_BARE_NUMBER = regex.compile(r"(?P<number>\d{1,3})[ \u00a0]++(?=\p{Lu})")


def bare_paragraph(text: str, expected: int | None = None) -> regex.Match[str] | None:
    """A paragraph number printed with no full stop after it (``26 Condemns …``), or None.

    Only before an operative phrase, and only the number ``expected`` when given (the one
    that continues the sequence): a footnote line (``14 See A/78/217.``) or a figure opening
    a sentence is no paragraph.
    """
    m = _BARE_NUMBER.match(text)
    if m is None or (expected is not None and int(m["number"]) != expected):
        return None
    return m if match_opening(text[m.end() :], "operative") else None


def paragraph_number(text: str) -> int | None:
    """The number of a paragraph opening ``text`` (``12.``, or bare), as an integer, or None."""
    m = PARAGRAPH.match(text) or bare_paragraph(text)
    return int(m["number"]) if m is not None and m["number"].isdigit() else None


ROMAN_HEADING = regex.compile(
    r"""
    (?P<label>[IVXL]{1,7})\.?
    (?:[\t \u00a0]++(?P<heading>\S[^\n]*+))?
    """,
    regex.VERBOSE,
)
"""``II`` or ``II.<TAB>Heading``: matched against a whole block."""

ARTICLE_HEADING = regex.compile(
    r"""
    (?P<label>(?:Article|ARTICLE|Rule|RULE)[ \u00a0]++(?:\d{1,3}|[IVXL]{1,6}))
    (?:[ \u00a0]*+[.:\-–—][ \u00a0]*+(?P<heading>\S[^\n]{0,200}+))?
    """,
    regex.VERBOSE,
)
"""``Article 13``, ``ARTICLE 1. Title``: a heading inside an instrument the text adopts."""

LETTER_HEADING = regex.compile(
    r"""
    (?P<label>[A-Z])\.
    [\t \u00a0]*+(?P<heading>\p{Lu}[^\n]*+)
    """,
    regex.VERBOSE,
)
"""``A.<TAB>Heading``: matched against a whole block."""
