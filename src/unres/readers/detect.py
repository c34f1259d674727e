"""What kind of input a caller gave: resolution text, Akoma Ntoso XML, or a PDF.

Every entry point (``parse``, ``parse_bytes``, ``parse_file``, ``tokenize``,
``parse_many``, ``check`` through :func:`unres.api.read_document`, and the
``parse``, ``validate``, ``tokens`` and ``report`` commands) asks this module,
so one input gets one behaviour wherever it goes in:

* ``pdf``: bytes that open with ``%PDF-`` (after white space). Read by the
  optional :mod:`unres.readers.pdf`, imported only when a PDF arrives; without
  it (or without pypdfium2) an :class:`~unres.errors.InputError` names the extra
  to install.
* ``akn``: input that opens like XML (``<?xml``, ``<akomaNtoso``, or a tag whose
  first 200 characters name ``akomaNtoso``) after a byte-order mark and white
  space, in any of the encodings a byte-order mark announces. Read by
  :func:`unres.from_akn`, which refuses XML that is not Akoma Ntoso, saying so.
* ``text``: everything else, decoded by :mod:`unres.decode` and parsed.

Only the first kilobyte is looked at; nothing is decoded in full here.
"""

from __future__ import annotations

import codecs
import importlib
from types import ModuleType
from typing import TYPE_CHECKING, Final, Literal

from unres.errors import InputError
from unres.models import Resolution

if TYPE_CHECKING:
    from unres.api import TokenRecord

InputKind = Literal["text", "akn", "pdf"]

PDF_EXTRA_MESSAGE: Final = "PDF input needs the optional extra: pip install 'unres[pdf]'"

_HEAD: Final = 1024
_XML_OPENINGS: Final = ("<?xml", "<akomaNtoso")
_WIDE_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def kind_of(data: bytes | str) -> InputKind:
    """The kind of ``data``, judged from its first kilobyte."""
    if isinstance(data, str):
        return "akn" if _opens_like_xml(data[:_HEAD]) else "text"
    head = data[:_HEAD]
    if head.lstrip().startswith(b"%PDF-"):
        return "pdf"
    return "akn" if _opens_like_xml(_head_text(head)) else "text"


def _head_text(head: bytes) -> str:
    """The first characters of ``head``, in the encoding a byte-order mark names, else Latin-1."""
    for bom, name in _WIDE_BOMS:
        if head.startswith(bom):
            return head[len(bom) :].decode(name, "ignore")
    return head.removeprefix(codecs.BOM_UTF8).decode("latin-1")


def _opens_like_xml(head: str) -> bool:
    head = head.lstrip("\ufeff \t\r\n")
    return head.startswith(_XML_OPENINGS) or (head.startswith("<") and "akomaNtoso" in head[:200])


def pdf_reader() -> ModuleType:
    """:mod:`unres.readers.pdf`, or an :class:`InputError` naming the extra it needs."""
    try:
        return importlib.import_module("unres.readers.pdf")
    except ImportError:
        raise InputError(PDF_EXTRA_MESSAGE) from None


def parse_pdf(data: bytes) -> Resolution:
    """The tree of a PDF, by :func:`unres.readers.pdf.parse_pdf`."""
    tree: Resolution = pdf_reader().parse_pdf(data)
    return tree


def pdf_text(data: bytes) -> str:
    """The text of a PDF the tree's spans point into, by :func:`unres.readers.pdf.extract_text`."""
    text: str = pdf_reader().extract_text(data)
    return text


def pdf_tokens(data: bytes) -> list[TokenRecord]:
    """The token stream of a PDF's text, by :func:`unres.readers.pdf.tokenize_pdf`."""
    records: list[TokenRecord] = pdf_reader().tokenize_pdf(data)
    return records
