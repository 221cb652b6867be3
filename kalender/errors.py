"""Errors meant for people: each problem knows its file, line and column."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One finding in the data, printed as `file:line:col: Fehler: message`."""

    file: str
    line: int
    column: int
    message: str
    severity: str = "Fehler"

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column}"
        return f"{where}: {self.severity}: {self.message}"


class KalenderError(Exception):
    """Base of every error the command line reports without a traceback."""

    def __init__(self, problems: list[Problem] | str) -> None:
        if isinstance(problems, str):
            problems = [Problem("kalender", 0, 0, problems)]
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class DataError(KalenderError):
    """The YAML data is wrong: the editor can fix it."""


def display_path(path: Path | str) -> str:
    """Show a path relative to the working directory where that is shorter."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class LayoutError(KalenderError):
    """The content does not fit the template: text too long, too many entries."""


class RenderError(KalenderError):
    """The PDF could not be drawn or written."""
