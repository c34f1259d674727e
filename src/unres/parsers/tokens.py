"""Tokens: typed, positioned pieces of the input.

A token is a ``kind`` and a list of *pieces*, each a half-open ``[start,
end)`` range of the original text. Most tokens have one piece; a paragraph
hard-wrapped across lines, or cut by a page header, has several. The token's
``span`` runs from its first piece's start to its last piece's end.

The token stream printed by ``unres tokens`` flattens tokens to one record
per contiguous piece run, so records never overlap and, together, hold every
non-whitespace character of the input exactly once.
"""

from __future__ import annotations

from typing import Final, Literal, NamedTuple

TokenKind = Literal[
    # noise, recorded as removals
    "word-marker",
    "ods-tag",
    "page-header",
    "page-number",
    "separator",
    "hyphenation",
    # heading
    "organ-line",
    "report-line",
    "title",
    "part-heading",
    # body
    "formula",
    "preamble-clause",
    "operative-paragraph",
    "section-heading",
    "subheading",
    "sub-item",
    "continuation",
    # end matter
    "closing",
    "footnote",
    "annex-heading",
    "annex-paragraph",
    "annex-text",
    "sponsors",
    "unparsed",
]

NOISE_KINDS: Final = frozenset(
    {"word-marker", "ods-tag", "page-header", "page-number", "separator", "hyphenation"}
)

Piece = tuple[int, int]

make_record = tuple.__new__
"""Makes a named tuple (a token, block or line) from a tuple of its fields, without the
Python frame of the class's ``__new__``: half the cost, at one record a line."""


class Token(NamedTuple):
    """A typed run of source text made of one or more pieces.

    A named tuple rather than a frozen dataclass, as :class:`~.blocks.Block` is:
    as immutable, and made about three times faster, at one token per block.
    """

    kind: TokenKind
    pieces: tuple[Piece, ...]

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]

    @property
    def span(self) -> tuple[int, int]:
        return self.pieces[0][0], self.pieces[-1][1]

    def with_kind(self, kind: TokenKind) -> Token:
        return Token(kind, self.pieces)
