"""The pipeline's boundaries: only kalender/render draws with reportlab; layout stays geometry."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "kalender"


def test_only_render_imports_reportlab() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "render" not in path.relative_to(PACKAGE).parts
        and re.search(r"^\s*(from|import) reportlab", path.read_text(encoding="utf-8"), re.MULTILINE)
    ]
    assert offenders == []


def test_calendars_know_no_yaml_or_model() -> None:
    for path in (PACKAGE / "calendars").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "yaml" not in source and "kalender.model" not in source, path.name
