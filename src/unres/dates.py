"""Dates as printed in resolutions, turned into ISO strings.

Takes phrases such as ``22 November 2002``, ``22\u00a0November\u00a02002``,
``on 19 December 2023``, ``1er janvier 2024`` or ``23 de diciembre de 2016``
and returns ``YYYY-MM-DD``, or ``None`` when the words are not a real date
(``31 February 2002`` is not). Month names come from :mod:`unres.lexicon`.
"""

from __future__ import annotations

import datetime as dt

import regex

from unres.lexicon import MONTHS

DATE = regex.compile(
    r"""
    (?P<day>\d{1,2})(?:er)?[ \u00a0]++(?:de[ \u00a0]++)?
    (?P<month>\p{L}++)[ \u00a0,]++(?:de[ \u00a0]++)?
    (?P<year>\d{4})
    """,
    regex.VERBOSE,
)
"""A day-month-year date anywhere in a string."""


def iso_date(day: str, month: str, year: str) -> str | None:
    """ISO form of a day, a month name and a year, or ``None`` if that is no date."""
    number = MONTHS.get(month.lower())
    if number is None:
        return None
    try:
        return dt.date(int(year), number, int(day)).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first real date in ``text``: its ISO form and its ``[start, end)`` in ``text``."""
    for m in DATE.finditer(text):
        iso = iso_date(m["day"], m["month"], m["year"])
        if iso is not None:
            return iso, m.start(), m.end()
    return None
