"""The records normalization hands on: noise found, and what is left of each line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from unres.parsers.tokens import Piece, TokenKind


@dataclass(frozen=True, slots=True)
class Noise:
    """A stretch of noise: its token kind, its span, the rule that found it and what it captured."""

    kind: TokenKind
    start: int
    end: int
    rule: str
    fields: tuple[tuple[str, str], ...] = ()

    def field(self, name: str) -> str | None:
        for key, value in self.fields:
            if key == name:
                return value
        return None


@dataclass(frozen=True, slots=True)
class LineLayout:
    """What the page says about one line of text extracted from a PDF.

    ``page`` is 1-based; ``zone`` is ``body``, ``header``, ``footer``, ``rule`` (the
    page-foot rule) or ``footnote``; ``left`` and ``size`` are in points; ``italic`` is
    true when the line opens in italics; ``markers`` are the spans (offsets into the
    extracted text) of the raised footnote markers in the line.
    """

    page: int
    zone: str
    left: float
    size: float
    bold: bool
    italic: bool
    markers: tuple[tuple[int, int], ...] = ()


class ContentLine(NamedTuple):
    """What is left of one physical line once noise is cut out: pieces of source text.

    ``footnote`` is true for a line inside a page-foot footnote zone (after a
    ``____`` separator, up to the end of the page), ``page`` counts the page
    breaks (form feeds) before the line. A named tuple rather than a frozen
    dataclass, as :class:`~.blocks.Block` is: as immutable, and made about three
    times faster, which counts at one record per line.
    """

    number: int
    pieces: tuple[Piece, ...]
    footnote: bool = False
    page: int = 0

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]
