"""``unres validate`` and ``unres rules``: output formats, selection, settings, exit status."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import regex
from tests.conftest import FIXTURES, ROOT, SEED

import unres

TEXT_LINE = regex.compile(
    r"(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<code>UNR\d{3}) (?P<sev>error|warning|info) \S.*"
)
GITHUB_LINE = regex.compile(
    r"::(?:error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,"
    r"title=UNR\d{3}::\S.*"
)


def cli(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "unres", *args],
        cwd=cwd, input=stdin.decode("utf-8") if stdin is not None else None,
        capture_output=True, text=True, encoding="utf-8", env=env,
    )  # fmt: skip


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """The seed with sub-item (b) deleted (UNR111 error) and paragraph 2 ending in a full stop
    (UNR132 warning)."""
    text = SEED.read_text(encoding="utf-8")
    lines = [line for line in text.split("\n") if not line.startswith("\t(b)\t")]
    text = "\n".join(lines).replace(
        "telecommunications systems;\n", "telecommunications systems.\n"
    )
    path = tmp_path / "damaged.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def warning_only(tmp_path: Path) -> Path:
    text = SEED.read_text(encoding="utf-8")
    path = tmp_path / "warning.txt"
    path.write_text(text.replace("means of telecommunication,\n", "means of telecommunication;\n"))
    return path


def test_seed_and_clean_fixtures_exit_0(tmp_path: Path) -> None:
    done = cli("validate", str(SEED), str(FIXTURES / "corpus"), cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert all(TEXT_LINE.fullmatch(line) for line in done.stdout.splitlines())
    assert not any(" error " in line for line in done.stdout.splitlines())


def test_text_format_sorted_with_exit_1(damaged: Path, tmp_path: Path) -> None:
    done = cli("validate", str(damaged), cwd=tmp_path)
    assert done.returncode == 1
    matches = [TEXT_LINE.fullmatch(line) for line in done.stdout.splitlines()]
    assert all(matches)
    found = [(int(m["line"]), int(m["col"]), m["code"]) for m in matches if m]
    assert found == sorted(found)
    assert (23, 212, "UNR132") in found and (26, 2, "UNR111") in found


def test_show_source_prints_a_caret(damaged: Path, tmp_path: Path) -> None:
    out = cli("validate", str(damaged), "--select", "UNR111", "--show-source", cwd=tmp_path).stdout
    first, source, caret = out.splitlines()[:3]
    assert first.endswith("UNR111 error sub-item (c) follows (a): (b) is missing")
    assert source.strip().startswith("(c)") and caret.strip() == "^^^"


def test_json_format(damaged: Path, tmp_path: Path) -> None:
    done = cli("validate", str(damaged), "--format", "json", cwd=tmp_path)
    records = json.loads(done.stdout)
    assert done.returncode == 1
    assert set(records[0]) == {
        "path", "line", "column", "end_line", "end_column", "code", "severity", "message",
    }  # fmt: skip
    item = next(r for r in records if r["code"] == "UNR111")
    assert (item["line"], item["column"], item["end_line"], item["end_column"]) == (26, 2, 26, 5)
    assert item["path"] == str(damaged)


def test_json_format_of_a_clean_file_is_an_empty_array(tmp_path: Path) -> None:
    done = cli("validate", str(SEED), "--format", "json", cwd=tmp_path)
    assert (done.returncode, json.loads(done.stdout)) == (0, [])


def test_github_format(damaged: Path, tmp_path: Path) -> None:
    lines = cli("validate", str(damaged), "--format", "github", cwd=tmp_path).stdout.splitlines()
    assert lines and all(GITHUB_LINE.fullmatch(line) for line in lines)
    assert any(line.startswith("::error ") and "title=UNR111" in line for line in lines)
    assert any(line.startswith("::warning ") and "title=UNR132" in line for line in lines)


def test_stdin_is_named_stdin(damaged: Path, tmp_path: Path) -> None:
    done = cli("validate", "-", "--select", "UNR111", cwd=tmp_path, stdin=damaged.read_bytes())
    assert done.stdout.startswith("<stdin>:26:2: UNR111 error ")
    assert done.returncode == 1


def test_select_and_ignore_flags(damaged: Path, tmp_path: Path) -> None:
    only = cli("validate", str(damaged), "--select", "UNR13", cwd=tmp_path)
    assert (only.returncode, {line.split()[1] for line in only.stdout.splitlines()}) == (
        0,
        {"UNR132"},
    )
    both = cli("validate", str(damaged), "--select", "UNR111,UNR132", cwd=tmp_path)
    assert len(both.stdout.splitlines()) == 2
    none = cli("validate", str(damaged), "--ignore", "UNR111", "--ignore", "UNR132", cwd=tmp_path)
    assert (none.returncode, none.stdout) == (0, "")


def test_fail_on_warning(warning_only: Path, tmp_path: Path) -> None:
    assert cli("validate", str(warning_only), cwd=tmp_path).returncode == 0
    assert cli("validate", str(warning_only), "--fail-on", "warning", cwd=tmp_path).returncode == 1


def test_settings_from_the_nearest_pyproject(
    warning_only: Path, damaged: Path, tmp_path: Path
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.unres]\nignore = ["UNR111"]\nfail-on = "warning"\n', encoding="utf-8"
    )
    below = tmp_path / "a" / "b"
    below.mkdir(parents=True)
    done = cli("validate", str(damaged), cwd=below)
    assert "UNR111" not in done.stdout and "UNR132" in done.stdout
    assert done.returncode == 1  # fail-on warning from the settings
    flag = cli("validate", str(warning_only), "--fail-on", "error", cwd=below)
    assert flag.returncode == 0  # the flag overrides the settings
    again = cli("validate", str(damaged), "--ignore", "UNR132", cwd=below)
    assert "UNR111" in again.stdout  # --ignore replaces the configured list


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[tool.unres\n", "not valid TOML"),
        ('[tool.unres]\nselect = "UNR1"\n', "must be a list"),
        ('[tool.unres]\nfail-on = "info"\n', "fail-on"),
        ('[tool.unres]\nignore = ["UNR999"]\n', "unknown rule code"),
    ],
    ids=["bad-toml", "not-a-list", "bad-fail-on", "unknown-code"],
)
def test_bad_settings_exit_2(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "pyproject.toml").write_text(content, encoding="utf-8")
    done = cli("validate", str(SEED), cwd=tmp_path)
    assert done.returncode == 2
    assert message in done.stderr and "pyproject.toml" in done.stderr
    assert "Traceback" not in done.stderr


def test_unreadable_inputs_exit_2_and_the_rest_is_checked(damaged: Path, tmp_path: Path) -> None:
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02")
    done = cli("validate", str(tmp_path / "missing.txt"), str(binary), str(damaged), cwd=tmp_path)
    assert done.returncode == 2
    assert "missing.txt: no such file" in done.stderr and "binary input" in done.stderr
    assert "UNR111" in done.stdout


def test_directories_and_globs(tmp_path: Path) -> None:
    corpus = FIXTURES / "corpus"
    by_dir = cli("validate", str(corpus), "--format", "json", cwd=tmp_path)
    by_glob = cli("validate", str(corpus / "*.txt"), "--format", "json", cwd=tmp_path)
    assert by_dir.returncode == by_glob.returncode == 0
    assert json.loads(by_dir.stdout) == json.loads(by_glob.stdout)
    nothing = cli("validate", str(tmp_path / "*.nothing"), cwd=tmp_path)
    assert nothing.returncode == 2 and "no such file" in nothing.stderr


def test_bad_usage_exit_2(tmp_path: Path) -> None:
    assert cli("validate", cwd=tmp_path).returncode == 2
    assert cli("validate", str(SEED), "--format", "xml", cwd=tmp_path).returncode == 2
    bad = cli("validate", str(SEED), "--select", "UNR9", cwd=tmp_path)
    assert bad.returncode == 2 and "unknown rule code" in bad.stderr


def test_rules_lists_every_rule(tmp_path: Path) -> None:
    done = cli("rules", cwd=tmp_path)
    assert done.returncode == 0
    listed = [line.split()[0] for line in done.stdout.splitlines()]
    assert listed == [rule.code for rule in unres.RULES]
    records = json.loads(cli("rules", "--format", "json", cwd=tmp_path).stdout)
    assert [r["code"] for r in records] == listed
    assert all(r["summary"] and r["severity"] in ("error", "warning", "info") for r in records)


def test_pre_commit_hook_runs_unres_validate() -> None:
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "- id: unres-validate" in hooks
    assert "entry: unres validate\n" in hooks
    assert "language: python" in hooks
