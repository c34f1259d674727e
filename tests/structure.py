"""A structural summary of a parsed resolution, for expected-structure fixtures.

The summary keeps what a reader checks by eye against the document (counts,
numbers, labels, phrases, footnote markers, adoption) and leaves out spans and
full texts, so a fixture states the structure without freezing every byte.
"""

from __future__ import annotations

from typing import Any

from unres.models import Item, OperativeParagraph, Resolution, Section


def _labels(items: list[Item]) -> list[Any]:
    out: list[Any] = []
    for item in items:
        out.append([item.label, _labels(item.items)] if item.items else item.label)
    return out


def _paragraphs(paragraphs: list[OperativeParagraph]) -> list[Any]:
    out: list[Any] = []
    for p in paragraphs:
        entry: dict[str, Any] = {"number": p.number, "phrase": p.phrase}
        if p.items:
            entry["items"] = _labels(p.items)
        if p.footnotes:
            entry["footnotes"] = p.footnotes
        out.append(entry)
    return out


def _sections(sections: list[Section]) -> list[Any]:
    return [
        {
            "label": s.label,
            "heading": s.heading,
            "paragraphs": [p.number for p in s.paragraphs],
            **({"sections": _sections(s.sections)} if s.sections else {}),
        }
        for s in sections
    ]


def summarize(tree: Resolution) -> dict[str, Any]:
    """The reviewed facts of ``tree``."""
    clauses = tree.preamble.clauses if tree.preamble else []
    adoption = tree.adoption
    summary: dict[str, Any] = {
        "kind": tree.kind,
        "symbol": tree.symbol,
        "organ": tree.organ,
        "number": tree.number,
        "session": tree.session,
        "title": tree.title,
        "lineage": tree.metadata.lineage,
        "formula": tree.preamble.formula.text if tree.preamble and tree.preamble.formula else None,
        "preamble": [c.phrase for c in clauses],
        "preamble_items": {str(i + 1): _labels(c.items) for i, c in enumerate(clauses) if c.items},
        "preamble_footnotes": {
            str(i + 1): c.footnotes for i, c in enumerate(clauses) if c.footnotes
        },
        "operative": _paragraphs(tree.operative),
        "sections": _sections(tree.sections),
        "parts": [
            {
                "label": p.label,
                "title": p.title,
                "preamble": [c.phrase for c in p.preamble.clauses] if p.preamble else [],
                "operative": _paragraphs(p.operative),
                "sections": _sections(p.sections),
            }
            for p in tree.parts
        ],
        "annexes": [
            {"label": a.label, "title": a.title, "blocks": len(a.content)} for a in tree.annexes
        ],
        "footnotes": [f.marker for f in tree.footnotes],
        "adoption": None
        if adoption is None
        else {
            "meeting_number": adoption.meeting_number,
            "date": adoption.date,
            "vote": adoption.vote.model_dump() if adoption.vote else None,
        },
        "sponsors": tree.sponsors,
        "unparsed": len(tree.unparsed),
    }
    return summary
