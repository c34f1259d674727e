"""The tokenizer's per-pattern short cuts give what the plain way gives.

A state handler tries only the patterns that :meth:`unres.parsers.gate.Gate.openers`
says may match at a block's start, and asks whether a block opens with a label without
making the label. Both are checked here against the plain way: every pattern tried on
its own, and :func:`unres.parsers.items.read_label` itself; over the blocks and lines
of the real fixtures, over every looked-up opening, and over made-up texts.
"""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.test_tokenize_shortcuts import TEXTS, _texts

from unres.parsers import items, tokenize, wrap
from unres.parsers.gate import FIRST_CHARACTERS, Gate

GATES = {
    "preamble": tokenize._PREAMBLE_GATE,
    "operative": tokenize._OPERATIVE_GATE,
    "after-body": tokenize._AFTER_BODY_GATE,
    "alone": wrap._ALONE_GATE,
}


def _plain_openers(gate: Gate, text: str) -> set[int]:
    """The positions of the patterns that match at the start of ``text``, each tried."""
    return {n for n, pattern in enumerate(gate.patterns) if pattern.match(text) is not None}


def _check(gate: Gate, text: str) -> None:
    may = gate.openers(text)
    matching = _plain_openers(gate, text)
    assert all(gate.patterns[n] in may for n in matching), text
    if not gate.admits(text):
        assert not matching
    if text[:2] in gate.closed or text[:1] in gate.closed:
        assert not may, text  # a refused opening tries nothing


@pytest.mark.parametrize("path", TEXTS, ids=lambda path: path.name)
def test_openers_hold_every_pattern_that_matches_in_real_texts(path: Path) -> None:
    for text in _texts(path):
        for gate in GATES.values():
            _check(gate, text)
        assert items.has_label(text) == (items.read_label(text) is not None), text


OPENINGS = sorted(
    set(FIRST_CHARACTERS) | {a + b for a in string.ascii_letters for b in string.ascii_lowercase}
)
TAILS = [
    "", ".", ". ", ".\tText", ")", ") text", " ", "\t", "e General Assembly,", "eneral Assembly,",
    "dopted at its 57th plenary meeting", "th plenary meeting", "7th plenary meeting", "2",
    "onseil de sécurité,", "ecurity Council,", "nnex", "NNEX I", "rticle 1", "/53.", "I.\tA",
    ")\tText", "ii)\tx", "*", " Any", "he General Assembly", "ecides", "ection A",
]  # fmt: skip


@pytest.mark.parametrize("name", sorted(GATES))
def test_openers_hold_every_pattern_that_matches_after_every_opening(name: str) -> None:
    gate = GATES[name]
    for opening in [*OPENINGS, "", "\u0430", "\u00e9t", "¹ x", "\u2022\tx"]:
        for tail in TAILS:
            _check(gate, opening + tail)


def test_the_openers_leave_patterns_out() -> None:
    """The short cut does something: a label's opening tries none of the number patterns."""
    may = tokenize._OPERATIVE_GATE.openers("(b)\tDefinition")
    assert tokenize.items.LABEL in may
    assert tokenize.operative.PARAGRAPH not in may and tokenize.STAR_NOTE not in may
    assert tokenize._PREAMBLE_GATE.openers("Recalling its resolution") == frozenset()


FRAGMENTS = [
    "The", "General Assembly", "Security Council", ",", ":", "1.", "12", "\t", " ", "(a)",
    "a.", "I.", "II", "A", "Annex", "57th", " plenary", " meeting", "Adopted", " at its ",
    "[", "]", "*", "¹", "Recalling", "L’", "Le ", "Conseil de sécurité", "—", "-", "“",
    "22 November 2002", "Resolution", "57/53", "S-", "ES-10/2", " (XXV)", "†", "/",
    "(", ")", "iv", "xx", "c", "lc", "Z", "9", "\u00a0", "•", "–", "Article", "bis", "ab",
]  # fmt: skip


@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=6))
@settings(max_examples=2000, deadline=None)
def test_openers_and_labels_in_made_up_texts(parts: list[str]) -> None:
    text = "".join(parts)
    for gate in GATES.values():
        _check(gate, text)
    assert items.has_label(text) == (items.read_label(text) is not None), text


LABEL_PARTS = st.text(alphabet=st.sampled_from("ivxlcIVXLCabzAZ019•-–"), min_size=1, max_size=8)


@given(
    st.sampled_from(["({})", "{}.", "{})", "{}"]),
    LABEL_PARTS,
    st.sampled_from(["", "\t", " ", "\u00a0", "\tText", " text", "x"]),
)
@settings(max_examples=2000, deadline=None)
def test_has_label_is_read_label_found(shape: str, body: str, tail: str) -> None:
    text = shape.format(body) + tail
    assert items.has_label(text) == (items.read_label(text) is not None), text
