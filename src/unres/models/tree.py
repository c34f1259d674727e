"""The resolution tree.

The JSON field names here are unres's public contract: fields may be added,
never renamed. Every node carries a ``span`` into the original decoded text;
``text`` fields hold the node's words with layout collapsed (one space between
words, hard wraps rejoined, footnote markers taken out and listed in
``footnotes``).

Where node kinds mix in one list (annex content), the list is a discriminated
union on ``kind``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, NonNegativeInt

from unres.models.base import Model, Node, Span
from unres.models.findings import Finding

LabelStyle = Literal[
    "lower-alpha", "upper-alpha", "lower-roman", "upper-roman", "decimal", "bullet", "other"
]
Lineage = Literal["ods-word", "pdf-text", "ocr", "plain", "akn", "pdf"]
DocumentKind = Literal["resolution", "decision", "draft", "statement", "fragment"]


class FootnoteRef(Node):
    """A footnote marker found in a node's text; ``span`` covers the marker only.

    ``at`` is where the marker stood in the node's ``text``, out of which it was
    cut: it followed ``text[:at]``. ``None`` where that is not known.
    """

    marker: str
    at: NonNegativeInt | None = None


class TextBlock(Node):
    """A run of text that is not a numbered paragraph: text after a list, a heading line."""

    kind: Literal["text"] = "text"
    text: str
    footnotes: list[str] = Field(default_factory=list)
    footnote_refs: list[FootnoteRef] = Field(default_factory=list)


class Item(Node):
    """A sub-item ``(a)``, ``(i)``, ``a.``; nested to any depth.

    ``printed_label`` is the label as printed when the parser read it as
    another: OCR's ``(1)`` before ``(ii)`` is read as ``(i)``.
    """

    kind: Literal["item"] = "item"
    label: str
    label_style: LabelStyle
    printed_label: str | None = None
    text: str
    footnotes: list[str] = Field(default_factory=list)
    footnote_refs: list[FootnoteRef] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)
    wrap_up: list[TextBlock] = Field(default_factory=list)


class Formula(Node):
    """The enacting formula: ``The General Assembly,``."""

    text: str


class PreambularClause(Node):
    """One preambular clause, opening with ``phrase`` and ending with a comma."""

    kind: Literal["preambular-clause"] = "preambular-clause"
    phrase: str
    phrase_known: bool = True
    text: str
    footnotes: list[str] = Field(default_factory=list)
    footnote_refs: list[FootnoteRef] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)
    wrap_up: list[TextBlock] = Field(default_factory=list)


class Preamble(Node):
    """The formula, the preambular clauses and the subheadings grouping them.

    ``subheadings`` are short lines such as ``AMISOM`` standing between
    clauses; their spans place them among the clauses.
    """

    formula: Formula | None = None
    clauses: list[PreambularClause] = Field(default_factory=list)
    subheadings: list[TextBlock] = Field(default_factory=list)


class OperativeParagraph(Node):
    """A numbered (or, rarely, unnumbered) operative paragraph."""

    kind: Literal["operative-paragraph"] = "operative-paragraph"
    number: str | None
    phrase: str
    phrase_known: bool = True
    text: str
    footnotes: list[str] = Field(default_factory=list)
    footnote_refs: list[FootnoteRef] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)
    wrap_up: list[TextBlock] = Field(default_factory=list)


class Section(Node):
    """A section of the operative part (``I``, ``II``… or ``A.``, ``B.``) with its heading."""

    kind: Literal["section"] = "section"
    label: str
    heading: str
    paragraphs: list[OperativeParagraph] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)


class Footnote(Node):
    """A footnote body, linked to its markers by ``marker``."""

    marker: str
    text: str


class Vote(Model):
    """A recorded vote, as printed in older closings."""

    in_favour: int | None = None
    against: int | None = None
    abstaining: int | None = None
    against_names: list[str] = Field(default_factory=list)
    abstaining_names: list[str] = Field(default_factory=list)


class Adoption(Node):
    """Where and when the text was adopted: ``57th plenary meeting`` / ``22 November 2002``."""

    meeting: str | None = None
    meeting_number: int | None = None
    date: str | None = None
    text: str = ""
    vote: Vote | None = None


HeadingKind = Literal["organ-line", "report-line", "title", "sponsors", "part-heading"]


class HeadingLine(Node):
    """A line of the heading as printed, its layout collapsed.

    The heading fields of the resolution (``kind``, ``organ``, ``number``,
    ``title``, ``report``, ``sponsors``) and of its parts (``label``,
    ``title``) are read from these lines; the lines keep every word of them.
    """

    kind: HeadingKind
    text: str


class Report(Node):
    """The bracketed line under the organ line: on whose report, or without reference."""

    text: str
    committee: str | None = None
    symbol: str | None = None


class Reference(Node):
    """A UN document symbol or resolution citation found in the text."""

    kind: Literal["document", "resolution"]
    text: str
    symbol: str
    date: str | None = None


class Removal(Node):
    """Text recognised as noise and kept out of the tree: Word markers, ODS tags, page furniture."""

    kind: str
    text: str


class Unparsed(Node):
    """Text the parser did not recognise; kept verbatim, with a finding."""

    kind: Literal["unparsed"] = "unparsed"
    text: str


class AnnexParagraph(Node):
    """A numbered paragraph or article inside an annex."""

    kind: Literal["annex-paragraph"] = "annex-paragraph"
    number: str
    text: str
    footnotes: list[str] = Field(default_factory=list)
    footnote_refs: list[FootnoteRef] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)
    wrap_up: list[TextBlock] = Field(default_factory=list)


class AnnexHeading(Node):
    """A heading line inside an annex (``I. Introduction``, ``Article 3``)."""

    kind: Literal["annex-heading"] = "annex-heading"
    label: str | None = None
    text: str


AnnexBlock = Annotated[AnnexParagraph | AnnexHeading | TextBlock, Field(discriminator="kind")]


class Annex(Node):
    """An annex: its label (``Annex``, ``Annex II``), title and content in order."""

    label: str
    title: str | None = None
    content: list[AnnexBlock] = Field(default_factory=list)


class Part(Node):
    """One part (``A``, ``B``…) of a multi-part resolution, with a structure of its own."""

    label: str
    title: str | None = None
    preamble: Preamble | None = None
    operative: list[OperativeParagraph] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    subheadings: list[TextBlock] = Field(default_factory=list)
    """Subheadings of the operative part; their spans place them among the paragraphs."""
    adoption: Adoption | None = None


class Metadata(Model):
    """What the ODS tags, the first-page header and the decoder say about the document."""

    job_number: str | None = None
    symbols: list[str] = Field(default_factory=list)
    distribution: str | None = None
    issue_date: str | None = None
    session_title: str | None = None
    agenda_items: list[str] = Field(default_factory=list)
    print_job: str | None = None
    encoding: str | None = None
    decoding: str | None = None
    """Why the bytes were decoded as ``encoding`` (set when parsing bytes)."""
    lineage: Lineage = "plain"
    language: str = "en"
    ods_tags: dict[str, str] = Field(default_factory=dict)


class Resolution(Node):
    """A parsed resolution (or decision, draft, statement, or a compilation's leading fragment)."""

    kind: DocumentKind = "resolution"
    symbol: str | None = None
    organ: str | None = None
    """The organ's one name in every language: ``Security Council`` for a French or Spanish
    Security Council text too (see ``organ_name`` for the name as printed)."""
    organ_name: str | None = None
    """The organ as the document prints it (``Conseil de sécurité``)."""
    number: str | None = None
    session: int | None = None
    session_kind: Literal["regular", "special", "emergency-special"] | None = None
    title: str | None = None
    title_span: Span | None = None
    report: Report | None = None
    heading: list[HeadingLine] = Field(default_factory=list)
    preamble: Preamble | None = None
    operative: list[OperativeParagraph] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    subheadings: list[TextBlock] = Field(default_factory=list)
    """Subheadings of the operative part (``Arms embargo``), placed among paragraphs by span."""
    parts: list[Part] = Field(default_factory=list)
    annexes: list[Annex] = Field(default_factory=list)
    footnotes: list[Footnote] = Field(default_factory=list)
    adoption: Adoption | None = None
    sponsors: list[str] = Field(default_factory=list)
    metadata: Metadata = Field(default_factory=Metadata)
    references: list[Reference] = Field(default_factory=list)
    unparsed: list[Unparsed] = Field(default_factory=list)
    removed: list[Removal] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)

    def all_paragraphs(self) -> list[OperativeParagraph]:
        """Every operative paragraph in document order, across parts and sections."""
        found: list[OperativeParagraph] = []

        def walk_sections(sections: list[Section]) -> None:
            for section in sections:
                found.extend(section.paragraphs)
                walk_sections(section.sections)

        found.extend(self.operative)
        walk_sections(self.sections)
        for part in self.parts:
            found.extend(part.operative)
            walk_sections(part.sections)
        return found


Item.model_rebuild()
Section.model_rebuild()
