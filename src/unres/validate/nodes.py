"""Walking the tree: every node that holds running text, and the sub-items of a holder.

Gives, in document order, the nodes that carry words and footnote markers
(preambular clauses, operative paragraphs, sub-items, wrap-up text, annex
paragraphs and annex text) and the flat, document-order list of a holder's
sub-items at every depth. Read-only.
"""

from __future__ import annotations

from collections.abc import Iterator

from unres.models import (
    AnnexParagraph,
    Item,
    OperativeParagraph,
    PreambularClause,
    Resolution,
    TextBlock,
)
from unres.validate.document import section_paragraphs

TextNode = PreambularClause | OperativeParagraph | Item | TextBlock | AnnexParagraph
Holder = PreambularClause | OperativeParagraph | AnnexParagraph


def holders(resolution: Resolution) -> Iterator[Holder]:
    """Every clause and paragraph that can hold sub-items, annexes included."""
    preambles = [resolution.preamble] + [part.preamble for part in resolution.parts]
    for preamble in preambles:
        if preamble is not None:
            yield from preamble.clauses
    yield from resolution.operative
    for section in resolution.sections:
        yield from section_paragraphs(section)
    for part in resolution.parts:
        yield from part.operative
        for section in part.sections:
            yield from section_paragraphs(section)
    for annex in resolution.annexes:
        for block in annex.content:
            if isinstance(block, AnnexParagraph):
                yield block


def flat_items(items: list[Item]) -> list[Item]:
    """``items`` and all their descendants, in document order."""
    found: list[Item] = []
    for item in items:
        found.append(item)
        found.extend(flat_items(item.items))
    return sorted(found, key=lambda item: item.span[0])


def text_nodes(resolution: Resolution) -> Iterator[TextNode]:
    """Every node of running text, in document order within each holder."""
    for holder in holders(resolution):
        yield holder
        for item in flat_items(holder.items):
            yield item
            yield from item.wrap_up
        yield from holder.wrap_up
    for annex in resolution.annexes:
        for block in annex.content:
            if isinstance(block, TextBlock):
                yield block
