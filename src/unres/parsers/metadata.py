"""ODS metadata: what the field tags and the first-page header say.

Takes the noise records found by :mod:`.normalize` (ODS tags, the glued cover
line, the date-and-session line, the agenda line, the print job number, lone
symbol lines) and reads their captured values into the fields of
:class:`~unres.models.Metadata`. It reads only records; the text of the body
is left alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import regex

from unres.dates import find_date
from unres.models import Metadata
from unres.models.tree import Lineage
from unres.parsers.records import Noise

_AGENDA_ITEM = regex.compile(r"\d{1,3}(?:[ ]?\([a-z]\))?")
_COVER_DATE_LINE = regex.compile(
    r"""
    (?: .*? \S [ \u00a0]{3,}+ )?+      # a cover word set apart by a layout gap (General Assembly)
    (?P<date> \d{1,2} [ \u00a0]++ \p{L}++ [ \u00a0]++ \d{4} )
    [ \u00a0]*+ \.?+ [ \u00a0]*+
    """,
    regex.VERBOSE,
)
"""A cover line that is an issue date: the date alone, or at the end after a layout gap."""


def cover_issue_date(texts: Iterable[str]) -> str | None:
    """The issue date printed on a cover: the first line of ``texts`` that is a date alone (or
    a date set apart at the end of a layout line). A date inside running text, "letter dated
    16 January 1964", is the body's, not the cover's: it is never taken."""
    for text in texts:
        for line in text.splitlines():
            m = _COVER_DATE_LINE.fullmatch(line.strip())
            found = find_date(m["date"]) if m is not None else None
            if found is not None:
                return found[0]
    return None


@dataclass(slots=True)
class _Collected:
    job_number: str | None = None
    symbols: list[str] = field(default_factory=list)
    distribution: str | None = None
    issue_date: str | None = None
    session_title: str | None = None
    agenda_items: list[str] = field(default_factory=list)
    print_job: str | None = None
    ods_tags: dict[str, str] = field(default_factory=dict)
    organ: str | None = None


def read_metadata(noise: tuple[Noise, ...]) -> _Collected:
    found = _Collected()
    for item in noise:
        reader = _READERS.get(item.rule)
        if reader is not None:
            reader(item, found)
    return found


def to_model(found: _Collected, *, encoding: str | None, lineage: Lineage) -> Metadata:
    return Metadata(
        job_number=found.job_number,
        symbols=found.symbols,
        distribution=found.distribution,
        issue_date=found.issue_date,
        session_title=found.session_title,
        agenda_items=found.agenda_items,
        print_job=found.print_job,
        encoding=encoding,
        lineage=lineage,
        ods_tags=found.ods_tags,
    )


def _add_symbol(found: _Collected, symbol: str | None) -> None:
    if symbol:
        symbol = " ".join(symbol.split())
        if symbol not in found.symbols:
            found.symbols.append(symbol)


def _ods_tag(item: Noise, found: _Collected) -> None:
    name, value = item.field("name") or "", item.field("value") or ""
    if not value:
        return
    found.ods_tags.setdefault(name, value)
    if name == "JOB NO":
        found.job_number = found.job_number or value
    elif name.startswith("DOC SYMBOL"):
        _add_symbol(found, value)


def _cover(item: Noise, found: _Collected) -> None:
    _add_symbol(found, item.field("symbol"))
    distribution = item.field("distribution")
    if distribution and found.distribution is None:
        found.distribution = distribution.capitalize()
    found.organ = found.organ or item.field("organ")


def _date_session(item: Noise, found: _Collected) -> None:
    date = find_date(item.field("date") or "")
    if date is not None and found.issue_date is None:
        found.issue_date = date[0]
    session = item.field("session")
    if session and found.session_title is None:
        found.session_title = " ".join(session.split())


def _agenda(item: Noise, found: _Collected) -> None:
    for m in _AGENDA_ITEM.finditer(item.field("items") or ""):
        if m.group() not in found.agenda_items:
            found.agenda_items.append(m.group())


def _print_job(item: Noise, found: _Collected) -> None:
    if found.print_job is None:
        found.print_job = f"{item.field('job')}-{item.field('serial')}"


def _symbol(item: Noise, found: _Collected) -> None:
    _add_symbol(found, item.field("symbol"))


_READERS = {
    "ods-tag": _ods_tag,
    "ods-cover": _cover,
    "date-session": _date_session,
    "agenda": _agenda,
    "print-job": _print_job,
    "symbol": _symbol,
    "symbol-title": _symbol,
    "un-symbol": _symbol,
    "cover-organ": _cover,
    "distribution": _cover,
    "session": _date_session,
    "cover-date": _date_session,
}
