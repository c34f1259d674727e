"""``unres rules``: every rule of the catalogue, its code, severity and explanation."""

from __future__ import annotations

import argparse
import json
from typing import Any

from unres.cli.common import write_out
from unres.validate import RULES


def register(commands: Any) -> None:
    p = commands.add_parser("rules", help="list the validation rules and their codes")
    p.add_argument("--format", choices=["text", "json"], default="text", help="output format")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.format == "json":
        records = [
            {
                "code": rule.code,
                "severity": rule.severity,
                "name": rule.name,
                "summary": rule.summary,
                "needs_text": rule.needs_text,
            }
            for rule in RULES
        ]
        write_out(json.dumps(records, indent=2))
        return 0
    width = max(len(rule.name) for rule in RULES)
    lines = [
        f"{rule.code}  {rule.severity:<7}  {rule.name:<{width}}  {rule.summary}" for rule in RULES
    ]
    write_out("\n".join(lines))
    return 0
