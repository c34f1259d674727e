"""Input shapes whose cost must grow linearly with their size, for the scaling checks.

Each :class:`Shape` makes a text (or AKN XML) of size proportional to ``n`` and names the
operations to run on it. The shapes are the ones an attack run found quadratic (issue 15):
many ``_____`` separators, many ``* * *`` asterisms, one lone footnote marker before many
sentences in a PDF-text footnote zone, thousands of footnote markers in one paragraph
rendered as AKN, operative numbering that restarts at every paragraph, AKN on one line;
plus two memory-heavy shapes (Word markers, dense document symbols) and real resolutions.
``benchmarks/scaling.py`` times them; ``tests/test_scaling.py`` counts operations on them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed" / "A_RES_57_53.txt"
PDF_TEXT = ROOT / "fixtures" / "real" / "A_RES_78_205.pdftotext.txt"

HEAD = "The General Assembly,\n"

TEXT_OPERATIONS = ("parse", "tokens", "validate", "json", "akn", "text")
"""What is run on a text shape: parse, the token stream, validate, and each output format."""


@dataclass(frozen=True)
class Shape:
    """A family of inputs: ``make(n)`` gives one of size proportional to ``n``."""

    name: str
    make: Callable[[int], str]
    base: int
    """The ``n`` the benchmark starts from (it then doubles it three times)."""
    operations: tuple[str, ...] = TEXT_OPERATIONS
    akn: bool = False
    """The input is AKN XML (the operations read it with ``from_akn``)."""


def separators(n: int) -> str:
    return HEAD + "_____\nx\n" * n


def asterisms(n: int) -> str:
    return HEAD + "* * *\n" * n + "Noting x,\n" * n


def lone_marker(n: int) -> str:
    """A real PDF text's first page, then a footnote zone: one marker, ``n`` sentences."""
    lines = PDF_TEXT.read_text(encoding="utf-8").splitlines(keepends=True)
    head = "".join(lines[:44])
    zone = "__________________\n1\n\n" + "See the report of the meeting.\n" * n
    return head + zone + "\n23-26026 (E)\n"  # a print-job line: PDF text, the page's end


def footnote_refs(n: int) -> str:
    """One paragraph with ``n`` footnote markers, and ``n`` footnotes (AKN puts each in place)."""
    words = " ".join(f"word{k % 9 + 1}" for k in range(n))
    notes = "".join(f"{k % 9 + 1} See A/57/1.\n" for k in range(9))
    return HEAD + f"\t1.\tDecides {words};\n" + notes


def restarts(n: int) -> str:
    return HEAD + "\t1.\tDecides x;\n" * n


def word_markers(n: int) -> str:
    return HEAD + "\t1.\tDecides x;\n" + "[DU1]\n" * n


def dense_symbols(n: int) -> str:
    return HEAD + "\t1.\tRecalls " + "A/57/1, " * n + "and A/57/2;\n"


def real_text(n: int) -> str:
    """The seed resolution repeated ``n`` times (every copy after the first a part of its own)."""
    return SEED.read_text(encoding="utf-8") * n


def one_line_akn(n: int) -> str:
    """Our AKN of ``n`` copies of the seed, every line break between tags taken out."""
    import unres

    xml = unres.to_akn(unres.parse(real_text(n))).decode("utf-8")
    return _BETWEEN_TAGS.sub("><", xml)


def pretty_akn(n: int) -> str:
    import unres

    return unres.to_akn(unres.parse(real_text(n))).decode("utf-8")


_BETWEEN_TAGS = re.compile(r">\s*\n\s*<")

SHAPES: tuple[Shape, ...] = (
    Shape("separators", separators, 5_000),
    Shape("asterisms", asterisms, 2_500),
    Shape("lone-marker", lone_marker, 5_000),
    Shape("footnote-refs", footnote_refs, 500),
    Shape("restarts", restarts, 2_000),
    Shape("word-markers", word_markers, 10_000),
    Shape("dense-symbols", dense_symbols, 5_000),
    Shape("real-text", real_text, 4),
    Shape("akn-one-line", one_line_akn, 2, operations=("parse", "validate", "json"), akn=True),
    Shape("akn-pretty", pretty_akn, 2, operations=("parse", "validate", "json"), akn=True),
)
