"""Glyph widths of PDF fonts, so that shown text has a width and a box on the page."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pikepdf

from kalender.preflight.objects import lookup

STANDARD_WIDTH = 0.6  # em; unembedded standard fonts often come without /Widths
ASCENT, DESCENT = 0.9, -0.25  # em, when the font descriptor does not say


@dataclass(frozen=True)
class FontMetrics:
    """Widths in text space units per unit of font size, by character code."""

    two_byte: bool = False  # Type 0 fonts: two bytes per code (Identity-H and most CJK CMaps)
    widths: dict[int, float] = field(default_factory=dict)
    default: float = STANDARD_WIDTH
    ascent: float = ASCENT
    descent: float = DESCENT

    def advance(self, data: bytes, size: float, char_spacing: float, word_spacing: float) -> float:
        """How far showing `data` moves the text position, before horizontal scaling (PDF 9.4.4)."""
        if self.two_byte:
            codes = [data[i] << 8 | data[i + 1] for i in range(0, len(data) - 1, 2)]
        else:
            codes = list(data)
        total = 0.0
        for code in codes:
            total += self.widths.get(code, self.default) * size + char_spacing
            if code == 32 and not self.two_byte:  # word spacing applies to the single byte 32 only
                total += word_spacing
        return total


def font_metrics(font: Any) -> FontMetrics:
    """Metrics of a font dictionary; rough standard metrics for what cannot be read."""
    if not isinstance(font, pikepdf.Dictionary):
        return FontMetrics()
    if font.get("/Subtype") == "/Type0":
        descendant = (lookup(font, "/DescendantFonts") or [None])[0]
        widths = _cid_widths(lookup(descendant, "/W") or [])
        default = float(lookup(descendant, "/DW") or 1000) / 1000
        return FontMetrics(True, widths, default, *_vertical(lookup(descendant, "/FontDescriptor")))
    scale = 0.001
    if font.get("/Subtype") == "/Type3":
        scale = float((lookup(font, "/FontMatrix") or [0.001])[0])
    first = int(font.get("/FirstChar", 0))
    widths = {first + i: float(w) * scale for i, w in enumerate(lookup(font, "/Widths") or [])}
    descriptor = lookup(font, "/FontDescriptor")
    missing = lookup(descriptor, "/MissingWidth")
    default = float(missing) * scale if missing is not None and widths else STANDARD_WIDTH
    return FontMetrics(False, widths, default, *_vertical(descriptor))


def _cid_widths(array: Any) -> dict[int, float]:
    """/W of a CID font: `c [w1 w2 …]` or `c_first c_last w` (PDF 9.7.4.3)."""
    items = list(array)
    widths: dict[int, float] = {}
    i = 0
    while i + 1 < len(items):
        start = int(items[i])
        if isinstance(items[i + 1], pikepdf.Array):
            widths.update({start + j: float(w) / 1000 for j, w in enumerate(items[i + 1])})
            i += 2
        elif i + 2 < len(items):
            widths.update({c: float(items[i + 2]) / 1000 for c in range(start, int(items[i + 1]) + 1)})
            i += 3
        else:
            break
    return widths


def _vertical(descriptor: Any) -> tuple[float, float]:
    ascent, descent = lookup(descriptor, "/Ascent"), lookup(descriptor, "/Descent")
    return (
        float(ascent) / 1000 if ascent else ASCENT,
        float(descent) / 1000 if descent else DESCENT,
    )


def base_font(resources: pikepdf.Dictionary, name: object) -> str:
    """The font's name as a person knows it: /BaseFont without the subset prefix ABCDEF+."""
    base = lookup(resources, "/Font", str(name), "/BaseFont")
    text = str(base if base is not None else name).lstrip("/")
    return text.split("+", 1)[1] if len(text) > 7 and text[6] == "+" else text
