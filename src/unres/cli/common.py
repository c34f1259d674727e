"""What the subcommand modules share: reading inputs, writing UTF-8 output, the types."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from unres.api import DEFAULT_MAX_BYTES, read_bounded
from unres.errors import InputError

Command = Callable[[argparse.Namespace], int]

Register = Callable[[Any], None]
"""A subcommand's ``register(subparsers)``: adds its parser and sets ``run``."""


def read_input(path: str) -> bytes:
    """The bytes of ``path``, or of standard input for ``-``: at most the size limit and one.

    A bounded read: ``/dev/zero``, an endless pipe or a huge file costs no more than
    :data:`~unres.api.DEFAULT_MAX_BYTES` before it is refused as too large.
    """
    if path != "-":
        return read_bounded(path, DEFAULT_MAX_BYTES)
    data = sys.stdin.buffer.read(DEFAULT_MAX_BYTES + 1)
    if len(data) > DEFAULT_MAX_BYTES:
        raise InputError(f"<stdin>: too large: more than {DEFAULT_MAX_BYTES} bytes")
    return data


def about(path: str, err: InputError) -> InputError:
    """``err`` with the input's name in front of its reason, once."""
    name = "<stdin>" if path == "-" else path
    if err.reason.startswith(f"{name}:") or err.reason.startswith(f"{path}:"):
        return err
    return InputError(f"{name}: {err.reason}", offset=err.offset)


def utf8_safe(text: str) -> str:
    """``text`` with any lone surrogate written as a backslash escape, so it encodes as UTF-8."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def write_out(text: str) -> None:
    """Write ``text`` to standard output with one trailing newline."""
    sys.stdout.write(utf8_safe(text))
    if not text.endswith("\n"):
        sys.stdout.write("\n")
