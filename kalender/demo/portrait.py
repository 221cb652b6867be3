"""Paint a fictional head-and-shoulders illustration: ``paint_portrait`` and its parts.

Contract: ``paint_portrait`` returns an RGB image of exactly the requested size with the eyes at
(0.5, FACE_Y); the same seed and arguments give the same pixels. No real person is depicted.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import Literal, get_args

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from kalender.demo.painting import (
    SCALE,
    Box,
    Colour,
    Point,
    egg,
    ellipse_points,
    finish,
    gradient,
    mottle,
    shade,
    shape_mask,
    soft_mask,
    tint,
)

HairStyle = Literal["short", "long", "curly", "bun", "headscarf", "bald"]

FACE_Y = 0.38  # eye line as a fraction of the height: the focus point of every portrait


@dataclass(frozen=True)
class Figure:
    """Where the figure sits on the 2x canvas; every part is placed relative to these."""

    size: tuple[int, int]
    cx: float  # centre line
    cy: float  # centre of the head, which is also the eye line
    a: float  # half width of the head
    b: float  # half height of the head
    u: float  # size unit: the canvas width (less on wide canvases)
    shoulder: float  # y of the shoulder line

    def box(self, x0: float, y0: float, x1: float, y1: float) -> Box:
        """A box given in head units (a, b) around the head centre."""
        return (self.cx + x0 * self.a, self.cy + y0 * self.b, self.cx + x1 * self.a, self.cy + y1 * self.b)

    def ellipse(self, x: float, y: float, rx: float, ry: float, angle: float = 0.0) -> list[Point]:
        """An ellipse polygon in head units."""
        return ellipse_points(self.cx + x * self.a, self.cy + y * self.b, rx * self.a, ry * self.b, angle)


def figure_geometry(rng: random.Random, size: tuple[int, int]) -> Figure:
    w, h = size
    u = min(w, h / 1.125)
    a = u * rng.uniform(0.132, 0.145)
    b = a * rng.uniform(1.28, 1.36)
    cy = h * FACE_Y
    return Figure(size, w / 2, cy, a, b, u, cy + b + 0.075 * u)


def paint_portrait(
    seed: int,
    width: int,
    height: int,
    *,
    skin: Colour,
    hair_style: HairStyle,
    hair_colour: Colour,
    clothing: Colour,
    background: Colour,
    beard: bool = False,
) -> Image.Image:
    """A friendly head-and-shoulders illustration; the eyes sit at (0.5, FACE_Y) of the image.

    For ``hair_style="headscarf"`` `hair_colour` is the colour of the scarf.
    """
    if hair_style not in get_args(HairStyle):
        raise ValueError(f"hair_style {hair_style!r} unknown; one of {', '.join(get_args(HairStyle))}")
    rng = random.Random(seed)
    size = (width * SCALE, height * SCALE)
    # noise draws from its own source, so the design choices stay the same at any size
    texture = random.Random(f"texture-{seed}")
    fig = figure_geometry(rng, size)
    img = mottle(paint_backdrop(rng, fig, background), texture, size[0] // 10, 6)
    if hair_style == "long":
        paint_long_hair(img, fig, hair_colour, front=False)
    img = paint_body(img, fig, rng, skin=skin, clothing=clothing)
    if hair_style == "headscarf":
        paint_scarf(img, fig, hair_colour)
    img = paint_head(img, fig, skin, ears=hair_style != "headscarf")
    img = paint_hair(img, fig, rng, hair_style, hair_colour)
    if beard:
        img = paint_beard(img, fig, hair_colour)
    brows = (58, 40, 32) if hair_style == "headscarf" else shade(hair_colour, 0.8)
    img = paint_face(img, fig, rng, skin, brows)
    return finish(img, (width, height), texture)


def paint_backdrop(rng: random.Random, fig: Figure, colour: Colour) -> Image.Image:
    """Soft gradient with blurred light patches and a halo behind the head."""
    size, w = fig.size, fig.size[0]
    img = gradient(size, shade(colour, 1.22), shade(colour, 0.9))
    for tone, opacity in ((shade(colour, 1.4), 0.45), (shade(colour, 0.82), 0.35)):
        boxes = []
        for _ in range(3):
            x, y, r = rng.uniform(0, w), rng.uniform(0, size[1]), rng.uniform(0.08, 0.2) * w
            boxes.append((x - r, y - r, x + r, y + r))
        img = tint(img, soft_mask(size, boxes, 0.06 * w), tone, opacity)
    halo = soft_mask(size, [fig.box(-2.6, -1.9, 2.6, 1.6)], 0.25 * w)
    return tint(img, halo, shade(colour, 1.5), 0.45)


def paint_body(
    img: Image.Image, fig: Figure, rng: random.Random, *, skin: Colour, clothing: Colour
) -> Image.Image:
    """Neck, shoulders and a collar (shirt, sweater over shirt, or round blouse collar)."""
    draw = ImageDraw.Draw(img)
    cx, u, y, h = fig.cx, fig.u, fig.shoulder, fig.size[1]
    neck = (cx - 0.42 * fig.a, fig.cy + 0.2 * fig.b, cx + 0.42 * fig.a, y + 0.1 * u)
    draw.rounded_rectangle(neck, radius=0.2 * fig.a, fill=shade(skin, 0.84))
    half = 0.56 * u  # wider than the frame: the shoulders are cropped like a photo
    outline = [
        (cx + x, y + 0.27 * u * (abs(x) / half) ** 1.8) for x in (half * (i / 40 - 1) for i in range(81))
    ]
    draw.polygon([(cx - half, h), *outline, (cx + half, h)], fill=clothing)
    COLLARS[rng.randrange(len(COLLARS))](draw, fig, skin, clothing)
    body = shape_mask(fig.size, [[(cx - half, h), *outline, (cx + half, h)]])
    seams = Image.new("L", fig.size, 0)
    for s in (-1, 1):  # where the sleeves begin
        arm = (cx + s * 0.62 * u - 0.3 * u, y + 0.12 * u, cx + s * 0.62 * u + 0.3 * u, y + 1.0 * u)
        ImageDraw.Draw(seams).arc(arm, 0, 360, fill=255, width=round(0.006 * u))
    img = tint(img, ImageChops.multiply(body, seams), shade(clothing, 0.85), 1.0)
    # light from the upper left: the right side of the body lies in shade
    side = soft_mask(fig.size, [(cx + 0.15 * u, y - 0.1 * u, cx + 0.9 * u, h + 0.5 * u)], 0.12 * u)
    return tint(img, ImageChops.multiply(body, side), shade(clothing, 0.75), 0.35)


def _v_neck(fig: Figure, depth: float, width: float) -> list[Point]:
    cx, y = fig.cx, fig.shoulder
    return [
        (cx - width * fig.u, y - 0.02 * fig.u),
        (cx + width * fig.u, y - 0.02 * fig.u),
        (cx, y + depth * fig.u),
    ]


def _flaps(fig: Figure, top: float, tip: float) -> list[list[Point]]:
    """The two points of a shirt collar, left and right."""
    cx, u, y = fig.cx, fig.u, fig.shoulder
    left = [
        (cx - 0.068 * u, y - 0.05 * u),
        (cx - 0.005 * u, y + top * u),
        (cx - tip * u, y + 0.1 * u),
        (cx - 0.12 * u, y - 0.01 * u),
    ]
    return [left, [(2 * cx - x, yy) for x, yy in left]]


def collar_shirt(draw: ImageDraw.ImageDraw, fig: Figure, skin: Colour, clothing: Colour) -> None:
    draw.polygon(_v_neck(fig, 0.17, 0.095), fill=shade(skin, 0.84))
    for flap in _flaps(fig, 0.16, 0.13):
        draw.polygon(
            flap, fill=shade(clothing, 1.12), outline=shade(clothing, 0.8), width=round(0.004 * fig.u)
        )


def collar_sweater(draw: ImageDraw.ImageDraw, fig: Figure, skin: Colour, clothing: Colour) -> None:
    shirt = (238, 236, 230) if sum(clothing) < 450 else (70, 90, 120)
    draw.polygon(_v_neck(fig, 0.26, 0.13), fill=shade(clothing, 0.8))
    draw.polygon(_v_neck(fig, 0.22, 0.11), fill=shirt)
    draw.polygon(_v_neck(fig, 0.12, 0.07), fill=shade(skin, 0.84))
    for flap in _flaps(fig, 0.12, 0.11):
        draw.polygon(flap, fill=shirt, outline=shade(shirt, 0.8), width=round(0.004 * fig.u))


def collar_round(draw: ImageDraw.ImageDraw, fig: Figure, skin: Colour, clothing: Colour) -> None:
    cx, u, y = fig.cx, fig.u, fig.shoulder
    draw.ellipse((cx - 0.11 * u, y - 0.07 * u, cx + 0.11 * u, y + 0.06 * u), fill=shade(skin, 0.84))
    trim = shade(clothing, 1.35)
    for s in (-1, 1):
        draw.ellipse(
            (cx + s * 0.085 * u - 0.085 * u, y - 0.02 * u, cx + s * 0.085 * u + 0.085 * u, y + 0.1 * u),
            fill=trim,
            outline=shade(clothing, 0.85),
            width=round(0.004 * u),
        )
    draw.ellipse((cx - 0.1 * u, y - 0.08 * u, cx + 0.1 * u, y + 0.035 * u), fill=shade(skin, 0.84))


COLLARS = (collar_shirt, collar_sweater, collar_round)


def paint_head(img: Image.Image, fig: Figure, skin: Colour, *, ears: bool) -> Image.Image:
    """Ears and face, with a soft shade on the side away from the light."""
    draw = ImageDraw.Draw(img)
    if ears:
        for s in (-1, 1):
            draw.polygon(fig.ellipse(s * 0.97, 0.12, 0.15, 0.17), fill=shade(skin, 0.9))
    face = egg(fig.cx, fig.cy, fig.a, fig.b)
    draw.polygon(face, fill=skin)
    side = soft_mask(
        fig.size, [], 0.35 * fig.a, [egg(fig.cx + 0.75 * fig.a, fig.cy + 0.15 * fig.b, fig.a, fig.b)]
    )
    shadow = ImageChops.multiply(side, shape_mask(fig.size, [face]))
    return tint(img, shadow, shade(skin, 0.8), 0.45)


def _cap(
    fig: Figure, *, hairline: float, tilt: float = 0.0, volume: float = 1.0, low: float = 0.3
) -> tuple[list[Point], list[Point]]:
    """Hair over the skull down to `low` (keep) minus the face window below `hairline` (cut).

    Both are in head units: -1 is the top of the head, 0 the eye line, 1 the chin.
    """
    top = -1.0 - 0.12 * volume
    keep = fig.ellipse(0, (top + low) / 2, 1.07 * volume, (low - top) / 2)
    window = fig.ellipse(0.06 * tilt, (hairline + 2.2) / 2, 0.93, (2.2 - hairline) / 2, angle=tilt * 6)
    return keep, window


def paint_hair(
    img: Image.Image, fig: Figure, rng: random.Random, style: HairStyle, colour: Colour
) -> Image.Image:
    """The hair in front of the face; long hair also gets strands over the shoulders."""
    tilt = rng.choice((-1.0, 1.0))
    draw = ImageDraw.Draw(img)
    if style == "bun":
        draw.polygon(fig.ellipse(0.05, -1.12, 0.36, 0.27), fill=shade(colour, 0.9))
    if style == "curly":
        paint_curls(draw, fig, rng, colour)
    keep, window = {
        "short": lambda: _cap(fig, hairline=-0.64, tilt=tilt, volume=0.97, low=0.02),
        "long": lambda: _cap(fig, hairline=-0.6, tilt=tilt, volume=1.04),
        "curly": lambda: _cap(fig, hairline=-0.6, volume=1.05),
        "bun": lambda: _cap(fig, hairline=-0.62),
        "bald": lambda: _cap(fig, hairline=-1.4, low=0.2),
        "headscarf": lambda: _cap(fig, hairline=-0.66, volume=1.2, low=0.4),
    }[style]()
    img = tint(img, shape_mask(fig.size, [keep], [window]), colour, 1.0)
    if style == "long":
        paint_long_hair(img, fig, colour, front=True)
    sheen = shape_mask(fig.size, [fig.ellipse(-0.35, -0.78, 0.32, 0.1, angle=-20)])
    return tint(
        img, ImageChops.multiply(sheen, shape_mask(fig.size, [keep], [window])), shade(colour, 1.3), 0.3
    )


def paint_curls(draw: ImageDraw.ImageDraw, fig: Figure, rng: random.Random, colour: Colour) -> None:
    """Rings of overlapping circles around the top of the head."""
    for ring, (rx, ry, r) in enumerate(((1.08, 1.02, 0.24), (0.9, 0.86, 0.22))):
        for i in range(15):
            t = math.pi * (1.0 + 1.25 * i / 14 - 0.125)
            x, y = fig.cx + rx * fig.a * math.cos(t), fig.cy - 0.15 * fig.b + ry * fig.b * math.sin(t)
            rr = r * fig.a * rng.uniform(0.85, 1.15)
            tone = shade(colour, 0.85 if (i + ring) % 2 else 1.0)
            draw.ellipse((x - rr, y - rr, x + rr, y + rr), fill=tone)


def paint_long_hair(img: Image.Image, fig: Figure, colour: Colour, *, front: bool) -> None:
    """Long hair: a mass behind the head (front=False) or two strands over the shoulders."""
    draw = ImageDraw.Draw(img)
    cx, a, bottom = fig.cx, fig.a, fig.shoulder + 0.12 * fig.u
    if not front:
        draw.polygon(fig.ellipse(0, -0.25, 1.25, 0.95), fill=shade(colour, 0.78))
        draw.polygon(
            [
                (cx - 1.25 * a, fig.cy - 0.2 * fig.b),
                (cx + 1.25 * a, fig.cy - 0.2 * fig.b),
                (cx + 1.5 * a, bottom),
                (cx - 1.5 * a, bottom),
            ],
            fill=shade(colour, 0.78),
        )
        return
    for s in (-1, 1):
        draw.polygon(
            [
                (cx + s * 0.86 * a, fig.cy - 0.5 * fig.b),
                (cx + s * 1.12 * a, fig.cy - 0.3 * fig.b),
                (cx + s * 1.5 * a, bottom),
                (cx + s * 1.05 * a, bottom + 0.02 * fig.u),
                (cx + s * 0.98 * a, fig.cy + 0.4 * fig.b),
            ],
            fill=colour,
        )


def paint_scarf(img: Image.Image, fig: Figure, colour: Colour) -> None:
    """A headscarf framing the face and falling over neck and shoulders."""
    draw = ImageDraw.Draw(img)
    cx, u, y = fig.cx, fig.u, fig.shoulder
    draw.polygon(fig.ellipse(0, -0.05, 1.3, 1.22), fill=colour)
    draw.polygon(
        [
            (cx - 1.3 * fig.a, fig.cy),
            (cx + 1.3 * fig.a, fig.cy),
            (cx + 0.27 * u, y + 0.06 * u),
            (cx - 0.27 * u, y + 0.06 * u),
        ],
        fill=colour,
    )
    draw.ellipse((cx - 0.27 * u, y - 0.08 * u, cx + 0.27 * u, y + 0.2 * u), fill=colour)
    draw.arc(
        (cx - 0.2 * u, y - 0.12 * u, cx + 0.2 * u, y + 0.12 * u),
        30,
        150,
        fill=shade(colour, 0.82),
        width=round(0.05 * fig.a),
    )
    draw.arc(fig.box(-1.05, 0.55, 1.05, 1.25), 20, 160, fill=shade(colour, 0.8), width=round(0.05 * fig.a))


def paint_beard(img: Image.Image, fig: Figure, colour: Colour) -> Image.Image:
    """A trimmed full beard with moustache; the mouth is painted over it later."""
    jaw = egg(fig.cx, fig.cy, 1.03 * fig.a, 1.04 * fig.b)
    top = fig.cy - 0.2 * fig.b
    band = [(0, top), (fig.size[0], top), fig.size, (0, fig.size[1])]
    cheeks = fig.ellipse(0, 0.02, 0.86, 0.56)
    mask = ImageChops.multiply(shape_mask(fig.size, [jaw]), shape_mask(fig.size, [band], [cheeks]))
    mask = ImageChops.lighter(mask, shape_mask(fig.size, [fig.ellipse(0, 0.47, 0.36, 0.09)]))
    return tint(img, mask.filter(ImageFilter.GaussianBlur(0.006 * fig.a)), colour, 0.92)


def paint_face(img: Image.Image, fig: Figure, rng: random.Random, skin: Colour, brows: Colour) -> Image.Image:
    """Cheeks, eyes, brows, a hint of a nose and a smile; glasses for some."""
    cheeks = [fig.box(s * 0.55 - 0.2, 0.3, s * 0.55 + 0.2, 0.5) for s in (-1, 1)]
    img = tint(img, soft_mask(fig.size, cheeks, 0.12 * fig.a), (226, 120, 112), 0.22)
    draw, a, w = ImageDraw.Draw(img), fig.a, round(0.055 * fig.a)
    for s in (-1, 1):
        x, y = fig.cx + s * 0.4 * a, fig.cy
        draw.ellipse((x - 0.08 * a, y - 0.1 * a, x + 0.08 * a, y + 0.1 * a), fill=(44, 33, 30))
        draw.ellipse((x + 0.015 * a, y - 0.06 * a, x + 0.05 * a, y - 0.025 * a), fill=(250, 250, 250))
        draw.arc((x - 0.24 * a, y - 0.42 * a, x + 0.24 * a, y - 0.14 * a), 205, 335, fill=brows, width=w)
    draw.arc(fig.box(-0.11, 0.14, 0.11, 0.3), 30, 150, fill=shade(skin, 0.72), width=round(0.04 * a))
    mouth = (153, 66, 70)
    if rng.random() < 0.5:
        draw.chord(fig.box(-0.27, 0.36, 0.27, 0.66), 0, 180, fill=mouth)
        draw.chord(fig.box(-0.22, 0.46, 0.22, 0.56), 0, 180, fill=(248, 246, 240))
    else:
        draw.arc(fig.box(-0.28, 0.3, 0.28, 0.6), 25, 155, fill=mouth, width=round(0.05 * a))
    if rng.random() < 0.3:
        paint_glasses(draw, fig)
    return img


def paint_glasses(draw: ImageDraw.ImageDraw, fig: Figure) -> None:
    a, frame, w = fig.a, (50, 45, 48), round(0.035 * fig.a)
    for s in (-1, 1):
        x = fig.cx + s * 0.4 * a
        draw.rounded_rectangle(
            (x - 0.25 * a, fig.cy - 0.17 * a, x + 0.25 * a, fig.cy + 0.19 * a),
            radius=0.1 * a,
            outline=frame,
            width=w,
        )
        draw.line(
            [(x + s * 0.25 * a, fig.cy - 0.05 * a), (x + s * 0.58 * a, fig.cy - 0.08 * a)],
            fill=frame,
            width=w,
        )
    draw.arc(
        (fig.cx - 0.15 * a, fig.cy - 0.1 * a, fig.cx + 0.15 * a, fig.cy + 0.1 * a),
        200,
        340,
        fill=frame,
        width=w,
    )
