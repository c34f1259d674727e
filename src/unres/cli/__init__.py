"""The ``unres`` command: a thin layer over the library.

Each subcommand lives in a module of its own under :mod:`unres.cli` and
registers itself through :data:`SUBCOMMANDS`. Exit codes: 0 success; 1 when
findings or failed files make a subcommand fail; 2 unreadable input or bad
usage. Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from unres.cli import parse, report, rules, schema, tokens, validate
from unres.cli.common import Command, Register
from unres.errors import InputError

SUBCOMMANDS: tuple[Register, ...] = (
    parse.register,
    tokens.register,
    schema.register,
    report.register,
    validate.register,
    rules.register,
)
"""Every subcommand's ``register`` function, in the order ``unres --help`` lists them."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="unres", description="Parse United Nations resolution texts into a structured tree."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for register in SUBCOMMANDS:
        register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0) if isinstance(exit_.code, int) else 2
    run: Command = args.run
    try:
        return run(args)
    except InputError as err:
        print(f"unres: {err.reason}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    except MemoryError:
        print("unres: out of memory", file=sys.stderr)
        return 2
