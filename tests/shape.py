"""The shape of a tree: what must survive a text round trip, spans and source details aside.

``shape(tree)`` is the tree as plain data with every span left out (``span``,
``title_span``; a ``FootnoteRef`` keeps its ``marker`` and its place ``at`` in
the node text) and without what describes the source file rather than the
document: ``metadata`` (encoding, lineage, ODS tags), ``removed`` (noise is not
written back), ``findings`` (their messages count characters of the source).
``symbol`` is left out when ``symbol=False`` (a round trip from a tree whose
metadata supplied it, from ODS tags or the cover: the rendered text has neither). Everything else is compared: heading lines,
numbers, labels and styles, texts, footnote markers and bodies, sections, parts,
annexes, adoption (with its date and vote), references (their quoted ``text`` with
white space folded, as every node text is), unparsed text.
"""

from __future__ import annotations

from typing import Any

from unres.models import Resolution

_SPANS = frozenset({"span", "title_span"})
_SOURCE = frozenset({"metadata", "removed", "findings"})


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in _SPANS}
    if isinstance(value, list) and value and isinstance(value[0], dict) and "symbol" in value[0]:
        refs = [{**_strip(v), "text": " ".join(v["text"].split())} for v in value]  # references
        # footnotes are written after the body, so their references come in another order
        return sorted(refs, key=lambda r: (r["symbol"], r["text"], str(r.get("date"))))
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def shape(tree: Resolution, *, symbol: bool = True) -> dict[str, Any]:
    data = tree.model_dump(mode="python", exclude=set(_SOURCE))
    if not symbol:
        data.pop("symbol")
    return _strip(data)  # type: ignore[no-any-return]


def round_trip_differences(before: Resolution, after: Resolution) -> list[str]:
    """How the tree parsed from rendered text differs from the tree rendered."""
    symbol = not before.metadata.symbols
    return differences(shape(before, symbol=symbol), shape(after, symbol=symbol))


def differences(left: Any, right: Any, path: str = "") -> list[str]:
    """Where two shapes differ, as readable paths (the first few are enough to debug)."""
    if isinstance(left, dict) and isinstance(right, dict):
        found: list[str] = []
        for key in sorted(set(left) | set(right)):
            found += differences(left.get(key), right.get(key), f"{path}.{key}")
        return found
    if isinstance(left, list) and isinstance(right, list):
        found = [f"{path}: {len(left)} items != {len(right)}"] if len(left) != len(right) else []
        for index, (a, b) in enumerate(zip(left, right, strict=False)):
            found += differences(a, b, f"{path}[{index}]")
        return found
    return [] if left == right else [f"{path}: {left!r} != {right!r}"]
