"""The public entry points: text or bytes or a file in, a :class:`Resolution` out.

``parse`` runs the pipeline: source text → normalization → lineage → tokens →
tree. ``tokenize`` stops after the tokens and returns the flat stream.
Everything here is pure: no global state is touched, so calls are thread- and
process-safe, and the functions pickle by reference for process pools.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from unres.decode import decode_bytes
from unres.errors import InputError
from unres.models import Resolution
from unres.models.tree import Lineage
from unres.parsers import build, lineage, metadata, normalize
from unres.parsers import tokenize as tokenize_stage
from unres.parsers.blocks import Block
from unres.parsers.records import Noise
from unres.parsers.tokens import NOISE_KINDS, Token, TokenKind
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
    characters or ``max_lines`` lines, or text in which no part of a resolution is found
    (or when memory runs out), and :class:`TypeError` for an argument of the wrong type.
    """
    _require("parse", "text", text, (str,), "str")
    _require_limits("parse", max_bytes, max_lines)
    _require("parse", "encoding", encoding, (str, type(None)), "str or None")
    try:
        return _parse(text, max_bytes, max_lines, encoding)
    except MemoryError:
        raise InputError(f"out of memory parsing {len(text)} characters") from None


def _parse(text: str, max_bytes: int, max_lines: int, encoding: str | None) -> Resolution:
    run = _pipeline(text, max_bytes, max_lines)
    if not any(token.kind not in _NOT_CONTENT for token in run.tokens):
        raise InputError("not a resolution: no heading, formula, clause or paragraph found")
    found = metadata.read_metadata(run.noise)
    meta = metadata.to_model(found, encoding=encoding, lineage=run.lineage)
    return build.build(run.source, run.noise, run.tokens, run.blocks, meta, found.organ)


def parse_bytes(
    data: bytes | bytearray | memoryview,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_lines: int = DEFAULT_MAX_LINES,
) -> Resolution:
    """Decode ``data`` (see :mod:`unres.decode`) and parse it.

    The encoding goes in ``metadata.encoding`` and the reason for it in
    ``metadata.decoding``; bytes that cannot be decoded raise :class:`InputError`.
    ``data`` may be any bytes-like object (``bytes``, ``bytearray``, ``memoryview``).
    """
    _require("parse_bytes", "data", data, (bytes, bytearray, memoryview), "bytes-like")
    _require_limits("parse_bytes", max_bytes, max_lines)
    data = data if isinstance(data, bytes) else bytes(data)
    if len(data) > max_bytes:
        raise InputError(f"input too large: {len(data)} bytes, limit {max_bytes}")
    try:
        decoded = decode_bytes(data)
    except MemoryError:
        raise InputError(f"out of memory decoding {len(data)} bytes") from None
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
    """The flat token stream: sorted, non-overlapping, covering every non-space character."""
    _require("tokenize", "text", text, (str,), "str")
    _require_limits("tokenize", max_bytes, max_lines)
    try:
        return _tokenize(text, max_bytes, max_lines)
    except MemoryError:
        raise InputError(f"out of memory tokenizing {len(text)} characters") from None


def _tokenize(text: str, max_bytes: int, max_lines: int) -> list[TokenRecord]:
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
