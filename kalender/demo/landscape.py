"""Compose a stylised Main-Taunus landscape: ``paint_landscape`` and its nine MOTIFS.

Contract: ``paint_landscape`` returns an RGB image of exactly the requested size; the same seed,
motif and palette give the same pixels. Each motif paints one foreground onto a ``Scene``.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable, Sequence
from typing import Literal

from PIL import Image, ImageDraw

from kalender.demo.painting import SCALE, Colour, finish, mix, mottle, shade
from kalender.demo.scenery import (
    PALETTES,
    Scene,
    backdrop,
    church,
    conifer,
    crest_y,
    house,
    paint_sky,
    paint_winding,
    ridge,
    round_tree,
    tree_row,
)

Motif = Literal["hills", "orchard", "river", "town", "skyline", "vineyard", "forest", "fields", "castle"]


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
