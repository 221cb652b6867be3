"""Run every check on a finished PDF, and the command-line helper that prints the report."""

from __future__ import annotations

import sys
from pathlib import Path

import pikepdf

from kalender.errors import display_path
from kalender.preflight.checks import CHECKS
from kalender.preflight.document import open_document, unreadable
from kalender.preflight.report import Finding, PreflightError, Report, Settings


def preflight(path: Path, settings: Settings = Settings()) -> Report:  # noqa: B008 (frozen, shared safely)
    """Check `path` the way a print shop does; raises PreflightError if it is no readable PDF."""
    doc = open_document(Path(path))
    findings: list[Finding] = []
    try:
        for check in CHECKS.values():
            findings += check(doc, settings)
    except pikepdf.PdfError as exc:
        raise PreflightError(path, unreadable(exc)) from None
    finally:
        doc.close()
    return Report(display_path(path), tuple(findings))


def run(path: Path, as_json: bool, settings: Settings) -> int:
    """`kalender preflight`: print the report; 0 ready for print, 1 a Fehler, 2 not readable."""
    try:
        report = preflight(path, settings)
    except PreflightError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(report.to_json() if as_json else report.text())
    return 0 if report.ok else 1
