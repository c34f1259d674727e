"""The resolution tree as Akoma Ntoso 3.0 XML, following the AKN4UN modelling of a resolution.

Takes a :class:`~unres.models.Resolution` and builds, with lxml,
``akomaNtoso/statement[@name="resolution"]`` (a ``documentCollection`` of
statements for a multi-part resolution): ``meta`` (:mod:`.akn_meta`),
``coverPage`` (symbol, organ, distribution, date, session, agenda items, job
numbers), ``preface`` (``docNumber``, ``docTitle``, report line, sponsors),
``preamble`` (``formula``, one ``container`` per clause), ``mainBody``
(``paragraph/num/content``; sub-items as ``list/intro/point/num/content`` and
``wrapUp``; sections), ``conclusions`` (meeting and date), and annexes in
``attachments``. Footnotes are ``authorialNote`` at the place of the marker
(see :mod:`.akn_text`).

Every node kind of the tree has an entry in :data:`RENDERERS`. Text the parser
did not recognise is written where it stood (by span) as a ``container`` or
``hcontainer`` named ``unparsed``; footnotes no marker points at go to
``meta/notes``. eIds are assigned afterwards, in a pass of their own
(:mod:`.eids`). The output validates against the OASIS AKN 3.0 schema
(:mod:`unres.akn_schema`). Noise records (``removed``) and parser findings
describe the source text, not the document, and are not written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from lxml import etree

from unres.akn_names import (
    ACTORS,
    DEFAULT_ACTOR,
    DOCUMENT_NAMES,
    EMPTY_BODY,
    ENGLISH_MONTHS,
    LANGUAGES,
    NSMAP,
    SESSION_KINDS,
    SUBHEADING,
    UNPARSED,
    UNRESOLVED_NOTE,
)
from unres.dates import find_date
from unres.models import (
    Adoption,
    Annex,
    AnnexHeading,
    AnnexParagraph,
    Finding,
    Footnote,
    FootnoteRef,
    Formula,
    HeadingLine,
    Item,
    Node,
    OperativeParagraph,
    Part,
    Preamble,
    PreambularClause,
    Reference,
    Removal,
    Report,
    Resolution,
    Section,
    TextBlock,
    Unparsed,
)
from unres.render import akn_meta
from unres.render.akn_meta import NO_DATE, Identity
from unres.render.akn_text import Sanitizer, append_text, fill, note_places, tag
from unres.render.eids import assign_eids

N = TypeVar("N", bound=Node)

_BODY_TAGS = frozenset({tag("mainBody"), tag("section")})
_LIST_TAGS = frozenset({tag("blockList")})


@dataclass(frozen=True, slots=True)
class AknOptions:
    """How to write: the FRBR actor (default from the organ) and the source text, if known."""

    actor: str | None = None
    source: str | None = None


@dataclass(slots=True)
class _Render:
    """State of one rendering; made per call, never shared."""

    options: AknOptions
    notes: dict[str, Footnote]
    unparsed: list[Unparsed]
    subheadings: list[TextBlock] = field(default_factory=list)
    """Every subheading, preamble and operative, in document order; written by span."""
    clean: Sanitizer = field(default_factory=Sanitizer)
    cited: set[str] = field(default_factory=set)
    next_unparsed: int = 0
    next_subheading: int = 0
    actor: str = DEFAULT_ACTOR
    part_end: int = 1 << 62
    """Where the part being written ends: unparsed text before it is written in that part."""

    def flush(self, parent: etree._Element, before: int) -> None:
        """Write the unparsed text and subheadings that stood before ``before`` into ``parent``."""
        while True:
            text = self._next(self.unparsed, self.next_unparsed)
            heading = self._next(self.subheadings, self.next_subheading)
            if heading is not None and (text is None or heading.span[0] < text.span[0]):
                if heading.span[0] >= before:
                    return
                self.next_subheading += 1
                _subheading(self, parent, heading)
                continue
            if text is None or text.span[0] >= before:
                return
            self.next_unparsed += 1
            render(self, parent, text)

    @staticmethod
    def _next(nodes: Sequence[N], index: int) -> N | None:
        return nodes[index] if index < len(nodes) else None


def to_akn(resolution: Resolution, *, actor: str | None = None, source: str | None = None) -> bytes:
    """The resolution as AKN 3.0 XML (UTF-8, with an XML declaration).

    ``actor`` is the FRBR actor of the URIs (``unga``, ``unsc``…; default from
    the organ). ``source``, the text the tree was parsed from, lets footnote
    markers be placed exactly. Raises :class:`ValueError` for a malformed actor.
    """
    if actor is not None and not akn_meta.ACTOR.fullmatch(actor):
        raise ValueError(f"actor must be a short name such as 'unga', not {actor!r}")
    return etree.tostring(
        to_akn_tree(resolution, AknOptions(actor, source)),
        xml_declaration=True,
        encoding="UTF-8",
        pretty_print=True,
    )


def to_akn_tree(resolution: Resolution, options: AknOptions) -> etree._Element:
    """The ``akomaNtoso`` element of the resolution, eIds assigned."""
    notes: dict[str, Footnote] = {}
    for note in resolution.footnotes:
        notes.setdefault(note.marker, note)
    ordered = sorted(resolution.unparsed, key=lambda node: node.span[0])
    subheadings = sorted(_subheadings(resolution), key=lambda node: node.span[0])
    run = _Render(options, notes, ordered, subheadings)
    root = etree.Element(tag("akomaNtoso"), nsmap=NSMAP)  # type: ignore[arg-type]  # None: default ns
    render(run, root, resolution)
    assign_eids(root)
    return root


def _subheadings(resolution: Resolution) -> list[TextBlock]:
    """The subheadings of every preamble and operative part of the resolution."""
    bodies: list[Resolution | Part] = [resolution, *resolution.parts]
    found: list[TextBlock] = []
    for body in bodies:
        found.extend(body.subheadings)
        if body.preamble is not None:
            found.extend(body.preamble.subheadings)
    return found


def render(run: _Render, parent: etree._Element, node: Node) -> None:
    """Write ``node`` into ``parent`` with the renderer of its kind."""
    RENDERERS[type(node)](run, parent, node)


def _sub(
    parent: etree._Element, local: str, text: str | None = None, /, **attrs: str
) -> etree._Element:
    element = etree.SubElement(parent, tag(local), attrs)
    if text is not None:
        element.text = text
    return element


# --- the document ------------------------------------------------------------------------


def _resolution(run: _Render, root: etree._Element, node: Resolution) -> None:
    who = _identity(run, node)
    if node.parts:
        doc = _sub(root, "documentCollection", name=DOCUMENT_NAMES[node.kind])
    else:
        doc = _sub(root, "statement", name=DOCUMENT_NAMES[node.kind])
    meta = _sub(doc, "meta")
    _cover_page(run, doc, node)
    _preface(run, doc, node)
    if node.parts:
        collection = _sub(doc, "collectionBody")
        starts = [p.span[0] for p in node.parts[1:]] + [_annexes_start(node)]
        for part, end in zip(node.parts, starts, strict=True):
            run.part_end = end
            render(run, collection, part)
    else:
        end = _annexes_start(node)
        _body(run, doc, node.preamble, node.operative, node.sections, node.adoption, end)
    _annexes(run, doc, node.annexes)
    bodies = list(doc.iter(tag("mainBody")))
    run.flush(bodies[-1], _END)  # nothing is left by now; kept as a safety net
    _meta(run, meta, node, who, node.adoption if not node.parts else None)


def _annexes_start(node: Resolution) -> int:
    return node.annexes[0].span[0] if node.annexes else _END


def _identity(run: _Render, node: Resolution) -> Identity:
    actor = run.options.actor or ACTORS.get(node.organ or "", DEFAULT_ACTOR)
    run.actor = actor
    date = (node.adoption.date if node.adoption else None) or node.metadata.issue_date or NO_DATE
    language = node.metadata.language
    return Identity(
        actor=actor,
        organ=node.organ,
        date=date,
        published=node.metadata.issue_date or date,
        number=akn_meta.slug(node.number or node.symbol),
        language=LANGUAGES.get(language, language),
    )


def _meta(
    run: _Render,
    meta: etree._Element,
    node: Resolution,
    who: Identity,
    adoption: Adoption | None,
    component: str = "main",
) -> None:
    akn_meta.identification(meta, who, component)
    if adoption is not None and adoption.vote is not None:
        akn_meta.analysis(meta, adoption.vote, run.clean)
    document = meta.getparent()
    akn_meta.references(
        meta, who.actor, who.organ, _concepts_used(document if document is not None else meta)
    )
    if component == "main":
        _orphan_notes(run, meta, node)
        akn_meta.proprietary(
            meta,
            node.metadata,
            node.references,
            [note.marker for note in node.footnotes],
            run.clean,
        )


def _concepts_used(document: etree._Element) -> set[str]:
    """The ``refersTo`` targets used anywhere in ``document``, without the ``#``."""
    return {value.lstrip("#") for element in document.iter() if (value := element.get("refersTo"))}


def _orphan_notes(run: _Render, meta: etree._Element, node: Resolution) -> None:
    orphans = [
        note
        for note in node.footnotes
        if note.marker not in run.cited or run.notes.get(note.marker) is not note
    ]
    if orphans:
        holder = _sub(meta, "notes", source="#unres")
        for note in orphans:
            render(run, holder, note)


def _cover_page(run: _Render, doc: etree._Element, node: Resolution) -> None:
    meta = node.metadata
    lines: list[tuple[str, str | None, dict[str, str]]] = [
        ("docAuthority", "United Nations", {"refersTo": "#publisher"}),
        ("docNumber", node.symbol, {"refersTo": "#symbol"}),
        ("docAuthority", node.organ_name or node.organ, {"refersTo": "#issuingBody"}),
        ("docStatus", f"Distr.: {meta.distribution}" if meta.distribution else None,
         {"refersTo": "#distribution"}),
    ]  # fmt: skip
    if meta.issue_date:
        lines.append(("docDate", _date_words(meta.issue_date, meta.language),
                      {"date": meta.issue_date, "refersTo": "#dateOfIssuance"}))  # fmt: skip
    cover = _sub(doc, "coverPage")
    for name, text, attrs in lines:
        if text is not None:
            _sub(_sub(cover, "p"), name, run.clean(text), **attrs)
    _session(run, cover, node)
    for item in meta.agenda_items:
        p = _sub(cover, "p", "Agenda item ")
        _sub(p, "inline", run.clean(item), name="agendaItem", refersTo="#agendaItem")
    if meta.job_number:
        _sub(_sub(cover, "p"), "inline", run.clean(meta.job_number), name="jobNumber",
             refersTo="#jobNumber")  # fmt: skip
    if meta.print_job:
        _sub(_sub(cover, "p"), "docketNumber", run.clean(meta.print_job),
             refersTo="#publicationJobNumber")  # fmt: skip


def _session(run: _Render, cover: etree._Element, node: Resolution) -> None:
    if node.session is None and not node.metadata.session_title:
        return
    session = _sub(_sub(cover, "p"), "session", run.clean(node.metadata.session_title or ""))
    if node.session is not None:
        session.set("value", str(node.session))
    if node.session_kind is not None:
        session.set("refersTo", SESSION_KINDS[node.session_kind])


def _date_words(iso: str, language: str) -> str:
    year, month, day = iso.split("-")
    if language != "en":
        return iso
    return f"{int(day)} {ENGLISH_MONTHS[int(month) - 1]} {year}"


def _preface(run: _Render, doc: etree._Element, node: Resolution) -> None:
    has_heading = node.number is not None or node.title is not None or node.report is not None
    if not (has_heading or node.sponsors or _has_unparsed_before(run, node)):
        return
    preface = _sub(doc, "preface")
    run.flush(preface, _first_start(node))
    _number_and_title(run, preface, node.number, node.title)
    if node.report is not None:
        render(run, preface, node.report)
    if node.sponsors:
        p = _sub(preface, "p")
        for index, sponsor in enumerate(node.sponsors):
            append_text(p, ", " if index else "")
            _sub(p, "docProponent", run.clean(sponsor), refersTo="#sponsor")


def _has_unparsed_before(run: _Render, node: Resolution) -> bool:
    pending = run.unparsed[run.next_unparsed :]
    return bool(pending) and pending[0].span[0] < _first_start(node)


def _first_start(node: Resolution) -> int:
    starts = [node.preamble.span[0]] if node.preamble else []
    starts += [p.span[0] for p in node.operative] + [s.span[0] for s in node.sections]
    starts += [p.span[0] for p in node.parts]
    return min(starts, default=node.adoption.span[0] if node.adoption else node.span[1])


def _number_and_title(
    run: _Render, parent: etree._Element, number: str | None, title: str | None
) -> None:
    if number is None and title is None:
        return
    p = _sub(parent, "p")
    if number is not None:
        _sub(p, "docNumber", run.clean(f"{number}."))
    if title is not None:
        append_text(p, " " if number is not None else "")
        _sub(p, "docTitle", run.clean(title))


def _body(
    run: _Render,
    doc: etree._Element,
    preamble: Preamble | None,
    paragraphs: Sequence[OperativeParagraph],
    sections: Sequence[Section],
    adoption: Adoption | None,
    end: int,
) -> None:
    """Preamble, main body and conclusions; unparsed text before ``end`` is written in them."""
    if preamble is not None:
        render(run, doc, preamble)
    body = _sub(doc, "mainBody")
    for block in [*paragraphs, *sections]:
        run.flush(body, block.span[0])
        render(run, body, block)
    run.flush(body, _body_end(adoption, paragraphs, sections, end))
    if len(body) == 0:
        _empty(body)
    if adoption is not None:
        render(run, doc, adoption)
        run.flush(doc[-1], end)


_END = 1 << 62
"""An offset after every span."""


def _body_end(
    adoption: Adoption | None,
    paragraphs: Sequence[OperativeParagraph],
    sections: Sequence[Section],
    end: int,
) -> int:
    """Where the main body's text stops: at the adoption, unless the heading stated it.

    A Security Council text states its adoption above the preamble; what
    stands after the last paragraph then still belongs to the main body.
    """
    if adoption is None:
        return end
    starts = [block.span[0] for block in [*paragraphs, *sections]]
    return end if starts and adoption.span[0] < min(starts) else adoption.span[0]


def _empty(body: etree._Element) -> None:
    holder = _sub(body, "hcontainer", name=EMPTY_BODY)
    _sub(_sub(holder, "content"), "p")


def _annexes(run: _Render, doc: etree._Element, annexes: Sequence[Annex]) -> None:
    if not annexes:
        return
    holder = _sub(doc, "attachments")
    for index, annex in enumerate(annexes):
        render(run, holder, annex)
        body = holder[-1][0].find(tag("mainBody"))
        if body is not None:
            run.flush(body, annexes[index + 1].span[0] if index + 1 < len(annexes) else _END)


# --- renderers, one per node kind ---------------------------------------------------------


def _part(run: _Render, collection: etree._Element, node: Part) -> None:
    statement = _sub(_sub(collection, "component"), "statement", name="resolution")
    meta = _sub(statement, "meta")
    preface = _sub(statement, "preface")
    _number_and_title(run, preface, node.label, node.title)
    _body(run, statement, node.preamble, node.operative, node.sections, node.adoption, run.part_end)
    who = Identity(
        actor=run.actor,
        organ=None,
        date=(node.adoption.date if node.adoption else None) or NO_DATE,
        published=(node.adoption.date if node.adoption else None) or NO_DATE,
        number=akn_meta.slug(node.label),
        language="und",
    )
    akn_meta.identification(meta, who, f"part_{akn_meta.slug(node.label)}")
    if node.adoption is not None and node.adoption.vote is not None:
        akn_meta.analysis(meta, node.adoption.vote, run.clean)


def _preamble(run: _Render, doc: etree._Element, node: Preamble) -> None:
    preamble = _sub(doc, "preamble")
    if node.formula is not None:
        run.flush(preamble, node.formula.span[0])
        render(run, preamble, node.formula)
    for clause in node.clauses:
        run.flush(preamble, clause.span[0])
        render(run, preamble, clause)


def _formula(run: _Render, parent: etree._Element, node: Formula) -> None:
    formula = _sub(parent, "formula", name="enactingFormula")
    _sub(formula, "p", run.clean(node.text))


def _clause(run: _Render, parent: etree._Element, node: PreambularClause) -> None:
    container = _sub(parent, "container", name=run.clean(node.phrase) or "clause")
    _text_p(run, _sub(container, "p"), node.text, node.phrase, node.span[0], node.footnote_refs)
    if node.items:
        block_list = _sub(container, "blockList")
        for item in node.items:
            render(run, block_list, item)
    for block in node.wrap_up:
        render(run, container, block)


def _paragraph(run: _Render, parent: etree._Element, node: OperativeParagraph) -> None:
    paragraph = _sub(parent, "paragraph")
    if node.number is not None:
        _sub(paragraph, "num", run.clean(f"{node.number}."))
    _hierarchy(run, paragraph, node.text, node.phrase, node)


def _annex_paragraph(run: _Render, parent: etree._Element, node: AnnexParagraph) -> None:
    paragraph = _sub(parent, "paragraph")
    if node.number:
        _sub(paragraph, "num", run.clean(f"{node.number}."))
    _hierarchy(run, paragraph, node.text, "", node)


def _item(run: _Render, parent: etree._Element, node: Item) -> None:
    if parent.tag in _LIST_TAGS:  # a sub-item of a preambular clause
        item = _sub(parent, "item", **{"class": node.label_style})
        _sub(item, "num", run.clean(f"({node.label})"))
        _text_p(run, _sub(item, "p"), node.text, "", node.span[0], node.footnote_refs)
        if node.items:
            block_list = _sub(item, "blockList")
            for child in node.items:
                render(run, block_list, child)
        for block in node.wrap_up:
            render(run, item, block)
        return
    point = _sub(parent, "point", **{"class": node.label_style})
    _sub(point, "num", run.clean(f"({node.label})"))
    _hierarchy(run, point, node.text, "", node)


def _hierarchy(
    run: _Render,
    element: etree._Element,
    text: str,
    phrase: str,
    node: OperativeParagraph | AnnexParagraph | Item,
) -> None:
    """``content/p`` (+ wrap-up ``p``), or ``list/intro`` + ``point`` + ``wrapUp``."""
    if not node.items:
        content = _sub(element, "content")
        _text_p(run, _sub(content, "p"), text, phrase, node.span[0], node.footnote_refs)
        for block in node.wrap_up:
            render(run, content, block)
        return
    items = _sub(element, "list")
    intro = _sub(items, "intro")
    _text_p(run, _sub(intro, "p"), text, phrase, node.span[0], node.footnote_refs)
    for item in node.items:
        render(run, items, item)
    if node.wrap_up:
        wrap = _sub(items, "wrapUp")
        for block in node.wrap_up:
            render(run, wrap, block)


def _text_block(run: _Render, parent: etree._Element, node: TextBlock) -> None:
    if parent.tag in _BODY_TAGS:  # annex text between paragraphs
        parent = _sub(_sub(parent, "hcontainer", name="text"), "content")
    _text_p(run, _sub(parent, "p"), node.text, "", node.span[0], node.footnote_refs)


def _subheading(run: _Render, parent: etree._Element, node: TextBlock) -> None:
    """A subheading as the UN writes it: ``block name="subheading"`` in the preamble, else
    a paragraph holding only a ``subheading``."""
    if parent.tag == tag("preamble"):
        holder = _sub(parent, "block", name=SUBHEADING)
    else:
        holder = _sub(_sub(parent, "paragraph"), "subheading")
    _text_p(run, holder, node.text, "", node.span[0], node.footnote_refs)


def _section(run: _Render, parent: etree._Element, node: Section) -> None:
    section = _sub(parent, "section")
    if node.label:
        _sub(section, "num", run.clean(node.label))
    if node.heading:
        _sub(section, "heading", run.clean(node.heading))
    for block in [*node.paragraphs, *node.sections]:
        run.flush(section, block.span[0])
        render(run, section, block)


def _annex(run: _Render, attachments: etree._Element, node: Annex) -> None:
    doc = _sub(_sub(attachments, "attachment"), "doc", name="annex")
    meta = _sub(doc, "meta")
    preface = _sub(_sub(doc, "preface"), "p")
    _sub(preface, "docType", run.clean(node.label))
    if node.title is not None:
        append_text(preface, " ")
        _sub(preface, "docTitle", run.clean(node.title))
    body = _sub(doc, "mainBody")
    for block in node.content:
        run.flush(body, block.span[0])
        render(run, body, block)
    if not node.content:
        _empty(body)
    index = len(attachments)
    who = Identity(DEFAULT_ACTOR, None, NO_DATE, NO_DATE, f"annex-{index}", "und")
    akn_meta.identification(meta, who, f"annex_{index}")


def _annex_heading(run: _Render, parent: etree._Element, node: AnnexHeading) -> None:
    holder = _sub(parent, "hcontainer", name="heading")
    if node.label is not None:
        _sub(holder, "num", run.clean(node.label))
    _sub(holder, "heading", run.clean(node.text))


def _adoption(run: _Render, doc: etree._Element, node: Adoption) -> None:
    container = _sub(_sub(doc, "conclusions"), "container", name="conclusion")
    p = _sub(container, "p")
    text = node.text
    marks: list[tuple[int, int, str, dict[str, str]]] = []
    if node.meeting and node.meeting in text:
        start = text.index(node.meeting)
        marks.append((start, start + len(node.meeting), "event", {"refersTo": "#meeting"}))
    found = find_date(text) if node.date else None
    if found is not None and found[0] == node.date:
        date_attrs = {"date": found[0], "refersTo": "#adoptionDate"}
        marks.append((found[1], found[2], "docDate", date_attrs))
    position = 0
    for start, end, name, attrs in sorted(marks):
        if start < position:
            continue
        append_text(p, run.clean(text[position:start]))
        _sub(p, name, run.clean(text[start:end]), **attrs)
        position = end
    append_text(p, run.clean(text[position:]))
    if node.date and found is None:
        _sub(p, "docDate", "", date=node.date, refersTo="#adoptionDate")


def _report(run: _Render, preface: etree._Element, node: Report) -> None:
    p = _sub(preface, "p", "[", **{"class": "report"})
    report = _sub(p, "inline", name="report", refersTo="#report")
    text = node.text
    marks: list[tuple[int, int, str, str]] = []
    pieces = (
        ("docCommittee", node.committee, "committee"),
        ("inline", node.symbol, "reportSymbol"),
    )
    for name, value, concept in pieces:
        if value and value in text:
            start = text.index(value)
            marks.append((start, start + len(value), name, concept))
    position = 0
    for start, end, name, concept in sorted(marks):
        if start < position:
            continue
        append_text(report, run.clean(text[position:start]))
        attrs = {"refersTo": f"#{concept}"} | ({"name": concept} if name == "inline" else {})
        _sub(report, name, run.clean(text[start:end]), **attrs)
        position = end
    append_text(report, run.clean(text[position:]))
    append_text(p, "]")


def _unparsed(run: _Render, parent: etree._Element, node: Unparsed) -> None:
    if parent.tag in _BODY_TAGS:
        holder = _sub(_sub(parent, "hcontainer", name=UNPARSED), "content")
    else:
        holder = _sub(parent, "container", name=UNPARSED)
    _sub(holder, "p", run.clean(node.text))


def _footnote(run: _Render, notes: etree._Element, node: Footnote) -> None:
    """A footnote no marker points at: a ``note`` in ``meta/notes``."""
    note = _sub(notes, "note", marker=run.clean(node.marker), placement="bottom")
    _sub(note, "p", run.clean(node.text))


def _footnote_ref(run: _Render, parent: etree._Element, node: FootnoteRef) -> None:
    """The ``authorialNote`` at the place of a marker, with the footnote text."""
    note = _sub(parent, "authorialNote", marker=run.clean(node.marker), placement="bottom")
    body = run.notes.get(node.marker)
    if body is None:
        note.set("class", UNRESOLVED_NOTE)
        _sub(note, "p")
        return
    run.cited.add(node.marker)
    _sub(note, "p", run.clean(body.text))


def _not_written(run: _Render, parent: etree._Element, node: Node) -> None:
    """Noise records, findings and citations: about the source text, or kept in ``meta``."""


def _text_p(
    run: _Render,
    p: etree._Element,
    text: str,
    phrase: str,
    start: int,
    refs: Sequence[FootnoteRef],
) -> None:
    places = note_places(text, start, refs, run.options.source)
    fill(
        p,
        text,
        phrase=phrase,
        places=places,
        clean=run.clean,
        write_note=lambda parent, ref: render(run, parent, ref),
    )


Renderer = Callable[[_Render, etree._Element, Node], None]


def _entry(
    kind: type[N], function: Callable[[_Render, etree._Element, N], None]
) -> tuple[type[Node], Renderer]:
    def run_it(run: _Render, parent: etree._Element, node: Node) -> None:
        if not isinstance(node, kind):
            raise TypeError(f"renderer of {kind.__name__} given {type(node).__name__}")
        function(run, parent, node)

    return kind, run_it


RENDERERS: dict[type[Node], Renderer] = dict(
    [
        _entry(Resolution, _resolution),
        _entry(Part, _part),
        _entry(Preamble, _preamble),
        _entry(Formula, _formula),
        _entry(PreambularClause, _clause),
        _entry(OperativeParagraph, _paragraph),
        _entry(Item, _item),
        _entry(TextBlock, _text_block),
        _entry(Section, _section),
        _entry(Annex, _annex),
        _entry(AnnexParagraph, _annex_paragraph),
        _entry(AnnexHeading, _annex_heading),
        _entry(Adoption, _adoption),
        _entry(Report, _report),
        _entry(Unparsed, _unparsed),
        _entry(Footnote, _footnote),
        _entry(FootnoteRef, _footnote_ref),
        _entry(Reference, _not_written),
        _entry(HeadingLine, _not_written),  # the heading is written from its fields
        _entry(Removal, _not_written),
        _entry(Finding, _not_written),
    ]
)
"""The renderer of every node kind of the tree (a test checks none is missing)."""
