"""Footnotes: their bodies, the markers glued into the text, and the linking pass.

A footnote body is a line (or block) opening with its marker: ``1 See
A/51/261, annex.``. A marker in running text is a number glued to the word or
punctuation before it (``made,1``, ``Conferences;2``, ``Goals1``) and followed by
white space, punctuation or the end of the text. Numbers that belong to a
symbol or a citation (``A/RES/57/53``, ``Add.1``, ``para. 3``) are never read
as markers.

:func:`find_markers` is used by the builder on every text node. When the
document has footnote bodies, only markers that name one of them are taken, so
a stray figure is not mistaken for a marker; when it has none (texts whose
footnotes were dropped upstream) every glued number is taken and the
validator reports it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import regex

from unres.digits import decimal_value

FOOTNOTE_LINE = regex.compile(
    r"""
    (?P<marker>\d{1,3}(?=/)|\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|\*{1,3}|[†‡])/?
    [\t \u00a0]*+
    (?<=\s|[⁰¹²³⁴⁵⁶⁷⁸⁹])                 # ASCII digits need a space before the text
    (?P<text>\S[^\n]*+)
    """,
    regex.VERBOSE,
)
"""A footnote body: the marker, white space, the text."""

_GLUE = r"""[\p{Ll}\p{Pe}\p{Pf},.;:’”"»]"""
"""What a glued marker follows: the end of a word or its punctuation."""

GLUED_MARKER = regex.compile(
    rf"""
    (?<={_GLUE})                        # after a word or its punctuation
    (?<![A-Z][a-z]{{0,5}}\.)            # not Add.1, Corr.1, Rev.2, L.6, No.5
    (?<![/\-\u2011\d])
    (?<!\d[.:])                         # not 2.5 or 10:30
    (?!(?<=\d,)\d{{3}})                 # not 1,000 (but 1993,5 is a year and a marker)
    (?P<marker>\d{{1,3}}(?:,\d{{1,3}}){{0,5}})
    (?=[\s,.;:)\u00a0]|$)
    """,
    regex.VERBOSE,
)
"""A footnote marker glued to the word or punctuation before it."""

_SKIP_BEFORE = regex.compile(
    r"""(?:\b(?:para|paras|art|arts|No|Nos|p|pp|vol|chap|sect|Add|Corr|Rev|Suppl)\.$)""",
    regex.VERBOSE | regex.IGNORECASE,
)


SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
"""Superscript digits, as OCR and web copies keep them, to ASCII digits."""

_SUPERSCRIPT_MARKER = regex.compile(
    r"(?<=\S)(?<!\b[kcmd]?m)[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}+"  # not the power of a unit: m², km³
)


_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def _ascii_classes() -> bytes:
    """A ``bytes.translate`` table for text encoded to ASCII with ``?`` for the rest.

    ASCII digits become ``0`` and what a marker may follow ``g``; ``?`` becomes ``u``
    (unknown: it stands for every non-ASCII character, any of which may be a digit or a
    glue character); everything else a space.
    """
    glue = regex.compile(_GLUE)
    digit = regex.compile(r"\d")

    def kind(character: str) -> str:
        if character == "?":
            return "u"
        return "0" if digit.fullmatch(character) else "g" if glue.fullmatch(character) else " "

    return "".join(kind(chr(code)) if code < 128 else " " for code in range(256)).encode("ascii")


_CLASSES = _ascii_classes()


def _glue_starts(text: str) -> list[int] | None:
    """Where in ``text`` a glued marker may start, or ``None`` if only a scan can tell.

    The scan of :data:`GLUED_MARKER` tries the pattern at every offset, slowly; a match
    can only start at a digit right after a glue character, and ``bytes.translate``
    maps every character to its class far faster. Where a non-ASCII character stands
    next to a digit or a glue character (``u0``, ``gu``, ``uu``), the table cannot tell,
    and the scan decides.
    """
    if text.isascii():
        classes = text.encode("ascii").translate(_CLASSES)
    else:
        classes = text.encode("ascii", "replace").translate(_CLASSES)  # a byte per character
        if b"u0" in classes or b"gu" in classes or b"uu" in classes:
            return None
    starts: list[int] = []
    found = classes.find(b"g0")
    while found >= 0:
        starts.append(found + 1)
        found = classes.find(b"g0", found + 2)
    return starts


def _glued_matches(text: str, starts: list[int] | None) -> Iterator[regex.Match[str]]:
    """What ``GLUED_MARKER.finditer(text)`` finds, tried only at ``starts`` (if known)."""
    if starts is None:
        yield from GLUED_MARKER.finditer(text)
        return
    end = 0
    for start in starts:
        m = GLUED_MARKER.match(text, start) if start >= end else None  # lookbehinds see before
        if m is not None:
            yield m
            end = m.end()


def _may_hold_superscripts(text: str) -> bool:
    return not text.isascii() and any(digit in text for digit in _SUPERSCRIPT_DIGITS)


def find_markers(text: str, known: frozenset[str] | None) -> list[tuple[str, int, int]]:
    """Footnote markers in ``text``: ``(marker, start, end)`` with offsets into ``text``.

    A group such as ``3,4`` yields one marker per number, each with its own span.
    """
    starts = _glue_starts(text)
    found = list(_glued_markers(text, known, starts)) if starts != [] else []
    if not text.isascii() and _may_hold_superscripts(text):
        found.extend(_superscript_markers(text, known))
        found.sort(key=lambda marker: marker[1])  # superscripts and glued digits, in text order
    return found


def _superscript_markers(text: str, known: frozenset[str] | None) -> Iterator[tuple[str, int, int]]:
    for m in _SUPERSCRIPT_MARKER.finditer(text):
        number = m.group().translate(SUPERSCRIPT)
        if known is None or number in known:
            yield number, m.start(), m.end()


def _glued_markers(
    text: str, known: frozenset[str] | None, starts: list[int] | None
) -> Iterator[tuple[str, int, int]]:
    for m in _glued_matches(text, starts):
        if _SKIP_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        position = m.start()
        for number in m["marker"].split(","):
            start, end = position, position + len(number)
            position = end + 1
            if known is not None and number not in known:
                continue
            if known is None and (number.startswith("0") or int(number) > 200):
                continue
            yield number, start, end


SPACED_MARKER = regex.compile(
    r"""
    (?<=[\p{L}\p{N}\p{Pe}\p{Pf},.;:’”"»])
    [ \u00a0]
    (?P<marker>\d{1,3})
    (?=[ \u00a0]|$|(?<=(?:19|20)\d\d[ \u00a0]\d{1,3})[,;])  # "October 2021 7, 51/11": after a year
    (?![ \u00a0]++(?:January|February|March|April|May|June|July|August|September|October
                    |November|December)\b)
    """,
    regex.VERBOSE,
)
"""A footnote marker that a PDF extractor set one space apart from its word: ``demand, 2``."""

_NOT_BEFORE_SPACED = regex.compile(
    r"""
    (?:\b(?:paragraphs?|paras?\.|resolutions?|decisions?|sections?|articles?|Articles?|annex(?:es)?
        |chapters?|chap\.|Goals?|targets?|items?|No\.|Nos\.|vol\.|p\.|pp\.|and|or|to|of|from
        |than|least|Principle|Rule|rule|Step|Phase|phase|Protocol|Additional|page|pages
        |January|February|March|April|May|June|July|August|September|October|November|December)
    )$
    """,
    regex.VERBOSE,
)


_CITED_BEFORE = regex.compile(r"\b(?:resolutions?|decisions?)$")
_PROSE_AFTER_CITED = regex.compile(
    r"[ \u00a0]++(?!(?:of|on|in|adopted|entitled|and[ \u00a0]++\d|or[ \u00a0]++\d)\b)\p{Ll}"
)
"""After ``resolution`` a number is the resolution's unless prose goes on at once:
``a draft resolution 8 was not adopted``, ``the relevant review resolutions 3 and the``."""


@dataclass(frozen=True, slots=True)
class MarkerPolicy:
    """Which numbers in running text are footnote markers.

    ``known`` are the markers of the footnote bodies (``None``: the document has
    none); ``spaced`` are the source offsets of the space-separated markers the
    document-wide pass accepted.
    """

    known: frozenset[str] | None
    spaced: frozenset[int] = frozenset()


YEAR_GLUED_MARKER = regex.compile(
    r"""
    (?<=(?<![\d/])(?:19|20)\d\d)           # a year: 2014–20242, Conventions of 19498
    (?P<marker>\d{1,2})
    (?=[ \u00a0,;.)]|$)
    """,
    regex.VERBOSE,
)
"""A marker a PDF extractor glued to the year before it; taken only where the sequence says."""


def spaced_candidates(text: str) -> Iterator[tuple[str, int, int, int]]:
    """Markers set apart from their word (or glued to a year): ``(marker, cut, start, end)``.

    ``[start, end)`` holds the digits; ``[cut, end)`` is what leaves the text with them (the
    space before a spaced marker goes too).
    """
    for m in SPACED_MARKER.finditer(text):
        if _NOT_BEFORE_SPACED.search(text, max(0, m.start() - 14), m.start()) and not (
            len(m["marker"]) <= 2  # "resolution 687 as it relates": the resolution's number
            and _CITED_BEFORE.search(text, max(0, m.start() - 12), m.start())
            and _PROSE_AFTER_CITED.match(text, m.end())
        ):
            continue
        yield m["marker"], m.start(), m.start("marker"), m.end("marker")
    for m in YEAR_GLUED_MARKER.finditer(text):
        yield m["marker"], m.start(), m.start(), m.end()


def accept_spaced(
    blocks: Iterable[tuple[str, Callable[[int], int]]], known: frozenset[str]
) -> frozenset[int]:
    """Source offsets of spaced markers that fall in the document's run of marker numbers.

    Markers are numbered through a document in order, so a spaced number is
    taken only where it is the next marker expected (or the one after, should
    one have been missed), and only if a footnote body with that marker exists.
    """
    numbers = sorted(v for v in map(decimal_value, known) if v is not None)
    accepted: set[int] = set()
    expected = 1
    for text, to_source in blocks:
        found = [(s, e, m, False) for m, s, e in find_markers(text, known)]
        found += [(s, e, m, True) for m, _, s, e in spaced_candidates(text) if m in known]
        for start, _end, marker, spaced in sorted(found):
            value = decimal_value(marker) or 0
            if not spaced:
                expected = max(expected, value + 1)
            elif value in _next_two(numbers, expected):
                accepted.add(to_source(start))
                expected = value + 1
    return frozenset(accepted)


def _next_two(numbers: list[int], expected: int) -> tuple[int, ...]:
    """The next two footnote numbers from ``expected`` on, skipping numbers with no body."""
    index = bisect_left(numbers, expected)
    return tuple(numbers[index : index + 2])
