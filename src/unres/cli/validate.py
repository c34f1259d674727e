"""``unres validate PATH...``: structural validation, for people and for CI.

Reads each input as every entry point does (:func:`unres.api.read_document`),
runs the rule catalogue (:mod:`unres.validate`) and prints every finding,
sorted by position within each file, in the chosen format (``--format`` or
``--output-format``: text, json, github), or with ``--statistics`` a count per
rule. A compilation (many resolutions in one text, :func:`unres.parse_all`)
is checked item by item. Settings come from ``[tool.unres]`` in the nearest ``pyproject.toml`` or
the ``--config`` file (:mod:`.settings`); ``--select``, ``--ignore`` and
``--fail-on`` override them, ``--extend-select``, ``--extend-ignore`` and
``--exclude`` add to them. On a terminal the text is coloured (``--color``,
``NO_COLOR``), a progress bar is drawn on standard error and a summary line
closes the output; ``--quiet`` keeps the findings only. Exit status: 0 when no
finding is at or above the ``--fail-on`` level (or with ``--exit-zero``), 1 when
one is, 2 when an input cannot be read or parsed, no input file is found at
all, or the usage or settings are wrong (the other inputs are still checked).
``--jobs N`` checks the files in N processes (capped at the CPUs;
:class:`unres.pool.Pool`); a file that fails, whatever the reason, is reported
and the others go on.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from fnmatch import fnmatch
from functools import partial
from pathlib import Path, PurePath
from typing import Any, TextIO

from unres.api import parse_all, read_document
from unres.cli.batch import capped_jobs
from unres.cli.common import about, read_input, write_out
from unres.cli.inputs import STDIN, display_name, expand
from unres.cli.settings import FAIL_LEVELS, Settings, load_settings
from unres.cli.terminal import COLOR_CHOICES, Paint, Progress, wants_color
from unres.decode import decode
from unres.errors import InputError
from unres.lines import LineIndex
from unres.models.findings import SEVERITY_RANK
from unres.pool import Died, Pool, in_order
from unres.readers.detect import kind_of
from unres.render.findings import FORMATS, Located, locate, statistics, summary, to_text
from unres.validate import Selection, validate


def _codes(values: list[str] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    return tuple(code.strip() for value in values for code in value.split(",") if code.strip())


def register(commands: Any) -> None:
    p = commands.add_parser(
        "validate",
        help="check resolutions against the rule catalogue",
        description="Check resolution texts; see `unres rules` for the codes.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, globs, or -")
    p.add_argument(
        "--format",
        "--output-format",
        choices=sorted(FORMATS),
        default="text",
        help="output format",
    )
    for flag, helps in (
        ("--select", "only these codes or prefixes, comma-separated (repeatable)"),
        ("--extend-select", "add these codes or prefixes to the selection (repeatable)"),
        ("--ignore", "leave out these codes or prefixes, comma-separated (repeatable)"),
        ("--extend-ignore", "leave out these too, on top of the settings (repeatable)"),
        ("--exclude", "leave out paths matching these glob patterns (repeatable)"),
    ):
        p.add_argument(
            flag, action="append", metavar="CODES" if "exclude" not in flag else "GLOB", help=helps
        )
    p.add_argument(
        "--fail-on",
        choices=FAIL_LEVELS,
        default=None,
        help="lowest severity that makes the exit status 1 (default: error)",
    )
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail")
    p.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help="print only the findings: no summary line, no progress bar",
    )
    p.add_argument(
        "--statistics",
        action="store_true",
        help="print the number of findings per rule instead of the findings",
    )
    p.add_argument("--config", metavar="FILE", help="read [tool.unres] from this TOML file")
    p.add_argument(
        "--color",
        choices=COLOR_CHOICES,
        default="auto",
        help="colour the text output (auto: on a terminal, unless NO_COLOR is set)",
    )
    p.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="the name to show for standard input (-) in findings",
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


def _selection(args: argparse.Namespace, settings: Settings) -> Selection:
    where = f"{settings.path}: [tool.unres]: " if settings.path is not None else ""
    try:
        Selection.of(settings.select, settings.ignore + settings.extend_ignore)
        Selection.of(settings.extend_select, None)
    except ValueError as err:
        raise InputError(f"{where}{err}") from None
    select = _codes(args.select)
    ignore = _codes(args.ignore)
    chosen = settings.select if select is None else select
    extra = settings.extend_select + (_codes(args.extend_select) or ())
    dropped = (settings.ignore if ignore is None else ignore) + settings.extend_ignore
    try:
        return Selection.of(
            chosen + extra if chosen else (), dropped + (_codes(args.extend_ignore) or ())
        )
    except ValueError as err:
        raise InputError(str(err)) from None


def _check(path: str, name: str, selection: Selection, excerpts: bool) -> list[Located]:
    try:
        data = read_input(path)
        if kind_of(data) == "text":
            text, encoding = decode(data)
            trees = parse_all(text, encoding=encoding)
        else:
            document = read_document(data)
            text, trees = document.text, [document.tree]
    except InputError as err:
        raise about(name, err) from None
    findings = [
        finding
        for tree in trees
        for finding in validate(tree, text, select=selection.select, ignore=selection.ignore)
    ]
    findings.sort(key=lambda finding: (finding.span[0], finding.span[1], finding.code))
    return locate(findings, LineIndex(text), name, excerpts=excerpts)


def _check_safely(
    path: str, *, stdin_name: str | None, selection: Selection, excerpts: bool
) -> list[Located] | str:
    """The located findings of ``path``, or the one-line reason it could not be checked."""
    name = stdin_name if path == STDIN and stdin_name else display_name(path)
    try:
        return _check(path, name, selection, excerpts)
    except InputError as err:
        return err.reason
    except MemoryError:
        return f"{name}: out of memory"
    except Exception as err:  # a bug on one file must not stop the others: report it
        return f"{name}: internal error: {type(err).__name__}: {err}"


def _outcomes(
    check: Callable[[str], list[Located] | str], paths: list[str], jobs: int
) -> Iterator[list[Located] | str]:
    """Each path's outcome, in input order; in ``jobs`` processes (capped at the CPUs)."""
    if jobs > 1 and len(paths) > 1 and STDIN not in paths:
        with Pool(check, capped_jobs(jobs, sys.stderr)) as pool:
            for _, outcome in in_order(pool.run(paths)):
                yield outcome.reason if isinstance(outcome, Died) else outcome
        return
    for path in paths:
        yield check(path)


def _excluded(path: str, patterns: tuple[str, ...]) -> bool:
    pure = PurePath(path)
    return any(pure.match(pattern) or fnmatch(path, pattern) for pattern in patterns)


def run(args: argparse.Namespace) -> int:
    settings = load_settings(Path.cwd(), Path(args.config) if args.config else None)
    selection = _selection(args, settings)
    fail_on = args.fail_on or settings.fail_on
    exclude = settings.exclude + (_codes(args.exclude) or ())
    inputs = expand(args.paths)
    paths = [path for path in inputs.paths if not _excluded(path, exclude)]
    status = 0
    for missing in inputs.missing:
        print(f"unres: {missing}: no such file or directory", file=sys.stderr)
        status = 2
    if not paths and not inputs.missing:
        raise InputError(f"no input files: {' '.join(args.paths)} names no .txt file to check")
    excerpts = args.show_source and args.format == "text"
    located: list[Located] = []
    progress = Progress(len(paths), sys.stderr, shown=None if not args.quiet else False)
    if args.jobs < 1:
        raise InputError(f"--jobs must be 1 or more, not {args.jobs}")
    check = partial(
        _check_safely, stdin_name=args.stdin_filename, selection=selection, excerpts=excerpts
    )
    for outcome in _outcomes(check, paths, args.jobs):
        if isinstance(outcome, str):
            progress.message(f"unres: {outcome}")
            status = 2
        else:
            located.extend(outcome)
        progress.step()
    progress.done()
    _print(args, located, len(paths))
    failing = any(SEVERITY_RANK[item.severity] >= SEVERITY_RANK[fail_on] for item in located)
    if args.exit_zero:
        return status
    return status or (1 if failing else 0)


def _print(args: argparse.Namespace, located: list[Located], files: int) -> None:
    paint = Paint(args.format == "text" and wants_color(args.color, sys.stdout))
    if args.statistics:
        if located:
            write_out(statistics(located, paint))
    elif args.format == "text":
        if located:
            write_out(to_text(located, paint))
    elif located or args.format == "json":
        write_out(FORMATS[args.format](located))
    if not args.quiet and args.format == "text" and _is_terminal(sys.stdout):
        write_out(summary(located, files))


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
