"""Bounded time and memory: input limits, and a 50 MB input of repeated real text."""

from __future__ import annotations

import time

import pytest
from tests.conftest import SEED

import unres
from unres import coverage


def test_max_lines_refuses_before_parsing() -> None:
    text = "The General Assembly,\n" + "Noting x,\n" * 1_000
    with pytest.raises(unres.InputError, match="lines or more, limit 500"):
        unres.parse(text, max_lines=500)
    with pytest.raises(unres.InputError, match="limit 500"):
        unres.parse_bytes(text.encode(), max_lines=500)
    assert unres.parse(text, max_lines=2_000).preamble is not None


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r", "\u2028"])
def test_max_lines_counts_every_line_break(newline: str) -> None:
    text = newline.join(["The General Assembly,"] + ["Noting x,"] * 100)
    with pytest.raises(unres.InputError, match="limit 50"):
        unres.parse(text, max_lines=50)
    unres.parse(text, max_lines=102)


def test_max_bytes_on_every_entry_point(tmp_path: pytest.TempPathFactory) -> None:
    text = SEED.read_text(encoding="utf-8")
    for call in (
        lambda: unres.parse(text, max_bytes=1_000),
        lambda: unres.parse_bytes(text.encode(), max_bytes=1_000),
        lambda: unres.parse_file(SEED, max_bytes=1_000),
        lambda: unres.tokenize(text, max_bytes=1_000),
    ):
        with pytest.raises(unres.InputError, match="too large"):
            call()


def test_defaults_are_far_above_real_resolutions() -> None:
    assert unres.DEFAULT_MAX_BYTES >= 500 * 105_000  # the longest corpus text is ~104 kB
    assert unres.DEFAULT_MAX_LINES >= 500 * 1_800  # the most lines, PDF text, ~1,750


def test_fifty_megabytes_of_real_text_parse_losing_nothing() -> None:
    seed = SEED.read_text(encoding="utf-8")
    copies = 50_000_000 // len(seed) + 1
    text = seed * copies
    assert len(text.encode("utf-8")) > 50_000_000
    started = time.perf_counter()
    tree = unres.parse(text)
    elapsed = time.perf_counter() - started
    assert len(tree.parts) == copies
    assert all(len(part.operative) == 5 for part in tree.parts)
    found = coverage.check(text, tree)
    assert found.complete, found.describe()
    print(f"50 MB: {elapsed:.1f} s, {len(text) / elapsed / 1e6:.2f} MB/s")


@pytest.mark.parametrize(("text", "reason"), [("  \n\t", "empty input"), ("a\x00b", "NUL")])
def test_text_refused_before_the_pipeline(text: str, reason: str) -> None:
    with pytest.raises(unres.InputError, match=reason):
        unres.parse(text)
