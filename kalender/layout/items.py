"""The drawing primitives a page is made of: all coordinates in mm, top-left origin."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

CMYK = tuple[float, float, float, float]
WHITE: CMYK = (0.0, 0.0, 0.0, 0.0)


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def inside(self, other: Box, tolerance: float = 0.01) -> bool:
        return (
            self.x >= other.x - tolerance
            and self.y >= other.y - tolerance
            and self.right <= other.right + tolerance
            and self.bottom <= other.bottom + tolerance
        )

    def overlaps(self, other: Box) -> bool:
        return not (
            self.right <= other.x or other.right <= self.x or self.bottom <= other.y or other.bottom <= self.y
        )


@dataclass(frozen=True)
class Rect:
    box: Box
    fill: CMYK | None = None
    stroke: CMYK | None = None
    width: float = 0.25


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: CMYK
    width: float = 0.25


@dataclass(frozen=True)
class Circle:
    x: float
    y: float
    r: float
    fill: CMYK | None
    stroke: CMYK | None = None
    width: float = 0.0

    @property
    def box(self) -> Box:
        return Box(self.x - self.r, self.y - self.r, 2 * self.r, 2 * self.r)


@dataclass(frozen=True)
class Polygon:
    points: tuple[tuple[float, float], ...]
    fill: CMYK

    @property
    def box(self) -> Box:
        xs, ys = [p[0] for p in self.points], [p[1] for p in self.points]
        return Box(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


@dataclass(frozen=True)
class Text:
    """One line of text; `y` is the baseline, `box` the measured extent for checks."""

    x: float
    y: float
    text: str
    style: str
    size: float
    colour: CMYK
    width: float
    align: str = "left"
    role: str = "text"  # what the line is, for tests and checks: name, month, day, list, ...

    @property
    def box(self) -> Box:
        left = self.x - (
            self.width if self.align == "right" else self.width / 2 if self.align == "centre" else 0
        )
        ascent = self.size * 0.3528 * 0.75
        return Box(left, self.y - ascent, self.width, ascent + self.size * 0.3528 * 0.25)


@dataclass(frozen=True)
class Picture:
    """An image scaled to `placed` and clipped to `frame` (the crop around the focal point)."""

    path: Path
    frame: Box
    placed: Box
    pixels: tuple[int, int]

    @property
    def box(self) -> Box:
        return self.frame


Item = Rect | Line | Circle | Polygon | Text | Picture


@dataclass(frozen=True)
class Page:
    kind: str  # cover, month, legend, back
    label: str
    width: float
    height: float
    bleed: float
    items: tuple[Item, ...] = field(default=())

    def texts(self, role: str | None = None) -> list[Text]:
        return [i for i in self.items if isinstance(i, Text) and (role is None or i.role == role)]
