"""Text and positions of AKN elements, for the AKN reader.

:class:`Locator` turns an element into a span of the XML document's decoded
text: from the ``<`` of its start tag to the start of whatever follows it (its
next sibling, else its parent's end), so spans are valid (``start <= end``)
and nest. :func:`read_text` gives the words of one or more ``<p>``-like
elements: whitespace collapsed the way the text parser collapses it (runs of
ASCII white space to one space, ends trimmed; non-breaking spaces kept),
``authorialNote`` content left out and reported as footnote references at
their place, and the leading italic phrase (``<i>``, ``<span
class="italic">``) if the text opens with one.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex
from lxml import etree

from unres.akn_names import AKN_NS
from unres.models import FootnoteRef

_SPACE_RUN = regex.compile(r"[ \t\r\n\f\v]++")
_ITALIC_TAGS = frozenset({f"{{{AKN_NS}}}i", f"{{{AKN_NS}}}em"})
NOTE_TAG = f"{{{AKN_NS}}}authorialNote"


def collapse(text: str) -> str:
    """Runs of ASCII white space folded to one space, ends trimmed (as the text parser does)."""
    return _SPACE_RUN.sub(" ", text).strip(" ")


def local_name(element: etree._Element) -> str:
    """The local name of an AKN element; ``""`` for other namespaces, comments and PIs."""
    name = element.tag
    if not isinstance(name, str) or not name.startswith(f"{{{AKN_NS}}}"):
        return ""
    return name[len(AKN_NS) + 2 :]


def string_of(element: etree._Element) -> str:
    """All the text inside ``element``, notes included, collapsed."""
    return collapse("".join(part for part in element.itertext() if isinstance(part, str)))


_MARKUP = regex.compile(
    r"""
    <!--.*?-->                    # a comment: no start tag inside
    | <!\[CDATA\[.*?\]\]>          # character data: none either
    | <\?.*?\?>                    # a processing instruction (and the XML declaration)
    | <(?P<name>[^\s/>!?][^\s/>]*)  # a start tag, its qualified name
    """,
    regex.VERBOSE | regex.DOTALL,
)
"""What a ``<`` opens in well-formed XML text (the reader refuses a DOCTYPE)."""


class Locator:
    """Spans of elements in the decoded XML text.

    The start tags are found in one pass over the text and matched, in document order,
    with the elements of the tree given: the ``k``-th element is at the next start tag
    of its name. That holds on one-line (minified) XML as on pretty-printed XML, in
    time linear in the text. An element not in that tree (made by a repair) falls back
    to the first start tag of its name on its source line.
    """

    def __init__(self, text: str, root: etree._Element | None = None) -> None:
        self.text = text
        self._starts = [0] + [m.end() for m in regex.finditer(r"\n", text)]
        self._seen: dict[etree._Element, int] = {}
        self._ends: dict[etree._Element, int] = {}
        if root is not None:
            self._seen.update(_start_tags(text, root))

    def start(self, element: etree._Element) -> int:
        known = self._seen.get(element)
        if known is not None:
            return known
        source_line = element.sourceline
        line = source_line if isinstance(source_line, int) else 1
        base = self._starts[min(max(line - 1, 0), len(self._starts) - 1)]
        qualified = _qualified(element)
        found = self.text.find(f"<{qualified}", base) if qualified else -1
        offset = found if found >= 0 else base
        self._seen[element] = offset
        return offset

    def end(self, element: etree._Element) -> int:
        known = self._ends.get(element)
        if known is not None:
            return known
        following = element.getnext()
        while following is not None and following.sourceline is None:
            following = following.getnext()
        if following is not None:
            found = max(self.start(following), self.start(element))
        else:
            parent = element.getparent()
            found = len(self.text) if parent is None else max(self.end(parent), self.start(element))
        self._ends[element] = found
        return found

    def span(self, element: etree._Element) -> tuple[int, int]:
        start = self.start(element)
        return start, max(self.end(element), start)

    def offset_line(self, offset: int) -> int:
        return bisect_right(self._starts, offset)


def _qualified(element: etree._Element) -> str:
    """``prefix:local`` as written in the start tag; ``""`` for comments and PIs."""
    name = element.tag if isinstance(element.tag, str) else ""
    local = name.rpartition("}")[2]
    if not local:
        return ""
    return f"{element.prefix}:{local}" if element.prefix else local


def _start_tags(text: str, root: etree._Element) -> Iterator[tuple[etree._Element, int]]:
    """Each element of ``root`` with the offset of its start tag, in one pass over ``text``."""
    tags = ((m.start(), m["name"]) for m in _MARKUP.finditer(text) if m["name"] is not None)
    for element in root.iter(tag=etree.Element):
        qualified = _qualified(element)
        for offset, name in tags:
            if name == qualified:
                yield element, offset
                break
        else:
            return  # the text ran out: the rest fall back to their source lines


@dataclass(frozen=True, slots=True)
class Text:
    """The words of some elements, their footnote references and their leading italic phrase."""

    text: str
    refs: list[FootnoteRef]
    italic: str

    @property
    def footnotes(self) -> list[str]:
        return list(dict.fromkeys(ref.marker for ref in self.refs))


def read_text(elements: Iterable[etree._Element], locate: Locator) -> Text:
    """The collapsed text of ``elements`` joined by a space, notes taken out."""
    pieces: list[str] = []
    refs: list[FootnoteRef] = []
    italic = ""
    for index, element in enumerate(elements):
        if index:
            pieces.append(" ")
        if index == 0:
            italic = _leading_italic(element)
        _walk(element, pieces, refs, locate, top=True)
    return Text(collapse("".join(pieces)), refs, italic)


def _walk(
    element: etree._Element,
    pieces: list[str],
    refs: list[FootnoteRef],
    locate: Locator,
    *,
    top: bool = False,
) -> None:
    if element.tag == NOTE_TAG and not top:
        refs.append(FootnoteRef(marker=element.get("marker") or "", span=locate.span(element)))
    elif isinstance(element.tag, str):
        pieces.append(element.text or "")
        for child in element:
            _walk(child, pieces, refs, locate)
    if not top:
        pieces.append(element.tail or "")


def _leading_italic(element: etree._Element) -> str:
    """The text of an italic child the element opens with (white space before it allowed)."""
    if (element.text or "").strip():
        return ""
    children = [child for child in element if isinstance(child.tag, str)]
    if not children:
        return ""
    first = children[0]
    is_italic = first.tag in _ITALIC_TAGS or (
        local_name(first) == "span" and "italic" in (first.get("class") or "").split()
    )
    if not is_italic or first.find(f".//{NOTE_TAG}") is not None:
        return ""
    return string_of(first)
