"""Where the AKN tests find their inputs: fixtures always, the shared corpus when present."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import CORPUS, FIXTURES

AKN_FIXTURES = FIXTURES / "akn"
UN_XML = CORPUS / "raw" / "unxml-scresolutions-akn4un"
LANGUAGE_FOLDERS = {"English": "en", "French": "fr", "Spanish": "es"}


def fixture_xml() -> list[Path]:
    return sorted(AKN_FIXTURES.glob("*.xml"))


def corpus_xml() -> list[Path]:
    """Every UN AKN file of the shared corpus (empty when the corpus is absent)."""
    return sorted(UN_XML.rglob("*.xml")) if UN_XML.is_dir() else []


def corpus_derived_texts() -> list[Path]:
    """Every text under ``derived/`` of the shared corpus (empty when absent)."""
    derived = CORPUS / "derived"
    return sorted(derived.rglob("*.txt")) if derived.is_dir() else []


def fixture_texts() -> list[Path]:
    return sorted(p for p in FIXTURES.rglob("*.txt") if p.is_file())


def language_of(path: Path) -> str:
    """``en``, ``fr`` or ``es`` from the folder (corpus) or the E/F/S name ending (fixtures)."""
    if path.parent.name in LANGUAGE_FOLDERS:
        return LANGUAGE_FOLDERS[path.parent.name]
    return {"E": "en", "F": "fr", "S": "es"}.get(path.stem[-1:], "en")


def document_key(path: Path) -> str:
    """The same key for the English, French and Spanish file of one resolution."""
    return re.sub(r"[EFS]$", "", path.stem).replace(" (", "_").replace(")", "")


def ids(paths: list[Path]) -> list[str]:
    return [p.name for p in paths]
