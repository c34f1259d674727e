"""The ``unres`` command: a thin layer over the library.

Each subcommand lives in a module of its own under :mod:`unres.cli` and
registers itself through :data:`SUBCOMMANDS`. Exit codes: 0 success; 1 when
findings or failed files make a subcommand fail; 2 unreadable input or bad
usage, and for output that cannot be written (a full disk, a pipe closed
before the end: ``unres: cannot write output: …``); 130 when interrupted
(Ctrl-C). Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence

from unres import __version__
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
    parser.add_argument("--version", action="version", version=f"unres {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for register in SUBCOMMANDS:
        register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (default: ``sys.argv[1:]``) and give its exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0) if isinstance(exit_.code, int) else 2
    run: Command = args.run
    try:
        status = run(args)
        sys.stdout.flush()  # a full disk shows here, not in the interpreter's exit
    except InputError as err:
        return _fail(err.reason, 2)
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except BrokenPipeError:
        _detach_stdout()
        return _fail("output closed before the end (broken pipe)", OUTPUT_ERROR)
    except OSError as err:  # writing: a full disk, an I/O error, a closed stream
        _detach_stdout()
        return _fail(f"cannot write output: {err.strerror or err}", OUTPUT_ERROR)
    except MemoryError:
        return _fail("out of memory", 2)
    return status


OUTPUT_ERROR = 2
"""The exit status when standard output cannot be written (full disk, closed pipe)."""


def _fail(message: str, status: int) -> int:
    with contextlib.suppress(OSError):  # standard error gone too: the status says it
        print(f"unres: {message}", file=sys.stderr)
    return status


def _detach_stdout() -> None:
    """Point standard output at the null device, so the interpreter's last flush cannot fail."""
    with contextlib.suppress(OSError, ValueError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
