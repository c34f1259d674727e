"""Lists of State names, as in votes and sponsor lines: split at commas and "and".

State names that hold "and" themselves ("Trinidad and Tobago", "United
Kingdom of Great Britain and Northern Ireland") come from the lexicon and are
kept whole.
"""

from __future__ import annotations

import regex

from unres.lexicon import COMPOUND_STATE_NAMES

_NAME_SPLIT = regex.compile(r",[ \u00a0]*+(?:and[ \u00a0]++)?|[ \u00a0]++and[ \u00a0]++")
_COMPOUND = regex.compile(
    "|".join(regex.escape(name).replace("\\ ", r"\s++") for name in COMPOUND_STATE_NAMES)
)


def split_names(value: str | None) -> list[str]:
    """Names in a vote's list, split at commas and "and", keeping compound state names whole."""
    if not value:
        return []
    text = " ".join(value.split())
    kept: dict[str, str] = {}

    def hold(m: regex.Match[str]) -> str:
        key = f"\x00{len(kept)}\x00"
        kept[key] = " ".join(m.group().split())
        return key

    text = _COMPOUND.sub(hold, text)
    names = [part.strip() for part in _NAME_SPLIT.split(text) if part.strip()]
    return [kept.get(name, name) for name in names]
