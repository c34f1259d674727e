"""Shared test helpers: where fixtures and the shared corpus live; the hypothesis profiles.

Two hypothesis profiles: ``dev`` (the default: quick, for the edit-test loop) and ``ci``
(chosen by ``CI=true``, as ``.ci/run`` sets it: several times the examples of the property
tests that take their count from :func:`examples`, no deadline, no example database, so
every CI run starts clean and a failure shows its reproducing blob). Both are bounded by
example counts, never by wall time, so a slow machine cannot fail them; each failure found is
kept as an explicit ``@example`` beside its test.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
CI_FACTOR = 4
"""How many times the dev examples the ``ci`` profile runs."""

settings.register_profile(
    "dev",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "ci",
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("ci" if CI else "dev")


def examples(dev: int) -> int:
    """The example count of a property test: ``dev`` here, ``CI_FACTOR`` times it in CI."""
    return dev * CI_FACTOR if CI else dev


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
