"""Settings of ``unres validate`` from ``[tool.unres]`` in a ``pyproject.toml``.

The file is the one ``--config FILE`` names, or else the nearest
``pyproject.toml`` found by walking up from the working directory (the first
one met is the project's, whether or not it has a ``[tool.unres]`` table).
Keys: ``select``, ``extend-select``, ``ignore``, ``extend-ignore`` (lists of
rule codes or code prefixes), ``exclude`` (a list of glob patterns of paths
to leave out) and ``fail-on`` (``"error"`` or ``"warning"``). An unknown key, a
value of the wrong type or a file that is not valid TOML is an
:class:`~unres.errors.InputError` naming the file and the key (exit status 2),
as ruff does: a misspelt key must not be ignored in silence. Flags on the
command line override ``select``, ``ignore`` and ``fail-on``, and add to the
``extend-`` lists and ``exclude``.
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal, cast

from unres.errors import InputError

FailOn = Literal["error", "warning"]
FAIL_LEVELS: Final[tuple[FailOn, ...]] = ("error", "warning")

_LISTS: Final = ("select", "extend-select", "ignore", "extend-ignore", "exclude")
KEYS: Final = (*_LISTS, "fail-on")
"""Every key ``[tool.unres]`` may hold."""


@dataclass(frozen=True, slots=True)
class Settings:
    """What ``[tool.unres]`` says, with the defaults for what it does not."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: FailOn = "error"
    path: Path | None = None
    extend_select: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


def find_pyproject(start: Path) -> Path | None:
    """The ``pyproject.toml`` in ``start`` or the nearest directory above it."""
    for directory in (start, *start.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def _strings(table: dict[str, object], key: str, path: Path) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        what = "glob patterns" if key == "exclude" else "rule codes"
        raise InputError(f"{path}: [tool.unres] {key} must be a list of {what}")
    return tuple(cast(list[str], value))


def _unknown_keys(table: dict[str, object], path: Path) -> None:
    for key in table:
        if key not in KEYS:
            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            known = ", ".join(KEYS)
            raise InputError(f"{path}: [tool.unres] unknown key {key}{hint}; known keys: {known}")


def read_settings(path: Path) -> Settings:
    """The settings in the ``pyproject.toml`` (or other TOML file) at ``path``."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else err
        raise InputError(f"{path}: cannot read: {reason}") from None
    except tomllib.TOMLDecodeError as err:
        raise InputError(f"{path}: not valid TOML: {err}") from None
    tool = data.get("tool", {})
    table = tool.get("unres", {}) if isinstance(tool, dict) else {}
    if not isinstance(table, dict):
        raise InputError(f"{path}: [tool.unres] must be a table")
    _unknown_keys(table, path)
    fail_on = table.get("fail-on", "error")
    if fail_on not in FAIL_LEVELS:
        raise InputError(f'{path}: [tool.unres] fail-on must be "error" or "warning"')
    lists = {key: _strings(table, key, path) for key in _LISTS}
    return Settings(
        select=lists["select"],
        ignore=lists["ignore"],
        fail_on=fail_on,
        path=path,
        extend_select=lists["extend-select"],
        extend_ignore=lists["extend-ignore"],
        exclude=lists["exclude"],
    )


def load_settings(start: Path, config: Path | None = None) -> Settings:
    """The settings that apply in directory ``start``, or those of ``config`` when given."""
    if config is not None:
        if not config.is_file():
            raise InputError(f"{config}: --config: no such file")
        return read_settings(config)
    path = find_pyproject(start)
    return read_settings(path) if path is not None else Settings()
