"""The public entry points: text or bytes or a file in, a :class:`Resolution` out.

Every entry point asks :mod:`unres.readers.detect` what it was given: resolution
text is parsed, Akoma Ntoso XML (as text, bytes or a file) is read by
:func:`unres.from_akn`, and a PDF (bytes or a file) by the optional PDF reader.
:func:`read_document` gives the tree together with the text its spans index,
which is what validation needs.
``parse`` runs the pipeline: source text → normalization → lineage → tokens →
tree. ``tokenize`` stops after the tokens and returns the flat stream.
Everything here is pure: no global state is touched, so calls are thread- and
process-safe, and the functions pickle by reference for process pools.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from unres.decode import Decoding, decode_bytes
from unres.errors import InputError
from unres.models import Resolution
from unres.models.tree import Lineage
from unres.parsers import build, lineage, metadata, normalize
from unres.parsers import tokenize as tokenize_stage
from unres.parsers.blocks import Block
from unres.parsers.records import Noise
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

_BREAKS = "\n\r\u2028\u2029\f\v\x1c\x1d\x1e\x85"


@dataclass(frozen=True, slots=True)
class TokenRecord:
    """One record of the flat token stream: a kind and a contiguous span."""

    kind: TokenKind
    start: int
    end: int
    text: str


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


def _pipeline(text: str, max_bytes: int, max_lines: int) -> _Run:
    _check_text(text, max_bytes, max_lines)
    source = SourceText(text)
    normalized = normalize.normalize(source)
    kind = lineage.detect(normalized)
    tokens, blocks, repairs = tokenize_stage.tokenize(normalized, kind)
    noise = normalized.noise
    if repairs:
        noise = tuple(sorted(noise + tuple(repairs), key=lambda n: n.start))
    return _Run(source, noise, kind, tokens, blocks)


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
    Text that opens like XML is read as Akoma Ntoso (:func:`unres.from_akn`).
    """
    if isinstance(text, str) and detect.kind_of(text) == "akn":
        _check_text(text, max_bytes, max_lines)
        return from_akn(text, max_bytes=max_bytes)
    run = _pipeline(text, max_bytes, max_lines)
    if not any(token.kind not in _NOT_CONTENT for token in run.tokens):
        raise InputError("not a resolution: no heading, formula, clause or paragraph found")
    found = metadata.read_metadata(run.noise)
    meta = metadata.to_model(found, encoding=encoding, lineage=run.lineage)
    return build.build(run.source, run.noise, run.tokens, run.blocks, meta, found.organ)


def parse_bytes(
    data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES, max_lines: int = DEFAULT_MAX_LINES
) -> Resolution:
    """Decode ``data`` (see :mod:`unres.decode`) and parse it.

    The encoding goes in ``metadata.encoding`` and the reason for it in
    ``metadata.decoding``; bytes that cannot be decoded raise :class:`InputError`.
    Akoma Ntoso XML and PDF are read as such (:mod:`unres.readers.detect`).
    """
    return read_document(data, max_bytes=max_bytes, max_lines=max_lines).tree


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
    """Read and parse the file at ``path``."""
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > max_bytes:
            raise InputError(f"{file}: too large: {size} bytes, limit {max_bytes}")
        data = file.read_bytes()
    except OSError as err:
        raise InputError(f"{file}: cannot read: {err.strerror or err}") from None
    return parse_bytes(data, max_bytes=max_bytes, max_lines=max_lines)


def tokenize(
    text: str, *, max_bytes: int = DEFAULT_MAX_BYTES, max_lines: int = DEFAULT_MAX_LINES
) -> list[TokenRecord]:
    """The flat token stream: sorted, non-overlapping, covering every non-space character.

    Akoma Ntoso XML has no token stream (its markup is its structure): it is refused,
    saying so, as ``unres tokens`` refuses it.
    """
    if isinstance(text, str) and detect.kind_of(text) == "akn":
        raise InputError("Akoma Ntoso XML has no token stream: parse it instead")
    run = _pipeline(text, max_bytes, max_lines)
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
