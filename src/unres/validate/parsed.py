"""What the parser found, as validation rules: unparsed text (UNR001), unknown
opening phrases (UNR002) and a text that prints several items (UNR003).

The parser records both on the tree; these rules surface them with the
catalogue's code, severity and selection, so ``--select``/``--ignore`` and
``unres rules`` cover them. UNR001 is rebuilt from the tree's ``unparsed``
nodes, to say how much text was not understood; UNR002 passes on the parser's
own findings, whose spans cover the phrase exactly.
"""

from __future__ import annotations

from collections.abc import Iterator

from unres.validate.document import Document, Hit


def unparsed(document: Document) -> Iterator[Hit]:
    """UNR001: text the parser did not recognise, with its size."""
    r = document.resolution
    total = max(r.span[1] - r.span[0], 1)
    for node in r.unparsed:
        size = node.span[1] - node.span[0]
        share = 100 * size / total
        yield Hit(
            node.span,
            f"unparsed text: {size} characters ({share:.1f}% of the document) not recognised",
        )


def unknown_phrase(document: Document) -> Iterator[Hit]:
    """UNR002: an opening phrase that is not in the lexicon."""
    for finding in document.resolution.findings:
        if finding.code == "UNR002":
            yield Hit(finding.span, finding.message)


def compilation(document: Document) -> Iterator[Hit]:
    """UNR003: the text is a compilation; the parser's finding says where this item stands."""
    for finding in document.resolution.findings:
        if finding.code == "UNR003":
            yield Hit(finding.span, finding.message)
