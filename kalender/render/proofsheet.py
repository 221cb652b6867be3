"""The approval sheet for a portrayed person: an A4 page with their month as it prints, the
text again at a readable size, and boxes to tick and sign."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from kalender.render.text import Typesetter

MARGIN = 18 * mm


@dataclass(frozen=True)
class Approval:
    title: str  # Ihr Porträt im Kalender „…“
    greeting: str  # Guten Tag …, so erscheint Ihr Porträt im Monat …
    text: str  # the portrait text as printed
    facts: tuple[tuple[str, str], ...]  # (label, value): Name, Ort, Herkunft, Bildnachweis
    reply: str  # where to send corrections


def approval_sheet(target: Path, page_image: Image.Image, sheet: Approval, ts: Typesetter) -> None:
    """Write the sheet as a one-page PDF to `target`."""
    canvas = Canvas(str(target), pagesize=A4, invariant=1, initialFontName=ts.fonts["regular"])
    canvas.setTitle(sheet.title)
    width, height = A4
    usable = width - 2 * MARGIN
    y = height - MARGIN
    y = _paragraph(canvas, ts, sheet.title, "bold", 15, MARGIN, y, usable)
    y = _paragraph(canvas, ts, sheet.greeting, "regular", 10.5, MARGIN, y - 4, usable)
    scale = min(usable / page_image.width, 105 * mm / page_image.height)
    shown = (page_image.width * scale, page_image.height * scale)
    buffer = io.BytesIO()
    page_image.convert("RGB").save(buffer, "JPEG", quality=88)
    y -= shown[1] + 6
    canvas.drawImage(ImageReader(io.BytesIO(buffer.getvalue())), MARGIN, y, *shown)
    canvas.setLineWidth(0.5)
    canvas.rect(MARGIN, y, *shown)
    y -= 8
    for label, value in sheet.facts:
        y = _paragraph(canvas, ts, f"{label}: {value}", "regular", 10, MARGIN, y, usable)
    y = _paragraph(canvas, ts, "Text:", "bold", 10, MARGIN, y - 4, usable)
    y = _paragraph(canvas, ts, sheet.text, "regular", 10.5, MARGIN, y, usable, leading=1.35)
    y -= 10
    for box in ("Ich bin mit der Veröffentlichung so einverstanden.",
                "Bitte ändern Sie Folgendes (auf der Rückseite oder im Text markieren):"):  # fmt: skip
        canvas.rect(MARGIN, y - 13.5, 9, 9)  # beside the first line (baseline 12.5 pt down)
        y = _paragraph(canvas, ts, box, "regular", 10, MARGIN + 16, y, usable - 16)
        y -= 6
    y -= 18
    canvas.line(MARGIN, y, MARGIN + usable * 0.45, y)
    canvas.line(MARGIN + usable * 0.55, y, MARGIN + usable, y)
    _paragraph(canvas, ts, "Ort, Datum", "regular", 8.5, MARGIN, y - 2, usable)
    _paragraph(canvas, ts, "Unterschrift", "regular", 8.5, MARGIN + usable * 0.55, y - 2, usable)
    _paragraph(canvas, ts, sheet.reply, "regular", 8.5, MARGIN, MARGIN + 18, usable)
    canvas.showPage()
    canvas.save()


def _paragraph(canvas: Canvas, ts: Typesetter, text: str, style: str, size: float, x: float, top: float,
               width: float, leading: float = 1.25) -> float:  # fmt: skip
    """Draw `text` wrapped to `width` (points) from `top` down; return the y below it."""
    canvas.setFont(ts.fonts[style], size)
    y = top
    for line in ts.wrap(text, style, size, width / mm):
        y -= size * leading
        canvas.drawString(x, y, line)
    return y - size * (leading - 1)
