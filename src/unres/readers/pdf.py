"""PDF input: a resolution read from the page layout of its PDF, through PDFium.

Takes the bytes of a PDF. Opens it with ``pypdfium2`` (the optional extra ``unres[pdf]``),
reads every page's characters with their boxes, sizes and fonts (:mod:`.pdf_layout`),
writes the extracted text with one layout record per line (:mod:`.pdf_text`) and hands
both to the shared pipeline of :mod:`unres.api`: the same stages, tokens and builder as
text input, which use the layout where it is given. The "original text" of a PDF is the
extracted text (:func:`extract_text`): every span points into it. Every node of the tree
also records the page it starts on; ``metadata.lineage`` is ``pdf``; the PDF's own
metadata (title, author, dates) goes into ``metadata.ods_tags`` under ``pdf:`` keys.

Bad input raises :class:`~unres.errors.InputError` with one line: pypdfium2 missing,
not a PDF, damaged, encrypted, too many pages, or no text layer (a scan, which needs OCR
first).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from unres.errors import InputError
from unres.models import Resolution
from unres.models.base import Node
from unres.readers.pdf_text import Extracted, extract

if TYPE_CHECKING:
    from unres.api import TokenRecord

MAX_PAGES = 2000
"""PDFs with more pages than this are refused before any page is read."""

_INSTALL = "reading PDF needs pypdfium2: pip install 'unres[pdf]'"
_SIGNATURE = b"%PDF-"
_SIGNATURE_WINDOW = 1024


def is_pdf(data: bytes) -> bool:
    """Whether ``data`` starts like a PDF (``%PDF-`` in its first kilobyte)."""
    return _SIGNATURE in data[:_SIGNATURE_WINDOW]


@contextmanager
def _opened(data: bytes) -> Iterator[Any]:
    try:
        import pypdfium2 as pdfium
    except ImportError:
        raise InputError(_INSTALL) from None
    if not is_pdf(data):
        raise InputError("not a PDF: no %PDF- signature at the start")
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        raise InputError(f"cannot open PDF: {_reason(str(err))}") from None
    try:
        yield document
    finally:
        document.close()


def _reason(message: str) -> str:
    lowered = message.lower()
    if "password" in lowered or "security" in lowered:
        return "it is encrypted (a password is needed)"
    if "format" in lowered or "not found" in lowered or "corrupt" in lowered:
        return "damaged or not a PDF"
    return message.split("\n", 1)[0]


def _read(data: bytes) -> tuple[Extracted, dict[str, str]]:
    from unres.readers.pdf_layout import page_lines

    with _opened(data) as document:
        count = len(document)
        if count > MAX_PAGES:
            raise InputError(f"PDF too large: {count} pages, limit {MAX_PAGES}")
        if count == 0:
            raise InputError("PDF has no pages")
        try:
            pages = [page_lines(document[index], index) for index in range(count)]
            info = {k: v for k, v in document.get_metadata_dict().items() if v}
        except Exception as err:  # PDFium reports damage in many ways; all mean one thing
            raise InputError(f"cannot read PDF: {' '.join(str(err).split())[:200]}") from None
    if not any(line.text.strip() for page in pages for line in page):
        raise InputError(f"PDF has no text layer ({count} pages): a scan needs OCR first")
    return extract(pages), info


def extract_text(data: bytes) -> str:
    """The text unres extracts from a PDF: what every span of its tree points into."""
    return _read(data)[0].text


def tokenize_pdf(data: bytes) -> list[TokenRecord]:
    """The flat token stream of a PDF's extracted text, as :func:`unres.tokenize` gives it."""
    from unres.api import tokenize_laid_out

    extracted, _ = _read(data)
    return tokenize_laid_out(extracted.text, extracted.layout)


def parse_pdf(data: bytes) -> Resolution:
    """Parse a PDF into the resolution tree; each node records the page it starts on."""
    from unres.api import parse_laid_out

    extracted, info = _read(data)
    tree = parse_laid_out(extracted.text, extracted.layout)
    starts = _line_starts(extracted.text)
    pages = [record.page for record in extracted.layout]
    tree = _paged(tree, starts, pages)
    tags = dict(tree.metadata.ods_tags)
    tags.update({f"pdf:{key}": value for key, value in sorted(info.items())})
    metadata = tree.metadata.model_copy(update={"ods_tags": tags})
    return tree.model_copy(update={"metadata": metadata})


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(index + 1 for index, char in enumerate(text) if char == "\n")
    return starts[:-1] if text.endswith("\n") else starts


def _paged(tree: Resolution, starts: list[int], pages: list[int]) -> Resolution:
    """The tree with ``page`` set on every node: the page its first character is on."""

    def page_of(offset: int) -> int:
        index = min(max(bisect_right(starts, offset) - 1, 0), len(pages) - 1)
        return pages[index]

    def visit(value: object) -> object:
        if isinstance(value, Node):
            update: dict[str, object] = {"page": page_of(value.span[0])}
            for name in type(value).model_fields:
                child = getattr(value, name)
                if isinstance(child, BaseModel | list):
                    update[name] = visit(child)
            return value.model_copy(update=update)
        if isinstance(value, list):
            return [visit(child) for child in value]
        return value

    paged = visit(tree)
    assert isinstance(paged, Resolution)
    return paged
