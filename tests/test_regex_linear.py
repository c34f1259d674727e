"""No regular expression of unres backtracks catastrophically.

Every compiled pattern in the package's modules (module globals, and those held
in tables) is run on long runs of characters that its quantifiers could fight
over (spaces, letters, digits, ``A/``, ``(a) ``, …), at two lengths, the way the
code uses it: ``match`` and ``fullmatch`` always, and ``search`` too when some
module calls it with ``search``, ``finditer``, ``findall``, ``sub`` or
``split`` (a scan tries every start). Time that grows much faster than the
length fails. The few scanned patterns that grow so on input the code never
gives them are listed with the reason.
"""

from __future__ import annotations

import importlib
import time
from pathlib import Path

import pytest
import regex

import unres

PACKAGE = Path(unres.__file__).resolve().parent
FILLERS = [" ", "a", "1", "A/", "a ", "1 ", "a,", "A/1/", "(a) ", "a1,", "\u00a0", "aA", "-a"]

BOUNDED_USE = {
    "unres.parsers.names._NAME_SPLIT": "splits name lists of at most 3,000 characters",
    "unres.parsers.normalize._LAYOUT_HEADER": "searched only in lines of at most 300 characters",
}
SOURCES = "\n".join(path.read_text(encoding="utf-8") for path in PACKAGE.rglob("*.py"))


def _patterns() -> dict[str, regex.Pattern[str]]:
    found: dict[str, regex.Pattern[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] in ("__init__", "__main__") or parts[1:2] == ("cli",):
            continue
        name = ".".join(parts)
        for key, value in vars(importlib.import_module(name)).items():
            if isinstance(value, regex.Pattern):
                found[f"{name}.{key}"] = value
            elif isinstance(value, dict):
                found.update(
                    {
                        f"{name}.{key}[{k}]": v
                        for k, v in value.items()
                        if isinstance(v, regex.Pattern)
                    }
                )
            elif isinstance(value, tuple):
                for row in value:
                    if isinstance(row, tuple):
                        found.update(
                            {
                                f"{name}.{key}[{row[0]}]": v
                                for v in row
                                if isinstance(v, regex.Pattern)
                            }
                        )
    return found


PATTERNS = _patterns()


def _scanned(name: str) -> bool:
    key = name.rsplit(".", 1)[1].split("[")[0]
    return (
        regex.search(rf"\b{key}\.(?:search|finditer|findall|sub|subn|split)\(", SOURCES) is not None
    )


def _time(pattern: regex.Pattern[str], text: str, scan: bool) -> float:
    """The best of three runs: a single run's time is mostly noise at this size."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        pattern.match(text)
        pattern.fullmatch(text)
        if scan:
            pattern.search(text)
        best = min(best, time.perf_counter() - started)
    return best


def test_the_patterns_are_found() -> None:
    assert len(PATTERNS) > 60
    assert set(BOUNDED_USE) <= set(PATTERNS)
    assert sum(map(_scanned, PATTERNS)) > 20


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_time_grows_about_linearly(name: str) -> None:
    pattern, scan = PATTERNS[name], _scanned(name)
    for filler in FILLERS:
        short = filler * (3_000 // len(filler))
        long = filler * (12_000 // len(filler))
        small, large = _time(pattern, short, scan), _time(pattern, long, scan)
        if large < 0.005:
            continue  # too fast to tell: linear enough
        growth = large / max(small, 1e-6)
        if name in BOUNDED_USE:
            continue
        assert growth < 8, f"{name} on {filler!r}×n: {small:.4f}s -> {large:.4f}s for 4× the text"
