"""Which kind of text this is: Word export, PDF text, OCR, or plain paragraphs.

Takes the normalized lines and returns one of ``ods-word`` (ODS Word export:
ODS tags, Word markers, or tab-separated paragraph numbers), ``pdf-text``
(text pulled out of a PDF: hard-wrapped lines, numbers alone on a line, page
furniture), ``ocr`` (yearbook OCR: form feeds, hard wraps, blank-line
paragraphs) or ``plain`` (one paragraph a line, no furniture). The decision
is made once, from counts over the whole text, and recorded in the metadata;
each count is taken only when the signs before it in order leave it to decide.
"""

from __future__ import annotations

import regex

from unres.models.tree import Lineage
from unres.parsers.normalize import Normalized
from unres.parsers.records import ContentLine

_TAB_NUMBER = regex.compile(r"\t?\(?[0-9a-z]{1,4}[.)]\t")
_WORD_NUMBER = regex.compile(r"\d{1,3}\.\t")
"""An operative paragraph number between two tabs (``\t5.\tDecides``): the
layout of Word's paragraph export (and of :mod:`unres.render.text`), which no PDF extractor
writes: none of the corpus's PDF texts has such a line."""
_NUMBER_ALONE = regex.compile(r"(?:\d{1,3}\.|\([a-z]{1,4}\))")
_PDF_FURNITURE = frozenset(
    {"print-job", "barcode", "page-of", "recycle", "date-code", "running-header", "symbol-title"}
)
_YEARBOOK = regex.compile(
    r"""
    \d{1,4}[ ]\(\d{4}\)\.[ ]Resolution[ ]of     # 82 (1950). Resolution of 25 June 1950
  | \[S/\d{3,5}                                # [S/1501]
    """,
    regex.VERBOSE,
)
_YEARBOOK_WORDS = ("). Resolution of", "[S/")
"""What every match of :data:`_YEARBOOK` holds: without them, the search is skipped."""


def detect(normalized: Normalized) -> Lineage:
    text = normalized.source.text
    noise = normalized.noise
    if any(n.kind in ("ods-tag", "word-marker") for n in noise):
        return "ods-word"
    lines = normalized.lines
    if not lines:
        return "plain"
    if any(n.rule in _PDF_FURNITURE for n in noise):
        return "pdf-text"
    if _numbers_alone(text, lines, 2) >= 2:
        return "ods-word" if _word_layout(text, lines) else "pdf-text"
    if "\f" in text or _yearbook(text):
        return "ocr"
    if any(_TAB_NUMBER.match(text, line.start) for line in lines):
        return "ods-word"
    if len(lines) > 10 and _ending_mid_word(text, lines) / len(lines) > 0.35:
        return "ocr"
    return "plain"


def _numbers_alone(text: str, lines: tuple[ContentLine, ...], enough: int) -> int:
    """How many lines are a paragraph number alone, counting up to ``enough``."""
    found = 0
    for line in lines:
        if _NUMBER_ALONE.fullmatch(text, line.start, line.end):
            found += 1
            if found >= enough:
                break
    return found


def _word_layout(text: str, lines: tuple[ContentLine, ...]) -> bool:
    """Whether a line opens with an operative paragraph number between tabs."""
    return any(
        line.start > 0 and text[line.start - 1] == "\t" and _WORD_NUMBER.match(text, line.start)
        for line in lines
    )


def _ending_mid_word(text: str, lines: tuple[ContentLine, ...]) -> int:
    """How many lines end in a letter or a hyphen: hard-wrapped, mid-sentence."""
    return sum(1 for line in lines if text[line.end - 1].isalpha() or text[line.end - 1] == "-")


def _yearbook(text: str) -> bool:
    """Whether the head of the text (4,000 characters) reads like a yearbook page."""
    head = min(len(text), 4000)
    if all(text.find(word, 0, head) < 0 for word in _YEARBOOK_WORDS):
        return False
    return _YEARBOOK.search(text, 0, head) is not None
