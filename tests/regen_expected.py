"""Regenerate the expected-structure files of ``fixtures/real/`` after a reviewed parser change.

    python tests/regen_expected.py            # rewrite every *.expected.json
    python tests/regen_expected.py NAME.txt   # just one

Each expected file is a *reviewed* statement of a document's structure: after
regenerating, read the diff (``git diff fixtures/real``) against the documents
themselves before committing it. Never regenerate to make a failing test pass
without that review.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.structure import summarize  # noqa: E402

import unres  # noqa: E402

REAL = ROOT / "fixtures" / "real"


def main(names: list[str]) -> None:
    paths = [REAL / name for name in names] if names else sorted(REAL.glob("*.txt"))
    for path in paths:
        summary = summarize(unres.parse_file(path))
        target = path.with_suffix(".expected.json")
        target.write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", "utf-8")
        print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
