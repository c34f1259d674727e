"""References: the UN document symbols and resolution citations in a text.

Takes the blocks of a resolution (with the kinds of their tokens) and finds,
with exact source spans:

* document symbols: ``A/51/261``, ``A/57/166/Add.1``, ``E/CN.4/1998/53/Add.2``,
  ``S/2023/406``, ``S/RES/1325 (2000)``, ``A/HRC/RES/50/6``;
* resolution citations: ``resolution 242 (1967)``, ``resolutions 53/70 of 4
  December 1998, 54/49 of 1 December 1999 and 56/19``, ``Security Council
  resolution 1325 (2000)``, ``General Assembly resolution ES-10/18 of 16
  January 2009``, ``its resolution 2625 (XXV)``. Each number of a list is a
  reference of its own, normalised to a symbol: the organ named before
  ``resolution`` decides the series, ``its`` (or nothing) means the organ
  of the document itself, and a number of the ``NNNN (YYYY)`` form is a
  Security Council one whoever cites it.

It reads text only; it changes no node. It runs once for every parse, so it
goes the short way where that gives the same references: each pattern is
tried only where a match can start, a citation's numbers come from the
captures of its one match, and the models are validated in one call
(``tests/test_references_fast.py`` holds them equal to the plain way).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import NotRequired, TypedDict

import regex
from pydantic import TypeAdapter

from unres.dates import iso_date
from unres.models import Reference
from unres.parsers.blocks import Block

SYMBOL = regex.compile(
    r"""
    (?<![\p{L}\p{N}/])
    (?P<symbol>
        (?:A|S|E|ST|DP|TD|UNEP|ICCD|FCCC|CCPR|CERD|CRC|CEDAW|CAT|UNW|INCB|DP/FPA)
        (?:/[A-Z][A-Za-z0-9.\-]{0,20}+)*+        # series: HRC, CN.4, C.3, AC.105, CONF.157
        (?:/(?:\d|L\.\d|CRP\.\d|WP\.\d)[\dA-Za-z.\-]{0,12}+)++  # 57/166, 2023/406, L.15
        (?:/(?:Add|Corr|Rev|Amend|Suppl)\.\d{1,3}+)*+
        (?:[ \u00a0]\(\d{4}\))?                  # S/RES/1325 (2000)
    )
    (?![\p{L}\p{N}])
    """,
    regex.VERBOSE,
)
"""A document symbol. Tried only where :func:`_symbol_matches` finds one may start."""

_ORGAN_BEFORE = (
    r"(?:(?P<organ>General[ \u00a0]Assembly|Security[ \u00a0]Council"
    r"|Human[ \u00a0]Rights[ \u00a0]Council|Economic[ \u00a0]and[ \u00a0]Social[ \u00a0]Council"
    r"|Council|Assembly)[ \u00a0]++)?"
)

# The pattern opens with the word "resolution" and reads the organ named before it
# in a lookbehind, so that a scan jumps from one "resolution" to the next instead of
# trying the organ names at every position; only the organ group and the list are
# used, and they come out as a pattern opening with the organ would give them.
#
# Each number of the list is read by the same named groups, of which the regex module
# keeps one capture per number (``captures``, ``starts``, ``ends``); the part and
# date groups match empty text where a number has none, so that the captures of the
# three groups line up, number for number.
CITATION = regex.compile(
    rf"""
    resolutions?
    (?<={_ORGAN_BEFORE}(?:its[ \u00a0]++)?resolutions?)  # "General Assembly", "its"
    [ \u00a0]++
    (?P<list>
        {{ITEM}}
        (?:(?:,[ \u00a0]*+(?:and[ \u00a0]++)?|[ \u00a0]++and[ \u00a0]++){{ITEM}}){{0,40}}+
    )
    """.replace(
        "{ITEM}",
        r"""(?P<number>(?:ES|S)-\d{1,2}/\d{1,4}|\d{1,4}/\d{1,4}
            |\d{1,4}[ \u00a0]?\((?:[IVXL]{1,7}|S-[IVX]{1,4}|ES-[IVX]{1,4}|\d{4})\))
            (?P<part>(?:[ \u00a0][A-Z](?![\p{L}]))?)                      # " B", or nothing
            (?P<date>(?:[ \u00a0]++of[ \u00a0]++\d{1,2}[ \u00a0]\p{L}++[ \u00a0]\d{4})?)""",
    ),
    regex.VERBOSE,
)

# Group numbers, looked up once: the regex module finds a group by name slowly.
_ORGAN, _NUMBER, _PART, _DATE = (
    CITATION.groupindex[name] for name in ("organ", "number", "part", "date")
)

_SERIES = {
    "General Assembly": "A/RES/",
    "Assembly": "A/RES/",
    "Security Council": "S/RES/",
    "Human Rights Council": "A/HRC/RES/",
    "Economic and Social Council": "E/RES/",
}
_SERIES_OF_NOTHING = "A/RES/"
"""The series of a number when no organ is known (or only "Council"): the Assembly's."""

_REFERENCES: TypeAdapter[list[Reference]] = TypeAdapter(list[Reference])
"""Validates the fields of many references in one call: as ``Reference(**fields)`` each."""


class _Fields(TypedDict):
    """The fields of a reference not yet made, as ``Reference(**fields)`` would take them."""

    kind: str
    text: str
    symbol: str
    date: NotRequired[str | None]
    span: tuple[int, int]


def find_references(blocks: Iterable[Block], organ: str | None) -> list[Reference]:
    """Every symbol and citation in ``blocks``, in source order, without overlaps."""
    found: list[_Fields] = []
    for block in blocks:
        text = block.text
        slash = "/" in text
        # every number a citation lists holds a "/" or a "(": look for those first, faster
        if (slash or "(" in text) and "esolution" in text:
            found += _citations(block, organ)
        if slash:
            found += _symbols(block)
    found.sort(key=_source_order)
    kept: list[_Fields] = []
    last_end = -1
    for fields in found:
        start, end = fields["span"]
        if kept and start < last_end:
            continue
        last_end = end
        kept.append(fields)
    return _REFERENCES.validate_python(kept)


def _source_order(fields: _Fields) -> tuple[int, int]:
    """Earlier first; of two starting together, the longer first."""
    start, end = fields["span"]
    return start, -end


def _shift(block: Block) -> int | None:
    """What :meth:`Block.source_offset` adds to every index of a one-piece block, if all."""
    pieces = block.pieces
    if len(pieces) == 1:
        base, stop = pieces[0]
        if base + len(block.text) <= stop:  # no index is clipped to the piece's end
            return base
    return None


def _span(block: Block, shift: int | None, start: int, end: int) -> tuple[int, int]:
    """The source span of ``block.text[start:end]``, ``shift`` as :func:`_shift` gave it."""
    if shift is not None:
        return shift + start, shift + end
    low, high = block.source_offset(start), block.source_offset(end)
    return (low, high) if low <= high else (high, low)  # across a mended block's seam


def _symbols(block: Block) -> list[_Fields]:
    """The fields of the document symbols of a block."""
    text = block.text
    found: list[_Fields] = []
    shift = _shift(block)
    for start, end in _symbol_matches(text):
        span = _span(block, shift, start, end)
        matched = text[start:end]  # SYMBOL's lookarounds take no text
        symbol = matched.replace("\u00a0", " ")  # its only white space: before "(2000)"
        # SYMBOL's \d takes an ASCII digit or a Unicode one that str.isdigit may not know
        if symbol.isascii() or any(map(str.isdigit, symbol)):
            kind = "resolution" if "/RES/" in symbol else "document"
            # no "date": a symbol's reference leaves it unset, as Reference(...) did
            found.append({"kind": kind, "text": matched, "symbol": symbol, "span": span})
    return found


def _symbol_matches(text: str) -> list[tuple[int, int]]:
    """The spans of what ``SYMBOL.finditer(text)`` yields, found faster.

    A SYMBOL match starts at the head of a run of capitals that ends in ``/`` (its
    prefixes are capitals followed by ``/``, and its lookbehind refuses a start
    after a letter), so SYMBOL is tried there only, places :meth:`str.find` reaches
    far faster than a regex scan that tries SYMBOL at every position.
    """
    found: list[tuple[int, int]] = []
    end = 0  # as a scan goes on after a match, no match starts inside another
    slash = text.find("/")
    while slash != -1:
        start = slash
        while start and "A" <= text[start - 1] <= "Z":
            start -= 1
        if end <= start < slash and (m := SYMBOL.match(text, start)) is not None:
            end = m.end()
            found.append((start, end))
        slash = text.find("/", slash + 1)
    return found


def _citations(block: Block, organ: str | None) -> list[_Fields]:
    """The fields of each number of each resolution citation of a block."""
    text = block.text
    found: list[_Fields] = []
    shift = _shift(block)
    for m in _citation_matches(text):
        series = _series(m[_ORGAN], organ)
        numbers, parts, dates = m.captures(_NUMBER), m.captures(_PART), m.captures(_DATE)
        items = zip(numbers, parts, dates, m.starts(_NUMBER), m.ends(_DATE), strict=True)
        for number, part, date, start, end in items:
            symbol = _normalise(number.replace("\u00a0", " "), series)
            if part:  # " B": one space and the letter
                symbol = f"{symbol} {part[1:]}"
            found.append(
                {"kind": "resolution", "text": text[start:end], "symbol": symbol,
                 "date": _date(date) if date else None, "span": _span(block, shift, start, end)}
            )  # fmt: skip
    return found


def _citation_matches(text: str) -> Iterator[regex.Match[str]]:
    """What ``CITATION.finditer(text)`` yields, with CITATION tried at each "resolution" only.

    A match opens with that word, which :meth:`str.find` reaches faster than a
    regex scan does.
    """
    at = text.find("resolution")
    while at != -1:
        m = CITATION.match(text, at)
        if m is None:
            at = text.find("resolution", at + 1)
        else:
            yield m
            at = text.find("resolution", m.end())


@lru_cache(maxsize=1024)
def _date(date: str) -> str | None:
    """The ISO form of the date group of a number, `` of 4 December 1998``.

    Cached, as the same few dates recur in a text (the cache is bounded, and
    the function pure).
    """
    _of, day, month, year = date.split()  # its only white space: between those four
    return iso_date(day, month, year)


def _series(named: str | None, organ: str | None) -> str:
    """The symbol prefix of a citation: the organ named before it, else the document's."""
    if named:
        named = named.replace("\u00a0", " ")  # its only white space: one between words
    chosen = named or organ
    if chosen == "Council":
        return _SERIES_OF_NOTHING
    return _SERIES.get(chosen or "General Assembly", _SERIES_OF_NOTHING)


def _normalise(number: str, series: str) -> str:
    """The symbol of a number: ``S/RES/1325 (2000)``, ``A/RES/53/70``, ``A/RES/2625 (XXV)``.

    A number of the ``NNNN (YYYY)`` form (the only one to end in ``)`` after no
    roman numeral) is a Security Council one whoever cites it.
    """
    if number[-1] == ")" and number[-2] not in "IVXL":
        digits, _, year = number.partition("(")
        return f"S/RES/{digits.rstrip()} ({year}"
    return series + number
