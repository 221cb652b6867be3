"""Shared drawing helpers for the demo painters: colours, gradients, masks, grain, supersampling.

Contract: painters draw at SCALE times the final size and call ``finish`` to downsample and add
film grain; every helper is deterministic for a given ``random.Random`` and never touches files.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

from PIL import Image, ImageChops, ImageDraw, ImageFilter

Colour = tuple[int, int, int]
Point = tuple[float, float]
Box = tuple[float, float, float, float]

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
