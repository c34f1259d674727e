"""The ``meta`` block of an AKN document: FRBR identification, TLC references, vote, extras.

Takes the resolution's identifying facts (actor, date, number, language) and
builds ``meta/identification`` with FRBRWork, FRBRExpression and
FRBRManifestation, each with the FRBRthis, FRBRuri, FRBRdate and FRBRauthor
the schema requires, URIs of the form
``/akn/un/statement/deliberation/<actor>/<date>/<number>``; ``references``
with a TLC entry for every ``source``/``href``/``refersTo`` target used;
``analysis`` for a recorded vote; and ``proprietary`` (unres namespace) for
facts AKN has no element for: the ODS symbols and tags, the citations found,
and the count of characters replaced to keep the XML well formed.

Dates are taken from the tree, never from the clock, so the output is
deterministic.
"""

from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import dataclass

import regex
from lxml import etree

from unres.akn_names import AKN4UN_NS, CONCEPTS, UNRES_NS, VOTE_COUNTS
from unres.models import Metadata, Reference, Vote
from unres.render.akn_text import Sanitizer, tag

NO_DATE = "0001-01-01"
"""FRBRdate when the tree knows no date: the schema requires one."""

_SLUG_BREAK = regex.compile(r"[^0-9A-Za-z]++")
ACTOR = regex.compile(r"[A-Za-z][A-Za-z0-9_.\-]{0,40}")
"""What an actor must look like: it becomes an eId and a URI segment."""


@dataclass(frozen=True, slots=True)
class Identity:
    """What the FRBR URIs are made of."""

    actor: str
    organ: str | None
    date: str
    published: str
    number: str
    language: str

    @property
    def work(self) -> str:
        return f"/akn/un/statement/deliberation/{self.actor}/{self.date}/{self.number}"

    @property
    def expression(self) -> str:
        return f"{self.work}/{self.language}@"


def slug(text: str | None) -> str:
    """A URI segment from a number or symbol; empty input gives ``unnumbered``.

    ``57/53`` → ``57-53``, ``2536 (2020)`` → ``2536-2020``.
    """
    value = _SLUG_BREAK.sub("-", text or "").strip("-")
    return value or "unnumbered"


def _sub(parent: etree._Element, local: str, /, **attrs: str) -> etree._Element:
    return etree.SubElement(parent, tag(local), attrs)


def identification(meta: etree._Element, who: Identity, component: str = "main") -> None:
    """``identification`` with the three FRBR levels; ``component`` names the part (``!main``)."""
    ident = _sub(meta, "identification", source="#unres")
    work = _sub(ident, "FRBRWork")
    _sub(work, "FRBRthis", value=f"{who.work}/!{component}")
    _sub(work, "FRBRuri", value=who.work)
    _sub(work, "FRBRdate", date=who.date, name="adoption")
    _sub(work, "FRBRauthor", href=f"#{who.actor}", **{"as": "#author"})
    _sub(work, "FRBRcountry", value="un")
    expression = _sub(ident, "FRBRExpression")
    _sub(expression, "FRBRthis", value=f"{who.expression}/!{component}")
    _sub(expression, "FRBRuri", value=who.expression)
    _sub(expression, "FRBRdate", date=who.published, name="publication")
    _sub(expression, "FRBRauthor", href=f"#{who.actor}", **{"as": "#author"})
    _sub(expression, "FRBRlanguage", language=who.language)
    manifestation = _sub(ident, "FRBRManifestation")
    _sub(manifestation, "FRBRthis", value=f"{who.expression}/!{component}.xml")
    _sub(manifestation, "FRBRuri", value=f"{who.expression}.akn")
    _sub(manifestation, "FRBRdate", date=who.published, name="markup")
    _sub(manifestation, "FRBRauthor", href="#unres", **{"as": "#editor"})


def analysis(meta: etree._Element, vote: Vote, clean: Sanitizer) -> None:
    """``analysis/parliamentary/voting`` with one ``count`` per number the vote records."""
    voting = _sub(_sub(_sub(meta, "analysis", source="#unres"), "parliamentary"), "voting")
    names = {"against": vote.against_names, "abstaining": vote.abstaining_names}
    for index, (field_name, concept) in enumerate(VOTE_COUNTS, start=1):
        value = getattr(vote, field_name)
        if value is None:
            continue
        count = _sub(voting, "count", eId=f"vote_{index}", value=str(value))
        count.set("refersTo", f"#{concept}")
        listed = names.get(field_name, [])
        if listed:
            voters = etree.SubElement(count, f"{{{AKN4UN_NS}}}voters")
            for name in listed:
                member = _sub(voters, "organization", refersTo="#memberState")
                member.text = clean(name)


def references(
    meta: etree._Element, actor: str, organ: str | None, used: Set[str] = frozenset(CONCEPTS)
) -> None:
    """``references`` with unres, the actor and the concepts in ``used`` (``refersTo`` targets)."""
    refs = _sub(meta, "references", source="#unres")
    unres_href = "/akn/ontology/organization/unres"
    _sub(refs, "TLCOrganization", eId="unres", href=unres_href, showAs="unres")
    if actor != "unres":
        href = f"/akn/ontology/organization/un/{actor}"
        _sub(refs, "TLCOrganization", eId=actor, href=href, showAs=organ or actor)
    _sub(refs, "TLCRole", eId="author", href="/akn/ontology/role/un/author", showAs="Author")
    _sub(refs, "TLCRole", eId="editor", href="/akn/ontology/role/un/editor", showAs="Editor")
    for concept in CONCEPTS:
        if concept not in used:
            continue
        href = f"/akn/ontology/concept/un/{concept}"
        _sub(refs, "TLCConcept", eId=concept, href=href, showAs=concept)


def proprietary(
    meta: etree._Element,
    metadata: Metadata,
    cited: Sequence[Reference],
    footnote_order: Sequence[str],
    clean: Sanitizer,
) -> None:
    """``proprietary`` (unres namespace) with what AKN has no element for; nothing if empty.

    ``footnote_order`` is the marker of each footnote in the tree's order (notes
    sit at their markers in the text, so that order is not otherwise kept).
    Call it last: it records the characters ``clean`` has replaced so far.
    """
    replaced = clean.replaced
    if not (metadata.symbols or metadata.ods_tags or cited or replaced or footnote_order):
        return
    holder = _sub(meta, "proprietary", source="#unres")
    record = etree.SubElement(holder, f"{{{UNRES_NS}}}metadata")
    for symbol in metadata.symbols:
        etree.SubElement(record, f"{{{UNRES_NS}}}symbol").text = clean(symbol)
    for name, value in metadata.ods_tags.items():
        etree.SubElement(record, f"{{{UNRES_NS}}}odsTag", name=clean(name)).text = clean(value)
    for reference in cited:
        attrs = {"kind": reference.kind, "symbol": clean(reference.symbol)}
        if reference.date is not None:
            attrs["date"] = reference.date
        etree.SubElement(record, f"{{{UNRES_NS}}}reference", attrs).text = clean(reference.text)
    for marker in footnote_order:
        etree.SubElement(record, f"{{{UNRES_NS}}}footnote", marker=clean(marker))
    if replaced:
        codes = " ".join(f"U+{code:04X}" for code in replaced)
        etree.SubElement(
            record, f"{{{UNRES_NS}}}replacedCharacters", count=str(len(replaced))
        ).text = codes
