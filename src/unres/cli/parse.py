"""``unres parse FILE...``: the tree of a resolution, or of many, as JSON or AKN XML.

One file and no ``--out``: the tree on standard output, as JSON or (``--format
akn``) as Akoma Ntoso XML; input that opens like XML (``<?xml`` or
``<akomaNtoso``) is read as AKN4UN with :func:`unres.from_akn`. Bad input exits 2
with a one-line reason. Several files, or ``--out DIR``, is a batch
(:mod:`unres.cli.batch`, ``--jobs N`` processes, capped at the CPUs): each tree
goes to ``DIR/<path under the inputs' common folder>.json`` written atomically,
with ``DIR/index.jsonl`` mapping inputs to outputs, or, without ``--out``, one
JSON Lines record per file to standard output, ``{"path", "ok", "result"}`` or
``{"path", "ok", "error"}``. A file that fails (to parse or to be written) is
reported on standard error and the batch goes on; the exit status is 1 if any
failed, 130 or 143 after Ctrl-C or SIGTERM (with a summary). A progress bar is
drawn on standard error when it is a terminal.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
from contextlib import closing
from pathlib import Path
from typing import Any, TextIO

from unres.api import parse_bytes
from unres.cli import batch
from unres.cli.common import read_input, utf8_safe, write_out
from unres.decode import decode
from unres.errors import InputError
from unres.models import Resolution
from unres.readers.akn import from_akn, looks_like_akn
from unres.render.akn import to_akn
from unres.render.json import to_json


def register(commands: Any) -> None:
    p = commands.add_parser("parse", help="parse resolutions and print their trees")
    p.add_argument(
        "files", nargs="+", metavar="FILE", help="resolution texts or AKN XML (- for stdin)"
    )
    p.add_argument("--format", choices=["json", "akn"], default="json", help="output format")
    p.add_argument("--compact", action="store_true", help="JSON on one line")
    p.add_argument(
        "--actor", default=None, help="FRBR actor in AKN URIs (unga, unsc…; default from the organ)"
    )
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="processes for a batch")
    p.add_argument("--out", metavar="DIR", help="write one DIR/<name>.json per input")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if len(args.files) == 1 and args.out is None:
        return _single(args)
    if "-" in args.files:
        raise InputError("standard input (-) can only be parsed alone")
    if args.jobs < 1:
        raise InputError(f"--jobs must be 1 or more, not {args.jobs}")
    if args.format == "akn":
        raise InputError("--format akn takes one file at a time")
    return _batch(args)


def _single(args: argparse.Namespace) -> int:
    data = read_input(args.files[0])
    source: str | None = None
    resolution: Resolution
    if looks_like_akn(data):
        resolution = from_akn(data)
    else:
        resolution = parse_bytes(data)
        source = decode(data)[0]
    if args.format == "akn":
        try:
            xml = to_akn(resolution, actor=args.actor, source=source)
        except ValueError as err:
            print(f"unres: {err}", file=sys.stderr)
            return 2
        sys.stdout.buffer.write(xml)
        return 0
    write_out(to_json(resolution, indent=None if args.compact else 2))
    return 0


def _batch(args: argparse.Namespace) -> int:
    jobs = batch.capped_jobs(args.jobs, sys.stderr)
    out = Path(args.out) if args.out is not None else None
    names: list[str | None] = [None] * len(args.files)
    if out is not None:
        names = list(batch.output_names(args.files))
    tasks = [
        batch.Task(path, None if name is None or out is None else str(out / name))
        for path, name in zip(args.files, names, strict=True)
    ]
    tally = _Tally(len(tasks), out)
    previous = batch.stop_on_sigterm()
    try:
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            with open(out / "index.jsonl", "w", encoding="utf-8") as index:
                _write_trees(tasks, jobs, args.compact, names, index, tally)
        else:
            _write_lines(tasks, jobs, args.compact, tally)
    except KeyboardInterrupt:
        return tally.stopped("interrupted", 130)
    except batch.Stopped:
        return tally.stopped("terminated", 143)
    except OSError as err:
        print(f"unres: cannot write to {out}: {err.strerror or err}", file=sys.stderr)
        return 2
    finally:
        signal.signal(signal.SIGTERM, previous)
        batch.remove_leftovers([task.target for task in tasks if task.target is not None])
    tally.progress.done()
    if tally.failed:
        print(f"unres: {tally.failed} of {len(tasks)} files failed", file=sys.stderr)
    return 1 if tally.failed else 0


def _write_trees(
    tasks: list[batch.Task],
    jobs: int,
    compact: bool,
    names: list[str | None],
    index: TextIO,
    tally: _Tally,
) -> None:
    """Workers write the trees; the manifest gets a line per input as each arrives."""
    output = dict(zip((task.path for task in tasks), names, strict=True))
    with closing(batch.outcomes(tasks, jobs, compact=compact)) as results:  # workers end here
        for outcome in results:
            _record(outcome, output, index, tally)


def _record(
    outcome: batch.Outcome, output: dict[str, str | None], index: TextIO, tally: _Tally
) -> None:
    """Count one outcome and give it its line in index.jsonl, at once."""
    tally.add(outcome)
    record = {
        "input": outcome.path,
        "output": output[outcome.path] if outcome.written else None,
        "ok": outcome.ok,
        "error": outcome.error,
    }
    index.write(utf8_safe(json.dumps(record, ensure_ascii=False)) + "\n")
    index.flush()


def _write_lines(tasks: list[batch.Task], jobs: int, compact: bool, tally: _Tally) -> None:
    """One JSON line per input on standard output, in input order."""
    order = {task.path: number for number, task in enumerate(tasks)}
    waiting: dict[int, str] = {}
    following = 0
    with closing(batch.outcomes(tasks, jobs, compact=compact)) as results:  # workers end here
        for outcome in results:
            tally.add(outcome)
            waiting[order[outcome.path]] = outcome.line or _failed_line(outcome)
            while following in waiting:
                sys.stdout.write(waiting.pop(following) + "\n")
                following += 1


def _failed_line(outcome: batch.Outcome) -> str:
    record = {"path": outcome.path, "ok": False, "error": outcome.error}
    return utf8_safe(json.dumps(record, ensure_ascii=False))


class _Tally:
    """Counts of what the batch has done, for the progress bar and the closing summary."""

    def __init__(self, total: int, out: Path | None) -> None:
        self.total, self.out = total, out
        self.done = self.written = self.failed = 0
        self.progress = _Progress(total, sys.stderr)

    def add(self, outcome: batch.Outcome) -> None:
        self.done += 1
        self.written += outcome.written
        self.progress.step()
        if not outcome.ok:
            self.failed += 1
            self.progress.message(f"unres: {outcome.path}: {outcome.error}")

    def stopped(self, how: str, status: int) -> int:
        self.progress.done()
        where = (
            f", {self.written} written to {self.out} (listed in index.jsonl)" if self.out else ""
        )
        print(
            f"unres: {how}: {self.done} of {self.total} files done{where}, {self.failed} failed",
            file=sys.stderr,
        )
        return status


class _Progress:
    """A one-line bar on a terminal; nothing at all when the stream is not one."""

    WIDTH = 30

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.count, self.stream = total, 0, stream
        self.shown = stream.isatty()

    def step(self) -> None:
        self.count += 1
        if self.shown:
            filled = self.WIDTH * self.count // max(self.total, 1)
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            self.stream.write(f"\r[{bar}] {self.count}/{self.total} files")
            self.stream.flush()

    def message(self, line: str) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
        self.stream.write(line + "\n")
        if self.shown:
            self.step_back()

    def step_back(self) -> None:
        self.count -= 1
        self.step()

    def done(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()
