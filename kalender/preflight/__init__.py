"""Check a finished calendar PDF the way a print shop does (PDF/X, CMYK, fonts, ink, safe zone)."""

from __future__ import annotations

from kalender.preflight.report import Finding, PreflightError, Report, Settings
from kalender.preflight.runner import preflight, run

__all__ = ["Finding", "PreflightError", "Report", "Settings", "preflight", "run"]
