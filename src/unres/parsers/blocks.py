"""Blocks: the logical lines a tokenizer classifies, with a map back to the source.

A block is one or more pieces of source text read as one line: a physical line
in Word-paragraph text, or a hard-wrapped paragraph rejoined in PDF and OCR
text. Its :attr:`Block.text` is the pieces joined (one space where the source
had white space between them, nothing where only removed noise stood), and
every offset into that text maps back to an offset into the source, so spans
stay exact however a block was assembled.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

from unres.parsers.tokens import Piece, make_record


class Block(NamedTuple):
    """A logical line: its pieces, their joined text and the line it starts on.

    ``starts[i]`` is the index in :attr:`text` where piece ``i`` begins.
    ``footnote`` is true for a page-foot footnote block (see :mod:`.wrap`). Pieces are
    in source order, but in a block :mod:`.wrap` mended (:attr:`displaced`), whose last
    piece was printed before the one above it: :attr:`end` is then the latest end.
    A named tuple rather than a frozen dataclass: as immutable, and made about
    three times faster, which counts at one block per line.
    """

    pieces: tuple[Piece, ...]
    text: str
    line: int
    starts: tuple[int, ...]
    footnote: bool = False

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        """The end of the piece that ends last (the last piece's, but in a mended block)."""
        pieces = self.pieces
        last = pieces[-1][1]
        if len(pieces) == 1 or last >= pieces[-2][1]:
            return last
        return max(end for _, end in pieces)

    @property
    def displaced(self) -> bool:
        """Whether the last piece lies before the one above it (see :mod:`.wrap`)."""
        pieces = self.pieces
        return len(pieces) > 1 and pieces[-1][0] < pieces[-2][1]

    def source_offset(self, index: int) -> int:
        """The source offset of character ``index`` of :attr:`text` (or of its end)."""
        if len(self.pieces) == 1:  # one physical line: no search
            start, end = self.pieces[0]
            return min(start + index, end)
        number = max(bisect_right(self.starts, index) - 1, 0)
        start, end = self.pieces[number]
        return min(start + index - self.starts[number], end)

    def sub_pieces(self, begin: int, stop: int) -> tuple[Piece, ...]:
        """The source pieces that hold ``text[begin:stop]``, trimmed of outer spaces."""
        while begin < stop and self.text[begin].isspace():
            begin += 1
        while stop > begin and self.text[stop - 1].isspace():
            stop -= 1
        if self.displaced:
            return self._sub_pieces_in_reading_order(begin, stop)
        low = self.source_offset(begin)
        high = self.source_offset(stop) if stop < len(self.text) else self.end
        kept = [(max(s, low), min(e, high)) for s, e in self.pieces if min(e, high) > max(s, low)]
        return tuple(kept) or ((low, low),)

    def _sub_pieces_in_reading_order(self, begin: int, stop: int) -> tuple[Piece, ...]:
        """:meth:`sub_pieces` where the pieces are not in source order: by text index."""
        kept: list[Piece] = []
        for (start, end), at in zip(self.pieces, self.starts, strict=True):
            low = max(begin, at)
            high = min(stop, at + end - start)
            if high > low:
                kept.append((start + low - at, start + high - at))
        if not kept:
            offset = self.source_offset(begin)
            return ((offset, offset),)
        return tuple(kept)


_FIRST_PIECE = (0,)


def make_block(
    source: str,
    pieces: tuple[Piece, ...],
    line: int,
    glued: frozenset[int] = frozenset(),
    *,
    footnote: bool = False,
) -> Block:
    """Join ``pieces`` of ``source`` into a block; pieces numbered in ``glued`` get no space."""
    if len(pieces) == 1:  # the common case, one physical line: nothing to join
        start, end = pieces[0]
        return make_record(Block, (pieces, source[start:end], line, _FIRST_PIECE, footnote))
    out: list[str] = []
    starts: list[int] = []
    length = 0
    previous_end: int | None = None
    for number, (start, end) in enumerate(pieces):
        if (
            previous_end is not None
            and (
                start < previous_end  # a mended block's displaced last piece (see .wrap)
                or (
                    start > previous_end
                    and number not in glued
                    and any(map(str.isspace, source[previous_end:start]))
                )
            )
        ):
            out.append(" ")
            length += 1
        starts.append(length)
        out.append(source[start:end])
        length += end - start
        previous_end = end
    return Block(pieces, "".join(out), line, tuple(starts), footnote)
