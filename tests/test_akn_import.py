"""The AKN reader: UN AKN4UN files into the tree, safely, with valid spans."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel
from tests.akn_files import AKN_FIXTURES, corpus_xml, fixture_xml, ids

import unres
from unres.models import Item, Resolution

AKN_HEAD = b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'


def _all_items(items: list[Item]) -> list[Item]:
    return [x for item in items for x in (item, *_all_items(item.items))]


def _spans_valid(resolution: Resolution, length: int) -> None:
    def walk(value: object) -> None:
        if isinstance(value, unres.Resolution | unres.models.Node):
            start, end = value.span
            assert 0 <= start <= end <= length
            for name in type(value).model_fields:
                walk(getattr(value, name))
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                walk(getattr(value, name))

    walk(resolution)


@pytest.fixture(scope="module")
def s2536() -> Resolution:
    return unres.from_akn((AKN_FIXTURES / "S_RES_2536_2020-2010201E.xml").read_bytes())


def test_un_resolution_fields(s2536: Resolution) -> None:
    assert s2536.symbol == "S/RES/2536 (2020)"
    assert s2536.organ == "Security Council"
    assert s2536.number == "2536 (2020)"
    assert s2536.metadata.lineage == "akn"
    assert s2536.metadata.language == "en"
    assert s2536.metadata.distribution == "General"
    assert s2536.preamble is not None and s2536.preamble.formula is not None
    assert s2536.preamble.formula.text == "The Security Council,"
    clauses = s2536.preamble.clauses
    assert len(clauses) == 11
    assert (clauses[0].phrase, clauses[0].phrase_known) == ("Recalling", True)
    assert clauses[0].text.startswith("Recalling all of its previous resolutions")
    assert [p.number for p in s2536.operative] == [str(n) for n in range(1, 16)]
    first = s2536.operative[0]
    assert first.phrase == "Decides"
    assert [i.label for i in first.items] == list("abcdefghi")  # (i) after (h) is a letter
    assert {i.label_style for i in first.items} == {"lower-alpha"}
    assert s2536.adoption is not None
    assert (s2536.adoption.meeting, s2536.adoption.meeting_number) == ("8750th meeting", 8750)
    assert s2536.adoption.date == "2020-07-28"
    assert s2536.adoption.vote is not None and s2536.adoption.vote.in_favour == 15


def test_text_is_collapsed_and_spans_point_into_the_xml(s2536: Resolution) -> None:
    data = (AKN_FIXTURES / "S_RES_2536_2020-2010201E.xml").read_bytes()
    text = data.decode("utf-8")
    _spans_valid(s2536, len(text))
    clause = s2536.preamble.clauses[0] if s2536.preamble else None
    assert clause is not None and "\t" not in clause.text and "  " not in clause.text
    assert text[clause.span[0] :].startswith("<container")
    paragraph = s2536.operative[0]
    assert text[paragraph.span[0] :].startswith("<paragraph")


def test_footnotes_annex_sections_and_sublists() -> None:
    tree = unres.from_akn((AKN_FIXTURES / "S_RES_2713-2323995E.xml").read_bytes())
    assert [(f.marker, f.text[:19]) for f in tree.footnotes] == [
        ("1", "For the purposes of"),
        ("*", "(Not applicable to "),
        ("*", "To be notified to G"),
    ]
    clauses = tree.preamble.clauses if tree.preamble else []
    assert [r.marker for c in clauses for r in c.footnote_refs] == ["1"]
    assert tree.annexes and tree.annexes[0].content
    assert [s.label for s in tree.sections][:3] == ["A", "B", "C"]
    nested = [i for p in tree.all_paragraphs() for i in _all_items(p.items) if i.items]
    assert nested, "a sublist after a point holds that point's sub-items"
    assert any(u.text.startswith("Degrading the threat") for u in tree.unparsed)
    assert any(f.code == "UNR050" for f in tree.findings)


def test_statement_and_draft_kinds() -> None:
    prst = unres.from_akn((AKN_FIXTURES / "S_PRST_2004_21-0439979E.xml").read_bytes())
    assert prst.kind == "statement"
    assert len(prst.operative) >= 10 and all(p.number is None for p in prst.operative)
    draft = unres.from_akn((AKN_FIXTURES / "S_2024_302-2407462E.xml").read_bytes())
    assert draft.kind == "draft"


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "not well-formed"),
        (b"plain text", "not well-formed"),
        (b"<html/>", "not Akoma Ntoso"),
        (AKN_HEAD + b"</akomaNtoso>", "no document element"),
        (
            b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "xx">]>'
            + AKN_HEAD
            + b"&x;</akomaNtoso>",
            "document type declaration",
        ),
        (
            b'<!DOCTYPE a SYSTEM "http://example.invalid/a.dtd">' + AKN_HEAD + b"</akomaNtoso>",
            "document type declaration",
        ),
    ],
    ids=["empty", "text", "html", "no-document", "entity", "external-dtd"],
)
def test_bad_xml_is_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(unres.AknError, match=reason):
        unres.from_akn(data)


def test_billion_laughs_is_not_expanded() -> None:
    laughs = b'<!ENTITY a0 "ha">' + b"".join(
        b'<!ENTITY a%d "&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;">'
        % ((n,) + (n - 1,) * 10)
        for n in range(1, 10)
    )
    data = b"<?xml version='1.0'?><!DOCTYPE akomaNtoso [" + laughs + b"]>" + AKN_HEAD
    data += (
        b"<statement name='resolution'><mainBody><p>&a9;</p></mainBody></statement></akomaNtoso>"
    )
    with pytest.raises(unres.AknError):
        unres.from_akn(data)


def test_size_limit_and_type() -> None:
    with pytest.raises(unres.AknError, match="too large"):
        unres.from_akn(AKN_HEAD + b" " * 100 + b"</akomaNtoso>", max_bytes=50)
    with pytest.raises(unres.AknError, match="expected bytes or str"):
        unres.from_akn(["<akomaNtoso/>"])  # type: ignore[arg-type]
    assert issubclass(unres.AknError, unres.InputError)


def test_cli_detects_xml_input(tmp_path: Path) -> None:
    path = AKN_FIXTURES / "S_RES_2536_2020-2010201E.xml"
    out = subprocess.run(
        [sys.executable, "-m", "unres", "parse", str(path), "--compact"],
        capture_output=True, check=True, text=True, encoding="utf-8",
    ).stdout  # fmt: skip
    assert '"lineage": "akn"' in out and '"symbol": "S/RES/2536 (2020)"' in out
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b"<?xml version='1.0'?><akomaNtoso><unclosed")
    done = subprocess.run([sys.executable, "-m", "unres", "parse", str(bad)], capture_output=True)
    assert done.returncode == 2
    assert done.stderr.startswith(f"unres: {bad}: not well-formed XML".encode())
    assert done.stderr.count(str(bad).encode()) == 1 and done.stderr.count(b"\n") == 1


@pytest.mark.parametrize("path", fixture_xml(), ids=ids(fixture_xml()))
def test_fixture_xml_imports(path: Path) -> None:
    data = path.read_bytes()
    tree = unres.from_akn(data)
    _spans_valid(tree, len(data.decode("utf-8")))
    assert tree.all_paragraphs() or tree.preamble is not None


CORPUS_XML = corpus_xml()


@pytest.mark.skipif(not CORPUS_XML, reason="shared corpus not present")
def test_all_115_un_files_import() -> None:
    failed = []
    for path in CORPUS_XML:
        try:
            tree = unres.from_akn(path.read_bytes())
        except unres.AknError as err:
            failed.append(f"{path.name}: {err}")
            continue
        assert tree.metadata.lineage == "akn"
    assert failed == []
    assert len(CORPUS_XML) == 115


@pytest.mark.parametrize("language", ["E", "F", "S"])
def test_organ_is_one_name_in_every_language_and_the_actor_follows_it(language: str) -> None:
    """``organ`` is canonical, ``organ_name`` as printed; the FRBR actor comes from ``organ``."""
    tree = unres.from_akn((AKN_FIXTURES / f"S_RES_2536_2020-2010201{language}.xml").read_bytes())
    assert tree.organ == "Security Council"
    printed = {"E": "Security Council", "F": "Conseil de sécurité", "S": "Consejo de Seguridad"}
    assert tree.organ_name == printed[language]
    xml = unres.to_akn(tree)
    assert b"/akn/un/statement/deliberation/unsc/" in xml
    again = unres.from_akn(xml)
    assert (again.organ, again.organ_name) == (tree.organ, tree.organ_name)


@pytest.mark.parametrize(
    ("printed", "canonical"),
    [("Conseil de sécurité", "Security Council"), ("Asamblea General", "General Assembly"),
     ("CONSEIL  DE SÉCURITÉ", "Security Council"), ("Trusteeship Council", "Trusteeship Council")],
)  # fmt: skip
def test_canonical_organ(printed: str, canonical: str) -> None:
    from unres.lexicon import canonical_organ

    assert canonical_organ(printed) == canonical
