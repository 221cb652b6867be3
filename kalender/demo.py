"""Paint fictional sample portraits and landscapes for kalender's demo data, with Pillow only.

Contract: every painter returns an RGB image of exactly the requested size, and the same
arguments give the same pixels (all randomness comes from ``random.Random(seed)``). Nothing is
downloaded and no real person is depicted: the portraits are flat illustrations.
``python -m kalender.demo OUTDIR`` writes OUTDIR/portraits/2018/*.jpg and
OUTDIR/photos/2020/*.jpg; ``python -m kalender.demo data`` reproduces the repository's images.
"""

from __future__ import annotations

import itertools
import math
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

from PIL import Image, ImageChops, ImageCms, ImageDraw, ImageFilter

Colour = tuple[int, int, int]
Point = tuple[float, float]
Box = tuple[float, float, float, float]
HairStyle = Literal["short", "long", "curly", "bun", "headscarf", "bald"]

SCALE = 2  # paint at twice the size and downsample: antialiasing without a vector library
GRAIN = 14  # film grain amplitude in 8-bit steps: subtle, and gives JPEGs a photo-like size


# --- colour and mask helpers -----------------------------------------------------------------


def mix(a: Colour, b: Colour, t: float) -> Colour:
    """The colour a fraction `t` of the way from `a` to `b`."""
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t))


def shade(c: Colour, f: float) -> Colour:
    """Darker (f < 1) or lighter (f > 1, towards white) version of `c`."""
    return mix(c, (0, 0, 0), 1 - f) if f <= 1 else mix(c, (255, 255, 255), f - 1)


def gradient(size: tuple[int, int], top: Colour, bottom: Colour) -> Image.Image:
    """A vertical gradient from `top` to `bottom`."""
    mask = Image.linear_gradient("L").resize(size, Image.Resampling.BILINEAR)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def soft_mask(
    size: tuple[int, int], ellipses: Sequence[Box], blur: float, polygons: Sequence[Sequence[Point]] = ()
) -> Image.Image:
    """A blurred mask of ellipses and polygons, drawn and blurred at 1/8 size (big blurs stay fast)."""
    f = 1 / 8
    small = Image.new("L", (size[0] // 8 + 1, size[1] // 8 + 1), 0)
    draw = ImageDraw.Draw(small)
    for box in ellipses:
        draw.ellipse([v * f for v in box], fill=255)
    for points in polygons:
        draw.polygon([(x * f, y * f) for x, y in points], fill=255)
    small = small.filter(ImageFilter.GaussianBlur(blur * f))
    return small.resize(size, Image.Resampling.BILINEAR)


def tint(img: Image.Image, mask: Image.Image, colour: Colour, opacity: float) -> Image.Image:
    """`img` with `colour` laid over it through `mask` at `opacity`."""
    alpha = mask.point(lambda v: round(v * opacity))
    return Image.composite(Image.new("RGB", img.size, colour), img, alpha)


def mottle(img: Image.Image, rng: random.Random, cell: int, amount: int) -> Image.Image:
    """Low-frequency brightness variation, like pigment on paper."""
    cell = max(1, cell)
    w, h = img.size[0] // cell + 2, img.size[1] // cell + 2
    noise = Image.frombytes("L", (w, h), rng.randbytes(w * h)).resize(img.size, Image.Resampling.BICUBIC)
    return _add_noise(img, noise, amount)


def _add_noise(img: Image.Image, noise: Image.Image, amount: int) -> Image.Image:
    centred = noise.point(lambda v: 128 + (v - 128) * amount // 128)
    return ImageChops.add(img, Image.merge("RGB", (centred,) * 3), 1.0, -128)


def finish(img: Image.Image, size: tuple[int, int], rng: random.Random) -> Image.Image:
    """Downsample to `size` and add fine monochrome film grain."""
    img = img.resize(size, Image.Resampling.LANCZOS)
    grain = Image.frombytes("L", size, rng.randbytes(size[0] * size[1]))
    return _add_noise(img, grain.filter(ImageFilter.GaussianBlur(0.8)), GRAIN)


def egg(cx: float, cy: float, a: float, b: float, taper: float = 0.2, n: int = 160) -> list[Point]:
    """An ellipse whose lower half narrows towards the chin."""
    points = []
    for i in range(n):
        t = 2 * math.pi * i / n
        s = math.sin(t)
        points.append((cx + a * math.cos(t) * (1 - taper * max(0.0, s) ** 2), cy + b * s))
    return points


def save_jpeg(image: Image.Image, path: Path | str, dpi: int = 300, quality: int = 90) -> None:
    """Write `image` as a baseline JPEG with an embedded sRGB ICC profile and `dpi` metadata."""
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    image.convert("RGB").save(path, "JPEG", quality=quality, dpi=(dpi, dpi), icc_profile=icc, optimize=True)


def ellipse_points(
    cx: float, cy: float, rx: float, ry: float, angle: float = 0.0, n: int = 120
) -> list[Point]:
    """Polygon of an ellipse rotated by `angle` degrees (ImageDraw cannot rotate ellipses)."""
    c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    points = []
    for i in range(n):
        t = 2 * math.pi * i / n
        x, y = rx * math.cos(t), ry * math.sin(t)
        points.append((cx + x * c - y * s, cy + x * s + y * c))
    return points


def shape_mask(
    size: tuple[int, int], keep: Sequence[Sequence[Point]], cut: Sequence[Sequence[Point]] = ()
) -> Image.Image:
    """A hard mask: the polygons in `keep` minus those in `cut`."""
    mask = Image.new("L", size, 0)
    draw = ImageDraw.Draw(mask)
    for points in keep:
        draw.polygon(list(points), fill=255)
    for points in cut:
        draw.polygon(list(points), fill=0)
    return mask


# --- portraits -------------------------------------------------------------------------------

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


# --- landscapes (photo-contest variant) ------------------------------------------------------

Motif = Literal["hills", "orchard", "river", "town", "skyline", "vineyard", "forest", "fields", "castle"]


@dataclass(frozen=True)
class Palette:
    """The colours of one season or time of day."""

    sky: tuple[Colour, Colour]  # zenith, horizon
    far: Colour  # distant hills before haze
    ground: Colour  # meadow, fields or snow
    crowns: tuple[Colour, ...]  # tree crowns; empty = bare trees (winter)
    accent: Colour  # blossom or lit windows
    sun: Colour
    crop: Colour  # rapeseed, grain or bare soil
    evening: bool = False  # windows are lit
    bales: bool = False  # straw bales on the fields after the harvest


# fmt: off
PALETTES = {
    "spring": Palette(sky=((104, 160, 214), (226, 236, 240)), far=(112, 142, 150), ground=(126, 172, 86),
                      crowns=((96, 150, 78), (120, 168, 84)), accent=(252, 240, 244), sun=(255, 248, 220),
                      crop=(240, 206, 44)),
    "summer": Palette(sky=((70, 132, 204), (214, 230, 240)), far=(96, 128, 140), ground=(118, 156, 66),
                      crowns=((62, 112, 56), (80, 130, 60), (98, 140, 62)), accent=(236, 196, 60),
                      sun=(255, 244, 200), crop=(226, 188, 96), bales=True),
    "autumn": Palette(sky=((118, 150, 196), (240, 222, 192)), far=(130, 122, 136), ground=(158, 148, 84),
                      crowns=((206, 120, 46), (178, 76, 42), (222, 170, 60), (120, 110, 50)),
                      accent=(210, 90, 40), sun=(255, 226, 170), crop=(150, 118, 80)),
    "winter": Palette(sky=((146, 170, 202), (230, 234, 240)), far=(140, 154, 176), ground=(234, 238, 244),
                      crowns=(), accent=(255, 214, 120), sun=(255, 246, 230), crop=(234, 238, 244)),
    "evening": Palette(sky=((64, 86, 150), (250, 190, 132)), far=(112, 96, 128), ground=(96, 112, 62),
                       crowns=((58, 84, 54), (80, 96, 54)), accent=(255, 206, 110), sun=(255, 226, 150),
                       crop=(204, 164, 86), evening=True),
    "winter_evening": Palette(sky=((40, 56, 104), (214, 160, 150)), far=(92, 92, 128), ground=(206, 212, 230),
                              crowns=(), accent=(255, 204, 100), sun=(255, 220, 180), crop=(206, 212, 230),
                              evening=True),
}
# fmt: on


@dataclass(frozen=True)
class Scene:
    """The 2x canvas, the random source and the palette a motif paints with."""

    draw: ImageDraw.ImageDraw
    rng: random.Random
    size: tuple[int, int]
    pal: Palette

    def x(self, f: float) -> float:
        return f * self.size[0]

    def y(self, f: float) -> float:
        return f * self.size[1]

    def hazed(self, colour: Colour, t: float) -> Colour:
        """`colour` seen through `t` of haze (0 = near, 1 = lost in the horizon)."""
        return mix(colour, self.pal.sky[1], t)


def paint_landscape(
    seed: int, width: int, height: int, motif: Motif, *, palette: str = "summer"
) -> Image.Image:
    """A stylised Main-Taunus scene: sky, hazy hills and the `motif` in the foreground.

    `palette` is one of PALETTES (season or time of day).
    """
    if motif not in MOTIFS or palette not in PALETTES:
        raise ValueError(f"motif {motif!r} or palette {palette!r} unknown; see MOTIFS and PALETTES")
    rng = random.Random(seed)
    size = (width * SCALE, height * SCALE)
    pal = PALETTES[palette]
    img = paint_sky(rng, size, pal)
    scene = Scene(ImageDraw.Draw(img), rng, size, pal)
    MOTIFS[motif](scene)
    texture = random.Random(f"texture-{seed}")
    return finish(mottle(img, texture, size[0] // 10, 3), (width, height), texture)


def paint_sky(rng: random.Random, size: tuple[int, int], pal: Palette) -> Image.Image:
    """Gradient sky with a glowing sun and a few flat clouds."""
    w, h = size
    img = gradient(size, pal.sky[0], pal.sky[1])
    sx, sy, r = rng.uniform(0.15, 0.85) * w, rng.uniform(0.12, 0.3) * h, 0.035 * w
    img = tint(img, soft_mask(size, [(sx - 6 * r, sy - 6 * r, sx + 6 * r, sy + 6 * r)], 3 * r), pal.sun, 0.45)
    img = tint(img, soft_mask(size, [(sx - r, sy - r, sx + r, sy + r)], 0.2 * r), pal.sun, 0.9)
    boxes: list[Box] = []
    for _ in range(rng.randint(2, 4)):
        cx, cy, cw = rng.uniform(0, w), rng.uniform(0.08, 0.32) * h, rng.uniform(0.08, 0.16) * w
        for i in range(5):
            bx, rr = cx + (i - 2) * cw * 0.22, cw * rng.uniform(0.14, 0.24)
            boxes.append((bx - rr, cy - rr * 1.4 + rr * 0.5 * abs(i - 2), bx + rr, cy))
        boxes.append((cx - cw * 0.6, cy - cw * 0.1, cx + cw * 0.6, cy + cw * 0.03))
    return tint(img, soft_mask(size, boxes, 0.004 * w), (255, 255, 255), 0.8)


def ridge(scene: Scene, base: float, amp: float, colour: Colour, freq: float = 1.0) -> list[Point]:
    """Fill a hill layer whose crest waves around `base` (fractions of the height); returns the crest."""
    w, h = scene.size
    waves = [
        (scene.rng.uniform(0, 2 * math.pi), k * freq, scene.rng.uniform(0.4, 1.0) / k) for k in (1, 2, 3.5, 7)
    ]
    crest = []
    for i in range(201):
        x = w * i / 200
        crest.append(
            (
                x,
                scene.y(base)
                - scene.y(amp) * sum(wt * math.sin(p + f * math.pi * x / w) for p, f, wt in waves),
            )
        )
    scene.draw.polygon([*crest, (w, h), (0, h)], fill=colour)
    return crest


def crest_y(crest: Sequence[Point], x: float) -> float:
    """Height of a crest at `x` (nearest sample)."""
    step = crest[1][0] - crest[0][0]
    return crest[min(len(crest) - 1, max(0, round(x / step)))][1]


def round_tree(scene: Scene, x: float, ground: float, h: float, dots: Colour | None = None) -> None:
    """A deciduous tree: trunk, crown with a highlight, optional blossom or fruit dots; bare in winter."""
    d, rng = scene.draw, scene.rng
    if not scene.pal.crowns:
        bare_tree(scene, x, ground, h, -90.0, 0.09 * h, 4)
        return
    d.rectangle((x - 0.04 * h, ground - 0.5 * h, x + 0.04 * h, ground), fill=(92, 70, 54))
    crown = rng.choice(scene.pal.crowns)
    d.ellipse((x - 0.36 * h, ground - h, x + 0.36 * h, ground - 0.35 * h), fill=crown)
    d.ellipse((x - 0.26 * h, ground - 0.96 * h, x + 0.1 * h, ground - 0.66 * h), fill=shade(crown, 1.15))
    for _ in range(40 if dots else 0):
        t, r = rng.uniform(0, 2 * math.pi), rng.uniform(0, 0.3) * h
        px, py, s = x + r * math.cos(t), ground - 0.67 * h + 0.9 * r * math.sin(t), 0.025 * h
        d.ellipse((px - s, py - s, px + s, py + s), fill=dots)


def bare_tree(
    scene: Scene, x: float, y: float, length: float, angle: float, width: float, depth: int
) -> None:
    """A winter tree as recursive branches."""
    x2 = x + length * 0.5 * math.cos(math.radians(angle))
    y2 = y + length * 0.5 * math.sin(math.radians(angle))
    scene.draw.line([(x, y), (x2, y2)], fill=(84, 72, 70), width=max(1, round(width)))
    if depth:
        for turn in (-28, 24) if depth % 2 else (-20, 30):
            bare_tree(
                scene, x2, y2, length * 0.72, angle + turn + scene.rng.uniform(-8, 8), width * 0.62, depth - 1
            )


def conifer(scene: Scene, x: float, ground: float, h: float, colour: Colour) -> None:
    """A fir as three stacked triangles."""
    scene.draw.rectangle((x - 0.03 * h, ground - 0.15 * h, x + 0.03 * h, ground), fill=(80, 60, 48))
    for i in range(3):
        top, base, half = ground - h + i * 0.25 * h, ground - 0.45 * h + i * 0.3 * h, (0.2 + 0.07 * i) * h
        scene.draw.polygon([(x, top), (x + half, base - 0.1 * h), (x - half, base - 0.1 * h)], fill=colour)


def house(scene: Scene, x: float, base: float, w: float, h: float, haze: float) -> None:
    """A gabled house; half-timbered now and then, lit windows in the evening, snow in winter."""
    d, rng, pal = scene.draw, scene.rng, scene.pal
    wall = scene.hazed(rng.choice(((236, 226, 206), (222, 196, 168), (240, 236, 228), (214, 180, 150))), haze)
    roof = scene.hazed(rng.choice(((150, 74, 58), (120, 64, 56), (92, 88, 96))), haze)
    d.rectangle((x, base - h, x + w, base), fill=wall)
    d.polygon(
        [(x - 0.06 * w, base - h), (x + 0.5 * w, base - h - 0.55 * w), (x + 1.06 * w, base - h)], fill=roof
    )
    if not pal.crowns:  # winter: snow on the roof
        d.polygon(
            [
                (x + 0.2 * w, base - h - 0.33 * w),
                (x + 0.5 * w, base - h - 0.55 * w),
                (x + 0.8 * w, base - h - 0.33 * w),
            ],
            fill=scene.hazed((248, 250, 255), haze),
        )
    if rng.random() < 0.35:
        for i in range(4):
            d.line(
                [(x + i * w / 3, base - h), (x + i * w / 3, base)],
                fill=scene.hazed((96, 66, 52), haze),
                width=3,
            )
    for col in range(2):
        for row in range(2 if h > 0.8 * w else 1):
            wx, wy, s = x + (0.22 + 0.38 * col) * w, base - h + (0.2 + 0.4 * row) * h, 0.18 * w
            lit = pal.evening and rng.random() < 0.6
            d.rectangle(
                (wx, wy, wx + s, wy + s * 1.3), fill=pal.accent if lit else scene.hazed((70, 76, 90), haze)
            )


def church(scene: Scene, x: float, base: float, h: float, haze: float) -> None:
    """A church tower with a pointed spire."""
    colour, roof = scene.hazed((226, 214, 196), haze), scene.hazed((82, 92, 96), haze)
    scene.draw.rectangle((x - 0.08 * h, base - h, x + 0.08 * h, base), fill=colour)
    scene.draw.polygon([(x - 0.1 * h, base - h), (x, base - 1.6 * h), (x + 0.1 * h, base - h)], fill=roof)
    scene.draw.rectangle((x - 0.03 * h, base - 0.85 * h, x + 0.03 * h, base - 0.7 * h), fill=roof)


def backdrop(scene: Scene, base: float) -> list[Point]:
    """Two hazy ridges of the Taunus behind the motif; returns the nearer crest."""
    ridge(scene, base - 0.08, 0.06, scene.hazed(scene.pal.far, 0.6), 0.8)
    return ridge(scene, base, 0.05, scene.hazed(scene.pal.far, 0.3), 1.4)


def tree_row(
    scene: Scene, crest: Sequence[Point], h: float, n: int, haze: float, dots: Colour | None = None
) -> None:
    """`n` trees of height `h` (fraction of the height) spread along a crest."""
    for i in range(n):
        x = scene.x((i + scene.rng.uniform(0.1, 0.9)) / n)
        ground = crest_y(crest, x) + 0.05 * scene.y(h)
        if scene.rng.random() < 0.3 and haze > 0:
            conifer(scene, x, ground, scene.y(h), scene.hazed((52, 86, 62), haze))
        else:
            round_tree(scene, x, ground, scene.y(h) * scene.rng.uniform(0.8, 1.2), dots)


def paint_winding(scene: Scene, x0: float, x1: float, top: float, colour: Colour, width: float) -> None:
    """A path or stream from the bottom edge at `x0` to `top` at `x1`, narrowing with distance."""
    w, h = scene.size
    left, right = [], []
    for i in range(41):
        t = i / 40
        y, cx = h - t * (h - scene.y(top)), scene.x(x0 + (x1 - x0) * t) + 0.06 * w * math.sin(4 * t)
        half = width * w * (1 - t) ** 1.6 + 0.002 * w
        left.append((cx - half, y))
        right.append((cx + half, y))
    scene.draw.polygon([*left, *reversed(right)], fill=colour)


def motif_hills(scene: Scene) -> None:
    """Layered Taunus hills with a lookout tower and a tree in front."""
    mid = backdrop(scene, 0.5)
    x, y = min(mid[60:140], key=lambda p: p[1])  # a lookout tower on the highest summit
    foot, head, tall = scene.x(0.006), scene.x(0.003), scene.y(0.07)
    tower = [
        (x - foot, y + 0.1 * tall),
        (x - head, y - tall),
        (x + head, y - tall),
        (x + foot, y + 0.1 * tall),
    ]
    scene.draw.polygon(tower, fill=scene.hazed((110, 96, 90), 0.35))
    near = ridge(scene, 0.66, 0.05, scene.hazed(scene.pal.ground, 0.2), 1.0)
    tree_row(scene, near, 0.06, 9, 0.15)
    front = ridge(scene, 0.84, 0.05, scene.pal.ground, 0.6)
    paint_winding(scene, 0.35, 0.6, 0.79, shade(scene.pal.ground, 1.12 if scene.pal.crowns else 0.92), 0.1)
    round_tree(scene, scene.x(0.8), crest_y(front, scene.x(0.8)) + scene.y(0.04), scene.y(0.45))


def motif_orchard(scene: Scene) -> None:
    """Meadow orchard: rows of fruit trees in blossom (or leaf) receding to the hills."""
    backdrop(scene, 0.5)
    ridge(scene, 0.58, 0.01, scene.hazed(scene.pal.ground, 0.15), 0.5)
    dots = scene.pal.accent if scene.pal.crowns else None
    for y, h, n in ((0.62, 0.07, 12), (0.7, 0.14, 7), (0.86, 0.32, 4)):
        for i in range(n):
            x = scene.x((i + scene.rng.uniform(0.25, 0.75)) / n)
            round_tree(scene, x, scene.y(y + scene.rng.uniform(-0.01, 0.01)), scene.y(h), dots)


def motif_river(scene: Scene) -> None:
    """A river running towards the horizon, crossed by a stone bridge with arches."""
    far = backdrop(scene, 0.48)
    tree_row(scene, far, 0.05, 14, 0.3)
    w, h, pal = scene.size[0], scene.size[1], scene.pal
    ridge(scene, 0.56, 0.004, scene.hazed(pal.ground, 0.2), 0.5)
    water = mix(pal.sky[0], pal.sky[1], 0.55)
    left, right = lambda y: 0.46 * w - (y - 0.56 * h) * 0.9, lambda y: 0.54 * w + (y - 0.56 * h) * 0.9
    scene.draw.polygon(
        [(left(0.56 * h), 0.56 * h), (right(0.56 * h), 0.56 * h), (right(h), h), (left(h), h)], fill=water
    )
    for _ in range(30):
        y = scene.y(scene.rng.uniform(0.57, 1.0))
        x = scene.rng.uniform(left(y), right(y))
        scene.draw.line(
            [(x, y), (x + (y - 0.5 * h) * 0.3, y)], fill=shade(water, 1.15), width=round(0.003 * w)
        )
    paint_bridge(scene, 0.66 * h, left(0.66 * h) - 0.12 * w, right(0.66 * h) + 0.12 * w, water)
    for side in (0.12, 0.9):
        round_tree(scene, scene.x(side), scene.y(0.98), scene.y(0.4))


def paint_bridge(scene: Scene, deck: float, x0: float, x1: float, water: Colour) -> None:
    """A stone bridge between x0 and x1 with four arches over the water."""
    stone, thick = scene.hazed((186, 164, 140), 0.1), scene.y(0.05)
    scene.draw.rectangle((x0, deck - thick * 0.25, x1, deck + thick), fill=stone)
    scene.draw.rectangle((x0, deck - thick * 0.45, x1, deck - thick * 0.25), fill=shade(stone, 0.8))
    span = (x1 - x0) / 4
    for i in range(4):
        ax = x0 + (i + 0.12) * span
        scene.draw.chord(
            (ax, deck + thick * 0.35, ax + 0.76 * span, deck + thick * 1.7), 180, 360, fill=shade(water, 0.7)
        )


def motif_town(scene: Scene) -> None:
    """Roofs of an old town with a church tower in front of the hills."""
    far = backdrop(scene, 0.46)
    tree_row(scene, far, 0.05, 12, 0.3)
    ridge(scene, 0.62, 0.01, scene.hazed(scene.pal.ground, 0.2), 0.5)
    church(scene, scene.x(scene.rng.uniform(0.35, 0.65)), scene.y(0.72), scene.y(0.18), 0.12)
    for base, height, haze in ((0.74, 0.1, 0.15), (0.88, 0.16, 0.05), (1.02, 0.22, 0.0)):
        x = -scene.x(0.03)
        while x < scene.size[0]:
            w = scene.y(height) * scene.rng.uniform(0.8, 1.3)
            house(scene, x, scene.y(base + scene.rng.uniform(-0.01, 0.01)), w, scene.y(height) * 0.9, haze)
            x += w * scene.rng.uniform(1.1, 1.4)


def motif_skyline(scene: Scene) -> None:
    """Fields in front, the high-rise skyline on the horizon."""
    backdrop(scene, 0.5)
    base, rng = scene.y(0.62), scene.rng
    for i in range(16):
        x, bw = scene.x(0.5 + 0.35 * (i / 15) + rng.uniform(-0.02, 0.02)), scene.x(rng.uniform(0.012, 0.028))
        top = base - scene.y(rng.uniform(0.06, 0.26) * (1 - abs(i - 8) / 12))
        tone = scene.hazed((88, 102, 124), rng.uniform(0.25, 0.45))
        scene.draw.rectangle((x, top, x + bw, base), fill=tone)
        scene.draw.rectangle((x, top, x + bw * 0.3, base), fill=shade(tone, 1.12))
    paint_fields(scene, 0.62, (shade(scene.pal.ground, 0.9), scene.pal.ground, shade(scene.pal.ground, 1.1)))
    tree_row(scene, [(0.0, base), (scene.size[0], base)], 0.05, 6, 0.2)


def paint_fields(scene: Scene, horizon: float, colours: Sequence[Colour]) -> None:
    """Field strips from `horizon` to the bottom, with furrows running to a vanishing point."""
    w, h, top = scene.size[0], scene.size[1], scene.y(horizon)
    edges = [top, *sorted(scene.y(horizon + (1 - horizon) * f) for f in (0.08, 0.22, 0.45)), h]
    for i, (y0, y1) in enumerate(itertools.pairwise(edges)):
        scene.draw.rectangle((0, y0, w, y1), fill=colours[i % len(colours)])
    for i in range(-30, 31):
        scene.draw.line(
            [(0.5 * w + i * 0.002 * w, top), (0.5 * w + i * 0.06 * w, h)],
            fill=shade(colours[0], 0.9),
            width=round(0.0015 * w),
        )


def motif_fields(scene: Scene) -> None:
    """Rapeseed (spring) or stubble with straw bales (summer) under a wide sky, a lone tree."""
    far = backdrop(scene, 0.5)
    tree_row(scene, far, 0.04, 10, 0.3)
    crop = scene.pal.crop
    paint_fields(scene, 0.6, (crop, shade(scene.pal.ground, 0.95), shade(crop, 1.05), crop))
    round_tree(scene, scene.x(0.72), scene.y(0.66), scene.y(0.2))
    if scene.pal.bales:
        for x, y, r in ((0.25, 0.8, 0.05), (0.42, 0.72, 0.03), (0.6, 0.9, 0.07)):
            bx, by, br = scene.x(x), scene.y(y), scene.y(r)
            scene.draw.ellipse(
                (bx - 1.1 * br, by + 0.6 * br, bx + 1.5 * br, by + 1.15 * br), fill=shade(scene.pal.crop, 0.7)
            )
            for i, tone in enumerate(((176, 132, 56), (222, 186, 104), (196, 156, 76), (222, 186, 104))):
                r = br * (1 - 0.25 * i)
                scene.draw.ellipse((bx - r, by - r, bx + r, by + r), fill=tone)


def motif_vineyard(scene: Scene) -> None:
    """Rows of vines on a slope above the river, the town with its church on the crest."""
    backdrop(scene, 0.44)
    w, h = scene.size
    scene.draw.rectangle(
        (0, scene.y(0.5), w, scene.y(0.56)), fill=mix(scene.pal.sky[0], scene.pal.sky[1], 0.5)
    )
    tree_row(scene, ridge(scene, 0.58, 0.004, scene.hazed(scene.pal.ground, 0.2), 0.5), 0.04, 16, 0.2)

    def top(x: float) -> float:  # the crest of the vineyard, rising to the right
        return scene.y(0.86 - 0.3 * (x / w) ** 0.8)

    crest = [(w * i / 50, top(w * i / 50)) for i in range(51)]
    scene.draw.polygon([*crest, (w, h), (0, h)], fill=mix(scene.pal.ground, (190, 170, 110), 0.35))
    vine = scene.pal.crowns[0] if scene.pal.crowns else (96, 84, 70)
    for i in range(36):
        t0, t1 = i / 36, (i + 0.45) / 36
        spread = lambda t: 0.5 * w + (t - 0.25) * 2.6 * w  # noqa: E731  rows fan out towards the viewer
        strip = [(t0 * w, top(t0 * w)), (t1 * w, top(t1 * w)), (spread(t1), h), (spread(t0), h)]
        scene.draw.polygon(strip, fill=shade(vine, 0.9 + 0.2 * (i % 2)))
    for i, x in enumerate((0.8, 0.88, 0.95)):
        house(
            scene, scene.x(x), top(scene.x(x)) + scene.y(0.01), scene.y(0.06), scene.y(0.05 + 0.01 * i), 0.1
        )
    church(scene, scene.x(0.76), top(scene.x(0.76)) + scene.y(0.01), scene.y(0.16), 0.05)


def motif_forest(scene: Scene) -> None:
    """A stream winding out of an autumn wood."""
    far = backdrop(scene, 0.45)
    tree_row(scene, far, 0.06, 22, 0.3)
    ridge(scene, 0.62, 0.01, scene.hazed(scene.pal.ground, 0.1), 0.5)
    paint_winding(scene, 0.4, 0.52, 0.62, mix(scene.pal.sky[0], scene.pal.sky[1], 0.4), 0.14)
    rng = scene.rng
    sides = (0.02, 0.15, 0.8, 0.95)  # trees stand on both banks, not in the stream
    trees = sorted((rng.uniform(0.64, 0.95), rng.choice(sides) + rng.uniform(-0.1, 0.1)) for _ in range(26))
    for y, x in trees:
        height = scene.y(0.1 + 0.5 * (y - 0.6))
        if scene.rng.random() < 0.25:
            conifer(scene, scene.x(x), scene.y(y), height, (48, 80, 58))
        else:
            round_tree(scene, scene.x(x), scene.y(y), height)


def motif_castle(scene: Scene) -> None:
    """A castle ruin with a keep on a wooded hill above the roofs of a small town."""
    ridge(scene, 0.4, 0.05, scene.hazed(scene.pal.far, 0.6), 0.8)
    w, h = scene.size
    hill = [
        (w * i / 100, scene.y(0.66 - 0.28 * math.exp(-(((i - 46) / 21) ** 2)) - 0.02 * math.sin(i / 8)))
        for i in range(101)
    ]
    scene.draw.polygon([*hill, (w, h), (0, h)], fill=scene.hazed(scene.pal.ground, 0.15))
    for i in range(0, 101, 2):
        if abs(i - 46) > 7:
            ground = hill[i][1] + scene.y(scene.rng.uniform(0.02, 0.12))
            conifer(
                scene,
                hill[i][0],
                ground,
                scene.y(0.07),
                scene.hazed((46, 78, 58), scene.rng.uniform(0.1, 0.3)),
            )
    paint_castle(scene, hill[46][0], hill[46][1] + scene.y(0.02))
    for base, height, haze in ((0.86, 0.1, 0.05), (1.0, 0.14, 0.0)):
        x = -scene.x(0.03)
        while x < w:
            bw = scene.y(height) * scene.rng.uniform(0.8, 1.2)
            house(scene, x, scene.y(base), bw, scene.y(height) * 0.9, haze)
            x += bw * scene.rng.uniform(1.05, 1.3)


def paint_castle(scene: Scene, x: float, base: float) -> None:
    """Curtain wall and a tall keep, both crenellated, with dark window slits."""
    stone, dark, u = scene.hazed((176, 160, 142), 0.12), (74, 68, 72), scene.y(0.01)
    parts = ((x - 13 * u, x + 9 * u, base - 7 * u), (x - 4 * u, x + 2 * u, base - 22 * u))
    for x0, x1, top in parts:
        scene.draw.rectangle((x0, top, x1, base), fill=stone)
        scene.draw.rectangle((x0, top, x0 + 0.3 * (x1 - x0), base), fill=shade(stone, 1.08))
        for mx in range(round(x0), round(x1 - u), round(2 * u)):
            scene.draw.rectangle((mx, top - 1.2 * u, mx + u, top), fill=stone)
    for wy in (base - 18 * u, base - 13 * u):
        scene.draw.rectangle((x - 1.3 * u, wy, x - 0.7 * u, wy + 2 * u), fill=dark)


MOTIFS: dict[str, Callable[[Scene], None]] = {
    "hills": motif_hills,
    "orchard": motif_orchard,
    "river": motif_river,
    "town": motif_town,
    "skyline": motif_skyline,
    "vineyard": motif_vineyard,
    "forest": motif_forest,
    "fields": motif_fields,
    "castle": motif_castle,
}


# --- the repository's sample images ----------------------------------------------------------

# fmt: off
MONTH_FILES = ("01-januar", "02-februar", "03-maerz", "04-april", "05-mai", "06-juni",
               "07-juli", "08-august", "09-september", "10-oktober", "11-november", "12-dezember")
# fmt: on
PORTRAIT_SIZE, PORTRAIT_QUALITY = (2400, 2700), 88
PHOTO_SIZE, PHOTO_QUALITY = (3000, 2000), 85


@dataclass(frozen=True)
class Sitter:
    """Drawing parameters of one sample portrait (the seed picks collar, smile and glasses)."""

    seed: int
    skin: Colour
    hair_style: HairStyle
    hair_colour: Colour
    clothing: Colour
    background: Colour
    beard: bool = False


# data/portraits/2018, January to December: six women, six men
SITTERS_2018 = (
    Sitter(201901, (240, 206, 182), "long", (196, 158, 100), (48, 110, 130), (222, 204, 178)),
    Sitter(202202, (118, 78, 54), "curly", (34, 28, 26), (196, 150, 60), (178, 200, 210)),
    Sitter(202103, (236, 200, 168), "bun", (28, 24, 28), (128, 62, 92), (200, 212, 228)),
    Sitter(202004, (222, 180, 148), "bald", (214, 212, 206), (62, 72, 104), (196, 212, 184), beard=True),
    Sitter(201805, (214, 170, 132), "curly", (72, 52, 44), (206, 108, 88), (232, 216, 196)),
    Sitter(201906, (232, 196, 170), "short", (104, 76, 52), (70, 112, 84), (214, 206, 196), beard=True),
    Sitter(201907, (210, 165, 128), "headscarf", (184, 112, 120), (56, 70, 110), (236, 212, 190)),
    Sitter(202208, (96, 62, 44), "short", (24, 20, 20), (150, 180, 210), (226, 198, 140), beard=True),
    Sitter(202209, (200, 154, 116), "long", (40, 30, 28), (40, 120, 100), (210, 200, 224)),
    Sitter(202210, (206, 162, 126), "short", (150, 146, 142), (130, 94, 70), (176, 204, 200)),
    Sitter(201811, (240, 206, 186), "long", (150, 74, 44), (204, 160, 64), (186, 206, 226)),
    Sitter(201812, (184, 134, 98), "short", (36, 28, 24), (120, 44, 54), (216, 214, 222)),
)

# data/photos/2020, January to December: (motif, palette)
# fmt: off
SCENES_2020: tuple[tuple[Motif, str], ...] = (
    ("hills", "winter"), ("castle", "winter"), ("river", "spring"), ("orchard", "spring"),
    ("fields", "spring"), ("town", "evening"), ("fields", "summer"), ("vineyard", "summer"),
    ("hills", "summer"), ("forest", "autumn"), ("skyline", "autumn"), ("town", "winter_evening"),
)
# fmt: on


def sample_portrait(month: int) -> Image.Image:
    """The sample portrait of `month` (1-12) in data/portraits/2018."""
    s = SITTERS_2018[month - 1]
    return paint_portrait(
        s.seed,
        *PORTRAIT_SIZE,
        skin=s.skin,
        hair_style=s.hair_style,
        hair_colour=s.hair_colour,
        clothing=s.clothing,
        background=s.background,
        beard=s.beard,
    )


def sample_photo(month: int) -> Image.Image:
    """The sample contest photo of `month` (1-12) in data/photos/2020."""
    motif, palette = SCENES_2020[month - 1]
    return paint_landscape(202000 + month, *PHOTO_SIZE, motif, palette=palette)


def main(argv: Sequence[str] | None = None) -> int:
    """Write all sample images below OUTDIR (``data`` reproduces the repository's files)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print("Aufruf: python -m kalender.demo AUSGABEORDNER   (z. B. data)", file=sys.stderr)
        return 2
    out = Path(args[0])
    for month, name in enumerate(MONTH_FILES, start=1):
        save_jpeg(
            sample_portrait(month), out / "portraits" / "2018" / f"{name}.jpg", quality=PORTRAIT_QUALITY
        )
        save_jpeg(sample_photo(month), out / "photos" / "2020" / f"{name}.jpg", quality=PHOTO_QUALITY)
        print(f"{name}: portraits/2018, photos/2020")
    return 0


if __name__ == "__main__":
    sys.exit(main())
