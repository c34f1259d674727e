"""Batch use: parse_many and ``unres parse FILE... --jobs N --out DIR``; pickling; Dask."""

from __future__ import annotations

import io
import json
import os
import pickle
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import dask.bag
import pytest
from tests.conftest import FIXTURES, SEED

import unres
from unres.batch import parse_path
from unres.cli.terminal import Progress

REAL = sorted((FIXTURES / "real").glob("*.txt"))[:6]


@pytest.fixture()
def inputs(tmp_path: Path) -> list[Path]:
    """Good files with one missing and one binary file among them."""
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02" * 10)
    return [SEED, REAL[0], tmp_path / "missing.txt", REAL[1], binary, REAL[2]]


def test_parse_many_keeps_order_and_reports_each_failure(inputs: list[Path]) -> None:
    results = list(unres.parse_many(inputs))
    assert [r.path for r in results] == [str(p) for p in inputs]
    assert [r.ok for r in results] == [True, True, False, True, False, True]
    assert "cannot read" in (results[2].error or "")
    assert "binary input" in (results[4].error or "")
    assert results[0].result == unres.parse_file(SEED)


def test_parse_many_in_processes_gives_the_same(inputs: list[Path]) -> None:
    assert list(unres.parse_many(inputs, jobs=2)) == list(unres.parse_many(inputs, jobs=1))


def test_a_parser_bug_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> unres.Resolution:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr("unres.batch.parse_file", broken)
    result = parse_path(SEED)
    assert not result.ok and result.error == "internal error: ZeroDivisionError: boom"


def test_trees_and_functions_pickle() -> None:
    tree = unres.parse_file(SEED)
    assert pickle.loads(pickle.dumps(tree)) == tree
    for function in (unres.parse, unres.parse_file, unres.parse_many, parse_path):
        assert pickle.loads(pickle.dumps(function)) is function
    result = parse_path(SEED)
    assert pickle.loads(pickle.dumps(result)) == result


def test_parse_file_unchanged_in_a_process_pool() -> None:
    with ProcessPoolExecutor(max_workers=2) as pool:
        trees = list(pool.map(unres.parse_file, [SEED, *REAL[:3]]))
    assert trees == [unres.parse_file(path) for path in [SEED, *REAL[:3]]]


def test_dask_bag_runs_the_parser_unchanged() -> None:
    """The README's Dask example, on the local process scheduler."""
    paths = [str(path) for path in [SEED, *REAL]]
    bag = dask.bag.from_sequence(paths, npartitions=2).map(unres.parse_file)
    symbols = bag.map(lambda tree: tree.symbol).compute(scheduler="processes", num_workers=2)
    assert symbols == [unres.parse_file(path).symbol for path in paths]
    trees = bag.compute(scheduler="synchronous")
    assert trees[0] == unres.parse_file(SEED)


# --- the command line --------------------------------------------------------------------


def _unres(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "unres", *args], capture_output=True, text=True, encoding="utf-8"
    )


def test_single_file_output_is_unchanged() -> None:
    done = _unres("parse", str(SEED))
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout == unres.to_json(unres.parse_file(SEED)) + "\n"


def test_many_files_as_json_lines_and_exit_1(inputs: list[Path]) -> None:
    done = _unres("parse", *map(str, inputs), "--jobs", "2")
    assert done.returncode == 1
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(r["path"], r["ok"]) for r in records] == [
        (str(p), ok) for p, ok in zip(inputs, [True, True, False, True, False, True], strict=True)
    ]
    assert records[0]["result"]["symbol"] == "A/RES/57/53"
    assert "binary input" in records[4]["error"]
    errors = done.stderr.splitlines()
    assert errors[-1] == "unres: 2 of 6 files failed"
    assert any("missing.txt: cannot read" in line for line in errors)
    assert "\r" not in done.stderr  # no progress bar: standard error is not a terminal


def test_out_dir_one_json_per_input(inputs: list[Path], tmp_path: Path) -> None:
    """Outputs mirror the input folders; index.jsonl says which input each came from."""
    out = tmp_path / "out"
    twin = tmp_path / "twin" / SEED.name
    twin.parent.mkdir()
    twin.write_bytes(SEED.read_bytes())
    done = _unres("parse", *map(str, inputs), str(twin), "--out", str(out), "--compact")
    assert done.returncode == 1 and done.stdout == ""
    index = [json.loads(line) for line in (out / "index.jsonl").read_text("utf-8").splitlines()]
    by_input = {record["input"]: record for record in index}
    assert set(by_input) == {*map(str, inputs), str(twin)}
    assert [by_input[str(p)]["ok"] for p in inputs] == [True, True, False, True, False, True]
    assert "binary input" in by_input[str(inputs[4])]["error"]
    assert by_input[str(inputs[2])]["output"] is None
    good = [*[p for p in inputs if by_input[str(p)]["ok"]], twin]
    outputs = [out / by_input[str(p)]["output"] for p in good]
    assert len(set(outputs)) == len(good)  # the two A_RES_57_53.txt are kept apart
    for path, output in zip(good, outputs, strict=True):
        assert output.name == f"{path.stem}.json"
        assert json.loads(output.read_text("utf-8")) == json.loads(
            unres.to_json(unres.parse_file(path))
        )
    common = Path(os.path.commonpath([str(p.parent) for p in [*inputs, twin]]))
    assert out / twin.relative_to(common).with_suffix(".json") in outputs
    assert not list(out.rglob("*.tmp"))


def test_all_good_exits_0(tmp_path: Path) -> None:
    done = _unres("parse", str(SEED), str(REAL[0]), "--out", str(tmp_path))
    assert done.returncode == 0 and done.stderr == ""


def test_progress_bar_only_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    shown, hidden = Terminal(), io.StringIO()
    for stream in (shown, hidden):
        bar = Progress(3, stream)
        for _ in range(3):
            bar.step()
        bar.message("unres: x: failed")
        bar.done()
    assert "3/3 files" in shown.getvalue() and "\r" in shown.getvalue()
    assert hidden.getvalue() == "unres: x: failed\n"


def test_batch_reads_akn_xml_as_the_single_file_command_does() -> None:
    xml = sorted((FIXTURES / "akn").glob("*.xml"))[:2]
    assert xml, "fixtures/akn holds UN XML files"
    results = list(unres.parse_many([*xml, SEED]))
    assert [r.ok for r in results] == [True, True, True]
    assert results[0].result is not None
    assert results[0].result == unres.from_akn(xml[0].read_bytes())
