"""Building: tokens in, the validated resolution tree out.

Takes the source, the noise records, the content tokens and the blocks they
were made from (same order). Walks the tokens once, filling one *body*
(preamble, operative paragraphs, sections, adoption) per part of the
resolution, attaching sub-items to the clause or paragraph above them, and
annex content to its annex; then nests the sub-items (:func:`.items.nest`),
reads the heading into symbol, number and session, and records every noise
record as a removal and every unrecognised block as an ``unparsed`` node with
a finding. Footnote bodies are read first, so that only markers naming a
real footnote are taken out of the text.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import NamedTuple

from unres.dates import find_date
from unres.digits import decimal_value, is_number
from unres.models import (
    Adoption,
    Annex,
    AnnexBlock,
    AnnexParagraph,
    Finding,
    Footnote,
    Formula,
    HeadingLine,
    Item,
    Metadata,
    OperativeParagraph,
    Part,
    Preamble,
    PreambularClause,
    Removal,
    Resolution,
    Section,
    TextBlock,
    Unparsed,
)
from unres.models.base import validating
from unres.models.tree import LabelStyle
from unres.parsers import closing, footnotes, heading, items, operative, preamble
from unres.parsers.blocks import Block, make_block
from unres.parsers.heading import ANNEX_HEADING
from unres.parsers.metadata import cover_issue_date
from unres.parsers.records import Noise
from unres.parsers.references import find_references
from unres.parsers.resolve import heading_fields
from unres.parsers.textnodes import NodeText, collapse, node_text
from unres.parsers.tokens import Token
from unres.source import SourceText

_BODY_KINDS = frozenset(
    {"preamble-clause", "operative-paragraph", "sub-item", "continuation", "annex-paragraph",
     "annex-text"}
)  # fmt: skip
"""Token kinds whose text can hold footnote markers."""

_CITING_KINDS = _BODY_KINDS | {"report-line", "footnote", "title"}
"""Token kinds searched for references."""

_new_clause = validating(PreambularClause)
_new_paragraph = validating(OperativeParagraph)
_new_annex_paragraph = validating(AnnexParagraph)
_new_item = validating(Item)
_new_text_block = validating(TextBlock)
_new_footnote = validating(Footnote)
_new_removal = validating(Removal)
"""Validated nodes from their fields (see :func:`unres.models.base.validating`)."""

_HEADING_KINDS = frozenset({"organ-line", "report-line", "title", "sponsors", "part-heading"})
"""Token kinds kept verbatim as heading lines (the fields read from them keep only parts)."""


class _Holder:
    """A clause or paragraph under construction, with the sub-item blocks below it.

    ``more`` are continuation blocks of the paragraph's own text, joined to ``block``
    once, at close. ``wrap`` holds the unlabelled blocks after the last sub-item so far;
    when another sub-item follows them they move to ``between``, under the index of
    the item they follow (``(c)``, its ``(i)``–``(iii)``, ``and urges …``, ``(d)``). A
    plain class: one is made per clause, and a dataclass's list factories made that a
    third slower.
    """

    __slots__ = ("begin", "between", "block", "items", "kind", "more", "number", "wrap")

    def __init__(self, kind: str, block: Block, begin: int, number: str | None = None) -> None:
        self.kind = kind
        self.block = block
        self.begin = begin
        self.number = number
        self.items: list[tuple[items.Label, Block]] = []
        self.wrap: list[Block] = []
        self.more: list[Block] = []
        self.between: dict[int, list[Block]] = {}


@dataclass(slots=True)
class _SectionDraft:
    label: str
    heading: str
    start: int
    end: int
    paragraphs: list[OperativeParagraph] = field(default_factory=list)
    children: list[_SectionDraft] = field(default_factory=list)


@dataclass(slots=True)
class _Body:
    """One part of a resolution (the whole of it, when it has no parts)."""

    label: str | None = None
    title: str | None = None
    start: int = 0
    end: int = 0
    formula: Formula | None = None
    clauses: list[PreambularClause] = field(default_factory=list)
    paragraphs: list[OperativeParagraph] = field(default_factory=list)
    sections: list[_SectionDraft] = field(default_factory=list)
    section_path: list[_SectionDraft] = field(default_factory=list)
    subheadings: list[TextBlock] = field(default_factory=list)
    adoption: list[Block] = field(default_factory=list)

    def has_content(self) -> bool:
        return bool(
            self.formula or self.clauses or self.paragraphs or self.sections or self.subheadings
        )

    def split_subheadings(self) -> tuple[list[TextBlock], list[TextBlock]]:
        """The preamble's subheadings and the operative part's.

        A subheading belongs to the preamble when a preambular clause follows
        it; one after the last clause heads the operative part.
        """
        if not self.subheadings:
            return [], []
        last = max((clause.span[0] for clause in self.clauses), default=-1)
        before = [s for s in self.subheadings if s.span[0] < last]
        return before, [s for s in self.subheadings if s.span[0] >= last]


@dataclass(slots=True)
class _AnnexDraft:
    block: Block
    title: str | None = None
    content: list[AnnexBlock] = field(default_factory=list)
    end: int = 0


@dataclass(slots=True)
class _Build:
    """All state of one build; made per call, never shared."""

    source: SourceText
    markers: footnotes.MarkerPolicy
    bodies: list[_Body] = field(default_factory=lambda: [_Body()])
    holder: _Holder | None = None
    annexes: list[_AnnexDraft] = field(default_factory=list)
    heading: dict[str, Block] = field(default_factory=dict)
    unparsed: list[Unparsed] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    cover: list[Block] = field(default_factory=list)
    cited: list[Block] = field(default_factory=list)
    last_kind: str | None = None
    last_end: int = 0
    pending_title: str | None = None
    asterisms: list[int] = field(default_factory=list)
    heading_lines: list[HeadingLine] = field(default_factory=list)

    @property
    def body(self) -> _Body:
        return self.bodies[-1]


def build(
    source: SourceText,
    noise: tuple[Noise, ...],
    tokens: list[Token],
    blocks: list[Block],
    metadata: Metadata,
    organ_hint: str | None,
) -> Resolution:
    bodies = [b for t, b in zip(tokens, blocks, strict=True) if t.kind == "footnote"]
    notes = [_footnote(source.text, block) for block in bodies]
    if notes and all(is_number(note.marker) for note in notes):
        notes.sort(
            key=lambda note: decimal_value(note.marker) or 0
        )  # PDF text can put a page's notes apart
    known = frozenset(note.marker for note in notes) if notes else None
    spaced: frozenset[int] = frozenset()
    if known and metadata.lineage in ("pdf-text", "ocr"):
        texts = [(b.text, b.source_offset) for t, b in zip(tokens, blocks, strict=True)
                 if t.kind in _BODY_KINDS]  # fmt: skip
        spaced = footnotes.accept_spaced(texts, known)
    policy = footnotes.MarkerPolicy(known, spaced)
    asterisms = sorted(n.start for n in noise if n.rule == "asterism")
    run = _Build(source, policy, asterisms=asterisms)
    run.cited = [b for t, b in zip(tokens, blocks, strict=True) if t.kind in _CITING_KINDS]
    for token, block in zip(tokens, blocks, strict=True):
        kind = token.kind
        start, end = block.pieces[0][0], block.pieces[-1][1]
        if asterisms and _asterism_between(asterisms, run.last_end, start):
            _close_holder(run)  # "* * *" ends the sections: what follows is the whole text's
            run.body.section_path.clear()
        _STEP.get(kind, _unparsed)(run, block)
        if kind in _HEADING_KINDS:
            line = HeadingLine(kind=kind, text=collapse(block.text), span=(start, end))
            run.heading_lines.append(line)
        run.last_kind = kind
        if end > run.last_end:
            run.last_end = end
    _close_holder(run)
    return _assemble(run, noise, notes, metadata, organ_hint)


def _asterism_between(asterisms: list[int], low: int, high: int) -> bool:
    """Whether a ``* * *`` starts in ``[low, high)``: a bisection, not a scan per token."""
    index = bisect_left(asterisms, low)
    return index < len(asterisms) and asterisms[index] < high


# --- token steps -----------------------------------------------------------------------


def _heading_line(run: _Build, block: Block, key: str) -> None:
    if run.body.has_content() or (key in run.heading and key != "organ"):
        _new_body(run, block)
    run.heading.setdefault(key, block)
    if len(run.bodies) > 1 and key == "title":
        run.body.title = _title_text(block)


def _organ(run: _Build, block: Block) -> None:
    _heading_line(run, block, "organ")


def _report(run: _Build, block: Block) -> None:
    _heading_line(run, block, "report")


def _title(run: _Build, block: Block) -> None:
    previous = run.heading.get("title")
    if run.last_kind == "title" and previous is not None and _complete_title(previous):
        run.pending_title = collapse(block.text)  # a part's own title, before its letter
        return
    if run.last_kind == "title" and previous is not None:  # a title wrapped over two lines
        merged = _join(run.source.text, [previous, block])
        run.heading["title"] = merged
        if len(run.bodies) > 1:
            run.body.title = _title_text(merged)
        return
    m = heading.TITLE.fullmatch(block.text)
    if m is not None and m["part"] and not run.body.has_content() and run.body.label is None:
        run.body.label = m["part"]
    _heading_line(run, block, "title")


def _sponsors(run: _Build, block: Block) -> None:
    _heading_line(run, block, "sponsors")


def _part_heading(run: _Build, block: Block) -> None:
    _close_holder(run)
    if run.body.has_content() or run.body.label is not None:
        _new_body(run, block)
    run.body.label = block.text.strip()
    run.body.start = block.start
    if run.pending_title is not None:
        run.body.title, run.pending_title = run.pending_title, None


def _new_body(run: _Build, block: Block) -> None:
    _close_holder(run)
    if run.body.has_content():
        run.bodies.append(_Body(start=block.start))


def _formula(run: _Build, block: Block) -> None:
    _close_holder(run)
    if run.body.formula is not None:
        run.bodies.append(_Body(start=block.start))
    run.body.formula = Formula(text=collapse(block.text), span=(block.start, block.end))
    run.body.start = run.body.start or block.start


def _clause(run: _Build, block: Block) -> None:
    _open_holder(run, _Holder("clause", block, 0))


def _paragraph(run: _Build, block: Block) -> None:
    m = operative.PARAGRAPH.match(block.text) or operative.bare_paragraph(block.text)
    if m is None:
        _open_holder(run, _Holder("paragraph", block, 0))
        return
    number = m.group(1)  # the number: a look-up by name costs several times more
    if not number.isdigit():
        number = " ".join(number.split())
    holder = _Holder("paragraph", block, m.end(), number)
    label = items.read_label(block.text[m.end() :])
    if label is not None:  # "15. (a) Text": the list begins on the number's own line
        rest = block.sub_pieces(m.end(), len(block.text))
        first = make_block(run.source.text, rest, block.line)
        holder.begin = len(block.text)
        holder.items.append((label, first))
    _open_holder(run, holder)


def _sub_item(run: _Build, block: Block) -> None:
    label = items.read_label(block.text)
    if run.holder is None or label is None:
        if run.annexes:
            run.annexes[-1].content.append(_text_block(run, block, 0))
            run.annexes[-1].end = block.end  # the annex's span holds what it gains
            return
        _unparsed(run, block)
        return
    holder = run.holder
    if holder.wrap:  # text between two items of the list: it goes with the item before
        holder.between[len(holder.items) - 1] = holder.wrap
        holder.wrap = []
    holder.items.append((label, block))


def _continuation(run: _Build, block: Block) -> None:
    path = run.body.section_path
    if (
        run.last_kind == "section-heading"
        and path
        and not preamble.opening(block.text, "operative").known
    ):  # a section heading wrapped over two lines
        path[-1].heading = collapse(f"{path[-1].heading} {block.text}")
        path[-1].end = block.end
        return
    holder = run.holder
    looks_new = block.text[:1].isupper() and preamble.opening(block.text, "operative").known
    if holder is None or (looks_new and not holder.items):
        _open_holder(run, _Holder("paragraph", block, 0))
        return
    if not holder.items and not holder.wrap:  # more text of the paragraph, before any list
        holder.more.append(block)
        return
    holder.wrap.append(block)


def _section(run: _Build, block: Block) -> None:
    _close_holder(run)
    text = block.text
    roman = operative.ROMAN_HEADING.fullmatch(text)
    is_roman = roman is not None and items.roman_value(roman["label"]) is not None
    article = operative.ARTICLE_HEADING.fullmatch(text)
    is_roman = is_roman or article is not None  # an article heads a section of its own
    m = roman if roman is not None and not article else article
    m = m or operative.LETTER_HEADING.fullmatch(text)
    label = m["label"] if m is not None else text.strip()
    title = collapse(m["heading"] or "") if m is not None else ""
    draft = _SectionDraft(label, title, block.start, block.end)
    path = run.body.section_path
    top = run.body.sections[-1].label if run.body.sections else None
    letters_run_on = top is not None and _next_letter(top, label)
    if (
        letters_run_on
        or (is_roman and not _next_letter(path[-1].label if path else "", label))
        or not path
        or not items.roman_value(path[0].label)
    ):
        path.clear()
        run.body.sections.append(draft)
    else:
        del path[1:]
        path[0].children.append(draft)
    path.append(draft)


def _next_letter(before: str, label: str) -> bool:
    """``B`` after ``A``, ``D`` after ``C``: one letter on from the other."""
    return len(before) == len(label) == 1 and ord(label) == ord(before) + 1


def _closing(run: _Build, block: Block) -> None:
    _close_holder(run)
    run.body.adoption.append(block)


def _subheading(run: _Build, block: Block) -> None:
    """A subheading ends the clause or paragraph above it and stands on its own."""
    _close_holder(run)
    run.body.subheadings.append(_text_block(run, block, 0))


def _footnote_token(run: _Build, block: Block) -> None:
    """Footnote bodies were read before the walk; a page-foot one must not end a paragraph."""


def _annex_heading(run: _Build, block: Block) -> None:
    _close_holder(run)
    run.annexes.append(_AnnexDraft(block, end=block.end))


def _annex_paragraph(run: _Build, block: Block) -> None:
    if not run.annexes:
        _unparsed(run, block)
        return
    m = operative.PARAGRAPH.match(block.text)
    begin = m.end() if m is not None else 0
    number = " ".join(m["number"].split()) if m is not None else ""
    _open_holder(run, _Holder("annex-paragraph", block, begin, number))


def _annex_text(run: _Build, block: Block) -> None:
    _close_holder(run)
    if not run.annexes:
        _unparsed(run, block)
        return
    annex = run.annexes[-1]
    if annex.title is None and not annex.content:
        annex.title = collapse(block.text)
        annex.end = block.end
        return
    annex.content.append(_text_block(run, block, 0))
    annex.end = block.end


def _cover_runs(text: str, blocks: list[Block]) -> list[tuple[int, int]]:
    """The spans of the cover's pieces, pieces apart only by white space merged into one.

    A cover block's pieces can have noise between them (a ``Distr.: General`` line, a
    footnote and its rule): a span from its first piece to its last would count that
    text twice, so the noise between stays out.
    """
    runs: list[tuple[int, int]] = []
    for block in blocks:
        first = len(runs)
        for start, end in block.pieces:
            if len(runs) > first and not text[runs[-1][1] : start].strip():
                runs[-1] = (runs[-1][0], end)
            else:
                runs.append((start, end))
    return runs


def _cover_line(run: _Build, block: Block) -> None:
    run.cover.append(block)


def _unparsed(run: _Build, block: Block) -> None:
    _close_holder(run)
    span = (block.start, block.end)
    run.unparsed.append(Unparsed(text=collapse(block.text), span=span))
    run.findings.append(
        Finding(
            code="UNR001",
            severity="warning",
            message=f"unrecognised text ({len(block.text)} characters) kept as unparsed",
            span=span,
        )
    )


_STEP = {
    "organ-line": _organ,
    "report-line": _report,
    "title": _title,
    "part-heading": _part_heading,
    "formula": _formula,
    "preamble-clause": _clause,
    "operative-paragraph": _paragraph,
    "sub-item": _sub_item,
    "continuation": _continuation,
    "section-heading": _section,
    "subheading": _subheading,
    "closing": _closing,
    "footnote": _footnote_token,
    "annex-heading": _annex_heading,
    "annex-paragraph": _annex_paragraph,
    "annex-text": _annex_text,
    "unparsed": _unparsed,
    "page-header": _cover_line,
    "sponsors": _sponsors,
}


# --- holders: clauses and paragraphs with their sub-items ------------------------------


def _open_holder(run: _Build, holder: _Holder) -> None:
    _close_holder(run)
    run.holder = holder


def _close_holder(run: _Build) -> None:
    holder = run.holder
    if holder is None:
        return
    run.holder = None
    if holder.more:  # joined once here: joining at every continuation was quadratic
        holder.block = _join(run.source.text, [holder.block, *holder.more])
    built_items = _build_items(run, holder.items, holder.between) if holder.items else []
    wrap = [_text_block(run, block, 0) for block in holder.wrap] if holder.wrap else []
    body = node_text(holder.block, holder.begin, run.markers)
    end = body.span[1]
    if holder.items or holder.wrap:
        end = max([end] + [b.end for _, b in holder.items] + [b.end for b in holder.wrap])
    if holder.between:
        end = max([end] + [b.end for blocks in holder.between.values() for b in blocks])
    span = (body.span[0] if holder.number is None else holder.block.start, end)
    if holder.kind == "clause":
        length, known = preamble.opening(body.text, "preamble")
        phrase = body.text[:length]
        if not known:
            _unknown_phrase(run, body.span, phrase, "preambular")
        fields = _content(body, span, built_items, wrap)
        fields["phrase"], fields["phrase_known"] = phrase, known
        run.body.clauses.append(_new_clause(fields))
    elif holder.kind == "paragraph":
        skip = preamble.subject_length(body.text)
        length, known = preamble.opening(body.text[skip:] if skip else body.text, "operative")
        phrase = body.text[skip : skip + length]
        if not known:
            _unknown_phrase(run, body.span, phrase, "operative")
        fields = _content(body, span, built_items, wrap)
        fields["number"], fields["phrase"], fields["phrase_known"] = holder.number, phrase, known
        paragraph = _new_paragraph(fields)
        path = run.body.section_path
        (path[-1].paragraphs if path else run.body.paragraphs).append(paragraph)
    else:
        annex = run.annexes[-1]
        fields = _content(body, span, built_items, wrap)
        fields["number"] = holder.number or ""
        annex.content.append(_new_annex_paragraph(fields))
        annex.end = end


def _unknown_phrase(run: _Build, span: tuple[int, int], phrase: str, part: str) -> None:
    run.findings.append(
        Finding(
            code="UNR002",
            severity="info",
            message=f"{part} opening phrase {phrase!r} is not in the lexicon",
            span=(span[0], span[0] + len(phrase)),
        )
    )


def _build_items(
    run: _Build, found: list[tuple[items.Label, Block]], between: dict[int, list[Block]]
) -> list[Item]:
    if not found:
        return []
    printed = [label for label, _ in found]
    labels = items.mend_ocr_labels(printed)
    found = [(label, block) for label, (_, block) in zip(labels, found, strict=True)]
    parents, styles, _ = items.nest(labels)
    children: dict[int, list[int]] = {}
    for index, parent in enumerate(parents):
        children.setdefault(parent, []).append(index)
    more, wrap = _place_between(parents, between)
    tree = _ItemTree(run.source.text, found, printed, styles, children, run.markers, more, wrap)
    return [_item(tree, index) for index in children.get(-1, [])]


def _place_between(
    parents: list[int], between: dict[int, list[Block]]
) -> tuple[dict[int, list[Block]], dict[int, list[Block]]]:
    """Where the text between item ``k`` and item ``k + 1`` goes, once the items are nested.

    It closes the list of the item before that is a sibling of the next one (``(c)``,
    after ``(c)(iii)`` and before ``(d)``; or ``(b)`` itself, before ``(c)``): it is that
    item's wrap-up. Where the next item opens a level under item ``k`` (``(a)``, text,
    ``(i)``), the text is more of item ``k``'s own. Returns (more, wrap-up) by item.
    """
    more: dict[int, list[Block]] = {}
    wrap: dict[int, list[Block]] = {}
    for index, blocks in between.items():
        after = parents[index + 1]
        closing = index
        while closing >= 0 and parents[closing] != after:
            closing = parents[closing]
        if closing >= 0:
            wrap.setdefault(closing, []).extend(blocks)
        else:
            more.setdefault(index, []).extend(blocks)
    return more, wrap


class _ItemTree(NamedTuple):
    """The sub-items of one holder, nested: what :func:`_item` reads.

    ``more`` and ``wrap`` hold, by item index, unlabelled blocks that continue an
    item's own text or close its list (see :func:`_place_between`).
    """

    source: str
    found: list[tuple[items.Label, Block]]
    printed: list[items.Label]
    styles: list[LabelStyle]
    children: dict[int, list[int]]
    markers: footnotes.MarkerPolicy
    more: dict[int, list[Block]]
    wrap: dict[int, list[Block]]


def _item(tree: _ItemTree, index: int) -> Item:
    """Item ``index`` with the items under it.

    A function of its own, not a closure over the holder's state: a closure calling
    itself is a reference cycle, which kept every parse's whole build state (blocks,
    nodes) alive until the garbage collector's next full pass.
    """
    label, block = tree.found[index]
    if index in tree.more:
        block = _join(tree.source, [block, *tree.more[index]])
    body = node_text(block, label.end, tree.markers)
    kids = [_item(tree, child) for child in tree.children.get(index, [])]
    closing = tree.wrap.get(index, [])
    end = max([block.end] + [kid.span[1] for kid in kids] + [b.end for b in closing])
    wrap = [node_text(b, 0, tree.markers) for b in closing]
    wrap_up = [_new_text_block(_content(text, text.span, [], [])) for text in wrap]
    fields = _content(body, (block.start, end), kids, wrap_up)
    fields["label"], fields["label_style"] = label.text, tree.styles[index]
    if tree.printed[index].text != label.text:
        fields["printed_label"] = tree.printed[index].text
    return _new_item(fields)


def _text_block(run: _Build, block: Block, begin: int) -> TextBlock:
    body = node_text(block, begin, run.markers)
    return _new_text_block(_content(body, body.span, [], []))


def _content(
    body: NodeText, span: tuple[int, int], built_items: list[Item], wrap: list[TextBlock]
) -> dict[str, object]:
    """The fields every text node has, the empty lists left to their defaults."""
    fields: dict[str, object] = {"text": body.text, "span": span}
    if body.refs:  # a node's footnotes are those its markers name
        fields["footnotes"], fields["footnote_refs"] = body.footnotes, body.refs
    if built_items:
        fields["items"] = built_items
    if wrap:
        fields["wrap_up"] = wrap
    return fields


def _footnote(source: str, block: Block) -> Footnote:
    span = (block.start, block.end)
    m = footnotes.FOOTNOTE_LINE.fullmatch(block.text)
    if m is not None:
        marker = m["marker"].translate(footnotes.SUPERSCRIPT)
        return _new_footnote({"marker": marker, "text": collapse(m["text"]), "span": span})
    lone = [p for p in block.pieces if source[p[0] : p[1]].isdigit()]
    if lone:  # a PDF extractor put the marker after its text
        rest = tuple(p for p in block.pieces if p != lone[0])
        text = make_block(source, rest, block.line).text if rest else ""
        return Footnote(marker=source[lone[0][0] : lone[0][1]], text=collapse(text), span=span)
    return Footnote(marker="", text=collapse(block.text), span=span)


def _join(source: str, blocks: list[Block]) -> Block:
    """The blocks as one, keeping the joins each made without a space (a rejoined hyphenation:
    re-joining its pieces plainly would split ``fonda`` and ``mentale`` once its hyphen is gone)."""
    pieces: list[tuple[int, int]] = []
    glued: set[int] = set()
    for block in blocks:
        for index in range(1, len(block.pieces)):
            start, end = block.pieces[index - 1]
            if block.starts[index] == block.starts[index - 1] + end - start:
                glued.add(len(pieces) + index)
        pieces.extend(block.pieces)
    return make_block(source, tuple(pieces), blocks[0].line, frozenset(glued))


def _complete_title(block: Block) -> bool:
    """A title line with both its number and its words, and not wrapped (ends a sentence)."""
    m = heading.TITLE.fullmatch(block.text)
    return m is not None and not block.text.rstrip().endswith(("of", "and", "the", "on", "to"))


def _title_text(block: Block) -> str:
    m = heading.TITLE.fullmatch(block.text)
    return collapse(m["title"]) if m is not None else collapse(block.text)


# --- assembly --------------------------------------------------------------------------


def _assemble(
    run: _Build,
    noise: tuple[Noise, ...],
    notes: list[Footnote],
    metadata: Metadata,
    organ_hint: str | None,
) -> Resolution:
    bodies = [body for body in run.bodies if body.has_content() or body.adoption]
    head = heading_fields(run.heading, bodies[0].formula if bodies else None, metadata, organ_hint)
    text = run.source.text
    removed = [
        _new_removal({"kind": n.kind, "text": text[n.start : n.end], "span": (n.start, n.end)})
        for n in noise
    ]
    removed += [
        Removal(kind="page-header", text=text[start:end], span=(start, end))
        for start, end in _cover_runs(text, run.cover)
    ]
    removed.sort(key=lambda removal: removal.span[0])
    if metadata.issue_date is None:
        issued = cover_issue_date(block.text for block in run.cover)
        if issued is not None:
            metadata = metadata.model_copy(update={"issue_date": issued})
    annexes = [_annex(draft) for draft in run.annexes]
    references = find_references(run.cited, head["organ"])
    common = {
        "references": references,
        "heading": run.heading_lines,
        "span": (0, len(run.source.text)),
        "footnotes": notes,
        "annexes": annexes,
        "metadata": metadata,
        "unparsed": run.unparsed,
        "removed": removed,
        "findings": run.findings,
        **head,
    }
    heading_date = _heading_date(run.heading)
    if len(bodies) <= 1 and (not bodies or bodies[0].label is None):
        body = bodies[0] if bodies else _Body()
        return Resolution(
            preamble=_preamble(body),
            operative=body.paragraphs,
            sections=[_section_model(s) for s in body.sections],
            subheadings=body.split_subheadings()[1],
            adoption=_adoption(body, heading_date),
            **common,
        )
    parts = [_part(body, index) for index, body in enumerate(bodies)]
    adoption = next((p.adoption for p in reversed(parts) if p.adoption is not None), None)
    if len(parts) == 1 and head["number"] and not head["number"].endswith(f" {parts[0].label}"):
        # the text of one part only (A/RES/75/290 A): the part letter belongs to the symbol
        common["number"] = f"{head['number']} {parts[0].label}"
        if head["symbol"] and not metadata.symbols:
            common["symbol"] = f"{head['symbol']} {parts[0].label}"
    return Resolution(parts=parts, adoption=adoption, **common)


def _preamble(body: _Body) -> Preamble | None:
    if body.formula is None and not body.clauses:
        return None
    subheadings = body.split_subheadings()[0]
    spans = [clause.span for clause in body.clauses] + [s.span for s in subheadings]
    if body.formula is not None:
        spans.append(body.formula.span)
    first = min(span[0] for span in spans)
    last = max(span[1] for span in spans)
    return Preamble(
        formula=body.formula, clauses=body.clauses, subheadings=subheadings, span=(first, last)
    )


def _section_model(draft: _SectionDraft) -> Section:
    children = [_section_model(child) for child in draft.children]
    end = max([draft.end] + [p.span[1] for p in draft.paragraphs] + [c.span[1] for c in children])
    return Section(
        label=draft.label,
        heading=draft.heading,
        paragraphs=draft.paragraphs,
        sections=children,
        span=(draft.start, end),
    )


def _heading_date(blocks: dict[str, Block]) -> str | None:
    """The adoption date the heading states (``… on 19 December 2023``, ``Resolution of …``)."""
    for key in ("organ", "title"):
        block = blocks.get(key)
        found = find_date(block.text) if block is not None else None
        if found is not None:
            return found[0]
    return None


def _adoption(body: _Body, heading_date: str | None = None) -> Adoption | None:
    if not body.adoption:
        return None
    text = " ".join(collapse(block.text) for block in body.adoption)
    meeting: str | None = None
    number: int | None = None
    m = closing.PLENARY.search(text)
    adopted = closing.ADOPTED_AT.search(text)
    if adopted is not None and adopted["number"]:
        meeting, number = collapse(adopted["meeting"]), int(adopted["number"])
    elif m is not None:
        meeting, number = collapse(m["meeting"]), int(m["number"])
    date = find_date(text)
    return Adoption(
        meeting=meeting,
        meeting_number=number,
        date=date[0] if date else heading_date,
        text=text,
        vote=closing.vote(text),
        span=(body.adoption[0].start, body.adoption[-1].end),
    )


def _part(body: _Body, index: int) -> Part:
    adoption = _adoption(body)
    preamble = _preamble(body)
    sections = [_section_model(s) for s in body.sections]
    subheadings = body.split_subheadings()[1]
    children = [p.span for p in body.paragraphs] + [s.span for s in sections]
    children += [s.span for s in subheadings]
    children += [node.span for node in (preamble, adoption) if node is not None]
    start = min([body.start] + [low for low, _ in children])
    end = max([body.start] + [high for _, high in children])  # a part holds all its nodes
    return Part(
        label=body.label or chr(ord("A") + index),
        title=body.title,
        preamble=preamble,
        operative=body.paragraphs,
        sections=sections,
        subheadings=subheadings,
        adoption=adoption,
        span=(start, end),
    )


def _annex(draft: _AnnexDraft) -> Annex:
    m = ANNEX_HEADING.fullmatch(draft.block.text)
    label = collapse(m["label"]) if m is not None else "Annex"
    if m is not None and m["title"] and draft.title is None:
        draft.title = collapse(m["title"])
    elif m is not None and m["title"] and draft.title is not None:
        draft.title = collapse(f"{m['title']} {draft.title}")
    return Annex(
        label=label,
        title=draft.title,
        content=draft.content,
        span=(draft.block.start, max(draft.end, draft.block.end)),
    )
