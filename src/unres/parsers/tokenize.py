"""Tokenizing: blocks in, typed tokens out, with the noise as tokens of its own.

Takes the normalized text and its lineage, forms blocks (:mod:`.wrap`) and
classifies each with the part matchers (:mod:`.heading`, :mod:`.preamble`,
:mod:`.operative`, :mod:`.items`, :mod:`.closing`, :mod:`.footnotes`) under a
small state machine that follows the order of a resolution: heading →
preamble → operative part → closing → footnotes, with annexes and further
parts after. A block that no rule of its state accepts becomes an
``unparsed`` token: nothing is dropped.

What it guarantees: the tokens, noise included, are sorted, do not overlap,
and every non-white-space character of the input lies in exactly one of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

import regex

from unres.lexicon import match_opening
from unres.models.tree import Lineage
from unres.parsers import closing, footnotes, heading, items, operative, preamble
from unres.parsers.blocks import Block
from unres.parsers.gate import gate
from unres.parsers.heading import ANNEX_HEADING
from unres.parsers.normalize import Normalized
from unres.parsers.records import Noise
from unres.parsers.tokens import Token, TokenKind, make_record
from unres.parsers.wrap import form_blocks

Openers = frozenset[regex.Pattern[str]]
"""Patterns that may match at a text's start, as :meth:`.Gate.openers` gives them."""

PART_HEADING = regex.compile(r"[A-H]")
"""A part letter alone on a line: the start of part B of a multi-part resolution."""

DECISION_BODY = regex.compile(
    r"At[ \u00a0]its[ \u00a0]\d{1,4}(?:st|nd|rd|th)[ \u00a0](?:plenary[ \u00a0])?meeting"
)
"""The one paragraph of a decision: ``At its 79th plenary meeting, on …, the Assembly …``."""

STATEMENT_INTRO = regex.compile(
    r"(?:made|issued|read[ \u00a0]out)[ \u00a0]the[ \u00a0]following[ \u00a0]statement"
    r"|(?:fait|publié)[ \u00a0]la[ \u00a0]déclaration"
)
"""The opening paragraph of a presidential statement: ``… made the following statement …``."""

STATEMENT_PARAGRAPH = regex.compile(
    rf"[“\"«]?[ \u00a0]?(?:The|Le|El)[ \u00a0](?:{heading.ORGAN_NAMES})[ \u00a0,]"
)
"""A paragraph of a presidential statement: ``“The Security Council recalls …``."""

BRACKETED = regex.compile(r"\[[^\]\n]{1,300}+\]")

SUBHEADING = regex.compile(
    r"""
    [\p{Lu}\d]              # opens with a capital or a digit
    [^\n\t,;:.]{2,78}+       # short, with no tab and no clause punctuation anywhere
    (?<![,;:.\s])            # and none at the end
    """,
    regex.VERBOSE,
)
"""A short unpunctuated line between clauses: ``AMISOM``, ``Arms Embargo``."""

SUBHEADING_LONGEST = 79
"""The longest text :data:`SUBHEADING` matches (a first character and 78 more): a longer
block, as most clauses are, is no subheading and need not be tried."""


class State(Enum):
    """Where in a resolution the tokenizer is: the key of :data:`_HANDLERS`, once a block."""

    __hash__ = object.__hash__  # members are singletons: no need for Enum's hash of the name

    HEADING = "heading"
    PREAMBLE = "preamble"
    OPERATIVE = "operative"
    CLOSING = "closing"
    FOOTNOTES = "footnotes"
    ANNEX = "annex"
    VOTE = "vote"


_HEADING_KINDS = frozenset({"organ-line", "report-line", "title", "formula", "sponsors"})
_WATCHED_KINDS = frozenset({"title", "sponsors", "closing"})
"""The kinds that set more of the tokenizer's state than the next state (see ``_watch``)."""


@dataclass(slots=True)
class _Tokenizer:
    """The state of one tokenizing run; one per call, never shared.

    ``cover`` holds the indexes of unrecognised tokens met before any heading
    line: once a heading line shows the text is a resolution, they are read
    as cover-page matter (``page-header``) rather than unparsed text.
    """

    state: State = State.HEADING
    tokens: list[Token] = field(default_factory=list)
    previous: TokenKind | None = None
    seen_heading: bool = False
    bare_number: bool = False
    amendment: bool = False
    cover: list[int] = field(default_factory=list)

    def classify(self, block: Block) -> TokenKind:
        if block.footnote:
            return "footnote"
        text = block.text
        if self.state is State.HEADING:
            if closing.DATE_LINE.fullmatch(text):  # a cover date, or the date of a closing
                return "closing" if self.previous == "closing" else "page-header"
            kind, state = _heading(text)
            if kind == "unparsed":
                follower = self._heading_follower(text)
                if follower is not None:
                    return follower
        else:
            kind, state = _HANDLERS[self.state](text)
        if kind in _WATCHED_KINDS:
            self._watch(kind, text, state)
        else:
            self.bare_number = False
            self.state = state
        return kind

    def _watch(self, kind: TokenKind, text: str, state: State) -> None:
        """What a title, a sponsors line or a closing tells about the blocks after it."""
        self.bare_number = kind == "title" and heading.TITLE_NUMBER.fullmatch(text) is not None
        if kind == "sponsors":
            self.amendment = "amendment" in text
        if kind == "closing" and closing.BRACKETED_ADOPTION.match(text) and "]" not in text:
            state = State.VOTE
        self.state = state

    def _heading_follower(self, text: str) -> TokenKind | None:
        """An unrecognised heading line that what came before tells: a title's wrap, a draft's."""
        if self.previous == "title" and (
            self.bare_number or text[:1].islower() or _title_tail(text)
        ):
            self.bare_number = False
            return "title"
        if self.previous == "sponsors":
            if self.amendment:  # the amendments follow the title of the draft they amend
                self.state = State.OPERATIVE
            return "title"  # a draft's title follows its sponsors line
        return None

    def emit(self, kind: TokenKind, block: Block) -> None:
        if not self.seen_heading:
            self._before_heading(kind)
        self.tokens.append(make_record(Token, (kind, block.pieces)))
        self.previous = kind

    def _before_heading(self, kind: TokenKind) -> None:
        """Until the first heading line: hold the unrecognised lines as cover matter."""
        if kind == "unparsed" and self.state is State.HEADING:
            self.cover.append(len(self.tokens))
        if kind in _HEADING_KINDS:
            self.seen_heading = True
            for index in self.cover:
                self.tokens[index] = self.tokens[index].with_kind("page-header")


def tokenize_blocks(blocks: list[Block], state: State = State.HEADING) -> list[Token]:
    """One token per block; ``state`` is where the text begins (a fragment: in the body)."""
    run = _Tokenizer(state)
    for index, block in enumerate(blocks):
        before = run.state
        kind = run.classify(block)
        if kind in _SECOND_LOOK_KINDS:
            kind = _second_look(run, blocks, index, kind, before)
        run.emit(kind, block)
    return run.tokens


_SECOND_LOOK_KINDS = frozenset({"part-heading", "unparsed", "subheading"})
"""The kinds that the blocks around may change (see :func:`_second_look`)."""


def _second_look(
    run: _Tokenizer, blocks: list[Block], index: int, kind: TokenKind, before: State
) -> TokenKind:
    """A block's kind read again in the light of its neighbours (``before``: the state it met)."""
    if kind == "part-heading" and before is State.OPERATIVE:
        following = blocks[index + 1].text if index + 1 < len(blocks) else ""
        if operative.PARAGRAPH.match(following):  # "A" then "1. Affirms": a section
            kind, run.state = "section-heading", State.OPERATIVE
    if kind == "unparsed" and run.state is State.HEADING and run.previous == "title":
        following = blocks[index + 1].text if index + 1 < len(blocks) else ""
        if PART_HEADING.fullmatch(following):
            kind = "title"  # the title of the part whose letter comes next
    if kind == "subheading" and not _heads_next(blocks, index):
        kind = "preamble-clause" if run.state is State.PREAMBLE else "continuation"
    return kind


def _heads_next(blocks: list[Block], index: int) -> bool:
    """Whether a subheading candidate stands between whole blocks, not inside a wrapped one.

    The block before must end a clause (or be absent) and the block after
    must open one with a capital or a digit.
    """
    before = blocks[index - 1].text.rstrip() if index > 0 else ""
    after = blocks[index + 1].text.lstrip() if index + 1 < len(blocks) else ""
    ends = not before or before.endswith((",", ";", ".", ":"))
    opens = after[:1].isupper() or after[:1].isdigit()
    return ends and opens


def tokenize(
    normalized: Normalized, lineage: Lineage
) -> tuple[list[Token], list[Block], list[Noise]]:
    """Content tokens (one per block, same order), their blocks, and noise found in forming them."""
    blocks, repairs = form_blocks(
        normalized.source.text, normalized.lines, lineage, normalized.noise
    )
    return tokenize_blocks(blocks), blocks, repairs


# --- one handler per state: block text -> (token kind, next state) ---------------------


def _heading(text: str) -> tuple[TokenKind, State]:
    if heading.organ_line(text) is not None:
        return "organ-line", State.HEADING
    if heading.SPONSORS_LINE.fullmatch(text):
        return "sponsors", State.HEADING
    if heading.REPORT_LINE.fullmatch(text) or BRACKETED.fullmatch(text):
        return "report-line", State.HEADING
    if (
        heading.TITLE.fullmatch(text)
        or heading.YEARBOOK_TITLE.fullmatch(text)
        or heading.TITLE_NUMBER.fullmatch(text)
    ):
        return "title", State.HEADING
    if heading.SC_RESOLUTION_LINE.fullmatch(text):
        return "title", State.HEADING
    if closing.ADOPTED_AT.match(text):
        return "closing", State.HEADING
    if preamble.FORMULA.fullmatch(text):
        return "formula", State.PREAMBLE
    if PART_HEADING.fullmatch(text):
        return "part-heading", State.HEADING
    if DECISION_BODY.match(text) or STATEMENT_INTRO.search(text):
        return "operative-paragraph", State.OPERATIVE
    if match_opening(text, "preamble"):  # the formula is missing: the preamble has begun
        return "preamble-clause", State.PREAMBLE
    if operative.PARAGRAPH.match(text) and match_opening(text[3:].lstrip(), "operative"):
        return "operative-paragraph", State.OPERATIVE
    return "unparsed", State.HEADING


STAR_NOTE = regex.compile(r"(?:\*{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}+)[ \u00a0]++\S")
"""A footnote keyed by asterisks or superscript digits (``* Any changes to the list …``)."""


def _preamble(text: str) -> tuple[TokenKind, State]:
    may = _PREAMBLE_GATE.openers(text)
    found = _preamble_marked(text, may) if may else None
    if found is not None:
        return found
    if match_opening(text, "operative") and not match_opening(text, "preamble"):
        return "operative-paragraph", State.OPERATIVE
    if _subheading(text):
        return "subheading", State.PREAMBLE
    return "preamble-clause", State.PREAMBLE


def _preamble_marked(text: str, may: Openers) -> tuple[TokenKind, State] | None:
    """A preamble block that a mark at its start tells: a note, a number, a label, a closing.

    ``may`` holds the patterns that may match at its start (:meth:`.Gate.openers`): a
    pattern left out is not tried, as it would fail.
    """
    if STAR_NOTE in may and STAR_NOTE.match(text):
        return "footnote", State.PREAMBLE
    if operative.PARAGRAPH in may and operative.PARAGRAPH.match(text):
        return "operative-paragraph", State.OPERATIVE
    if items.LABEL in may and items.has_label(text):
        return "sub-item", State.PREAMBLE
    if _closing_line(text, may):
        return "closing", State.CLOSING
    if preamble.FORMULA in may and preamble.FORMULA.fullmatch(text):
        return "formula", State.PREAMBLE
    return None


def _operative(text: str) -> tuple[TokenKind, State]:
    may = _OPERATIVE_GATE.openers(text)
    found = _operative_marked(text, may) if may else None
    if found is not None:
        return found
    if _subheading(text):
        return "subheading", State.OPERATIVE
    return "continuation", State.OPERATIVE


def _operative_marked(text: str, may: Openers) -> tuple[TokenKind, State] | None:
    """An operative-part block that a mark at its start tells: a number, a label, a heading.

    ``may`` holds the patterns that may match at its start, as for :func:`_preamble_marked`.
    """
    if STAR_NOTE in may and STAR_NOTE.match(text):
        return "footnote", State.OPERATIVE
    if operative.PARAGRAPH in may and operative.PARAGRAPH.match(text):
        return "operative-paragraph", State.OPERATIVE
    section = _section_heading(text, may)
    if section and not text.endswith("."):
        return "section-heading", State.OPERATIVE  # "I.<TAB>Values and principles", not "(a)"
    if items.LABEL in may and items.has_label(text):
        return "sub-item", State.OPERATIVE
    if _closing_line(text, may):
        return "closing", State.CLOSING
    if ANNEX_HEADING in may and ANNEX_HEADING.fullmatch(text):
        return "annex-heading", State.ANNEX
    if PART_HEADING in may and PART_HEADING.fullmatch(text):
        return "part-heading", State.HEADING
    if section:
        return "section-heading", State.OPERATIVE
    if preamble.FORMULA in may and preamble.FORMULA.fullmatch(text):
        return "formula", State.PREAMBLE
    if STATEMENT_PARAGRAPH in may and STATEMENT_PARAGRAPH.match(text):
        return "operative-paragraph", State.OPERATIVE  # presidential statements number nothing
    return None


def _closing(text: str) -> tuple[TokenKind, State]:
    may = _AFTER_BODY_GATE.openers(text)
    if _dated_closing_line(text, may):
        return "closing", State.CLOSING
    if _starts_resolution(text, may):
        return _after_body(text, State.CLOSING, may)
    if footnotes.FOOTNOTE_LINE in may and footnotes.FOOTNOTE_LINE.fullmatch(text):
        return "footnote", State.FOOTNOTES
    if ANNEX_HEADING in may and ANNEX_HEADING.fullmatch(text):
        return "annex-heading", State.ANNEX
    return _after_body(text, State.CLOSING, may)


def _vote(text: str) -> tuple[TokenKind, State]:
    """Inside a bracketed roll call: every line is closing until the one that shuts the bracket."""
    return "closing", State.CLOSING if text.rstrip().endswith("]") else State.VOTE


def _footnotes(text: str) -> tuple[TokenKind, State]:
    may = _AFTER_BODY_GATE.openers(text)
    if _starts_resolution(text, may):
        return _after_body(text, State.FOOTNOTES, may)
    if _dated_closing_line(text, may):
        return "closing", State.CLOSING
    if footnotes.FOOTNOTE_LINE in may and footnotes.FOOTNOTE_LINE.fullmatch(text):
        return "footnote", State.FOOTNOTES
    if ANNEX_HEADING in may and ANNEX_HEADING.fullmatch(text):
        return "annex-heading", State.ANNEX
    return _after_body(text, State.FOOTNOTES, may)


def _annex(text: str) -> tuple[TokenKind, State]:
    if ANNEX_HEADING.fullmatch(text):
        return "annex-heading", State.ANNEX
    if operative.ARTICLE_HEADING.fullmatch(text):
        return "annex-text", State.ANNEX
    if operative.PARAGRAPH.match(text):
        return "annex-paragraph", State.ANNEX
    if items.has_label(text):
        return "sub-item", State.ANNEX
    return "annex-text", State.ANNEX


def _after_body(text: str, state: State, may: Openers) -> tuple[TokenKind, State]:
    """After a closing: a further part (its letter, title or organ line) or unparsed text.

    ``may`` holds the patterns that may match at its start, as for :func:`_preamble_marked`.
    """
    if PART_HEADING in may and PART_HEADING.fullmatch(text):
        return "part-heading", State.HEADING
    if heading.TITLE in may and heading.TITLE.fullmatch(text):
        return "title", State.HEADING
    if heading.ORGAN_LINE in may and heading.organ_line(text) is not None:
        return "organ-line", State.HEADING
    return "unparsed", state


def _title_tail(text: str) -> bool:
    """A short line without closing punctuation: the rest of a title wrapped in the source."""
    return len(text) < 120 and not text.rstrip().endswith((",", ";", ".", ":"))


def _starts_resolution(text: str, may: Openers) -> bool:
    """A title or organ line: the next resolution (or part) on the same pages."""
    return bool(heading.TITLE in may and heading.TITLE.fullmatch(text)) or (
        heading.ORGAN_LINE in may and heading.organ_line(text) is not None
    )


def _dated_closing_line(text: str, may: Openers) -> bool:
    """A closing line, or a closing's date alone; ``may`` as for :func:`_preamble_marked`."""
    dated = closing.DATE_LINE in may and closing.DATE_LINE.fullmatch(text) is not None
    return dated or _closing_line(text, may)


_CLOSING_LINE: Openers = frozenset(
    {closing.PLENARY, closing.ADOPTED_AT, closing.BRACKETED_ADOPTION}
)
"""The patterns of a closing line."""


def _closing_line(text: str, may: Openers = _CLOSING_LINE) -> bool:
    """A closing line; ``may`` as for :func:`_preamble_marked` (by default, every pattern)."""
    return bool(
        (closing.PLENARY in may and closing.PLENARY.fullmatch(text))
        or (closing.ADOPTED_AT in may and closing.ADOPTED_AT.match(text))
        or (closing.BRACKETED_ADOPTION in may and closing.BRACKETED_ADOPTION.match(text))
    )


def _subheading(text: str) -> bool:
    """A subheading grouping the clauses or paragraphs below it: short, bare, no known opening.

    Called after the stronger readings (number, label, closing, formula,
    heading) have been tried.
    """
    return (
        len(text) <= SUBHEADING_LONGEST
        and SUBHEADING.fullmatch(text) is not None
        and closing.DATE_LINE.fullmatch(text) is None
        and not heading.TITLE.fullmatch(text)
        and not heading.SC_RESOLUTION_LINE.fullmatch(text)
        and match_opening(text, "preamble") is None
        and match_opening(text, "operative") is None
    )


def _section_heading(text: str, may: Openers) -> bool:
    if operative.ARTICLE_HEADING in may and operative.ARTICLE_HEADING.fullmatch(text):
        return True
    m = operative.ROMAN_HEADING.fullmatch(text) if operative.ROMAN_HEADING in may else None
    if m is not None and items.roman_value(m["label"]) is not None:
        return not (m["heading"] or "").endswith((";", ","))
    m = operative.LETTER_HEADING.fullmatch(text) if operative.LETTER_HEADING in may else None
    return m is not None and not text.endswith((";", ",", ":"))


_PREAMBLE_GATE = gate(
    STAR_NOTE,
    operative.PARAGRAPH,
    items.LABEL,
    closing.PLENARY,
    closing.ADOPTED_AT,
    closing.BRACKETED_ADOPTION,
    preamble.FORMULA,
)
"""Every pattern :func:`_preamble_marked` tries: a block it does not match is a clause's."""

_OPERATIVE_GATE = gate(
    STAR_NOTE,
    operative.PARAGRAPH,
    operative.ARTICLE_HEADING,
    operative.ROMAN_HEADING,
    operative.LETTER_HEADING,
    items.LABEL,
    closing.PLENARY,
    closing.ADOPTED_AT,
    closing.BRACKETED_ADOPTION,
    ANNEX_HEADING,
    PART_HEADING,
    preamble.FORMULA,
    STATEMENT_PARAGRAPH,
)
"""Every pattern :func:`_operative_marked` tries."""

_AFTER_BODY_GATE = gate(
    closing.DATE_LINE,
    closing.PLENARY,
    closing.ADOPTED_AT,
    closing.BRACKETED_ADOPTION,
    heading.TITLE,
    heading.ORGAN_LINE,
    footnotes.FOOTNOTE_LINE,
    ANNEX_HEADING,
    PART_HEADING,
)
"""Every pattern the closing and footnote handlers try (and :func:`_after_body` after them)."""

_HANDLERS = {
    State.HEADING: _heading,
    State.PREAMBLE: _preamble,
    State.OPERATIVE: _operative,
    State.CLOSING: _closing,
    State.FOOTNOTES: _footnotes,
    State.ANNEX: _annex,
    State.VOTE: _vote,
}
