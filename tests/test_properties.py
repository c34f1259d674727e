"""Property tests: generated and mutated real texts, and the invariants that must hold for all.

Inputs are real resolutions (the seed and ``fixtures/real``) mutated line by
line (lines inserted, deleted, duplicated, shuffled; control characters, NUL,
lone surrogates, very long lines, runs of nested ``(a)`` items, mixed line
breaks ``\\r\\n``/``\\r``/``\\u2028``), plus free text. For every input:

* the parser raises nothing but :class:`unres.InputError`;
* the token stream is a partition of the input (sorted, disjoint, covering
  every non-white-space character);
* every span is in bounds, every child lies inside its parent, and every
  removal's text is the source under its span;
* the flat records of the tree (removals, unparsed text, footnotes) never hold a
  character twice: removals are disjoint, and a removal lies inside a node or apart
  from it, never across its edge or around it;
* parsing is deterministic;
* no text is lost (:func:`unres.coverage.check`);
* the JSON is valid UTF-8, and the AKN XML well-formed (no XML-illegal character);
* the rendered text holds exactly the tree's words and parses again, losing none.

This is the CI fuzzer: bounded by ``max_examples``, with no deadline (a slow
machine must not fail it), a few tens of seconds in all.
"""

from __future__ import annotations

import bisect
import itertools
import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree
from pydantic import BaseModel
from tests.conftest import FIXTURES, SEED, examples

import unres
from unres import coverage, models
from unres.parsers.normalize import _SPACE as BLANKS  # what normalization trims as space
from unres.render.text import to_text

BASES = [SEED.read_text(encoding="utf-8")] + [
    path.read_text(encoding="utf-8") for path in sorted((FIXTURES / "real").glob("*.txt"))
]
RES_1431 = "\t\tResolution 1431 (2002)"
"""A number line that opens a compilation's item (a resolution after the text before it)."""
POOL = sorted({line for text in BASES for line in text.splitlines() if line.strip()})

ODD_CHARACTERS = st.sampled_from(
    ["\x00", "\x01", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u200b", "\ufeff",
     "\ud800", "\udfff", "\u2028", "\u2029", "\ufffe", "\U0010ffff", "\t", "\u00a0"]
)  # fmt: skip
NEWLINES = st.sampled_from(["\n", "\r\n", "\r", "\u2028"])

SETTINGS = settings(
    max_examples=examples(200),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A real text, its lines mutated a few times, joined with a mix of line breaks."""
    lines = draw(st.sampled_from(BASES)).splitlines()
    for _ in range(draw(st.integers(0, 6))):
        lines = draw(_mutation(lines))
    if draw(st.booleans()):
        return "\n".join(lines)
    return "".join(line + draw(NEWLINES) for line in lines)


def _mutation(lines: list[str]) -> st.SearchStrategy[list[str]]:
    size = max(len(lines), 1)
    at = st.integers(0, size - 1)

    def insert(i: int, line: str) -> list[str]:
        return [*lines[:i], line, *lines[i:]]

    def delete(i: int) -> list[str]:
        return lines[:i] + lines[i + 1 :]

    def duplicate(i: int, n: int) -> list[str]:
        return lines[: i + 1] + lines[i : i + 1] * n + lines[i + 1 :]

    def shuffle(i: int, order: list[int]) -> list[str]:
        block = lines[i : i + len(order)]
        return lines[:i] + [block[j] for j in order if j < len(block)] + lines[i + len(order) :]

    def inject(i: int, ch: str, where: float) -> list[str]:
        if not lines:
            return [ch]
        line = lines[i % len(lines)]
        cut = int(len(line) * where)
        return [*lines[:i], line[:cut] + ch + line[cut:], *lines[i + 1 :]]

    def long_line(i: int, word: str, n: int) -> list[str]:
        return insert(i, (word + " ") * n)

    def nested(i: int, n: int, label: str) -> list[str]:
        return lines[:i] + [f"\t({label})\tText {k};" for k in range(n)] + lines[i:]

    return st.one_of(
        st.builds(insert, at, st.sampled_from(POOL) | st.text(max_size=80)),
        st.builds(delete, at),
        st.builds(duplicate, at, st.integers(1, 30)),
        st.builds(shuffle, at, st.permutations(list(range(6)))),
        st.builds(inject, at, ODD_CHARACTERS, st.floats(0, 1)),
        st.builds(long_line, at, st.sampled_from(["word", "x1,", "a", "(a)", "Recalling"]),
                  st.integers(1_000, 5_000)),
        st.builds(nested, at, st.integers(1, 400), st.sampled_from(["a", "i", "1", "A"])),
    )  # fmt: skip


FREE_TEXT = st.text(st.characters(codec=None), min_size=1, max_size=400)


# --- the invariants ----------------------------------------------------------------------


def assert_partition(text: str) -> None:
    """Tokens sorted, disjoint, holding the source under their spans, covering all but blanks.

    Blanks are white space and the invisible characters normalization trims as such
    (zero-width space, byte-order mark, the wide spaces): ``BLANKS``.
    """
    covered = bytearray(len(text))
    previous_end = 0
    for record in unres.tokenize(text):
        assert 0 <= record.start < record.end <= len(text), record
        assert record.start >= previous_end, f"overlap at {record.start}"
        assert text[record.start : record.end] == record.text
        previous_end = record.end
        covered[record.start : record.end] = b"\x01" * (record.end - record.start)
    missing = [
        i for i, ch in enumerate(text) if not covered[i] and not ch.isspace() and ch not in BLANKS
    ]
    assert not missing, f"not covered: {text[missing[0] : missing[0] + 40]!r} at {missing[0]}"


def _children(node: BaseModel) -> Iterator[BaseModel]:
    for name in type(node).model_fields:
        value = getattr(node, name)
        for child in value if isinstance(value, list) else [value]:
            if isinstance(child, models.Node):
                yield child


_LOOSE = {"removed", "findings", "references", "unparsed", "heading", "footnotes", "annexes"}
"""Lists of the resolution whose members need only lie inside it, in any order."""


def assert_spans(tree: unres.Resolution, text: str) -> None:
    """Every span in bounds and inside its parent's; removals hold the source text."""
    stack: list[BaseModel] = [tree]
    while stack:
        node = stack.pop()
        start, end = node.span if isinstance(node, models.Node) else (0, len(text))
        assert 0 <= start <= end <= len(text), f"{type(node).__name__} span {start, end}"
        for child in _children(node):
            low, high = child.span  # type: ignore[attr-defined]
            assert start <= low <= high <= end, (
                f"{type(child).__name__} {low, high} outside {type(node).__name__} {start, end}"
            )
            stack.append(child)
    for removal in tree.removed:
        assert text[removal.span[0] : removal.span[1]] == removal.text


def _nodes(tree: unres.Resolution) -> Iterator[models.Node]:
    stack: list[BaseModel] = [tree]
    while stack:
        for child in _children(stack.pop()):
            yield child  # type: ignore[misc]
            stack.append(child)


_ANNOTATIONS = (models.Finding, models.Removal, models.Reference)
"""Nodes that point at text without holding it: a finding or a reference may lie over a removal."""


def assert_each_character_once(tree: unres.Resolution) -> None:
    """No character in two records: removals disjoint; none crosses or swallows a node.

    A removal may lie inside a node (a page header in a paragraph that runs over a page
    break), but one that covers a node, or part of it, holds that node's text a second time.
    """
    removals = sorted(removal.span for removal in tree.removed)
    for (_, end), (start, _) in itertools.pairwise(removals):
        assert start >= end, f"removals overlap at {start}"
    spans = [
        node.span
        for node in _nodes(tree)
        if node.span[0] < node.span[1] and not isinstance(node, _ANNOTATIONS)
    ]
    starts = sorted(start for start, _ in spans)
    ends = sorted(end for _, end in spans)
    for removal in tree.removed:
        low, high = removal.span
        # a node crosses or lies in the removal iff one of its edges falls strictly inside it
        for edges in (starts, ends):
            at = bisect.bisect_right(edges, low)
            assert at == len(edges) or edges[at] >= high, (
                f"{removal.kind} removal {low, high} overlaps a node edge at {edges[at]}"
            )


def check_everything(text: str) -> None:
    try:
        tree = unres.parse(text)
    except unres.InputError as err:
        assert err.reason and "\n" not in err.reason
        return
    assert_partition(text)
    assert_spans(tree, text)
    assert_each_character_once(tree)
    assert unres.parse(text) == tree, "parsing is not deterministic"
    found = coverage.check(text, tree)
    assert found.complete, found.describe()
    json.loads(unres.to_json(tree).encode("utf-8").decode("utf-8"))
    _xml_is_well_formed(tree, text)
    _render_round_trip(tree)


def _xml_is_well_formed(tree: unres.Resolution, text: str) -> None:
    """The AKN XML holds no XML-illegal character (controls, lone surrogates, U+FFFE)."""
    etree.fromstring(unres.to_akn(tree, source=text))  # raises on a character XML forbids


def _render_round_trip(tree: unres.Resolution) -> None:
    """The rendered text holds exactly the tree's words, and parses again losing none.

    (That the second tree equals the first is checked over the real corpus, in
    ``test_render_text.py``: on mangled input, constructs the parser reads from
    their context, a section heading and the line after it, can read otherwise.)
    """
    text = to_text(tree)
    held = coverage.tree_words(tree) - coverage.removed_words(tree)
    assert coverage.words(text) == held, "the rendering lost or added words"
    try:
        again = unres.parse(text)
    except unres.InputError:
        assert tree.preamble is None and not tree.all_paragraphs(), "a structured tree refused"
        return
    found = coverage.check(text, again)
    assert found.complete, found.describe()


# --- the tests ---------------------------------------------------------------------------


@SETTINGS
@given(mutated())
@example("\t(a)\tText;\n" * 10_000)  # 10,000 nested items (was a RecursionError)
@example("The General Assembly,\r\n\t1.\tDecides\r\rx;\u2028(a)\tb\r\n")
@example(  # a cover block's removal spanned the Distr. line between its pieces
    "               Agency as approved by the General Conference of the Agency on 23 October 1957\n"
    + " " * 111
    + "Distr.: General\n"
    "                        Recognizing the importance of the work of the Agency,\n"
    "          Resolution adopted by the General Assembly on 17 November 2015\n15-16764 (E)"
)
@example(RES_1431 + "\n" + (FIXTURES / "real" / "S_RES_2694-2315069E.txt").read_text("utf-8"))
def test_mutated_real_texts(text: str) -> None:
    check_everything(text)


@SETTINGS
@given(FREE_TEXT)
def test_free_text(text: str) -> None:
    check_everything(text)


UNDERLINES = next(line for line in POOL if line.startswith("5.\tUnderlines that the security"))


@settings(max_examples=examples(150), deadline=None)
@given(st.lists(st.sampled_from(POOL), min_size=1, max_size=80), NEWLINES)
@example(["8.", "8.", "[DU1]", UNDERLINES], "\n")  # its rendering read as PDF text: refused
@example(  # a compilation: the UNR003 finding lies over the other item's removal (allowed)
    [
        "\t\tA.Utilization of conference-servicing resources and facilities",
        next(line for line in POOL if line.startswith("11.\tAs mandated in the past")),
        RES_1431,
    ],
    "\n",
)
def test_real_lines_in_any_order(lines: list[str], newline: str) -> None:
    check_everything(newline.join(lines))


def test_deterministic_across_processes() -> None:
    """Hash randomisation must not change the tree (set and dict order)."""
    import subprocess
    import sys

    code = "import sys, unres; sys.stdout.write(unres.to_json(unres.parse_file(sys.argv[1])))"
    outputs: set[Any] = set()
    for seed in ("1", "2", "3"):
        done = subprocess.run(
            [sys.executable, "-c", code, str(SEED)],
            capture_output=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1


def test_the_once_check_notices_a_removal_over_a_footnote() -> None:
    """The control of ``assert_each_character_once``: a page header made to cover a footnote."""
    tree = unres.parse((FIXTURES / "real" / "A_RES_70_10-EN.layout.txt").read_text("utf-8"))
    assert_each_character_once(tree)
    start, end = tree.footnotes[0].span
    header = tree.removed[0].model_copy(update={"span": (start - 1, end + 1)})
    swallowed = tree.model_copy(update={"removed": [*tree.removed, header]})
    with pytest.raises(AssertionError, match="overlaps a node"):
        assert_each_character_once(swallowed)
