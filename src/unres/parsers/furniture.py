"""Page furniture that only context reveals: running headers and page-foot footnote zones.

Takes the rows of a text after the whole-line rules of :mod:`.normalize` ran:
per non-blank physical line, either a :class:`~.records.ContentLine` or a
:class:`~.records.Noise`. Gives the rows back with

* running headers turned into noise: a short line without closing
  punctuation that sits next to a page *anchor* (a lone symbol line, a print
  job number, a ``2/13`` page count, a barcode, a page break) and either
  appears at least twice in the text (a leading resolution number aside) or
  stands right beside a lone symbol line below the first page's cover;
* footnote zones marked: the lines after a ``____`` separator, up to the next
  page anchor, are flagged ``footnote``; a lone number in a zone that also
  holds text is a footnote marker, so it becomes content again rather than a
  page number.

It never merges or splits lines and never touches lines outside those cases.
"""

from __future__ import annotations

from collections import Counter

import regex

from unres.parsers.heading import (
    ANNEX_HEADING,
    SPONSORS_LINE,
    TITLE,
    TITLE_NUMBER,
    organ_line,
)
from unres.parsers.records import ContentLine, Noise
from unres.source import SourceText

Row = ContentLine | Noise

_ANCHOR_RULES = frozenset(
    {"symbol", "symbol-title", "print-job", "page-of", "barcode", "recycle", "date-code"}
)
_PAGE_TOP = frozenset({"symbol", "symbol-title", "running-header", "ods-cover"})
"""Furniture that opens a page: a footnote zone before it has ended."""
_LEADING_NUMBER = regex.compile(r"(?:[A-Z]{1,2}-)?\d{1,4}/\d{1,4}\.?[\t \u00a0]*+")
_SPACES = regex.compile(r"\s++")
_CLOSING_PUNCTUATION = (".", ",", ";", ":")
_UNDERSCORES = regex.compile(r"_{5,}+")
_MAX_HEADER = 150


def mark_page_furniture(source: SourceText, rows: list[Row]) -> list[Row]:
    rows = _cover_followers(source.text, rows)
    rows = _running_headers(source.text, rows)
    return _footnote_zones(source, rows)


_AGENDA_TITLE_MAX = 110
_COVER_DATE = regex.compile(
    r"""
    \d{1,2}(?:er)?[ \u00a0](?:de[ \u00a0])?\p{L}++[ \u00a0](?:de[ \u00a0])?\d{4}
    | \d{1,2}(?:[ \u00a0]\p{L}++)?(?:[ \u00a0]\d{4})?[–\-]\d{1,2}[ \u00a0]\p{L}++[ \u00a0]\d{4}
    """,
    regex.VERBOSE,
)
"""An issue date, or a session's dates (``26 February–23 March 2018``), alone on a line."""


def _heading_line(line: str) -> bool:
    """A line that begins the heading proper, so no longer cover matter."""
    return bool(
        line.startswith("[")
        or SPONSORS_LINE.fullmatch(line)
        or TITLE.fullmatch(line)
        or TITLE_NUMBER.fullmatch(line)
        or organ_line(line) is not None
    )


_COVER_DATE_LEADS = frozenset({"ods-cover", "distribution", "session", "cover-organ"})
_COVER_LEADS = _COVER_DATE_LEADS | {"agenda"}
"""The furniture that cover lines follow: an agenda title, or a date."""


def _cover_followers(text: str, rows: list[Row]) -> list[Row]:
    """Cover lines that only their neighbours reveal.

    * the agenda item's title: the short lines right under ``Agenda item 61``, with no
      blank line between;
    * a date alone under the cover line or the distribution line (the issue date), or
      under a session line (the session's dates).
    """
    out = list(rows)
    for index, row in enumerate(rows):
        if type(row) is not Noise or row.rule not in _COVER_LEADS:
            continue
        if row.rule == "agenda":
            end = row.end
            for follow in range(index + 1, len(rows)):
                nxt = rows[follow]
                if not isinstance(nxt, ContentLine) or len(nxt.pieces) != 1:
                    break
                if text.count("\n", end, nxt.start) > 1 or nxt.end - nxt.start > _AGENDA_TITLE_MAX:
                    break
                if _heading_line(text[nxt.start : nxt.end]):
                    break
                out[follow] = Noise("page-header", nxt.start, nxt.end, "agenda-title")
                end = nxt.end
        else:
            after = rows[index + 1] if index + 1 < len(rows) else None
            if isinstance(after, ContentLine) and _COVER_DATE.fullmatch(
                text, after.start, after.end
            ):
                field = (("date", text[after.start : after.end]),)
                out[index + 1] = Noise("page-header", after.start, after.end, "cover-date", field)
    return out


_CUT_PREFIXES = ("S-", "ES")


def _key(text: str) -> str:
    """A line as a running header repeats it: a leading resolution number and layout aside."""
    if text[:1].isdigit() or text.startswith(_CUT_PREFIXES):
        text = _LEADING_NUMBER.sub("", text, count=1)
    if "  " in text or "\t" in text:
        text = _SPACES.sub(" ", text)
    return text.strip()


def _line_text(text: str, row: ContentLine) -> str:
    return text[row.start : row.end]


def _rule(row: Row) -> str | None:
    return row.rule if isinstance(row, Noise) else None


def _header_shape(body: str) -> bool:
    """Short, not closed by punctuation, not opening with lower case, a number or a label."""
    return (
        0 < len(body) <= _MAX_HEADER
        and not body.endswith(_CLOSING_PUNCTUATION)
        and not body[:1].islower()
        and not body[:1].isdigit()
        and body[:1] not in "(“\"'"
        and ANNEX_HEADING.fullmatch(body) is None
    )


def _running_headers(text: str, rows: list[Row]) -> list[Row]:
    anchors = [i for i, row in enumerate(rows) if type(row) is Noise and row.rule in _ANCHOR_RULES]
    if not anchors:
        return rows
    near_two = _within(anchors, len(rows), 2)
    first_symbol = next((i for i in anchors if _rule(rows[i]) == "symbol"), -1)
    running_symbols = [i for i in anchors if _rule(rows[i]) == "symbol" and i > first_symbol]
    near_symbol = _within(running_symbols, len(rows), 1)
    shaped = {
        index: _key(_line_text(text, row))
        for index in sorted(near_two | near_symbol)
        if type(row := rows[index]) is ContentLine
        and len(row.pieces) == 1
        and _header_shape(_line_text(text, row))
    }
    counts = _key_counts(text, rows, {shaped[i] for i in shaped if i not in near_symbol})
    out = list(rows)
    for index, key in shaped.items():
        if index in near_symbol or counts[key] >= 2:
            row = rows[index]
            out[index] = Noise("page-header", row.start, row.end, "running-header")
    return out


def _key_counts(text: str, rows: list[Row], wanted: set[str]) -> Counter[str]:
    """How many short content lines have each ``wanted`` key (other keys uncounted).

    A line ends in the last word of its key (what follows the key's last space),
    unless the line ends in white space or :func:`_key` cuts a number out of it
    (lines opening with a digit, ``S-`` or ``ES``, holding a ``/``): any other line
    that ends in no wanted key's last word is skipped without its key.
    """
    counts: Counter[str] = Counter()
    if not wanted:
        return counts
    last_words = tuple({key.rpartition(" ")[2] for key in wanted})
    for row in rows:
        if type(row) is not ContentLine:
            continue
        start, end = row.pieces[0][0], row.pieces[-1][1]
        if end - start > _MAX_HEADER + 16:
            continue
        opens_cut = text[start].isdigit() or text.startswith(_CUT_PREFIXES, start)
        may_cut = opens_cut and text.find("/", start, end) >= 0
        if may_cut or text[end - 1].isspace() or text.endswith(last_words, start, end):
            key = _key(text[start:end])
            if key in wanted:
                counts[key] += 1
    return counts


def _within(indexes: list[int], size: int, reach: int) -> set[int]:
    near: set[int] = set()
    for index in indexes:
        near.update(range(max(0, index - reach), min(size, index + reach + 1)))
    return near


def _footnote_zones(source: SourceText, rows: list[Row]) -> list[Row]:
    text = source.text
    out = list(rows)
    resume = 0  # the row after the last zone: rows before it are in it
    pages: list[int | None] | None = None  # built at the first zone, once
    for index, row in enumerate(rows):
        if (
            index >= resume
            and type(row) is Noise
            and row.kind == "separator"
            and _UNDERSCORES.fullmatch(text, row.start, row.end)
        ):
            pages = _next_pages(rows) if pages is None else pages
            resume = _zone_end(rows, index + 1, pages[index + 1])
            _mark_zone(source, rows, out, index + 1, resume)
    return out


def _next_pages(rows: list[Row]) -> list[int | None]:
    """For each row index (and one past the end), the page of the first content line from it.

    One pass from the end: looking it up per zone in the rest of the rows made many
    separators quadratic.
    """
    pages: list[int | None] = [None] * (len(rows) + 1)
    page: int | None = None
    for index in range(len(rows) - 1, -1, -1):
        row = rows[index]
        if isinstance(row, ContentLine):
            page = row.page
        pages[index] = page
    return pages


def _zone_end(rows: list[Row], start: int, page: int | None) -> int:
    """The row after the zone: the next page anchor or running header after some content.

    ``page`` is the page of the first content line from ``start`` on.
    """
    for index in range(start, len(rows)):
        row = rows[index]
        if isinstance(row, Noise) and row.kind == "separator":
            return index
        if isinstance(row, Noise) and row.rule in _PAGE_TOP:
            return index
        if isinstance(row, ContentLine) and page is not None and row.page != page:
            return index
    return len(rows)


def _mark_zone(source: SourceText, rows: list[Row], out: list[Row], start: int, end: int) -> None:
    text = source.text
    zone = range(start, end)
    has_text = any(
        isinstance(rows[i], ContentLine) and not _line_text(text, rows[i]).isdigit()  # type: ignore[arg-type]
        for i in zone
    )
    if not has_text:
        return
    page = next((rows[i].page for i in zone if isinstance(rows[i], ContentLine)), 0)  # type: ignore[union-attr]
    for i in zone:
        row = rows[i]
        if isinstance(row, ContentLine):
            out[i] = row._replace(footnote=True)
        elif row.rule == "page-number":
            number = source.position(row.start)[0]
            out[i] = ContentLine(number, ((row.start, row.end),), True, page)
