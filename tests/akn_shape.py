"""What the AKN round trips must keep, for the round-trip tests.

:func:`tree_view` is a tree without what only concerns its source.

:func:`shape` gives what an AKN → tree → AKN round trip must keep: the
preambular clauses, the numbers of the operative paragraphs, the numbers of
the points, the footnotes (marker and text) and the text content. Numbers are
compared without punctuation (``(a)`` and ``a.`` are the same label); a
``paragraph`` numbered like a sub-item (``(d)``) counts as a point and one
numbered like a heading (``A.``) as neither, since the reader repairs such
markup in other producers' files; text
without white space, and notes as a set: the writer places a note whose marker
has no place in the tree (a note in a heading) in ``meta/notes``. The text is
compared as the sorted list of the words of preamble, main body and unparsed
containers (text before the first clause is written in the preface): no word
may be lost, changed or added, but blocks may be joined or reordered where the
tree cannot hold the UN's markup (an ``alinea`` between points comes back
after them; a point's ``subheading`` is joined to its text; a preamble heading
``block`` is kept as one unparsed text).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex
from lxml import etree

from unres.akn_names import AKN_NS, UNPARSED, UNRESOLVED_NOTE
from unres.models import Item, Resolution

_NOT_LABEL = regex.compile(r"[^0-9\p{L}]++")
_SPACE = regex.compile(r"\s++")
_PARAGRAPH_NUMBER = regex.compile(r"\d{1,3}(?:bis|ter|quater)?")
_SUB_ITEM = regex.compile(r"[a-z]{1,3}|[ivxlc]{1,6}|\d{1,3}")
_Q = f"{{{AKN_NS}}}"


@dataclass(frozen=True)
class Shape:
    clauses: tuple[str, ...]
    paragraphs: tuple[str, ...]
    points: tuple[str, ...]
    notes: frozenset[tuple[str, str]]
    text: tuple[str, ...]

    def counts(self) -> tuple[int, int, int, int]:
        return len(self.clauses), len(self.paragraphs), len(self.points), len(self.notes)


def _text(element: etree._Element, *, notes: bool = False, nums: bool = True) -> str:
    pieces: list[str] = []

    def walk(node: etree._Element, top: bool) -> None:
        skip = (node.tag == f"{_Q}authorialNote" and not notes) or (
            node.tag == f"{_Q}num" and not nums
        )
        if skip and not top:
            pieces.append(node.tail or "")
            return
        if isinstance(node.tag, str):
            pieces.append(node.text or "")
            for child in node:
                walk(child, False)
        if not top:
            pieces.append(node.tail or "")

    walk(element, True)
    return "".join(pieces)


def _num(element: etree._Element) -> str | None:
    num = element.find(f"{_Q}num")
    return None if num is None else _NOT_LABEL.sub("", _text(num))


def shape(data: bytes) -> Shape:
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    bodies = [e for e in root.iter(f"{_Q}preamble", f"{_Q}mainBody")]
    clauses = tuple(
        _SPACE.sub("", _text(c))
        for preamble in root.iter(f"{_Q}preamble")
        for c in preamble.iterchildren(f"{_Q}container")
        if c.get("name") != UNPARSED
    )
    paragraphs: list[str] = []
    points: list[str] = []
    for body in bodies:
        if any(a.tag == f"{_Q}attachments" for a in body.iterancestors()):
            continue
        for element in body.iter(f"{_Q}paragraph", f"{_Q}point"):
            number = _num(element)
            kids = {child.tag for child in element}
            if element.tag == f"{_Q}point":
                points.append(number or "")
            elif not number or not kids & {f"{_Q}content", f"{_Q}list", f"{_Q}point"}:
                continue
            elif _PARAGRAPH_NUMBER.fullmatch(number):
                paragraphs.append(number)
            elif _SUB_ITEM.fullmatch(number):  # a sub-item marked up as a paragraph
                points.append(number)
    notes = frozenset(
        (note.get("marker") or "", " ".join(_text(note, notes=True).split()))
        for note in root.iter(f"{_Q}authorialNote", f"{_Q}note")
        if note.get("class") != UNRESOLVED_NOTE
    )
    inner = {f"{_Q}preamble", f"{_Q}mainBody"}
    blocks = [e for e in root.iter(*inner)] + [
        c
        for c in root.iter(f"{_Q}container")
        if c.get("name") == UNPARSED and not any(a.tag in inner for a in c.iterancestors())
    ]
    words = sorted(word for block in blocks for word in _text(block, nums=False).split())
    return Shape(clauses, tuple(paragraphs), tuple(points), notes, tuple(words))


Json = dict[str, "Json"] | list["Json"] | str | int | float | bool | None

SOURCE_ONLY = (
    "span", "title_span", "removed", "findings", "heading", "printed_label", "at", "decoding",
)  # fmt: skip
"""Tree fields about the source text, not the document: left out of the round-trip comparison.

``heading`` (the heading lines as printed), ``printed_label`` (a label as OCR printed it),
``at`` (where a marker stood in the source text) and ``decoding`` (why the bytes were
decoded so) say how the text was written, which AKN does not carry.
"""


def _without_source(value: Json) -> Json:
    if isinstance(value, dict):
        return {k: _without_source(v) for k, v in value.items() if k not in SOURCE_ONLY}
    if isinstance(value, list):
        return [_without_source(v) for v in value]
    return value


def tree_view(resolution: Resolution) -> Json:
    """The tree as JSON without spans, noise records, findings, encoding and lineage.

    Spans point into the text or into the XML; noise and findings describe the
    source text; encoding and lineage say where the tree came from. Everything
    else must survive text → tree → AKN → tree.
    """
    view = _without_source(resolution.model_dump(mode="json"))
    assert isinstance(view, dict)
    metadata = view["metadata"]
    assert isinstance(metadata, dict)
    metadata.pop("encoding")
    metadata.pop("lineage")
    return view


def _count_items(items: list[Item]) -> int:
    return sum(1 + _count_items(item.items) for item in items)


def tree_counts(resolution: Resolution) -> tuple[int, int, int, int]:
    """Preambular clauses, operative paragraphs, sub-items and footnotes of a tree."""
    paragraphs = resolution.all_paragraphs()
    return (
        len(resolution.preamble.clauses) if resolution.preamble else 0,
        len(paragraphs),
        sum(_count_items(p.items) for p in paragraphs),
        len(resolution.footnotes),
    )
