"""Operative paragraphs and sections of the operative part.

Recognises the numbered paragraph (``1.<TAB>Calls upon …``, ``12 bis.``), and
section headings inside the operative part: a Roman numeral alone or with a
heading (``II``, ``III.<TAB>Implementation``) and a lettered sub-heading
(``A.<TAB>Pattern of conferences``).
"""

from __future__ import annotations

import regex

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
