"""Crashes and hangs found by the property tests and the fuzzer, kept as regression tests.

Each test names what used to happen. Time bounds here are generous (a slow CI machine must
pass them); the inputs are sized so that the old behaviour took many times longer.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from tests.conftest import SEED

import unres
from unres import coverage
from unres.decode import decode_bytes
from unres.models import Item
from unres.parsers.items import MAX_DEPTH


def _seed_with_items(lines: str) -> str:
    seed = SEED.read_text(encoding="utf-8")
    head, tail = seed.split("\t3.\tInvites", 1)
    return head + "\t3.\tInvites:\n" + lines + "\t4.\tRequests" + tail.split("\t4.\tRequests", 1)[1]


def _depth(items: list[Item]) -> int:
    depth = 0
    level = items
    while level:
        depth += 1
        level = level[-1].items
    return depth


def test_ten_thousand_nested_items_do_not_recurse_without_bound() -> None:
    """Was: RecursionError. Every ``(a)`` opened a level under the previous item, 10,000 deep."""
    text = _seed_with_items("\t(a)\tText;\n" * 10_000)
    started = time.perf_counter()
    tree = unres.parse(text)
    elapsed = time.perf_counter() - started
    items = tree.operative[2].items
    assert _depth(items) == MAX_DEPTH
    assert unres.to_json(tree)  # the JSON encoder walks the tree recursively too
    assert elapsed < 30, f"{elapsed:.1f}s for 10,000 items"


def test_nested_items_keep_every_item() -> None:
    """The depth cap moves items, never drops them: all 300 are in the tree."""
    tree = unres.parse(_seed_with_items("\t(i)\tText;\n" * 300))
    count = 0
    stack = list(tree.operative[2].items)
    while stack:
        item = stack.pop()
        count += 1
        stack.extend(item.items)
    assert count == 300


def test_many_markers_in_one_paragraph_is_linear() -> None:
    """Was: quadratic. Each marker looked through all markers of its node for a group comma:
    20,000 glued numbers in one paragraph took about 15 s."""
    text = "The General Assembly,\n\t1.\tDecides " + "x1, " * 20_000 + "\n"
    started = time.perf_counter()
    tree = unres.parse(text)
    elapsed = time.perf_counter() - started
    assert len(tree.operative[0].footnote_refs) == 20_000
    assert elapsed < 10, f"{elapsed:.1f}s for 20,000 markers"


def test_marker_group_comma_still_goes_with_the_group() -> None:
    tree = unres.parse("The General Assembly,\n\t1.\tDecides that x,3,4 and y.\n")
    paragraph = tree.operative[0]
    assert [ref.marker for ref in paragraph.footnote_refs] == ["3", "4"]
    assert paragraph.text == "Decides that x, and y."


def test_long_run_of_continuation_lines_is_linear() -> None:
    """Was: quadratic. Every continuation line re-joined the whole paragraph so far:
    20,000 lines after a paragraph number took about 90 s."""
    text = "The General Assembly,\n\t1.\tDecides\n" + "more words of the paragraph\n" * 20_000
    started = time.perf_counter()
    tree = unres.parse(text)
    elapsed = time.perf_counter() - started
    assert tree.operative[0].text.count("more words") == 20_000
    assert elapsed < 20, f"{elapsed:.1f}s for 20,000 continuation lines"


def test_large_page_foot_footnote_zone_is_linear() -> None:
    """Was: quadratic. Splitting a footnote zone into lone markers and texts tested list
    membership for every line: 8,000 zone lines took about 9 s, 20,000 about a minute."""
    body = "The General Assembly,\n1.\nDecides word\n2.\nDecides word\n3.\nDecides\n" + "_" * 18
    zone = "".join(f"{i % 99 + 1}\n" if i % 2 else "See text here.\n" for i in range(20_000))
    started = time.perf_counter()
    tree = unres.parse(f"{body}\n{zone}")
    elapsed = time.perf_counter() - started
    assert tree.metadata.lineage == "pdf-text"
    assert len(tree.footnotes) == 10_000
    assert elapsed < 20, f"{elapsed:.1f}s for a zone of 20,000 lines"


def _outside(tree: unres.Resolution) -> list[str]:
    found = []
    for part in tree.parts:
        for child in (part.preamble, part.adoption, *part.operative, *part.sections):
            if (
                child is not None
                and not part.span[0] <= child.span[0] <= child.span[1] <= part.span[1]
            ):
                found.append(f"{type(child).__name__} {child.span} outside part {part.span}")
    for annex in tree.annexes:
        for block in annex.content:
            if not annex.span[0] <= block.span[0] <= block.span[1] <= annex.span[1]:
                found.append(f"{type(block).__name__} {block.span} outside annex {annex.span}")
    return found


def test_part_span_holds_a_formula_only_preamble_and_sections() -> None:
    """Was: a part's span ended before its formula (and its sections): found by hypothesis."""
    first = "The General Assembly,\n\t1.\tDecides x;\n57th plenary meeting\nB\n"
    for second in (
        "The General Assembly,\n",
        "The General Assembly,\n\t1.\tDecides y;\nII.\tA section\n\t2.\tDecides z;\n",
    ):
        tree = unres.parse(first + second)
        assert len(tree.parts) == 2
        assert not _outside(tree)


def test_annex_span_holds_a_label_line_read_as_text() -> None:
    """Was: a sub-item line with no paragraph above it, in an annex, lay outside the annex."""
    text = (
        "The General Assembly,\n\t1.\tDecides x;\n57th plenary meeting\nAnnex\nTitle\n(a)\tItem\n"
    )
    tree = unres.parse(text)
    assert tree.annexes and tree.annexes[0].content
    assert not _outside(tree)


def test_rejoined_hyphenation_survives_a_continuation() -> None:
    """Was: text changed. The PDF rejoiner dropped the hyphen of 'fonda-/mentale' (the joined
    word occurs elsewhere) and glued the halves; build then re-joined the block with the
    paragraph above it plainly, splitting 'fonda mentale'. Found by the fuzzer."""
    text = (
        "The General Assembly,\n1.\nDecides that the Loi fondamentale applies;\n2.\n"
        "Decides that x;\n\nThe Loi fonda-\nmentale is noted.\n3.\nDecides y.\n"
    )
    tree = unres.parse(text)
    assert tree.operative[1].text == "Decides that x; The Loi fondamentale is noted."
    assert coverage.check(text, tree).complete


FUZZ_FOUND = sorted((Path(__file__).resolve().parent.parent / "fuzz" / "regressions").glob("*"))


@pytest.mark.parametrize("path", FUZZ_FOUND, ids=[p.name for p in FUZZ_FOUND])
def test_inputs_the_fuzzer_found(path: Path) -> None:
    """Every input saved from a fuzzing run passes the harness's checks now."""
    from tests.test_properties import check_everything

    check_everything(decode_bytes(path.read_bytes()).text)


def test_long_line_of_symbol_like_parts_is_linear() -> None:
    """Was: quadratic backtracking in the page-header rules for symbols, whose repeated
    '(?:[A-Z0-9.-]++/)+' gave back one part at a time: one 400,000-character line of 'A/'
    took about 25 s to reject (rules 'symbol-title' and 'symbol'). The repetition is possessive now (found by the regex probe)."""
    text = "The General Assembly,\n\t1.\tDecides x;\n" + "A/" * 200_000 + "\n"
    started = time.perf_counter()
    unres.parse(text)
    assert time.perf_counter() - started < 10


@pytest.mark.parametrize("letter", ["ª", "º", "ᴀ", "𝑛", "ß", "ŉ"])
def test_clause_opening_with_a_caseless_lower_letter(letter: str) -> None:
    """Was: RecursionError. ``opening()`` upper-cased the first letter and tried again, for ever,
    when the letter has no one-character upper case (ª, small capitals, mathematical letters)."""
    text = f"The General Assembly,\n\t{letter}Recalling x,\n\t1.\t{letter}Decides y.\n"
    tree = unres.parse(text)
    assert tree.preamble.clauses[0].text.startswith(letter)
    assert tree.operative[0].text.startswith(letter)
