"""The raw ODS Word-export form in its other shapes, made by editing the real seed text.

The corpus holds one raw ODS export (the seed). These tests change it the way other ODS
exports differ — another organ's trailing header, an agenda item title, a decision, an annex,
nested sub-items — and check the parse. Every variant is derived from the seed in the test,
so nothing here is a hand-written fixture file.
"""

from __future__ import annotations

import pytest
from tests.conftest import SEED

import unres

HEADER = (
    "United NationsA/RES/57/53General AssemblyDistr.: General\n"
    "30 December 2002Fifty-seventh session\nAgenda item 61\n"
)


@pytest.fixture(scope="module")
def seed() -> str:
    return SEED.read_text(encoding="utf-8")


def test_security_council_trailing_header(seed: str) -> None:
    text = (
        seed.replace("Resolution adopted by the General Assembly\n", "Resolution 1445 (2002)\n")
        .replace("[on the report of the First Committee (A/57/505)]\n", "")
        .replace(
            "57/53.\tDevelopments",
            "Adopted by the Security Council at its 4653rd meeting, on 4 December 2002\nDevelopments",
        )
        .replace("The General Assembly,", "The Security Council,")
        .replace(
            HEADER,
            "United NationsS/RES/1445 (2002)Security CouncilDistr.: General\n4 December 2002\n",
        )
        .replace(
            "<<ODS DOC SYMBOL1>>A/RES/57/53<<ODS DOC SYMBOL1>>",
            "<<ODS DOC SYMBOL1>>S/RES/1445 (2002)<<ODS DOC SYMBOL1>>",
        )
    )
    tree = unres.parse(text)
    assert tree.organ == "Security Council"
    assert tree.symbol == "S/RES/1445 (2002)"
    assert tree.metadata.distribution == "General"
    assert tree.metadata.issue_date == "2002-12-04"
    assert tree.adoption is not None and tree.adoption.meeting_number == 4653
    assert tree.unparsed == [] or all("Developments" in u.text for u in tree.unparsed)


def test_agenda_item_title_under_the_agenda_line_is_cover(seed: str) -> None:
    text = seed.replace(
        "Agenda item 61\n",
        "Agenda item 61\nDevelopments in the field of information and\ntelecommunications in the context of international security\n",
    )
    tree = unres.parse(text)
    assert tree.unparsed == []
    assert tree.metadata.agenda_items == ["61"]
    kinds = {r.kind for r in tree.removed if "telecommunications in the context" in r.text}
    assert kinds == {"page-header"}


def test_decision_without_formula(seed: str) -> None:
    start = seed.index("\tThe General Assembly,")
    end = seed.index("57th plenary meeting")
    body = "At its 57th plenary meeting, on 22 November 2002, the General Assembly decided to defer consideration of the item.\n"
    text = seed[:start] + body + seed[end:]
    text = text.replace("Resolution adopted by", "Decision adopted by").replace(
        "57/53.\t", "57/512.\t"
    )
    tree = unres.parse(text)
    assert tree.kind == "decision"
    assert tree.number == "57/512"
    assert [p.text[:6] for p in tree.operative] == ["At its"]
    assert tree.unparsed == []


def test_annex_after_the_footnotes(seed: str) -> None:
    anchor = (
        "2 A/54/213, A/55/140 and Corr.1 and Add.1, A/56/164 and Add.1 and A/57/166 and Add.1.\n"
    )
    annex = "Annex\nElements of a study\n1.\tThe study should cover threats;\n2.\tIt should propose measures.\n"
    tree = unres.parse(seed.replace(anchor, anchor + annex))
    assert [(a.label, a.title) for a in tree.annexes] == [("Annex", "Elements of a study")]
    assert [b.kind for b in tree.annexes[0].content] == ["annex-paragraph", "annex-paragraph"]
    assert len(tree.footnotes) == 2


def test_nested_items_roman_under_letters(seed: str) -> None:
    text = seed.replace(
        "\t(b)\tDefinition of basic notions",
        "\t(b)\tDefinitions:\n\t(i)\tOf unauthorized interference;\n\t(ii)\tOf misuse;\n\t(b)\tDefinition of basic notions",
        1,
    ).replace("\t(b)\tDefinition of basic notions", "\t(c)\tDefinition of basic notions", 1)
    paragraph = unres.parse(text).operative[2]
    assert [i.label for i in paragraph.items][:2] == ["a", "b"]
    assert [i.label for i in paragraph.items[1].items] == ["i", "ii"]
    assert paragraph.items[1].items[1].label_style == "lower-roman"


def test_letter_i_after_h_stays_a_letter(seed: str) -> None:
    letters = "abcdefghij"
    items = "".join(f"\t({c})\tItem {c};\n" for c in letters)
    text = seed.replace(
        "\t(a)\tGeneral appreciation of the issues of information security;\n", items
    )
    labels = unres.parse(text).operative[2].items
    assert [i.label for i in labels][:10] == list(letters)
    assert labels[8].label_style == "lower-alpha"
