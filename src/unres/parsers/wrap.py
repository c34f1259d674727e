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
  line opening with a known clause phrase, or where a line ending with a comma
  is followed by one opening with a participle the lexicon does not know
  (``Honouring the memory``, ``Having listened to``, ``Deeply regretting that``,
  ``Resolved to take``, ``Seized of the danger``);
  a capitalised word after a comma inside a sentence is a name, and a name
  seldom ends in ``ing`` before a lower-case word;
* a line opening with a letter label (``(b) preventing …``) goes on the block when the
  label before it (``(a)``) stands inside a line of the block after a space: an
  enumeration run inline in a sentence, not sub-items;
* after a line ending a clause, a line opening with the number that continues the
  paragraphs' sequence, printed with no full stop, then an operative phrase
  (``26 Condemns …`` after paragraph 25) starts a new block;
* a word hyphenated at a line end is glued back; the hyphen is dropped (and
  recorded as ``hyphenation`` noise) only when the unhyphenated word also
  occurs elsewhere in the text, so the repair is certain;
* a line opening with a session in capital roman figures (``(XV) of 14 December``)
  goes on the citation that the line before ends with (``resolution 1514``);
* in a block that opens with a number (``8 Ibid., …``), a line opening with the
  next number (``9 Ibid., …``) starts a new block: a trailing list of footnotes,
  one a line with no separator rule above it, is one footnote a line;
* a label alone followed by a unit's last line and then, after a blank line, by
  its first line (pdftotext's order for some two-line units) is mended into one
  block in reading order: the only block whose pieces are not in source order;
* lines flagged as page-foot footnotes form footnote blocks of their own: one
  per marker, with its continuation lines; where a PDF extractor put the
  markers of a page apart from their texts, the texts are dealt to the
  markers in order, one per sentence group.

What it guarantees: every content line lands in exactly one block; pieces
keep their source offsets, in source order but for a mended unit's last piece;
blocks come out sorted by their first offset.
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
from unres.parsers.operative import bare_paragraph, paragraph_number
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
ENDS_WITH_COMMA = regex.compile(r",[’”\"]?(?:[ \u00a0]?\d{1,3})?$")
"""Text ending as a preambular clause does: a comma, perhaps a closing quote or a footnote
marker after it. An operative paragraph ends with ``;``, ``:`` or ``.``, so a block
opening with an operative verb but ending so (``Underscores its objective …,``) is a
clause of the preamble."""
_PARTICIPLE_OPENING = regex.compile(
    r"""
    (?:
        (?:
            \p{Lu}\p{Ll}++(?<=ing)                         # Honouring, Having
          | \p{Lu}\p{Ll}++(?<=ly)[ \u00a0]\p{Ll}++(?<=ing|ed)  # Deeply regretting, Gravely alarmed
        )
        [ \u00a0](?!(?:and|or)\b)[\p{Ll}\d]  # a lower-case word (not and, or) or a number
      | \p{Lu}\p{Ll}++(?<=ed)[ \u00a0](?:to|that|by|of)[ \u00a0]  # Resolved to, Seized of
    )
    """,
    regex.VERBOSE,
)
"""The opening of a clause the lexicon may not know: a participle, perhaps after an adverb."""
_HYPHEN_END = regex.compile(r"(?<=\p{L})-$")
_WORD_BEFORE = regex.compile(r"\p{L}++-$")
_WORD_AFTER = regex.compile(r"\p{Ll}\p{L}*+")
_WORDS = regex.compile(r"\p{L}++")
_ALONE_GATE = gate(_HEADING_ALONE, _TITLE_NUMBER_ALONE, FORMULA, DATE_LINE, _LABEL_ALONE)
"""Every pattern :meth:`_Rejoiner._breaks` tries on the line before: most lines match none."""
_CITED_SESSION = regex.compile(r"\([IVXLC]{1,7}\)(?![\t \u00a0]*+\p{Lu})")
"""A session in capital roman figures opening a line, no capitalised word after it."""
_ENDS_NUMBER = regex.compile(r"(?<![\d./])\d{1,4}(?:[ \u00a0][A-Z])?$")
"""A resolution number (``1514``, ``217 A``) ending a line: its session may follow."""
_MARKER_START = regex.compile(r"(?P<marker>\d{1,3})(?:[\t \u00a0]++\S|$)")
_LONE_MARKER = regex.compile(r"\d{1,3}")
_NEXT_LETTER = regex.compile(r"\((?P<letter>[b-h])\)[ \u00a0](?=\p{Ll})")
"""A lower-case letter label after the first, before a lower-case word: maybe inline's next."""


@dataclass(slots=True)
class _Gathering:
    """Lines of one block under construction, and which joins are glued."""

    lines: list[ContentLine] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    glued: set[int] = field(default_factory=set)
    last_text: str = ""  # the source text of the last line gathered
    note: int | None = None  # the footnote number the first line opens with, if any


def form_blocks(
    source: str, lines: tuple[ContentLine, ...], lineage: Lineage, noise: tuple[Noise, ...]
) -> tuple[list[Block], list[Noise]]:
    """Blocks in order of their first offset, and the hyphenation repairs made."""
    if lineage in ("ods-word", "plain", "akn", "pdf"):
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
    number: int | None = None  # the number of the last numbered paragraph begun

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
            if not current.lines and text[:1].isdigit():
                self.number = paragraph_number(text) or self.number
            self._add(current, line, text)
        if current.lines:
            blocks.append(self._block(current))
        blocks = self._mend_displaced(blocks)
        if zone:
            notes.extend(_deal_footnotes(self.source, zone, notes))
        for note in notes:
            pieces = tuple(sorted(piece for line in note for piece in line.pieces))
            blocks.append(make_block(self.source, pieces, note[0].number, footnote=True))
        blocks.sort(key=lambda block: block.start)
        return blocks, self.repairs

    def _mend_displaced(self, blocks: list[Block]) -> list[Block]:
        """Put back the first line of a two-line unit that the extractor printed last.

        pdftotext may give ``1.`` (or ``(a)``), then the unit's last line (``order;``),
        a blank line, and only then its first line (``Affirms that everyone is entitled
        to a democratic and equitable international``). The label's block then holds the
        last line, lower-case and ending a clause, and the next block is one line that
        opens with a capital and ends no clause: the two become one block, read in order
        (label, first line, last line). Its last piece then lies before the one above it.
        """
        mended: list[Block] = []
        index = 0
        while index < len(blocks):
            block = blocks[index]
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if following is not None and self._displaced(block, following):
                label, last = block.pieces
                pieces = (label, *following.pieces, last)
                mended.append(make_block(self.source, pieces, block.line))
                index += 2
                continue
            mended.append(block)
            index += 1
        return mended

    def _displaced(self, block: Block, following: Block) -> bool:
        if len(block.pieces) != 2 or len(following.pieces) != 1:
            return False
        (label_start, label_end), (last_start, last_end) = block.pieces
        if not _LABEL_ALONE.fullmatch(self.source, label_start, label_end):
            return False
        last = self.source[last_start:last_end]
        first = following.text
        if not (last[:1].islower() and _ENDS_CLAUSE.search(last)):
            return False
        if not first[:1].isupper() or _ENDS_CLAUSE.search(first):
            return False
        between = self.source[last_end : following.start]
        return not between.strip() and between.count("\n") >= 2

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
        if _CITED_SESSION.match(text) and _ENDS_NUMBER.search(before):
            return False  # "resolution 1514" / "(XV) of 14 December 1960": a citation goes on
        if _OPENS_UNIT.match(text) or _ROMAN_ALONE.fullmatch(text):
            return not self._inline_enumeration(gathering, text)
        if gathering.note is not None and _note_number(text) == gathering.note + 1:
            return True  # "8 Ibid., …" then "9 Ibid., …": the next footnote of a block
        blank, noisy = self._gap(gathering.lines[-1], line)
        ends = _ENDS_CLAUSE.search(before) is not None
        if ends and self._next_bare_number(text):
            return True  # "26 Condemns …" after paragraph 25: its full stop unprinted
        if blank and not noisy:
            return ends or text[:1].isupper() or not before[-1:].isalpha()
        if ends and text[:1].isupper():
            if match_opening(text, "preamble"):
                return True
            # after a colon an unnumbered verb is quoted matter ("Goal 6:" / "Ensure
            # availability …"): a list after a colon opens with labels, not bare verbs
            if not before.endswith(":") and match_opening(text, "operative"):
                return True
            return self._unknown_opening(gathering, text, noisy)
        return False

    def _inline_enumeration(self, gathering: _Gathering, text: str) -> bool:
        """Whether ``text`` opens with the next label of an enumeration run inline in the block.

        ``(b) preventing …`` at a line start after ``… in (a) preventing and combating …; and``:
        the label before it stands inside a line of the block, not at a line's start, so the
        two are one sentence's parts, not sub-items.
        """
        m = _NEXT_LETTER.match(text)
        if m is None:
            return False
        previous = f"({chr(ord(m['letter']) - 1)}) "
        for start, end in gathering.pieces:
            at = self.source.find(previous, start, end)
            if at > start and self.source[at - 1] in " \u00a0":
                return True
        return False

    def _next_bare_number(self, text: str) -> bool:
        """Whether ``text`` opens with the next paragraph's number and no full stop, then an
        operative phrase."""
        if self.number is None or not text[:1].isdigit():
            return False
        return bare_paragraph(text, self.number + 1) is not None

    def _unknown_opening(self, gathering: _Gathering, text: str, noisy: bool) -> bool:
        """Whether ``text`` opens a clause the lexicon does not know, after a comma.

        Not inside a quotation the block opened and has not closed (a title in title
        case: ``“Declaration on … All States,`` then ``Taking into Particular Account``),
        and, across a page break, not a line printed more than once: a running title
        (``Combating intolerance, negative stereotyping,``).
        """
        if not (ENDS_WITH_COMMA.search(gathering.last_text) and _PARTICIPLE_OPENING.match(text)):
            return False
        gathered = [self.source[start:end] for start, end in gathering.pieces]
        if sum(piece.count("“") - piece.count("”") for piece in gathered) > 0:
            return False
        return not noisy or self.source.count(text) < 2

    def _add(self, gathering: _Gathering, line: ContentLine, text: str) -> None:
        if not gathering.lines:
            gathering.note = _note_number(text)
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


def _note_number(text: str) -> int | None:
    """The number a line opens with as a footnote does (``9 Ibid., …``), or None."""
    m = _NOTE_NUMBER.match(text)
    return int(m["marker"]) if m is not None else None


_NOTE_NUMBER = regex.compile(r"(?P<marker>\d{1,3})[\t \u00a0]++(?=\S)")


def _deal_footnotes(
    source: str, zone: list[ContentLine], earlier: list[list[ContentLine]]
) -> list[list[ContentLine]]:
    """Footnotes of one page-foot zone, each a list of lines starting with its marker line.

    Where every note opens with its marker (``1 See …``), a line without one goes on the
    note before (on the last note of an earlier page when the zone opens with it).
    Where a PDF extractor set markers apart from their texts, the zone is cut into
    segments at each lone marker that a text follows: a marker claims the texts up to
    the next marker (``3`` / ``Resolution 1514 (XV).``); the markers left over, alone
    at the zone's end (``A/56/61, annex.`` … ``1`` ``2``), go in order to the segments
    with more sentence groups than markers (see :func:`_shares`); each segment's texts
    are dealt to its markers one sentence group each.
    """
    notes: list[list[ContentLine]] = []
    if not any(_LONE_MARKER.fullmatch(source, line.start, line.end) for line in zone):
        for line in zone:
            if _MARKER_START.match(source, line.start, line.end) or not (notes or earlier):
                notes.append([line])
            else:
                (notes[-1] if notes else earlier[-1]).append(line)
        return notes
    segments = _segments(source, zone)
    spare = sorted(
        (m for markers, texts in segments if not texts for m in markers),
        key=lambda line: int(source[line.start : line.end]),
    )
    written = [(markers, texts) for markers, texts in segments if texts]
    shares = _shares(
        [(len(markers), len(_sentence_groups(source, texts))) for markers, texts in written],
        len(spare),
    )
    for (markers, texts), share in zip(written, shares, strict=True):
        first = texts[0]
        if not markers and not share and not _MARKER_START.match(source, first.start, first.end):
            before = notes or earlier  # no marker left for it: the note before goes on
            if before:
                before[-1].extend(texts)
                continue
        notes += _dealt(source, markers + spare[:share], texts)
        spare = spare[share:]
    notes += [[marker] for marker in spare]  # markers whose text the zone lacks
    return notes


def _shares(segments: list[tuple[int, int]], spare: int) -> list[int]:
    """How many spare markers each segment (markers it has, sentence groups) takes, in order.

    A segment without a marker takes one first; then each takes one per sentence group
    its markers leave over, first segments first.
    """
    shares = [0] * len(segments)
    for index, (markers, _) in enumerate(segments):
        if markers == 0 and spare:
            shares[index], spare = 1, spare - 1
    for index, (markers, groups) in enumerate(segments):
        more = min(spare, max(0, groups - markers - shares[index]))
        shares[index] += more
        spare -= more
    return shares


def _segments(
    source: str, zone: list[ContentLine]
) -> list[tuple[list[ContentLine], list[ContentLine]]]:
    """The zone cut at each lone marker that follows a text: (markers, texts) in order."""
    segments: list[tuple[list[ContentLine], list[ContentLine]]] = [([], [])]
    for line in zone:
        if _LONE_MARKER.fullmatch(source, line.start, line.end):
            if segments[-1][1]:
                segments.append(([], []))
            segments[-1][0].append(line)
        elif (
            segments[-1][1]
            and source[segments[-1][1][-1].end - 1] == "."
            and _MARKER_START.match(source, line.start, line.end)
        ):
            segments.append(([], [line]))  # a note printed with its marker, after a sentence
        else:
            segments[-1][1].append(line)
    return segments


def _dealt(
    source: str, markers: list[ContentLine], texts: list[ContentLine]
) -> list[list[ContentLine]]:
    """Texts dealt to markers in order, one sentence group each (the last takes the rest)."""
    if not markers:
        return [texts]  # a note that opens with its own marker
    groups = _sentence_groups(source, texts)
    while len(groups) > len(markers) and len(groups) > 1:
        groups[-2].extend(groups.pop())
    markers = sorted(markers, key=lambda line: int(source[line.start : line.end]))
    notes = [[marker] for marker in markers]
    for note, group in zip(notes, groups, strict=False):
        note.extend(group)
    return notes


_NOTE_OPENING = regex.compile(r"\p{Lu}|[“‘\"]\p{Lu}|\d{4}[ \u00a0]\p{Lu}|https?://|www\.")
"""How a footnote's text opens: a capital (quoted or not), a year then a name, an address."""
_ABBREVIATION_END = regex.compile(r"\b(?:para|paras|No|Nos|vol|chap|sect|p|pp|art|Add|Corr|Rev)\.$")


def _sentence_groups(source: str, lines: list[ContentLine]) -> list[list[ContentLine]]:
    """Lines cut where one ends a sentence and the next opens a note's text."""
    groups: list[list[ContentLine]] = []
    for line in lines:
        if groups:
            last = groups[-1][-1]
            if (
                source[last.end - 1] == "."
                and _NOTE_OPENING.match(source, line.start, line.end)
                and not _ABBREVIATION_END.search(source, last.start, last.end)
            ):
                groups.append([line])
                continue
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups
