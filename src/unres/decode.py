"""Bytes to text: the decoding rules, and the refusal of what is not text.

Order of trust: a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32), then strict
UTF-8, then UTF-16 without a mark when the zero bytes fall in a regular
pattern, then cp1252 (the encoding of Word's "plain text" export). Input that
is binary (NUL bytes, or many control bytes) is refused with an
:class:`~unres.errors.InputError`. The encoding chosen is returned so the
caller can record it.
"""

from __future__ import annotations

import codecs

from unres.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13, 11}


def decode(data: bytes) -> tuple[str, str]:
    """The text of ``data`` and the name of the encoding used."""
    if not data:
        raise InputError("empty input: no bytes to parse")
    for bom, name in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                return body.decode(name.replace("-sig", "")), name
            except UnicodeDecodeError as err:
                raise InputError(
                    f"invalid {name} after its byte-order mark at byte {err.start + len(bom)}",
                    offset=err.start + len(bom),
                ) from None
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    _refuse_binary(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as err:
        raise InputError(
            f"not UTF-8 and not cp1252: undecodable byte 0x{data[err.start]:02x} "
            f"at byte {err.start}",
            offset=err.start,
        ) from None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_zero = sample[0::2].count(0) / (len(sample) / 2)
    odd_zero = sample[1::2].count(0) / (len(sample) / 2)
    if odd_zero > 0.4 and even_zero < 0.05:
        name = "utf-16-le"
    elif even_zero > 0.4 and odd_zero < 0.05:
        name = "utf-16-be"
    else:
        return None
    try:
        return data.decode(name), name
    except UnicodeDecodeError:
        return None


def _refuse_binary(data: bytes) -> None:
    sample = data[:65536]
    zero = sample.find(0)
    if zero >= 0:
        raise InputError(f"binary input: NUL byte at byte {zero}", offset=zero)
    controls = sum(1 for byte in sample if byte in _CONTROL)
    if controls > max(8, len(sample) // 100):
        raise InputError(f"binary input: {controls} control bytes in the first {len(sample)}")
