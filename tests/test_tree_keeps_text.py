"""The tree keeps the words it reads fields from: heading lines, printed labels, marker places."""

from __future__ import annotations

import pytest
from tests.conftest import FIXTURES, SEED

import unres


@pytest.fixture(scope="module")
def seed() -> unres.Resolution:
    return unres.parse_file(SEED)


def test_heading_lines_are_kept_as_printed(seed: unres.Resolution) -> None:
    assert [(line.kind, line.text) for line in seed.heading] == [
        ("organ-line", "Resolution adopted by the General Assembly"),
        ("report-line", "[on the report of the First Committee (A/57/505)]"),
        (
            "title",
            "57/53. Developments in the field of information and telecommunications"
            " in the context of international security",
        ),
    ]
    text = SEED.read_text(encoding="utf-8")
    for line in seed.heading:
        assert text[line.span[0] : line.span[1]].split() == line.text.split()


def test_security_council_resolution_line_is_kept() -> None:
    tree = unres.parse_file(FIXTURES / "real" / "S_RES_2118(2013).txt")
    assert tree.number == "2118 (2013)"
    assert any(line.text.startswith("Resolution 2118 (2013)") for line in tree.heading)


def test_ocr_label_read_otherwise_keeps_the_printed_one() -> None:
    tree = unres.parse_file(FIXTURES / "real" / "S_RES_0242_1967_EN_GOLD.txt")
    items = [item for p in tree.all_paragraphs() for item in p.items]
    first = next(item for item in items if item.label == "i")
    assert first.printed_label == "1"
    assert all(item.printed_label is None for item in items if item is not first)


def test_marker_place_in_the_node_text(seed: unres.Resolution) -> None:
    assert seed.preamble is not None
    placed = [
        (clause.text[: ref.at], ref.marker, ref.at == len(clause.text))
        for clause in seed.preamble.clauses
        for ref in clause.footnote_refs
    ]
    assert [(before.split()[-3:], marker, last) for before, marker, last in placed] == [
        (["that", "it", "made,"], "1", True),
        (["containing", "those", "assessments,"], "2", True),
    ]


@pytest.mark.parametrize(
    ("line", "text", "places"),
    [
        ("Decides that x,3,4 and y5.", "Decides that x, and y.", [15, 15, 21]),
        ("Decides  that\t x1  and y.", "Decides that x and y.", [14]),
        ("Notes Goals1 and targets,2", "Notes Goals and targets,", [11, 24]),
    ],
    ids=["group-and-end", "folded-spaces", "glued-to-word"],
)
def test_marker_places_survive_collapsed_layout(line: str, text: str, places: list[int]) -> None:
    paragraph = unres.parse(f"The General Assembly,\n\t1.\t{line}\n").operative[0]
    assert paragraph.text == text
    assert [ref.at for ref in paragraph.footnote_refs] == places
