"""What a rule sees: the tree, the source text when there is one, and what both give lazily.

A :class:`Document` is made once per :func:`unres.validate.validate` call and
handed to every rule. It holds the parsed :class:`~unres.models.Resolution`,
the :class:`~unres.source.SourceText` it was parsed from (or ``None`` when the
caller has only the tree), and computes on first use what several rules need:
the token stream, the bodies (the whole resolution, or each of its parts), and
a *masked* copy of the text in which removed noise and footnote bodies are
blanked out, same length, so offsets into it are offsets into the source.

A rule gives back :class:`Hit` records, a span and a one-line message; the
runner turns them into findings with the rule's code and severity. Nothing
here changes the tree or the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from unres.api import TokenRecord, tokenize
from unres.models import (
    Adoption,
    OperativeParagraph,
    Preamble,
    Resolution,
    Section,
)
from unres.source import SourceText

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule found: where, and a one-line message."""

    span: Span
    message: str


@dataclass(frozen=True, slots=True)
class Body:
    """One body of a resolution: the whole of it, or one of its parts (``A``, ``B``…)."""

    label: str | None
    preamble: Preamble | None
    operative: tuple[OperativeParagraph, ...]
    sections: tuple[Section, ...]
    adoption: Adoption | None

    def paragraphs(self) -> list[OperativeParagraph]:
        """Every operative paragraph of the body in document order, sections included."""
        found = list(self.operative)
        for section in self.sections:
            found.extend(section_paragraphs(section))
        return found


def section_paragraphs(section: Section) -> Iterator[OperativeParagraph]:
    """The paragraphs of ``section`` and of its subsections, in document order."""
    yield from section.paragraphs
    for child in section.sections:
        yield from section_paragraphs(child)


@dataclass(frozen=True)
class Document:
    """The input of every rule; built by the runner, never shared between calls."""

    resolution: Resolution
    source: SourceText | None

    @property
    def text(self) -> str:
        """The source text, or the empty string when there is none."""
        return self.source.text if self.source is not None else ""

    @cached_property
    def tokens(self) -> tuple[TokenRecord, ...]:
        """The flat token stream of the source (empty without a source); for one item of a
        compilation, the tokens within its span."""
        if self.source is None:
            return ()
        start, end = self.resolution.span
        return tuple(t for t in tokenize(self.source.text) if start <= t.start and t.end <= end)

    @cached_property
    def bodies(self) -> tuple[Body, ...]:
        """The resolution as one body, or one body per part."""
        r = self.resolution
        if not r.parts:
            return (Body(None, r.preamble, tuple(r.operative), tuple(r.sections), r.adoption),)
        return tuple(
            Body(p.label, p.preamble, tuple(p.operative), tuple(p.sections), p.adoption)
            for p in r.parts
        )

    @cached_property
    def masked(self) -> str:
        """The source with removed noise and footnote bodies replaced by spaces, same length."""
        text = self.text
        if not text:
            return text
        chars = list(text)
        spans = [removal.span for removal in self.resolution.removed]
        spans += [note.span for note in self.resolution.footnotes]
        for start, end in spans:
            chars[start:end] = " " * (end - start)
        return "".join(chars)
