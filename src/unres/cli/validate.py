"""``unres validate PATH...``: structural validation, for people and for CI.

Decodes each input with :func:`unres.decode.decode`, parses it and runs the
rule catalogue (:mod:`unres.validate`), then prints every finding, sorted by
position within each file, in the chosen format. Settings come from
``[tool.unres]`` in the nearest ``pyproject.toml`` (:mod:`.settings`), and the
flags override them. ``--jobs N`` checks the files in N processes (capped at the
CPUs; :class:`unres.pool.Pool`); any file that fails, whatever the reason, is
reported and the others go on. Exit status: 0 when no finding is at or above the
``--fail-on`` level, 1 when one is, 2 when an input cannot be read or parsed
or the usage is wrong (the other inputs are still checked).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from unres.api import parse
from unres.cli.batch import capped_jobs
from unres.cli.common import read_input, write_out
from unres.cli.inputs import STDIN, display_name, expand
from unres.cli.settings import FAIL_LEVELS, load_settings
from unres.decode import decode
from unres.errors import InputError
from unres.lines import LineIndex
from unres.models.findings import SEVERITY_RANK
from unres.pool import Died, Pool, in_order
from unres.render.findings import FORMATS, Located, locate
from unres.validate import Selection, validate


def _codes(values: list[str] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    return tuple(code for value in values for code in value.split(",") if code.strip())


def register(commands: Any) -> None:
    p = commands.add_parser(
        "validate",
        help="check resolutions against the rule catalogue",
        description="Check resolution texts; see `unres rules` for the codes.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, globs, or -")
    p.add_argument("--format", choices=sorted(FORMATS), default="text", help="output format")
    p.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help="only these codes or prefixes, comma-separated (repeatable)",
    )
    p.add_argument(
        "--ignore",
        action="append",
        metavar="CODES",
        help="leave out these codes or prefixes, comma-separated (repeatable)",
    )
    p.add_argument(
        "--fail-on",
        choices=FAIL_LEVELS,
        default=None,
        help="lowest severity that makes the exit status 1 (default: error)",
    )
    p.add_argument(
        "--show-source",
        action="store_true",
        help="text format: print the source line and a caret under each finding",
    )
    p.add_argument(
        "--jobs", "-j", type=int, default=1, metavar="N", help="processes (capped at the CPUs)"
    )
    p.set_defaults(run=run)  # fmt: skip


def _check(path: str, selection: Selection, excerpts: bool) -> list[Located]:
    text, encoding = decode(read_input(path))
    resolution = parse(text, encoding=encoding)
    findings = validate(resolution, text, select=selection.select, ignore=selection.ignore)
    return locate(findings, LineIndex(text), display_name(path), excerpts=excerpts)


def _check_safely(path: str, *, selection: Selection, excerpts: bool) -> list[Located] | str:
    """The located findings of ``path``, or the one-line reason it could not be checked."""
    try:
        return _check(path, selection, excerpts)
    except InputError as err:
        return err.reason if err.reason.startswith(path) else f"{display_name(path)}: {err.reason}"
    except MemoryError:
        return f"{display_name(path)}: out of memory"
    except Exception as err:  # a bug on one file must not stop the others: report it
        return f"{display_name(path)}: internal error: {type(err).__name__}: {err}"


def _outcomes(
    check: Callable[[str], list[Located] | str], paths: tuple[str, ...], jobs: int
) -> Iterator[list[Located] | str]:
    """Each path's outcome, in input order; in ``jobs`` processes (capped at the CPUs)."""
    if jobs > 1 and len(paths) > 1 and STDIN not in paths:
        with Pool(check, capped_jobs(jobs, sys.stderr)) as pool:
            for _, outcome in in_order(pool.run(paths)):
                yield outcome.reason if isinstance(outcome, Died) else outcome
        return
    for path in paths:
        yield check(path)


def run(args: argparse.Namespace) -> int:
    settings = load_settings(Path.cwd())
    select = _codes(args.select)
    ignore = _codes(args.ignore)
    try:
        Selection.of(settings.select, settings.ignore)
    except ValueError as err:
        raise InputError(f"{settings.path}: [tool.unres]: {err}") from None
    try:
        selection = Selection.of(
            settings.select if select is None else select,
            settings.ignore if ignore is None else ignore,
        )
    except ValueError as err:
        raise InputError(str(err)) from None
    fail_on = args.fail_on or settings.fail_on
    inputs = expand(args.paths)
    status = 0
    for missing in inputs.missing:
        print(f"unres: {missing}: no such file or directory", file=sys.stderr)
        status = 2
    located: list[Located] = []
    excerpts = args.show_source and args.format == "text"
    check = partial(_check_safely, selection=selection, excerpts=excerpts)
    for outcome in _outcomes(check, inputs.paths, args.jobs):
        if isinstance(outcome, str):
            print(f"unres: {outcome}", file=sys.stderr)
            status = 2
        else:
            located.extend(outcome)
    if located or args.format == "json":
        write_out(FORMATS[args.format](located))
    failing = any(SEVERITY_RANK[item.severity] >= SEVERITY_RANK[fail_on] for item in located)
    return status or (1 if failing else 0)
