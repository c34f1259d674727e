"""The no-lost-text check: every word of the input is in the tree, once.

Takes the decoded input and the tree parsed from it. Counts the words of the
input and the words the tree holds, and gives the difference both ways:
``missing`` (in the input, not in the tree) and ``extra`` (in the tree, not in
the input). A parse loses no text when both are empty.

What counts as a word
    A maximal run of letters (with their combining marks) or a maximal run of
    digits: ``Goals1`` is two words, ``Goals`` and ``1``, and ``A/RES/57/53``
    is four. Splitting letters from digits makes a footnote marker glued to
    its word count the same in the input and in the tree, where the marker is
    cut out of the text and kept in ``footnote_refs``.

What the input side counts
    The decoded text with every recorded removal cut out, plus the words of
    each removal. Cutting first, as the parser does when it joins the pieces
    around noise, keeps ``Goal[DU1]s`` one word, ``Goals``; a ``hyphenation``
    removal (a line-end hyphen the parser dropped to rejoin a word) takes the
    line break after it too, so ``inter-`` / ``national`` counts as
    ``international`` on both sides.

What the tree side counts
    The fields that hold source text, listed per model class in
    :data:`TEXT_FIELDS` (a test holds the table to the models' fields): the
    heading lines as printed, node texts, paragraph numbers and item labels
    (as printed), footnote markers and bodies, section and annex headings,
    the adoption lines and ``unparsed``, plus the removals. Fields read from
    that text (``number``, ``title``, ``report``, ``symbol``, ``organ``,
    ``phrase``, dates, votes, part labels) or about it (``references``,
    ``metadata``, ``findings``) are not counted again, and neither is the
    top-level ``adoption`` of a multi-part resolution, which is its last
    part's. Removals that overlap count their overlap once on both sides.

It needs nothing but the text and its tree: use it in tests, in the corpus report, or on any
parse whose losslessness is in doubt.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import regex
from pydantic import BaseModel

from unres.models import (
    Adoption,
    Annex,
    AnnexHeading,
    AnnexParagraph,
    Finding,
    Footnote,
    FootnoteRef,
    Formula,
    HeadingLine,
    Item,
    OperativeParagraph,
    Part,
    Preamble,
    PreambularClause,
    Reference,
    Removal,
    Report,
    Resolution,
    Section,
    TextBlock,
    Unparsed,
)
from unres.parsers.footnotes import SUPERSCRIPT

WORD = regex.compile(r"[\p{L}\p{M}]++|\p{N}++")
"""A word: a run of letters (and combining marks), or a run of digits."""

_AFTER_HYPHEN = regex.compile(r"[ \t\u00a0]*+(?:\r\n|[\n\r\f\v\u2028\u2029\x85])?[ \t\u00a0]*+")


@dataclass(frozen=True, slots=True)
class Fields:
    """How the check reads one model class: every field but ``span``, ``page`` (where a PDF
    node starts) and ``kind`` is in one list.

    ``text`` fields hold source words (``"a|b"``: the first of ``a`` and ``b`` that is
    set); ``children`` hold nodes to read in turn; ``derived`` fields are read from
    text counted elsewhere, or say something about the text, and are not counted.
    """

    text: tuple[str, ...] = ()
    children: tuple[str, ...] = ()
    derived: tuple[str, ...] = ()


_HOLDER = Fields(("text",), ("footnote_refs", "items", "wrap_up"), ("footnotes",))

TEXT_FIELDS: dict[type[BaseModel], Fields] = {
    Resolution: Fields(
        children=("heading", "preamble", "operative", "subheadings", "sections", "parts",
                  "annexes", "footnotes", "adoption", "unparsed"),
        derived=("symbol", "organ", "organ_name", "number", "session", "session_kind", "title",
                 "title_span", "report", "sponsors", "metadata", "references", "removed",
                 "findings"),
    ),
    HeadingLine: Fields(("text",)),
    Report: Fields(derived=("text", "committee", "symbol")),  # read from a heading line
    Preamble: Fields(children=("formula", "clauses", "subheadings")),
    Formula: Fields(("text",)),
    PreambularClause: Fields(
        _HOLDER.text, _HOLDER.children, ("phrase", "phrase_known", *_HOLDER.derived)
    ),
    OperativeParagraph: Fields(
        ("number", *_HOLDER.text), _HOLDER.children, ("phrase", "phrase_known", "footnotes")
    ),
    Item: Fields(
        ("printed_label|label", *_HOLDER.text), _HOLDER.children,
        ("label_style", *_HOLDER.derived),
    ),
    TextBlock: Fields(("text",), ("footnote_refs",), ("footnotes",)),
    FootnoteRef: Fields(("marker",), derived=("at",)),
    Section: Fields(("label", "heading"), ("paragraphs", "sections")),
    Part: Fields(
        children=("preamble", "operative", "subheadings", "sections", "adoption"),
        derived=("label", "title"),  # read from heading lines (or numbered A, B… when absent)
    ),
    Annex: Fields(("label", "title"), ("content",)),
    AnnexParagraph: Fields(("number", *_HOLDER.text), _HOLDER.children, _HOLDER.derived),
    AnnexHeading: Fields(("label", "text")),
    Footnote: Fields(("marker", "text")),
    Adoption: Fields(("text",), derived=("meeting", "meeting_number", "date", "vote")),
    Unparsed: Fields(("text",)),
    Removal: Fields(derived=("text",)),  # counted by removed_words: overlaps once
    Reference: Fields(derived=("text", "symbol", "date")),
    Finding: Fields(derived=("code", "severity", "message")),
}  # fmt: skip
"""How the check reads each model class of the tree; a test holds it to the models' fields."""


@dataclass(frozen=True, slots=True)
class Coverage:
    """The words of the input the tree lacks, and the words the tree has that the input lacks."""

    missing: Counter[str]
    extra: Counter[str]

    @property
    def complete(self) -> bool:
        return not self.missing and not self.extra

    def describe(self, limit: int = 12) -> str:
        """One line naming the first ``limit`` missing and extra words, with their counts."""

        def some(words: Counter[str]) -> str:
            shown = ", ".join(f"{w!r}×{n}" for w, n in words.most_common(limit))
            more = len(words) - limit
            return shown + (f" and {more} more" if more > 0 else "")

        if self.complete:
            return "no text lost"
        parts = []
        if self.missing:
            parts.append(f"missing {sum(self.missing.values())}: {some(self.missing)}")
        if self.extra:
            parts.append(f"extra {sum(self.extra.values())}: {some(self.extra)}")
        return "; ".join(parts)


def words(text: str) -> Counter[str]:
    """The multiset of words of ``text`` (superscript digits read as the digits they are)."""
    return Counter(WORD.findall(text.translate(SUPERSCRIPT)))


def input_words(text: str, tree: Resolution) -> Counter[str]:
    """The words of the input: its text with the removals cut out, plus the removals' words.

    Footnote markers are cut out too and counted on their own, as the tree holds them
    (``2014–20242`` is the year ``2014–2024`` and the marker ``2``; a superscript ``¹¹``
    is the marker ``11``).
    """
    kept: list[str] = []
    markers: Counter[str] = Counter()
    position = 0
    for start, end, kind in _removal_runs(tree):
        kept.append(text[position:start])
        position = end
        if kind == "marker":
            markers.update(words(text[start:end]))
        if kind == "hyphenation":  # the word was rejoined across the line break
            gap = _AFTER_HYPHEN.match(text, position)
            position = gap.end() if gap is not None else position
    kept.append(text[position:])
    return words("".join(kept)) + removed_words(tree) + markers


def removed_words(tree: Resolution) -> Counter[str]:
    """The words of ``tree.removed``; where records overlap, the overlap counts once."""
    found: Counter[str] = Counter()
    for removal in tree.removed:
        found.update(words(removal.text))
    overlap: Counter[str] = Counter()
    position = 0
    for removal in sorted(tree.removed, key=lambda r: r.span):
        start, end = removal.span
        if start < position:
            overlap.update(words(removal.text[: min(position, end) - start]))
        position = max(position, end)
    return found - overlap


def tree_words(tree: Resolution) -> Counter[str]:
    """The words held in the tree (see :data:`TEXT_FIELDS`), removals included."""
    found: Counter[str] = Counter()
    for value in _texts(tree):
        found.update(words(value))
    return found + removed_words(tree)


def check(text: str, tree: Resolution) -> Coverage:
    """Compare the words of ``text`` with those of ``tree``, parsed from it."""
    have = input_words(text, tree)
    held = tree_words(tree)
    return Coverage(missing=have - held, extra=held - have)


def _removal_runs(tree: Resolution) -> Iterator[tuple[int, int, str]]:
    """Removed stretches and footnote markers in order, overlaps merged: ``(start, end, kind)``."""
    cuts = [(r.span[0], r.span[1], r.kind) for r in tree.removed]
    cuts += [(ref.span[0], ref.span[1], "marker") for ref in _markers(tree)]
    position = 0
    for start, end, kind in sorted(cuts):
        start = max(start, position)
        if end > start:
            yield start, end, kind
            position = end


def _markers(root: BaseModel) -> Iterator[FootnoteRef]:
    """Every footnote marker reference in the tree."""
    stack: list[BaseModel] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, FootnoteRef):
            yield node
            continue
        for name in type(node).model_fields:
            value = getattr(node, name)
            if isinstance(value, BaseModel):
                stack.append(value)
            elif isinstance(value, list):
                stack.extend(v for v in value if isinstance(v, BaseModel))


def _texts(root: BaseModel) -> Iterator[str]:
    """Every text field of ``root`` and its descendants, without recursion (trees can be deep)."""
    stack: list[BaseModel] = [root]
    while stack:
        node = stack.pop()
        fields = TEXT_FIELDS[type(node)]
        for names in fields.text:  # "a|b": the first of them that is set
            value = next((v for v in (getattr(node, n) for n in names.split("|")) if v), None)
            if value:
                yield value
        for name in fields.children:
            if name == "adoption" and isinstance(node, Resolution) and node.parts:
                continue  # the last part's adoption, already counted there
            child = getattr(node, name)
            if isinstance(child, list):
                stack.extend(reversed(child))
            elif child is not None:
                stack.append(child)
