"""Settings of ``unres validate`` from ``[tool.unres]`` in the nearest ``pyproject.toml``.

The nearest file is found by walking up from the working directory; the
first ``pyproject.toml`` met is the project's, whether or not it has a
``[tool.unres]`` table. Keys read: ``select`` and ``ignore`` (lists of rule
codes or code prefixes) and ``fail-on`` (``"error"`` or ``"warning"``); other
keys are left to the subcommands that own them. Flags on the command line
override these values. A file that is not valid TOML, or a key of the wrong
type, is an :class:`~unres.errors.InputError` (exit status 2).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal, cast

from unres.errors import InputError

FailOn = Literal["error", "warning"]
FAIL_LEVELS: Final[tuple[FailOn, ...]] = ("error", "warning")


@dataclass(frozen=True, slots=True)
class Settings:
    """What ``[tool.unres]`` says, with the defaults for what it does not."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: FailOn = "error"
    path: Path | None = None


def find_pyproject(start: Path) -> Path | None:
    """The ``pyproject.toml`` in ``start`` or the nearest directory above it."""
    for directory in (start, *start.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def _codes(table: dict[str, object], key: str, path: Path) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        raise InputError(f"{path}: [tool.unres] {key} must be a list of rule codes")
    return tuple(cast(list[str], value))


def read_settings(path: Path) -> Settings:
    """The settings in the ``pyproject.toml`` at ``path``."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read: {err}") from None
    except tomllib.TOMLDecodeError as err:
        raise InputError(f"{path}: not valid TOML: {err}") from None
    tool = data.get("tool", {})
    table = tool.get("unres", {}) if isinstance(tool, dict) else {}
    if not isinstance(table, dict):
        raise InputError(f"{path}: [tool.unres] must be a table")
    fail_on = table.get("fail-on", "error")
    if fail_on not in FAIL_LEVELS:
        raise InputError(f'{path}: [tool.unres] fail-on must be "error" or "warning"')
    return Settings(_codes(table, "select", path), _codes(table, "ignore", path), fail_on, path)


def load_settings(start: Path) -> Settings:
    """The settings that apply in directory ``start``."""
    path = find_pyproject(start)
    return read_settings(path) if path is not None else Settings()
