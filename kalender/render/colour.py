"""Colour conversion for the web edition: the print colours as the output profile shows them."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageCms

CMYK = tuple[float, float, float, float]


def cmyk_to_rgb(profile: Path) -> Callable[[CMYK], tuple[float, float, float]]:
    """A function from CMYK percentages to sRGB 0..1 through `profile` (relative colorimetric)."""
    transform = ImageCms.buildTransform(
        ImageCms.getOpenProfile(str(profile)), ImageCms.createProfile("sRGB"), "CMYK", "RGB",
        renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
    )  # fmt: skip

    @lru_cache(maxsize=256)
    def convert(colour: CMYK) -> tuple[float, float, float]:
        pixel = Image.new("CMYK", (1, 1), tuple(round(v * 2.55) for v in colour))  # type: ignore[arg-type]
        r, g, b = ImageCms.applyTransform(pixel, transform).getpixel((0, 0))  # type: ignore[misc,union-attr]
        return r / 255, g / 255, b / 255

    return convert
