"""Where preambular text sits: preambular clauses found inside the operative part.

The parser switches to the operative part at the first numbered (or clearly
operative) paragraph; a later clause that opens with a preambular phrase
(``Confirming …,``) then lands in the paragraph above it: in its ``wrap_up``
text, or, in texts of one paragraph a line (``ods-word`` and ``plain``
lineages), in its own text as a line of its own. Such a clause is
*misplaced*: it opens, upper-case, with a phrase of the preambular lexicon
and not with an operative one. The structure rules report it, and the
punctuation rules leave it out of the paragraph's ending, so one
misplacement gives one finding.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import regex

from unres.lexicon import match_opening
from unres.models import OperativeParagraph
from unres.validate.document import Document

_ONE_PARAGRAPH_A_LINE: Final = frozenset({"ods-word", "plain"})
_LINE_START: Final = regex.compile(r"(?:\r\n|\r|\n)[ \t\u00a0]*+")


@dataclass(frozen=True, slots=True)
class Misplaced:
    """A preambular clause inside an operative paragraph: where it starts and its phrase."""

    start: int
    phrase: str


def preambular_phrase(text: str) -> str | None:
    """The opening phrase of ``text`` if it reads as a preambular clause, else ``None``."""
    if not text[:1].isupper() or match_opening(text, "operative") is not None:
        return None
    length = match_opening(text, "preamble")
    return text[:length] if length else None


def _in_lines(paragraph: OperativeParagraph, document: Document) -> list[Misplaced]:
    text = document.text
    end = min([paragraph.span[1]] + [item.span[0] for item in paragraph.items])
    found: list[Misplaced] = []
    for m in _LINE_START.finditer(text, paragraph.span[0], end):
        phrase = preambular_phrase(text[m.end() : min(m.end() + 200, end)])
        if phrase is not None:
            found.append(Misplaced(m.end(), phrase))
    return found


def misplaced(paragraph: OperativeParagraph, document: Document) -> list[Misplaced]:
    """The preambular clauses inside ``paragraph``, by position."""
    found = {
        block.span[0]: Misplaced(block.span[0], phrase)
        for block in paragraph.wrap_up
        if (phrase := preambular_phrase(block.text)) is not None
    }
    if (
        document.source is not None
        and document.resolution.metadata.lineage in _ONE_PARAGRAPH_A_LINE
    ):
        for clause in _in_lines(paragraph, document):
            found.setdefault(clause.start, clause)
    return [found[start] for start in sorted(found)]
