"""Colour: through ICC profiles to the press (CMYK, ink capped) or the screen (sRGB)."""

from __future__ import annotations

import io
import math
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, ImageCms

if TYPE_CHECKING:
    import numpy as np

# Cap 1.5 % below the limit: JPEG error (quality 85) lifts the decoded totals of dark, grainy
# photos by up to 4.5 % at the 99.99th percentile that a preflight reads; the rare photo that
# still ends above the limit is capped lower and encoded again.
INK_HEADROOM = 0.015

# Relative colorimetric with black point compensation, as Adobe's "Europe Prepress 3": colours
# inside the press gamut (skin, sky) stay exact, and BPC keeps shadow detail that plain
# relative colorimetric clips. FOGRA39L's perceptual tables give the same result as colorimetric
# without BPC here (sRGB 0, 8 and 16 all print as L* 9.4; with BPC 10.2, 11.0, 12.2).
INTENT = ImageCms.Intent.RELATIVE_COLORIMETRIC

FLAGS = ImageCms.Flags.BLACKPOINTCOMPENSATION

NO_PROFILE = "kein Farbprofil eingebettet; sRGB angenommen"

BAD_PROFILE = "eingebettetes Farbprofil ist unbrauchbar; sRGB angenommen"

def to_print(image: Image.Image, icc: bytes | None, output: Path, notes: list[str]) -> Image.Image:
    """CMYK in the output condition of `output` (CMYK without a profile is taken as already in it)."""
    out = output.read_bytes()
    if image.mode == "CMYK":
        if icc is None:
            notes.append("kein Farbprofil eingebettet; CMYK-Werte unverändert für "
                         f"{_description(out)} übernommen")  # fmt: skip
            return image
        if icc == out:
            return image
    return _convert(image, icc, out, "CMYK", notes)

def to_web(
    image: Image.Image, icc: bytes | None, assumed_cmyk: Path | None, notes: list[str]
) -> Image.Image:
    """sRGB; CMYK without a profile is read as `assumed_cmyk`, or converted naively without one."""
    if image.mode == "CMYK" and icc is None:
        if assumed_cmyk is None:
            notes.append("kein Farbprofil eingebettet; CMYK-Farben nur ungefähr umgerechnet")
            return image.convert("RGB")
        icc = assumed_cmyk.read_bytes()
        notes.append(f"kein Farbprofil eingebettet; {_description(icc)} angenommen")
    elif image.mode != "CMYK" and icc is None:
        notes.append(NO_PROFILE)
        return image.convert("RGB")
    return _convert(image, icc, None, "RGB", notes)

def _convert(
    image: Image.Image, icc: bytes | None, out: bytes | None, mode: str, notes: list[str]
) -> Image.Image:
    """Through the source profile (sRGB when missing or unusable) to `out` (None: sRGB)."""
    if icc is not None:
        try:
            return transform(icc, out, image.mode, mode).apply(image)
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            if image.mode == "CMYK":
                notes.append("eingebettetes Farbprofil ist unbrauchbar; CMYK-Werte unverändert übernommen")
                return image if mode == "CMYK" else image.convert("RGB")
            notes.append(BAD_PROFILE)
    else:
        notes.append(NO_PROFILE)
    if image.mode != "RGB":  # greyscale without a profile is read as sRGB grey
        image = image.convert("RGB")
    return transform(None, out, "RGB", mode).apply(image)

@lru_cache(maxsize=16)
def transform(
    source: bytes | None, out: bytes | None, in_mode: str, out_mode: str
) -> ImageCms.ImageCmsTransform:
    """A colour transform, built once per worker (from bytes: None is sRGB)."""

    def profile(data: bytes | None) -> ImageCms.ImageCmsProfile:
        return ImageCms.ImageCmsProfile(io.BytesIO(data) if data else ImageCms.createProfile("sRGB"))

    expected = {"RGB": "RGB", "L": "GRAY", "CMYK": "CMYK"}[in_mode]
    if source is not None and profile(source).profile.xcolor_space.strip() != expected:
        raise ValueError("profile does not match the image mode")
    return ImageCms.buildTransform(profile(source), profile(out), in_mode, out_mode, INTENT, flags=FLAGS)

def _description(icc: bytes) -> str:
    return ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(icc))).strip()

def limit_ink(image: Image.Image, limit: float, headroom: float = INK_HEADROOM) -> Image.Image:
    """Where C+M+Y+K exceeds `limit` percent less `headroom`, scale C, M and Y down to it; K stays."""
    import numpy as np

    target = math.floor(limit * (1 - headroom) * 255 / 100)  # an integer: no float copy of the sums
    bands = [np.asarray(band) for band in image.split()]
    total = _ink_sums(bands)
    over = total > target
    if not over.any():
        return image
    k = bands[3][over].astype(np.float32)
    factor = np.clip((target - k) / np.maximum(total[over] - k, 1), 0, 1)
    scaled = []
    for band in bands[:3]:
        band = band.copy()
        band[over] = np.floor(band[over] * factor).astype(np.uint8)  # floor: the sum stays at or below
        scaled.append(Image.fromarray(band))
    return Image.merge("CMYK", [*scaled, image.getchannel("K")])

def print_jpeg(image: Image.Image, limit: float, quality: int, ppi: float) -> tuple[bytes, float]:
    """The CMYK JPEG, ink capped, and its highest ink measured as the preflight measures it (after
    JPEG error, the darkest 0.01 % of pixels ignored as ringing); above `limit`, cap lower and
    encode again."""
    from kalender.preflight.pixels import measure_cmyk_jpeg

    headroom = INK_HEADROOM
    for _ in range(4):
        buffer = io.BytesIO()  # no ICC inside: the PDF/X output intent declares the condition
        limit_ink(image, limit, headroom).save(buffer, "JPEG", quality=quality, dpi=(ppi, ppi))
        jpeg = buffer.getvalue()
        percent = measure_cmyk_jpeg(jpeg)
        if percent <= limit:
            break
        headroom += (percent - limit) / limit + 0.005
    return jpeg, percent

def _ink_sums(bands: list[np.ndarray]) -> np.ndarray:
    """C+M+Y+K per pixel in 1/255 steps, band by band (five times faster than sum(axis=2))."""
    total = bands[0].astype("uint16")
    for band in bands[1:]:
        total += band
    return total

def cmyk_jpeg_inverted(path: Path) -> bool:
    """Whether the JPEG at `path` is Adobe-style CMYK: stored inverted (0 = full ink), so a PDF must
    declare it with /Decode [1 0 1 0 1 0 1 0]. Pillow writes every CMYK JPEG this way (an APP14
    "Adobe" segment and inverted values) and inverts them back on reading. ReportLab's JPEG
    loader (drawImage with a path) already sets that /Decode for every 4-channel JPEG."""
    adobe, components = False, 0
    with open(path, "rb") as handle:
        if handle.read(2) != b"\xff\xd8":
            return False
        while True:
            head = handle.read(4)
            if len(head) < 4 or head[0] != 0xFF or head[1] == 0xDA:  # start of scan: headers are done
                break
            length = int.from_bytes(head[2:4], "big") - 2
            segment = handle.read(length)
            if head[1] == 0xEE and segment.startswith(b"Adobe"):
                adobe = True
            elif head[1] in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
                components = segment[5] if len(segment) > 5 else 0
    return adobe and components == 4
