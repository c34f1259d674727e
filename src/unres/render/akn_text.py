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

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import regex
from lxml import etree

from unres.akn_names import AKN_NS
from unres.models import FootnoteRef

_ILLEGAL = regex.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""A character XML 1.0 cannot hold: C0 controls but tab/newline/CR, surrogates, U+FFFE, U+FFFF."""
_SPACE_RUN = regex.compile(r"[ \t\r\n\f\v]++")
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
    children = list(element)
    if children:
        last = children[-1]
        last.tail = (last.tail or "") + text
    else:
        element.text = (element.text or "") + text


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
    """Where in ``text`` each reference's marker stood; ``start`` is the node's span start."""
    places: list[tuple[int, FootnoteRef]] = []
    removed = 0
    floor = 0
    for index, ref in enumerate(refs):
        estimate = ref.span[0] - start - removed
        place = _from_source(text, start, refs[:index], ref, source, estimate)
        if place is None:
            place = _word_end_near(text, estimate)
        place = max(place, floor)
        places.append((place, ref))
        floor = place
        removed += ref.span[1] - ref.span[0]
    return places


def _from_source(
    text: str,
    start: int,
    earlier: Sequence[FootnoteRef],
    ref: FootnoteRef,
    source: str | None,
    estimate: int,
) -> int | None:
    """The place of ``ref`` found by looking up the words before it in ``text``."""
    if source is None or not 0 <= start <= ref.span[0] <= len(source):
        return None
    pieces: list[str] = []
    position = start
    for other in earlier:
        if position <= other.span[0] <= ref.span[0]:
            pieces.append(source[position : other.span[0]])
            position = other.span[1]
    pieces.append(source[position : ref.span[0]])
    before = _SPACE_RUN.sub(" ", "".join(pieces)).strip(" ")
    tail = before[-_TAIL:]
    if not tail:
        return 0
    found = [m.end() for m in regex.finditer(regex.escape(tail), text, overlapped=True)]
    if not found:
        return None
    return min(found, key=lambda end: abs(end - estimate))


def _word_end_near(text: str, estimate: int) -> int:
    """The word end (before a space, or the end of the text) nearest to ``estimate``."""
    estimate = min(max(estimate, 0), len(text))
    ends = [i for i, ch in enumerate(text) if ch == " " and i > 0] + [len(text)]
    return min(ends, key=lambda end: abs(end - estimate))
