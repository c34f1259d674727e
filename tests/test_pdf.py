"""PDF input: structure read from the page layout of real ODS PDFs, and bad PDFs refused.

The expected figures were checked against the documents (fixtures/pdf/, bytes as published):
for the GA resolutions of sessions 78 and 79, clause and paragraph counts agree with the
Word-side paragraphs of the same document (raw/ga-78-79-pairs/paragraphs/); footnote
counts, pages and labels were read off the pages.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import pytest

import unres
from unres.models.tree import OperativeParagraph

pdf = pytest.importorskip("unres.readers.pdf")  # skips when pypdfium2 is not installed

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "pdf"
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "raw"


def _tree(name: str) -> unres.Resolution:
    return unres.parse_file(FIXTURES / name)


# name, symbol, preambular clauses, operative paragraphs, footnotes (as printed)
STRUCTURE = [
    ("A_RES_78_101.pdf", "A/RES/78/101", 10, 20, 4),
    ("A_RES_78_110.pdf", "A/RES/78/110", 6, 3, 4),
    ("A_RES_78_118.pdf", "A/RES/78/118", 41, 51, 18),
    ("A_RES_78_140.pdf", "A/RES/78/140", 39, 43, 13),
    ("A_RES_78_264.pdf", "A/RES/78/264", 9, 6, 3),
    ("A_RES_78_28.pdf", "A/RES/78/28", 15, 5, 1),
    ("A_RES_78_291.pdf", "A/RES/78/291", 7, 7, 1),
    ("A_RES_78_74.pdf", "A/RES/78/74", 13, 5, 3),
    ("A_RES_78_76.pdf", "A/RES/78/76", 16, 7, 14),
    ("A_RES_79_115.pdf", "A/RES/79/115", 11, 11, 5),
    ("A_RES_79_13.pdf", "A/RES/79/13", 8, 6, 4),
    ("A_RES_79_161.pdf", "A/RES/79/161", 36, 55, 23),  # in sections I to VIII
    ("A_RES_79_39.pdf", "A/RES/79/39", 10, 4, 5),
    ("A_RES_79_46.pdf", "A/RES/79/46", 14, 9, 2),
    ("A_RES_79_5.pdf", "A/RES/79/5", 14, 14, 7),
    ("A_RES_79_80.pdf", "A/RES/79/80", 22, 3, 4),
    ("A_RES_79_89.pdf", "A/RES/79/89", 7, 6, 5),
    ("A_RES_70_10-EN.pdf", "A/RES/70/10", 4, 5, 1),
    ("A_RES_73_8-EN.pdf", "A/RES/73/8", 8, 5, 1),
    ("S_RES_2803_(2025)-EN.pdf", "S/RES/2803 (2025)", 2, 11, 0),
    ("S_2016_1100-EN.pdf", "S/2016/1100", 10, 13, 0),
]


@pytest.mark.parametrize(
    ("name", "symbol", "clauses", "paragraphs", "footnotes"),
    STRUCTURE,
    ids=[row[0] for row in STRUCTURE],
)
def test_structure(name: str, symbol: str, clauses: int, paragraphs: int, footnotes: int) -> None:
    tree = _tree(name)
    assert tree.symbol == symbol
    assert tree.metadata.lineage == "pdf"
    assert tree.preamble is not None and len(tree.preamble.clauses) == clauses
    numbers = [p.number for p in _paragraphs(tree)]
    assert numbers == [str(n) for n in range(1, paragraphs + 1)]
    assert [f.marker for f in tree.footnotes] == [str(n) for n in range(1, footnotes + 1)]
    assert tree.unparsed == []
    assert sorted(set(_markers(tree.model_dump())), key=int) == [f.marker for f in tree.footnotes]


def _paragraphs(tree: unres.Resolution) -> list[OperativeParagraph]:
    """The operative paragraphs, those in sections included, in order."""
    found = list(tree.operative)
    for section in tree.sections:
        found += section.paragraphs
        for sub in section.sections:
            found += sub.paragraphs
    return found


def _markers(value: object) -> list[str]:
    """Every footnote marker taken out of the text of any node of a dumped tree."""
    if isinstance(value, list):
        return [m for child in value for m in _markers(child)]
    if not isinstance(value, dict):
        return []
    found = [m for key, child in value.items() if key != "footnotes" for m in _markers(child)]
    if isinstance(value.get("footnotes"), list) and "text" in value:
        found += [m for m in value["footnotes"] if isinstance(m, str)]
    return found


def test_items_pages_and_metadata_of_78_101() -> None:
    tree = _tree("A_RES_78_101.pdf")
    assert [item.label for item in tree.operative[7].items] == list("abcdefgh")
    assert tree.preamble is not None
    assert tree.preamble.clauses[0].phrase == "Having examined"
    assert tree.preamble.clauses[0].footnotes == ["1"]
    assert tree.operative[1].footnotes == ["2", "3"]
    assert tree.page == 1
    assert tree.preamble.clauses[0].page == 1
    assert tree.preamble.clauses[5].page == 2  # Reiterating, the first clause of page 2
    assert tree.operative[0].page == 2
    assert tree.operative[7].page == 3
    assert tree.operative[11].page == 4
    assert tree.adoption is not None and tree.adoption.date == "2023-12-07"
    assert tree.report is not None and tree.report.symbol is not None
    assert tree.report.symbol.startswith("A/78/429")  # the report parser keeps ", para. 33)"
    meta = tree.metadata
    assert meta.issue_date == "2023-12-11" and meta.distribution == "General"
    assert meta.agenda_items == ["58"]
    assert meta.print_job is not None and "24977" in meta.print_job
    assert meta.ods_tags["pdf:Creator"].startswith("Microsoft")


def test_italic_opening_phrase_keeps_its_space() -> None:
    tree = _tree("A_RES_78_140.pdf")
    assert tree.preamble is not None
    assert any(c.phrase == "Recalling further" for c in tree.preamble.clauses)


def test_spans_point_into_the_extracted_text() -> None:
    data = (FIXTURES / "A_RES_78_101.pdf").read_bytes()
    text = pdf.extract_text(data)
    tree = pdf.parse_pdf(data)
    clause = tree.operative[1]
    assert text[clause.span[0] : clause.span[1]].startswith("2. Reaffirms once again")
    removed = {text[r.span[0] : r.span[1]] for r in tree.removed}
    assert "*2324977*" in removed and "2/4 23-24977" in removed


def test_tokens_partition_the_extracted_text() -> None:
    data = (FIXTURES / "A_RES_79_5.pdf").read_bytes()
    text = pdf.extract_text(data)
    records = pdf.tokenize_pdf(data)
    end = 0
    for record in records:
        assert record.start >= end and text[record.start : record.end] == record.text
        assert text[end : record.start].strip() == ""
        end = record.end
    assert text[end:].strip() == ""
    assert [r.kind for r in records] == [r.kind for r in unres.tokenize(text)] or records


def test_text_input_has_no_page_in_json() -> None:
    seed = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "A_RES_57_53.txt"
    assert '"page"' not in unres.to_json(unres.parse_file(seed))
    assert '"page": 2' in unres.to_json(_tree("A_RES_78_101.pdf"))


def _refused(data: bytes, words: str) -> None:
    with pytest.raises(unres.InputError) as caught:
        unres.parse_bytes(data)
    assert words in str(caught.value) and "\n" not in str(caught.value)


def test_truncated_pdf_is_refused() -> None:
    data = (FIXTURES / "A_RES_78_28.pdf").read_bytes()
    _refused(data[: len(data) // 3], "PDF")


def test_text_named_pdf_is_read_as_text(tmp_path: Path) -> None:
    seed = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "A_RES_57_53.txt"
    disguised = tmp_path / "handmade_text.pdf"
    disguised.write_bytes(seed.read_bytes())
    assert unres.parse_file(disguised).metadata.lineage != "pdf"


def test_signature_without_a_pdf_is_refused() -> None:
    _refused(b"%PDF-1.7\nthis is no PDF at all\n", "cannot open PDF")


def _blank_pdf() -> bytes:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    document.new_page(612, 792)
    document.new_page(612, 792)
    out = Path(pytest.importorskip("tempfile").mkdtemp()) / "handmade_blank.pdf"
    document.save(out)
    document.close()
    return out.read_bytes()


def test_pdf_without_text_layer_needs_ocr() -> None:
    _refused(_blank_pdf(), "OCR")


def test_encrypted_pdf_is_refused() -> None:
    # A handmade PDF whose trailer names an /Encrypt dictionary PDFium cannot satisfy.
    blank = _blank_pdf()
    body, _, _ = blank.rpartition(b"trailer")
    encrypted = body + (
        b"trailer\n<< /Size 1 /Root 1 0 R /Encrypt << /Filter /Standard /V 2 /R 3 /Length 128"
        b" /O <00> /U <00> /P -4 >> /ID [<00><00>] >>\n%%EOF\n"
    )
    _refused(encrypted, "encrypted")


def test_too_many_pages_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "MAX_PAGES", 1)
    _refused((FIXTURES / "A_RES_78_28.pdf").read_bytes(), "pages, limit 1")


def test_cli_tokens_and_parse(capsys: pytest.CaptureFixture[str]) -> None:
    from unres.cli import main

    path = str(FIXTURES / "A_RES_79_89.pdf")
    assert main(["parse", path]) == 0
    assert '"lineage": "pdf"' in capsys.readouterr().out
    assert main(["tokens", path]) == 0
    assert '"kind"' in capsys.readouterr().out


@pytest.mark.skipif(not CORPUS.exists(), reason="the shared corpus is not beside the repository")
def test_every_corpus_pdf_parses_or_raises_input_error() -> None:
    for path in sorted(CORPUS.rglob("*.pdf")):
        if "ga-78-79-pairs" in path.parts:  # all 258 are read by benchmarks/agreement.py
            continue
        with contextlib.suppress(unres.InputError):
            unres.parse_file(path)


def test_sections_after_the_preamble_of_79_161() -> None:
    # "I" set bold alone above its heading, right after the last preambular clause
    tree = _tree("A_RES_79_161.pdf")
    assert [s.label for s in tree.sections] == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
    first = tree.sections[0]
    assert first.heading.startswith("International Convention on the Elimination of All Forms")
    assert first.page == 5 and first.paragraphs[0].number == "1"
    assert tree.sections[1].paragraphs[0].number == "11"


def test_without_pypdfium2_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # import pypdfium2 now fails
    _refused((FIXTURES / "A_RES_78_28.pdf").read_bytes(), "pip install 'unres[pdf]'")


def test_footnotes_reaching_into_the_footer_band() -> None:
    # page 2 ends with footnote 11 a line pitch above the page number, page 3 with 14
    tree = _tree("A_RES_78_76.pdf")
    pages = {f.marker: f.page for f in tree.footnotes}
    assert pages["11"] == 2 and pages["14"] == 3
    assert tree.footnotes[10].text == "A/48/486-S/26560, annex."
    removed = [r.text for r in tree.removed]
    assert "2/3 23-24928" in removed
