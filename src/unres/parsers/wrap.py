"""Forming blocks from content lines, by lineage.

In Word-paragraph (``ods-word``) and ``plain`` text every line is a block. In
``pdf-text`` and ``ocr`` text a paragraph is hard-wrapped over many lines, so
lines are rejoined: a block ends at a blank line, and a new block starts at a
line that opens a unit (a paragraph number, a sub-item label, a footnote body
after a separator, a closing), or after a line that is a number or label
alone (``1.`` then ``Decides …`` on the next line).

What it guarantees: every content line lands in exactly one block, in order;
pieces keep their source offsets, so nothing is copied or lost.
"""

from __future__ import annotations

import regex

from unres.models.tree import Lineage
from unres.parsers.blocks import Block, make_block
from unres.parsers.normalize import ContentLine

_OPENS_UNIT = regex.compile(
    r"""
    (?:\d{1,3}\.(?:[\t \u00a0]|$)             # 1.
      | \((?:[a-z]{1,4}|[A-Z]{1,3}|\d{1,3})\)  # (a) (ii) (1)
      | \d{1,4}(?:st|nd|rd|th)[ ]plenary       # closing
      | Annex\b | ANNEX\b
      | The[ ](?:General[ ]Assembly|Security[ ]Council|Human[ ]Rights[ ]Council
               |Economic[ ]and[ ]Social[ ]Council)\b
      | \[
    )
    """,
    regex.VERBOSE,
)

_LABEL_ALONE = regex.compile(r"(?:\d{1,3}\.|\((?:[a-z]{1,4}|[A-Z]{1,3}|\d{1,3})\))")


def form_blocks(source: str, lines: tuple[ContentLine, ...], lineage: Lineage) -> list[Block]:
    if lineage in ("ods-word", "plain", "akn"):
        return [make_block(source, line.pieces, line.number) for line in lines]
    return _rejoin(source, lines)


def _rejoin(source: str, lines: tuple[ContentLine, ...]) -> list[Block]:
    blocks: list[Block] = []
    current: list[ContentLine] = []
    for line in lines:
        if current and _breaks(source, current[-1], line):
            blocks.append(_block(source, current))
            current = []
        current.append(line)
    if current:
        blocks.append(_block(source, current))
    return blocks


def _breaks(source: str, previous: ContentLine, line: ContentLine) -> bool:
    if line.number > previous.number + 1:
        return True  # a blank line (or a line of pure noise) between them
    previous_text = source[previous.start : previous.end]
    if _LABEL_ALONE.fullmatch(previous_text):
        return False
    return _OPENS_UNIT.match(source, line.start, line.end) is not None


def _block(source: str, lines: list[ContentLine]) -> Block:
    pieces = tuple(piece for line in lines for piece in line.pieces)
    return make_block(source, pieces, lines[0].number)
