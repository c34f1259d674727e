"""One input, one behaviour: text, Akoma Ntoso XML and PDF are told apart the same way everywhere."""

from __future__ import annotations

import codecs
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import FIXTURES, ROOT, SEED

import unres
from unres.api import read_document, tokenize_bytes
from unres.readers.detect import PDF_EXTRA_MESSAGE, kind_of

AKN = FIXTURES / "akn" / "S_RES_2536_2020-2010201F.xml"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n\x00\x01trailer\n"
"""The opening of a PDF file (hand-made): ``%PDF-``, a binary comment, an object."""


def _has_pdf_reader() -> bool:
    try:
        import unres.readers.pdf  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (AKN.read_bytes(), "akn"),
        (AKN.read_text(encoding="utf-8"), "akn"),
        (codecs.BOM_UTF8 + AKN.read_bytes(), "akn"),
        (codecs.BOM_UTF16_LE + AKN.read_text(encoding="utf-8").encode("utf-16-le"), "akn"),
        (b"  \n<akomaNtoso xmlns='x'/>", "akn"),
        (PDF, "pdf"),
        (b"\n%PDF-1.4", "pdf"),
        (SEED.read_bytes(), "text"),
        (SEED.read_text(encoding="utf-8"), "text"),
        (b"The General Assembly, <?xml is cited", "text"),
        ("%PDF-1.7 as text", "text"),
    ],
    ids=["bytes", "str", "utf8-bom", "utf16-bom", "bare-root", "pdf", "pdf-after-newline",
         "text-bytes", "text-str", "xml-later", "pdf-as-str"],
)  # fmt: skip
def test_kind_of(data: bytes | str, kind: str) -> None:
    assert kind_of(data) == kind


def test_akn_reads_the_same_through_every_entry_point(tmp_path: Path) -> None:
    data = AKN.read_bytes()
    expected = unres.from_akn(data)
    assert expected.metadata.lineage == "akn"
    assert unres.from_akn(data.decode("utf-8")) == expected
    assert unres.parse(data.decode("utf-8")) == expected
    assert unres.parse_bytes(data) == expected
    assert unres.parse_file(AKN) == expected
    [batch] = unres.parse_many([AKN])
    assert batch.result == expected
    document = read_document(data)
    assert (document.kind, document.tree) == ("akn", expected)
    unres.check(document.tree, document.text)  # runs: no 'not a resolution', no crash


def test_akn_has_no_token_stream_anywhere() -> None:
    text = AKN.read_text(encoding="utf-8")
    for call in (lambda: unres.tokenize(text), lambda: tokenize_bytes(AKN.read_bytes())):
        with pytest.raises(unres.InputError, match="Akoma Ntoso XML has no token stream"):
            call()


@pytest.mark.skipif(_has_pdf_reader(), reason="the PDF reader is installed: it reads PDFs")
def test_pdf_without_the_reader_says_what_to_install(tmp_path: Path) -> None:
    path = tmp_path / "resolution.pdf"
    path.write_bytes(PDF)
    for call in (
        lambda: unres.parse_bytes(PDF),
        lambda: unres.parse_file(path),
        lambda: tokenize_bytes(PDF),
    ):
        with pytest.raises(unres.InputError) as caught:
            call()
        assert caught.value.reason == PDF_EXTRA_MESSAGE
    [batch] = unres.parse_many([path])
    assert batch.error == PDF_EXTRA_MESSAGE
    for command in (["parse"], ["validate"], ["tokens"]):
        done = subprocess.run(
            [sys.executable, "-m", "unres", *command, str(path)],
            capture_output=True, text=True, cwd=ROOT, check=False,
        )  # fmt: skip
        assert done.returncode == 2
        assert done.stderr == f"unres: {path}: {PDF_EXTRA_MESSAGE}\n"


def test_pdf_dispatch_calls_the_reader_by_its_names(monkeypatch: pytest.MonkeyPatch) -> None:
    """With a PDF reader present, the three names of its interface are what is called."""
    import types

    seed = unres.parse_file(SEED)
    text = SEED.read_text(encoding="utf-8")
    fake = types.ModuleType("unres.readers.pdf")
    fake.parse_pdf = lambda data: seed  # type: ignore[attr-defined]
    fake.extract_text = lambda data: text  # type: ignore[attr-defined]
    fake.tokenize_pdf = lambda data: unres.tokenize(text)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "unres.readers.pdf", fake)
    assert unres.parse_bytes(PDF) is seed
    document = read_document(PDF)
    assert (document.kind, document.text) == ("pdf", text)
    assert unres.check(document.tree, document.text) == unres.check(seed, text)
    assert tokenize_bytes(PDF) == (text, unres.tokenize(text))
