"""Subheadings: short lines grouping preambular clauses or operative paragraphs.

S/RES/2232 (2015) groups its clauses under ``AMISOM`` and ``UNSOM`` and its
paragraphs under four more; the UN writes them as ``block name="subheading"``
in the preamble and as a paragraph holding only a ``subheading`` in the body.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

import unres
from unres.akn_names import AKN_NS
from unres.models import Resolution

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "real" / "S_RES_2232(2015).txt"
NS = {"a": AKN_NS}


@pytest.fixture(scope="module")
def resolution() -> Resolution:
    return unres.parse_file(FIXTURE)


def test_preamble_subheadings_stand_between_clauses(resolution: Resolution) -> None:
    preamble = resolution.preamble
    assert preamble is not None
    assert [s.text for s in preamble.subheadings] == ["AMISOM", "UNSOM"]
    assert len(preamble.clauses) == 15
    starts = [clause.span[0] for clause in preamble.clauses]
    first, second = (s.span[0] for s in preamble.subheadings)
    assert starts[4] < first < starts[5]  # after "Reiterating", before the first "Welcoming"
    assert starts[10] < second < starts[11]  # before "Commending"
    assert not any(c.text in ("AMISOM", "UNSOM") for c in preamble.clauses)


def test_operative_subheadings_keep_the_paragraphs_whole(resolution: Resolution) -> None:
    texts = [s.text for s in resolution.subheadings]
    assert texts == ["AMISOM", "Somali National Security Forces", "UNSOM", "Somalia"]
    paragraphs = {p.number: p for p in resolution.operative}
    assert len(paragraphs) == 36 and not resolution.sections
    assert resolution.subheadings[1].span[0] > paragraphs["16"].span[1]
    assert resolution.subheadings[1].span[1] < paragraphs["17"].span[0]
    assert not paragraphs["16"].wrap_up  # the subheading is not the paragraph's text
    assert [i.label for i in paragraphs["5"].items] == ["i", "ii", "iii"]
    assert not resolution.unparsed


def test_akn_writes_subheadings_as_the_un_does(resolution: Resolution) -> None:
    xml = unres.to_akn(resolution, source=FIXTURE.read_text("utf-8"))
    root = etree.fromstring(xml)
    preamble = root.find(".//a:preamble", NS)
    assert preamble is not None
    names = [etree.QName(child).localname for child in preamble]
    assert names[:7] == ["formula", *["container"] * 5, "block"]
    blocks = preamble.findall("a:block[@name='subheading']", NS)
    assert ["".join(b.itertext()) for b in blocks] == ["AMISOM", "UNSOM"]
    body = root.find(".//a:mainBody", NS)
    assert body is not None
    heads = body.findall("a:paragraph/a:subheading", NS)
    assert len(heads) == 4
    first = body[0]
    assert [etree.QName(child).localname for child in first] == ["subheading"]


def test_akn_reads_subheadings_back(resolution: Resolution) -> None:
    back = unres.from_akn(unres.to_akn(resolution, source=FIXTURE.read_text("utf-8")))
    assert back.preamble is not None and resolution.preamble is not None
    assert [s.text for s in back.preamble.subheadings] == ["AMISOM", "UNSOM"]
    assert [s.text for s in back.subheadings] == [s.text for s in resolution.subheadings]
    assert len(back.preamble.clauses) == 15 and not back.sections


UN_BODY = b"""<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
<statement name="resolution"><preamble>
<formula name="enactingFormula"><p>The Security Council,</p></formula>
<container name="Recalling"><p>Recalling its resolutions,</p></container>
<block name="subheading">AMISOM</block>
<container name="Welcoming"><p>Welcoming the report,</p></container>
</preamble><mainBody>
<paragraph><subheading>Arms Embargo</subheading></paragraph>
<paragraph><num>1.</num><content><p>Decides to renew the measures;</p></content></paragraph>
<paragraph><num>A.</num><subheading>Targeted sanctions</subheading></paragraph>
<paragraph><num>2.</num><content><p>Decides to remain seized of the matter.</p></content></paragraph>
</mainBody></statement></akomaNtoso>"""


def test_un_subheadings_are_not_sections_or_unparsed() -> None:
    read = unres.from_akn(UN_BODY)
    assert read.preamble is not None
    assert [s.text for s in read.preamble.subheadings] == ["AMISOM"]
    assert len(read.preamble.clauses) == 2
    assert [s.text for s in read.subheadings] == ["Arms Embargo"]
    assert [p.number for p in read.operative] == ["1"]
    assert [(s.label, s.heading) for s in read.sections] == [("A", "Targeted sanctions")]
    assert not read.unparsed
