"""Normalization's per-text short cut gives what the plain way gives.

A line rule whose every match holds one of some words (:data:`normalize._NEEDS_TEXT`)
is left out of the rule table of a text that holds none of them
(:func:`normalize._rule_table`). Checked here against every rule tried in one combined
pattern, the plain way of :mod:`tests.test_front_shortcuts`: on the lines of the real
fixtures, and on made-up lines, each read as the one line of its text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests import test_front_shortcuts as plain

from unres.parsers import normalize

TEXTS = plain.TEXTS


@pytest.mark.parametrize("path", TEXTS, ids=lambda path: path.name)
def test_the_table_of_a_text_finds_what_every_rule_finds(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    table = normalize._rule_table(text)
    for start, end in plain._spans(text):
        found = normalize._furniture(text, start, end, table)
        assert found == plain._reference_furniture(text, start, end)


@given(st.lists(st.sampled_from(plain.FRAGMENTS), min_size=1, max_size=5))
@settings(max_examples=1500, deadline=None)
def test_the_table_of_a_made_up_line_finds_what_every_rule_finds(parts: list[str]) -> None:
    text = "".join(parts)
    table = normalize._rule_table(text)
    for start, end in plain._spans(text):
        found = normalize._furniture(text, start, end, table)
        assert found == plain._reference_furniture(text, start, end)


def test_a_text_without_the_words_leaves_the_rule_out() -> None:
    """The short cut does something: a text with no running-head words skips that rule."""

    def rules(table: normalize.RuleTable) -> set[str]:
        return {rule[0] for by_first in table.values() for found in by_first.values()
                for rule in found}  # fmt: skip

    assert "yearbook-running" not in rules(normalize._rule_table("Recalling its resolution,"))
    assert "yearbook-running" in rules(normalize._rule_table("Fifty-seventh Session"))
    assert "yearbook-running" in rules(normalize._EVERY_RULE)
