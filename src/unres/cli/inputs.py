"""The inputs of a subcommand that takes many: files, directories, globs and ``-``.

A path that exists is taken as it is: a file, or a directory searched
recursively for ``*.txt`` files (sorted). A path that does not exist but
holds glob characters (``*``, ``?``, ``[``) is expanded with :mod:`glob`,
``**`` included; ``-`` is standard input, shown as ``<stdin>``. Each input
is listed once, in the order given. A path that names nothing is reported,
not dropped.
"""

from __future__ import annotations

import glob
from dataclasses import dataclass
from pathlib import Path

STDIN = "-"
STDIN_NAME = "<stdin>"

_GLOB_CHARACTERS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Inputs:
    """The expanded inputs, and the arguments that named nothing."""

    paths: tuple[str, ...]
    missing: tuple[str, ...]


def _expand(argument: str) -> list[str] | None:
    if argument == STDIN:
        return [STDIN]
    path = Path(argument)
    if path.is_dir():
        return [str(p) for p in sorted(path.rglob("*.txt")) if p.is_file()]
    if path.exists():
        return [argument]
    if _GLOB_CHARACTERS & set(argument):
        found = sorted(glob.glob(argument, recursive=True))
        files = [name for name in found if Path(name).is_file()]
        return files or None
    return None


def expand(arguments: list[str]) -> Inputs:
    """Every input the arguments name."""
    paths: dict[str, None] = {}
    missing: list[str] = []
    for argument in arguments:
        found = _expand(argument)
        if found is None:
            missing.append(argument)
            continue
        paths.update(dict.fromkeys(found))
    return Inputs(tuple(paths), tuple(missing))


def names_one_file(argument: str) -> bool:
    """Whether ``argument`` is standard input or a file itself (not a directory or a glob)."""
    if argument == STDIN:
        return True
    path = Path(argument)
    return not path.is_dir() and (path.exists() or not _GLOB_CHARACTERS & set(argument))


def display_name(path: str) -> str:
    """How an input is named in output."""
    return STDIN_NAME if path == STDIN else path
