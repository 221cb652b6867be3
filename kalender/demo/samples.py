"""The repository's sample images: who and what each month shows, and writing them as JPEGs.

Contract: ``sample_portrait(m)`` and ``sample_photo(m)`` paint the image of month `m` (1-12) in
data/portraits/2018 and data/photos/2020; ``main([OUTDIR])`` writes all 24 below OUTDIR.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms

from kalender import german
from kalender.demo.landscape import Motif, paint_landscape
from kalender.demo.painting import Colour
from kalender.demo.portrait import HairStyle, paint_portrait

MONTH_FILES = tuple(f"{i:02d}-{name}" for i, name in enumerate(german.MONTH_FILES, start=1))
PORTRAIT_SIZE, PORTRAIT_QUALITY = (2400, 2700), 88
PHOTO_SIZE, PHOTO_QUALITY = (3000, 2000), 85


def save_jpeg(image: Image.Image, path: Path | str, dpi: int = 300, quality: int = 90) -> None:
    """Write `image` as a baseline JPEG with an embedded sRGB ICC profile and `dpi` metadata."""
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    image.convert("RGB").save(path, "JPEG", quality=quality, dpi=(dpi, dpi), icc_profile=icc, optimize=True)


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
