"""The validation library: its building blocks, the catalogue, and the public entry point."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import SEED

import unres
from unres.lines import LineIndex
from unres.validate import CODES, RULES, Selection
from unres.validate.labels import readings, roman, show
from unres.validate.markers import glued_markers
from unres.validate.sequence import describe, faults


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([1, 2, 3], []),
        ([1, 2, 4, 5], [(2, "gap", (3,))]),
        ([1, 3, 2, 4], [(2, "order", ())]),
        ([2, 1, 3], [(1, "order", ())]),
        ([1, 2, 2, 3], [(2, "repeat", ())]),
        ([3, 4], [(0, "gap", (1, 2))]),
        ([1, 5], [(1, "gap", (2, 3, 4))]),
    ],
    ids=["in-order", "gap", "swap", "swap-first", "repeat", "late-start", "long-gap"],
)
def test_sequence_faults(
    values: list[int], expected: list[tuple[int, str, tuple[int, ...]]]
) -> None:
    assert [(f.index, f.kind, f.missing) for f in faults(values)] == expected


def test_describe_missing_values() -> None:
    assert describe((3,), str) == "3"
    assert describe((3, 4), str) == "3 and 4"
    assert describe((3, 4, 5, 6), str) == "3 to 6"
    assert describe((3, 5, 6), str) == "3, 5 and 6"


def test_label_readings() -> None:
    assert readings("c") == (("lower-alpha", 3), ("lower-roman", 100))
    assert readings("iv") == (("lower-roman", 4),)
    assert readings("ii") == (("lower-alpha", 35), ("lower-roman", 2))
    assert readings("iiii") == (("lower-alpha", 87),)  # not a canonical Roman numeral
    assert readings("aa") == (("lower-alpha", 27),)
    assert readings("C") == (("upper-alpha", 3), ("upper-roman", 100))
    assert readings("12") == (("decimal", 12),)
    assert roman(1994) == "mcmxciv"
    assert show("lower-alpha", 27, "()") == "(aa)"
    assert show("upper-roman", 4, ".") == "IV."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("it made,1 and", ["1"]),
        ("Goals3,4 and", ["3", "4"]),
        ("Israel,²⁰ and", ["20"]),
        ("Agenda 21,\u00a04/ and", ["4"]),
        ("resolution 78/283,2 of", ["2"]),
        ("resolution 48/96 of", []),
        ("A/54/213, annex", []),
        ("COVID-19, and", []),
        ("Add.1 and para.3, and", []),
        ("1,000 dollars", []),
        ("2.5 per cent", []),
        ("in 1990s and", []),
    ],
)
def test_glued_markers(text: str, expected: list[str]) -> None:
    assert [m.marker for m in glued_markers(text, 0, len(text))] == expected


def test_line_index_counts_newlines_only() -> None:
    text = "one\ntwo\fstill two\r\nthree\rfour"
    index = LineIndex(text)
    assert index.position(0) == (1, 1)
    assert index.position(text.index("still")) == (2, 5)
    assert index.position(text.index("three")) == (3, 1)
    assert index.position(text.index("four")) == (4, 1)
    assert index.position(len(text)) == (4, 5)
    assert index.line_text(text.index("three")) == "three"
    assert index.caret(text.index("two"), text.index("two") + 3) == "two\fstill two\n^^^"


def test_catalogue_codes_are_unique_sorted_and_explained() -> None:
    codes = [rule.code for rule in RULES]
    assert codes == sorted(codes) and len(set(codes)) == len(codes)
    assert all(code.startswith("UNR") and len(code) == 6 for code in codes)
    assert {rule.severity for rule in RULES} <= {"error", "warning", "info"}
    for rule in RULES:
        assert rule.summary.endswith(".") and "\n" not in rule.summary
        assert len({r.name for r in RULES}) == len(RULES)


def test_selection_prefixes_and_unknown_codes() -> None:
    assert Selection.of(["UNR12"], None).wants("UNR121")
    assert not Selection.of(["UNR12"], None).wants("UNR101")
    assert not Selection.of(None, ["unr1"]).wants("UNR131")
    assert Selection.of(None, ["UNR1"]).wants("UNR001")
    with pytest.raises(ValueError, match="unknown rule code 'UNR999'"):
        Selection.of(["UNR999"], None)


def test_check_is_exported_and_validate_stays_the_package() -> None:
    assert "check" in unres.__all__
    assert unres.check is unres.validate.validate
    assert set(CODES) == {rule.code for rule in unres.RULES}


def test_check_without_text_skips_the_rules_that_read_it(seed_text: str) -> None:
    damaged = seed_text.replace("telecommunications systems;\n", "telecommunications systems.\n")
    damaged = damaged.replace("\t(b)\t", "\t(d)\t")
    tree = unres.parse(damaged)
    with_text = {f.code for f in unres.check(tree, damaged)}
    without = {f.code for f in unres.check(tree)}
    assert {"UNR111", "UNR132"} <= with_text
    assert "UNR111" in without and "UNR132" not in without


def test_check_refuses_another_text(seed_text: str) -> None:
    with pytest.raises(ValueError, match="characters"):
        unres.check(unres.parse(seed_text), seed_text + "x")


def test_select_and_ignore_filter_findings(seed_text: str) -> None:
    damaged = seed_text.replace("\t(b)\t", "\t(d)\t")
    tree = unres.parse(damaged)
    assert {f.code for f in unres.check(tree, damaged)} == {"UNR111", "UNR113"}
    assert {f.code for f in unres.check(tree, damaged, select=["UNR113"])} == {"UNR113"}
    assert unres.check(tree, damaged, ignore=["UNR11"]) == []


def test_findings_are_sorted_by_position(seed_text: str) -> None:
    damaged = seed_text.replace("\t(b)\t", "\t(d)\t").replace("Fifty-seventh", "Fifty-eighth")
    found = unres.check(unres.parse(damaged), damaged)
    assert [f.span for f in found] == sorted(f.span for f in found)
    assert len(found) == 3


def test_unknown_parser_codes_pass_through(seed_text: str) -> None:
    tree = unres.parse(seed_text)
    extra = unres.Finding(
        code="UNR009", severity="warning", message="new parser check", span=(0, 1)
    )
    tree = tree.model_copy(update={"findings": [*tree.findings, extra]})
    assert unres.check(tree, seed_text) == [extra]
    assert unres.check(tree, seed_text, ignore=["UNR0"]) == []


LINES = st.sampled_from(SEED.read_text(encoding="utf-8").splitlines(keepends=True))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINES, min_size=1, max_size=60))
def test_shuffled_seed_lines_validate_without_crashing(lines: list[str]) -> None:
    text = "".join(lines)
    try:
        tree = unres.parse(text)
    except unres.InputError:
        return
    found = unres.check(tree, text)
    assert all(0 <= f.span[0] <= f.span[1] <= len(text) for f in found)
    assert found == unres.check(tree, text)
    assert all(f.code in CODES for f in found)
