"""Structural misreadings of real text (issue 11), one test per class, on the real files.

Each file of ``fixtures/struct/`` is a byte-for-byte copy of a corpus text (see the
README there). Every test names what used to happen; each asserts what a reader of the
document sees, so it fails on the old behaviour.
"""

from __future__ import annotations

from itertools import pairwise

import pytest
from tests.conftest import FIXTURES

import unres
from unres import coverage
from unres.decode import decode_bytes
from unres.models import Item, Resolution
from unres.parsers.operative import bare_paragraph

STRUCT = FIXTURES / "struct"


def _parse(name: str) -> Resolution:
    """The tree of a fixture, checked to hold every word of the text."""
    data = (STRUCT / name).read_bytes()
    tree = unres.parse_bytes(data)
    assert coverage.check(decode_bytes(data).text, tree).complete
    return tree


def _items(name: str) -> dict[str | None, Resolution]:
    """The items of a compilation fixture, by symbol (a leading fragment under None)."""
    found = unres.parse_all((STRUCT / name).read_text(encoding="utf-8"))
    return {tree.symbol: tree for tree in found}


def _clauses(tree: Resolution) -> list[str]:
    assert tree.preamble is not None
    return [clause.text for clause in tree.preamble.clauses]


def _labels(found: list[Item]) -> list[str]:
    return [item.label for item in found]


# --- a clause whose opening the lexicon does not know ------------------------------------


@pytest.mark.parametrize(
    ("name", "opening", "before"),
    [
        ("A_RES_78_29.pdftotext.txt", "Honouring the memory of and paying tribute", "Determined"),
        ("A_C.3_80_L.39.pdftotext.txt", "Having listened to the peoples", "Stressing also"),
        ("A_RES_80_208.pdftotext.txt", "Having listened to the peoples", "Stressing also"),
        ("A_RES_80_208.pdftotext.txt", "Resolved to take all measures", "Emphasizing the"),
        ("A_RES_78_28.txt", "Marking 30 years since the adoption", "Recalling its resolution"),
    ],
)
def test_unknown_opening_after_a_comma_starts_a_clause(
    name: str, opening: str, before: str
) -> None:
    """Was: the line, after a line ending a clause with a comma, was glued to that clause,
    because its opening word is not in the lexicon."""
    clauses = _clauses(_parse(name))
    found = [index for index, text in enumerate(clauses) if text.startswith(opening)]
    assert len(found) == 1, [text[:40] for text in clauses]
    assert clauses[found[0] - 1].startswith(before)
    assert opening not in clauses[found[0] - 1]


def test_title_case_words_inside_a_quotation_are_no_clause() -> None:
    """``“Declaration on … All States,`` then ``Taking into Particular Account the Needs …”``:
    a participle inside an open quotation continues the title (negative control)."""
    tree = unres.parse_file(FIXTURES / "real" / "A_RES_73_6-EN.txt")
    clauses = _clauses(tree)
    assert not any(text.startswith("Taking into Particular") for text in clauses)
    assert any("Taking into Particular Account the Needs" in text for text in clauses)


# --- an operative verb opening a comma-ended clause of the preamble -----------------------


def test_comma_ended_clause_with_an_operative_verb_stays_in_the_preamble() -> None:
    """Was: ``Underscores its objective …,`` ended the preamble, and ``Determining …`` and
    ``Acting under Chapter VII …`` were merged into one unnumbered operative paragraph."""
    tree = _parse("S_RES_2607_2021-2116773E.txt")
    clauses = _clauses(tree)
    assert len(clauses) == 24  # as the UN's AKN4UN XML of S/RES/2607 (2021) counts them
    assert clauses[-3].startswith("Underscores its objective")
    assert clauses[-2].startswith("Determining that the situation in Somalia")
    assert clauses[-1].startswith("Acting under Chapter VII")
    assert [p.number for p in tree.operative[:2]] == ["1", "2"]
    assert all(p.number is not None for p in tree.operative)


# --- stacked sub-headings --------------------------------------------------------------


def test_second_of_two_stacked_subheadings_is_a_subheading() -> None:
    """Was: ``MINUSMA’s mandate`` then ``General principles``: the second became an
    unnumbered operative paragraph."""
    tree = _parse("S_RES_2423_1810687E.txt")
    headings = [block.text for block in tree.subheadings]
    at = headings.index("MINUSMA’s mandate")
    assert headings[at + 1] == "General principles"
    assert all(p.number is not None for p in tree.operative)


def test_stacked_subheadings_of_the_2030_agenda() -> None:
    """Was: ``Declaration`` then ``Introduction``: ``Introduction`` became a paragraph."""
    tree = _parse("A_RES_70_1.txt")
    headings = [block.text for block in tree.subheadings]
    assert headings[headings.index("Declaration") + 1] == "Introduction"
    assert "Introduction" not in [p.text for p in tree.operative]


# --- a lone asterisk -------------------------------------------------------------------


def test_lone_asterisk_is_a_separator() -> None:
    """Was: the ``*`` line between the preamble and the operative part was counted as a
    preambular clause (S/RES/2713 (2023))."""
    tree = _parse("S_RES_2713-2323995E.txt")
    clauses = _clauses(tree)
    assert "*" not in clauses
    assert clauses[-1].startswith("Acting under Chapter VII")
    assert any(r.kind == "separator" and r.text == "*" for r in tree.removed)


# --- labelled items after a block of text between them --------------------------------


def test_items_after_text_between_items_stay_items() -> None:
    """Was: after ``and urges the Panel …`` (text closing item (c)'s list), items (d) to
    (g) of paragraph 47 of S/RES/2662 (2022) were demoted to wrap-up text."""
    tree = _parse("S_RES_2662-2226129E.txt")
    paragraph = next(p for p in tree.operative if p.number == "47")
    assert _labels(paragraph.items) == ["a", "b", "c", "d", "e", "f", "g"]
    third = paragraph.items[2]
    assert _labels(third.items) == ["i", "ii", "iii"]
    assert [w.text[:28] for w in third.wrap_up] == ["and urges the Panel of Exper"]
    assert paragraph.wrap_up == []


def test_item_heading_then_its_text_then_the_next_item() -> None:
    """Was: ``(b) Republican Dialogue …``, its unlabelled text, then ``(c)``…``(e)`` with
    their sub-items: all demoted to wrap-up text of paragraph 34 (S/RES/2800 (2025))."""
    tree = _parse("S_RES_2800-2518457E.txt")
    paragraph = next(p for p in tree.operative if p.number == "34")
    assert _labels(paragraph.items) == ["a", "b", "c", "d", "e"]
    assert paragraph.items[1].wrap_up[0].text.startswith("To assist the CAR Government")
    assert _labels(paragraph.items[2].items) == ["i", "ii", "iii", "iv", "v"]
    assert paragraph.wrap_up == []


def test_yearbook_items_after_a_block_between_them() -> None:
    """Was: in part C of A/RES/41/213, after footnote lines set between (a) and (b), items
    (b) to (g) of paragraph 1 were wrap-up text. Paragraph 1 stands in section I, whose
    heading (``I<TAB>Recommendations of the Group …``) follows the last clause."""
    tree = _items("A_RES_41_213.txt")["A/RES/41/213"]
    assert tree.operative == []
    section = tree.sections[0]
    assert section.label == "I"
    assert section.heading is not None
    assert section.heading.startswith("Recommendations of the Group of High-Level")
    paragraph = section.paragraphs[0]
    assert paragraph.text.startswith("Decides that the recommendations as agreed upon")
    assert _labels(paragraph.items) == ["a", "b", "c", "d", "e", "f", "g"]


# --- an all-capitals resolution title --------------------------------------------------


@pytest.mark.parametrize(
    ("name", "symbol"),
    [
        ("S_RES_0770_1992_EN_GOLD.txt", "S/RES/770 (1992)"),
        ("S_RES_0797_1992_EN_GOLD.txt", "S/RES/797 (1992)"),
        ("S_RES_0816_1993_EN_GOLD.txt", "S/RES/816 (1993)"),
    ],
)
def test_all_capitals_resolution_title(name: str, symbol: str) -> None:
    """Was: ``RESOLUTION 770 (1992)`` was not read as the title, and the symbol was empty."""
    tree = _parse(name)
    assert tree.symbol == symbol
    assert tree.number == symbol.removeprefix("S/RES/")


# --- a trailing block of footnotes, one a line, with no separator ----------------------


@pytest.mark.parametrize(
    ("name", "notes"),
    [
        (
            "S_RES_0101_1953_EN_GOLD.txt",
            {
                "8": "Ibid., Eighth Year, 630th meeting, paras. 10-68 and appendices I-III.",
                "9": "Ibid., 635th meeting, annex.",
                "10": "Ibid., Fourth Year, Special Supplement No. 1.",
                "11": "Ibid., Eighth Year, Supplement for October, November and December 1933,"
                " document s/3140.",
            },
        ),
        (
            "S_RES_0126_1957_EN_GOLD.txt",
            {
                "6": "Ibid., Twelfth Year, Supplement for April, May and June 1957, document"
                " S/3821.",
                "7": "See footnote 4.",
                "8": "See footnote 5.",
            },
        ),
    ],
)
def test_trailing_footnotes_one_a_line_are_footnotes_each(name: str, notes: dict[str, str]) -> None:
    """Was: ``8 Ibid., …``, ``9 Ibid., …``, … after the adoption line were read as one
    footnote 8 holding the texts of all the others."""
    tree = _parse(name)
    assert {note.marker: note.text for note in tree.footnotes} == notes


def test_footnote_marker_in_the_text_names_a_trailing_footnote() -> None:
    """With footnote 9 read, the ``9`` in ``9 November 1953 9 to`` is its marker, not text."""
    tree = _parse("S_RES_0101_1953_EN_GOLD.txt")
    noting = next(c for c in tree.preamble.clauses if c.text.startswith("Noting the reports"))
    assert noting.footnotes == ["8", "9"]
    assert "27 October 1953 and 9 November 1953 to the Security Council" in noting.text


# --- page-foot footnotes left among the clauses of a yearbook text ---------------------


def test_yearbook_footnote_between_clauses_is_a_footnote() -> None:
    """Was: ``79 A/32/204.`` (the note of ``Secretary-General79``) and ``81 Official
    Records …``, ``82 A/32/118.``, ``83 See A/10112, chap. IV.`` were preambular clauses."""
    items = _items("A_RES_32_162.txt")
    notes = {note.marker: note.text for tree in items.values() for note in tree.footnotes}
    assert notes["79"] == "A/32/204."
    assert notes["82"] == "A/32/118."
    assert notes["83"] == "See A/10112, chap. IV."
    bodies = [body for tree in items.values() for body in (tree, *tree.parts)]
    texts = [c.text for body in bodies if body.preamble for c in body.preamble.clauses]
    assert not any(text[:3] in {"79 ", "81 ", "82 ", "83 "} for text in texts)
    paragraphs = [p for body in bodies for p in body.operative]
    takes_note = next(p for p in paragraphs if p.text.startswith("Takes note of the report"))
    assert takes_note.footnotes == ["79"]
    assert "Secretary-General on the adverse" in takes_note.text


def test_yearbook_footnotes_between_items_are_footnotes() -> None:
    """Was: the six notes ``109 Official Records …`` to ``114 A/41/763, annex.`` between
    items (a) and (b) of A/RES/41/213 C were wrap-up text of the paragraph."""
    tree = _items("A_RES_41_213.txt")["A/RES/41/213"]
    notes = {note.marker: note.text for note in tree.footnotes}
    assert notes["112"] == "A/41/795."
    assert notes["114"] == "A/41/763, annex."
    first = tree.sections[0].paragraphs[0].items[0]  # paragraph 1 of section I
    assert first.wrap_up == []


def test_yearbook_footnotes_after_a_separator_in_the_body() -> None:
    """Was: ``8 Ibid., agenda item 88 …`` and ``9 See Proceedings …`` after a ``---`` rule
    inside the body of A/RES/2205 (XXI) were not footnotes."""
    tree = _parse("A_RES_2205(XXI).txt")
    notes = {note.marker: note.text for note in tree.footnotes}
    assert notes["8"] == "Ibid., agenda item 88, documents A/6396 and Add.1 and 2."
    assert notes["9"].startswith("See Proceedings of the United Nations Conference on Trade")


# --- a label printed before its unit's last line, the first line after -----------------


def test_number_then_last_line_then_first_line_is_one_paragraph() -> None:
    """Was: pdftotext gave ``1.``, ``order;``, a blank line, ``Affirms that everyone …
    international``: paragraph 1 read ``order;`` and the first line became an unnumbered
    paragraph. The paragraph is read in order now, its span holding all three lines."""
    path = STRUCT / "A_RES_80_208.pdftotext.txt"
    source = decode_bytes(path.read_bytes()).text
    tree = _parse(path.name)
    first = tree.operative[0]
    assert first.number == "1"
    assert first.phrase == "Affirms"
    assert first.text == (
        "Affirms that everyone is entitled to a democratic and equitable international order;"
    )
    assert all(p.number is not None for p in tree.operative)
    start, end = first.span
    assert source.index("1.\norder;") == start
    assert source.index("international\n\n2.") + len("international") == end


def test_mended_unit_keeps_the_token_stream_in_source_order() -> None:
    """The mended block's pieces are out of source order; its token is not."""
    text = decode_bytes((STRUCT / "A_RES_80_208.pdftotext.txt").read_bytes()).text
    records = unres.tokenize(text)
    starts = [record.start for record in records]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in pairwise(records))
    assert any(r.text == "order;" and r.kind == "operative-paragraph" for r in records)


def test_label_then_last_line_then_first_line_is_one_item() -> None:
    """Was: ``(a)``, ``people;``, a blank line, ``An assessment of the assistance actually
    received by the Palestinian``: item (a) read ``people;``, and item (b) was demoted."""
    tree = _parse("A_RES_78_121.txt")
    paragraph = next(p for p in tree.operative if p.number == "20")
    assert _labels(paragraph.items) == ["a", "b"]
    assert paragraph.items[0].text == (
        "An assessment of the assistance actually received by the Palestinian people;"
    )
    assert paragraph.wrap_up == []


# --- a paragraph number printed without its full stop -----------------------------------


def test_number_without_full_stop_opens_the_next_paragraph_only() -> None:
    """Was: ``26 Condemns …`` and ``27 Affirms …`` (A/RES/79/160, no full stops printed)
    were glued onto paragraph 25. A number that does not continue the sequence, or that no
    operative phrase follows (a footnote line), stays what it was."""
    text = (FIXTURES / "pairs" / "A_RES_79_160.pdftotext.txt").read_text(encoding="utf-8")
    tree = unres.parse(text)
    by_number = {p.number: p.text for p in tree.operative}
    assert by_number["25"].endswith("“pure” nations;")
    assert by_number["26"].startswith("Condemns without reservation any denial")
    assert by_number["27"].startswith("Affirms its deep commitment to the duty")
    assert bare_paragraph("26 Condemns without reservation", 26) is not None
    assert bare_paragraph("26 Condemns without reservation", 28) is None  # out of sequence
    assert bare_paragraph("14 See A/HRC/38/53, para. 15.", 14) is None  # a footnote's text
