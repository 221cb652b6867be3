"""Fonts: every font the pages use is embedded, descendant fonts of Type 0 fonts included."""

from __future__ import annotations

from typing import Any

import pikepdf

from kalender.preflight.document import Document
from kalender.preflight.glyphs import base_font
from kalender.preflight.objects import lookup
from kalender.preflight.report import ERROR, Finding, Settings, ok_or, pages_text
from kalender.preflight.resources import page_resources

FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


def check_fonts(doc: Document, settings: Settings) -> list[Finding]:
    """fonts: an unembedded font prints in whatever the RIP substitutes, if it prints at all."""
    missing: dict[str, list[int]] = {}
    fonts: set[object] = set()
    for number, _ in doc.numbered():
        for resources in page_resources(doc, number):
            table = resources.get("/Font")
            if not isinstance(table, pikepdf.Dictionary):
                continue
            for name, font in table.items():
                if not isinstance(font, pikepdf.Dictionary):
                    continue
                fonts.add(font.objgen if font.is_indirect else id(font))
                if not _embedded(font):
                    missing.setdefault(base_font(resources, name), []).append(number)
    findings = [
        Finding(
            "fonts",
            ERROR,
            f"Schrift „{name}“ ist nicht eingebettet ({pages_text(pages)}) – "
            "Schriften beim PDF-Export einbetten (in reportlab: TTF-Schrift registrieren und verwenden)",
            pages[0],
        )
        for name, pages in sorted(missing.items())
    ]
    every = {0: "keine Schriften", 1: "die Schrift ist eingebettet"}.get(
        len(fonts), f"alle {len(fonts)} Schriften eingebettet"
    )
    return ok_or("fonts", findings, every)


def _embedded(font: Any) -> bool:
    subtype = font.get("/Subtype")
    if subtype == "/Type3":
        return True  # the glyphs are drawn by content streams inside the font
    if subtype == "/Type0":
        descendants = list(lookup(font, "/DescendantFonts") or [])
        return len(descendants) > 0 and all(_embedded(d) for d in descendants)
    descriptor = font.get("/FontDescriptor")
    return isinstance(descriptor, pikepdf.Dictionary) and any(key in descriptor for key in FONT_FILES)
