"""A batch that never loses finished work: dead workers, Ctrl-C, SIGTERM, full disks, bad names.

Each test breaks one thing during a real batch over the real fixtures and checks that
every other output is complete and equal to the tree of its input, that nothing
truncated or temporary is left, and that the exit status and the summary say what
happened.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.conftest import FIXTURES

import unres
from unres.cli import main
from unres.pool import Died, Pool, available_cpus

REAL = sorted((FIXTURES / "real").glob("*.txt"))
UNRES = [sys.executable, "-m", "unres"]
needs_two_cpus = pytest.mark.skipif(available_cpus() < 2, reason="a pool needs two CPUs")


def _die_on(item: str) -> str:
    if item == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    return item.upper()


def _die_once(marker: str) -> str:
    if not os.path.exists(marker):
        Path(marker).write_text("died once")
        os.kill(os.getpid(), signal.SIGKILL)
    return "done"


@needs_two_cpus
def test_a_dead_worker_costs_only_its_item() -> None:
    with Pool(_die_on, 2) as pool:
        outcomes = dict(pool.run(["a", "b", "die", "c", "d"]))
    assert {i: outcomes[i] for i in (0, 1, 3, 4)} == {0: "A", 1: "B", 3: "C", 4: "D"}
    assert isinstance(outcomes[2], Died) and "SIGKILL" in outcomes[2].reason


@needs_two_cpus
def test_an_item_whose_worker_died_once_is_tried_again(tmp_path: Path) -> None:
    marker = str(tmp_path / "marker")
    with Pool(_die_once, 2) as pool:
        assert dict(pool.run([marker, str(tmp_path / "x"), str(tmp_path / "y")]))[0] == "done"


def _inputs(tmp_path: Path, copies: int) -> list[Path]:
    """``copies`` folders each holding the real fixtures: a batch of some length."""
    paths = []
    for copy in range(copies):
        folder = tmp_path / "in" / f"set{copy:02d}"
        folder.mkdir(parents=True)
        for source in REAL:
            shutil.copyfile(source, folder / source.name)
            paths.append(folder / source.name)
    return paths


def _check_outputs(out: Path, paths: list[Path]) -> list[dict[str, object]]:
    """Every output listed in index.jsonl is whole and right; no temporary file is left."""
    expected = {}
    index = [json.loads(line) for line in (out / "index.jsonl").read_text("utf-8").splitlines()]
    for record in index:
        if record["output"] is None:
            continue
        source = Path(str(record["input"]))
        if source.name not in expected:
            expected[source.name] = json.loads(unres.to_json(unres.parse_file(source)))
        written = json.loads((out / str(record["output"])).read_text("utf-8"))
        assert written == expected[source.name], record
    assert not list(out.rglob("*.tmp"))
    assert {record["input"] for record in index} <= set(map(str, paths))
    return index


def _start(paths: list[Path], out: Path, *extra: str) -> subprocess.Popen[str]:
    command = [*UNRES, "parse", *map(str, paths), "--out", str(out), "--jobs", "2", *extra]
    return subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def _wait_for_outputs(out: Path, count: int, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 120
    index = out / "index.jsonl"
    while time.monotonic() < deadline and process.poll() is None:
        if index.exists() and len(index.read_text("utf-8").splitlines()) >= count:
            return
        time.sleep(0.05)
    pytest.fail("the batch wrote too little before the deadline")


@pytest.mark.parametrize(("sent", "status", "word"), [
    (signal.SIGINT, 130, "interrupted"),
    (signal.SIGTERM, 143, "terminated"),
])  # fmt: skip
def test_a_stopped_batch_exits_promptly_with_a_summary_and_whole_outputs(
    tmp_path: Path, sent: signal.Signals, status: int, word: str
) -> None:
    paths = _inputs(tmp_path, 12)
    out = tmp_path / "out"
    process = _start(paths, out)
    _wait_for_outputs(out, 5, process)
    process.send_signal(sent)
    stopped = time.monotonic()
    _, stderr = process.communicate(timeout=30)
    assert time.monotonic() - stopped < 10
    assert process.returncode == status, stderr
    summary = stderr.strip().splitlines()[-1]
    assert summary.startswith(f"unres: {word}: ") and "written to" in summary, summary
    assert "Traceback" not in stderr
    index = _check_outputs(out, paths)
    assert 5 <= len(index) < len(paths)


@needs_two_cpus
def test_a_killed_worker_loses_nothing(tmp_path: Path) -> None:
    paths = _inputs(tmp_path, 6)
    out = tmp_path / "out"
    process = _start(paths, out)
    _wait_for_outputs(out, 3, process)
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    if not children.exists():
        pytest.skip("no /proc children list here")
    workers = children.read_text().split()
    assert workers, "no worker process found"
    os.kill(int(workers[0]), signal.SIGKILL)
    _, stderr = process.communicate(timeout=180)
    assert process.returncode == 0, stderr  # the killed worker's file was parsed again
    index = _check_outputs(out, paths)
    assert len(index) == len(paths) and all(record["ok"] for record in index)


def test_a_full_disk_leaves_no_truncated_file_and_the_batch_goes_on(tmp_path: Path) -> None:
    sizes = {path: len(unres.to_json(unres.parse_file(path), indent=2)) for path in REAL}
    limit = sorted(sizes.values())[len(sizes) // 2]  # half the trees do not fit

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of a signal
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    out = tmp_path / "out"
    command = [*UNRES, "parse", *map(str, REAL), "--out", str(out)]
    done = subprocess.run(command, capture_output=True, text=True, preexec_fn=small_files)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    index = _check_outputs(out, REAL)
    failed = {Path(str(r["input"])) for r in index if not r["ok"]}
    assert failed == {path for path, size in sizes.items() if size + 1 > limit}
    assert all("cannot write" in str(r["error"]) for r in index if not r["ok"])


def test_an_output_name_in_the_way_costs_only_that_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / f"{REAL[1].stem}.json").mkdir(parents=True)  # a folder where a file must go
    done = subprocess.run(
        [*UNRES, "parse", *map(str, REAL[:4]), "--out", str(out)], capture_output=True, text=True
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    index = _check_outputs(out, REAL[:4])
    assert [record["ok"] for record in index] == [True, False, True, True]
    assert f"{REAL[1]}: cannot write" in done.stderr


def test_jobs_are_capped_at_the_cpus_saying_so(tmp_path: Path) -> None:
    done = subprocess.run(
        [*UNRES, "parse", *map(str, REAL[:2]), "--out", str(tmp_path), "--jobs", "1000"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0
    assert f"--jobs 1000 capped at {available_cpus()}" in done.stderr


def test_validate_goes_on_past_a_file_that_crashes(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import unres.cli.validate as validate_cli

    real = validate_cli.validate

    def crash_on_one(resolution: unres.Resolution, text: str, **kwargs: object) -> object:
        if resolution.symbol == unres.parse_file(REAL[0]).symbol:
            raise RuntimeError("a bug")
        return real(resolution, text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(validate_cli, "validate", crash_on_one)
    status = main(["validate", "--format", "json", *map(str, REAL[:3])])
    captured = capsys.readouterr()
    assert status == 2
    assert f"{REAL[0]}: internal error: RuntimeError: a bug" in captured.err
    paths = {item["path"] for item in json.loads(captured.out)}
    assert str(REAL[0]) not in paths and paths <= {str(REAL[1]), str(REAL[2])}
