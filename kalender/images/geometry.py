"""Decode a photo, crop it upright and resample it to the placed size; resolution checks."""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageFile

from kalender.images.job import MM_PER_INCH, Box, PhotoJob, PhotoProblem, failing

# JPEG draft (DCT scaling) down to 1.25 x the target, RESAMPLE does the rest: for a 4000 px wide
# camera JPEG at 1069 px (web) decoding at 1/2 is 2.5 x faster and 52 dB PSNR from a full decode.
DRAFT_GAP = 1.25

# Bicubic (Pillow widens the kernel by the reduction, so nothing aliases): for a 24 MP photo
# placed at A3 (0.53 x) 52 dB PSNR from Lanczos, invisible in print, at two thirds of the work.
RESAMPLE = Image.Resampling.BICUBIC

# ImageOps.exif_transpose's table; it decodes the full image first, so the resampled one is turned
ORIENTATION = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}

INVERSE = {
    Image.Transpose.ROTATE_90: Image.Transpose.ROTATE_270,
    Image.Transpose.ROTATE_270: Image.Transpose.ROTATE_90,
}

SIXTEEN_BIT = "hat 16 Bit je Farbkanal; bitte als 8-Bit-Bild exportieren (JPEG, oder PNG mit 8 Bit)"

UNREADABLE = "kann nicht gelesen werden; bitte als JPEG oder PNG neu speichern"

def resampled(index: int, job: PhotoJob, data: bytes, notes: list[str]) -> tuple[Image.Image, bytes | None]:
    """The crop at the target size (never larger than its pixels), upright, alpha on white."""
    fail = failing(index, job.source)
    try:
        source = Image.open(io.BytesIO(data))
        if is_sixteen_bit(source):
            raise fail(SIXTEEN_BIT)
        icc = source.info.get("icc_profile") or None
        method = ORIENTATION.get(source.getexif().get(0x0112, 1))
        crop = checked_crop(fail, job.crop, displayed(source.size, method))
        box = stored_box(crop, source.size, method)
        size = output_size(job, box, method)
        check_ppi(fail, job, displayed(size, method), notes)
        box = _drafted(source, box, size)
        image = _workable(fail, source)
        image.load()
    except PhotoProblem:
        raise
    except (OSError, SyntaxError, ValueError, EOFError, IndexError, Image.DecompressionBombError):
        raise fail(UNREADABLE) from None  # UnidentifiedImageError and truncated files are OSErrors
    image = image.resize(size, RESAMPLE, box=box, reducing_gap=3.0)
    if method is not None:
        image = image.transpose(method)
    return _flattened(image), icc

def _drafted(image: ImageFile.ImageFile, box: Box, size: tuple[int, int]) -> Box:
    """Let a JPEG decode at 1/2, 1/4 or 1/8 in the DCT where the target is that much smaller
    (fast for big camera files); return `box` on the pixels it will decode to."""
    if image.format != "JPEG":
        return box
    scale = max(size[0] / (box[2] - box[0]), size[1] / (box[3] - box[1])) * DRAFT_GAP
    full = image.size
    image.draft(None, (math.ceil(full[0] * scale), math.ceil(full[1] * scale)))
    fx, fy = image.size[0] / full[0], image.size[1] / full[1]
    return (box[0] * fx, box[1] * fy, box[2] * fx, box[3] * fy)

def is_sixteen_bit(image: ImageFile.ImageFile) -> bool:
    """16-bit modes, and 16-bit PNG/TIFF that Pillow would silently read as 8-bit RGB."""
    if image.mode in ("I", "F") or image.mode.startswith("I;16"):
        return True
    for tile in image.tile:
        rawmode = tile.args if isinstance(tile.args, str) else (tile.args or ("",))[0]
        if isinstance(rawmode, str) and ";16" in rawmode and not rawmode.startswith("BGR"):  # BGR;16 is 5-6-5
            return True
    return False

def _workable(fail: Callable[[str], PhotoProblem], image: Image.Image) -> Image.Image:
    """A mode that resamples well: palette and bilevel images become RGB(A) or L."""
    if image.mode in ("RGB", "RGBA", "L", "LA", "CMYK"):
        return image
    if image.mode in ("P", "PA"):
        return image.convert("RGBA" if image.mode == "PA" or "transparency" in image.info else "RGB")
    if image.mode in ("1", "RGBX", "YCbCr", "La", "RGBa"):
        return image.convert({"1": "L", "La": "LA", "RGBa": "RGBA"}.get(image.mode, "RGB"))
    raise fail(f"Farbmodus {image.mode} wird nicht unterstützt; bitte als RGB-JPEG exportieren")

def _flattened(image: Image.Image) -> Image.Image:
    """Transparent parts on white paper."""
    if image.mode not in ("RGBA", "LA"):
        return image
    paper = Image.new(image.mode[0] if image.mode == "LA" else "RGB", image.size, "white")
    paper.paste(image.convert(paper.mode), mask=image.getchannel("A"))
    return paper

def displayed(size: tuple[int, int], method: Image.Transpose | None) -> tuple[int, int]:
    swap = method in (Image.Transpose.TRANSPOSE, Image.Transpose.TRANSVERSE,
                      Image.Transpose.ROTATE_90, Image.Transpose.ROTATE_270)  # fmt: skip
    return (size[1], size[0]) if swap else size

def stored_box(box: Box, stored: tuple[int, int], method: Image.Transpose | None) -> Box:
    """Map a box on the displayed image to the stored pixels (before the EXIF turn)."""
    if method is None:
        return box
    inverse = INVERSE.get(method, method)  # the flips and transposes undo themselves
    w, h = displayed(stored, method)  # the inverse is applied to the displayed image
    points = [_transposed(x, y, w, h, inverse) for x, y in ((box[0], box[1]), (box[2], box[3]))]
    xs, ys = sorted(p[0] for p in points), sorted(p[1] for p in points)
    return (xs[0], ys[0], xs[1], ys[1])

def _transposed(x: float, y: float, w: float, h: float, method: Image.Transpose) -> tuple[float, float]:
    """Where point (x, y) of a w x h image lands after Image.transpose(method)."""
    T = Image.Transpose
    return {
        T.FLIP_LEFT_RIGHT: (w - x, y),
        T.FLIP_TOP_BOTTOM: (x, h - y),
        T.ROTATE_180: (w - x, h - y),
        T.TRANSPOSE: (y, x),
        T.TRANSVERSE: (h - y, w - x),
        T.ROTATE_90: (y, w - x),  # counter-clockwise
        T.ROTATE_270: (h - y, x),
    }[method]

def checked_crop(fail: Callable[[str], PhotoProblem], crop: Box, size: tuple[int, int]) -> Box:
    """The crop, clamped where layout arithmetic strays less than a pixel outside the image."""
    left, top, right, bottom = crop
    w, h = size
    if left < -1 or top < -1 or right > w + 1 or bottom > h + 1 or right - left < 1 or bottom - top < 1:
        shown = ", ".join(f"{v:.0f}" for v in crop)
        raise fail(f"der Ausschnitt ({shown}) liegt nicht im Bild ({w}×{h} Pixel)")
    return (max(0.0, left), max(0.0, top), min(float(w), right), min(float(h), bottom))

def output_size(job: PhotoJob, stored: Box, method: Image.Transpose | None) -> tuple[int, int]:
    """Target pixels in stored orientation; the crop's own pixels where it has fewer (no upsampling)."""
    crop = (stored[2] - stored[0], stored[3] - stored[1])
    target = displayed(tuple(max(1, round(mm / MM_PER_INCH * job.ppi)) for mm in job.size_mm), method)  # type: ignore[arg-type]
    if crop[0] < target[0] or crop[1] < target[1]:
        return (max(1, round(crop[0])), max(1, round(crop[1])))
    return target

def effective_ppi(pixels: tuple[int, int], size_mm: tuple[float, float]) -> float:
    return min(pixels[0] / size_mm[0], pixels[1] / size_mm[1]) * MM_PER_INCH

def check_ppi(
    fail: Callable[[str], PhotoProblem], job: PhotoJob, size: tuple[int, int], notes: list[str]
) -> None:
    """Below the job's ppi a warning, below half of it an error (print: 300 and 150 ppi)."""
    ppi = effective_ppi(size, job.size_mm)
    medium = "den Druck" if job.mode == "print" else "die Bildschirmfassung"
    if round(ppi) < job.ppi / 2:
        raise fail(f"nur {ppi:.0f} ppi; für {medium} sind mindestens {job.ppi / 2:.0f} ppi nötig "
                   f"und {job.ppi:.0f} empfohlen – bitte das Foto in höherer Auflösung liefern")  # fmt: skip
    if round(ppi) < job.ppi:
        notes.append(f"nur {ppi:.0f} ppi; für {medium} sind {job.ppi:.0f} ppi empfohlen")

def displayed_size(path: Path) -> tuple[int, int]:
    """The pixel size of the image as shown (after its EXIF orientation), without decoding it."""
    with Image.open(path) as image:
        return displayed(image.size, ORIENTATION.get(image.getexif().get(0x0112, 1)))
