"""Check a finished calendar PDF the way a print shop does (PDF/X, CMYK, fonts, ink, safe zone)."""

from __future__ import annotations

from typing import Any

from kalender.preflight.report import Finding, PreflightError, Report, Settings

__all__ = ["Finding", "PreflightError", "Report", "Settings", "preflight", "run"]


def __getattr__(name: str) -> Any:
    # The checks pull in pdfium and numpy; a build that reuses a cached report (which only
    # needs the report classes above) should not pay for importing them.
    if name in ("preflight", "run"):
        from kalender.preflight import runner

        return getattr(runner, name)
    raise AttributeError(name)
