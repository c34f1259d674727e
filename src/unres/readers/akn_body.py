"""The body of an AKN document read into tree nodes: preamble, main body, annexes, conclusions.

Takes the elements under a document (``statement``, ``doc``, a component)
and gives the nodes of :mod:`unres.models`. Reads what unres writes
(:mod:`unres.render.akn`) exactly, and the UN's own AKN4UN markup as far as
the tree can hold it:

* ``container`` → preambular clause (first ``p`` its text, ``blockList``
  its sub-items, later ``p`` its wrap-up); ``formula`` → formula;
* ``paragraph`` → operative paragraph: ``num``, then ``content/p`` or
  ``list`` (``intro``, ``point``, a ``sublist`` after a point holding that
  point's sub-items, ``wrapUp``); ``alinea`` → wrap-up text, or an
  unnumbered paragraph at body level;
* a paragraph with only a ``subheading`` is an operative subheading, and
  ``block name="subheading"`` in the preamble a preamble subheading;
* a paragraph with only a (numbered) ``heading`` opens a section, and
  ``section`` elements are sections;
* ``conclusions`` → adoption (``event`` the meeting, ``docDate`` the date);
* anything else (preamble headings, ``hcontainer name="unparsed"``) →
  an ``unparsed`` node with its text, plus a finding when unres did not
  write it, so nothing is dropped silently.

Sub-item label styles come from ``point/@class`` when unres wrote it, else
from the label and the label before it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import regex
from lxml import etree

from unres.akn_names import AKN_NS, EMPTY_BODY, LABEL_STYLES, SUBHEADING, UNPARSED
from unres.dates import find_date
from unres.models import (
    Adoption,
    Annex,
    AnnexBlock,
    AnnexHeading,
    AnnexParagraph,
    Finding,
    Formula,
    Item,
    OperativeParagraph,
    Preamble,
    PreambularClause,
    Section,
    TextBlock,
    Unparsed,
)
from unres.models.tree import LabelStyle
from unres.parsers.preamble import opening, subject_length
from unres.readers.akn_text import Locator, Text, local_name, read_text, string_of

_WORD = regex.compile(r"[\p{L}\-\u2011’']++")
_MEETING_NUMBER = regex.compile(r"\d{1,5}")
_LABEL_TRIM = regex.compile(
    r"""
    ^[(\[]      # an opening bracket: (a)
    | [)\].]$   # a closing bracket or a dot: (a)  a)  a.
    """,
    regex.VERBOSE,
)
_ROMAN = regex.compile(r"(?i:[ivxlc]{1,7})")
_STRIP_DOT = regex.compile(
    r"""
    (?P<label>[0-9A-Za-z]++                  # 3  A  iv
        (?:[ \u00a0]?(?:bis|ter|quater))?)   # 12 bis
    \.                                       # the dot that ends a paragraph number
    """,
    regex.VERBOSE,
)

_SEPARATOR = regex.compile(r"[*\s\u00a0]++")
_HEADING_LABEL = regex.compile(r"[A-Z]")
_SUB_ITEM = regex.compile(
    r"""
    \(?(?:[a-z]{1,3}|[ivxlc]{1,6}|\d{1,2})\)   # (d)  d)  (iii)  (2)
    | [a-z]\.?                                 # d.  d
    """,
    regex.VERBOSE,
)
"""A paragraph ``num`` that is really a sub-item label."""
_HEADING_MAX = 150
_CLAUSE_ENDS = frozenset(".;:,")
_SECTION_HEAD = frozenset({"num", "heading", "subheading", "crossHeading"})


def _q(name: str) -> str:
    return f"{{{AKN_NS}}}{name}"


def children(element: etree._Element, *names: str) -> list[etree._Element]:
    """The AKN element children of ``element`` (with one of ``names``, when given)."""
    found = [child for child in element if local_name(child)]
    return [child for child in found if local_name(child) in names] if names else found


def number_of(element: etree._Element) -> str | None:
    """The ``num`` of an element, one trailing dot taken off (``3.`` → ``3``); None if absent."""
    num = element.find(_q("num"))
    if num is None:
        return None
    text = string_of(num)
    m = _STRIP_DOT.fullmatch(text)
    return m["label"] if m is not None else text


@dataclass(slots=True)
class BodyReader:
    """State of reading one document; made per call, never shared."""

    locate: Locator
    repair: bool = False
    """Whether to repair another producer's markup (see :meth:`repaired`); off for unres's own."""
    unparsed: list[Unparsed] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    subheadings: list[TextBlock] = field(default_factory=list)
    """Operative subheadings read so far; taken by :meth:`take_subheadings` per body."""

    # --- text and unparsed -----------------------------------------------------------------

    def text_of(self, elements: Sequence[etree._Element]) -> Text:
        return read_text(elements, self.locate)

    def keep(self, element: etree._Element, why: str | None) -> None:
        """Keep an element that has no place in the tree as ``unparsed`` text."""
        span = self.locate.span(element)
        self.unparsed.append(Unparsed(text=string_of(element), span=span))
        if why is not None:
            message = f"AKN <{local_name(element)}> {why}: kept as unparsed"
            self.findings.append(
                Finding(code="UNR050", severity="info", message=message, span=span)
            )

    def is_unparsed(self, element: etree._Element) -> bool:
        return element.get("name") == UNPARSED

    def take_subheadings(self) -> list[TextBlock]:
        """The operative subheadings read since the last call."""
        found, self.subheadings = self.subheadings, []
        return found

    # --- preamble ---------------------------------------------------------------------------

    def preamble(self, element: etree._Element) -> Preamble:
        formula: Formula | None = None
        clauses: list[PreambularClause] = []
        subheadings: list[TextBlock] = []
        for child in children(element):
            name = local_name(child)
            if name == "formula" and formula is None:
                formula = Formula(text=string_of(child), span=self.locate.span(child))
            elif name == "container" and not self.is_unparsed(child):
                clauses.append(self.clause(child))
            elif name == "block" and child.get("name") == SUBHEADING:
                subheadings.append(self.text_block(child))
            else:
                self.keep(child, None if self.is_unparsed(child) else "in the preamble")
        return Preamble(
            formula=formula,
            clauses=clauses,
            subheadings=subheadings,
            span=self.locate.span(element),
        )

    def clause(self, element: etree._Element) -> PreambularClause:
        ps = children(element, "p")
        body = self.text_of(ps[:1])
        phrase, known = _phrase(body, "preamble")
        items: list[Item] = []
        for block_list in children(element, "blockList"):
            items.extend(self.block_list(block_list))
        return PreambularClause(
            phrase=phrase,
            phrase_known=known,
            text=body.text,
            footnotes=body.footnotes,
            footnote_refs=body.refs,
            items=items,
            wrap_up=[self.text_block(p) for p in ps[1:]],
            span=self.locate.span(element),
        )

    def block_list(self, element: etree._Element) -> list[Item]:
        found: list[Item] = []
        previous: str | None = None
        for item in children(element, "item"):
            label = _label(number_of(item) or "")
            ps = children(item, "p")
            body = self.text_of(ps[:1])
            kids = [
                kid for nested in children(item, "blockList") for kid in self.block_list(nested)
            ]
            found.append(
                Item(
                    label=label,
                    label_style=_style(item, label, previous),
                    text=body.text,
                    footnotes=body.footnotes,
                    footnote_refs=body.refs,
                    items=kids,
                    wrap_up=[self.text_block(p) for p in ps[1:]],
                    span=self.locate.span(item),
                )
            )
            previous = label
        return found

    def text_block(self, element: etree._Element) -> TextBlock:
        body = self.text_of([element])
        return TextBlock(
            text=body.text,
            footnotes=body.footnotes,
            footnote_refs=body.refs,
            span=self.locate.span(element),
        )

    # --- main body --------------------------------------------------------------------------

    def main_body(self, element: etree._Element) -> tuple[list[OperativeParagraph], list[Section]]:
        """The paragraphs before any section, and the sections."""
        return self.blocks(children(element))

    def blocks(
        self, elements: Sequence[etree._Element]
    ) -> tuple[list[OperativeParagraph], list[Section]]:
        """Body-level elements in order: paragraphs, and sections (heading paragraphs open one)."""
        paragraphs: list[OperativeParagraph] = []
        sections: list[Section] = []
        flat: _FlatSection | None = None
        for child in elements:
            name = local_name(child)
            if name == "paragraph" and _is_subheading(child):
                self.subheadings.append(self.text_block(children(child, "subheading")[0]))
            elif name == "paragraph" and _is_heading(child):
                if flat is not None:
                    sections.append(flat.build())
                flat = _FlatSection.of(self, child)
            elif name in ("paragraph", "alinea"):
                target = flat.paragraphs if flat is not None else paragraphs
                if not self.repair:
                    target.append(self.paragraph(child))
                    continue
                heading = self.repaired(child, target)
                if heading is not None:
                    if flat is not None:
                        sections.append(flat.build())
                    flat = _FlatSection(self, child, heading.number or "", heading.text)
            elif name == "section":
                if flat is not None:
                    sections.append(flat.build())
                    flat = None
                sections.append(self.section(child))
            elif name == "hcontainer" and child.get("name") == EMPTY_BODY:
                continue
            else:
                self.keep(child, None if self.is_unparsed(child) else "in the main body")
        if flat is not None:
            sections.append(flat.build())
        return paragraphs, sections

    def repaired(
        self, element: etree._Element, target: list[OperativeParagraph]
    ) -> OperativeParagraph | None:
        """Read a paragraph of foreign markup into ``target``, repairing what is plainly misused.

        The UN's files mark up, in some languages and not others: a separator
        ``*`` as a paragraph (kept as unparsed); a heading as a paragraph with
        content (``A.`` + a short unpunctuated line; opens a section); a
        sub-item ``(d)`` as a paragraph after the paragraph it belongs to (made
        its sub-item); and the text after a list as an unnumbered paragraph
        starting in lower case (made the wrap-up of the paragraph above).
        Returns the paragraph when it is a heading that opens a section, else None.
        """
        paragraph = self.paragraph(element)
        number, text = paragraph.number, paragraph.text
        span = self.locate.span(element)
        if number is None and _SEPARATOR.fullmatch(text):
            self.keep(element, "is a separator")
            return None
        if (number is None or _HEADING_LABEL.fullmatch(number)) and _looks_like_heading(paragraph):
            self.findings.append(_repair_finding("a heading marked up as a paragraph", span))
            return paragraph
        previous = target[-1] if target else None
        if previous is not None and number is not None and _SUB_ITEM.fullmatch(number):
            label = _label(number)
            last = previous.items[-1].label if previous.items else None
            item = Item(
                label=label,
                label_style=_style(element, label, last),
                text=text,
                footnotes=paragraph.footnotes,
                footnote_refs=paragraph.footnote_refs,
                items=paragraph.items,
                wrap_up=paragraph.wrap_up,
                span=span,
            )
            update = {"items": [*previous.items, item], "span": (previous.span[0], span[1])}
            target[-1] = previous.model_copy(update=update)
            self.findings.append(_repair_finding("a sub-item marked up as a paragraph", span))
            return None
        if previous is not None and number is None and text[:1].islower():
            block = TextBlock(
                text=text, footnotes=paragraph.footnotes, footnote_refs=paragraph.footnote_refs,
                span=span,
            )  # fmt: skip
            update = {"wrap_up": [*previous.wrap_up, block], "span": (previous.span[0], span[1])}
            target[-1] = previous.model_copy(update=update)
            self.findings.append(
                _repair_finding("text after a list marked up as a paragraph", span)
            )
            return None
        target.append(paragraph)
        return None

    def section(self, element: etree._Element) -> Section:
        label = number_of(element) or ""
        headings = children(element, "heading", "subheading", "crossHeading")
        rest = [child for child in children(element) if local_name(child) not in _SECTION_HEAD]
        paragraphs, sections = self.blocks(rest)
        return Section(
            label=label,
            heading=" ".join(string_of(h) for h in headings),
            paragraphs=paragraphs,
            sections=sections,
            span=self.locate.span(element),
        )

    def paragraph(self, element: etree._Element) -> OperativeParagraph:
        number = number_of(element)
        body, items, wrap = self.hierarchy(element)
        phrase, known = _phrase(body, "operative")
        return OperativeParagraph(
            number=number or None,
            phrase=phrase,
            phrase_known=known,
            text=body.text,
            footnotes=body.footnotes,
            footnote_refs=body.refs,
            items=items,
            wrap_up=wrap,
            span=self.locate.span(element),
        )

    def hierarchy(self, element: etree._Element) -> tuple[Text, list[Item], list[TextBlock]]:
        """Text, sub-items and wrap-up of a paragraph or point."""
        texts: list[etree._Element] = []
        wrap: list[TextBlock] = []
        points: list[etree._Element] = []
        for child in children(element):
            name = local_name(child)
            if name == "content":
                ps = children(child, "p") or [child]
                texts.extend(ps[:1])
                wrap.extend(self.text_block(p) for p in ps[1:])
            elif name == "list":
                intro = child.find(_q("intro"))
                if intro is not None:
                    texts.extend(children(intro, "p") or [intro])
                points.extend(children(child, "point", "sublist"))
                for wrap_up in children(child, "wrapUp", "alinea"):
                    wrap.extend(self.text_block(p) for p in children(wrap_up, "p") or [wrap_up])
            elif name in ("point", "sublist"):
                points.append(child)
            elif name == "alinea":
                for content in children(child, "content") or [child]:
                    wrap.extend(self.text_block(p) for p in children(content, "p") or [content])
            elif name in ("intro", "p"):
                texts.append(child)
        if local_name(element) == "alinea" and not texts:
            texts = [p for content in children(element, "content") for p in children(content, "p")]
            wrap = []
        return self.text_of(texts), self.points(points), wrap

    def points(self, elements: Sequence[etree._Element]) -> list[Item]:
        """``point`` elements as items; a ``sublist`` holds the sub-items of the point before it."""
        groups: list[tuple[etree._Element, list[etree._Element]]] = []
        for element in elements:
            if local_name(element) == "sublist":
                if groups:
                    groups[-1][1].extend(children(element, "point", "sublist"))
                else:
                    groups.extend((p, []) for p in children(element, "point"))
                continue
            groups.append((element, []))
        found: list[Item] = []
        previous: str | None = None
        for point, extra in groups:
            label = _label(number_of(point) or "")
            body, items, wrap = self.hierarchy(point)
            heading = [string_of(h) for h in children(point, "heading", "subheading")]
            text = " ".join([*heading, body.text]) if heading and body.text else body.text
            found.append(
                Item(
                    label=label,
                    label_style=_style(point, label, previous),
                    text=text,
                    footnotes=body.footnotes,
                    footnote_refs=body.refs,
                    items=items + self.points(extra),
                    wrap_up=wrap,
                    span=self.locate.span(point),
                )
            )
            previous = label
        return found

    # --- annexes and conclusions ------------------------------------------------------------

    def annex(self, element: etree._Element) -> Annex:
        doc = next(iter(children(element)), element)
        label, title = "Annex", None
        preface = doc.find(_q("preface"))
        if preface is not None:
            doc_type = preface.find(f".//{_q('docType')}")
            doc_title = preface.find(f".//{_q('docTitle')}")
            label = string_of(doc_type) if doc_type is not None else label
            title = string_of(doc_title) if doc_title is not None else None
        content: list[AnnexBlock] = []
        body = doc.find(_q("mainBody"))
        for child in children(body) if body is not None else []:
            block = self.annex_block(child)
            if block is not None:
                content.append(block)
        return Annex(label=label, title=title, content=content, span=self.locate.span(element))

    def annex_block(self, element: etree._Element) -> AnnexBlock | None:
        name = local_name(element)
        kind = element.get("name")
        if name == "hcontainer" and kind == EMPTY_BODY:
            return None
        if name == "hcontainer" and kind in ("heading", "text"):
            if kind == "text":
                ps = [p for c in children(element, "content") for p in children(c, "p")]
                return self.text_block(ps[0]) if ps else None
            return self.annex_heading(element)
        if name != "paragraph" or self.is_unparsed(element):
            self.keep(element, None if self.is_unparsed(element) else "in an annex")
            return None
        if _is_heading(element):
            return self.annex_heading(element)
        number = number_of(element)
        body, items, wrap = self.hierarchy(element)
        if number is None and not items:
            contents = children(element, "content")
            ps = [p for c in contents for p in children(c, "p")]
            return self.text_block(ps[0]) if len(ps) == 1 else _annex_text(self, body, element)
        return AnnexParagraph(
            number=number or "",
            text=body.text,
            footnotes=body.footnotes,
            footnote_refs=body.refs,
            items=items,
            wrap_up=wrap,
            span=self.locate.span(element),
        )

    def annex_heading(self, element: etree._Element) -> AnnexHeading:
        headings = children(element, "heading", "subheading")
        num = element.find(_q("num"))
        return AnnexHeading(
            label=string_of(num) if num is not None else None,
            text=" ".join(self.text_of([h]).text for h in headings),
            span=self.locate.span(element),
        )

    def conclusions(self, element: etree._Element) -> Adoption | None:
        ps: list[etree._Element] = []
        for child in children(element):
            if local_name(child) == "container" and not self.is_unparsed(child):
                ps.extend(children(child, "p"))
            elif local_name(child) == "p":
                ps.append(child)
            else:
                self.keep(child, None if self.is_unparsed(child) else "in the conclusions")
        if not ps:
            return None
        return adoption_from(ps, self.locate)


@dataclass(slots=True)
class _FlatSection:
    """A section opened by a heading-only paragraph, as the UN marks them up."""

    reader: BodyReader
    element: etree._Element
    label: str
    heading: str
    paragraphs: list[OperativeParagraph] = field(default_factory=list)

    @classmethod
    def of(cls, reader: BodyReader, element: etree._Element) -> _FlatSection:
        """The section a ``heading``/``subheading`` paragraph opens."""
        headings = children(element, "heading", "subheading")
        text = " ".join(reader.text_of([h]).text for h in headings)
        return cls(reader, element, number_of(element) or "", text)

    def build(self) -> Section:
        start = self.reader.locate.start(self.element)
        ends = [self.reader.locate.end(self.element)] + [p.span[1] for p in self.paragraphs]
        return Section(
            label=self.label,
            heading=self.heading,
            paragraphs=self.paragraphs,
            span=(start, max(ends)),
        )


def adoption_from(ps: Sequence[etree._Element], locate: Locator) -> Adoption:
    """An adoption from the ``p`` (or ``docTitle``) holding the meeting and the date."""
    text = " ".join(string_of(p) for p in ps)
    meeting: str | None = None
    date: str | None = None
    for p in ps:
        for element in p.iter():
            name = local_name(element)
            is_meeting = (name == "event" and element.get("refersTo") == "#meeting") or (
                name == "inline" and element.get("name") == "adoptionMeeting"
            )
            if is_meeting and meeting is None and string_of(element):
                meeting = string_of(element)
            if name == "docDate" and date is None and element.get("date"):
                date = element.get("date")
    if date is None:
        found = find_date(text)
        date = found[0] if found else None
    number_source = meeting if meeting is not None else text
    m = _MEETING_NUMBER.search(number_source)
    start = locate.start(ps[0])
    return Adoption(
        meeting=meeting,
        meeting_number=int(m.group()) if m is not None and meeting is not None else None,
        date=date,
        text=text,
        span=(start, max(locate.end(ps[-1]), start)),
    )


def _annex_text(reader: BodyReader, body: Text, element: etree._Element) -> TextBlock:
    return TextBlock(
        text=body.text,
        footnotes=body.footnotes,
        footnote_refs=body.refs,
        span=reader.locate.span(element),
    )


def _looks_like_heading(paragraph: OperativeParagraph) -> bool:
    text = paragraph.text
    return (
        0 < len(text) <= _HEADING_MAX
        and not paragraph.items
        and not paragraph.wrap_up
        and text[-1] not in _CLAUSE_ENDS
        and not text[:1].islower()
    )


def _repair_finding(what: str, span: tuple[int, int]) -> Finding:
    return Finding(code="UNR051", severity="info", message=f"AKN: {what}, read as such", span=span)


def _is_subheading(element: etree._Element) -> bool:
    """A paragraph holding only a ``subheading``: no number, heading or content."""
    names = [local_name(child) for child in children(element)]
    return names == ["subheading"]


def _is_heading(element: etree._Element) -> bool:
    """A paragraph that is only a (numbered) heading: no content, list or point."""
    names = {local_name(child) for child in children(element)}
    return bool(names & {"heading", "subheading"}) and not names & {
        "content",
        "list",
        "point",
        "alinea",
        "intro",
    }


def _phrase(body: Text, part: str) -> tuple[str, bool]:
    """The opening phrase: the leading italics when present, else the lexicon's or first word."""
    skip = subject_length(body.text)  # "“The Security Council recalls": the verb is the phrase
    text = body.text[skip:]
    found = opening(text, "preamble" if part == "preamble" else "operative")
    known = found.known
    if body.italic and text.startswith(body.italic):
        return body.italic, known
    return text[: found.length], known  # the parser's own rule, known phrase or not


def _label(num: str) -> str:
    """A sub-item label from its ``num``: ``(a)`` → ``a``, ``ii.`` → ``ii``, ``i)`` → ``i``."""
    label = num.strip()
    for _ in range(2):
        label = _LABEL_TRIM.sub("", label)
    return label.strip()


def _style(element: etree._Element, label: str, previous: str | None) -> LabelStyle:
    written = element.get("class")
    for style in LABEL_STYLES:
        if written == style:
            return style
    if label.isdigit():
        return "decimal"
    if not label.isalpha():
        return "other"
    follows = (
        previous is not None
        and len(previous) == len(label) == 1
        and ord(label.lower()) == ord(previous.lower()) + 1
    )
    roman = (
        _ROMAN.fullmatch(label) is not None and not follows and (len(label) > 1 or label in "iI")
    )
    if label.islower():
        return "lower-roman" if roman else "lower-alpha"
    return "upper-roman" if roman else "upper-alpha"
