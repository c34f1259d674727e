"""The AKN writer: elements, FRBR URIs, the actor, eIds, footnote places, the renderer table."""

from __future__ import annotations

import inspect
import subprocess
import sys
from collections import Counter

import pytest
from lxml import etree
from tests.conftest import SEED

import unres
from unres.akn_names import AKN_NS
from unres.models import Node
from unres.models import tree as tree_models
from unres.models.findings import Finding
from unres.render.akn import RENDERERS

NS = {"a": AKN_NS}


def _text(element: etree._Element | None) -> str:
    assert element is not None
    return "".join(str(part) for part in element.itertext())


@pytest.fixture(scope="module")
def seed_xml(seed_text: str) -> etree._Element:
    return etree.fromstring(unres.to_akn(unres.parse(seed_text), source=seed_text))


def _node_kinds() -> set[type[Node]]:
    kinds: set[type[Node]] = {Finding}
    for _, value in inspect.getmembers(tree_models, inspect.isclass):
        if issubclass(value, Node) and value is not Node:
            kinds.add(value)
    return kinds


def test_every_node_kind_has_a_renderer() -> None:
    assert _node_kinds() <= set(RENDERERS)


def test_statement_meta_and_frbr(seed_xml: etree._Element) -> None:
    statement = seed_xml.find("a:statement", NS)
    assert statement is not None and statement.get("name") == "resolution"
    work = "/akn/un/statement/deliberation/unga/2002-11-22/57-53"
    assert seed_xml.find(".//a:FRBRWork/a:FRBRuri", NS).get("value") == work  # type: ignore[union-attr]
    assert seed_xml.find(".//a:FRBRExpression/a:FRBRuri", NS).get("value") == f"{work}/eng@"  # type: ignore[union-attr]
    assert seed_xml.find(".//a:FRBRlanguage", NS).get("language") == "eng"  # type: ignore[union-attr]
    eids = {e.get("eId") for e in seed_xml.iterfind(".//a:references/*", NS)}
    assert {"unres", "unga", "meeting", "adoptionDate"} <= eids


def test_cover_page_and_preface(seed_xml: etree._Element) -> None:
    cover = _text(seed_xml.find(".//a:coverPage", NS))
    for fact in ("A/RES/57/53", "General Assembly", "Distr.: General", "30 December 2002",
                 "Fifty-seventh session", "Agenda item 61", "N0254145E", "02-54145"):  # fmt: skip
        assert fact in cover
    assert seed_xml.find(".//a:preface//a:docNumber", NS).text == "57/53."  # type: ignore[union-attr]
    assert seed_xml.find(".//a:preface//a:docTitle", NS).text.startswith("Developments")  # type: ignore[union-attr]
    committee = seed_xml.find(".//a:preface//a:docCommittee", NS)
    assert committee is not None and committee.text == "First Committee"


def test_preamble_paragraphs_points_and_conclusions(seed_xml: etree._Element) -> None:
    containers = seed_xml.findall(".//a:preamble/a:container", NS)
    assert len(containers) == 14
    assert containers[0].get("eId") == "preamble__container_1"
    assert containers[0].find("a:p/a:i", NS).text == "Recalling"  # type: ignore[union-attr]
    paragraphs = seed_xml.findall(".//a:mainBody/a:paragraph", NS)
    assert [p.get("eId") for p in paragraphs] == [f"para_{n}" for n in range(1, 6)]
    points = paragraphs[2].findall("a:list/a:point", NS)
    assert [p.get("eId") for p in points] == [f"para_3__list_1__point_{x}" for x in "abc"]
    assert [p.findtext("a:num", namespaces=NS) for p in points] == ["(a)", "(b)", "(c)"]
    intro = paragraphs[2].find("a:list/a:intro/a:p", NS)
    assert _text(intro).startswith("Invites all Member States")
    event = seed_xml.find(".//a:conclusions//a:event", NS)
    date = seed_xml.find(".//a:conclusions//a:docDate", NS)
    assert event is not None and event.text == "57th plenary meeting"
    assert date is not None and date.get("date") == "2002-11-22"


def test_footnotes_sit_at_their_markers(seed_xml: etree._Element) -> None:
    notes = seed_xml.findall(".//a:authorialNote", NS)
    assert [(n.get("marker"), n.findtext("a:p", namespaces=NS)) for n in notes] == [
        ("1", "See A/51/261, annex."),
        (
            "2",
            "A/54/213, A/55/140 and Corr.1 and Add.1, A/56/164 and Add.1 and A/57/166 and Add.1.",
        ),
    ]
    first = notes[0].getparent()
    assert first is not None
    before = _text(first).split("See A/51/261")[0]
    assert before.endswith("the recommendations that it made,")
    assert _text(notes[1].getparent()).split("A/54/213")[0].endswith("assessments,")


def test_footnote_places_without_the_source_are_word_ends(seed_text: str) -> None:
    root = etree.fromstring(unres.to_akn(unres.parse(seed_text)))
    notes = root.findall(".//a:authorialNote", NS)
    assert len(notes) == 2
    for note in notes:
        previous, parent = note.getprevious(), note.getparent()
        assert parent is not None
        before = (previous.tail if previous is not None else parent.text) or ""
        assert before and not before.endswith(" ")
        assert (note.tail or "") == "" or (note.tail or "").startswith(" ")


def test_eids_are_unique_and_deterministic(seed_text: str) -> None:
    resolution = unres.parse(seed_text)
    first, second = unres.to_akn(resolution), unres.to_akn(resolution)
    assert first == second
    counts = Counter(e.get("eId") for e in etree.fromstring(first).iter() if e.get("eId"))
    assert counts and max(counts.values()) == 1


def test_actor_is_configurable_and_checked(seed_text: str) -> None:
    resolution = unres.parse(seed_text)
    root = etree.fromstring(unres.to_akn(resolution, actor="un-ga"))
    uri = root.find(".//a:FRBRWork/a:FRBRuri", NS).get("value")  # type: ignore[union-attr]
    assert uri == "/akn/un/statement/deliberation/un-ga/2002-11-22/57-53"
    with pytest.raises(ValueError):
        unres.to_akn(resolution, actor="un ga")


def test_cli_parse_format_akn() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "unres", "parse", str(SEED), "--format", "akn", "--actor", "ga"],
        capture_output=True, check=True,
    ).stdout  # fmt: skip
    root = etree.fromstring(out)
    assert root.find(".//a:FRBRauthor", NS).get("href") == "#ga"  # type: ignore[union-attr]
    bad = subprocess.run(
        [sys.executable, "-m", "unres", "parse", str(SEED), "--format", "akn", "--actor", "a b"],
        capture_output=True,
    )  # fmt: skip
    assert bad.returncode == 2 and bad.stderr.startswith(b"unres: actor")
