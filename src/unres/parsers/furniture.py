"""Page furniture that only context reveals: running headers and page-foot footnote zones.

Takes the rows of a text after the whole-line rules of :mod:`.normalize` ran:
per non-blank physical line, either a :class:`~.records.ContentLine` or a
:class:`~.records.Noise`. Gives the rows back with

* running headers turned into noise: a short line without closing
  punctuation that sits next to a page *anchor* (a lone symbol line, a print
  job number, a ``2/13`` page count, a barcode, a page break) and either
  appears at least twice in the text (a leading resolution number aside) or
  stands right beside a lone symbol line below the first page's cover; the lines of a
  title wrapped otherwise on one page only count too when they fill the gap between a
  page's foot and the next symbol line and all repeat words of the first page;
* footnote zones marked: the lines after a ``____`` separator, up to the next
  page anchor, are flagged ``footnote``; a lone number in a zone that also
  holds text is a footnote marker, so it becomes content again rather than a
  page number.

It never merges or splits lines and never touches lines outside those cases.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

import regex

from unres.lexicon import match_opening
from unres.parsers.heading import (
    ANNEX_HEADING,
    SPONSORS_LINE,
    TITLE,
    TITLE_NUMBER,
    organ_line,
)
from unres.parsers.records import ContentLine, LineLayout, Noise
from unres.parsers.tokens import TokenKind
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


_ZONE_RULES = {"header": "running-header", "footer": "page-footer", "rule": "separator"}
"""The rule named in the noise record of a line the page layout puts in a furniture zone."""


def laid_out_rows(source: SourceText, rows: list[Row], layout: tuple[LineLayout, ...]) -> list[Row]:
    """The rows of text read from a PDF, with what the page says about each line.

    A line in a header, footer or rule zone is noise (kept with the values a text rule
    captured from it, if one matched: the job number, the symbol); a line in the footnote
    zone is flagged ``footnote``, and stays content even where a text rule took it for
    furniture; every line keeps its page. The cover lines that only their
    neighbours reveal are found as in text.
    """
    out: list[Row] = []
    for row in rows:
        index = source.line_index(row.start)
        where = layout[index] if index < len(layout) else None
        if where is None:
            out.append(row)
        elif where.zone in _ZONE_RULES:
            out.append(_furniture_row(row, where.zone))
        elif type(row) is ContentLine:
            out.append(row._replace(footnote=where.zone == "footnote", page=where.page - 1))
        elif where.zone == "footnote" and type(row) is Noise and row.kind != "separator":
            # a text rule took a footnote for furniture (``¹¹ A/48/486-S/26560, annex.``)
            pieces = ((row.start, row.end),)
            out.append(ContentLine(index + 1, pieces, True, where.page - 1))
        else:
            out.append(row)
    return _cover_followers(source.text, out)


def _furniture_row(row: Row, zone: str) -> Noise:
    """A row in a furniture zone as noise: a text rule's record if one matched, else the zone's."""
    if type(row) is Noise and (row.kind != "separator" or zone == "rule"):
        return row
    kind: TokenKind = "separator" if zone == "rule" else "page-header"
    return Noise(kind, row.start, row.end, _ZONE_RULES[zone])


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
    """Running headers: lines by a page anchor that recur, or that repeat the title.

    A line by an anchor (within :data:`_TITLE_REACH` rows) whose key recurs by
    other anchors (on a third of the pages at least, twice at least) is a
    running header whatever its case: the second and third
    lines of a running title (``on the fight against tuberculosis``) included;
    so are the lines that wrap a header met once (see :func:`_title_wraps`).
    A header-shaped line within two rows of an anchor is one when its key
    stands as a line on the first page too (the title: before the first running
    symbol and the first footnote rule): a line repeated in the body (an annexed
    rule, a footnote cited twice) is content. A line right beside a running
    symbol that occurs once as a line is one only when its words also stand on
    the first page (the title, wrapped otherwise) and it does not open with a
    clause's opening phrase: on a two-page resolution the title runs once, and
    the first line of a clause after the symbol is content.
    """
    anchors = [i for i, row in enumerate(rows) if type(row) is Noise and row.rule in _ANCHOR_RULES]
    if not anchors:
        return rows
    size = len(rows)
    first_symbol = next((i for i in anchors if _rule(rows[i]) == "symbol"), -1)
    running_symbols = [i for i in anchors if _rule(rows[i]) == "symbol" and i > first_symbol]
    near_symbol = _within(running_symbols, size, 1)
    near_two = _within(anchors, size, 2) | near_symbol
    lines = {
        index: _line_text(text, row)
        for index in sorted(_within(anchors, size, _TITLE_REACH))
        if type(row := rows[index]) is ContentLine and len(row.pieces) == 1
    }
    keys = {index: _key(line) for index, line in lines.items() if _title_line_shape(line)}
    often = max(2, len(running_symbols) // 3)  # a footnote repeated on two pages is no title
    recurring = {key for key, seen in Counter(keys.values()).items() if seen >= often}
    shaped = {i: keys[i] for i in keys if i in near_two and _header_shape(lines[i])}
    first_page = min(  # the cover and the title: before the first running symbol or notes' rule
        running_symbols[0] if running_symbols else size, _first_rule(text, rows, size)
    )
    counts = _key_counts(text, rows[:first_page], set(shaped.values()))
    title = _FirstPage(text, rows[first_page].start if first_page < size else len(text))
    out = list(rows)
    for index, key in keys.items():
        if key in recurring or (
            index in shaped
            and (
                counts[key] > (index < first_page)  # another line than itself
                or (index in near_symbol and title.echoes(lines[index], rows[index].start))
            )
        ):
            row = rows[index]
            out[index] = Noise("page-header", row.start, row.end, "running-header")
    _title_wraps(out, lines, set(keys), title)
    _enclosed_titles(out, anchors, lines, set(keys), title)
    return out


def _enclosed_titles(
    out: list[Row], anchors: list[int], lines: dict[int, str], shaped: set[int], title: _FirstPage
) -> None:
    """A running title met once, wrapped otherwise, standing alone between two page anchors.

    The lines between a page's foot (``2/4``, the print job) and the symbol atop the next
    page, at most :data:`_TITLE_REACH` of them, are headers when every one is title-shaped,
    repeats words of the first page and opens no clause: ``Developments in the field of
    information and telecommunications in`` / ``the context of international security``
    between ``23-26243`` and ``A/RES/78/237`` while the title wraps after ``and`` elsewhere.
    A run that holds any other line (a clause, a number) is left whole.
    """
    for before, after in pairwise(anchors):
        run = range(before + 1, after)
        if not 0 < len(run) <= _TITLE_REACH or _rule(out[after]) != "symbol":
            continue
        if all(
            index in shaped
            and type(row := out[index]) is ContentLine
            and title.echoes(lines[index], row.start)
            for index in run
        ):
            for index in run:
                row = out[index]
                out[index] = Noise("page-header", row.start, row.end, "running-header")


def _first_rule(text: str, rows: list[Row], default: int) -> int:
    """The row of the first footnote rule (``____``), or ``default``."""
    for index, row in enumerate(rows):
        if type(row) is Noise and row.kind == "separator" and text[row.start] == "_":
            return index
    return default


def _title_wraps(
    out: list[Row], lines: dict[int, str], shaped: set[int], title: _FirstPage
) -> None:
    """The other lines of a running title met once: its neighbours that repeat words of the text.

    From each running header, the title-shaped lines next to it, one after another, are
    headers too while their words stand elsewhere (the title on the first page) and
    no clause phrase opens them: ``on Ageing, entitled “Recommendations …`` under
    ``Consideration of decision 14/1 …`` on a two-page resolution.
    """
    found = [i for i in sorted(lines) if _rule(out[i]) == "running-header"]
    for start in found:
        for step in (1, -1):
            index = start + step
            while (
                index in shaped
                and type(row := out[index]) is ContentLine
                and title.echoes(lines[index], row.start)
            ):
                out[index] = Noise("page-header", row.start, row.end, "running-header")
                index += step


_TITLE_REACH = 4
_FIGURE_AND_WORD = regex.compile(r"\d++[ \u00a0]++\p{L}")
"""Rows either side of a page anchor a running title may take: four lines and the symbol."""


def _title_line_shape(body: str) -> bool:
    """A line a running title may hold: short, unpunctuated, not a number, quote or label.

    A figure may open it when a word follows (``2025 United Nations Conference…``,
    ``1949 and relating to…``), not a label or a number alone (``12.``, ``3``).
    """
    return (
        0 < len(body) <= _MAX_HEADER
        and not body.endswith(_CLOSING_PUNCTUATION)
        and (not body[:1].isdigit() or _FIGURE_AND_WORD.match(body) is not None)
        and body[:1] not in "(“\"'"
        and ANNEX_HEADING.fullmatch(body) is None
    )


@dataclass
class _FirstPage:
    """The cover and first page of a text (before the first running symbol), as a title's echo.

    A running title repeats the title printed on the first page, wrapped otherwise.
    """

    text: str
    end: int
    flat: str | None = None  # the first page with its white space collapsed, made when needed

    def echoes(self, line: str, start: int) -> bool:
        """Whether ``line`` (at ``start``) repeats words of the first page and opens no clause."""
        if match_opening(line, "preamble") is not None or match_opening(line, "operative"):
            return False
        if self.flat is None:
            self.flat = _SPACES.sub(" ", self.text[: self.end])
        words = _SPACES.sub(" ", line).strip()
        return _whole_words_count(self.flat, words) > (start < self.end)


def _whole_words_count(haystack: str, words: str) -> int:
    """How often ``words`` stand in ``haystack`` not inside a longer word or number."""
    found = 0
    at = haystack.find(words)
    while at >= 0:
        end = at + len(words)
        if not haystack[at - 1 : at].isalnum() and not haystack[end : end + 1].isalnum():
            found += 1
        at = haystack.find(words, at + 1)
    return found


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
