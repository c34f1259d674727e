"""Bytes to text: the decoding rules, and the refusal of what is not text.

Order of trust:

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE): that encoding, strictly;
2. UTF-16 without a mark, when the zero bytes fall in a regular pattern (every
   other byte, as Latin text in UTF-16 has); an odd length or an invalid
   sequence there is refused, not guessed past;
3. binary input (NUL bytes, or many control bytes) is refused;
4. strict UTF-8;
5. UTF-8 with a few invalid bytes, when valid multi-byte sequences outnumber
   them (a UTF-8 file with a stray Windows byte pasted in): each invalid byte
   is read as cp1252, or U+FFFD where cp1252 has no character for it;
6. a single-byte legacy encoding, cp1252 (Word's "plain text" export on
   Windows) or Mac Roman (the same on a Mac), whichever makes more of the
   non-ASCII bytes plausible text: curly quotes where quotes go, dashes
   between words, accented small letters inside words, and no capital letter
   glued after a small one (``StatesÕ`` is Mac Roman's ``States’`` misread).

Every decision is returned as a :class:`Decoding` with a one-line ``reason``,
which :func:`unres.parse_bytes` records in ``metadata.decoding``; every refusal
is an :class:`~unres.errors.InputError` that says why.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import regex

from unres.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13, 11}

_LEGACY = ("cp1252", "mac-roman")

_PLAUSIBLE = regex.compile(
    r"""
      (?<=^|[\s(\[])[“‘«](?=[\w$])               # an opening quote before a word
    | (?<=[\w.,;:!?)])[”’»]                      # a closing quote or apostrophe after one
    | (?<=\s)[–—](?=\s) | (?<=\d)[–—](?=\d)      # a dash between words or figures
    | (?<=\p{L})[\p{Ll}--\p{ASCII}](?=\p{L})     # an accented small letter inside a word
    | (?<=\p{L})[\p{Ll}--\p{ASCII}](?=\W|$)      # or ending one
    | (?<=\s)[\p{L}--\p{ASCII}](?=\p{Ll})        # or opening one
    """,
    regex.VERBOSE | regex.VERSION1,
)
"""Non-ASCII characters where text in a Western language would have them."""

_IMPLAUSIBLE = regex.compile(r"(?<=\p{Ll})[\p{Lu}--\p{ASCII}]|[\p{Co}\p{Cc}--\s]", regex.VERSION1)
"""A non-ASCII capital glued after a small letter, a private-use or control character."""


@dataclass(frozen=True, slots=True)
class Decoding:
    """Decoded text, the encoding used, and why it was chosen."""

    text: str
    encoding: str
    reason: str


def decode(data: bytes) -> tuple[str, str]:
    """The text of ``data`` and the name of the encoding used (see :func:`decode_bytes`)."""
    done = decode_bytes(data)
    return done.text, done.encoding


def decode_bytes(data: bytes) -> Decoding:
    """Decode ``data`` by the rules above, or raise :class:`InputError` saying why not."""
    if not data:
        raise InputError("empty input: no bytes to parse")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _with_bom(data, bom, name)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    _refuse_binary(data)
    try:
        return Decoding(data.decode("utf-8"), "utf-8", "valid UTF-8")
    except UnicodeDecodeError:
        pass
    mixed = _mostly_utf8(data)
    if mixed is not None:
        return mixed
    return _legacy(data)


def _with_bom(data: bytes, bom: bytes, name: str) -> Decoding:
    body = data[len(bom) :]
    try:
        text = body.decode(name.replace("-sig", ""))
    except UnicodeDecodeError as err:
        raise InputError(
            f"invalid {name} after its byte-order mark at byte {err.start + len(bom)}",
            offset=err.start + len(bom),
        ) from None
    return Decoding(text, name, f"{name} byte-order mark")


def _utf16_without_bom(data: bytes) -> Decoding | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    half = len(sample) / 2
    even_zero = sample[0::2].count(0) / half
    odd_zero = sample[1::2].count(0) / half
    if odd_zero > 0.4 and even_zero < 0.05:
        name, where = "utf-16-le", "odd"
    elif even_zero > 0.4 and odd_zero < 0.05:
        name, where = "utf-16-be", "even"
    else:
        return None
    looks = f"looks like {name.upper()} without a byte-order mark (zero bytes at {where} offsets)"
    if len(data) % 2:
        raise InputError(f"{looks}, but its length is odd ({len(data)} bytes): truncated?")
    try:
        text = data.decode(name)
    except UnicodeDecodeError as err:
        raise InputError(
            f"{looks}, but byte {err.start} is invalid there", offset=err.start
        ) from None
    return Decoding(text, name, f"{name} without byte-order mark: zero bytes at {where} offsets")


def _refuse_binary(data: bytes) -> None:
    sample = data[:65536]
    zero = sample.find(0)
    if zero >= 0:
        raise InputError(f"binary input: NUL byte at byte {zero}", offset=zero)
    controls = sum(1 for byte in sample if byte in _CONTROL)
    if controls > max(8, len(sample) // 100):
        raise InputError(f"binary input: {controls} control bytes in the first {len(sample)}")


def _mostly_utf8(data: bytes) -> Decoding | None:
    """UTF-8 with its few invalid bytes read as cp1252, if valid sequences outnumber them."""
    escaped = data.decode("utf-8", "surrogateescape")  # each invalid byte -> U+DC80..U+DCFF
    invalid = _ESCAPED.findall(escaped)
    multibyte = sum(1 for ch in escaped if ord(ch) > 0x7F) - len(invalid)
    if multibyte < 1 or len(invalid) > multibyte:
        return None
    text = _ESCAPED.sub(_as_cp1252, escaped)
    first = escaped.index(invalid[0])
    unknown = sum(1 for ch in invalid if ord(ch) - 0xDC00 in _CP1252_UNDEFINED)
    reason = (
        f"UTF-8 with {len(invalid)} invalid byte(s) read as cp1252 (the first at character {first})"
    )
    if unknown:
        reason += f", {unknown} of them undefined there and replaced by U+FFFD"
    return Decoding(text, "utf-8", reason)


_ESCAPED = regex.compile(r"[\udc80-\udcff]")
_CP1252_UNDEFINED = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})


def _as_cp1252(m: regex.Match[str]) -> str:
    return bytes([ord(m.group()) - 0xDC00]).decode("cp1252", "replace")


def _legacy(data: bytes) -> Decoding:
    """cp1252 or Mac Roman: the one whose reading of the non-ASCII bytes is more plausible."""
    scores: dict[str, int] = {}
    texts: dict[str, str] = {}
    for name in _LEGACY:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue  # cp1252 leaves five bytes undefined
        texts[name] = text
        scores[name] = len(_PLAUSIBLE.findall(text)) - 2 * len(_IMPLAUSIBLE.findall(text))
    if not texts:  # cannot happen: Mac Roman defines all 256 bytes
        raise InputError("not UTF-8, cp1252 or Mac Roman")
    best = max(texts, key=lambda name: (scores[name], name == "cp1252"))
    high = sum(1 for byte in data if byte > 0x7F)
    others = ", ".join(f"{name} {scores[name]}" for name in texts if name != best)
    reason = f"not UTF-8; {high} non-ASCII byte(s) read as {best}, plausibility {scores[best]}" + (
        f" against {others}" if others else " (cp1252 cannot decode it)"
    )
    return Decoding(texts[best], best, reason)
