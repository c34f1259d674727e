"""Shared test helpers: where fixtures and the shared corpus live."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SEED = FIXTURES / "seed" / "A_RES_57_53.txt"


def corpus_texts() -> list[Path]:
    """Every text file under the shared corpus's derived folders, or the fixtures when absent."""
    derived = CORPUS / "derived"
    if derived.is_dir():
        return sorted(p for p in derived.rglob("*.txt") if p.is_file())
    return sorted(p for p in FIXTURES.rglob("*.txt") if p.is_file())


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
