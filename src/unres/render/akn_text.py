"""Text inside AKN ``<p>`` elements: XML-safe characters, the italic phrase, footnote markers.

Takes a node's ``text`` (layout already collapsed by the parser), its opening
``phrase`` and its footnote references, and fills an lxml element with
mixed content: ``<i>phrase</i>`` when the text opens with it, then the rest,
with one ``authorialNote`` per reference at the place of the marker.

Guarantees: the text content of the filled element, authorial notes left
out, is the node's text with XML-illegal characters (C0 controls other than
tab/newline/carriage return, lone surrogates, U+FFFE/U+FFFF) replaced by
U+FFFD; each replacement is counted in :class:`Sanitizer` so the caller can
record it. Marker places are exact when the source text is given and the
words before the marker can be found in the node text; otherwise they are
estimated from the spans and moved to the nearest word end.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import regex
from lxml import etree

from unres.akn_names import AKN_NS
from unres.models import FootnoteRef

_ILLEGAL = regex.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""A character XML 1.0 cannot hold: C0 controls but tab/newline/CR, surrogates, U+FFFE, U+FFFF."""
_SPACE_RUN = regex.compile(r"[ \t\r\n\f\v]++")
_SPACE = regex.compile(" ")
_TAIL = 40
"""How many characters before a marker are looked up in the node text to place it."""


def tag(name: str) -> str:
    """The Clark name of an AKN element."""
    return f"{{{AKN_NS}}}{name}"


@dataclass(slots=True)
class Sanitizer:
    """Replaces XML-illegal characters and remembers which code points it replaced."""

    replaced: list[int] = field(default_factory=list)

    def __call__(self, text: str) -> str:
        if _ILLEGAL.search(text) is None:
            return text
        return _ILLEGAL.sub(self._replace, text)

    def _replace(self, m: regex.Match[str]) -> str:
        self.replaced.append(ord(m.group()))
        return "\ufffd"


def append_text(element: etree._Element, text: str) -> None:
    """Add ``text`` after the last child of ``element`` (or inside it, when it has none)."""
    if not text:
        return
    try:
        last = element[-1]  # lxml finds the last child from the end: no list of children
    except IndexError:
        element.text = (element.text or "") + text
    else:
        last.tail = (last.tail or "") + text


NoteWriter = Callable[[etree._Element, FootnoteRef], None]
"""Writes the ``authorialNote`` of one reference as the last child of the element given."""


def fill(
    element: etree._Element,
    text: str,
    *,
    phrase: str,
    places: Sequence[tuple[int, FootnoteRef]],
    clean: Sanitizer,
    write_note: NoteWriter,
) -> None:
    """Fill ``element`` with ``text``: the phrase in ``<i>``, notes at their ``places``."""
    position = 0
    if phrase and text.startswith(phrase):
        italic = etree.SubElement(element, tag("i"))
        italic.text = clean(phrase)
        position = len(phrase)
    for place, ref in places:
        place = min(max(place, position), len(text))
        append_text(element, clean(text[position:place]))
        write_note(element, ref)
        position = place
    append_text(element, clean(text[position:]))


def note_places(
    text: str, start: int, refs: Sequence[FootnoteRef], source: str | None
) -> list[tuple[int, FootnoteRef]]:
    """Where in ``text`` each reference's marker stood; ``start`` is the node's span start.

    Linear in the text and the references together: the words before each marker come
    from one running collapse of the source (:class:`_Before`), the nearest occurrence of
    them is looked up outwards from the estimate, and word ends are bisected.
    """
    places: list[tuple[int, FootnoteRef]] = []
    removed = 0
    floor = 0
    before = _Before(source, start) if source is not None else None
    ends = _WordEnds(text)
    for ref in refs:
        estimate = ref.span[0] - start - removed
        place = _from_source(text, before, ref, estimate) if before is not None else None
        if place is None:
            place = ends.nearest(estimate)
        place = max(place, floor)
        places.append((place, ref))
        floor = place
        removed += ref.span[1] - ref.span[0]
    return places


class _Before:
    """The source from a node's start up to each marker, earlier markers cut out, collapsed.

    Markers are met in order; each call adds the source between the last marker taken and
    this one, collapsed as a whole would be (a run of white space across the join is one
    space), so the words before the ``k``-th marker cost only what lies since the last.
    """

    def __init__(self, source: str, start: int) -> None:
        self.source, self.start = source, start
        self.position = start  # where the next piece starts: past the last marker taken
        self.tail = ""  # the last 2 × _TAIL characters of the collapsed words so far

    def tail_before(self, ref: FootnoteRef) -> str | None:
        """The last words before ``ref`` (at most ``_TAIL`` characters); None: out of place."""
        low, high = ref.span
        if not 0 <= self.start <= low <= len(self.source):
            return None
        if self.position <= low:  # else it overlaps the last: the words up to that one
            self._add(self.source[self.position : low])
            self.position = high
        return self.tail.rstrip(" ")[-_TAIL:]

    def _add(self, raw: str) -> None:
        piece = _SPACE_RUN.sub(" ", raw)
        if piece.startswith(" ") and (not self.tail or self.tail.endswith(" ")):
            piece = piece[1:]  # one space across the join; none at the very start
        self.tail = (self.tail + piece)[-(2 * _TAIL) :]


def _from_source(text: str, before: _Before, ref: FootnoteRef, estimate: int) -> int | None:
    """The place of ``ref`` found by looking up the words before it in ``text``."""
    tail = before.tail_before(ref)
    if tail is None:
        return None
    if not tail:
        return 0
    return _nearest_end(text, tail, estimate)


def _nearest_end(text: str, tail: str, estimate: int) -> int | None:
    """The end of the occurrence of ``tail`` nearest to ``estimate`` (the lower on a tie)."""
    width = len(tail)
    below = text.rfind(tail, 0, max(estimate, 0))  # the last one ending at or before it
    above = text.find(tail, max(estimate - width + 1, 0))  # the first one ending after it
    ends = [found + width for found in (below, above) if found >= 0]
    if not ends:
        return None
    return min(ends, key=lambda end: abs(end - estimate))


class _WordEnds:
    """Word ends of a text (before a space after the first character, and the text's end)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.ends: list[int] | None = None  # found at the first question

    def nearest(self, estimate: int) -> int:
        """The word end nearest to ``estimate`` (the lower on a tie)."""
        if self.ends is None:
            self.ends = [m.start() for m in _SPACE.finditer(self.text, 1)] + [len(self.text)]
        ends = self.ends
        estimate = min(max(estimate, 0), len(self.text))
        index = bisect_left(ends, estimate)
        nearby = ends[max(index - 1, 0) : index + 1]
        return min(nearby, key=lambda end: abs(end - estimate))
