"""The public entry points: text or bytes or a file in, a :class:`Resolution` out.

Every entry point asks :mod:`unres.readers.detect` what it was given: resolution
text is parsed, Akoma Ntoso XML (as text, bytes or a file) is read by
:func:`unres.from_akn`, and a PDF (bytes or a file) by the optional PDF reader.
:func:`read_document` gives the tree together with the text its spans index,
which is what validation needs.
``parse`` runs the pipeline: source text → normalization → lineage → split →
tokens → tree. ``tokenize`` stops after the tokens and returns the flat stream.
The split stage (:mod:`unres.parsers.split`) finds the items of a compilation
(many resolutions in one text): ``parse_all`` builds a tree for each, ``parse``
the first complete resolution, with a finding naming the others. A text that is
no compilation goes through the stages whole, as it always did.
Everything here is pure: no global state is touched, so calls are thread- and
process-safe, and the functions pickle by reference for process pools.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from unres.decode import Decoding, decode_bytes
from unres.errors import InputError
from unres.models import Finding, Removal, Resolution
from unres.models.tree import Lineage
from unres.parsers import build, compilation, lineage, metadata, normalize, split
from unres.parsers import tokenize as tokenize_stage
from unres.parsers.blocks import Block
from unres.parsers.records import LineLayout, Noise
from unres.parsers.tokens import NOISE_KINDS, Token, TokenKind
from unres.readers import detect
from unres.readers.akn import from_akn, read_akn
from unres.source import SourceText

_NOT_CONTENT = frozenset({"unparsed", "page-header"})

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
"""Inputs larger than this are refused: 64 MiB, some 600 times the longest resolution known
(about 100 kB). For text (``str``) input the limit counts characters."""

DEFAULT_MAX_LINES = 1_000_000
"""Inputs with more line breaks than this are refused: some 500 times the most lines a real
resolution has (about 1,800, PDF text). Memory grows with the number of lines more than with
the number of bytes (every line can become a node), so this bounds it: a million short
clause lines peak at about 2.8 GB resident."""

_PDF_WINDOW = 1024
"""A PDF is recognised by ``%PDF-`` within its first kilobyte, whatever its file name."""

_BREAKS = "\n\r\u2028\u2029\f\v\x1c\x1d\x1e\x85"


@dataclass(frozen=True, slots=True)
class TokenRecord:
    """One record of the flat token stream: a kind and a contiguous span."""

    kind: TokenKind
    start: int
    end: int
    text: str


def _require(
    function: str, argument: str, value: object, kinds: tuple[type, ...], what: str
) -> None:
    """A one-line :class:`TypeError` naming the argument, when ``value`` is not of ``kinds``."""
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        raise TypeError(f"{function}: {argument} must be {what}, not {type(value).__name__}")


def _require_limits(function: str, max_bytes: object, max_lines: object) -> None:
    _require(function, "max_bytes", max_bytes, (int,), "int")
    _require(function, "max_lines", max_lines, (int,), "int")


def _check_text(text: str, max_bytes: int, max_lines: int) -> None:
    if not isinstance(text, str):
        raise InputError(f"expected text (str), got {type(text).__name__}")
    if len(text) > max_bytes:
        raise InputError(f"input too large: {len(text)} characters, limit {max_bytes}")
    if len(text) >= max_lines:  # a shorter text cannot hold max_lines breaks: skip the count
        breaks = sum(text.count(ch) for ch in _BREAKS) - text.count("\r\n")
        if breaks >= max_lines:
            raise InputError(f"input too large: {breaks + 1} lines or more, limit {max_lines}")
    if not text or text.isspace():
        raise InputError("empty input: nothing but white space")
    if "\x00" in text:
        raise InputError(
            f"binary input: NUL character at offset {text.index(chr(0))}", offset=text.index("\x00")
        )


@dataclass(frozen=True, slots=True)
class _Run:
    """What the stages up to tokenizing produced for one text."""

    source: SourceText
    noise: tuple[Noise, ...]
    lineage: Lineage
    tokens: list[Token]
    blocks: list[Block]
    items: list[compilation.Item]
    """The items of a compilation, each with its own tokens and noise; empty for one text."""


def _pipeline(
    text: str, max_bytes: int, max_lines: int, layout: tuple[LineLayout, ...] | None = None
) -> _Run:
    _check_text(text, max_bytes, max_lines)
    source = SourceText(text)
    if layout is None:
        normalized = normalize.normalize(source)
    else:
        normalized = normalize.normalize(source, layout)
    kind: Lineage = "pdf" if layout is not None else lineage.detect(normalized)
    if layout is None:  # a PDF's reader lays out one document
        segments = split.split(text, normalized.lines)
        items = compilation.items(normalized, kind, segments) if segments else []
        if len(items) > 1:
            noise = tuple(sorted((n for item in items for n in item.noise), key=lambda n: n.start))
            tokens = [token for item in items for token in item.tokens]
            blocks = [block for item in items for block in item.blocks]
            return _Run(source, noise, kind, tokens, blocks, items)
    tokens, blocks, repairs = tokenize_stage.tokenize(normalized, kind)
    noise = normalized.noise
    if repairs:
        noise = tuple(sorted(noise + tuple(repairs), key=lambda n: n.start))
    return _Run(source, noise, kind, tokens, blocks, [])


def parse(
    text: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_lines: int = DEFAULT_MAX_LINES,
    encoding: str | None = None,
) -> Resolution:
    """Parse the text of a resolution into its tree.

    Raises :class:`InputError` for empty or binary input, input over ``max_bytes``
    characters or ``max_lines`` lines, or text in which no part of a resolution is found.
    Text that opens like XML is read as Akoma Ntoso (:func:`unres.from_akn`). Memory
    running out raises :class:`InputError`; an argument of the wrong type :class:`TypeError`.
    """
    _require("parse", "text", text, (str,), "str")
    _require_limits("parse", max_bytes, max_lines)
    _require("parse", "encoding", encoding, (str, type(None)), "str or None")
    try:
        if detect.kind_of(text) == "akn":
            _check_text(text, max_bytes, max_lines)
            return from_akn(text, max_bytes=max_bytes)
        return _tree(_pipeline(text, max_bytes, max_lines), encoding)
    except MemoryError:
        raise InputError(f"out of memory parsing {len(text)} characters") from None


def _tree(run: _Run, encoding: str | None) -> Resolution:
    """The tree of one pipeline run: the first resolution of a compilation, or the one text's."""
    _check_content(run)
    if run.items:
        return _first_of_compilation(run, encoding)
    return _build(run.source, run.noise, run.tokens, run.blocks, run.lineage, encoding)


def parse_all(
    text: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_lines: int = DEFAULT_MAX_LINES,
    encoding: str | None = None,
) -> list[Resolution]:
    """Every item printed in the text, in order: resolutions, decisions and fragments.

    A compilation (yearbook pages, Official Records volumes) gives one tree per
    item, each with spans into ``text``, its own footnotes and noise, and an
    ``UNR003`` finding saying where it stands; a leading tail of a resolution
    begun on an earlier page is ``kind="fragment"``, with no symbol. Any other
    text gives a list of one tree, the one :func:`parse` gives. Raises as
    :func:`parse` does.
    """
    if isinstance(text, str) and detect.kind_of(text) == "akn":
        _check_text(text, max_bytes, max_lines)
        return [from_akn(text, max_bytes=max_bytes)]
    run = _pipeline(text, max_bytes, max_lines)
    _check_content(run)
    if not run.items:
        return [_build(run.source, run.noise, run.tokens, run.blocks, run.lineage, encoding)]
    total = len(run.items)
    trees: list[Resolution] = []
    for number, item in enumerate(run.items, 1):
        noise = tuple(item.noise)
        tree = _build(run.source, noise, item.tokens, item.blocks, run.lineage, encoding)
        place = f"item {number} of {total} in a compilation: {compilation.describe(item.segment)}"
        trees.append(compilation.finish(tree, item, place))
    return trees


def _check_content(run: _Run) -> None:
    if not any(token.kind not in _NOT_CONTENT for token in run.tokens):
        raise InputError("not a resolution: no heading, formula, clause or paragraph found")


def _build(
    source: SourceText,
    noise: tuple[Noise, ...],
    tokens: list[Token],
    blocks: list[Block],
    kind: Lineage,
    encoding: str | None,
) -> Resolution:
    found = metadata.read_metadata(noise)
    meta = metadata.to_model(found, encoding=encoding, lineage=kind)
    return build.build(source, noise, tokens, blocks, meta, found.organ)


def _first_of_compilation(run: _Run, encoding: str | None) -> Resolution:
    """The first resolution of a compilation, the others named in a finding and kept as removals.

    The tree spans the whole text, as any tree :func:`parse` gives: the text of
    the other items lies in ``removed`` records of kind ``compilation-item``,
    so nothing is lost, and none of it is read into this resolution.
    """
    items = run.items
    chosen = next((i for i in items if i.segment.kind == "resolution"), items[0])
    tree = _build(
        run.source, tuple(chosen.noise), chosen.tokens, chosen.blocks, run.lineage, encoding
    )
    others = [item for item in items if item is not chosen]
    lines = run.source
    where = ", ".join(
        f"{compilation.describe(item.segment)} at line {lines.position(item.segment.start)[0]}"
        for item in others
    )
    message = (
        f"a compilation: {len(others)} other item(s) found besides this one, "
        f"not read into it: {where}"
    )
    finding = Finding(
        code=compilation.COMPILATION_CODE,
        severity="info",
        message=message,
        span=compilation.opener_span(others[0]),
    )
    removed = [*tree.removed, *_other_text(run.source.text, chosen)]
    removed.sort(key=lambda removal: removal.span[0])
    update = {"findings": [*tree.findings, finding], "removed": removed}
    if chosen.segment.language is not None:
        update["metadata"] = tree.metadata.model_copy(update={"language": chosen.segment.language})
    return tree.model_copy(update=update)


def _other_text(text: str, chosen: compilation.Item) -> list[Removal]:
    """The stretches of ``text`` outside the chosen item's tokens and noise, as removals."""
    owned = sorted(
        [piece for token in chosen.tokens for piece in token.pieces]
        + [(n.start, n.end) for n in chosen.noise]
    )
    removals: list[Removal] = []
    cursor = 0
    for start, end in [*owned, (len(text), len(text))]:
        if start > cursor:
            gap = text[cursor:start]
            left = len(gap) - len(gap.lstrip())
            right = len(gap.rstrip())
            if right > left:
                span = (cursor + left, cursor + right)
                removals.append(
                    Removal(kind="compilation-item", text=text[span[0] : span[1]], span=span)
                )
        cursor = max(cursor, end)
    return removals


def parse_laid_out(text: str, layout: tuple[LineLayout, ...]) -> Resolution:
    """Parse text extracted from a PDF, given what its page says about each line."""
    return _tree(_pipeline(text, DEFAULT_MAX_BYTES, DEFAULT_MAX_LINES, layout), None)


def parse_bytes(
    data: bytes | bytearray | memoryview,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_lines: int = DEFAULT_MAX_LINES,
) -> Resolution:
    """Decode ``data`` (see :mod:`unres.decode`) and parse it.

    The encoding goes in ``metadata.encoding`` and the reason for it in
    ``metadata.decoding``; bytes that cannot be decoded raise :class:`InputError`.
    Akoma Ntoso XML and PDF are read as such (:mod:`unres.readers.detect`).
    ``data`` may be any bytes-like object (``bytes``, ``bytearray``, ``memoryview``).
    """
    _require("parse_bytes", "data", data, (bytes, bytearray, memoryview), "bytes-like")
    _require_limits("parse_bytes", max_bytes, max_lines)
    data = data if isinstance(data, bytes) else bytes(data)
    try:
        return read_document(data, max_bytes=max_bytes, max_lines=max_lines).tree
    except MemoryError:
        raise InputError(f"out of memory parsing {len(data)} bytes") from None


@dataclass(frozen=True, slots=True)
class Document:
    """A tree, the text its spans index (decoded text, XML text or a PDF's text), its kind."""

    tree: Resolution
    text: str
    kind: detect.InputKind


def read_document(
    data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES, max_lines: int = DEFAULT_MAX_LINES
) -> Document:
    """The tree of ``data`` with its text, whatever the kind of input; :class:`InputError` else."""
    if not isinstance(data, bytes):
        raise InputError(f"expected bytes, got {type(data).__name__}")
    if len(data) > max_bytes:
        raise InputError(f"input too large: {len(data)} bytes, limit {max_bytes}")
    kind = detect.kind_of(data)
    if kind == "pdf":
        return Document(detect.parse_pdf(data), detect.pdf_text(data), kind)
    if kind == "akn":
        return Document(*read_akn(data, max_bytes=max_bytes), kind)
    decoded = decode_bytes(data)
    return Document(_parse_decoded(decoded, max_bytes, max_lines), decoded.text, kind)


def _parse_decoded(decoded: Decoding, max_bytes: int, max_lines: int) -> Resolution:
    tree = parse(decoded.text, max_bytes=max_bytes, max_lines=max_lines, encoding=decoded.encoding)
    metadata = tree.metadata.model_copy(update={"decoding": decoded.reason})
    return tree.model_copy(update={"metadata": metadata})


def parse_file(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_lines: int = DEFAULT_MAX_LINES,
) -> Resolution:
    """Read and parse the file at ``path``.

    At most ``max_bytes + 1`` bytes are read, so a device (``/dev/zero``), a pipe or a
    file that grows costs no more than the limit before it is refused.
    """
    _require("parse_file", "path", path, (str, os.PathLike), "str or os.PathLike")
    _require_limits("parse_file", max_bytes, max_lines)
    data = read_bounded(path, max_bytes)
    return parse_bytes(data, max_bytes=max_bytes, max_lines=max_lines)


def parse_file_all(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_lines: int = DEFAULT_MAX_LINES,
) -> list[Resolution]:
    """Read the file at ``path`` and parse every item printed in it (see :func:`parse_all`)."""
    return read_all(read_bounded(path, max_bytes), max_bytes=max_bytes, max_lines=max_lines)


def read_all(
    data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES, max_lines: int = DEFAULT_MAX_LINES
) -> list[Resolution]:
    """Every item of ``data`` (:func:`parse_all`); AKN XML and PDF give their one tree."""
    if detect.kind_of(data) != "text":
        return [read_document(data, max_bytes=max_bytes, max_lines=max_lines).tree]
    decoded = decode_bytes(data)
    trees = parse_all(
        decoded.text, max_bytes=max_bytes, max_lines=max_lines, encoding=decoded.encoding
    )
    return [
        tree.model_copy(
            update={"metadata": tree.metadata.model_copy(update={"decoding": decoded.reason})}
        )
        for tree in trees
    ]


def read_bounded(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """The bytes of the file at ``path``; :class:`InputError` past ``max_bytes`` or unreadable."""
    file = Path(path)
    if "\x00" in os.fspath(path):
        raise InputError(
            f"{os.fspath(path)!r:.200}: cannot read: a path cannot hold a NUL character"
        )
    try:
        with open(file, "rb") as handle:
            if os.fstat(handle.fileno()).st_size > max_bytes:  # a regular file says at once
                size = os.fstat(handle.fileno()).st_size
                raise InputError(f"{file}: too large: {size} bytes, limit {max_bytes}")
            data = handle.read(max_bytes + 1)
    except OSError as err:
        raise InputError(f"{file}: cannot read: {err.strerror or err}") from None
    except MemoryError:
        raise InputError(f"{file}: out of memory reading it") from None
    if len(data) > max_bytes:
        raise InputError(f"{file}: too large: more than {max_bytes} bytes, limit {max_bytes}")
    return data


def tokenize(
    text: str, *, max_bytes: int = DEFAULT_MAX_BYTES, max_lines: int = DEFAULT_MAX_LINES
) -> list[TokenRecord]:
    """The flat token stream: sorted, non-overlapping, covering every non-space character.

    Akoma Ntoso XML has no token stream (its markup is its structure): it is refused,
    saying so, as ``unres tokens`` refuses it.
    """
    _require("tokenize", "text", text, (str,), "str")
    _require_limits("tokenize", max_bytes, max_lines)
    if detect.kind_of(text) == "akn":
        raise InputError("Akoma Ntoso XML has no token stream: parse it instead")
    try:
        return _records(text, _pipeline(text, max_bytes, max_lines))
    except MemoryError:
        raise InputError(f"out of memory tokenizing {len(text)} characters") from None


def tokenize_laid_out(text: str, layout: tuple[LineLayout, ...]) -> list[TokenRecord]:
    """The token stream of text extracted from a PDF, given its layout records."""
    return _records(text, _pipeline(text, DEFAULT_MAX_BYTES, DEFAULT_MAX_LINES, layout))


def is_pdf(data: bytes) -> bool:
    """Whether ``data`` is a PDF (:func:`unres.readers.detect.kind_of`), whatever its name."""
    return detect.kind_of(data) == "pdf"


def pdf_reader() -> ModuleType:
    """:mod:`unres.readers.pdf`, or a one-line error naming the extra that brings pypdfium2."""
    return detect.pdf_reader()


def _records(text: str, run: _Run) -> list[TokenRecord]:
    records: list[TokenRecord] = [
        TokenRecord(noise.kind, noise.start, noise.end, text[noise.start : noise.end])
        for noise in run.noise
        if noise.kind in NOISE_KINDS
    ]
    for token in run.tokens:
        records.extend(_runs(text, token))
    records.sort(key=lambda record: record.start)
    return records


def tokenize_bytes(
    data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES, max_lines: int = DEFAULT_MAX_LINES
) -> tuple[str, list[TokenRecord]]:
    """The text of ``data`` and its token stream, whatever the kind of input (see ``tokenize``)."""
    if len(data) > max_bytes:
        raise InputError(f"input too large: {len(data)} bytes, limit {max_bytes}")
    kind = detect.kind_of(data)
    if kind == "pdf":
        return detect.pdf_text(data), detect.pdf_tokens(data)
    if kind == "akn":
        raise InputError("Akoma Ntoso XML has no token stream: parse it instead")
    text = decode_bytes(data).text
    return text, tokenize(text, max_bytes=max_bytes, max_lines=max_lines)


def _runs(text: str, token: Token) -> list[TokenRecord]:
    """A content token as contiguous records: pieces merged unless noise or a break lies between."""
    records: list[TokenRecord] = []
    start, end = token.pieces[0]
    for piece_start, piece_end in token.pieces[1:]:
        gap = text[end:piece_start]
        if gap.strip() == "" and "\n" not in gap and "\r" not in gap:
            end = piece_end
            continue
        records.append(TokenRecord(token.kind, start, end, text[start:end]))
        start, end = piece_start, piece_end
    records.append(TokenRecord(token.kind, start, end, text[start:end]))
    return records
