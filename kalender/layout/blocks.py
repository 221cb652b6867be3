"""Small building blocks shared by the page layouts: text lines, photos, marks."""

from __future__ import annotations

import math
from dataclasses import dataclass

from kalender.layout.items import CMYK, Box, Item, Picture, Polygon, Text
from kalender.render.text import PT_TO_MM, Typesetter

ASCENT = 0.75  # share of the font size above the baseline (Noto Sans caps and ascenders)


@dataclass
class Cursor:
    """Places lines of text downwards from `y` (the top of the next line)."""

    ts: Typesetter
    x: float
    y: float
    width: float

    def lines(
        self, lines: list[str], style: str, size: float, colour: CMYK, role: str,
        leading: float = 1.25, align: str = "left",
    ) -> list[Item]:  # fmt: skip
        items: list[Item] = []
        step = size * PT_TO_MM * leading
        x = self.x + (self.width if align == "right" else self.width / 2 if align == "centre" else 0)
        for line in lines:
            baseline = self.y + size * PT_TO_MM * ASCENT + (step - size * PT_TO_MM) / 2
            items.append(
                Text(x, baseline, line, style, size, colour, self.ts.width(line, style, size), align, role)
            )
            self.y += step
        return items

    def paragraph(
        self, text: str, style: str, size: float, colour: CMYK, role: str, leading: float = 1.25,
        hyphenate: bool = True,
    ) -> list[Item]:  # fmt: skip
        lines = self.ts.wrap(text, style, size, self.width, hyphenate)
        return self.lines(lines, style, size, colour, role, leading)


def line_height(size: float, leading: float = 1.25) -> float:
    return size * PT_TO_MM * leading


def cover_crop(path: object, pixels: tuple[int, int], frame: Box, focus: tuple[float, float]) -> Picture:
    """Scale the image to cover `frame` and shift it so the focal point is as central as it can be."""
    width, height = pixels
    scale = max(frame.w / width, frame.h / height)
    placed_w, placed_h = width * scale, height * scale
    x = frame.x + frame.w / 2 - focus[0] * placed_w
    y = frame.y + frame.h / 2 - focus[1] * placed_h
    x = min(frame.x, max(frame.right - placed_w, x))
    y = min(frame.y, max(frame.bottom - placed_h, y))
    return Picture(path, frame, Box(x, y, placed_w, placed_h), pixels)  # type: ignore[arg-type]


def crescent(cx: float, cy: float, radius: float, colour: CMYK, steps: int = 14) -> Polygon:
    """A crescent moon (the mark for 'begins the evening before'), opening to the right."""
    offset = 0.6 * radius
    meet_y = math.sqrt(radius**2 - (offset / 2) ** 2)
    outer_start = math.atan2(meet_y, offset / 2)
    inner_start = math.atan2(meet_y, -offset / 2)
    points = []
    for i in range(steps + 1):  # outer arc through the left side
        a = outer_start + (2 * math.pi - 2 * outer_start) * i / steps
        points.append((cx + radius * math.cos(a), cy - radius * math.sin(a)))
    for i in range(steps + 1):  # inner arc back through its left side
        a = (2 * math.pi - inner_start) - (2 * math.pi - 2 * inner_start) * i / steps
        points.append((cx + offset + radius * math.cos(a), cy - radius * math.sin(a)))
    return Polygon(tuple(points), colour)


MARK_COLOUR: CMYK = (0.0, 0.0, 0.0, 65.0)
PLUS_MINUS = "±"


def marks_width(evening: bool, differ: bool, size: float, ts: Typesetter) -> float:
    """Room the marks take after a name: a crescent (begins the evening before) and/or ±."""
    width = 0.0
    if evening:
        width += size * PT_TO_MM * 0.95
    if differ:
        width += ts.width(" " + PLUS_MINUS, "regular", size)
    return width


def marks(evening: bool, differ: bool, x: float, baseline: float, size: float, ts: Typesetter) -> list[Item]:
    """The marks drawn from `x` on a text line with that baseline."""
    items: list[Item] = []
    radius = size * PT_TO_MM * 0.28
    if evening:
        x += size * PT_TO_MM * 0.2
        items.append(crescent(x + radius, baseline - size * PT_TO_MM * 0.32, radius, MARK_COLOUR))
        x += size * PT_TO_MM * 0.75
    if differ:
        text = " " + PLUS_MINUS
        items.append(
            Text(
                x, baseline, text, "regular", size, MARK_COLOUR, ts.width(text, "regular", size), role="mark"
            )
        )
    return items
