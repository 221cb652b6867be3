"""What a page paints, as the checks read it: colours with their place, images, colour spaces."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pikepdf

from kalender.preflight.colourspace import Space
from kalender.preflight.objects import Box

Matrix = pikepdf.Matrix


@dataclass(frozen=True)
class Paint:
    """One painting operation: a fill, a stroke, shown text or a shading, in its colour."""

    kind: str  # German, for messages: Text, Fläche, Linie, Verlauf, Bildmaske
    space: Space
    values: tuple[float, ...]
    overprint: bool  # the op/OP flag for this kind of painting
    opm: int  # overprint mode
    font: str = ""  # text only: base font name without subset prefix
    size: float = 0.0  # text only: effective size in pt
    origin: tuple[float, float] | None = None  # text only: start in page space
    bbox: Box | None = None  # where on the page, in points; None: anywhere (shadings, unknown)
    order: int = 0  # painting order on the page: later paints lie on top

    @property
    def overprints(self) -> bool:
        """Does this paint leave the plates it does not use alone? (PDF 32000-1, 8.6.7)"""
        if not self.overprint:
            return False
        if self.space.model == "Colorants":
            return True  # a spot or process separation paints only its own plates
        # Any other space paints all four process plates, zeros included, unless the nonzero
        # overprint mode is on, which works only for DeviceCMYK. RIPs differ for DeviceGray;
        # OPM 1 works in all of them, so we ask for it there too.
        return self.space.family in ("DeviceCMYK", "DeviceGray") and self.opm == 1


@dataclass(frozen=True)
class Placement:
    """An image drawn on the page; width and height are the placed size in points."""

    name: str  # resource name without slash, or "Inline-Bild"
    image: Any  # pikepdf.Stream or pikepdf.PdfInlineImage: what read_bytes() decodes
    info: pikepdf.Dictionary  # the image dictionary (/Width, /Height, /Filter, /Decode, …)
    key: object  # for caches: the object id, or id() of an inline image
    space: Space | None  # None for stencil masks (/ImageMask), painted in the fill colour
    width_pt: float
    height_pt: float
    ctm: Matrix  # maps the image's unit square onto the page
    order: int = 0  # painting order, shared with Paint.order

    @property
    def bbox(self) -> Box:
        return transform_box(self.ctm, [(0, 0), (1, 0), (0, 1), (1, 1)])

    @property
    def label(self) -> str:
        """Bild „Im0“; generated names (reportlab's FormXob.<md5>) shortened to stay readable."""
        if self.name == "Inline-Bild":
            return self.name
        name = self.name if len(self.name) <= 20 else self.name[:14] + "…"
        return f"Bild „{name}“"


@dataclass(frozen=True)
class SpaceUse:
    """A colour space in use, and by what (German: Text, Fläche, Bild „Im0“, Verlauf „Sh1“)."""

    space: Space
    where: str


@dataclass
class PageContent:
    paints: list[Paint] = field(default_factory=list)
    placements: list[Placement] = field(default_factory=list)
    spaces: list[SpaceUse] = field(default_factory=list)


def transform_box(m: Matrix, points: list[tuple[float, float]]) -> Box:
    """The page-space box around `points` mapped through `m`."""
    xs = [m.a * x + m.c * y + m.e for x, y in points]
    ys = [m.b * x + m.d * y + m.f for x, y in points]
    return min(xs), min(ys), max(xs), max(ys)
