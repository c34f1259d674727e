"""Many resolutions in one text: the split stage, ``parse_all``, ``parse`` and the CLI on them.

The real compilations of ``fixtures/compilations/`` (byte copies of eosg yearbook
renderings) are checked against ``expected.json``, reviewed by reading each text;
the small texts written here are marked ``handmade``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import CORPUS, FIXTURES

import unres
from unres import akn_schema
from unres.coverage import check as coverage_check
from unres.coverage import input_words, tree_words
from unres.models import Resolution
from unres.parsers import compilation, lineage, normalize, split
from unres.parsers.compilation import COMPILATION_CODE
from unres.source import SourceText

HERE = FIXTURES / "compilations"
EXPECTED: dict[str, list[dict[str, Any]]] = json.loads(
    (HERE / "expected.json").read_text(encoding="utf-8")
)["files"]
NAMES = sorted(EXPECTED)


def read(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


def clauses(tree: Resolution) -> int:
    count = len(tree.preamble.clauses) if tree.preamble else 0
    return count + sum(len(part.preamble.clauses) for part in tree.parts if part.preamble)


def observed(tree: Resolution, text: str) -> dict[str, Any]:
    finding = next(f for f in tree.findings if f.code == COMPILATION_CODE)
    return {
        "kind": tree.kind,
        "language": tree.metadata.language,
        "number": tree.number,
        "opens": " ".join(text[finding.span[0] : finding.span[1]].split())[:50],
        "clauses": clauses(tree),
        "paragraphs": len(tree.all_paragraphs()),
        "adoption": [tree.adoption.meeting, tree.adoption.date] if tree.adoption else None,
        "footnotes": [note.marker for note in tree.footnotes],
    }


def test_at_least_ten_reviewed_compilations() -> None:
    assert len(NAMES) >= 10
    assert all((HERE / name).is_file() for name in NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_each_item_as_reviewed(name: str) -> None:
    text = read(name)
    trees = unres.parse_all(text)
    expected = EXPECTED[name]
    assert [t.kind for t in trees] == [e["kind"] for e in expected]
    for index, (tree, want) in enumerate(zip(trees, expected, strict=True)):
        got = observed(tree, text)
        for field, value in want.items():
            if field == "known":
                continue
            if field in want.get("known", {}):
                value = want["known"][field]["parser"]  # the parser's reviewed shortfall
            assert got[field] == value, (index, field, got)


@pytest.mark.parametrize("name", NAMES)
def test_items_own_their_text_and_tokens(name: str) -> None:
    """Every token of the whole text lies in exactly one item; no item holds another's."""
    text = read(name)
    normalized = normalize.normalize(SourceText(text))
    items = compilation.items(
        normalized, lineage.detect(normalized), split.split(text, normalized.lines)
    )
    owned = sorted(
        [
            (piece, index)
            for index, item in enumerate(items)
            for t in item.tokens
            for piece in t.pieces
        ]
        + [((n.start, n.end), index) for index, item in enumerate(items) for n in item.noise]
    )
    pieces = [piece for piece, _ in owned]
    assert len(pieces) == len(set(pieces))
    assert all(a[1] <= b[0] for a, b in pairwise(pieces))
    records = unres.tokenize(text)
    covered = "".join(text[s:e] for s, e in pieces)
    assert "".join(covered.split()) == "".join("".join(r.text for r in records).split())


@pytest.mark.parametrize("name", NAMES)
def test_no_words_lost_across_the_items(name: str) -> None:
    """The items together hold every word of the text once; ``parse`` loses none either."""
    text = read(name)
    first = unres.parse(text)
    report = coverage_check(text, first)
    assert not report.missing and not report.extra, (report.missing[:10], report.extra[:10])
    together: Counter[str] = Counter()
    for tree in unres.parse_all(text):
        together += tree_words(tree)
    whole = input_words(text, first)
    # a marker glued to a number ("1949¹⁰") is one digit run in the other items' removals of
    # ``parse`` and two in the item that cuts the marker out: compare digits one by one
    assert _letters(together) == _letters(whole)
    assert _digits(together) == _digits(whole)


def _letters(counted: Counter[str]) -> Counter[str]:
    return Counter({word: n for word, n in counted.items() if not word.isdigit()})


def _digits(counted: Counter[str]) -> Counter[str]:
    return Counter("".join(word * n for word, n in counted.items() if word.isdigit()))


@pytest.mark.parametrize("name", NAMES)
def test_parse_gives_the_first_resolution_and_names_the_others(name: str) -> None:
    text = read(name)
    trees = unres.parse_all(text)
    first = next(t for t in trees if t.kind == "resolution")
    tree = unres.parse(text)
    assert tree.number == first.number
    assert tree.span == (0, len(text))
    finding = next(f for f in tree.findings if f.code == COMPILATION_CODE)
    assert f"{len(trees) - 1} other item(s)" in finding.message
    assert "at line " in finding.message
    others = [r for r in tree.removed if r.kind == "compilation-item"]
    assert others
    own = {p.number for p in tree.all_paragraphs()}
    assert own == {p.number for p in first.all_paragraphs()}


def test_true_parts_stay_parts() -> None:
    """57/283 B, 75/290 A: one number, parts under it: no split."""
    for name in ("A_RES_57_283_B.txt", "A_RES_75_290_A.txt"):
        text = (FIXTURES / "real" / name).read_text(encoding="utf-8")
        trees = unres.parse_all(text)
        assert len(trees) == 1
        assert not any(f.code == COMPILATION_CODE for f in trees[0].findings)
        assert trees[0] == unres.parse(text)


def test_real_fixtures_are_not_compilations() -> None:
    for path in sorted((FIXTURES / "real").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert split.split(text, normalize.normalize(SourceText(text)).lines) == [], path.name


# --- handmade texts ---------------------------------------------------------------------

HANDMADE_TWO = (
    "the Council will remain seized of the matter.\n"
    "Adopted at the 400th meeting.\n"
    "68 (1949). Resolution of 4 February 1949\n"
    "[S/1234]\n"
    "The Security Council,\n"
    "Noting the report of the Commission,\n"
    "1. Decides to take note of the report;\n"
    "2. Requests the Commission to report again.\n"
    "Adopted at the 410th meeting.\n"
    "Decision\n"
    "At its 411th meeting, on 5 February 1949, the Council decided to adjourn.\n"
    "Resolution 69 (1949)\n"
    "of 6 February 1949\n"
    "The Security Council,\n"
    "1. Decides to meet again.\n"
    "Adopted at the 412th meeting.\n"
)


def test_handmade_fragment_resolution_decision_resolution() -> None:
    trees = unres.parse_all(HANDMADE_TWO)
    assert [(t.kind, t.number) for t in trees] == [
        ("fragment", None),
        ("resolution", "68 (1949)"),
        ("decision", None),
        ("resolution", "69 (1949)"),
    ]
    assert trees[0].symbol is None and trees[0].adoption is not None
    assert trees[1].symbol == "S/RES/68 (1949)"
    assert [p.number for p in trees[1].all_paragraphs()] == ["1", "2"]
    assert trees[1].adoption is not None and trees[1].adoption.meeting_number == 410
    assert [p.number for p in trees[3].all_paragraphs()] == ["1"]
    assert trees[3].adoption is not None and trees[3].adoption.meeting_number == 412
    for tree in trees:
        start, end = tree.span
        assert 0 <= start < end <= len(HANDMADE_TWO)


def test_handmade_wrapped_citation_is_no_number_line() -> None:
    """``73 (1949) of 11 August 1949`` at a line start (a hard wrap) begins nothing."""
    text = (
        "84 (1950). Resolution of 7 July 1950\n"
        "The Security Council,\n"
        "Recalling its resolutions\n"
        "73 (1949) of 11 August 1949, 89 (1950) of 17 November\n"
        "1950,\n"
        "1. Decides to act.\n"
        "Adopted at the 476th meeting.\n"
    )
    assert unres.parse_all(text) == [unres.parse(text)]
    assert split.number_of("73 (1949) of 11 August 1949, 89 (1950) of 17 November") is None


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("1514 (XV). Declaration on the granting of independence", "1514 (XV)"),
        ("84 (1950). Resolution of 7 July 1950", "84 (1950)"),
        ("1 (1946) Resolution of 25 January 1946", "1 (1946)"),
        ("Resolution 242 (1967)", "242 (1967)"),
        ("RESOLUTION 808 (1993)", "808 (1993)"),
        ("Résolution 350 (1974)", "350 (1974)"),
        ("Resolution 290", "290"),
        ("44/127. International Literacy Year", "44/127"),
        ("57/283 B. Pattern of conferences", "57/283"),
        ("ES-10/17. Title", "ES-10/17"),
        ("3. Requests the Secretary-General to report", None),
        ("Resolution 242 (1967) of 22 November 1967, and", None),
    ],
)
def test_number_lines(line: str, number: str | None) -> None:
    assert split.number_of(line) == number


def test_bilingual_columns_are_two_streams() -> None:
    trees = unres.parse_all(read("S_RES_73(1949).txt"))
    english = [t for t in trees if t.metadata.language == "en"]
    french = [t for t in trees if t.metadata.language == "fr"]
    assert [t.kind for t in english] == ["fragment", "resolution", "decision"]
    assert [t.kind for t in french] == ["fragment", "resolution", "decision"]
    resolution = english[1]
    assert all("Conseil" not in p.text for p in resolution.all_paragraphs())


def test_footnotes_go_to_the_item_whose_marker_they_answer() -> None:
    """S/RES/425-427: the notes of a page foot are dealt to 425, 426, the decision, 427."""
    trees = unres.parse_all(read("S_RES_425(1978).txt"))
    by_number = {t.number: [n.marker for n in t.footnotes] for t in trees if t.number}
    assert by_number == {
        "425 (1978)": ["10", "20", "21", "22"],
        "426 (1978)": ["23", "24"],
        "427 (1978)": ["26", "27"],
    }


def test_validate_checks_each_item() -> None:
    text = read("A_RES_487(V).txt")
    trees = unres.parse_all(text)
    for tree in trees:
        codes = [f.code for f in unres.check(tree, text)]
        assert codes.count(COMPILATION_CODE) == 1
    with pytest.raises(ValueError, match="characters"):
        unres.check(trees[-1], text[: trees[-1].span[1] - 1])


def test_items_export_to_valid_akn_and_back() -> None:
    text = read("S_RES_73(1949).txt")
    for tree in unres.parse_all(text):
        xml = unres.to_akn(tree, source=text)
        assert akn_schema.validate(xml) == []
        assert unres.from_akn(xml).kind == tree.kind


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "unres", *args], capture_output=True, text=True, check=False
    )


def test_cli_parse_all_writes_one_tree_a_line() -> None:
    path = HERE / "A_RES_487(V).txt"
    result = _cli("parse", "--all", str(path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [json.loads(line)["number"] for line in lines] == [
        "485 (V)", "486 (V)", "487 (V)", "488 (V)", "489 (V)"
    ]  # fmt: skip


def test_cli_validate_reports_every_item() -> None:
    result = _cli("validate", "--select", "UNR003", str(HERE / "A_RES_487(V).txt"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("UNR003") == 5


def test_report_counts_documents_and_resolutions(tmp_path: Path) -> None:
    for name in ("A_RES_487(V).txt", "S_RES_425(1978).txt"):
        (tmp_path / name).write_bytes((HERE / name).read_bytes())
    (tmp_path / "A_RES_57_283_B.txt").write_bytes(
        (FIXTURES / "real" / "A_RES_57_283_B.txt").read_bytes()
    )
    result = _cli("report", str(tmp_path))
    assert "documents: 3, resolutions found in them: 9 (2 documents are compilations" in (
        result.stdout
    )


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not present")
def test_cr_unsc_pages_are_single_resolutions() -> None:
    """The cr-unsc gold pages each print one resolution: none is split."""
    for path in sorted((CORPUS / "raw" / "cr-unsc-gold").glob("*.txt")):
        assert len(unres.parse_file_all(path)) == 1, path.name


def test_handmade_item_left_empty_by_its_footnote_is_dropped() -> None:
    """A leading 'fragment' that is one page-foot footnote goes to the item carrying its marker."""
    text = (
        "¹ One member did not participate in the voting.\n"
        "At its 5th meeting, on 2 May 1950, the Council decided to meet again.\n"
        "68 (1950). Resolution of 3 May 1950\n"
        "The Security Council,\n"
        "1. Decides to act at once.¹\n"
        "Adopted at the 6th meeting.\n"
    )
    trees = unres.parse_all(text)
    assert [t.kind for t in trees] == ["decision", "resolution"]
    assert [n.marker for n in trees[1].footnotes] == ["1"]
    assert unres.parse(text).number == "68 (1950)"


_INSERTS = (
    "Decision\n",
    "12 (1950). Resolution of 1 May 1950\n",
    "Adopted at the 3rd meeting.\n",
    "A\n",
    "\f",
    "Résolution 7 (1946)\n",
    "At its 5th meeting, on 2 May 1950, the Council decided.\n",
    "¹ One member did not participate in the voting.\n",
    "---\n",
)


@settings(max_examples=40, deadline=None)
@given(
    name=st.sampled_from(NAMES),
    edits=st.lists(
        st.tuples(st.sampled_from("dsiu"), st.integers(0, 10_000), st.integers(0, 10_000)),
        min_size=1,
        max_size=6,
    ),
)
def test_mutated_compilations_stay_lossless(name: str, edits: list[tuple[str, int, int]]) -> None:
    """Lines deleted, swapped, inserted or upper-cased: no crash, spans in bounds, no word lost."""
    lines = read(name).splitlines(keepends=True)
    for op, i, j in edits:
        k = i % len(lines)
        if op == "d" and len(lines) > 2:
            del lines[k]
        elif op == "s":
            lines[k], lines[j % len(lines)] = lines[j % len(lines)], lines[k]
        elif op == "i":
            lines.insert(k, _INSERTS[j % len(_INSERTS)])
        else:
            lines[k] = lines[k].upper()
    text = "".join(lines)
    try:
        trees = unres.parse_all(text)
        tree = unres.parse(text)
    except unres.InputError:
        return
    assert all(0 <= t.span[0] <= t.span[1] <= len(text) for t in trees)
    report = coverage_check(text, tree)
    assert not report.missing and not report.extra
