"""``unres report DIR``: the corpus report (see :mod:`unres.report`).

Prints the tables, then a line for each crash, input error and numbering gap
(``--summary``: the tables alone). A progress bar is drawn on standard error
when it is a terminal. Exit status 1 when a file crashed the parser, 2 when
``DIR`` is not a directory or holds no ``.txt`` file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from unres.cli.common import write_out
from unres.cli.terminal import Progress
from unres.errors import InputError
from unres.report import build_report, format_report, report_files


def register(commands: Any) -> None:
    p = commands.add_parser("report", help="parse every .txt under DIR and report per folder")
    p.add_argument("directory", help="a folder of resolution texts")
    p.add_argument("--summary", action="store_true", help="the table only, no per-file lines")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    root = Path(args.directory)
    if not root.is_dir():
        raise InputError(f"{root}: not a directory")
    progress = Progress(len(report_files(root)), sys.stderr)
    stats = build_report(root, lambda _: progress.step())
    progress.done()
    if not stats:
        raise InputError(f"{root}: no .txt files to report on")
    write_out(format_report(stats, details=not args.summary))
    return 1 if any(s.crash for s in stats) else 0
