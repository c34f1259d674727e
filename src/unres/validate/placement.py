"""Where preambular text sits: preambular clauses found inside the operative part.

The parser switches to the operative part at the first numbered (or clearly
operative) paragraph; a later line that opens with a preambular phrase
(``Confirming …,``) then lands in the ``wrap_up`` text of the paragraph above
it. Such a block is *misplaced*: it opens, upper-case, with a phrase of the
preambular lexicon and not with an operative one. The structure rules report
it, and the punctuation rules leave it out of the paragraph's ending, so one
misplacement gives one finding.
"""

from __future__ import annotations

from unres.lexicon import match_opening
from unres.models import OperativeParagraph, TextBlock


def is_preambular(block: TextBlock) -> bool:
    """Whether ``block`` reads as a preambular clause."""
    text = block.text
    if not text[:1].isupper():
        return False
    return match_opening(text, "preamble") is not None and match_opening(text, "operative") is None


def misplaced(paragraph: OperativeParagraph) -> list[TextBlock]:
    """The wrap-up blocks of ``paragraph`` that are preambular clauses."""
    return [block for block in paragraph.wrap_up if is_preambular(block)]
