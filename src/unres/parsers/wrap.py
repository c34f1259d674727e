"""Forming blocks from content lines, by lineage.

In Word-paragraph (``ods-word``) and ``plain`` text every line is a block. In
``pdf-text`` and ``ocr`` text a paragraph is hard-wrapped over many lines and
cut by page breaks, so lines are rejoined:

* a new block starts at a line that opens a unit (a paragraph number, a
  sub-item label, a closing, an annex heading, a formula, a bracketed line),
  unless the line before is a number or label alone (``1.`` then ``Decides``);
* after a blank line a new block starts when the line before ends a clause or
  the line begins with a capital; across a page break (noise between the lines)
  the paragraph goes on;
* with no blank line, a new block starts where a line ending a clause
  (``,``, ``;``, ``:``, ``.``, a footnote marker after it) is followed by a
  line opening with a known clause phrase;
* a word hyphenated at a line end is glued back; the hyphen is dropped (and
  recorded as ``hyphenation`` noise) only when the unhyphenated word also
  occurs elsewhere in the text, so the repair is certain;
* lines flagged as page-foot footnotes form footnote blocks of their own: one
  per marker, with its continuation lines; where a PDF extractor put the
  markers of a page apart from their texts, the texts are dealt to the
  markers in order, one per sentence group.

What it guarantees: every content line lands in exactly one block; pieces
keep their source offsets; blocks come out sorted by their first offset.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

import regex

from unres.lexicon import match_opening
from unres.models.tree import Lineage
from unres.parsers.blocks import Block, make_block
from unres.parsers.closing import DATE_LINE
from unres.parsers.gate import gate
from unres.parsers.heading import ORGAN_NAMES
from unres.parsers.preamble import FORMULA
from unres.parsers.records import ContentLine, Noise
from unres.parsers.tokens import Piece

_OPENS_UNIT = regex.compile(
    rf"""
    (?:\d{{1,3}}\.(?:[\t \u00a0]|$)             # 1.
      | \((?:[a-z]{{1,2}}|[ivxlc]{{1,7}}|[A-Z]{{1,2}}|[IVXLC]{{1,7}}|\d{{1,3}})\)(?:[\t \u00a0]|$)
      | (?:[a-z]{{1,2}}|[ivx]{{1,7}})\)[\t \u00a0]                    # a) ii)
      | \d{{1,4}}(?:st|nd|rd|th)[ ](?:\((?:resumed|continued)\)[ ])?plenary  # closing
      | Adopted[ ] | Adoptée[ ] | Aprobada[ ]
      | Annex\b | ANNEX\b | Annexe\b | Anexo\b
      | (?:The|Le|La|El|L’)[ \u00a0]?(?:{ORGAN_NAMES})\b
      | (?:Resolution|Decision)[ ]adopted | (?:Resolution|Résolution|Resolución)[ ]\d
      | [^:\n]{{2,300}}+:\*{{0,3}}+[ ](?:revised[ ])?(?:draft|amendments?)[ ]
      | \[
    )
    """,
    regex.VERBOSE,
)
_LABEL_ALONE = regex.compile(
    r"""
    \d{1,3}\. | \((?:[a-z]{1,4}|[A-Z]{1,3}|\d{1,3})\) | [IVXL]{1,6}\. | [A-Z]\.
    """,
    regex.VERBOSE,
)
_TITLE_NUMBER_ALONE = regex.compile(r"(?:[A-Z]{1,2}-)?\d{1,4}/\d{1,4}(?:[ ][A-Z])?\.")
_HEADING_ALONE = regex.compile(
    r"(?:Annex|ANNEX|Appendix)(?:[ \u00a0]++(?:[IVXLC]{1,6}|\d{1,3}|[A-Z]))?\.?|[A-H]"
)
_ROMAN_ALONE = regex.compile(r"[IVXL]{1,6}\.?")
_ENDS_CLAUSE = regex.compile(r"[,;:.][’”\"]?(?:[ \u00a0]?\d{1,3})?$")
_HYPHEN_END = regex.compile(r"(?<=\p{L})-$")
_WORD_BEFORE = regex.compile(r"\p{L}++-$")
_WORD_AFTER = regex.compile(r"\p{Ll}\p{L}*+")
_WORDS = regex.compile(r"\p{L}++")
_ALONE_GATE = gate(_HEADING_ALONE, _TITLE_NUMBER_ALONE, FORMULA, DATE_LINE, _LABEL_ALONE)
"""Every pattern :meth:`_Rejoiner._breaks` tries on the line before: most lines match none."""
_MARKER_START = regex.compile(r"(?P<marker>\d{1,3})(?:[\t \u00a0]++\S|$)")
_LONE_MARKER = regex.compile(r"\d{1,3}")


@dataclass(slots=True)
class _Gathering:
    """Lines of one block under construction, and which joins are glued."""

    lines: list[ContentLine] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    glued: set[int] = field(default_factory=set)
    last_text: str = ""  # the source text of the last line gathered


def form_blocks(
    source: str, lines: tuple[ContentLine, ...], lineage: Lineage, noise: tuple[Noise, ...]
) -> tuple[list[Block], list[Noise]]:
    """Blocks in order of their first offset, and the hyphenation repairs made."""
    if lineage in ("ods-word", "plain", "akn"):
        return _paragraph_lines(source, lines), []
    return _Rejoiner(source, noise).run(lines)


def _paragraph_lines(source: str, lines: tuple[ContentLine, ...]) -> list[Block]:
    """One block a line; in a footnote zone only the run of lines that open with a marker."""
    blocks: list[Block] = []
    in_zone = False
    previous_footnote = False
    for line in lines:
        note = False
        if line.footnote:
            if not previous_footnote:
                in_zone = True  # a zone starts
            note = in_zone and _NOTE_START.match(source, line.start, line.end) is not None
            in_zone = note  # a page-foot zone in Word text ends where its notes do
        blocks.append(make_block(source, line.pieces, line.number, footnote=note))
        previous_footnote = line.footnote
    return blocks


_NOTE_START = regex.compile(r"(?:\d{1,3}/?|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|\*{1,3})(?:[\t \u00a0]|$)")


@dataclass(slots=True)
class _Rejoiner:
    source: str
    noise: tuple[Noise, ...]
    noise_starts: list[int] = field(default_factory=list)
    words: set[str] | None = None  # the text's words, lower-cased: read at the first hyphen
    repairs: list[Noise] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.noise_starts = [n.start for n in self.noise]

    def run(self, lines: tuple[ContentLine, ...]) -> tuple[list[Block], list[Noise]]:
        blocks: list[Block] = []
        current = _Gathering()
        zone: list[ContentLine] = []
        notes: list[list[ContentLine]] = []
        for line in lines:
            if line.footnote:
                zone.append(line)
                continue
            if zone:
                notes.extend(_deal_footnotes(self.source, zone, notes))
                zone = []
            text = self.source[line.start : line.end]
            if current.lines and self._breaks(current, line, text):
                blocks.append(self._block(current))
                current = _Gathering()
            self._add(current, line, text)
        if current.lines:
            blocks.append(self._block(current))
        if zone:
            notes.extend(_deal_footnotes(self.source, zone, notes))
        for note in notes:
            pieces = tuple(sorted(piece for line in note for piece in line.pieces))
            blocks.append(make_block(self.source, pieces, note[0].number, footnote=True))
        blocks.sort(key=lambda block: block.start)
        return blocks, self.repairs

    def _gap(self, previous: ContentLine, line: ContentLine) -> tuple[bool, bool]:
        """Whether a blank line, and whether any noise, lies between two lines."""
        between = self.source[previous.end : line.start]
        blank = between.count("\n") + between.count("\r") - between.count("\r\n") >= 2
        index = bisect_left(self.noise_starts, previous.end)
        noisy = index < len(self.noise_starts) and self.noise_starts[index] < line.start
        return blank, noisy

    def _breaks(self, gathering: _Gathering, line: ContentLine, text: str) -> bool:
        """Whether ``line`` (its source text ``text``) starts a block after ``gathering``."""
        before = gathering.last_text
        alone = _ALONE_GATE.admits(before)  # else none of the four can match
        if alone and (
            _HEADING_ALONE.fullmatch(before)
            or _TITLE_NUMBER_ALONE.fullmatch(before)
            or FORMULA.fullmatch(before)
            or DATE_LINE.fullmatch(before)
        ):
            return True
        if DATE_LINE.fullmatch(text):
            return True
        if alone and _LABEL_ALONE.fullmatch(before):
            return False
        if _OPENS_UNIT.match(text) or _ROMAN_ALONE.fullmatch(text):
            return True
        blank, noisy = self._gap(gathering.lines[-1], line)
        ends = _ENDS_CLAUSE.search(before) is not None
        if blank and not noisy:
            return ends or text[:1].isupper() or not before[-1:].isalpha()
        if ends and text[:1].isupper():
            return bool(match_opening(text, "preamble") or match_opening(text, "operative"))
        return False

    def _add(self, gathering: _Gathering, line: ContentLine, text: str) -> None:
        if gathering.lines:
            before = gathering.last_text
            if before.endswith("-") and _HYPHEN_END.search(before) and _WORD_AFTER.match(text):
                gathering.glued.add(len(gathering.pieces))
                self._maybe_drop_hyphen(gathering, before, text)
        gathering.lines.append(line)
        gathering.pieces.extend(line.pieces)
        gathering.last_text = text

    def _maybe_drop_hyphen(self, gathering: _Gathering, before: str, after: str) -> None:
        head = _WORD_BEFORE.search(before)
        tail = _WORD_AFTER.match(after)
        if head is None or tail is None:
            return
        joined = (head.group()[:-1] + tail.group()).lower()
        if self.words is None:
            self.words = {w.lower() for w in set(_WORDS.findall(self.source))}
        if joined not in self.words:
            return
        start, end = gathering.pieces[-1]
        gathering.pieces[-1] = (start, end - 1)
        self.repairs.append(Noise("hyphenation", end - 1, end, "hyphenation"))

    def _block(self, gathering: _Gathering) -> Block:
        return make_block(
            self.source, tuple(gathering.pieces), gathering.lines[0].number,
            frozenset(gathering.glued),
        )  # fmt: skip


def _deal_footnotes(
    source: str, zone: list[ContentLine], earlier: list[list[ContentLine]]
) -> list[list[ContentLine]]:
    """Footnotes of one page-foot zone, each a list of lines starting with its marker line."""
    lone: list[ContentLine] = []
    texts: list[ContentLine] = []
    for line in zone:  # one pass: "line not in lone" made this quadratic in the zone's size
        alone = _LONE_MARKER.fullmatch(source, line.start, line.end) is not None
        (lone if alone else texts).append(line)
    if not lone:
        notes: list[list[ContentLine]] = []
        for line in zone:
            if _MARKER_START.match(source, line.start, line.end) or not (notes or earlier):
                notes.append([line])
            else:
                (notes[-1] if notes else earlier[-1]).append(line)
        return notes
    groups = _sentence_groups(source, texts)
    keep = max(len(lone), 1)
    if len(groups) > keep:  # the surplus sentences go to the last note, in one merge
        groups[keep - 1 :] = [[line for group in groups[keep - 1 :] for line in group]]
    lone.sort(key=lambda line: int(source[line.start : line.end]))
    notes = [[marker] for marker in lone]
    for note, group in zip(notes, groups, strict=False):
        note.extend(group)
    return notes


def _sentence_groups(source: str, lines: list[ContentLine]) -> list[list[ContentLine]]:
    groups: list[list[ContentLine]] = []
    for line in lines:
        text = source[line.start : line.end]
        if groups:
            last = groups[-1][-1]
            if source[last.end - 1] == "." and text[:1].isupper():
                groups.append([line])
                continue
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups
