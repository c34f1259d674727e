"""Rules on the parts of a resolution: missing formula (UNR161), missing adoption block
(UNR162), a preambular clause in the operative part (UNR163), an operative
paragraph in the preamble (UNR164), a preamble with no operative part after it
(UNR165) and a text that ends inside a clause or paragraph (UNR166).

Decisions, statements and amendments (``Ukraine: amendment to draft resolution
A/80/L.3``: a list of changes to another text) have no enacting formula and
no operative part of their own, and drafts have not been adopted; UNR161,
UNR162 and UNR165 leave them alone. When nothing of the body was
recognised, UNR161 fires only if no formula-like words (``The Security
Council,``, ``Therefore the Security Council,``) stand in the unparsed text:
otherwise the formula is there and the parser missed it, which UNR001 reports.

For the last two, each body's operative part is searched for misplaced
preambular clauses (:mod:`unres.validate.placement`). Clauses right before a
paragraph numbered 1 are the preamble of a new section (budget resolutions
have one per section) and are not misplaced, even when the parser missed the
section heading. If fewer operative
paragraphs come before the last of them than there are misplaced clauses,
the paragraphs are the ones out of place (UNR164, at each paragraph);
otherwise the clauses are (UNR163, at each clause). Either way one
displacement gives findings of one rule only.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

import regex

from unres.dates import DATE
from unres.lexicon import ORGANS
from unres.models import Node, OperativeParagraph, PreambularClause, Resolution
from unres.validate.document import Body, Document, Hit, Span
from unres.validate.placement import Misplaced, misplaced

_DRAFT_SYMBOL = regex.compile(r"/L\.\d|^S/\d{4}/\d")
_FORMULA = regex.compile(
    r"\b(?:The|the|L[’']|La|El)[ \u00a0]*+(?:"
    + "|".join(regex.escape(name).replace(r"\ ", r"[ \u00a0]++") for name in ORGANS)
    + r")[ \u00a0]*+[,:]",
)
"""An enacting formula anywhere in a text: ``The Security Council,``, ``Therefore the …,``."""


_AMENDMENT = regex.compile(
    r"""
    \b(?: amendments?[ \u00a0]++to | amendements?[ \u00a0]++(?:au|aux|à) | enmiendas?[ \u00a0]++al )
    [ \u00a0]++ (?:the[ \u00a0]++)?+ (?:revised[ \u00a0]++)?+
    (?: draft | projets? | proyectos? )
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
"""The heading of an amendment: ``…: amendment to draft resolution A/80/L.3`` (also French,
Spanish)."""

_CLOSED = frozenset('.;:!?,”’"»)]…')
"""What a complete clause or paragraph can end with (a preambular clause ends with a comma)."""


def is_amendment(resolution: Resolution) -> bool:
    """Whether the heading says the document amends a draft."""
    return any(_AMENDMENT.search(line.text) for line in resolution.heading)


def _formula_less(resolution: Resolution) -> bool:
    # a fragment (a compilation's leading tail) had its formula on a page before
    return resolution.kind in ("decision", "statement", "fragment") or is_amendment(resolution)


def _is_draft(resolution: Resolution) -> bool:
    if resolution.kind == "draft":
        return True
    return any(_DRAFT_SYMBOL.search(symbol) for symbol in resolution.metadata.symbols)


def _first_content(body: Body) -> Span | None:
    starts = [clause.span for clause in body.preamble.clauses] if body.preamble else []
    starts += [paragraph.span for paragraph in body.paragraphs()]
    return min(starts) if starts else None


def _formula_words(resolution: Resolution) -> str:
    if resolution.organ is None:
        return '"The General Assembly," or the like'
    return f'"The {resolution.organ},"'


def _formula_in_unparsed(resolution: Resolution) -> bool:
    """Whether unparsed text holds what reads as a formula (the parser then missed it)."""
    return any(_FORMULA.search(node.text) for node in resolution.unparsed)


def missing_formula(document: Document) -> Iterator[Hit]:
    """UNR161: a resolution (or part) with clauses or paragraphs but no enacting formula."""
    r = document.resolution
    if _formula_less(r):
        return
    content = False
    for body in document.bodies:
        first = _first_content(body)
        content = content or first is not None
        if first is not None and (body.preamble is None or body.preamble.formula is None):
            where = f" of part {body.label}" if body.label else ""
            yield Hit(
                (first[0], first[0]),
                f"no enacting formula ({_formula_words(r)}) before the first clause{where}",
            )
    if content or not r.unparsed or _formula_in_unparsed(r):
        return
    after = r.title_span[1] if r.title_span else 0
    first_text = next((u for u in r.unparsed if u.span[0] >= after), r.unparsed[0])
    yield Hit(
        (first_text.span[0], first_text.span[0]),
        f"no enacting formula ({_formula_words(r)}): no clause or paragraph was found either",
    )


def missing_adoption(document: Document) -> Iterator[Hit]:
    """UNR162: operative paragraphs but no adoption block after them."""
    r = document.resolution
    if r.kind in ("draft", "statement", "decision") or _is_draft(r):
        return
    if r.adoption is not None or any(body.adoption for body in document.bodies):
        return
    paragraphs = [p for body in document.bodies for p in body.paragraphs()]
    if not paragraphs:
        return
    end = max(p.span[1] for p in paragraphs)
    yield Hit((end, end), "no adoption block (meeting and date) after the operative part")


def _section_preambles(paragraphs: list[OperativeParagraph]) -> list[bool]:
    """For each paragraph, whether clauses in its wrap-up open a new run: the next numbered
    paragraph is 1 (a section whose heading the parser did not see). One pass from the end."""
    found = [False] * len(paragraphs)
    following: str | None = None
    for index in range(len(paragraphs) - 1, -1, -1):
        found[index] = following == "1"
        if paragraphs[index].number is not None:
            following = paragraphs[index].number
    return found


def _displaced(body: Body, document: Document) -> tuple[list[OperativeParagraph], list[Misplaced]]:
    """The operative paragraphs before the last misplaced clause, and the misplaced clauses."""
    paragraphs = body.paragraphs()
    if not any(paragraph.number for paragraph in paragraphs):
        return [], []  # unnumbered texts (1940s-50s) interleave "Noting ..." and decisions
    opening = _section_preambles(paragraphs)
    clauses = [
        clause
        for index, paragraph in enumerate(paragraphs)
        if not opening[index]
        for clause in misplaced(paragraph, document)
    ]
    if not clauses:
        return [], []
    last = max(clause.start for clause in clauses)
    return [p for p in paragraphs if p.span[0] < last], clauses


class _Holders:
    """The paragraph holding an offset, by bisection over the paragraphs' starts."""

    def __init__(self, paragraphs: list[OperativeParagraph]) -> None:
        self.paragraphs = sorted(paragraphs, key=lambda p: p.span[0])
        self.starts = [p.span[0] for p in self.paragraphs]

    def at(self, offset: int) -> OperativeParagraph | None:
        index = bisect_right(self.starts, offset) - 1
        if index < 0 or offset >= self.paragraphs[index].span[1]:
            return None
        return self.paragraphs[index]


def preamble_in_operative(document: Document) -> Iterator[Hit]:
    """UNR163: a preambular clause stands among the operative paragraphs."""
    for body in document.bodies:
        before, clauses = _displaced(body, document)
        if not clauses or len(before) < len(clauses):
            continue
        holders = _Holders(body.paragraphs())
        for clause in clauses:
            holder = holders.at(clause.start)
            after = f" {holder.number}" if holder is not None and holder.number else ""
            yield Hit(
                (clause.start, clause.start + len(clause.phrase)),
                f"preambular clause {clause.phrase!r} stands in the operative part, "
                f"after operative paragraph{after}",
            )


def operative_in_preamble(document: Document) -> Iterator[Hit]:
    """UNR164: an operative paragraph stands among the preambular clauses."""
    for body in document.bodies:
        before, clauses = _displaced(body, document)
        if not clauses or len(before) >= len(clauses):
            continue
        starts = sorted(clause.start for clause in clauses)
        for paragraph in before:
            name = f" {paragraph.number}" if paragraph.number else ""
            later = len(starts) - bisect_right(starts, paragraph.span[0])
            yield Hit(
                (paragraph.span[0], paragraph.span[0] + len(paragraph.number or "") + 1),
                f"operative paragraph{name} stands in the preamble: "
                f"{later} preambular clause{'s' if later != 1 else ''} follow it",
            )


def missing_operative(document: Document) -> Iterator[Hit]:
    """UNR165: a preamble (formula or clauses) with no operative paragraph after it."""
    r = document.resolution
    if _formula_less(r):
        return
    for body in document.bodies:
        preamble = body.preamble
        if (
            preamble is None
            or body.paragraphs()
            or (preamble.formula is None and not preamble.clauses)
        ):
            continue
        end = preamble.span[1]
        where = f" of part {body.label}" if body.label else ""
        yield Hit((end, end), f"the preamble{where} has no operative part after it: cut off?")


def ends_inside_clause(document: Document) -> Iterator[Hit]:
    """UNR166: the text stops in the middle of its last clause or paragraph."""
    text = document.text
    last = _last_node(document)
    if last is None or text[last.span[1] :].strip():
        return  # something follows (a closing, footnotes, an annex): the clause was complete
    body = text[last.span[0] : last.span[1]].rstrip()
    if DATE.fullmatch(body.rsplit("\n", 1)[-1].strip()):
        return  # a closing's date folded into the last paragraph: it ends the text, complete
    if body and body[-1] not in _CLOSED:
        end = last.span[0] + len(body)
        yield Hit(
            (end, end),
            f"the text ends inside a {_kind_name(last)}, without its punctuation: cut off?",
        )


def _last_node(document: Document) -> Node | None:
    nodes: list[Node] = []
    for body in document.bodies:
        nodes += body.preamble.clauses if body.preamble else []
        nodes += body.paragraphs()
    return max(nodes, key=lambda node: node.span[1], default=None)


def _kind_name(node: Node) -> str:
    return "preambular clause" if isinstance(node, PreambularClause) else "paragraph"
