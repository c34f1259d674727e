"""Noise that looks like content: removed records a reader would call text.

A removed ``page-header`` record that no whole-line furniture rule names by
its shape (a symbol, a print job, a barcode, a page count…) was made furniture
by its context: a running header beside a page anchor, a cover line. Such a
record looks like content, and is counted here, when it lies after the
start of the body (cover and heading lines are furniture once) and its words occur once in the whole
text: a running header recurs, or repeats the title. The reason given is the
strongest sign: it opens with a clause's opening phrase (``Reiterating its
conviction…``), it ends as a clause does (``,``, ``;``, ``:``), or only that it
occurs once.

The figure must be 0 over the corpus. ``tests/test_noise_content.py`` holds
negative controls that make each test fire.

    python benchmarks/noise_content.py ../shared/corpus
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

try:
    import unres
except ImportError:  # run from a clean clone without installing: use ./src
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    import unres

import regex

from unres.decode import decode_bytes
from unres.lexicon import match_opening
from unres.models import Removal, Resolution
from unres.parsers.normalize import furniture_rule

_SPACES = regex.compile(r"\s++")
_CLAUSE_END = (",", ";", ":")


def flat(text: str) -> str:
    """``text`` with every run of white space one space."""
    return _SPACES.sub(" ", text).strip()


def content_reason(record: Removal, text: str, after_heading: int, whole: str) -> str | None:
    """Why a removed record looks like content, or None when it looks like noise.

    ``text`` is the decoded input, ``after_heading`` the offset where the body
    starts, ``whole`` the input through :func:`flat` (made once per document).
    """
    start, end = record.span
    if record.kind != "page-header" or furniture_rule(text, start, end) is not None:
        return None
    words = flat(record.text)
    if not words or start < after_heading or whole.count(words) >= 2:
        return None  # cover matter, or a line that recurs (a running header) or repeats the title
    if match_opening(words, "preamble") is not None or match_opening(words, "operative"):
        return "opening phrase"
    if words.endswith(_CLAUSE_END):
        return "clause ending"
    return "single occurrence"


def body_start(tree: Resolution) -> int:
    """Where the body of a parsed resolution starts (the preamble or the first paragraph).

    What lies before it is cover and heading matter, furniture once; a tree with
    no body gives the end of the text.
    """
    starts = [
        node.span[0]
        for body in tree.parts or [tree]
        for node in (body.preamble, *body.operative[:1], *body.sections[:1])
        if node is not None
    ]
    return min(starts, default=tree.span[1])


def content_in_noise(text: str, tree: Resolution) -> Iterator[tuple[Removal, str]]:
    """Every removed record of ``tree`` (parsed from ``text``) that looks like content."""
    whole = flat(text)
    after = body_start(tree)
    for record in tree.removed:
        reason = content_reason(record, text, after, whole)
        if reason is not None:
            yield record, reason


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv) or ["../shared/corpus"]
    root = Path(args[0])
    found = 0
    files = sorted(root.rglob("*.txt"))
    for path in files:
        try:
            text = decode_bytes(path.read_bytes()).text
            tree = unres.parse(text)
        except unres.InputError:
            continue
        for record, reason in content_in_noise(text, tree):
            found += 1
            print(
                f"  {path.relative_to(root)} [{record.span[0]}:{record.span[1]}] {reason}: "
                f"{record.text[:100]!r}"
            )
    print(f"removed records that look like content: {found} in {len(files)} text files")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
