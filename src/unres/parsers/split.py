"""Splitting: the items printed one after another in one text.

Compilations (the General Assembly's Official Records supplements, the
Security Council's yearly *Resolutions and Decisions*, pages cut from them)
print many resolutions in one text, with decisions between them, and a page
often opens with the tail of a resolution begun on the page before. This
stage runs after :mod:`.lineage` and before :mod:`.wrap`: it takes the
normalized lines of the whole text and deals them out to *segments*, each
then formed into blocks, tokenized and built on its own, so that no
resolution's paragraphs are read into another's tree.

* A resolution begins at its number line, on a line of its own:
  ``44/127. Title``, ``1514 (XV). Title``, ``84 (1950). Resolution of 7 July 1950``,
  ``Resolution 242 (1967)``, ``RESOLUTION 808 (1993)`` (see
  :data:`NUMBER_LINE`). A number line repeating the number of the resolution
  it stands in (a part of it, a page's running repeat) begins nothing.
* A decision begins at a ``Decision`` heading or at its ``At its 960th
  meeting, …`` paragraph, but only outside a resolution's body: before the
  first number line, after another decision, or once the resolution has
  its closing line (``Adopted at …``, ``264th plenary meeting,``).
* The lines before the first item are a *fragment* (the tail of a
  resolution from the page before) when they hold a closing line or a
  numbered paragraph, or are followed by a decision; otherwise they are the first resolution's cover
  matter and stay with it.
* A text printing English and French side by side (see
  :mod:`.language`) is read as two streams, one per language, each split on
  its own: a resolution's English lines are never mixed with its French ones.

What it guarantees: every content line lands in exactly one segment, with its
offsets unchanged; segments come out in the order of their first line. When
it finds one segment or none, the text is not a compilation and the caller
reads it whole, exactly as before. It leaves noise records alone, and it does
not decide what the lines of a segment mean.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import regex

from unres.parsers.language import Language, is_bilingual, line_language
from unres.parsers.records import ContentLine

SegmentKind = Literal["resolution", "decision", "fragment"]

NUMBER_LINE = regex.compile(
    r"""
    (?P<number>(?:ES|S)-\d{1,2}/\d{1,4}|\d{1,4}/\d{1,4})       # 44/127. Title; ES-10/17. Title
    (?:[ \u00a0][A-Z])?\.[\t \u00a0]++(?P<title>\p{Lu}[^\n]*+)  # 57/283 B. Title: part B of 57/283
  | (?P<number>\d{1,4})[ \u00a0]?
    \((?P<session>[IVXL]{1,7}(?:-[A-Z]{1,2})?|S-[IVX]{1,5}|ES-[IVX]{1,5}|\d{4})\)
    (?:
        \.[\t \u00a0]++(?P<title>\p{Lu}[^\n]*+)          # 1514 (XV). Title; 84 (1950). Resolution…
      | [ \u00a0]++(?P<title>(?:Resolutions?|Résolutions?)[ \u00a0]++(?:of|du|des)[ \u00a0][^\n]*+)
    )                                                  # 1 (1946) Resolution of 25 January 1946
  | (?:Resolution|RESOLUTION|Résolution|RÉSOLUTION|Resolución|RESOLUCIÓN)[ \u00a0]++
    (?P<number>\d{1,5})
    (?:[ \u00a0]*+\((?P<session>\d{4})\))?             # Resolution 242 (1967); Resolution 290
    """,
    regex.VERBOSE,
)
"""The number line a resolution of a compilation begins with, alone on its line."""

DECISION_HEADING = regex.compile(r"(?:Decisions?|Décisions?|Decisión|Decisiones)\.?")
"""A ``Decision`` heading, alone on its line, over a decision's paragraph."""

DECISION_BODY = regex.compile(
    r"""
    At[ \u00a0]its[ \u00a0]\d{1,4}(?:st|nd|rd|th|d)[ \u00a0](?:plenary[ \u00a0])?meeting\b
  | A[ \u00a0]sa[ \u00a0]\d{1,4}e[ \u00a0](?:séance|seance)\b
    """,
    regex.VERBOSE,
)
"""The paragraph of a decision: ``At its 287th meeting, on 23 April 1948, the Council …``."""

CLOSING_LINE = regex.compile(
    r"""
    (?:Adopted|Adoptée?|Aprobada)\b(?![ \u00a0]by[ \u00a0]the[ \u00a0]\p{L}++[ \u00a0]\p{L}++
                                       [ \u00a0]at[ \u00a0]its)       # not a modern SC heading
  | (?:[\p{L}\d\-]++[ \u00a0]++){1,6}?(?:\((?:resumed|continued)\)[ \u00a0]++)?
    plenary[ \u00a0]++meeting\b          # 264th (or Hundred and seventy-seventh) plenary meeting
  | [^\n]{1,60}?séance[ \u00a0]plénière
    """,
    regex.VERBOSE,
)
"""The first line of a closing: the end of a resolution's body."""

_BODY_LINE = regex.compile(r"\d{1,3}\.[\t \u00a0]++\p{Lu}")
"""A numbered paragraph (``4. Requests …``): a resolution's body, never a cover page's."""


@dataclass(frozen=True, slots=True)
class Segment:
    """One item of a compilation: its kind, its lines, its language and number line."""

    kind: SegmentKind
    lines: tuple[ContentLine, ...]
    language: Language | None = None
    number: str | None = None
    """The number as its number line prints it (``485 (V)``, ``242 (1967)``)."""
    opener: ContentLine | None = None
    """The line the item begins with (its number line, its decision heading or paragraph)."""
    title: str | None = None
    """The title its number line prints after the number, if any."""

    @property
    def start(self) -> int:
        return self.lines[0].start


@dataclass(slots=True)
class _Draft:
    kind: SegmentKind | Literal["lead"]
    number: str | None = None
    opener: ContentLine | None = None
    title: str | None = None
    lines: list[ContentLine] = field(default_factory=list)
    closed: bool = False
    body: bool = False


def line_text(text: str, line: ContentLine) -> str:
    """The words of a line: its pieces, noise cut out, joined by one space."""
    if len(line.pieces) == 1:
        return text[line.start : line.end]
    return " ".join(text[start:end] for start, end in line.pieces)


def number_of(words: str) -> str | None:
    """The number a number line prints (``485 (V)``, ``290``), or ``None`` for another line."""
    m = NUMBER_LINE.fullmatch(words)
    if m is None:
        return None
    return f"{m['number']} ({m['session']})" if m["session"] else m["number"]


def title_of(words: str) -> str | None:
    """The title a number line prints after its number, if any."""
    m = NUMBER_LINE.fullmatch(words)
    return " ".join(m["title"].split()) if m is not None and m["title"] else None


def split(text: str, lines: tuple[ContentLine, ...]) -> list[Segment]:
    """The segments of ``text``: two or more for a compilation, else an empty list."""
    words = [line_text(text, line) for line in lines]
    numbered = [
        None if line.footnote else number_of(w) for w, line in zip(words, lines, strict=True)
    ]
    if not any(numbered):
        return []
    streams = _streams(words, lines)
    segments: list[Segment] = []
    for language, indexes in streams:
        segments.extend(_segments(language, [(lines[i], words[i], numbered[i]) for i in indexes]))
    if len(segments) < 2:
        return []
    segments.sort(key=lambda segment: segment.start)
    return segments


def _streams(
    words: list[str], lines: tuple[ContentLine, ...]
) -> list[tuple[Language | None, list[int]]]:
    """The line indexes of each language stream: one stream unless the text is bilingual."""
    guessed = [line_language(w) for w in words]
    if not is_bilingual(guessed):
        return [(None, list(range(len(lines))))]
    first = next(language for language in guessed if language is not None)
    streams: dict[Language, list[int]] = {"en": [], "fr": []}
    current: Language = first
    for index, language in enumerate(guessed):
        if language is not None:
            current = language
        streams[current].append(index)
    return [(language, indexes) for language, indexes in streams.items() if indexes]


def _segments(
    language: Language | None, rows: list[tuple[ContentLine, str, str | None]]
) -> list[Segment]:
    drafts: list[_Draft] = []
    current: _Draft | None = None
    for line, words, number in rows:
        if number is not None and (current is None or current.number != number):
            current = _Draft("resolution", number, line, title_of(words))
            drafts.append(current)
        elif not line.footnote and _opens_decision(words, current):
            current = _Draft("decision", opener=line)
            drafts.append(current)
        elif current is None:
            current = _Draft("lead")
            drafts.append(current)
        current.lines.append(line)
        if line.footnote:
            continue
        if CLOSING_LINE.match(words):
            current.closed = True
        elif _is_body(current, words):
            current.body = True
    return [_segment(draft, drafts, index, language) for index, draft in enumerate(drafts)
            if draft.kind != "lead" or _stands_alone(drafts)]  # fmt: skip


def _is_body(current: _Draft, words: str) -> bool:
    """A decision's paragraph (not its heading), or a numbered paragraph before any item."""
    if current.kind == "decision":
        return DECISION_HEADING.fullmatch(words) is None
    return current.kind == "lead" and _BODY_LINE.match(words) is not None


def _opens_decision(words: str, current: _Draft | None) -> bool:
    heading = DECISION_HEADING.fullmatch(words) is not None
    if not heading and DECISION_BODY.match(words) is None:
        return False
    if current is None or current.kind == "lead" or current.closed:
        return True
    if current.kind == "decision":  # a decision's heading is followed by its paragraph
        return current.body or heading
    return False


def _stands_alone(drafts: list[_Draft]) -> bool:
    """Whether the lines before the first item are a fragment rather than cover matter."""
    lead = drafts[0]
    if lead.closed or len(drafts) == 1 or drafts[1].kind != "resolution":
        return True
    return lead.body


def _segment(draft: _Draft, drafts: list[_Draft], index: int, language: Language | None) -> Segment:
    lines = draft.lines
    if index == 1 and drafts[0].kind == "lead" and not _stands_alone(drafts):
        lines = drafts[0].lines + lines  # cover matter before the first resolution
    kind: SegmentKind = "fragment" if draft.kind == "lead" else draft.kind
    return Segment(kind, tuple(lines), language, draft.number, draft.opener, draft.title)
