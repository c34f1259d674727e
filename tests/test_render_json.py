"""JSON output: pydantic's serialiser (the fast path) writes what ``json.dumps`` writes.

``to_json`` uses ``model_dump_json`` when it can and falls back to
``json.dumps`` of the dumped data for text UTF-8 cannot hold (lone
surrogates). These tests hold the two to the same bytes on the real fixtures
and check the fallback's escapes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import unres

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TEXTS = [*sorted((FIXTURES / "real").glob("*.txt")), FIXTURES / "seed" / "A_RES_57_53.txt"]


@pytest.mark.parametrize("path", TEXTS, ids=lambda path: path.stem)
def test_fast_json_is_the_json_dumps_rendering(path: Path) -> None:
    tree = unres.parse_file(path)
    expected = json.dumps(tree.model_dump(mode="json"), ensure_ascii=False, indent=2)
    assert unres.to_json(tree) == expected


def test_lone_surrogate_is_escaped_not_raised() -> None:
    tree = unres.parse(
        "The General Assembly,\n\nRecalling \ud800 its work,\n\n1. Decides to act.\n"
    )
    out = unres.to_json(tree)
    assert "\\ud800" in out
    assert json.loads(out)["preamble"]["clauses"][0]["text"] == "Recalling \ud800 its work,"
