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

It reads text only; it changes no node.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from unres.dates import find_date
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

_ORGAN_BEFORE = (
    r"(?:(?P<organ>General[ \u00a0]Assembly|Security[ \u00a0]Council"
    r"|Human[ \u00a0]Rights[ \u00a0]Council|Economic[ \u00a0]and[ \u00a0]Social[ \u00a0]Council"
    r"|Council|Assembly)[ \u00a0]++)?"
)

# The pattern opens with the word "resolution" and reads the organ named before it
# in a lookbehind, so that a scan jumps from one "resolution" to the next instead of
# trying the organ names at every position; only the organ group and the list are
# used, and they come out as a pattern opening with the organ would give them.
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
        r"""(?:(?:ES|S)-\d{1,2}/\d{1,4}|\d{1,4}/\d{1,4}
            |\d{1,4}[ \u00a0]?\((?:[IVXL]{1,7}|S-[IVX]{1,4}|ES-[IVX]{1,4}|\d{4})\))
            (?:[ \u00a0][A-Z](?![\p{L}]))?
            (?:[ \u00a0]++of[ \u00a0]++\d{1,2}[ \u00a0]\p{L}++[ \u00a0]\d{4})?""",
    ),
    regex.VERBOSE,
)

ITEM = regex.compile(
    r"""
    (?P<number>(?:ES|S)-\d{1,2}/\d{1,4}|\d{1,4}/\d{1,4}
        |\d{1,4}[ \u00a0]?\((?:[IVXL]{1,7}|S-[IVX]{1,4}|ES-[IVX]{1,4}|\d{4})\))
    (?P<part>[ \u00a0][A-Z](?![\p{L}]))?
    (?:[ \u00a0]++of[ \u00a0]++(?P<date>\d{1,2}[ \u00a0]\p{L}++[ \u00a0]\d{4}))?
    """,
    regex.VERBOSE,
)

_SERIES = {
    "General Assembly": "A/RES/",
    "Assembly": "A/RES/",
    "Security Council": "S/RES/",
    "Human Rights Council": "A/HRC/RES/",
    "Economic and Social Council": "E/RES/",
}
_SC_NUMBER = regex.compile(r"\d{1,4}[ \u00a0]?\(\d{4}\)")


def find_references(blocks: Iterable[Block], organ: str | None) -> list[Reference]:
    """Every symbol and citation in ``blocks``, in source order, without overlaps."""
    found: list[Reference] = []
    for block in blocks:
        text = block.text
        if "esolution" in text:
            found.extend(_citations(block, organ))
        if "/" in text:
            found.extend(_symbols(block))
    found.sort(key=lambda ref: (ref.span[0], -ref.span[1]))
    kept: list[Reference] = []
    for ref in found:
        if kept and ref.span[0] < kept[-1].span[1]:
            continue
        kept.append(ref)
    return kept


def _symbols(block: Block) -> Iterable[Reference]:
    for m in SYMBOL.finditer(block.text):
        symbol = " ".join(m["symbol"].split())
        if not any(ch.isdigit() for ch in symbol):
            continue
        kind = "resolution" if "/RES/" in symbol else "document"
        span = (block.source_offset(m.start()), block.source_offset(m.end()))
        yield Reference(kind=kind, text=m.group(), symbol=symbol, span=span)


def _citations(block: Block, organ: str | None) -> Iterable[Reference]:
    for m in CITATION.finditer(block.text):
        named = " ".join(m["organ"].split()) if m["organ"] else None
        start = m.start("list")
        for item in ITEM.finditer(m["list"]):
            number = " ".join(item["number"].split())
            part = item["part"].strip() if item["part"] else ""
            symbol = _normalise(number, named or organ) + (f" {part}" if part else "")
            date = find_date(item["date"]) if item["date"] else None
            begin, end = start + item.start(), start + item.end()
            span = (block.source_offset(begin), block.source_offset(end))
            yield Reference(
                kind="resolution", text=item.group(), symbol=symbol,
                date=date[0] if date else None, span=span,
            )  # fmt: skip


def _normalise(number: str, organ: str | None) -> str:
    if _SC_NUMBER.fullmatch(number):
        digits, year = number.replace("\u00a0", " ").replace("(", " (").split(maxsplit=1)
        return f"S/RES/{digits} {year.strip()}"
    if organ == "Council":
        organ = None
    prefix = _SERIES.get(organ or "General Assembly", "A/RES/")
    return f"{prefix}{number}"
