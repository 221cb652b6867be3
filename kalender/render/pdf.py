"""Paint laid-out pages into a PDF with reportlab. No decisions here: only mm→pt and the y-flip."""

from __future__ import annotations

from pathlib import Path

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from kalender.layout.items import CMYK, Circle, Item, Line, Page, Picture, Polygon, Rect, Text
from kalender.render.text import Typesetter


class _Flip:
    """Trim-box millimetres with a top-left origin → PDF points with a bottom-left origin."""

    def __init__(self, page: Page) -> None:
        self.bleed, self.height = page.bleed, page.height

    def x(self, value: float) -> float:
        return (value + self.bleed) * mm

    def y(self, value: float) -> float:
        return (self.height + self.bleed - value) * mm


def draw_document(pages: list[Page], path: Path, ts: Typesetter, info: dict[str, str]) -> None:
    """Write all pages to `path` (the caller makes the write atomic)."""
    # Images keep their DCT (JPEG) data; ASCII85 would inflate them by a quarter for nothing.
    previous, rl_config.useA85 = rl_config.useA85, 0
    try:
        canvas = Canvas(str(path), invariant=1, pageCompression=1, initialFontName=ts.fonts["regular"])
        canvas.setTitle(info.get("title", ""))
        canvas.setAuthor(info.get("author", ""))
        canvas.setSubject(info.get("subject", ""))
        canvas.setCreator("kalender")
        for page in pages:
            _start_page(canvas, page)
            flip = _Flip(page)
            for item in page.items:
                _draw(canvas, item, flip, ts)
            canvas.showPage()
        canvas.save()
    finally:
        rl_config.useA85 = previous


def _start_page(canvas: Canvas, page: Page) -> None:
    b = page.bleed
    canvas.setPageSize(((page.width + 2 * b) * mm, (page.height + 2 * b) * mm))
    trim = (b * mm, b * mm, (page.width + b) * mm, (page.height + b) * mm)
    canvas.setTrimBox(trim)
    canvas.setBleedBox((0, 0, (page.width + 2 * b) * mm, (page.height + 2 * b) * mm))


def _fill(canvas: Canvas, colour: CMYK) -> None:
    canvas.setFillColorCMYK(*(v / 100 for v in colour))


def _stroke(canvas: Canvas, colour: CMYK) -> None:
    canvas.setStrokeColorCMYK(*(v / 100 for v in colour))


def _draw(canvas: Canvas, item: Item, f: _Flip, ts: Typesetter) -> None:
    if isinstance(item, Text):
        _fill(canvas, item.colour)
        canvas.setFont(ts.fonts[item.style], item.size)
        draw = {
            "left": canvas.drawString,
            "right": canvas.drawRightString,
            "centre": canvas.drawCentredString,
        }
        draw[item.align](f.x(item.x), f.y(item.y), item.text)
    elif isinstance(item, Rect):
        if item.fill:
            _fill(canvas, item.fill)
        if item.stroke:
            _stroke(canvas, item.stroke)
            canvas.setLineWidth(item.width * mm)
        box = item.box
        canvas.rect(f.x(box.x), f.y(box.bottom), box.w * mm, box.h * mm, stroke=int(bool(item.stroke)),
                    fill=int(bool(item.fill)))  # fmt: skip
    elif isinstance(item, Line):
        _stroke(canvas, item.colour)
        canvas.setLineWidth(item.width * mm)
        canvas.line(f.x(item.x1), f.y(item.y1), f.x(item.x2), f.y(item.y2))
    elif isinstance(item, Circle):
        if item.fill:
            _fill(canvas, item.fill)
        if item.stroke:
            _stroke(canvas, item.stroke)
            canvas.setLineWidth(item.width * mm)
        canvas.circle(
            f.x(item.x), f.y(item.y), item.r * mm, stroke=int(bool(item.stroke)), fill=int(bool(item.fill))
        )
    elif isinstance(item, Polygon):
        _fill(canvas, item.fill)
        path = canvas.beginPath()
        (x0, y0), *rest = item.points
        path.moveTo(f.x(x0), f.y(y0))
        for x, y in rest:
            path.lineTo(f.x(x), f.y(y))
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)
    elif isinstance(item, Picture):
        _picture(canvas, item, f)


def _picture(canvas: Canvas, item: Picture, f: _Flip) -> None:
    canvas.saveState()
    clip = canvas.beginPath()
    frame = item.frame
    clip.rect(f.x(frame.x), f.y(frame.bottom), frame.w * mm, frame.h * mm)
    canvas.clipPath(clip, stroke=0, fill=0)
    placed = item.placed
    canvas.drawImage(str(item.path), f.x(placed.x), f.y(placed.bottom), placed.w * mm, placed.h * mm)
    canvas.restoreState()
