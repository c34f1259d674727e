"""``unres report DIR``: the corpus report (see :mod:`unres.report`)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from unres.cli.common import write_out
from unres.errors import InputError
from unres.report import build_report, format_report


def register(commands: Any) -> None:
    p = commands.add_parser("report", help="parse every .txt under DIR and report per folder")
    p.add_argument("directory", help="a folder of resolution texts")
    p.add_argument("--summary", action="store_true", help="the table only, no per-file lines")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    root = Path(args.directory)
    if not root.is_dir():
        raise InputError(f"{root}: not a directory")
    stats = build_report(root)
    write_out(format_report(stats, details=not args.summary))
    return 1 if any(s.crash for s in stats) else 0
