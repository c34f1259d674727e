"""Every AKN export validates against the OASIS AKN 3.0 schema shipped with unres."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from tests.akn_files import corpus_derived_texts, corpus_xml, fixture_texts, fixture_xml, ids

import unres
from unres.akn_names import UNRES_NS
from unres.akn_schema import validate, validator
from unres.decode import decode


def _export(path: Path) -> bytes:
    text, _ = decode(path.read_bytes())
    return unres.to_akn(unres.parse_file(path), source=text)


def test_schema_compiles_offline_from_the_package() -> None:
    schema = validator()
    assert schema is validator()  # compiled once
    example = Path(__file__).resolve().parent.parent.parent / "shared" / "akn4un"
    sample = example / "example-A_RES_57_53-abridged.xml"
    if sample.is_file():
        assert validate(sample.read_bytes()) == []


def test_schema_reports_errors_with_lines() -> None:
    errors = validate(b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"/>')
    assert errors and errors[0].startswith("line 1: ")


@pytest.mark.parametrize("path", fixture_texts(), ids=ids(fixture_texts()))
def test_fixture_texts_export_valid_akn(path: Path) -> None:
    assert validate(_export(path)) == []


@pytest.mark.parametrize("path", fixture_xml(), ids=ids(fixture_xml()))
def test_imported_un_fixtures_export_valid_akn(path: Path) -> None:
    assert validate(unres.to_akn(unres.from_akn(path.read_bytes()))) == []


def test_illegal_characters_are_replaced_and_recorded(seed_text: str) -> None:
    dirty = seed_text.replace(
        "Recalling its resolutions", "Recalling\x01 its\x02 resolutions\ud800", 1
    )
    xml = unres.to_akn(unres.parse(dirty))
    assert validate(xml) == []
    record = etree.fromstring(xml).find(f".//{{{UNRES_NS}}}replacedCharacters")
    assert record is not None
    assert record.get("count") == "3"
    assert record.text == "U+0001 U+0002 U+D800"
    assert "\ufffd its\ufffd resolutions\ufffd" in xml.decode("utf-8")


CORPUS_TEXTS = corpus_derived_texts()


@pytest.mark.skipif(not CORPUS_TEXTS, reason="shared corpus not present")
def test_every_corpus_text_that_parses_exports_valid_akn() -> None:
    exported, invalid = 0, []
    for path in CORPUS_TEXTS:
        try:
            xml = _export(path)
        except unres.InputError:
            continue  # the text parser refuses it: nothing to export
        exported += 1
        errors = validate(xml)
        if errors:
            invalid.append(f"{path.name}: {errors[0]}")
    assert invalid == []
    assert exported >= 250  # 286 of 333 parse today; guards against a silent empty run


CORPUS_XML = corpus_xml()


@pytest.mark.skipif(not CORPUS_XML, reason="shared corpus not present")
def test_every_imported_corpus_xml_exports_valid_akn() -> None:
    invalid = [
        path.name
        for path in CORPUS_XML
        if validate(unres.to_akn(unres.from_akn(path.read_bytes())))
    ]
    assert invalid == []
    assert len(CORPUS_XML) == 115
