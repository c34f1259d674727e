"""The short cuts of the tokenizer give what the long way gives.

A gate skips a handler's chain of patterns where a look-up of the text's opening says
that none of them can match; the subheading check skips texts longer than any match of
its pattern. Each is checked here against the plain way: every pattern of the gate tried,
the pattern tried on texts of every length.
"""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import FIXTURES, SEED

from unres.parsers import lineage, normalize, tokenize, wrap
from unres.parsers.gate import FIRST_CHARACTERS, Gate
from unres.source import SourceText

TEXTS = [SEED, *sorted(FIXTURES.rglob("*.txt"))]
GATES = {
    "preamble": tokenize._PREAMBLE_GATE,
    "operative": tokenize._OPERATIVE_GATE,
    "alone": wrap._ALONE_GATE,
}


def _plain(gate: Gate, text: str) -> bool:
    return any(pattern.match(text) is not None for pattern in gate.patterns)


def _texts(path: Path) -> list[str]:
    """The texts the gates see: every block's, and every content line's."""
    text = path.read_text(encoding="utf-8")
    done = normalize.normalize(SourceText(text))
    blocks, _ = wrap.form_blocks(text, done.lines, lineage.detect(done), done.noise)
    lines = [text[line.start : line.end] for line in done.lines]
    return [block.text for block in blocks] + lines


@pytest.mark.parametrize("path", TEXTS, ids=lambda path: path.name)
def test_gates_admit_what_their_patterns_match_in_real_texts(path: Path) -> None:
    for text in _texts(path):
        for name, gate in GATES.items():
            assert gate.admits(text) == _plain(gate, text), (name, text)


OPENINGS = sorted(
    set(FIRST_CHARACTERS) | {a + b for a in string.ascii_letters for b in string.ascii_lowercase}
)
TAILS = [
    "", ".", ". ", ".\tText", ")", ") text", " ", "\t", "e General Assembly,", "eneral Assembly,",
    "dopted at its 57th plenary meeting", "th plenary meeting", "7th plenary meeting", "2",
    "onseil de sécurité,", "ecurity Council,", "nnex", "NNEX I", "rticle 1", "/53.", "",
]  # fmt: skip


@pytest.mark.parametrize("name", sorted(GATES))
def test_gates_admit_every_opening_their_patterns_can_begin(name: str) -> None:
    gate = GATES[name]
    for opening in OPENINGS:
        for tail in TAILS:
            text = opening + tail
            assert gate.admits(text) == _plain(gate, text), text


FRAGMENTS = [
    "The", "General Assembly", "Security Council", ",", ":", "1.", "12", "\t", " ", "(a)",
    "a.", "I.", "II", "A", "Annex", "57th", " plenary", " meeting", "Adopted", " at its ",
    "[", "]", "*", "¹", "Recalling", "L’", "Le ", "Conseil de sécurité", "—", "-", "“",
]  # fmt: skip


@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=6))
@settings(max_examples=1500, deadline=None)
def test_gates_admit_what_their_patterns_match_in_made_up_texts(parts: list[str]) -> None:
    text = "".join(parts)
    for name, gate in GATES.items():
        assert gate.admits(text) == _plain(gate, text), (name, text)


def test_subheading_longest_is_the_longest_match() -> None:
    longest = tokenize.SUBHEADING_LONGEST
    assert tokenize.SUBHEADING.fullmatch("A" + "b" * (longest - 1))
    assert tokenize.SUBHEADING.fullmatch("A" + "b" * longest) is None


@given(st.text(alphabet=st.sampled_from("Ab1 \u00a0-’"), min_size=70, max_size=200))
@settings(max_examples=500, deadline=None)
def test_no_subheading_is_longer_than_the_longest(text: str) -> None:
    if tokenize.SUBHEADING.fullmatch(text):
        assert len(text) <= tokenize.SUBHEADING_LONGEST
