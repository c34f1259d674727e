"""The short cuts of the front stages give what the long way gives.

The line table of :class:`unres.source.SourceText` comes from :meth:`str.splitlines`;
normalization tries on a line only the line rules its first and last characters allow,
and skips a rule when the line lacks a word every match of it holds; the running-header
count reads the key of only the lines that can share a wanted one. Each is checked here
against the plain way: a regular expression of the line breaks, every rule tried in one
combined pattern (as normalization did before the short cuts), every key counted.
"""

from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import FIXTURES, SEED

from unres.parsers import furniture, normalize
from unres.parsers.records import ContentLine, Noise
from unres.source import Line, SourceText

LINE_BREAK = regex.compile(r"\r\n|[\n\r\u2028\u2029\f\v\x1c\x1d\x1e\x85]")
TEXTS = [SEED, *sorted(FIXTURES.rglob("*.txt"))]


def _reference_lines(text: str) -> tuple[Line, ...]:
    lines: list[Line] = []
    start = 0
    for number, brk in enumerate(LINE_BREAK.finditer(text), start=1):
        lines.append(Line(number, start, brk.start()))
        start = brk.end()
    if start < len(text) or not lines:
        lines.append(Line(len(lines) + 1, start, len(text)))
    return tuple(lines)


BREAKY = "a \t\n\r\u2028\u2029\f\v\x1c\x1d\x1e\x85"


def test_line_table_on_every_short_text() -> None:
    for size in range(5):
        for chars in itertools.product(BREAKY, repeat=size):
            text = "".join(chars)
            assert SourceText(text).lines == _reference_lines(text), repr(text)


@given(st.text(alphabet=st.sampled_from(BREAKY + "b\u00a0"), max_size=60))
@settings(max_examples=300, deadline=None)
def test_line_table_is_the_line_breaks(text: str) -> None:
    source = SourceText(text)
    assert source.lines == _reference_lines(text)
    assert (source.starts, source.ends) == (
        tuple(line.start for line in source.lines),
        tuple(line.end for line in source.lines),
    )


@pytest.mark.parametrize("path", TEXTS, ids=lambda path: path.name)
def test_line_table_of_real_texts(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for variant in (text, text.replace("\n", "\r\n"), text.rstrip("\n")):
        assert SourceText(variant).lines == _reference_lines(variant)


# --- line rules ------------------------------------------------------------------------


def _combined(rules: tuple[normalize.LineRule, ...]) -> regex.Pattern[str]:
    branches = []
    for number, (_, _, pattern) in enumerate(rules):
        case = "i" if pattern.flags & regex.IGNORECASE else ""
        if pattern.flags & regex.VERBOSE:
            branches.append(f"(?P<rule_{number}>(?x{case}:{pattern.pattern}\n))")
        else:
            branches.append(f"(?P<rule_{number}>(?{case}-x:{pattern.pattern}))")
    return regex.compile("|".join(branches))


ALL_RULES = _combined(normalize._LINE_RULES)


def _reference_furniture(text: str, start: int, end: int) -> Noise | None:
    """Every rule tried, in one pattern: the first to match the whole line wins."""
    if end - start > normalize._LONGEST_FURNITURE and text[start] not in "_-–—=*·•.":
        return None
    m = ALL_RULES.fullmatch(text, start, end)
    if m is None:
        if end - start > 300 or "   " not in text[start:end]:
            return None
        return normalize._layout_header(text, start, end)
    number = next(n for n in range(len(normalize._LINE_RULES)) if m.group(f"rule_{n}"))
    rule, kind, _ = normalize._LINE_RULES[number]
    fields = tuple(
        (k, v) for k, v in m.groupdict().items() if v is not None and not k.startswith("rule_")
    )
    return Noise(kind, start, end, rule, fields)


def _spans(text: str) -> list[tuple[int, int]]:
    source = SourceText(text)
    trimmed = (
        normalize._trimmed(text, s, e) for s, e in zip(source.starts, source.ends, strict=True)
    )
    return [pieces[0] for pieces in trimmed if pieces]


@pytest.mark.parametrize("path", TEXTS, ids=lambda path: path.name)
def test_line_rules_short_cut_on_real_lines(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for start, end in _spans(text):
        assert normalize._furniture(text, start, end) == _reference_furniture(text, start, end)


FRAGMENTS = [
    "United Nations", "A/RES/57/53", "S/RES/1454 (2002)", "General Assembly", "Security Council",
    "Distr.: General", "Distr.", "GENERAL", "Agenda item 61", "Agenda items 12, 13 and 14,",
    "*0254145*", "Please recycle", "fifty-seventh session", "Fifty-seventh Session", "12",
    "02-54145 (E)", "020103", "2/13", ",", ";", " ", "   ", ".", ":", ")", "(E)", "Nations Unies",
    "Resolutions adopted on the reports of the First Committee", "Resolutions adopted ",
    "General Assembly—Fifty-seventh Session", "I.", "III. ", "Original: English", "<!-- 2 -->",
    "\u00a0", "-", "—", "____", "*", "…", "“", "Noting", "recalling", "n", "N", "\u017f", "5",
    "Session", "SESSION", "26 February 2018", "Conseil de sécurité", "Asamblea General", "x",
]  # fmt: skip


@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=5))
@settings(max_examples=1500, deadline=None)
def test_line_rules_short_cut_on_made_up_lines(parts: list[str]) -> None:
    text = "".join(parts)
    for start, end in _spans(text):
        assert normalize._furniture(text, start, end) == _reference_furniture(text, start, end)


def _can_end(rule: normalize.LineRule, last: str) -> bool:
    """Whether some match of the rule ends in ``last``: a reversed partial match says so."""
    _, _, pattern = rule
    backwards = regex.compile(pattern.pattern, pattern.flags | regex.REVERSE)
    return backwards.fullmatch(last, partial=True) is not None


def test_the_endings_leave_out_only_rules_that_cannot_end_so() -> None:
    by_ending = {
        ending: {rule[0] for rule in rules} for ending, rules in normalize._RULES_BY_ENDING.items()
    }
    everything = {rule[0] for rule in normalize._LINE_RULES}
    for last, ending in normalize._ENDING.items():
        for rule in normalize._LINE_RULES:
            if rule[0] not in by_ending[ending]:
                assert not _can_end(rule, last), (rule[0], last)
    assert everything - by_ending["other"] == normalize._SESSION_RULES
    for rule in normalize._LINE_RULES:
        if rule[0] in normalize._SESSION_RULES:
            backwards = regex.compile(rule[2].pattern, rule[2].flags | regex.REVERSE)
            ends = {chr(c) for c in range(0x3000) if backwards.fullmatch(chr(c), partial=True)}
            assert ends == {"n", "N"}, rule[0]


def test_a_reversed_partial_match_knows_the_last_character() -> None:
    """The oracle above works: known endings are found, and impossible ones refused."""
    rules = {rule[0]: rule for rule in normalize._LINE_RULES}
    assert _can_end(rules["agenda"], ",") and not _can_end(rules["agenda"], ";")
    assert _can_end(rules["page-number"], "7") and not _can_end(rules["page-number"], "a")
    assert _can_end(rules["yearbook-running"], ";")


def test_the_first_characters_are_worked_out_by_partial_matching() -> None:
    starts = normalize._STARTS
    assert starts["*"] >= {"asterism", "barcode", "separator"}
    assert "session" in starts["t"] and "yearbook-running" not in starts["t"]
    assert starts[","] == frozenset() and "agenda" in starts["A"]


def test_the_needed_words_are_in_the_patterns() -> None:
    rules = {rule[0]: rule[2] for rule in normalize._LINE_RULES}
    for name, words in normalize._NEEDS_TEXT.items():
        source = rules[name].pattern.replace("[ ]", " ")
        assert all(word.strip() in source for word in words), name


# --- running headers -------------------------------------------------------------------


@pytest.mark.parametrize("path", TEXTS, ids=lambda path: path.name)
def test_key_counts_count_every_wanted_key(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    done = normalize.normalize(SourceText(text))
    rows: list[ContentLine | Noise] = list(done.lines)
    short = [r for r in rows if r.end - r.start <= furniture._MAX_HEADER + 16]
    everything = Counter(furniture._key(text[r.start : r.end]) for r in short)
    wanted = {key for key in everything if key[:1] in "ASTUDE1" or not key} | {"A/RES/57/53"}
    counts = furniture._key_counts(text, rows, wanted)
    assert {key: counts[key] for key in wanted} == {key: everything[key] for key in wanted}
