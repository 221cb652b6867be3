"""The checks in report order; each takes the document and the settings and returns its findings."""

from __future__ import annotations

from collections.abc import Callable

from kalender.preflight.checks.black_text import check_black_text
from kalender.preflight.checks.boxes import check_bleed, check_boxes
from kalender.preflight.checks.colours import check_colour_spaces
from kalender.preflight.checks.fonts import check_fonts
from kalender.preflight.checks.ink import check_ink
from kalender.preflight.checks.pdfx import check_output_intent, check_pdfx
from kalender.preflight.checks.resolution import check_image_resolution
from kalender.preflight.checks.safe_zone import check_safe_zone
from kalender.preflight.checks.transparency import check_transparency
from kalender.preflight.document import Document
from kalender.preflight.report import Finding, Settings

Check = Callable[[Document, Settings], list[Finding]]

CHECKS: dict[str, Check] = {
    "boxes": check_boxes,
    "bleed": check_bleed,
    "fonts": check_fonts,
    "image_resolution": check_image_resolution,
    "colour_spaces": check_colour_spaces,
    "output_intent": check_output_intent,
    "pdfx": check_pdfx,
    "transparency": check_transparency,
    "black_text": check_black_text,
    "ink": check_ink,
    "safe_zone": check_safe_zone,
}
