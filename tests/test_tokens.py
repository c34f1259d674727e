"""The token stream is a partition of the input: sorted, disjoint, covering every non-space."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import SEED, corpus_texts

import unres


def assert_partition(text: str) -> None:
    records = unres.tokenize(text)
    covered = bytearray(len(text))
    previous_end = 0
    for record in records:
        assert 0 <= record.start < record.end <= len(text), record
        assert record.start >= previous_end, f"overlap at {record.start}"
        assert text[record.start : record.end] == record.text
        previous_end = record.end
        covered[record.start : record.end] = b"\x01" * (record.end - record.start)
    missing = [i for i, ch in enumerate(text) if not covered[i] and not ch.isspace()]
    assert not missing, f"not covered: {text[missing[0] : missing[0] + 40]!r} at {missing[0]}"


def test_seed_partition(seed_text: str) -> None:
    assert_partition(seed_text)
    kinds = {r.kind for r in unres.tokenize(seed_text)}
    expected = {
        "word-marker", "ods-tag", "page-header", "page-number", "separator", "organ-line",
        "report-line", "title", "formula", "preamble-clause", "operative-paragraph",
        "sub-item", "footnote", "closing",
    }  # fmt: skip
    assert expected <= kinds


CORPUS_FILES = corpus_texts()


@pytest.mark.parametrize("path", CORPUS_FILES, ids=[p.name for p in CORPUS_FILES])
def test_corpus_partition(path: Path) -> None:
    data = path.read_bytes()
    text = data.decode("utf-8", "replace")
    if not text.strip():
        with pytest.raises(unres.InputError):
            unres.tokenize(text)
        return
    assert_partition(text)


def test_unrecognised_line_is_an_unparsed_token() -> None:
    text = SEED.read_text(encoding="utf-8").replace(
        "57th plenary meeting", "57th plenary meeting\n@@ strange line @@", 1
    )
    records = unres.tokenize(text)
    odd = [r for r in records if "strange line" in r.text]
    assert [r.kind for r in odd] == ["unparsed"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=400))
def test_generated_text_partition(text: str) -> None:
    if not text.strip() or "\x00" in text:
        with pytest.raises(unres.InputError):
            unres.tokenize(text)
        return
    assert_partition(text)


LINES = st.sampled_from(SEED.read_text(encoding="utf-8").splitlines(keepends=True))


@settings(max_examples=200, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=60))
def test_shuffled_seed_lines_partition(lines: list[str]) -> None:
    text = "".join(lines)
    if not text.strip():
        return
    assert_partition(text)
