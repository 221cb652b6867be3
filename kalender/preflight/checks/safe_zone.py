"""Safe zone: text keeps safe_mm from the trim edge, and binding_mm more at the top (Wire-O)."""

from __future__ import annotations

from typing import Any

import pypdfium2.raw as pdfium_c

from kalender.preflight.document import Document
from kalender.preflight.objects import MM, Box, box, inherited
from kalender.preflight.report import ERROR, Finding, Settings, ok_or

MAX_WORDS = 4
# Text rendering modes 3 and 7 draw nothing (OCR layers, clipping): such text does not print.
INVISIBLE = (pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE, pdfium_c.FPDF_TEXTRENDERMODE_CLIP)
# Sides of a box in user space, in the order (x0, y0, x1, y1), with their angle (counter-clockwise).
ANGLES = (180, 270, 0, 90)
NAMES = {0: "rechts", 90: "oben", 180: "links", 270: "unten"}


def check_safe_zone(doc: Document, settings: Settings) -> list[Finding]:
    """safe_zone: every visible character lies inside the trim box less the margins."""
    findings = []
    for number, page in doc.numbered():
        trim = (
            box(page.get("/TrimBox")) or box(inherited(page, "/CropBox")) or box(inherited(page, "/MediaBox"))
        )
        if trim is None:
            continue
        rotate = int(inherited(page, "/Rotate") or 0) % 360
        safe, names = _safe_box(trim, rotate, settings)
        words = _outside_words(doc, number, safe, names)
        if words:
            findings.append(Finding("safe_zone", ERROR, _message(number, words, settings), number))
    return ok_or(
        "safe_zone",
        findings,
        f"aller Text mindestens {settings.safe_mm:g} mm vom Rand, oben "
        f"{settings.binding_mm + settings.safe_mm:g} mm (Bindung)",
    )


def _safe_box(trim: Box, rotate: int, settings: Settings) -> tuple[Box, tuple[str, ...]]:
    """The trim box shrunk by the margins; the page's top (after /Rotate) gets the binding too."""
    names = tuple(NAMES[(angle - rotate) % 360] for angle in ANGLES)
    insets = [(settings.safe_mm + (settings.binding_mm if name == "oben" else 0)) * MM for name in names]
    x0, y0, x1, y1 = trim
    return (x0 + insets[0], y0 + insets[1], x1 - insets[2], y1 - insets[3]), names


def _outside_words(doc: Document, number: int, safe: Box, names: tuple[str, ...]) -> list[tuple[str, str]]:
    """(word, side) for each run of characters outside `safe`, in reading order of the PDF."""
    text = doc.textpage(number)
    if _all_runs_inside(text, safe):
        return []  # the common case, decided from a few dozen text runs instead of every character
    words: list[tuple[str, str]] = []
    current, side = "", ""
    for index in range(text.count_chars()):
        char = chr(pdfium_c.FPDFText_GetUnicode(text, index) or 32)
        visible = not char.isspace() and _visible(text, index)
        where = _side(text.get_charbox(index), safe, names) if visible else ""
        if where and (not current or where == side):
            current, side = current + char, where
            continue
        if current:
            words.append((current, side))
        current, side = (char, where) if where else ("", "")
    if current:
        words.append((current, side))
    return words


def _all_runs_inside(text: Any, safe: Box) -> bool:
    """Do the bounding rectangles of all text runs lie inside `safe`?"""
    for index in range(text.count_rects()):
        left, bottom, right, top = text.get_rect(index)
        if left < safe[0] - 0.01 or bottom < safe[1] - 0.01 or right > safe[2] + 0.01 or top > safe[3] + 0.01:
            return False
    return True


def _visible(text: Any, index: int) -> bool:
    """Is the character drawn at all?"""
    obj = pdfium_c.FPDFText_GetTextObject(text, index)
    return not obj or pdfium_c.FPDFTextObj_GetTextRenderMode(obj) not in INVISIBLE


def _side(charbox: tuple[float, float, float, float], safe: Box, names: tuple[str, ...]) -> str:
    left, bottom, right, top = charbox
    if right - left <= 0 and top - bottom <= 0:
        return ""  # generated characters (line ends) have no box
    beyond = (safe[0] - left, safe[1] - bottom, right - safe[2], top - safe[3])
    worst = max(range(4), key=lambda i: beyond[i])
    return names[worst] if beyond[worst] > 0.01 else ""


def _message(number: int, words: list[tuple[str, str]], settings: Settings) -> str:
    by_side: dict[str, list[str]] = {}
    for word, side in words:
        by_side.setdefault(side, []).append(word)
    parts = []
    for side, found in by_side.items():
        shown = ", ".join(f"„{w}“" for w in found[:MAX_WORDS]) + (" …" if len(found) > MAX_WORDS else "")
        where = (
            f"in den oberen {settings.binding_mm + settings.safe_mm:g} mm (Bindung)"
            if side == "oben"
            else f"näher als {settings.safe_mm:g} mm am Rand {side}"
        )
        parts.append(f"{where}: {shown}")
    return (
        f"Seite {number}: Text außerhalb des sicheren Bereichs, {'; '.join(parts)} – "
        "nach innen rücken, sonst wird er angeschnitten oder gelocht"
    )
