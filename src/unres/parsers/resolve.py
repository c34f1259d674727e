"""Heading lines read into the top-level fields: kind, organ, symbol, number, session, title.

Takes the first organ line, report line and title line the tokenizer found,
the formula, and the ODS metadata, and settles each field from the most
direct evidence: the symbol from the ODS tags or the cover when present,
otherwise built from the organ and the number (``A/RES/57/53``,
``A/HRC/RES/37/27``, ``E/RES/2020/14``, ``S/RES/2334 (2016)``); the session
from the number (``57/53`` → 57, ``S-10/2`` → special session 10, ``2625
(XXV)`` → 25) or from the session title.
"""

from __future__ import annotations

from typing import Literal, TypedDict

import regex

from unres.lexicon import canonical_organ, ordinal_session
from unres.models import Formula, Metadata, Report
from unres.models.tree import DocumentKind
from unres.parsers import heading, preamble
from unres.parsers.blocks import Block
from unres.parsers.items import roman_value
from unres.parsers.names import split_names
from unres.parsers.textnodes import collapse

SessionKind = Literal["regular", "special", "emergency-special"]

_SYMBOL_PREFIX = {
    "General Assembly": "A/RES/",
    "Human Rights Council": "A/HRC/RES/",
    "Economic and Social Council": "E/RES/",
}

_SESSION_OF_NUMBER = regex.compile(
    r"""
    (?P<special>ES-|S-)?(?P<session>\d{1,3})/\d{1,4}
    | \d{1,4}[ \u00a0]?\((?P<roman>[IVXL]{1,7})\)
    """,
    regex.VERBOSE,
)


_TRAILING_PART = regex.compile(r"[ \u00a0](?P<part>[A-H])$")


_KIND_OF_LINE: dict[str, DocumentKind] = {"Decision": "decision", "Statement": "statement"}


class HeadingFields(TypedDict):
    kind: DocumentKind
    symbol: str | None
    organ: str | None
    organ_name: str | None
    number: str | None
    session: int | None
    session_kind: SessionKind | None
    title: str | None
    title_span: tuple[int, int] | None
    report: Report | None
    sponsors: list[str]


def heading_fields(
    blocks: dict[str, Block], formula: Formula | None, metadata: Metadata, organ_hint: str | None
) -> HeadingFields:
    kind: DocumentKind = "resolution"
    organ = organ_hint
    organ_block = blocks.get("organ")
    if organ_block is not None:
        line = heading.organ_line(organ_block.text)
        if line is not None:
            organ = line.organ
            kind = _KIND_OF_LINE.get(line.kind, "resolution")
    if organ is None and formula is not None:
        m = preamble.FORMULA.fullmatch(formula.text)
        organ = " ".join(m["organ"].split()) if m is not None else None
    number, title, title_span = _title(blocks.get("title"))
    if number is not None and organ is None and "(" in number and "/" not in number:
        organ = (
            "Security Council"
            if heading.SC_RESOLUTION_LINE.fullmatch(blocks["title"].text)
            else None
        )
    printed = organ
    organ = canonical_organ(organ) if organ else organ
    session, session_kind = _session(number, metadata.session_title)
    sponsors = _sponsors(blocks.get("sponsors"))
    if sponsors is not None:
        kind = "draft"
    return HeadingFields(
        kind=kind,
        symbol=_symbol(metadata, organ, number),
        organ=organ,
        organ_name=printed,
        number=number,
        session=session,
        session_kind=session_kind,
        title=title,
        title_span=title_span,
        report=_report(blocks.get("report")),
        sponsors=sponsors or [],
    )


def _sponsors(block: Block | None) -> list[str] | None:
    if block is None:
        return None
    m = heading.SPONSORS_LINE.fullmatch(block.text)
    if m is None:
        return None
    return [name.rstrip("*") for name in split_names(m["sponsors"])]


def _title(block: Block | None) -> tuple[str | None, str | None, tuple[int, int] | None]:
    if block is None:
        return None, None, None
    text = block.text
    m = heading.TITLE.fullmatch(text)
    if m is not None:
        start = block.source_offset(m.start("title"))
        number = " ".join(m["number"].split())
        title = collapse(m["title"])
        part = _TRAILING_PART.search(title)
        if part is not None and not m["part"]:  # "57/283.<TAB>Pattern of conferences B"
            number, title = f"{number} {part['part']}", title[: part.start()]
        return number, title, (start, block.end)
    m = heading.YEARBOOK_TITLE.fullmatch(text)
    if m is not None:
        return f"{m['number']} ({m['year']})", collapse(m["title"]), (block.start, block.end)
    m = heading.SC_RESOLUTION_LINE.fullmatch(text)
    if m is not None:
        return f"{m['number']} ({m['year']})", None, None
    return None, collapse(text), (block.start, block.end)


def _session(
    number: str | None, session_title: str | None
) -> tuple[int | None, SessionKind | None]:
    if number is not None:
        m = _SESSION_OF_NUMBER.match(number)
        if m is not None and m["session"]:
            special = m["special"]
            kind: SessionKind = (
                "emergency-special" if special == "ES-" else "special" if special else "regular"
            )
            return int(m["session"]), kind
        if m is not None and m["roman"]:
            return roman_value(m["roman"]), "regular"
    if session_title:
        words = session_title.rsplit(" session", 1)[0]
        kind = "regular"
        for prefix, named in (("emergency special", "emergency-special"), ("special", "special")):
            if words.lower().endswith(prefix):
                words, kind = words[: -len(prefix)].strip(), named  # type: ignore[assignment]
        value = ordinal_session(words)
        if value is not None:
            return value, kind
    return None, None


def symbol_for(metadata: Metadata, organ: str | None, number: str | None) -> str | None:
    """The symbol of resolution ``number`` of ``organ`` (the metadata's own symbol first)."""
    return _symbol(metadata, organ, number)


def session_for(number: str) -> tuple[int | None, SessionKind | None]:
    """The session a resolution number names (``1514 (XV)``: 15, regular)."""
    return _session(number, None)


def _symbol(metadata: Metadata, organ: str | None, number: str | None) -> str | None:
    if metadata.symbols:
        return metadata.symbols[0]
    if number is None or organ is None:
        return None
    if organ == "Security Council":
        return f"S/RES/{number}"
    prefix = _SYMBOL_PREFIX.get(organ)
    return f"{prefix}{number}" if prefix else None


def _report(block: Block | None) -> Report | None:
    if block is None:
        return None
    text = collapse(block.text)
    span = (block.start, block.end)
    m = heading.REPORT_LINE.fullmatch(block.text)
    if m is None:
        inner = text.strip("[]").strip()
        return Report(text=inner, symbol=inner if "/" in inner else None, span=span)
    committee = m["committee_no"] or (collapse(m["committee"]) if m["committee"] else None)
    symbol = collapse(m["symbol"]) if m["symbol"] else None
    return Report(text=text.strip("[]"), committee=committee, symbol=symbol, span=span)
