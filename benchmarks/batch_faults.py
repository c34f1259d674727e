"""A batch over the corpus in which a worker is killed, and one that is interrupted.

Runs ``unres parse FILES --jobs 2 --out DIR`` over the corpus texts twice: in the first
run one worker is sent SIGKILL once a few outputs are written; the second run is sent
SIGINT (``--signal TERM`` for SIGTERM) likewise. It then checks every output that
``index.jsonl`` lists against a fresh parse of its input and prints the exit status,
the last line of standard error, and how many outputs were whole, wrong or left as
temporary files. It prints figures and asserts nothing.

    .venv/bin/python benchmarks/batch_faults.py [DIR] [--limit 333] [--signal INT]
"""

from __future__ import annotations

import argparse
import json
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import CORPUS

import unres

UNRES = Path(sys.executable).with_name("unres")


def wait_for(index: Path, count: int, process: subprocess.Popen[str]) -> None:
    while process.poll() is None:
        if index.exists() and len(index.read_text("utf-8").splitlines()) >= count:
            return
        time.sleep(0.02)


def check(out: Path) -> tuple[int, int, int, int]:
    """(listed, whole and right, wrong, temporary files left)."""
    lines = (out / "index.jsonl").read_text("utf-8").splitlines()
    right = wrong = 0
    for record in map(json.loads, lines):
        if record["output"] is None:
            continue
        written = json.loads((out / record["output"]).read_text("utf-8"))
        expected = json.loads(unres.to_json(unres.parse_file(record["input"])))
        right, wrong = (right + 1, wrong) if written == expected else (right, wrong + 1)
    return len(lines), right, wrong, len(list(out.rglob("*.tmp")))


def one_run(files: list[str], action: str, sent: signal.Signals) -> None:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out"
        command = [str(UNRES), "parse", "--jobs", "2", "--out", str(out), *files]
        process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        )
        wait_for(out / "index.jsonl", 20, process)
        start = time.monotonic()
        if action == "kill a worker":
            children = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()
            signal_sent = f"SIGKILL to worker {children[0]}"
            subprocess.run(["kill", "-KILL", children[0]], check=False)
        else:
            signal_sent = f"{sent.name} to the parent"
            process.send_signal(sent)
        _, stderr = process.communicate()
        took = time.monotonic() - start
        listed, right, wrong, temporary = check(out)
        last = stderr.strip().splitlines()[-1] if stderr.strip() else ""
        print(f"{action}: {signal_sent}; exit {process.returncode} after {took:.1f} s")
        print(f"  stderr: {last}")
        print(
            f"  index.jsonl: {listed} of {len(files)} inputs; outputs whole and equal to a "
            f"fresh parse: {right}; wrong: {wrong}; temporary files left: {temporary}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=CORPUS / "derived")
    parser.add_argument("--limit", type=int, default=333)
    parser.add_argument("--signal", choices=["INT", "TERM"], default="INT")
    args = parser.parse_args()
    files = [str(path) for path in sorted(args.folder.rglob("*.txt"))][: args.limit]
    sent = signal.Signals[f"SIG{args.signal}"]
    one_run(files, "kill a worker", sent)
    one_run(files, "interrupt", sent)
    return 0


if __name__ == "__main__":
    sys.exit(main())
