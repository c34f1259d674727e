"""The compared structure of one resolution, read from a unres tree or from Word paragraphs.

A :class:`Shape` holds what the PDF route and the Word route of one General
Assembly resolution must agree on, each as a sequence of :class:`Entry` (a key
compared for equality, and the text shown when two sequences diverge):

- ``preamble``: one entry per preambular clause, keyed by its opening words, so
  a merge or a split is located, not just counted;
- ``numbers``: the operative paragraph numbers in order (sections included);
- ``unnumbered``: the unnumbered operative paragraphs, keyed by opening words;
- ``items``: every sub-item at any depth, keyed by its path of labels under the
  paragraph that holds it (``3/a/ii``; ``p/a`` under a preambular clause).

:func:`from_tree` reads a parsed :class:`~unres.models.Resolution` (every part;
annexes left out). :func:`from_word` reads the paragraph objects made from the
ODS Word file (SOURCES.md §1 and §8): the body runs from the title to the
closing lines (``NNth plenary meeting``, the date) or an ``Annex`` heading; a
part label heading (``A``, ``B``) after a closing line opens a further body.
The Word side's own quirks are handled here, not corrected: the formula line
typed ``preambular`` and ``*`` separator lines are skipped, and closing lines
typed ``preambular`` close the body. Other mislabels are left as they are and
reviewed in ``agreement_word_wrong.tsv``.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from unres.models import Item, OperativeParagraph, PreambularClause, Resolution, Section

FIELDS = ("preamble", "numbers", "unnumbered", "items")
OPENING_WORDS = 3
"""Words that key a clause: enough to tell neighbours apart, few enough to survive wrapping."""

_WORD = regex.compile(r"\p{L}+")
_FORMULA = regex.compile(r"^\s*The\s+General\s+Assembly\s*[,:.]?\s*$")
_SEPARATOR = regex.compile(r"^[\s*]+$")
_CLOSING = regex.compile(
    r"""^\s*(?:
        \d+(?:st|nd|rd|th)\s+(?:\(resumed\)\s+)?plenary\s+meeting   # 45th plenary meeting
      | \d{1,2}\s+\p{Lu}\p{Ll}+\s+\d{4}                             # 7 December 2023
    )\s*$""",
    regex.VERBOSE,
)
_ANNEX = regex.compile(r"^\s*(?:Annex|Appendix)\b")
_PART = regex.compile(r"^\s*[A-Z]\.?\s*$")
_NUMBER = regex.compile(r"^\s*(\d+)\s*\.?[\s\u200e\u200f]*$")


@dataclass(frozen=True)
class Entry:
    """One compared element: ``key`` decides agreement, ``text`` is shown on divergence."""

    key: str
    text: str


@dataclass
class Shape:
    """What both routes of one resolution must agree on, field by field."""

    preamble: list[Entry] = field(default_factory=list)
    numbers: list[Entry] = field(default_factory=list)
    unnumbered: list[Entry] = field(default_factory=list)
    items: list[Entry] = field(default_factory=list)

    def field(self, name: str) -> list[Entry]:
        entries: list[Entry] = getattr(self, name)
        return entries


def opening(text: str) -> str:
    """The first words of ``text``, lower case, letters only (markers and figures dropped)."""
    words = _WORD.findall(unicodedata.normalize("NFKC", text))
    return " ".join(words[:OPENING_WORDS]).casefold()


def label_key(label: str) -> str:
    """A sub-item label without its brackets, dot or spacing: ``(a)`` → ``a``."""
    return regex.sub(r"[\s().\u200e\u200f]+", "", unicodedata.normalize("NFKC", label)).casefold()


# --- the unres tree -----------------------------------------------------------------------


def from_tree(tree: Resolution) -> Shape:
    """The shape of a parsed resolution, every part in order, annexes left out."""
    shape = Shape()
    for body in tree.parts or [tree]:
        if body.preamble is not None:
            for clause in body.preamble.clauses:
                _add_clause(shape, clause)
        for paragraph in _paragraphs(body.operative, body.sections):
            _add_paragraph(shape, paragraph)
    return shape


def _paragraphs(
    operative: Sequence[OperativeParagraph], sections: Sequence[Section]
) -> list[OperativeParagraph]:
    found = list(operative)
    for section in sections:
        found += _paragraphs(section.paragraphs, section.sections)
    return sorted(found, key=lambda paragraph: paragraph.span[0])


def _add_clause(shape: Shape, clause: PreambularClause) -> None:
    shape.preamble.append(Entry(opening(clause.text), clause.text))
    shape.items += _item_entries("p", clause.items)


def _add_paragraph(shape: Shape, paragraph: OperativeParagraph) -> None:
    if paragraph.number is None:
        shape.unnumbered.append(Entry(opening(paragraph.text), paragraph.text))
        owner = "-"
    else:
        owner = label_key(paragraph.number)
        shape.numbers.append(Entry(owner, paragraph.text))
    shape.items += _item_entries(owner, paragraph.items)


def _item_entries(path: str, items: Iterable[Item]) -> Iterator[Entry]:
    for item in items:
        here = f"{path}/{label_key(item.printed_label or item.label)}"
        yield Entry(here, item.text)
        yield from _item_entries(here, item.items)


# --- the Word paragraphs ------------------------------------------------------------------


@dataclass
class _WordState:
    shape: Shape = field(default_factory=Shape)
    in_body: bool = False
    closed: bool = False
    owner: str | None = None
    path: list[str] = field(default_factory=list)


def from_word(path: Path) -> Shape:
    """The shape of the Word-side paragraph JSON of one resolution."""
    paragraphs: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    state = _WordState()
    for paragraph in paragraphs:
        if not _step(state, paragraph):
            break
    return state.shape


def _step(state: _WordState, paragraph: dict[str, Any]) -> bool:
    """Take one paragraph object; False once the body (and any further part) is over."""
    kind = paragraph.get("type")
    text = str(paragraph.get("text") or "")
    if kind == "title":
        state.in_body, state.closed = True, False
        return True
    if kind == "heading":
        if _ANNEX.match(text):
            return False
        if state.closed:
            if not _PART.match(text) and not _PART.match(str(paragraph.get("prefix") or "")):
                return False
            state.in_body, state.closed = True, False
        return True
    if kind == "backmatter" or (kind == "paragraph" and _CLOSING.match(text)):
        state.closed = state.in_body or state.closed
        state.in_body = False
        return True
    if kind != "paragraph" or not state.in_body:
        return True
    if _SEPARATOR.match(text) or _FORMULA.match(text):
        return True
    _add_word_paragraph(state, paragraph, text)
    return True


def _add_word_paragraph(state: _WordState, paragraph: dict[str, Any], text: str) -> None:
    prefix = str(paragraph.get("prefix") or "").strip()
    level = paragraph.get("paragraph_level") or 1
    shape = state.shape
    number = _NUMBER.match(prefix)
    if number is not None:
        state.owner, state.path = number.group(1), []
        shape.numbers.append(Entry(state.owner, text))
        return
    if level >= 2 and prefix:
        owner = "p" if paragraph.get("paragraph_type") == "preambular" else state.owner or "-"
        depth = level - 2
        state.path = [*state.path[:depth], label_key(prefix)]
        shape.items.append(Entry("/".join([owner, *state.path]), text))
        return
    state.path = []
    if paragraph.get("paragraph_type") == "preambular":
        state.owner = "p"
        shape.preamble.append(Entry(opening(text), text))
    else:
        state.owner = "-"
        shape.unnumbered.append(Entry(opening(text), text))
