"""The building blocks of a landscape: palettes, the scene canvas, sky, ridges, trees and houses.

Contract: every block paints onto ``Scene.draw`` in place (fractions of the canvas where named so)
and draws its randomness from ``Scene.rng`` only; ``paint_sky`` returns a new image of `size`.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image, ImageDraw

from kalender.demo.painting import Box, Colour, Point, gradient, mix, shade, soft_mask, tint


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
