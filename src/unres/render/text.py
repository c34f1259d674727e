"""Plain text of the tree, laid out as a Word paragraph export (the seed's layout).

Takes a :class:`~unres.models.Resolution` and writes one line per paragraph:
the heading lines as printed (``57/53.<TAB>Title``), the formula and each
clause after a tab, ``<TAB>1.<TAB>Text`` for operative paragraphs,
``<TAB>(a)<TAB>Text`` for sub-items at any depth, section headings
(``II.<TAB>Heading``), the closing lines, then the footnotes as ``1 Text``,
then the annexes. Footnote markers are glued back where they stood
(``FootnoteRef.at``); the words of every node are written exactly as the tree
holds them.

What it guarantees: parsing the text it writes gives the same tree, spans and
metadata aside (see ``tests/test_render_text.py`` for the comparison), for
trees the parser made from real resolutions. The parts of a document keep
their order, taken from the spans. Noise (``removed``) is not written, nor
anything the tree holds only as metadata.

Each node kind is written by one function, chosen from :data:`WRITERS`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from pydantic import BaseModel

from unres.models import (
    Adoption,
    Annex,
    AnnexHeading,
    AnnexParagraph,
    Footnote,
    FootnoteRef,
    Formula,
    HeadingLine,
    Item,
    OperativeParagraph,
    Part,
    Preamble,
    PreambularClause,
    Resolution,
    Section,
    TextBlock,
    Unparsed,
)
from unres.parsers.closing import DATE_LINE, PLENARY
from unres.parsers.heading import TITLE

ASTERISM = "*\t*\t*"
"""The line that ends the sections of an operative part: what follows is the whole text's."""

FOOTNOTE_RULE = "_" * 15
"""The rule that sets the footnotes apart from the body."""

Lines = Iterator[str]
Writer = Callable[[Any], Lines]


def to_text(resolution: Resolution) -> str:
    """The resolution as Word-paragraph plain text, one paragraph a line."""
    lines: list[str] = []
    after_sections = False
    for _, node in sorted(_top_level(resolution), key=lambda chunk: chunk[0]):
        if isinstance(node, OperativeParagraph) and after_sections:
            lines.append(ASTERISM)  # the paragraphs that follow belong to no section
        after_sections = isinstance(node, Section) or (
            after_sections and not isinstance(node, OperativeParagraph)
        )
        lines.extend(write(node))
    if resolution.footnotes:
        lines.append(FOOTNOTE_RULE)  # as Word sets the notes apart; it ends the body
    lines += [line for note in resolution.footnotes for line in write(note)]
    lines += [line for annex in resolution.annexes for line in write(annex)]
    return "".join(f"{line}\n" for line in lines)


def write(node: BaseModel) -> Lines:
    """The lines of one node, by its kind."""
    return WRITERS[type(node)](node)


def _top_level(tree: Resolution) -> Iterator[tuple[int, BaseModel]]:
    """The nodes written in document order, each with the offset that places it."""
    yield from ((line.span[0], line) for line in tree.heading)
    yield from ((node.span[0], node) for node in tree.unparsed)
    bodies: Sequence[Resolution | Part] = tree.parts or [tree]
    for body in bodies:
        if body.preamble is not None:
            yield body.preamble.span[0], body.preamble
        yield from ((p.span[0], p) for p in body.operative)
        yield from ((s.span[0], s) for s in body.subheadings)
        yield from ((s.span[0], s) for s in body.sections)
        if body.adoption is not None:
            yield body.adoption.span[0], body.adoption


def glued(text: str, refs: Sequence[FootnoteRef]) -> str:
    """``text`` with its footnote markers back where they stood (a group as ``3,4``).

    A marker after a figure is set one space apart, as PDF text prints it.
    """
    if not refs:
        return text
    places: dict[int, list[str]] = {}
    for ref in refs:
        at = len(text) if ref.at is None else min(ref.at, len(text))
        places.setdefault(at, []).append(ref.marker)
    out: list[str] = []
    position = 0
    for at in sorted(places):
        out.append(text[position:at])
        if text[at - 1 : at].isdigit():
            out.append(" ")  # a spaced marker (PDF text: "in 2015 22"); glued, it would merge
        out.append(",".join(places[at]))
        position = at
    out.append(text[position:])
    return "".join(out)


# --- one writer per node kind ------------------------------------------------------------


def _heading_line(line: HeadingLine) -> Lines:
    m = TITLE.fullmatch(line.text) if line.kind == "title" else None
    yield f"{m['number']}.\t{m['title']}" if m is not None else line.text


def _preamble(preamble: Preamble) -> Lines:
    if preamble.formula is not None:
        yield from write(preamble.formula)
    nodes: list[PreambularClause | TextBlock] = [*preamble.clauses, *preamble.subheadings]
    for node in sorted(nodes, key=lambda n: n.span[0]):  # subheadings where they stood
        yield from write(node)


def _formula(formula: Formula) -> Lines:
    yield f"\t{formula.text}"


def _clause(clause: PreambularClause) -> Lines:
    yield f"\t{glued(clause.text, clause.footnote_refs)}"
    yield from _below(clause.items, clause.wrap_up)


def _paragraph(paragraph: OperativeParagraph) -> Lines:
    text = glued(paragraph.text, paragraph.footnote_refs)
    yield f"\t{paragraph.number}.\t{text}" if paragraph.number else f"\t{text}"
    yield from _below(paragraph.items, paragraph.wrap_up)


def _item(item: Item) -> Lines:
    label = item.printed_label or item.label
    mark = label if item.label_style == "bullet" else f"({label})"
    yield f"\t{mark}\t{glued(item.text, item.footnote_refs)}"
    yield from _below(item.items, item.wrap_up)


def _below(items: Sequence[Item], wrap_up: Sequence[TextBlock]) -> Lines:
    for item in items:
        yield from write(item)
    for block in wrap_up:
        yield from write(block)


def _text_block(block: TextBlock) -> Lines:
    yield f"\t{glued(block.text, block.footnote_refs)}"


def _section(section: Section) -> Lines:
    yield f"{section.label}.\t{section.heading}" if section.heading else section.label
    for paragraph in section.paragraphs:
        yield from write(paragraph)
    for child in section.sections:
        yield from write(child)


def _adoption(adoption: Adoption) -> Lines:
    """The closing lines: the meeting, its date, a bracketed vote (``[Adopted by …]``)."""
    head, bracket, vote = adoption.text.partition(" [")
    plenary = PLENARY.fullmatch(head)
    rest = plenary["rest"] if plenary is not None else None
    if plenary is not None and rest and DATE_LINE.fullmatch(rest):
        yield head[: plenary.start("rest")].rstrip(" ")  # "57th plenary meeting" (its comma)
        yield rest  # "22 November 2002"
    elif head:
        yield head
    if bracket:
        yield f"[{vote}"


def _footnote(note: Footnote) -> Lines:
    yield f"{note.marker} {note.text}" if note.marker else note.text


def _annex(annex: Annex) -> Lines:
    yield annex.label
    if annex.title:
        yield annex.title
    for block in annex.content:
        yield from write(block)


def _annex_paragraph(paragraph: AnnexParagraph) -> Lines:
    text = glued(paragraph.text, paragraph.footnote_refs)
    yield f"\t{paragraph.number}.\t{text}" if paragraph.number else f"\t{text}"
    yield from _below(paragraph.items, paragraph.wrap_up)


def _annex_heading(heading: AnnexHeading) -> Lines:
    yield f"{heading.label}\t{heading.text}" if heading.label else heading.text


def _unparsed(node: Unparsed) -> Lines:
    yield node.text


WRITERS: dict[type[BaseModel], Writer] = {
    HeadingLine: _heading_line,
    Preamble: _preamble,
    Formula: _formula,
    PreambularClause: _clause,
    OperativeParagraph: _paragraph,
    Item: _item,
    TextBlock: _text_block,
    Section: _section,
    Adoption: _adoption,
    Footnote: _footnote,
    Annex: _annex,
    AnnexParagraph: _annex_paragraph,
    AnnexHeading: _annex_heading,
    Unparsed: _unparsed,
}
"""The writer of each node kind that has lines of its own (a test checks none is missing)."""
