"""Text of a node: a stretch of a block, its footnote markers taken out, its layout collapsed.

Takes a block and the index in its text where the node's own words begin
(after a paragraph number or an item label). Gives the node's span (exact
source offsets), its text (runs of ASCII white space folded to one space;
non-breaking spaces kept, since they are content), and the footnote markers
found in it, each with its source span and the index in the node text where it
stood (``at``). Marker digits are cut out of the text and listed, never lost.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from unres.models import FootnoteRef
from unres.parsers.blocks import Block
from unres.parsers.footnotes import MarkerPolicy, find_markers, spaced_candidates

_SPACE_RUN = regex.compile(r"[ \t\r\n\f\v]++")
_SPACE_CHARACTERS = " \t\r\n\f\v"
"""What :data:`_SPACE_RUN` folds."""


@dataclass(slots=True)  # not frozen: a frozen dataclass is three times slower to make
class NodeText:
    span: tuple[int, int]
    text: str
    footnotes: list[str]
    refs: list[FootnoteRef]


@dataclass(slots=True)
class _Folded:
    """The length :func:`collapse` gives a text fed piece by piece, without joining it."""

    length: int = 0
    space: bool = False  # a white-space run is pending: it counts once more text follows

    def add(self, piece: str) -> None:
        core = collapse(piece)  # the piece's words, one space between them; no outer runs
        if not core:
            if piece:  # white space only
                self.space = self.space or self.length > 0
            return
        if self.length and (self.space or piece[0] in _SPACE_CHARACTERS):
            self.length += 1
        self.length += len(core)
        self.space = piece[-1] in _SPACE_CHARACTERS


def collapse(text: str) -> str:
    """Fold runs of ASCII white space to one space and trim the ends.

    Most texts have nothing to fold, which a few substring tests tell. Where there is,
    ``str.split`` folds far faster than the pattern wherever the two agree: in an ASCII
    text without the information separators U+001C–U+001F, which ``str.split`` takes for
    white space and the pattern does not.
    """
    if not _has_space_run(text):
        return text.strip(" ")
    if text.isascii() and not _has_information_separator(text):
        return " ".join(text.split())
    return _SPACE_RUN.sub(" ", text).strip(" ")


def _has_space_run(text: str) -> bool:
    """Whether ``text`` has white space to fold: two spaces, or any other ASCII white space."""
    return (
        "  " in text or "\t" in text or "\n" in text or "\r" in text or "\f" in text or "\v" in text
    )


def _has_information_separator(text: str) -> bool:
    return "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text


def node_text(block: Block, begin: int, policy: MarkerPolicy) -> NodeText:
    """The node text of ``block.text[begin:]``."""
    text = block.text
    while begin < len(text) and text[begin].isspace():
        begin += 1
    if len(block.pieces) == 1:  # the text is the source's own: offsets shift by its start
        start, end = block.pieces[0]
        span = (start + begin, end)
    else:
        span = (block.source_offset(begin), block.end)
    body = text[begin:] if begin else text
    markers = find_markers(body, policy.known)
    if policy.spaced:
        markers += [
            (marker, cut, end)  # the space before a spaced marker goes with it
            for marker, cut, start, end in spaced_candidates(body)
            if block.source_offset(begin + start) in policy.spaced
        ]
        markers.sort(key=lambda found: found[1])
    if not markers:
        return NodeText(span, collapse(body), [], [])
    out: list[str] = []
    refs: list[FootnoteRef] = []
    folded = _Folded()
    position = 0
    starts = {m[1] for m in markers}
    for marker, start, end in markers:
        out.append(body[position:start])
        folded.add(out[-1])
        position = end
        if body[end : end + 1] == "," and end + 1 in starts:
            position = end + 1  # the comma of a marker group such as 3,4
        digits = start + 1 if body[start].isspace() else start
        source_start = block.source_offset(begin + digits)
        marker_span = (source_start, source_start + end - digits)
        refs.append(FootnoteRef(marker=marker, span=marker_span, at=folded.length))
    out.append(body[position:])
    unique = list(dict.fromkeys(ref.marker for ref in refs))
    return NodeText(span, collapse("".join(out)), unique, refs)
