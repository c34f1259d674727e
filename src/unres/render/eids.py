"""The eId pass: AKN identifiers for the elements of a built document, in a pass of their own.

Takes an ``akomaNtoso`` element whose body elements carry no eIds yet and
gives each element that can be referred to (paragraphs, lists, points,
containers, sections, notes, attachments, components…) an eId following the
AKN naming convention: the eId of the nearest named ancestor, ``__``, the
element's abbreviation, ``_``, and its number (the ``num`` stripped of
punctuation, ``(a)`` → ``a``) or else its ordinal among like siblings, as in
``para_3__list_1__point_a``. Elements of the preface, preamble and
conclusions are prefixed ``preface__``, ``preamble__``, ``conclusions__``.

Guarantees: every eId is unique in the document (a clash gets ``-2``,
``-3``… appended), and assigning is deterministic. ``meta`` is left alone:
its TLC eIds are written by :mod:`.akn_meta`.
"""

from __future__ import annotations

import regex
from lxml import etree

from unres.akn_names import AKN_NS

ABBREVIATIONS: dict[str, str] = {
    "paragraph": "para",
    "list": "list",
    "point": "point",
    "intro": "intro",
    "wrapUp": "wrap",
    "container": "container",
    "formula": "formula",
    "section": "sec",
    "hcontainer": "hcontainer",
    "blockList": "list",
    "item": "item",
    "authorialNote": "authorialNote",
    "note": "note",
    "attachment": "att",
    "component": "cmp",
}
"""Elements that get an eId, and the abbreviation each uses."""

PREFIXED: dict[str, str] = {
    "preface": "preface",
    "preamble": "preamble",
    "conclusions": "conclusions",
}
"""Elements without an eId whose descendants' eIds carry their name."""

_NOT_ID = regex.compile(r"[^0-9A-Za-z]++")


def _local(element: etree._Element) -> str:
    name = element.tag
    if not isinstance(name, str) or not name.startswith(f"{{{AKN_NS}}}"):
        return ""
    return name[len(AKN_NS) + 2 :]


def _number(element: etree._Element) -> str:
    num = element.find(f"{{{AKN_NS}}}num")
    if num is None:
        return ""
    return _NOT_ID.sub("", "".join(part for part in num.itertext() if isinstance(part, str)))


def assign_eids(root: etree._Element) -> None:
    """Give an eId to every element of :data:`ABBREVIATIONS` under ``root`` (``meta`` excepted)."""
    used = _Used()
    for element in root:
        _walk(element, "", used)


def _walk(element: etree._Element, prefix: str, used: _Used) -> None:
    counts: dict[str, int] = {}
    for child in element:
        name = _local(child)
        if name == "meta" or not name:
            continue
        child_prefix = prefix
        abbreviation = ABBREVIATIONS.get(name)
        if abbreviation is not None:
            counts[abbreviation] = counts.get(abbreviation, 0) + 1
            number = _number(child) if name in ("paragraph", "point", "section", "item") else ""
            base = f"{abbreviation}_{number or counts[abbreviation]}"
            eid = used.unique(f"{prefix}__{base}" if prefix else base)
            child.set("eId", eid)
            child_prefix = eid
        elif name in PREFIXED:
            child_prefix = f"{prefix}__{PREFIXED[name]}" if prefix else PREFIXED[name]
        _walk(child, child_prefix, used)


class _Used:
    """The eIds given so far, and for each wanted eId the next suffix to try.

    Remembering the suffix keeps a thousand clashing paragraph numbers linear: trying
    ``-2``, ``-3``… from the start for each made them quadratic.
    """

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.next_suffix: dict[str, int] = {}

    def unique(self, eid: str) -> str:
        candidate = eid
        suffix = self.next_suffix.get(eid, 2)
        while candidate in self.taken:
            candidate = f"{eid}-{suffix}"
            suffix += 1
        self.next_suffix[eid] = suffix
        self.taken.add(candidate)
        return candidate
