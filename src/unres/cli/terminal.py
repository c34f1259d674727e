"""What the commands draw only for a person at a terminal: colour and a progress bar.

Colour follows ``--color`` (``auto``, ``always``, ``never``): ``auto`` colours
when the stream is a terminal and the ``NO_COLOR`` environment variable is
unset or empty (https://no-color.org). The progress bar is drawn on standard
error when it is a terminal, and not at all otherwise, so pipes and CI logs
get only the output.
"""

from __future__ import annotations

import os
from typing import Final, Literal, TextIO

ColorChoice = Literal["auto", "always", "never"]
COLOR_CHOICES: Final[tuple[ColorChoice, ...]] = ("auto", "always", "never")

_CODES: Final[dict[str, str]] = {
    "error": "\x1b[1;31m",
    "warning": "\x1b[1;33m",
    "info": "\x1b[1;36m",
    "path": "\x1b[1m",
    "code": "\x1b[1;31m",
    "dim": "\x1b[2m",
}
_RESET: Final = "\x1b[0m"


def wants_color(choice: ColorChoice, stream: TextIO) -> bool:
    """Whether to colour ``stream`` under ``choice``."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    return _is_terminal(stream)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or stand-in stream
        return False


class Paint:
    """Wraps text in ANSI colour codes when colour is on; returns it unchanged when off."""

    def __init__(self, on: bool) -> None:
        self.on = on

    def __call__(self, text: str, style: str) -> str:
        if not self.on or style not in _CODES:
            return text
        return f"{_CODES[style]}{text}{_RESET}"


class Progress:
    """A one-line bar on a terminal; nothing at all when the stream is not one."""

    WIDTH = 30

    def __init__(self, total: int, stream: TextIO, *, shown: bool | None = None) -> None:
        self.total, self.count, self.stream = total, 0, stream
        self.shown = _is_terminal(stream) if shown is None else shown

    def step(self) -> None:
        self.count += 1
        self._draw()

    def _draw(self) -> None:
        if self.shown:
            filled = self.WIDTH * self.count // max(self.total, 1)
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            self.stream.write(f"\r[{bar}] {self.count}/{self.total} files")
            self.stream.flush()

    def message(self, line: str) -> None:
        """Print ``line`` above the bar (or alone, without one)."""
        if self.shown:
            self.stream.write("\r\x1b[K")
        self.stream.write(line + "\n")
        self._draw()

    def done(self) -> None:
        """Clear the bar."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
