"""Paint fictional sample portraits and landscapes for kalender's demo data, with Pillow only.

Contract: every painter returns an RGB image of exactly the requested size, and the same
arguments give the same pixels (all randomness comes from ``random.Random(seed)``). Nothing is
downloaded and no real person is depicted: the portraits are flat illustrations.
``python -m kalender.demo OUTDIR`` writes OUTDIR/portraits/2018/*.jpg and
OUTDIR/photos/2020/*.jpg; ``python -m kalender.demo data`` reproduces the repository's images.

The package: painting (shared helpers), portrait, scenery (landscape building blocks),
landscape (the motifs), samples (the repository's images and ``main``). This module re-exports
the public API.
"""

from kalender.demo.landscape import MOTIFS, Motif, paint_landscape
from kalender.demo.painting import GRAIN, SCALE, Colour, finish
from kalender.demo.portrait import FACE_Y, HairStyle, paint_portrait
from kalender.demo.samples import (
    MONTH_FILES,
    PHOTO_QUALITY,
    PHOTO_SIZE,
    PORTRAIT_QUALITY,
    PORTRAIT_SIZE,
    SCENES_2020,
    SITTERS_2018,
    Sitter,
    main,
    sample_photo,
    sample_portrait,
    save_jpeg,
)
from kalender.demo.scenery import PALETTES, Palette

__all__ = [
    "FACE_Y",
    "GRAIN",
    "MONTH_FILES",
    "MOTIFS",
    "PALETTES",
    "PHOTO_QUALITY",
    "PHOTO_SIZE",
    "PORTRAIT_QUALITY",
    "PORTRAIT_SIZE",
    "SCALE",
    "SCENES_2020",
    "SITTERS_2018",
    "Colour",
    "HairStyle",
    "Motif",
    "Palette",
    "Sitter",
    "finish",
    "main",
    "paint_landscape",
    "paint_portrait",
    "sample_photo",
    "sample_portrait",
    "save_jpeg",
]
