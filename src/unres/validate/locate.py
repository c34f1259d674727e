"""Finding the words a finding is about: a value in the removed noise, a date in a stretch of text.

Metadata fields (symbol, session title, issue date) are read by the parser
from noise records and carry no span of their own; the records themselves
are kept as removals with their exact source text, so the value is looked
up there. Dates are matched with :data:`unres.dates.DATE`.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from unres.dates import DATE, iso_date
from unres.lexicon import MONTHS
from unres.models import Resolution

Span = tuple[int, int]

_SPACE = regex.compile(r"[\s\u00a0]+")


def in_removals(resolution: Resolution, value: str) -> Span | None:
    """The span of the first occurrence of ``value`` in a removal, spaces matched loosely."""
    words = [regex.escape(word) for word in _SPACE.split(value.strip()) if word]
    if not words:
        return None
    pattern = regex.compile(r"[\s\u00a0]*+".join(words))
    for removal in resolution.removed:
        m = pattern.search(removal.text)
        if m is not None:
            return removal.span[0] + m.start(), removal.span[0] + m.end()
    return None


def dates(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[str | None, Span]]:
    """Every day-month-year phrase in ``text[start:end]`` with a month name the lexicon knows.

    Gives the ISO date, or ``None`` when the words are not a real date, and the span.
    """
    for m in DATE.finditer(text, start, len(text) if end is None else end):
        if m["month"].lower() in MONTHS:
            yield iso_date(m["day"], m["month"], m["year"]), (m.start(), m.end())


def date_span(text: str, start: int, end: int, iso: str) -> Span | None:
    """The span of the date ``iso`` written out in ``text[start:end]``."""
    for found, span in dates(text, start, end):
        if found == iso:
            return span
    return None


def date_in_removals(resolution: Resolution, iso: str) -> Span | None:
    """The span of the date ``iso`` written out in a removal."""
    for removal in resolution.removed:
        span = date_span(removal.text, 0, len(removal.text), iso)
        if span is not None:
            return removal.span[0] + span[0], removal.span[0] + span[1]
    return None
