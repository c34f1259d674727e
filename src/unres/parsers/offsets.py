"""Source offsets of indexes into a block's text, for the builder's hot paths.

:meth:`.Block.source_offset` finds the piece an index falls in by bisection.
Most blocks are one piece (a Word paragraph is one line), and the builder asks
for several offsets per node (its span, its markers, its references), so
:func:`source_offset` answers a one-piece block directly and leaves every other
block to the method. The answer is the same either way.
"""

from __future__ import annotations

from unres.parsers.blocks import Block


def source_offset(block: Block, index: int) -> int:
    """The source offset of character ``index`` of ``block.text`` (or of its end)."""
    pieces = block.pieces
    if len(pieces) != 1:
        return block.source_offset(index)
    start, end = pieces[0]
    return min(start + index - block.starts[0], end)
