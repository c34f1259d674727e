"""Run every command README.md shows, from a clean clone, and say which it cannot run and why.

Reads the fenced code blocks of README.md: ``sh`` blocks line by line (a trailing ``\\``
joins lines, a trailing ``# comment`` is dropped), ``python`` blocks whole (a line
``expression  # 'value'`` is checked: it must give that value), ``toml`` blocks as
``[tool.unres]`` settings, ``yaml`` blocks as configuration. Each command is run in a fresh
``git clone`` of this repository (in a temporary folder; when ``../shared`` exists beside this
checkout it is linked beside the clone, as the README's benchmark commands expect), with the
clone's ``.venv`` made by the README's first command. A command is:

* run as written; or
* run with the concrete values of :data:`CONCRETE` put for a synopsis's placeholders
  (``FILE``, ``DIR``), shown as such; or
* not run, with the reason in :data:`NOT_RUN`, printed.

Every command of the README is in one of these three; a command that fails, or a README
command this script has never seen and cannot run, makes the exit status 1. The README's
second command (install and the whole test suite) is the one ``.ci/run`` runs itself just
before this script, so it is named, not repeated.

Run: ``python3 .ci/readme_commands.py`` (about two minutes: most of it is the install).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)

CONCRETE: dict[str, str] = {
    "unres parse FILE [--format json|akn|text] [--compact] [--actor unga]":
        "unres parse fixtures/seed/A_RES_57_53.txt --format akn --actor unga"
        " && unres parse fixtures/seed/A_RES_57_53.txt --format text"
        " && unres parse fixtures/akn/S_RES_2713-2323995F.xml --compact",
    "unres parse FILE... [--jobs N] [--out DIR]":
        "unres parse fixtures/seed/A_RES_57_53.txt fixtures/corpus --jobs 2 --out trees-synopsis/",
    "unres parse --all FILE...": "unres parse --all fixtures/compilations/A_RES_44_128.txt",
    "unres tokens FILE": "unres tokens fixtures/seed/A_RES_57_53.txt",
    "unres report DIR": "unres report fixtures/real",
}  # fmt: skip
"""Synopsis lines of the README, and the concrete command run for each."""

NOT_RUN: dict[str, str] = {
    "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest":
        "the README's second command: .ci/run runs exactly it just before this script "
        "(the whole suite; running it twice would double CI's time)",
    ".venv/bin/ruff check src tests && .venv/bin/mypy --strict src && .venv/bin/python -m pytest":
        "the development command: .ci/run runs these three itself",
    ".venv/bin/pip install -e '.[fuzz]'":
        "installs atheris, which builds against libFuzzer: not part of the test install",
    "mkdir -p /tmp/unres-fuzz": "set-up of the fuzzer run below",
    ".venv/bin/python fuzz/fuzz_parse.py /tmp/unres-fuzz fixtures/seed fixtures/real "
    "-max_total_time=600 -max_len=65536 -rss_limit_mb=4096":
        "the atheris fuzzer, ten minutes by design; in CI the hypothesis tests are the fuzzer",
    "bash benchmarks/setup_bluebell_env.sh":
        "downloads Python 3.12 and bluebell into .venv-bluebell: a benchmark-only dependency",
    ".venv/bin/python benchmarks/compare_bluebell.py":
        "needs the bluebell venv above and ../shared/bench",
    ".venv/bin/python benchmarks/throughput.py":
        "a benchmark (minutes, figures only, asserts nothing); needs ../shared/corpus",
    ".venv/bin/python benchmarks/linearity.py":
        "a benchmark (minutes, figures only, asserts nothing)",
    ".venv/bin/python benchmarks/scaling.py":
        "a benchmark (many minutes, figures only); tests/test_scaling.py holds the exponents",
    ".venv/bin/python benchmarks/memory.py":
        "a benchmark (minutes, figures only, asserts nothing)",
    ".venv/bin/python benchmarks/batch.py":
        "a benchmark (minutes, figures only); needs ../shared/corpus",
    ".venv/bin/python benchmarks/batch_faults.py":
        "a benchmark that kills workers (figures only); tests/test_batch_faults.py holds it",
}  # fmt: skip
"""README commands this script does not run, and why."""

NEEDS_SHARED = ("../shared",)
"""Commands that read the shared corpus beside the clone: run only when it is there."""

MAY_FIND = ("unres validate",)
"""Commands whose exit status 1 means findings, as documented: 0 and 1 both count as run."""

PYTHON_PRELUDE = {
    "to_akn(resolution": 'import unres\ntext = open("fixtures/seed/A_RES_57_53.txt").read()\n'
    "resolution = unres.parse(text)\n",
    "parse_many(paths": 'import glob, unres\npaths = sorted(glob.glob("fixtures/real/*.txt"))\n',
    "dask.bag": 'import glob\npaths = sorted(glob.glob("fixtures/real/*.txt"))\n',
    "parse_all(text)": "import unres\n"
    'text = open("fixtures/compilations/A_RES_44_128.txt").read()\n',
}
"""What a python block uses but does not define (the README shows it earlier in prose)."""


def commands(block: str) -> list[str]:
    """The commands of a ``sh`` block: continuation lines joined, comments dropped."""
    found: list[str] = []
    pending = ""
    for raw in block.splitlines():
        line = pending + raw.strip()
        if line.endswith("\\"):
            pending = line[:-1].strip() + " "
            continue
        pending = ""
        line = re.sub(r"\s+#.*$", "", line).strip()
        if line and not line.startswith("#"):
            found.append(line)
    return found


def _in_venv(command: str) -> str:
    command = re.sub(r"(^|&& |; )unres ", r"\1.venv/bin/unres ", command)
    return re.sub(r"(^|&& |; )python ", r"\1.venv/bin/python ", command)


def run_sh(command: str, clone: Path) -> bool:
    if command in NOT_RUN:
        print(f"NOT RUN  {command}\n         because: {NOT_RUN[command]}")
        return True
    if any(needle in command for needle in NEEDS_SHARED) and not (clone.parent / "shared").exists():
        print(f"NOT RUN  {command}\n         because: ../shared is not beside this checkout")
        return True
    concrete = CONCRETE.get(command, command)
    shown = f"RUN      {command}" + (f"\n    as   {concrete}" if concrete != command else "")
    done = subprocess.run(
        _in_venv(concrete), shell=True, cwd=clone, capture_output=True, text=True, check=False
    )
    allowed = (0, 1) if command.startswith(MAY_FIND) else (0,)
    ok = done.returncode in allowed
    print(f"{shown}\n         exit {done.returncode}: {'ok' if ok else 'FAILED'}")
    if not ok:
        print(done.stdout[-2000:], done.stderr[-2000:], sep="\n")
    return ok


CLAIM = re.compile(r"^(?P<expr>[\w.\[\]()]+)\s+#\s+(?P<value>'[^']*'|\d+|\[[^\]]*\])\s*$", re.M)
"""A line ``expression  # 'value'``: the README's claim of what the expression gives."""


def checked(block: str) -> str:
    """``block`` with every ``expression  # value`` line made an assertion of that value."""
    return CLAIM.sub(
        lambda m: f"assert ({m['expr']}) == {m['value']}, ({m['expr']!r}, {m['expr']})", block
    )


def run_python(block: str, clone: Path) -> bool:
    prelude = "".join(code for key, code in PYTHON_PRELUDE.items() if key in block)
    done = subprocess.run(
        [str(clone / ".venv/bin/python"), "-c", prelude + checked(block)],
        cwd=clone, capture_output=True, text=True, check=False,
    )  # fmt: skip
    first = block.strip().splitlines()[0]
    print(f"RUN      python block: {first}\n         exit {done.returncode}")
    if done.returncode:
        print(done.stderr[-2000:])
    return done.returncode == 0


def run_toml(block: str, clone: Path) -> bool:
    config = clone / "readme-settings.toml"
    config.write_text("[tool.unres]\n" + block.split("[tool.unres]", 1)[-1], encoding="utf-8")
    command = "unres validate --config readme-settings.toml fixtures/seed/A_RES_57_53.txt"
    print("RUN      the [tool.unres] block, as settings:")
    return run_sh(command, clone)


def run_yaml(block: str) -> bool:
    if "unres-validate" in block:
        hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
        ok = "id: unres-validate" in hooks
        print(f"CHECKED  pre-commit block: hook id unres-validate is defined: {ok}")
        print("NOT RUN  the pre-commit configuration itself: it runs in pre-commit")
        return ok
    print("NOT RUN  the GitHub Actions workflow: it runs on GitHub; its commands are run above")
    return True


def main() -> int:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="unres-readme-") as tmp:
        clone = Path(tmp) / "unres"
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
        if SHARED.is_dir():
            os.symlink(SHARED, Path(tmp) / "shared")
        ok = True
        for language, block in FENCE.findall(readme):
            if language == "sh":
                ok = all([run_sh(command, clone) for command in commands(block)]) and ok
            elif language == "python":
                ok = run_python(block, clone) and ok
            elif language == "toml":
                ok = run_toml(block, clone) and ok
            elif language == "yaml":
                ok = run_yaml(block) and ok
            else:
                print(f"UNKNOWN  a ```{language} block: not run")
                ok = False
        shutil.rmtree(clone / ".venv", ignore_errors=True)
    print("README commands: all ran" if ok else "README commands: FAILURES above")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
