"""unres beside bluebell (pure Python and Rust) and the regex floor, in one run, same content.

What it measures, on one core, median of ``--rounds`` after warm-up:

* unres: ``unres.parse(text)``, raw ODS text to a validated pydantic tree, on
  the seed (``../shared/seed``) and its ×10 twin (``../shared/bench``); also
  with ``to_json`` after it, since bluebell's figure includes writing its XML;
* bluebell 5: ``parse_to_xml_bytes`` on the bluebell-markup twins of the same
  two documents, pure Python and with ``bluebell-akn-rs``, each flavour in a
  child process of the ``.venv-bluebell`` venv (``benchmarks/bluebell_side.py``;
  bluebell is a benchmark-only dependency and needs Python 3.12);
* the regex floor: one ``regex`` ``finditer`` line pass over the raw text
  (``benchmarks/regex_floor.py``).

unres runs before and after bluebell and its figure is the median of both, so
drift of the machine in between shows in neither side alone. Ratios compare
time per document (the content is the same; bluebell's markup file is a little
larger than the raw text): ``unres/bluebell`` is how many times faster unres is,
``floor/unres`` how many times slower unres is than the floor. MB/s are given
per tool on its own input. It asserts nothing about time.

    bash benchmarks/setup_bluebell_env.sh     # once: .venv-bluebell with bluebell 5
    .venv/bin/python benchmarks/compare_bluebell.py [--rounds 7]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import BENCH, ROOT, SHARED, median_time, one_core, utf8_size

import unres

DOCUMENTS = {
    "seed": (SHARED / "seed" / "A_RES_57_53.txt", BENCH / "A_RES_57_53.bluebell.txt"),
    "x10": (BENCH / "A_RES_57_53.x10.txt", BENCH / "A_RES_57_53.x10.bluebell.txt"),
}
BLUEBELL_PYTHON = ROOT / ".venv-bluebell" / "bin" / "python"


def _floor_module() -> Any:
    spec = importlib.util.spec_from_file_location(
        "regex_floor", ROOT / "benchmarks" / "regex_floor.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def time_unres(rounds: int) -> dict[str, dict[str, float]]:
    out = {}
    for name, (raw, _) in DOCUMENTS.items():
        text = raw.read_text(encoding="utf-8")
        tree, _ = median_time(lambda t=text: unres.parse(t), rounds=rounds, warmup=3)
        both, _ = median_time(lambda t=text: unres.to_json(unres.parse(t)), rounds=rounds, warmup=1)
        out[name] = {"bytes": utf8_size(text), "tree_s": tree, "tree_json_s": both}
    return out


def time_bluebell(rounds: int) -> dict[tuple[str, str], dict[str, Any]]:
    if not BLUEBELL_PYTHON.exists():
        print(f"bluebell venv missing ({BLUEBELL_PYTHON}): run benchmarks/setup_bluebell_env.sh")
        return {}
    files = [str(markup) for _, markup in DOCUMENTS.values()]
    script = ROOT / "benchmarks" / "bluebell_side.py"
    done = subprocess.run(
        [str(BLUEBELL_PYTHON), str(script), *files, "--rounds", str(rounds)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    results: dict[tuple[str, str], dict[str, Any]] = {}
    by_file = {str(markup): name for name, (_, markup) in DOCUMENTS.items()}
    for line in done.stdout.splitlines():
        record = json.loads(line)
        if record.get("available", True):
            results[(record["flavour"], by_file[record["file"]])] = record
        else:
            print(f"bluebell {record['flavour']}: not available: {record['reason']}")
    return results


def time_floor(rounds: int) -> dict[str, dict[str, float]]:
    floor = _floor_module()
    out = {}
    for name, (raw, _) in DOCUMENTS.items():
        text = raw.read_text(encoding="utf-8")
        times = floor.time_pass(text, rounds, 3)
        out[name] = {"bytes": utf8_size(text), "median_s": statistics.median(times)}
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    pinned = one_core()
    before = time_unres(args.rounds)
    bluebell = time_bluebell(args.rounds)
    floor = time_floor(args.rounds * 10)
    after = time_unres(args.rounds)
    rows = []
    print(f"one core ({pinned}); median of {args.rounds} rounds after warm-up")
    print(f"{'document':8} {'tool':22} {'bytes':>7} {'ms/doc':>9} {'MB/s':>8}  ratio")
    for name in DOCUMENTS:
        size = before[name]["bytes"]
        tree = statistics.median([before[name]["tree_s"], after[name]["tree_s"]])
        both = statistics.median([before[name]["tree_json_s"], after[name]["tree_json_s"]])
        line = {"document": name, "unres_s": tree, "unres_json_s": both, "bytes": size}
        for label, seconds in (("unres (text → tree)", tree), ("unres (+ to_json)", both)):
            print(f"{name:8} {label:22} {size:7d} {seconds * 1e3:9.3f} {size / seconds / 1e6:8.2f}")
        for flavour in ("python", "rust"):
            record = bluebell.get((flavour, name))
            if record is None:
                continue
            speed = record["median_s"] / tree
            line[f"bluebell_{flavour}_s"] = record["median_s"]
            line[f"unres_over_bluebell_{flavour}"] = speed
            verdict = f"{speed:.2f}x as fast" if speed >= 1 else f"{1 / speed:.2f}x slower"
            print(
                f"{name:8} {'bluebell ' + flavour:22} {record['bytes']:7d} "
                f"{record['median_s'] * 1e3:9.3f} {record['mb_per_s']:8.2f}  "
                f"unres/bluebell = {speed:.2f} (unres {verdict})"
            )
        floor_s = floor[name]["median_s"]
        line["floor_s"] = floor_s
        line["floor_over_unres"] = tree / floor_s
        print(
            f"{name:8} {'regex floor':22} {size:7d} {floor_s * 1e3:9.3f} "
            f"{size / floor_s / 1e6:8.2f}  floor/unres = {tree / floor_s:.0f} (unres time ÷ floor)"
        )
        rows.append(line)
    print(json.dumps({"tool": "compare", "rows": rows}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
