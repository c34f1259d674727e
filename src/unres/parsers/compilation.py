"""A compilation's items: each segment tokenized on its own, its footnotes and noise dealt to it.

Takes the normalized whole text, its lineage and the segments :mod:`.split`
found. Forms the blocks of each segment (:mod:`.wrap`) and tokenizes them
(:mod:`.tokenize`) with a fresh state, so that one item's closing or footnote
zone never colours the next item's lines. Then deals out what belongs to an
item although it is not printed among its lines:

* a footnote body printed at a page foot goes to the item whose text carries
  its marker (the nearest such item before it, in the same language), when
  the item it stands in does not carry that marker itself;
* each noise record (page numbers, page markers, separators) goes to the
  item of the nearest content line before it (the first item when none is).

What it guarantees: every content token and noise record of the text lies
in exactly one item, with its offsets unchanged (an item left with no token,
its one footnote dealt away, is dropped); so the items' tokens
together are the token stream of the whole text. The tree of each item is
then built by :mod:`.build` as for any text; :func:`finish` only sets what
the segment knows: its kind, its language and its span.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from unres.lexicon import match_opening
from unres.models import Finding, Resolution
from unres.models.tree import Lineage
from unres.parsers import footnotes
from unres.parsers.blocks import Block
from unres.parsers.normalize import Normalized
from unres.parsers.records import Noise
from unres.parsers.resolve import session_for, symbol_for
from unres.parsers.split import Segment
from unres.parsers.tokenize import State, tokenize_blocks
from unres.parsers.tokens import Token
from unres.parsers.wrap import form_blocks

_MARKED_KINDS = frozenset(
    {"preamble-clause", "operative-paragraph", "sub-item", "continuation", "annex-paragraph",
     "annex-text", "title", "report-line", "closing"}
)  # fmt: skip
"""Token kinds whose text may carry a footnote marker."""


@dataclass(slots=True)
class Item:
    """One item of a compilation, ready to build: its segment, tokens, blocks and noise."""

    segment: Segment
    tokens: list[Token]
    blocks: list[Block]
    noise: list[Noise]

    @property
    def span(self) -> tuple[int, int]:
        starts = [token.start for token in self.tokens] + [n.start for n in self.noise]
        ends = [token.end for token in self.tokens] + [n.end for n in self.noise]
        return min(starts), max(ends)


def items(normalized: Normalized, lineage: Lineage, segments: list[Segment]) -> list[Item]:
    """The items of the segments, in order, with footnotes and noise dealt out."""
    text = normalized.source.text
    found: list[Item] = []
    for segment in segments:
        blocks, repairs = _blocks(text, segment, lineage, normalized.noise)
        tokens = tokenize_blocks(blocks, _start(segment, blocks))
        if segment.kind == "decision" and tokens and tokens[0].kind == "unparsed":
            tokens[0] = tokens[0].with_kind("title")  # its heading: "Decision", "Décisions"
        found.append(Item(segment, tokens, blocks, repairs))
    _deal_footnotes(found)
    found = [item for item in found if item.tokens]  # an item that was a footnote alone
    _deal_noise(normalized.noise, found)
    for item in found:
        item.noise.sort(key=lambda n: n.start)
    return found


def _start(segment: Segment, blocks: list[Block]) -> State:
    """Where the tokenizer begins: at the heading, but a fragment has lost its heading, and
    begins in the preamble when its first block opens a preambular clause, else in the
    operative part (most often the tail of a paragraph)."""
    if segment.kind != "fragment":
        return State.HEADING
    if blocks and match_opening(blocks[0].text, "preamble"):
        return State.PREAMBLE
    return State.OPERATIVE


def _blocks(
    text: str, segment: Segment, lineage: Lineage, noise: tuple[Noise, ...]
) -> tuple[list[Block], list[Noise]]:
    """The segment's blocks, its opening line a block of its own: never rejoined to the next."""
    lines = segment.lines
    if segment.opener is None or lines[0] is not segment.opener or len(lines) == 1:
        blocks, repairs = form_blocks(text, lines, lineage, noise)
        return blocks, list(repairs)
    head, head_repairs = form_blocks(text, lines[:1], lineage, noise)
    rest, repairs = form_blocks(text, lines[1:], lineage, noise)
    return head + rest, [*head_repairs, *repairs]


def _marker(text: str) -> str | None:
    m = footnotes.FOOTNOTE_LINE.match(text)
    return m["marker"].translate(footnotes.SUPERSCRIPT) if m is not None else None


def _carried(item: Item, known: frozenset[str]) -> frozenset[str]:
    """The markers of ``known`` that the text of ``item`` carries."""
    return frozenset(
        marker
        for token, block in zip(item.tokens, item.blocks, strict=True)
        if token.kind in _MARKED_KINDS
        for marker, _, _ in footnotes.find_markers(block.text, known)
    )


def _deal_footnotes(found: list[Item]) -> None:
    """Move each footnote body to the item that carries its marker, if it is not its own.

    The markers each item carries are found once, so the dealing takes time linear in the
    text however many items and footnotes it holds.
    """
    notes = [
        (index, position, marker)
        for index, item in enumerate(found)
        for position, (token, block) in enumerate(zip(item.tokens, item.blocks, strict=True))
        if token.kind == "footnote" and (marker := _marker(block.text)) is not None
    ]
    if not notes:
        return
    known = frozenset(marker for _, _, marker in notes)
    carried = [_carried(item, known) for item in found]
    carriers: dict[tuple[str | None, str], list[int]] = {}
    for index, markers in enumerate(carried):
        for marker in markers:
            carriers.setdefault((found[index].segment.language, marker), []).append(index)
    moves: list[tuple[int, int, int]] = []  # (from item, token index, to item)
    for index, position, marker in notes:
        if marker in carried[index]:
            continue
        candidates = carriers.get((found[index].segment.language, marker), [])
        target = _nearest(found, candidates, found[index].blocks[position].start)
        if target is not None:
            moves.append((index, position, target))
    for index, position, target in sorted(moves, key=lambda move: -move[1]):
        token = found[index].tokens.pop(position)
        block = found[index].blocks.pop(position)
        found[target].tokens.append(token)
        found[target].blocks.append(block)


def _nearest(found: list[Item], candidates: list[int], at: int) -> int | None:
    """The candidate item beginning last before ``at``, else the first one after it."""
    before = [other for other in candidates if found[other].segment.start <= at]
    if before:
        return before[-1]
    return candidates[0] if candidates else None


def _deal_noise(noise: tuple[Noise, ...], found: list[Item]) -> None:
    """Give each noise record to the item of the nearest content line before it."""
    owners = sorted(
        (line.start, index) for index, item in enumerate(found) for line in item.segment.lines
    )
    starts = [start for start, _ in owners]
    for record in noise:
        position = bisect_right(starts, record.start) - 1
        owner = owners[position][1] if position >= 0 else owners[0][1]
        found[owner].noise.append(record)


COMPILATION_CODE = "UNR003"
"""The parser's finding on a text that prints more than one item."""


def finish(tree: Resolution, item: Item, place: str) -> Resolution:
    """The tree of one item as its segment says: kind, language, span, and where it stands."""
    segment = item.segment
    update: dict[str, object] = {"span": item.span}
    if segment.kind != "resolution":
        update["kind"] = segment.kind
    if segment.kind == "fragment":
        update.update(symbol=None, number=None, session=None, session_kind=None, title=None,
                      title_span=None)  # fmt: skip
    if segment.kind == "resolution" and tree.number is None and segment.number is not None:
        update.update(_numbered(tree, item))
    if segment.language is not None:
        update["metadata"] = tree.metadata.model_copy(update={"language": segment.language})
    finding = Finding(code=COMPILATION_CODE, severity="info", message=place, span=opener_span(item))
    update["findings"] = [*tree.findings, finding]
    return tree.model_copy(update=update)


def _numbered(tree: Resolution, item: Item) -> dict[str, object]:
    """Number, symbol, session and title read from the segment's number line, where the
    heading stage did not read them (a French ``Résolution du …``, ``RESOLUTION 808 (1993)``)."""
    number = item.segment.number
    assert number is not None and item.segment.opener is not None
    opener = item.segment.opener
    session, session_kind = session_for(number)
    fields: dict[str, object] = {
        "number": number,
        "symbol": symbol_for(tree.metadata, tree.organ, number),
        "session": tree.session if session is None else session,
        "session_kind": tree.session_kind if session_kind is None else session_kind,
    }
    words = item.segment.title
    if words is not None:
        fields.update(title=words, title_span=(opener.start, opener.end))
    return fields


def opener_span(item: Item) -> tuple[int, int]:
    """The span of the line an item begins with."""
    opener = item.segment.opener
    if opener is not None:
        return opener.start, opener.end
    first = item.segment.lines[0]
    return first.start, first.end


def describe(segment: Segment) -> str:
    """``resolution 485 (V)``, ``decision``, ``fragment``, with the language when known."""
    words = segment.kind if segment.number is None else f"{segment.kind} {segment.number}"
    return f"{words} ({segment.language})" if segment.language else words
