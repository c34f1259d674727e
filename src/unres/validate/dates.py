"""Rules on dates: adoption after issue (UNR151), dates that are not real dates (UNR152),
and two adoption dates that disagree (UNR153).

The adoption date is the one the closing gives (``22 November 2002`` under the
plenary meeting line, or ``Adopted by the Security Council at its 7853rd
meeting, on 23 December 2016``); the issue date is the cover's
(``Distr.: General`` / ``30 December 2002``); the organ line of modern texts
repeats the adoption date (``Resolution adopted by the General Assembly on
18 December 2007``). Only the heading, the cover and the closing are read for
dates; dates cited in the body are content, not structure.
"""

from __future__ import annotations

from collections.abc import Iterator

from unres.api import TokenRecord
from unres.validate.document import Document, Hit, Span
from unres.validate.locate import date_in_removals, dates


def adoption_after_issue(document: Document) -> Iterator[Hit]:
    """UNR151: the document is dated before it was adopted."""
    r = document.resolution
    issued = r.metadata.issue_date
    if issued is None:
        return
    adopted = [body.adoption.date for body in document.bodies if body.adoption is not None]
    late = max((date for date in adopted if date is not None), default=None)
    if late is None or late <= issued:
        return
    span = date_in_removals(r, issued) or (0, 0)
    yield Hit(span, f"issue date {issued} is before the adoption date {late}")


def _heading_tokens(document: Document) -> list[TokenRecord]:
    return [t for t in document.tokens if t.kind in ("organ-line", "title", "page-header")]


def _dated_regions(document: Document) -> list[Span]:
    regions = [body.adoption.span for body in document.bodies if body.adoption is not None]
    regions += [(token.start, token.end) for token in _heading_tokens(document)]
    return sorted(set(regions))


def invalid_dates(document: Document) -> Iterator[Hit]:
    """UNR152: a date in the heading, cover or closing that is not a real date."""
    text = document.text
    for start, end in _dated_regions(document):
        for iso, span in dates(text, start, end):
            if iso is None:
                yield Hit(span, f"{text[span[0] : span[1]]!r} is not a real date")


def adoption_dates_disagree(document: Document) -> Iterator[Hit]:
    """UNR153: the organ line and the closing give different adoption dates."""
    adoption = document.resolution.adoption
    if adoption is None or adoption.date is None:
        return
    text = document.text
    for token in document.tokens:
        if token.kind != "organ-line":
            continue
        for iso, span in dates(text, token.start, token.end):
            if iso is not None and iso != adoption.date:
                message = f"the organ line dates the adoption {iso}, the closing {adoption.date}"
                yield Hit(span, message)
        return
