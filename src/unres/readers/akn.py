"""Akoma Ntoso (AKN4UN) XML read back into a :class:`~unres.models.Resolution`.

Takes the bytes of an AKN 3.0 document: one written by
:func:`unres.to_akn`, or the UN's own AKN4UN markup. Parsing is safe: no
entity expansion, no DTD loading (a document type declaration is refused),
no network, no huge-tree mode, and a size limit; every failure is an
:class:`~unres.errors.AknError` with a one-line reason.

Gives the same tree the text parser gives for the same document (spans
aside): spans are offsets into the XML document's decoded text, from the
start tag of an element to whatever follows it. Cover page, preface, meta
and conclusions fill the heading, metadata and adoption fields; the body is
read by :mod:`.akn_body`. ``metadata.lineage`` is ``akn``.
"""

from __future__ import annotations

from typing import Literal

import regex
from lxml import etree

from unres.akn_names import (
    AKN_NS,
    KINDS_BY_NAME,
    LANGUAGES_BACK,
    UNRES_NS,
    UNRESOLVED_NOTE,
    VOTE_COUNTS,
)
from unres.digits import decimal_value
from unres.errors import AknError
from unres.lexicon import canonical_organ
from unres.models import (
    Adoption,
    Annex,
    Footnote,
    Metadata,
    OperativeParagraph,
    Part,
    Preamble,
    Reference,
    Report,
    Resolution,
    Section,
    TextBlock,
    Vote,
)
from unres.models.tree import DocumentKind
from unres.readers.akn_body import BodyReader, adoption_from, children
from unres.readers.akn_text import NOTE_TAG, Locator, local_name, read_text, string_of
from unres.readers.detect import kind_of

SessionKind = Literal["regular", "special", "emergency-special"]

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
"""XML larger than this is refused (64 MiB)."""

_SC_NUMBER = regex.compile(r"\d{1,5}[ \u00a0]*+\(\d{4}\)")
_DISTRIBUTION = regex.compile(r"^Distr\.?[ \u00a0]*+:?[ \u00a0]*+")
_SESSION_BY_CONCEPT: dict[str, SessionKind] = {
    "#regularSession": "regular",
    "#specialSession": "special",
    "#emergencySpecialSession": "emergency-special",
}
_DECLARED_ENCODING = regex.compile(
    r"""
    \ufeff? [\ \t\r\n]*+ <\?xml [^>]*? \bencoding     # the XML declaration, up to its encoding
    [\ \t\r\n]*+ = [\ \t\r\n]*+ ["'] (?P<name>[\w.:-]++) ["']
    """,
    regex.VERBOSE,
)
_COUNT_FIELDS = {concept: name for name, concept in VOTE_COUNTS}


def _q(name: str) -> str:
    return f"{{{AKN_NS}}}{name}"


def looks_like_akn(data: bytes) -> bool:
    """Whether ``data`` opens like XML (see :func:`unres.readers.detect.kind_of`)."""
    return kind_of(data) == "akn"


def from_akn(data: bytes | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Resolution:
    """The tree of an AKN document, given as bytes or as text; raises :class:`AknError` if it
    cannot be read. Spans are offsets into the document's text (``data`` itself when a ``str``).
    """
    return read_akn(data, max_bytes=max_bytes)[0]


def read_akn(data: bytes | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Resolution, str]:
    """The tree of an AKN document and the decoded text its spans index."""
    if isinstance(data, str):
        data = _encoded(data)
    if not isinstance(data, bytes):
        raise AknError(f"expected bytes or str, got {type(data).__name__}")
    if len(data) > max_bytes:
        raise AknError(f"XML too large: {len(data)} bytes, limit {max_bytes}")
    root = _parse(data)
    text = _decoded(data, root)
    document = next(iter(children(root)), None)
    if document is None:
        raise AknError("akomaNtoso has no document element")
    return _resolution(document, Locator(text, root), text), text


def _encoded(text: str) -> bytes:
    """``text`` as the bytes its XML declaration announces (UTF-8 without one).

    Encoding in the declared encoding, rather than rewriting the declaration, keeps
    every offset of the text the same in the document read back.
    """
    declared = _DECLARED_ENCODING.match(text)
    name = declared["name"] if declared is not None else "utf-8"
    try:
        return text.encode(name, "surrogatepass" if name.lower().startswith("utf") else "strict")
    except LookupError:
        raise AknError(f"XML declares an unknown encoding: {name}") from None
    except UnicodeEncodeError as err:
        raise AknError(f"XML text cannot be written in its declared {name}: {err.reason}") from None


def _parse(data: bytes) -> etree._Element:
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        dtd_validation=False,
        remove_pis=False,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        raise AknError(f"not well-formed XML: {err}") from None
    except ValueError as err:
        raise AknError(f"cannot read XML: {err}") from None
    info = root.getroottree().docinfo
    if info.internalDTD is not None or info.public_id or info.doctype:
        raise AknError("XML with a document type declaration is not accepted")
    if root.tag != _q("akomaNtoso"):
        raise AknError(f"not Akoma Ntoso 3.0: root element is {root.tag!r}")
    return root


def _decoded(data: bytes, root: etree._Element) -> str:
    encoding = root.getroottree().docinfo.encoding or "utf-8"
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return data.decode("utf-8", "replace")


def _resolution(document: etree._Element, locate: Locator, text: str) -> Resolution:
    reader = BodyReader(locate, repair=not _written_by_unres(document))
    kind: DocumentKind = KINDS_BY_NAME.get(document.get("name") or "", "resolution")
    meta = document.find(_q("meta"))
    cover = document.find(_q("coverPage"))
    facts = _cover(cover, locate) if cover is not None else _Cover()
    if facts.print_job is None:  # the UN keeps it in meta/presentation
        docket = document.find(f".//{_q('docketNumber')}")
        facts.print_job = string_of(docket) if docket is not None else None
    _preface(document.find(_q("preface")), facts, reader)
    footnotes = _footnotes(document, meta, locate)
    parts: list[Part] = []
    preamble: Preamble | None = None
    paragraphs: list[OperativeParagraph] = []
    sections: list[Section] = []
    subheadings: list[TextBlock] = []
    adoption: Adoption | None = facts.adoption
    body = document.find(_q("collectionBody"))
    if body is not None:
        parts = [_part(component, reader) for component in children(body, "component")]
        adoption = next((p.adoption for p in reversed(parts) if p.adoption is not None), adoption)
    else:
        preamble, paragraphs, sections, found = _body(document, reader)
        subheadings = reader.take_subheadings()
        adoption = found or adoption
    if adoption is not None and meta is not None:
        adoption = _with_vote(adoption, meta)
    attachments = document.find(_q("attachments"))
    annexes: list[Annex] = []
    if attachments is not None:
        annexes = [reader.annex(a) for a in children(attachments, "attachment")]
    return Resolution(
        kind=kind,
        symbol=facts.symbol,
        organ=canonical_organ(facts.organ) if facts.organ else None,
        organ_name=facts.organ,
        number=facts.number,
        session=facts.session,
        session_kind=facts.session_kind,
        title=facts.title,
        report=facts.report,
        preamble=preamble,
        operative=paragraphs,
        sections=sections,
        subheadings=subheadings,
        parts=parts,
        annexes=annexes,
        footnotes=footnotes,
        adoption=adoption,
        sponsors=facts.sponsors,
        metadata=_metadata(meta, facts),
        references=_references(meta, locate),
        unparsed=reader.unparsed,
        findings=reader.findings,
        span=(0, len(text)),
    )


def _written_by_unres(document: etree._Element) -> bool:
    """Whether unres wrote the document (its FRBRManifestation author is ``#unres``)."""
    path = f"{_q('meta')}/{_q('identification')}/{_q('FRBRManifestation')}/{_q('FRBRauthor')}"
    author = document.find(path)
    return author is not None and author.get("href") == "#unres"


def _body(
    document: etree._Element, reader: BodyReader
) -> tuple[Preamble | None, list[OperativeParagraph], list[Section], Adoption | None]:
    preamble_element = document.find(_q("preamble"))
    preamble = reader.preamble(preamble_element) if preamble_element is not None else None
    main = document.find(_q("mainBody"))
    paragraphs, sections = reader.main_body(main) if main is not None else ([], [])
    conclusions = document.find(_q("conclusions"))
    adoption = reader.conclusions(conclusions) if conclusions is not None else None
    return preamble, paragraphs, sections, adoption


def _part(component: etree._Element, reader: BodyReader) -> Part:
    document = next(iter(children(component)), component)
    preface = document.find(_q("preface"))
    label, title = "", None
    if preface is not None:
        number = preface.find(f".//{_q('docNumber')}")
        doc_title = preface.find(f".//{_q('docTitle')}")
        label = _strip_dot(string_of(number)) if number is not None else ""
        title = string_of(doc_title) if doc_title is not None else None
    preamble, paragraphs, sections, adoption = _body(document, reader)
    subheadings = reader.take_subheadings()
    meta = document.find(_q("meta"))
    if adoption is not None and meta is not None:
        adoption = _with_vote(adoption, meta)
    return Part(
        label=label,
        title=title,
        preamble=preamble,
        operative=paragraphs,
        sections=sections,
        subheadings=subheadings,
        adoption=adoption,
        span=reader.locate.span(component),
    )


class _Cover:
    """What the cover page and the preface say."""

    def __init__(self) -> None:
        self.symbol: str | None = None
        self.organ: str | None = None
        self.number: str | None = None
        self.title: str | None = None
        self.session: int | None = None
        self.session_kind: SessionKind | None = None
        self.session_title: str | None = None
        self.distribution: str | None = None
        self.issue_date: str | None = None
        self.agenda_items: list[str] = []
        self.job_number: str | None = None
        self.print_job: str | None = None
        self.report: Report | None = None
        self.sponsors: list[str] = []
        self.adoption: Adoption | None = None


def _cover(cover: etree._Element, locate: Locator) -> _Cover:
    facts = _Cover()
    for element in cover.iter():
        name, refers = local_name(element), element.get("refersTo")
        value = string_of(element)
        if name == "docNumber" and refers == "#symbol":
            facts.symbol = facts.symbol or value
        elif name == "docAuthority" and refers == "#issuingBody":
            facts.organ = facts.organ or value
        elif name == "docStatus":
            facts.distribution = _DISTRIBUTION.sub("", value) or None
        elif name == "docDate" and refers == "#dateOfIssuance":
            facts.issue_date = element.get("date")
        elif name == "session":
            _session(element, value, facts)
        elif name == "inline" and element.get("name") == "agendaItem":
            facts.agenda_items.append(value)
        elif name == "inline" and element.get("name") == "jobNumber":
            facts.job_number = value
        elif name == "docketNumber":
            facts.print_job = value
        elif name == "docTitle" and refers == "#resolutionNumber":
            m = _SC_NUMBER.search(value)
            facts.number = " ".join(m.group().split()) if m is not None else facts.number
        elif name == "docTitle" and refers == "#adoption":
            facts.adoption = adoption_from([element], locate)
    return facts


def _session(element: etree._Element, value: str, facts: _Cover) -> None:
    number = element.get("value")
    facts.session = decimal_value(number) if number else None
    facts.session_kind = _SESSION_BY_CONCEPT.get(element.get("refersTo") or "")
    facts.session_title = value or None


def _preface(preface: etree._Element | None, facts: _Cover, reader: BodyReader) -> None:
    if preface is None:
        return
    for p in children(preface):
        if reader.is_unparsed(p):
            reader.keep(p, None)
        elif p.get("class") == "report":
            facts.report = _report(p, reader.locate)
        elif p.find(f".//{_q('docProponent')}") is not None:
            facts.sponsors = [string_of(e) for e in p.iter(_q("docProponent"))]
        else:
            number = p.find(f".//{_q('docNumber')}")
            title = p.find(f".//{_q('docTitle')}")
            if number is not None and number.get("refersTo") is None:
                facts.number = _strip_dot(string_of(number))
            if title is not None:
                facts.title = string_of(title)


def _report(p: etree._Element, locate: Locator) -> Report:
    inner = p.find(_q("inline"))
    holder = inner if inner is not None else p
    committee = holder.find(_q("docCommittee"))
    symbol = next((e for e in holder.iter(_q("inline")) if e.get("name") == "reportSymbol"), None)
    return Report(
        text=string_of(holder) if inner is not None else string_of(p).strip("[] "),
        committee=string_of(committee) if committee is not None else None,
        symbol=string_of(symbol) if symbol is not None else None,
        span=locate.span(p),
    )


def _strip_dot(text: str) -> str:
    return text[:-1] if text.endswith(".") else text


def _footnotes(
    document: etree._Element, meta: etree._Element | None, locate: Locator
) -> list[Footnote]:
    """Footnote texts: each distinct ``authorialNote`` (marker and text), then ``meta/notes``.

    When unres wrote the document, ``proprietary`` lists the markers in the
    tree's order, and the notes are put back in that order.
    """
    found: list[Footnote] = []
    seen: set[tuple[str, str]] = set()
    for note in document.iter(NOTE_TAG):
        marker = note.get("marker") or ""
        text = read_text(children(note) or [note], locate).text
        if (marker, text) in seen or note.get("class") == UNRESOLVED_NOTE:
            continue
        seen.add((marker, text))
        found.append(Footnote(marker=marker, text=text, span=locate.span(note)))
    if meta is None:
        return found
    for note in meta.iter(_q("note")):
        text = read_text(children(note, "p") or [note], locate).text
        found.append(Footnote(marker=note.get("marker") or "", text=text, span=locate.span(note)))
    order = [element.get("marker") or "" for element in meta.iter(f"{{{UNRES_NS}}}footnote")]
    return _in_order(found, order) if order else found


def _in_order(notes: list[Footnote], order: list[str]) -> list[Footnote]:
    pool: dict[str, list[Footnote]] = {}
    for note in notes:
        pool.setdefault(note.marker, []).append(note)
    ordered = [pool[marker].pop(0) for marker in order if pool.get(marker)]
    return ordered + [note for rest in pool.values() for note in rest]


def _with_vote(adoption: Adoption, meta: etree._Element) -> Adoption:
    counts: dict[str, int] = {}
    names: dict[str, list[str]] = {}
    for count in meta.iter(_q("count")):
        concept = (count.get("refersTo") or "").lstrip("#")
        field_name = _COUNT_FIELDS.get(concept)
        value = count.get("value") or ""
        number = decimal_value(value)
        if field_name is None or number is None:
            continue
        counts[field_name] = number
        if field_name != "in_favour":
            names[field_name] = [string_of(m) for m in count.iter(_q("organization"))]
    if not counts:
        return adoption
    vote = Vote(
        in_favour=counts.get("in_favour"),
        against=counts.get("against"),
        abstaining=counts.get("abstaining"),
        against_names=names.get("against", []),
        abstaining_names=names.get("abstaining", []),
    )
    return adoption.model_copy(update={"vote": vote})


def _metadata(meta: etree._Element | None, facts: _Cover) -> Metadata:
    language = "en"
    symbols: list[str] = []
    ods_tags: dict[str, str] = {}
    if meta is not None:
        found = meta.find(f".//{_q('FRBRExpression')}/{_q('FRBRlanguage')}")
        code = found.get("language") if found is not None else None
        if code:
            language = LANGUAGES_BACK.get(code, code[:2])
        for element in meta.iter(f"{{{UNRES_NS}}}symbol"):
            symbols.append(string_of(element))
        for element in meta.iter(f"{{{UNRES_NS}}}odsTag"):
            ods_tags[element.get("name") or ""] = string_of(element)
    return Metadata(
        job_number=facts.job_number,
        symbols=symbols,
        distribution=facts.distribution,
        issue_date=facts.issue_date,
        session_title=facts.session_title,
        agenda_items=facts.agenda_items,
        print_job=facts.print_job,
        encoding="utf-8",
        lineage="akn",
        language=language,
        ods_tags=ods_tags,
    )


def _references(meta: etree._Element | None, locate: Locator) -> list[Reference]:
    if meta is None:
        return []
    found: list[Reference] = []
    for element in meta.iter(f"{{{UNRES_NS}}}reference"):
        kind = element.get("kind")
        found.append(
            Reference(
                kind="resolution" if kind == "resolution" else "document",
                text=element.text or "",  # verbatim: a citation's text is the source's
                symbol=element.get("symbol") or "",
                date=element.get("date"),
                span=locate.span(element),
            )
        )
    return found


__all__ = ["DEFAULT_MAX_BYTES", "from_akn", "looks_like_akn", "read_akn"]
