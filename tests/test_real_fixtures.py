"""Real resolutions from the corpus, each with a structure checked by reading the document.

The texts in ``fixtures/real/`` are byte-for-byte copies of corpus files (see
``fixtures/real/README.md`` for where each comes from). Their
``*.expected.json`` files were produced with ``tests/regen_expected.py`` and
then reviewed against the document; a difference here is a behaviour change
to look at, not a file to regenerate blindly.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import FIXTURES
from tests.structure import summarize

import unres

REAL = sorted((FIXTURES / "real").glob("*.txt"))


@pytest.mark.parametrize("path", REAL, ids=[p.stem for p in REAL])
def test_structure_matches_review(path: Path) -> None:
    expected = json.loads(path.with_suffix(".expected.json").read_text("utf-8"))
    assert summarize(unres.parse_file(path)) == expected


def test_enough_real_documents_across_lineages() -> None:
    lineages = {
        json.loads(p.with_suffix(".expected.json").read_text("utf-8"))["lineage"] for p in REAL
    }
    assert len(REAL) >= 25
    assert {"ods-word", "pdf-text", "ocr"} <= lineages
