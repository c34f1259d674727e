"""The command line as ruff, flake8 and jq users expect it, and every way it can end.

Each path ends in output or in one line on stderr with a documented exit status: 0, 1
(findings or failed files), 2 (bad input, usage, settings, or output that cannot be
written), 130 (interrupted); never a traceback.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import FIXTURES, ROOT, SEED

import unres
from unres.cli import main
from unres.cli.terminal import Paint, Progress, wants_color
from unres.render.findings import Located, summary

REAL = FIXTURES / "real"
BIG = REAL / "A_RES_78_205.pdftotext.txt"


def run(*args: str, cwd: Path = ROOT, **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("NO_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "unres", *args],
        capture_output=True, text=True, cwd=cwd, env=env, check=False, **kwargs,  # type: ignore[arg-type]
    )  # fmt: skip


def one_line(stderr: str) -> str:
    assert stderr.count("\n") == 1 and "Traceback" not in stderr, stderr
    return stderr


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"unres {unres.__version__}\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_full_disk_is_one_line_and_exit_2() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "unres", "parse", str(SEED)],
            stdout=full, stderr=subprocess.PIPE, text=True, env=env, check=False,
        )  # fmt: skip
    assert done.returncode == 2
    assert one_line(done.stderr) == "unres: cannot write output: No space left on device\n"


def test_a_pipe_closed_early_is_one_line_and_exit_2() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with subprocess.Popen(
        [sys.executable, "-m", "unres", "tokens", str(BIG)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    ) as process:  # fmt: skip
        assert process.stdout is not None and process.stderr is not None
        process.stdout.read(10)
        process.stdout.close()
        stderr = process.stderr.read().decode()
        status = process.wait()
    assert status == 2
    assert one_line(stderr) == "unres: output closed before the end (broken pipe)\n"


def test_interrupted_is_exit_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(path: str) -> bytes:
        raise KeyboardInterrupt

    monkeypatch.setattr("unres.cli.parse.read_input", interrupted)
    assert main(["parse", str(SEED)]) == 130
    assert one_line(capsys.readouterr().err) == "unres: interrupted\n"


@pytest.mark.parametrize("target", ["file", "/proc/no/such/dir"])
def test_out_that_cannot_be_a_directory(tmp_path: Path, target: str) -> None:
    out = tmp_path / "existing" if target == "file" else Path(target)
    if target == "file":
        out.write_text("x")
    done = run("parse", str(SEED), str(REAL / "A_RES_68_15.txt"), "--out", str(out))
    assert done.returncode == 2
    assert one_line(done.stderr).startswith(f"unres: {out}: ")
    assert done.stdout == ""


def test_parse_takes_folders_and_globs(tmp_path: Path) -> None:
    done = run("parse", str(FIXTURES / "corpus"), str(FIXTURES / "dates" / "S_RES_4*.txt"))
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 4 + 1


def test_parse_format_text_reads_back(tmp_path: Path) -> None:
    done = run("parse", str(SEED), "--format", "text")
    assert done.returncode == 0
    again = unres.parse(done.stdout)
    assert again.symbol == unres.parse_file(SEED).symbol
    assert run("parse", str(SEED), "--output-format", "text").stdout == done.stdout


def test_every_error_names_the_path_once(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("nothing of a resolution here\n")
    for command in ("parse", "validate", "tokens"):
        done = run(command, str(bad)) if command != "tokens" else run(command, str(tmp_path))
        assert done.returncode == 2
        line = one_line(done.stderr)
        name = str(bad) if command != "tokens" else str(tmp_path)
        assert line.startswith(f"unres: {name}: ") and line.count(name) == 1, line


@pytest.mark.parametrize("contents", ["empty", "xml-only"])
def test_validate_with_no_input_files_is_exit_2(tmp_path: Path, contents: str) -> None:
    if contents == "xml-only":
        shutil.copy(FIXTURES / "akn" / "S_RES_2713-2323995E.xml", tmp_path)
    done = run("validate", str(tmp_path), cwd=tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    assert "no input files" in one_line(done.stderr)


@pytest.mark.parametrize(
    ("table", "named"),
    [("selct = ['UNR1']", "selct (did you mean select?)"), ("fail-on = 'often'", "fail-on"),
     ("exclude = 'x'", "exclude"), ("extend-select = ['UNR999']", "UNR999")],
)  # fmt: skip
def test_bad_settings_name_the_key(tmp_path: Path, table: str, named: str) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.unres]\n{table}\n")
    done = run("validate", str(SEED), cwd=tmp_path)
    assert done.returncode == 2
    assert named in one_line(done.stderr)


def test_config_file_and_its_absence(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text('[tool.unres]\nselect = ["UNR13"]\nfail-on = "warning"\n')
    done = run("validate", "--config", str(config), str(REAL), cwd=tmp_path)
    codes = {line.split()[1] for line in done.stdout.splitlines()}
    assert codes == {"UNR131", "UNR132"} and done.returncode == 1
    missing = run("validate", "--config", str(tmp_path / "none.toml"), str(SEED), cwd=tmp_path)
    assert missing.returncode == 2 and "--config" in one_line(missing.stderr)


def test_statistics_quiet_exit_zero_and_extend(tmp_path: Path) -> None:
    plain = run("validate", str(REAL), cwd=tmp_path)
    assert plain.returncode == 1
    stats = run("validate", "--statistics", str(REAL), cwd=tmp_path)
    counted = {line.split()[1]: int(line.split()[0]) for line in stats.stdout.splitlines()}
    found = [line.split()[1] for line in plain.stdout.splitlines()]
    assert counted == {code: found.count(code) for code in set(found)}
    assert run("validate", "--exit-zero", str(REAL), cwd=tmp_path).returncode == 0
    quiet = run("validate", "-q", str(REAL), cwd=tmp_path)
    assert quiet.stdout == plain.stdout and quiet.stderr == ""
    narrowed = run("validate", "--select", "UNR10", "--extend-select", "UNR132", str(REAL))
    assert {line.split()[1] for line in narrowed.stdout.splitlines()} == {"UNR101", "UNR132"}
    dropped = run("validate", "--extend-ignore", "UNR0,UNR13", str(REAL), cwd=tmp_path)
    assert not {line.split()[1][:5] for line in dropped.stdout.splitlines()} & {"UNR00", "UNR13"}


def test_exclude_leaves_paths_out(tmp_path: Path) -> None:
    done = run("validate", "--exclude", "*pdftotext*", "--exclude", "*pymupdf*", str(REAL))
    assert "pdftotext" not in done.stdout and "pymupdf" not in done.stdout
    assert "A_RES_57_283_B" in done.stdout


def test_stdin_filename(tmp_path: Path) -> None:
    data = (REAL / "A_RES_57_283_B.txt").read_text(encoding="utf-8")
    done = run("validate", "--stdin-filename", "texts/b.txt", "-", input=data, cwd=tmp_path)
    assert done.stdout and all(line.startswith("texts/b.txt:") for line in done.stdout.splitlines())


def test_colour_only_when_asked_or_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert "\x1b[" in run("validate", "--color", "always", str(REAL), cwd=tmp_path).stdout
    assert "\x1b[" not in run("validate", str(REAL), cwd=tmp_path).stdout  # a pipe

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert wants_color("auto", Terminal()) and not wants_color("never", Terminal())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not wants_color("auto", Terminal()) and wants_color("always", io.StringIO())
    assert Paint(False)("x", "error") == "x" and Paint(True)("x", "error") != "x"


def test_summary_line_and_progress_bar() -> None:
    item = Located("a.txt", 1, 1, 1, 2, "UNR101", "error", "m")
    assert summary([item, item], 3) == "Found 2 errors in 1 file (3 checked)."
    assert summary([], 1) == "All checks passed (1 file)."

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    shown = Terminal()
    bar = Progress(2, shown)
    bar.step()
    bar.step()
    bar.done()
    assert "2/2 files" in shown.getvalue()
