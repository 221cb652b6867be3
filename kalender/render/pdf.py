"""Paint laid-out pages into a PDF with reportlab. No layout decisions here: mm→pt, the y-flip,
and what each edition needs (print: CMYK, overprinting black text, marks; web: RGB, trimmed)."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from kalender.layout.items import CMYK, Circle, Item, Line, Page, Picture, Polygon, Rect, Text
from kalender.render.text import Typesetter

BLACK: CMYK = (0.0, 0.0, 0.0, 100.0)
MARK_GAP, MARK_LENGTH = 2.0, 6.0  # mm: crop marks start this far outside the bleed


@dataclass(frozen=True)
class RenderOptions:
    """How to paint: `print` (CMYK, bleed, optional crop marks) or `web` (RGB, trimmed)."""

    kind: str = "print"
    crop_marks: bool = False
    to_rgb: Callable[[CMYK], tuple[float, float, float]] | None = None  # web: CMYK → sRGB 0..1
    photos: dict[Picture, Path] = field(default_factory=dict)  # prepared image per picture


class _Flip:
    """Trim-box millimetres with a top-left origin → PDF points with a bottom-left origin."""

    def __init__(self, page: Page, offset: float) -> None:
        self.offset, self.height = offset, page.height

    def x(self, value: float) -> float:
        return (value + self.offset) * mm

    def y(self, value: float) -> float:
        return (self.height + self.offset - value) * mm


def draw_document(pages: list[Page], ts: Typesetter, info: dict[str, str], options: RenderOptions) -> bytes:
    """All pages as the bytes of a PDF (the caller writes them, atomically)."""
    # Images keep their DCT (JPEG) data; ASCII85 would inflate them by a quarter for nothing.
    previous, rl_config.useA85 = rl_config.useA85, 0
    try:
        buffer = io.BytesIO()
        canvas = Canvas(buffer, invariant=1, pageCompression=1, initialFontName=ts.fonts["regular"])
        canvas.setTitle(info.get("title", ""))
        canvas.setAuthor(info.get("author", ""))
        canvas.setSubject(info.get("subject", ""))
        canvas.setCreator("kalender")
        for page in pages:
            _Painter(canvas, page, ts, options).paint()
            canvas.showPage()
        canvas.save()
    finally:
        rl_config.useA85 = previous
    return buffer.getvalue()


class _Painter:
    def __init__(self, canvas: Canvas, page: Page, ts: Typesetter, options: RenderOptions) -> None:
        self.canvas, self.page, self.ts, self.options = canvas, page, ts, options
        self.print = options.kind == "print"
        marks = MARK_GAP + MARK_LENGTH if self.print and options.crop_marks else 0.0
        self.offset = page.bleed + marks if self.print else 0.0
        self.f = _Flip(page, self.offset)
        self.overprint = False

    def paint(self) -> None:
        self._start_page()
        for item in self.page.items:
            self._draw(item)
        if self.print and self.options.crop_marks:
            self._crop_marks()

    def _start_page(self) -> None:
        p, c, o = self.page, self.canvas, self.offset
        c.setPageSize(((p.width + 2 * o) * mm, (p.height + 2 * o) * mm))
        if self.print:
            c.setTrimBox((o * mm, o * mm, (p.width + o) * mm, (p.height + o) * mm))
            b = o - p.bleed
            c.setBleedBox((b * mm, b * mm, (p.width + o + p.bleed) * mm, (p.height + o + p.bleed) * mm))

    def _fill(self, colour: CMYK, overprint: bool = False) -> None:
        if not self.print:
            self.canvas.setFillColorRGB(*self.options.to_rgb(colour))  # type: ignore[misc]
            return
        if overprint != self.overprint:  # black text overprints; everything else knocks out
            self.canvas.setFillOverprint(overprint)
            self.canvas.setOverprintMask(overprint)
            self.overprint = overprint
        self.canvas.setFillColorCMYK(*(v / 100 for v in colour))

    def _stroke(self, colour: CMYK) -> None:
        if self.print:
            self.canvas.setStrokeColorCMYK(*(v / 100 for v in colour))
        else:
            self.canvas.setStrokeColorRGB(*self.options.to_rgb(colour))  # type: ignore[misc]

    def _draw(self, item: Item) -> None:
        c, f = self.canvas, self.f
        if isinstance(item, Text):
            self._fill(item.colour, overprint=item.colour == BLACK)
            c.setFont(self.ts.fonts[item.style], item.size)
            draw = {"left": c.drawString, "right": c.drawRightString, "centre": c.drawCentredString}
            draw[item.align](f.x(item.x), f.y(item.y), item.text)
        elif isinstance(item, Rect):
            self._shape(item.fill, item.stroke, item.width)
            box = item.box
            c.rect(f.x(box.x), f.y(box.bottom), box.w * mm, box.h * mm, stroke=int(bool(item.stroke)),
                   fill=int(bool(item.fill)))  # fmt: skip
        elif isinstance(item, Line):
            self._stroke(item.colour)
            c.setLineWidth(item.width * mm)
            c.line(f.x(item.x1), f.y(item.y1), f.x(item.x2), f.y(item.y2))
        elif isinstance(item, Circle):
            self._shape(item.fill, item.stroke, item.width)
            c.circle(f.x(item.x), f.y(item.y), item.r * mm, stroke=int(bool(item.stroke)), fill=int(bool(item.fill)))
        elif isinstance(item, Polygon):
            self._fill(item.fill)
            path = c.beginPath()
            (x0, y0), *rest = item.points
            path.moveTo(f.x(x0), f.y(y0))
            for x, y in rest:
                path.lineTo(f.x(x), f.y(y))
            path.close()
            c.drawPath(path, stroke=0, fill=1)
        elif isinstance(item, Picture):
            self._picture(item)

    def _shape(self, fill: CMYK | None, stroke: CMYK | None, width: float) -> None:
        if fill:
            self._fill(fill)
        if stroke:
            self._stroke(stroke)
            self.canvas.setLineWidth(width * mm)

    def _picture(self, item: Picture) -> None:
        c, f = self.canvas, self.f
        frame = item.frame
        prepared = self.options.photos.get(item)
        if prepared is not None:  # already cropped to the frame at the target resolution
            c.drawImage(str(prepared), f.x(frame.x), f.y(frame.bottom), frame.w * mm, frame.h * mm)
            return
        c.saveState()
        clip = c.beginPath()
        clip.rect(f.x(frame.x), f.y(frame.bottom), frame.w * mm, frame.h * mm)
        c.clipPath(clip, stroke=0, fill=0)
        placed = item.placed
        c.drawImage(str(item.path), f.x(placed.x), f.y(placed.bottom), placed.w * mm, placed.h * mm)
        c.restoreState()

    def _crop_marks(self) -> None:
        """Short lines in the corners, outside the bleed, in 100 % K."""
        c, p, f = self.canvas, self.page, self.f
        self._stroke(BLACK)
        c.setLineWidth(0.25)
        start, end = p.bleed + MARK_GAP, p.bleed + MARK_GAP + MARK_LENGTH
        for x in (0.0, p.width):
            for y in (0.0, p.height):
                sx = -1 if x == 0 else 1
                sy = -1 if y == 0 else 1
                c.line(f.x(x + sx * start), f.y(y), f.x(x + sx * end), f.y(y))
                c.line(f.x(x), f.y(y + sy * start), f.x(x), f.y(y + sy * end))
