"""Normalization: find the noise in a resolution text and what is left of each line.

Takes a :class:`~unres.source.SourceText`. Gives the next stage:

* ``noise``: every stretch recognised as noise (Word comment markers such as
  ``[DU1]``, ODS field tags such as ``<<ODS JOB NO>>N0254145E<<ODS JOB NO>>``,
  separator lines, page numbers and page furniture such as the glued first-page
  header ``United NationsA/RES/57/53General AssemblyDistr.: General``), each
  with its kind, span and the values its pattern captured, sorted by start;
* ``lines``: for every physical line that still holds text, the pieces of it
  that are not noise, trimmed of white space at both ends (by moving offsets,
  never by copying strings).

It removes nothing from the source: noise is *recorded*, and the builder turns
each record into a :class:`~unres.models.Removal`. It does not decide what the
remaining lines mean. Every step is a named function with one signature, and
:data:`STEPS` fixes their order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import regex

from unres.parsers.furniture import mark_page_furniture
from unres.parsers.heading import ORGAN_NAMES
from unres.parsers.records import ContentLine, Noise
from unres.parsers.tokens import Piece, TokenKind
from unres.source import Line, SourceText


@dataclass(frozen=True, slots=True)
class Normalized:
    source: SourceText
    noise: tuple[Noise, ...]
    lines: tuple[ContentLine, ...]


_ODS_TAG = regex.compile(
    r"""
    <<ODS[ ](?P<name>[A-Z0-9 ]{1,40}+)>>        # opening tag
    (?:
        (?P<value>[^<\n\r]{0,500}+)             # its value, on one line
        <<ODS[ ](?P=name)>>                     # the same tag, closing
    )?
    """,
    regex.VERBOSE,
)

_WORD_MARKER = regex.compile(r"\[(?:[A-Z]{1,3}+\d{1,3}+)\]")

# Whole-line page furniture. Each pattern is matched against the trimmed
# content of one line; the first that matches names the line.
_LINE_RULES: tuple[tuple[str, TokenKind, regex.Pattern[str]], ...] = (
    ("invisible", "separator", regex.compile(r"[\u200b\u200c\u200d\u2060\ufeff]++")),
    ("asterism", "separator", regex.compile(r"\*(?:[\t \u00a0]++\*){2,}+")),
    (
        "separator",
        "separator",
        regex.compile(r"[_\-–—=*·•.\s]{3,}+", regex.VERBOSE),
    ),
    (
        "ods-cover",
        "page-header",
        regex.compile(
            r"""
            United[ ]Nations\s*+
            (?P<symbol>[AES]/(?:[A-Z0-9.\-]++/)*?[A-Z0-9.\-]+(?:[ ]\(\d{4}\))?)
            \s*+
            (?P<organ>General[ ]Assembly|Security[ ]Council|Economic[ ]and[ ]Social[ ]Council
                      |Human[ ]Rights[ ]Council)
            \s*+
            (?:Distr\.:\s*+(?P<distribution>[A-Za-z]++))?
            """,
            regex.VERBOSE,
        ),
    ),
    (
        "date-session",
        "page-header",
        regex.compile(
            r"""
            (?P<date>\d{1,2}[ \u00a0]\p{L}++[ \u00a0]\d{4})
            \s*+
            (?P<session>(?:\p{L}++[\-\u2011 ])*?\p{L}++[ ]
                (?:(?:emergency[ ])?special[ ])?session)
            """,
            regex.VERBOSE | regex.IGNORECASE,
        ),
    ),
    (
        "agenda",
        "page-header",
        regex.compile(
            r"Agenda[ \u00a0]items?[ \u00a0](?P<items>[0-9A-Za-z(),\s\u00a0]{1,120}+)",
            regex.VERBOSE,
        ),
    ),
    (
        "print-job",
        "page-header",
        regex.compile(
            r"""
            (?:\d{1,3}/\d{1,3}[ \u00a0]{2,}+)?              # 10/10 in a layout footer
            (?P<job>\d{2})[ \-](?P<serial>\d{5})(?:[ ]?\([A-Z]\))?(?:\s++\d{6})?
            (?:[ \u00a0]{2,}+\d{1,3}/\d{1,3})?              # 18-17962  5/5
            """,
            regex.VERBOSE,
        ),
    ),
    ("date-code", "page-header", regex.compile(r"\d{6}")),
    (
        "un-symbol",
        "page-header",
        regex.compile(
            r"""
            (?:United[ ]Nations|Nations[ ]Unies|Naciones[ ]Unidas)[ \u00a0]++
            (?P<symbol>[AES]/(?:[A-Z0-9.\-]++/)++[0-9A-Z.\-]++(?:[ ]\(\d{4}\))?)
            """,
            regex.VERBOSE,
        ),
    ),
    (
        "united-nations",
        "page-header",
        regex.compile(
            r"United[ ]Nations|Nations[ ]Unies|Naciones[ ]Unidas|UNITED(?:\s++[A-Z])?|NATIONS",
            regex.VERBOSE,
        ),
    ),
    (
        "cover-organ",
        "page-header",
        regex.compile(
            rf"(?P<organ>{ORGAN_NAMES})(?:\s*+Distr\.?:?\s*+(?P<distribution>\p{{L}}++))?",
            regex.VERBOSE,
        ),
    ),
    (
        "distribution",
        "page-header",
        regex.compile(
            r"(?:Distr\.?:?[ \u00a0]*+(?P<distribution>\p{L}++)|Distr\.?:?"
            r"|(?P<distribution>GENERAL|LIMITED|RESTRICTED))",
            regex.VERBOSE,
        ),
    ),
    (
        "session",
        "page-header",
        regex.compile(
            r"""
            (?P<session>(?:\p{L}++[\-\u2011 ]){0,4}?\p{L}++[ \u00a0]
                (?:(?:emergency[ ])?special[ ])?session
              | \d{4}[ \u00a0](?:substantive[ ]|organizational[ ]|resumed[ ])?session)
            """,
            regex.VERBOSE | regex.IGNORECASE,
        ),
    ),
    ("original", "page-header", regex.compile(r"Original:[ \u00a0]*+(?P<original>\p{L}++)")),
    ("page-marker", "page-header", regex.compile(r"<!--[^>\n]{0,80}?-->")),
    (
        "yearbook-running",
        "page-header",
        regex.compile(
            rf"""
            (?:\d{{1,4}}[ \u00a0]++)?
            (?:
                (?:{ORGAN_NAMES})[ \u00a0]?[—–\-][ \u00a0]?[\p{{L}}\-\u2011 ]{{3,60}}?Session
              | (?:[IVX]{{1,4}}\.[ \u00a0]++)?Resolutions[ ]adopted[ ](?:on|without)[^\n]{{3,120}}?
            )
            (?:[ \u00a0]++\d{{1,4}})?
            """,
            regex.VERBOSE,
        ),
    ),
    (
        "barcode",
        "page-header",
        regex.compile(r"\*\d{7,9}\*(?:[ \u00a0]{2,}+Please[ ]recycle)?", regex.VERBOSE),
    ),
    ("recycle", "page-header", regex.compile(r"Please[ ]recycle", regex.VERBOSE)),
    (
        "symbol",
        "page-header",
        regex.compile(
            r"(?P<symbol>[AES]/(?:[A-Z0-9.\-]++/)++[0-9A-Z.\-]++(?:[ ]\(\d{4}\))?)",
            regex.VERBOSE,
        ),
    ),
    ("page-of", "page-number", regex.compile(r"\d{1,3}/\d{1,3}")),
    ("page-number", "page-number", regex.compile(r"\d{1,3}")),
)

_SPACE = frozenset(" \t\u00a0\u3000\u2002\u2003\u2009\u202f")  # white space only: str.isspace()


def ods_tags(source: SourceText) -> Iterator[Noise]:
    """``<<ODS NAME>>value<<ODS NAME>>`` field tags, and lone tags."""
    for m in _ODS_TAG.finditer(source.text):
        fields = (("name", m["name"].strip()), ("value", (m["value"] or "").strip()))
        yield Noise("ods-tag", m.start(), m.end(), "ods-tag", fields)


def word_markers(source: SourceText) -> Iterator[Noise]:
    """Word comment anchors such as ``[DU1]``."""
    for m in _WORD_MARKER.finditer(source.text):
        yield Noise("word-marker", m.start(), m.end(), "word-marker")


_EMPHASIS = regex.compile(
    r"(?<![\p{L}\p{N}_])_(?=\p{L})(?P<inner>[^_\n]{1,80}+)(?<=\p{L})_(?![\p{L}\p{N}_])"
)


def emphasis_marks(source: SourceText) -> Iterator[Noise]:
    """Markdown-style ``_emphasis_`` that some converters wrap round italic phrases."""
    for m in _EMPHASIS.finditer(source.text):
        yield Noise("word-marker", m.start(), m.start() + 1, "emphasis")
        yield Noise("word-marker", m.end() - 1, m.end(), "emphasis")


STEPS: tuple[Callable[[SourceText], Iterator[Noise]], ...] = (
    ods_tags,
    word_markers,
    emphasis_marks,
)
"""Span-level steps, run in this order over the whole text."""


def normalize(source: SourceText) -> Normalized:
    """Run every step and cut the noise out of the lines."""
    found: list[Noise] = []
    for step in STEPS:
        found.extend(step(source))
    found.sort(key=lambda noise: noise.start)
    span_noise = _drop_overlaps(found)
    rows: list[ContentLine | Noise] = []
    cursor = 0
    page = 0
    text = source.text
    for line in source.lines:
        cursor, inside = _noise_in_line(span_noise, cursor, line)
        pieces = _trimmed_pieces(text, line, inside)
        if pieces:
            furniture = _furniture(text, pieces)
            rows.append(furniture or ContentLine(line.number, pieces, page=page))
        if text[line.end : line.end + 1] == "\f":
            page += 1
    rows = mark_page_furniture(source, rows)
    lines = tuple(row for row in rows if isinstance(row, ContentLine))
    line_noise = [row for row in rows if isinstance(row, Noise)]
    noise = sorted(span_noise + line_noise, key=lambda n: n.start)
    return Normalized(source, tuple(noise), lines)


def _drop_overlaps(noise: list[Noise]) -> list[Noise]:
    kept: list[Noise] = []
    for item in noise:
        if kept and item.start < kept[-1].end:
            continue
        kept.append(item)
    return kept


def _noise_in_line(noise: list[Noise], cursor: int, line: Line) -> tuple[int, list[Noise]]:
    while (
        cursor < len(noise) and noise[cursor].end <= line.start and noise[cursor].start < line.start
    ):
        cursor += 1
    inside: list[Noise] = []
    index = cursor
    while index < len(noise) and noise[index].start < line.end:
        if noise[index].end > line.start:
            inside.append(noise[index])
        index += 1
    return cursor, inside


def _trimmed_pieces(text: str, line: Line, inside: list[Noise]) -> tuple[Piece, ...]:
    pieces: list[Piece] = []
    start = line.start
    for item in inside:
        pieces.append((start, max(start, item.start)))
        start = max(start, item.end)
    pieces.append((start, line.end))
    trimmed: list[Piece] = []
    for begin, stop in pieces:
        while begin < stop and text[begin] in _SPACE:
            begin += 1
        while stop > begin and text[stop - 1] in _SPACE:
            stop -= 1
        if begin < stop:
            trimmed.append((begin, stop))
    return tuple(trimmed)


def _combine(rules: tuple[tuple[str, TokenKind, regex.Pattern[str]], ...]) -> regex.Pattern[str]:
    """One pattern trying every rule in order, each in a group ``rule_N``, its flags scoped."""
    branches = []
    for number, (_, _, pattern) in enumerate(rules):
        case = "i" if pattern.flags & regex.IGNORECASE else ""
        if pattern.flags & regex.VERBOSE:  # a newline ends any comment on the last line
            branches.append(f"(?P<rule_{number}>(?x{case}:{pattern.pattern}\n))")
        else:
            branches.append(f"(?P<rule_{number}>(?{case}-x:{pattern.pattern}))")
    return regex.compile("|".join(branches))


_LAYOUT_HEADER = regex.compile(
    r"""
    (?P<symbol>[AES]/(?:[A-Z0-9.\-]++/)++[0-9A-Z.\-]++(?:[ ]\(\d{4}\))?)[ \u00a0]{3,}+\S
  | [ \u00a0]{3,}+(?P<symbol>[AES]/(?:[A-Z0-9.\-]++/)++[0-9A-Z.\-]++(?:[ ]\(\d{4}\))?)$
    """,
    regex.VERBOSE,
)
"""A ``pdftotext -layout`` running header: the symbol and the short title on one line."""

_ANY_RULE = _combine(_LINE_RULES)
_RULE_GROUPS = {f"rule_{n}": rule for n, rule in enumerate(_LINE_RULES)}


def _furniture(text: str, pieces: tuple[Piece, ...]) -> Noise | None:
    """Whole-line page furniture: a line of one piece that a line rule matches entirely."""
    if len(pieces) != 1:
        return None
    start, end = pieces[0]
    if end - start > _LONGEST_FURNITURE and text[start] not in _SEPARATOR_CHARS:
        return None
    m = _ANY_RULE.fullmatch(text, start, end)
    if m is None:
        return _layout_header(text, start, end)
    group = m.lastgroup if m.lastgroup in _RULE_GROUPS else _which(m)
    rule, kind, _ = _RULE_GROUPS[group]
    fields = tuple(
        (k, v) for k, v in m.groupdict().items() if v is not None and not k.startswith("rule_")
    )
    return Noise(kind, start, end, rule, fields)


def _layout_header(text: str, start: int, end: int) -> Noise | None:
    if end - start > 300 or "   " not in text[start:end]:
        return None
    m = _LAYOUT_HEADER.match(text, start, end) or _LAYOUT_HEADER.search(text, start, end)
    if m is None or (m.start() != start and m.end() != end):
        return None
    return Noise("page-header", start, end, "symbol-title", (("symbol", m["symbol"]),))


def _which(m: regex.Match[str]) -> str:
    return next(name for name in _RULE_GROUPS if m.group(name) is not None)


_LONGEST_FURNITURE = 420
"""No furniture line but a separator is longer than this; longer lines skip the rules."""
_SEPARATOR_CHARS = frozenset("_-–—=*·•.")
