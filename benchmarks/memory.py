"""Peak memory against input size, for the worst shapes and the corpus.

Each measurement runs in a fresh Python process: it imports unres, builds the input,
warms up on the seed, notes its peak resident set size, then parses the input and
writes its JSON (as ``unres parse`` does), and notes the peak again. The growth of the
peak over the input's UTF-8 size is the multiple printed: ``peak − before`` / input. It
prints the figures and asserts nothing.

    .venv/bin/python benchmarks/memory.py [--megabytes 4] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from shapes import SHAPES
from timing import CORPUS

_CHILD = r"""
import json, resource, sys
sys.path.insert(0, {benchmarks!r})
import unres
from shapes import SHAPES
def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
kind, name, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
if kind == "shape":
    shape = next(s for s in SHAPES if s.name == name)
    unit = len(shape.make(shape.base).encode("utf-8")) / shape.base
    text = shape.make(max(1, int(size / unit)))
else:
    text = open(name, encoding="utf-8").read()
unres.to_json(unres.parse_file({seed!r}))
before = peak()
tree = unres.parse(text)
output = unres.to_json(tree)
after = peak()
print(json.dumps({{"bytes": len(text.encode("utf-8")), "before": before, "after": after,
                  "removed": len(tree.removed)}}))
"""


def measure(kind: str, name: str, size: int) -> dict[str, int]:
    here = Path(__file__).resolve().parent
    code = _CHILD.format(
        benchmarks=str(here), seed=str(here.parent / "fixtures/seed/A_RES_57_53.txt")
    )
    done = subprocess.run(
        [sys.executable, "-c", code, kind, name, str(size)], capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"{name}: {done.stderr.strip().splitlines()[-1]}")
    result: dict[str, int] = json.loads(done.stdout)
    return result


def row(label: str, figures: dict[str, int]) -> float:
    grown = max(figures["after"] - figures["before"], 0)
    multiple = grown / figures["bytes"]
    print(
        f"{label:34} {figures['bytes'] / 1e6:9.2f} {figures['after'] / 1e6:10.0f} "
        f"{grown / 1e6:10.0f} {multiple:9.1f} {figures['removed']:>9,}"
    )
    return multiple


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=4.0)
    parser.add_argument("--corpus", type=Path, default=CORPUS / "derived")
    parser.add_argument("--largest", type=int, default=3, help="corpus texts measured")
    args = parser.parse_args()
    size = int(args.megabytes * 1e6)
    print(
        f"{'input':34} {'input MB':>9} {'peak MB':>10} {'growth MB':>10} "
        f"{'× input':>9} {'removed':>9}"
    )
    worst = 0.0
    for shape in SHAPES:
        if shape.akn:
            continue
        worst = max(worst, row(shape.name, measure("shape", shape.name, size)))
    texts = sorted(args.corpus.rglob("*.txt"), key=lambda p: p.stat().st_size, reverse=True)
    for path in texts[: args.largest]:
        worst = max(worst, row(f"corpus: {path.name[:26]}", measure("file", str(path), 0)))
    print(f"highest multiple: {worst:.1f} × the input")
    return 0


if __name__ == "__main__":
    sys.exit(main())
