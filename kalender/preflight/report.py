"""The preflight's result types: findings of the checks, a report in German text or JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kalender.errors import KalenderError, Problem, display_path

ERROR, WARNING, OK = "Fehler", "Warnung", "OK"
SEVERITIES = (ERROR, WARNING, OK)

# Check id → heading in the text report; the order is the order of the report.
TITLES = {
    "boxes": "Seitenboxen",
    "bleed": "Beschnitt",
    "fonts": "Schriften",
    "image_resolution": "Bildauflösung",
    "colour_spaces": "Farbräume",
    "output_intent": "Ausgabebedingung (Output Intent)",
    "pdfx": "PDF/X-Kennung",
    "transparency": "Transparenz",
    "black_text": "Schwarzer Text",
    "ink": "Farbauftrag",
    "safe_zone": "Sicherheitsabstand",
}
SYMBOLS = {ERROR: "✗", WARNING: "!", OK: "✓"}
MAX_DETAILS = 12  # per check in the text report; the JSON keeps every finding


@dataclass(frozen=True)
class Settings:
    """What the print shop asks for; the defaults fit the A3 wall calendar with Wire-O binding."""

    bleed_mm: float = 3.0
    ink_limit: float = 300.0  # total area coverage in percent
    min_ppi: float = 300.0  # below: Warnung
    error_ppi: float = 150.0  # below: Fehler
    safe_mm: float = 3.0  # text keeps this distance from the trim edge
    binding_mm: float = 11.0  # and this much more at the top, where the binding punches
    require_pdfx: bool = True  # False: PDF/X and output intent problems are only warnings


@dataclass(frozen=True)
class Finding:
    """One result of one check; `message` is German and says where and what to do."""

    check: str
    severity: str
    message: str
    page: int | None = None  # 1-based

    def to_dict(self) -> dict[str, object]:
        return {"check": self.check, "severity": self.severity, "message": self.message, "page": self.page}


class PreflightError(KalenderError):
    """The file cannot be checked at all: missing, not a PDF, damaged or encrypted."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__([Problem(display_path(path), 0, 0, reason)])


@dataclass(frozen=True)
class Report:
    """All findings for one PDF file, in the order of the checks."""

    path: str
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        """True when no check found an error (warnings do not stop the print)."""
        return not any(f.severity == ERROR for f in self.findings)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def text(self) -> str:
        """The report for people: one line per check with ✓, ! or ✗, details indented, a summary."""
        lines = [f"Preflight {self.path}"]
        for check, title in TITLES.items():
            lines += _check_lines(title, [f for f in self.findings if f.check == check])
        lines.append(_summary(self.count(ERROR), self.count(WARNING)))
        return "\n".join(lines)

    def to_json(self) -> str:
        """{"file": …, "ok": …, "findings": [{"check", "severity", "message", "page"}, …]}."""
        data = {"file": self.path, "ok": self.ok, "findings": [f.to_dict() for f in self.findings]}
        return json.dumps(data, ensure_ascii=False, indent=2)


def _check_lines(title: str, findings: list[Finding]) -> list[str]:
    if not findings:
        return []
    problems = [f for f in findings if f.severity != OK]
    if not problems:
        return [f"{SYMBOLS[OK]} {title}: {'; '.join(f.message for f in findings)}"]
    errors = sum(1 for f in problems if f.severity == ERROR)
    worst = ERROR if errors else WARNING
    lines = [f"{SYMBOLS[worst]} {title} – {_counts(errors, len(problems) - errors)}"]
    lines += [f"    {SYMBOLS[f.severity]} {f.message}" for f in problems[:MAX_DETAILS]]
    if len(problems) > MAX_DETAILS:
        lines.append(f"    … und {len(problems) - MAX_DETAILS} weitere (alle in der JSON-Ausgabe)")
    return lines


def _counts(errors: int, warnings: int) -> str:
    parts = [f"{errors} Fehler"] if errors else []
    if warnings:
        parts.append(f"{warnings} Warnung" + ("en" if warnings > 1 else ""))
    return ", ".join(parts)


def _summary(errors: int, warnings: int) -> str:
    if errors:
        return f"Ergebnis: nicht druckfertig – {_counts(errors, warnings)}"
    if warnings:
        return f"Ergebnis: druckfertig, aber bitte prüfen – {_counts(0, warnings)}"
    return "Ergebnis: druckfertig – alle Prüfungen bestanden"


def ok_or(check: str, findings: Iterable[Finding], ok_message: str) -> list[Finding]:
    """The check's findings, or a single OK finding saying what was found fine."""
    found = list(findings)
    return found or [Finding(check, OK, ok_message)]


def pages_text(pages: Iterable[int]) -> str:
    """[1, 2, 3, 5] → 'Seiten 1–3, 5'; [4] → 'Seite 4'."""
    numbers = sorted(set(pages))
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    parts = [str(a) if a == b else f"{a}–{b}" for a, b in runs]
    return ("Seite " if len(numbers) == 1 else "Seiten ") + ", ".join(parts)
