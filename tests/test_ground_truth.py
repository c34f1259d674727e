"""The ground-truth comparison (benchmarks/ground_truth.py) on one text + XML pair in fixtures/.

The pair is S/RES/1454 (2002): the hand-corrected OCR text and the UN's XML.
The text parser gets every compared fact right on it today; if a parser change
makes the first test fail, the comparison has found a regression.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from lxml import etree
from tests.conftest import FIXTURES, ROOT

import unres

PAIR = FIXTURES / "ground_truth"
TEXT = PAIR / "S_RES_1454_2002_EN_GOLD.txt"
XML = PAIR / "S_RES_1454_N0275941.xml"
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


@pytest.fixture(scope="module")
def ground_truth() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "ground_truth", ROOT / "benchmarks" / "ground_truth.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["ground_truth"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def lineage() -> str:
    """The lineage the parser gives the text (it groups the report; it may change)."""
    return unres.parse_file(TEXT).metadata.lineage


def test_known_equal_pair(ground_truth: ModuleType, lineage: str) -> None:
    pair = ground_truth.Pair("S/RES/1454", TEXT, XML, "cr-unsc-gold")
    outcome = ground_truth.run([pair])
    assert ground_truth.report(outcome) == (
        f"lineage {lineage}: 1 documents compared, 1 exact (100%), 0 mismatches"
    )


def _damage(data: bytes) -> bytes:
    """Paragraph 3 gone, the adoption date moved, a sub-item added to paragraph 1."""
    root = etree.fromstring(data)
    paragraphs = list(root.iter(f"{AKN}paragraph"))
    third = next(p for p in paragraphs if (p.findtext(f"{AKN}num") or "").strip() == "3.")
    parent = third.getparent()
    assert parent is not None
    parent.remove(third)
    for date in root.iter(f"{AKN}docDate"):
        if date.get("refersTo") == "#adoptionDate":
            date.set("date", "2002-12-31")
    first = next(p for p in paragraphs if (p.findtext(f"{AKN}num") or "").strip() == "1.")
    content = first.find(f"{AKN}content")
    assert content is not None
    first.remove(content)
    items = etree.SubElement(first, f"{AKN}list")
    etree.SubElement(items, f"{AKN}intro").append(content[0])
    point = etree.SubElement(items, f"{AKN}point")
    etree.SubElement(point, f"{AKN}num").text = "(a)"
    etree.SubElement(etree.SubElement(point, f"{AKN}content"), f"{AKN}p").text = "Added;"
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def test_damaged_xml_is_reported_field_by_field(
    ground_truth: ModuleType, lineage: str, tmp_path: Path
) -> None:
    damaged = tmp_path / "damaged.xml"
    damaged.write_bytes(_damage(XML.read_bytes()))
    outcome = ground_truth.run([ground_truth.Pair("S/RES/1454", TEXT, damaged, "cr-unsc-gold")])
    lines = [m.line() for m in outcome.mismatches[lineage]]
    assert lines == [
        "S/RES/1454 [cr-unsc-gold] paragraph numbers: "
        "text=['1', '2', '3', '4', '5'] xml=['1', '2', '4', '5']",
        "S/RES/1454 [cr-unsc-gold] sub-items of 1: text=[] xml=['a']",
        "S/RES/1454 [cr-unsc-gold] adoption date: text=2002-12-30 xml=2002-12-31",
    ]
    assert ground_truth.report(outcome).splitlines()[0] == (
        f"lineage {lineage}: 1 documents compared, 0 exact (0%), 3 mismatches"
    )


def test_symbols_and_pairs_from_a_manifest(ground_truth: ModuleType, tmp_path: Path) -> None:
    assert ground_truth.symbol_key("S/RES/1325 (2000)") == "S/RES/1325"
    corpus = tmp_path / "corpus"
    (corpus / "raw" / "cr-unsc-gold").mkdir(parents=True)
    (corpus / "raw" / "unxml-scresolutions-akn4un" / "2002").mkdir(parents=True)
    (corpus / "raw" / "cr-unsc-gold" / TEXT.name).write_bytes(TEXT.read_bytes())
    xml = corpus / "raw" / "unxml-scresolutions-akn4un" / "2002" / XML.name
    xml.write_bytes(XML.read_bytes())
    (corpus / "MANIFEST.tsv").write_text(
        "file\tsymbol\tbody\tlang\tformat\n"
        f"raw/cr-unsc-gold/{TEXT.name}\tS/RES/1454 (2002)\tSC\ten\ttxt\n"
        f"raw/unxml-scresolutions-akn4un/2002/{XML.name}\tS/RES/1454\tSC\ten\takn4un-xml\n",
        encoding="utf-8",
    )
    found = ground_truth.pairs(corpus)
    assert [(p.symbol, p.text.name, p.xml.name, p.source) for p in found] == [
        ("S/RES/1454", TEXT.name, XML.name, "cr-unsc-gold")
    ]
    assert ground_truth.main([str(corpus)]) == 0
