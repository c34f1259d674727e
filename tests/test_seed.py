"""The seed resolution A/RES/57/53, raw ODS text: every fact checked by reading it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from tests.conftest import SEED

import unres

PHRASES = [
    "Recalling", "Recalling also", "Noting", "Affirming", "Recalling", "Bearing in mind",
    "Noting", "Expressing concern", "Considering", "Noting", "Taking note", "Welcoming",
    "Considering", "Confirming",
]  # fmt: skip


@pytest.fixture(scope="module")
def seed() -> unres.Resolution:
    return unres.parse_file(SEED)


def test_heading(seed: unres.Resolution) -> None:
    assert seed.symbol == "A/RES/57/53"
    assert seed.organ == "General Assembly"
    assert seed.number == "57/53"
    assert seed.session == 57
    assert seed.title == (
        "Developments in the field of information and telecommunications"
        " in the context of international security"
    )
    assert seed.report is not None
    assert (seed.report.committee, seed.report.symbol) == ("First Committee", "A/57/505")


def test_preamble(seed: unres.Resolution) -> None:
    assert seed.preamble is not None
    assert seed.preamble.formula is not None
    assert seed.preamble.formula.text == "The General Assembly,"
    clauses = seed.preamble.clauses
    assert [c.phrase for c in clauses] == PHRASES
    assert all(c.phrase_known for c in clauses)
    assert {i + 1: c.footnotes for i, c in enumerate(clauses) if c.footnotes} == {
        6: ["1"],
        11: ["2"],
    }
    assert clauses[5].text.endswith("the recommendations that it made,")
    assert (
        clauses[10].text
        == "Taking note of the reports of the Secretary-General containing those assessments,"
    )


def test_operative(seed: unres.Resolution) -> None:
    paragraphs = seed.operative
    assert [p.number for p in paragraphs] == ["1", "2", "3", "4", "5"]
    assert [p.phrase for p in paragraphs] == [
        "Calls upon",
        "Considers",
        "Invites",
        "Requests",
        "Decides",
    ]
    assert [i.label for i in paragraphs[2].items] == ["a", "b", "c"]
    assert (
        paragraphs[2].items[2].text
        == "The content of the concepts mentioned in paragraph 2 of the present resolution;"
    )
    assert all(not p.items for i, p in enumerate(paragraphs) if i != 2)


def test_adoption_footnotes_metadata(seed: unres.Resolution) -> None:
    assert seed.adoption is not None
    assert seed.adoption.meeting == "57th plenary meeting"
    assert seed.adoption.meeting_number == 57
    assert seed.adoption.date == "2002-11-22"
    assert [(f.marker, f.text) for f in seed.footnotes] == [
        ("1", "See A/51/261, annex."),
        (
            "2",
            "A/54/213, A/55/140 and Corr.1 and Add.1, A/56/164 and Add.1 and A/57/166 and Add.1.",
        ),
    ]
    meta = seed.metadata
    assert meta.job_number == "N0254145E"
    assert meta.symbols == ["A/RES/57/53"]
    assert meta.distribution == "General"
    assert meta.issue_date == "2002-12-30"
    assert meta.session_title == "Fifty-seventh session"
    assert meta.agenda_items == ["61"]
    assert meta.print_job == "02-54145"
    assert meta.encoding == "utf-8"
    assert meta.lineage == "ods-word"


def test_nothing_unparsed_and_noise_recorded(seed: unres.Resolution, seed_text: str) -> None:
    assert seed.unparsed == []
    kinds = {r.kind for r in seed.removed}
    assert {"word-marker", "ods-tag", "separator", "page-number", "page-header"} <= kinds
    for removal in seed.removed:
        assert seed_text[removal.span[0] : removal.span[1]] == removal.text


def test_spans_hold_the_text(seed: unres.Resolution, seed_text: str) -> None:
    for clause in seed.preamble.clauses if seed.preamble else []:
        start, end = clause.span
        assert seed_text[start:end].startswith(clause.phrase)
        for ref in clause.footnote_refs:
            assert seed_text[ref.span[0] : ref.span[1]] == ref.marker
    for paragraph in seed.operative:
        assert seed_text[paragraph.span[0] :].startswith(f"{paragraph.number}.\t")


def test_cli_parse_json_gives_the_facts() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "unres", "parse", str(SEED), "--format", "json"],
        capture_output=True, check=True, text=True, encoding="utf-8",
    ).stdout  # fmt: skip
    data = json.loads(out)
    assert data["symbol"] == "A/RES/57/53"
    assert len(data["preamble"]["clauses"]) == 14
    assert data["preamble"]["clauses"][0]["phrase"] == "Recalling"
    assert data["operative"][0]["number"] == "1"
    assert data["footnotes"][0] == {
        "marker": "1",
        "text": "See A/51/261, annex.",
        "span": [5029, 5051],
    }
    assert data["adoption"]["date"] == "2002-11-22"
    assert data["metadata"]["job_number"] == "N0254145E"
    assert data["references"] == [] or all("symbol" in r for r in data["references"])
