"""Coverage-guided fuzzing of the parser with atheris (libFuzzer for Python), that goes on.

Each input is a byte string handed to :func:`unres.parse_bytes`. An input *fails* when
anything but :class:`unres.InputError` escapes, when it takes longer than ``--slow``
seconds (an alarm stops it: a hang is a failure, not the end of the run), or when the
parsed tree breaks an invariant: spans out of bounds or outside their parent's, text
lost (:func:`unres.coverage.check`), JSON that is not valid UTF-8, a rendering that does
not parse again.

A failure does not stop the run. The harness logs it (one JSON line in
``--log``, default ``fuzz-failures.jsonl``), minimises the input while the same
failure (its kind and the place it was raised) persists, and writes the smallest input
to ``fuzz/regressions/`` (``--regressions``), where ``tests/test_regressions.py`` runs
every file; one file per distinct failure. Every minute it prints the figures so
far: inputs run, seconds, failures, distinct failures.

    pip install -e '.[fuzz]'
    mkdir -p /tmp/unres-fuzz
    python fuzz/fuzz_parse.py /tmp/unres-fuzz fixtures/seed fixtures/real \\
        -max_total_time=600 -max_len=65536 -rss_limit_mb=4096

The first directory receives the inputs libFuzzer finds interesting; the others are the
seed corpus (the fixtures) and are only read. Options before the directories that start
with ``--`` are the harness's own (``--slow 20``, ``--log FILE``, ``--regressions DIR``).
"""

from __future__ import annotations

import hashlib
import json
import signal
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import ClassVar

import atheris

with atheris.instrument_imports():
    import unres
    from unres import coverage, models
    from unres.decode import decode_bytes
    from unres.render.text import to_text

ROOT = Path(__file__).resolve().parent


class Slow(Exception):
    """The input ran past the time allowed."""


class Settings:
    slow = 20.0
    log = Path("fuzz-failures.jsonl")
    regressions = ROOT / "regressions"
    minimise_seconds = 60.0


class Figures:
    runs = 0
    failures = 0
    started = time.monotonic()
    reported = started
    seen: ClassVar[set[str]] = set()


def _check_spans(tree: unres.Resolution, size: int) -> None:
    stack: list[object] = [tree]
    while stack:
        node = stack.pop()
        assert isinstance(node, models.Node)
        start, end = node.span
        assert 0 <= start <= end <= size, (type(node).__name__, node.span)
        for name in type(node).model_fields:
            value = getattr(node, name)
            for child in value if isinstance(value, list) else [value]:
                if isinstance(child, models.Node):
                    low, high = child.span
                    assert start <= low <= high <= end, (type(child).__name__, child.span)
                    stack.append(child)


def check(data: bytes) -> None:
    """Raise if ``data`` breaks a promise; return quietly otherwise."""
    try:
        tree = unres.parse_bytes(data)
    except unres.InputError:
        return
    text = decode_bytes(data).text
    _check_spans(tree, len(text))
    found = coverage.check(text, tree)
    assert found.complete, found.describe()
    json.loads(unres.to_json(tree).encode("utf-8"))
    try:
        unres.parse(to_text(tree))
    except unres.InputError:
        assert tree.preamble is None and not tree.all_paragraphs()


def _alarm(number: int, frame: FrameType | None) -> None:
    raise Slow(f"over {Settings.slow:g} s")


def signature(data: bytes) -> str | None:
    """What failed and where (the innermost frame in unres), or None when nothing fails."""
    signal.setitimer(signal.ITIMER_REAL, Settings.slow)
    try:
        check(data)
    except Slow:
        return "Slow"
    except Exception as err:
        frames = [f for f in traceback.extract_tb(err.__traceback__) if "unres" in f.filename]
        where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
        return f"{type(err).__name__} at {where}"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return None


def minimise(data: bytes, failure: str, same: Callable[[bytes], bool]) -> bytes:
    """A smaller input with the same failure: chunks taken out, halving their size (ddmin)."""
    deadline = time.monotonic() + Settings.minimise_seconds
    chunk = max(len(data) // 2, 1)
    while chunk >= 1 and time.monotonic() < deadline:
        start, shrunk = 0, False
        while start < len(data) and time.monotonic() < deadline:
            candidate = data[:start] + data[start + chunk :]
            if candidate and same(candidate):
                data, shrunk = candidate, True
            else:
                start += chunk
        if not shrunk:
            chunk //= 2
    return data


def record(data: bytes, failure: str, detail: str) -> None:
    """Log a failure, and keep the first input of each distinct one, minimised."""
    Figures.failures += 1
    entry: dict[str, object] = {"failure": failure, "detail": detail[:500], "size": len(data)}
    if failure not in Figures.seen:
        Figures.seen.add(failure)
        small = minimise(data, failure, lambda candidate: signature(candidate) == failure)
        name = f"fuzz-{hashlib.sha1(small).hexdigest()[:12]}.txt"
        Settings.regressions.mkdir(parents=True, exist_ok=True)
        (Settings.regressions / name).write_bytes(small)
        entry |= {"regression": str(Settings.regressions / name), "minimised_size": len(small)}
    with open(Settings.log, "a", encoding="utf-8") as log:
        log.write(json.dumps(entry, ensure_ascii=False) + "\n")
    print(f"fuzz: failure {failure} ({len(data)} bytes), logged; going on", file=sys.stderr)


def test_one_input(data: bytes) -> None:
    Figures.runs += 1
    if time.monotonic() - Figures.reported >= 60:
        report()
    signal.setitimer(signal.ITIMER_REAL, Settings.slow)
    try:
        check(data)
    except Slow as slow:
        signal.setitimer(signal.ITIMER_REAL, 0)
        record(data, "Slow", str(slow))
    except Exception as err:
        signal.setitimer(signal.ITIMER_REAL, 0)
        failure = signature(data) or f"{type(err).__name__} (not reproduced)"
        record(data, failure, "".join(traceback.format_exception_only(err)).strip())
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def report() -> None:
    """The figures so far, on standard error (every minute: libFuzzer's exit skips atexit)."""
    Figures.reported = time.monotonic()
    seconds = Figures.reported - Figures.started
    print(
        f"fuzz: {Figures.runs} inputs in {seconds:.0f} s ({Figures.runs / max(seconds, 1):.0f}/s), "
        f"{Figures.failures} failures, {len(Figures.seen)} distinct",
        file=sys.stderr,
    )


def _own_options(argv: list[str]) -> list[str]:
    rest: list[str] = []
    options = iter(argv)
    for argument in options:
        if argument == "--slow":
            Settings.slow = float(next(options))
        elif argument == "--log":
            Settings.log = Path(next(options))
        elif argument == "--regressions":
            Settings.regressions = Path(next(options))
        else:
            rest.append(argument)
    return rest


def main() -> None:
    argv = _own_options(sys.argv)
    signal.signal(signal.SIGALRM, _alarm)
    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
