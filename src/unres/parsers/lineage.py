"""Which kind of text this is: Word export, PDF text, OCR, or plain paragraphs.

Takes the normalized lines and returns one of ``ods-word`` (ODS Word export:
ODS tags, Word markers, or tab-separated paragraph numbers), ``pdf-text``
(text pulled out of a PDF: hard-wrapped lines, numbers alone on a line, page
furniture), ``ocr`` (yearbook OCR: form feeds, hard wraps, blank-line
paragraphs) or ``plain`` (one paragraph a line, no furniture). The decision
is made once, from counts over the whole text, and recorded in the metadata.
"""

from __future__ import annotations

import regex

from unres.models.tree import Lineage
from unres.parsers.normalize import Normalized

_TAB_NUMBER = regex.compile(r"\t?\(?[0-9a-z]{1,4}[.)]\t")
_NUMBER_ALONE = regex.compile(r"(?:\d{1,3}\.|\([a-z]{1,4}\))")
_PDF_FURNITURE = frozenset(
    {"print-job", "barcode", "page-of", "recycle", "date-code", "running-header", "symbol-title"}
)
_YEARBOOK = regex.compile(r"\d{1,4} \(\d{4}\)\. Resolution of|\[S/\d{3,5}")


def detect(normalized: Normalized) -> Lineage:
    text = normalized.source.text
    if any(n.kind in ("ods-tag", "word-marker") for n in normalized.noise):
        return "ods-word"
    lines = normalized.lines
    if not lines:
        return "plain"
    tab_numbered = 0
    number_alone = 0
    ends_mid = 0
    for line in lines:
        first, last = line.pieces[0][0], line.pieces[-1][1]
        body = text[first:last]
        if _TAB_NUMBER.match(text, first):
            tab_numbered += 1
        if _NUMBER_ALONE.fullmatch(body):
            number_alone += 1
        if body[-1:].isalpha() or body[-1:] == "-":
            ends_mid += 1
    furniture = sum(1 for n in normalized.noise if n.rule in _PDF_FURNITURE)
    share_mid = ends_mid / len(lines)
    if furniture >= 1 or number_alone >= 2:
        return "pdf-text"
    if _YEARBOOK.search(text, 0, min(len(text), 4000)) or "\f" in text:
        return "ocr"
    if tab_numbered >= 1:
        return "ods-word"
    if share_mid > 0.35 and len(lines) > 10:
        return "ocr"
    return "plain"
