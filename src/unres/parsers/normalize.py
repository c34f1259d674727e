"""Normalization: find the noise in a resolution text and what is left of each line.

Takes a :class:`~unres.source.SourceText`. Gives the next stage:

* ``noise``: every stretch recognised as noise (Word comment markers such as
  ``[DU1]``, ODS field tags such as ``<<ODS JOB NO>>N0254145E<<ODS JOB NO>>``,
  separator lines (and a footnote rule glued to the end of a body line, ``…
  cross__________``, which gets a row of its own), page numbers and page
  furniture such as the glued first-page header
  ``United NationsA/RES/57/53General AssemblyDistr.: General``), each with its
  kind, span and the values its pattern captured, sorted by start;
* ``lines``: for every physical line that still holds text, the pieces of it
  that are not noise, trimmed of white space at both ends (by moving offsets,
  never by copying strings).

It removes nothing from the source: noise is *recorded*, and the builder turns
each record into a :class:`~unres.models.Removal`. It does not decide what the
remaining lines mean. Every step is a named function with one signature, and
:data:`STEPS` fixes their order. The whole-line rules (:data:`_LINE_RULES`) are
tried on a line in their order, first match winning, but only those that its
first and last characters leave possible (see :class:`_Candidates`): most lines
are prose, and most rules need not be tried on them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import count
from operator import attrgetter

import regex

from unres.parsers.furniture import mark_page_furniture
from unres.parsers.heading import ORGAN_NAMES
from unres.parsers.records import ContentLine, Noise
from unres.parsers.tokens import Piece, TokenKind, make_record
from unres.source import SourceText


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
            r"""
            (?P<symbol>[AES]/(?:[A-Z0-9.\-]++/)++[0-9A-Z.\-]*+(?<!\.)(?:[ ]\(\d{4}\))?)
            # a full stop ends no running symbol: "A/78/217." is a footnote's whole text
            """,
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
    found.sort(key=_START)
    span_noise = _drop_overlaps(found)
    rows = mark_page_furniture(source, _rows(source, span_noise))
    lines = tuple(row for row in rows if type(row) is ContentLine)
    line_noise = [row for row in rows if type(row) is Noise]
    noise = sorted(span_noise + line_noise, key=_START)
    return Normalized(source, tuple(noise), lines)


_START = attrgetter("start")


def _rows(source: SourceText, noise: list[Noise]) -> list[ContentLine | Noise]:
    """Per physical line that holds text: whole-line furniture, or what is left of it.

    ``fence`` is the start of the first record not yet passed: a line that ends
    before it holds no span noise, and takes the short way.
    """
    text = source.text
    rows: list[ContentLine | Noise] = []
    feeds = "\f" in text  # page breaks: only PDF and OCR text has them
    cursor = page = 0
    fence = noise[0].start if noise else len(text)
    table = _rule_table(text)
    for number, start, end in zip(count(1), source.starts, source.ends):
        if fence < end:
            cursor = _skip_noise_before(noise, cursor, start)
            fence = noise[cursor].start if cursor < len(noise) else len(text)
            pieces = _trimmed_pieces(text, start, end, _noise_in_line(noise, cursor, start, end))
        else:
            pieces = _trimmed(text, start, end)
        if len(pieces) == 1:
            begin, stop = pieces[0]
            found = _furniture(text, begin, stop, table)
            rule = None if found or text[stop - 1] != "_" else _GLUED_RULE.search(text, begin, stop)
            if rule is not None:  # "… to facilitate cross__________": the notes' rule, glued
                pieces = _trimmed(text, begin, rule.start())
                rows.append(make_record(ContentLine, (number, pieces, False, page)))
                found = Noise("separator", rule.start("rule"), stop, "separator")
            rows.append(found or make_record(ContentLine, (number, pieces, False, page)))
        elif pieces:
            rows.append(make_record(ContentLine, (number, pieces, False, page)))
        if feeds and text[end : end + 1] == "\f":
            page += 1
    return rows


_GLUED_RULE = regex.compile(r"(?<=[^_\s])[ \t\u00a0]*+(?P<rule>_{10,}+)$")
"""A footnote rule that a PDF extractor glued to the end of the body's last line on a page."""


def _drop_overlaps(noise: list[Noise]) -> list[Noise]:
    kept: list[Noise] = []
    for item in noise:
        if kept and item.start < kept[-1].end:
            continue
        kept.append(item)
    return kept


def _skip_noise_before(noise: list[Noise], cursor: int, start: int) -> int:
    """The first record from ``cursor`` on that does not lie wholly before ``start``."""
    while cursor < len(noise) and noise[cursor].end <= start and noise[cursor].start < start:
        cursor += 1
    return cursor


def _noise_in_line(noise: list[Noise], cursor: int, start: int, end: int) -> list[Noise]:
    inside: list[Noise] = []
    index = cursor
    while index < len(noise) and noise[index].start < end:
        if noise[index].end > start:
            inside.append(noise[index])
        index += 1
    return inside


def _trimmed(text: str, start: int, end: int) -> tuple[Piece, ...]:
    """A line without noise: one piece trimmed of white space, or none."""
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    return ((start, end),) if start < end else ()


def _trimmed_pieces(text: str, start: int, end: int, inside: list[Noise]) -> tuple[Piece, ...]:
    trimmed: list[Piece] = []
    for item in inside:
        trimmed.extend(_trimmed(text, start, max(start, item.start)))
        start = max(start, item.end)
    trimmed.extend(_trimmed(text, start, end))
    return tuple(trimmed)


_LAYOUT_HEADER = regex.compile(
    r"""
    (?P<symbol>[AES]/(?:[A-Z0-9.\-]++/)++[0-9A-Z.\-]++(?:[ ]\(\d{4}\))?)[ \u00a0]{3,}+\S
  | [ \u00a0]{3,}+(?P<symbol>[AES]/(?:[A-Z0-9.\-]++/)++[0-9A-Z.\-]++(?:[ ]\(\d{4}\))?)$
    """,
    regex.VERBOSE,
)
"""A ``pdftotext -layout`` running header: the symbol and the short title on one line."""

# --- which line rules a line is worth trying on ------------------------------------------
#
# Most lines are prose, and a rule tried on one costs time even when it fails at once.
# The first rule in order that matches a whole line wins, so leaving out rules that
# cannot match it changes nothing. What the line's last character rules out is written
# down here (tests/test_front_shortcuts.py checks it against the patterns); what its
# first character rules out is worked out at import, by partial matching.

LineRule = tuple[str, TokenKind, regex.Pattern[str]]

_SESSION_RULES = frozenset({"date-session", "session"})
"""Rules whose match ends in ``session`` (any case): only on a line ending in n or N.

Their case-insensitive words are the slowest of the rules to fail."""
_NUMBER_RULES = frozenset({"print-job", "date-code", "page-of", "page-number"})
"""Rules whose match ends in a digit or a closing parenthesis."""
_CLAUSE_END_RULES = frozenset({"agenda", "yearbook-running"})
"""The only rules whose match can end in a comma or a semicolon, as most clause lines do."""
_NEEDS_TEXT = {"yearbook-running": ("Session", "Resolutions adopted ")}
"""Rules whose every match holds one of these words: a line without them skips the rule.

The yearbook running head opens with an organ name or a roman number, as many clause
lines do, and its organ names are slow to fail."""


def _rules_except(*left_out: frozenset[str]) -> tuple[LineRule, ...]:
    return tuple(rule for rule in _LINE_RULES if not any(rule[0] in out for out in left_out))


_RULES_BY_ENDING: dict[str, tuple[LineRule, ...]] = {
    "session": _rules_except(_NUMBER_RULES),
    "clause": tuple(rule for rule in _LINE_RULES if rule[0] in _CLAUSE_END_RULES),
    "number": _rules_except(_SESSION_RULES),
    "word": _rules_except(_SESSION_RULES, _NUMBER_RULES),
    "other": _rules_except(_SESSION_RULES),
}
"""The rules worth trying on a line, by what its last character is (see :data:`_ENDING`)."""

_ENDING = {
    **dict.fromkeys("nN", "session"),
    **dict.fromkeys(",;", "clause"),
    **dict.fromkeys("0123456789)", "number"),
    **dict.fromkeys("abcdefghijklmopqrstuvwxyzABCDEFGHIJKLMOPQRSTUVWXYZ.:!?'\"]”’", "word"),
}
"""A line's ending by its last character; any other is ``other`` (a digit of another script
can end a number rule, and no rule is known not to end in it)."""

_FIRST_CHARACTERS = "".join(map(chr, range(0x21, 0x7F))) + "“”‘’«»–—…"
"""The first characters worth a table entry: a line opening with another tries every rule."""


def _can_start(pattern: regex.Pattern[str], first: str) -> bool:
    """Whether some match of ``pattern`` begins with ``first``: a partial match says so."""
    return pattern.fullmatch(first, partial=True) is not None


_STARTS = {
    first: frozenset(name for name, _, pattern in _LINE_RULES if _can_start(pattern, first))
    for first in _FIRST_CHARACTERS
}
"""Which rules can match a line opening with each of :data:`_FIRST_CHARACTERS`."""


RuleTable = dict[str, dict[str, tuple[LineRule, ...]]]
"""The rules worth trying on a line, by its last character, then by its first.

Under the last character ``""`` stand the rules of any other ending (``other``); under
the first character ``""``, those of any other opening."""


def _by_first(rules: tuple[LineRule, ...]) -> dict[str, tuple[LineRule, ...]]:
    """The rules (in order) worth trying on a line, by its first character."""
    by_first = {
        first: tuple(rule for rule in rules if rule[0] in names) for first, names in _STARTS.items()
    }
    return {**by_first, "": rules}


def _table_without(left_out: frozenset[str]) -> RuleTable:
    """The table of the rules but those ``left_out``, by last and first character."""
    by_ending = {
        ending: _by_first(tuple(rule for rule in rules if rule[0] not in left_out))
        for ending, rules in _RULES_BY_ENDING.items()
    }
    table = {last: by_ending[ending] for last, ending in _ENDING.items()}
    return {**table, "": by_ending["other"]}


def _subsets(names: list[str]) -> list[frozenset[str]]:
    """Every subset of ``names``, the empty one first."""
    subsets = [frozenset[str]()]
    for name in names:
        subsets += [subset | {name} for subset in subsets]
    return subsets


_TABLES = {absent: _table_without(absent) for absent in _subsets(sorted(_NEEDS_TEXT))}
"""A rule table for each set of :data:`_NEEDS_TEXT` rules that a text may rule out whole."""
_EVERY_RULE = _TABLES[frozenset()]
_FIELD_NAMES = tuple(dict.fromkeys(name for _, _, p in _LINE_RULES for name in p.groupindex))
"""The names of captured fields, in the order of the rules (a field's place is its first use)."""


def _rule_table(text: str) -> RuleTable:
    """The rule table for the lines of ``text``: without the rules whose words it lacks.

    A rule of :data:`_NEEDS_TEXT` matches only a line holding one of its words, so in a
    text without any of them it matches no line, and need not be looked at per line.
    """
    absent = frozenset(
        rule for rule, words in _NEEDS_TEXT.items() if not any(word in text for word in words)
    )
    return _TABLES[absent]


def _furniture(text: str, start: int, end: int, table: RuleTable = _EVERY_RULE) -> Noise | None:
    """Whole-line page furniture: the one piece of a line, matched entirely by a line rule.

    ``table`` gives the rules to try (see :func:`_rule_table`); by default, all of them.
    """
    if end - start > _LONGEST_FURNITURE and text[start] not in _SEPARATOR_CHARS:
        return None
    by_first = table.get(text[end - 1]) or table[""]
    candidates = by_first.get(text[start])
    for rule, kind, pattern in by_first[""] if candidates is None else candidates:
        if rule in _NEEDS_TEXT and not _holds_any(text, start, end, _NEEDS_TEXT[rule]):
            continue
        m = pattern.fullmatch(text, start, end)
        if m is not None:
            found = m.groupdict()
            fields = tuple((k, v) for k in _FIELD_NAMES if (v := found.get(k)) is not None)
            return Noise(kind, start, end, rule, fields)
    if end - start > 300 or text.find("   ", start, end) < 0:
        return None
    return _layout_header(text, start, end)


def furniture_rule(text: str, start: int, end: int) -> str | None:
    """The whole-line rule that names ``text[start:end]`` as furniture by its shape, if any.

    Context rules (running headers, cover followers) are not tried: a line that
    only its neighbours make furniture gets None.
    """
    if start >= end:
        return None
    found = _furniture(text, start, end)
    return None if found is None else found.rule


def _holds_any(text: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    for word in words:  # noqa: SIM110 (a generator for any() costs more than the searches)
        if text.find(word, start, end) >= 0:
            return True
    return False


def _layout_header(text: str, start: int, end: int) -> Noise | None:
    """A line of at most 300 characters with a run of three spaces: a running header?"""
    m = _LAYOUT_HEADER.match(text, start, end) or _LAYOUT_HEADER.search(text, start, end)
    if m is None or (m.start() != start and m.end() != end):
        return None
    return Noise("page-header", start, end, "symbol-title", (("symbol", m["symbol"]),))


_LONGEST_FURNITURE = 420
"""No furniture line but a separator is longer than this; longer lines skip the rules."""
_SEPARATOR_CHARS = frozenset("_-–—=*·•.")
