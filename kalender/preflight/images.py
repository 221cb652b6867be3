"""Decode image pixels into ink, and find the highest total area coverage in an image or part of it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pikepdf

if TYPE_CHECKING:
    import numpy as np

from kalender.preflight.colourspace import PROCESS, Space, ink
from kalender.preflight.content import Placement
from kalender.preflight.pixels import SPOT, ImagePixels, ink_memory, jpeg_samples

__all__ = ["ImagePixels", "decode", "ink_memory"]


def decode(placement: Placement) -> ImagePixels | str:
    """The image's ink, or a German reason why it cannot be measured."""
    import numpy as np
    space, info = placement.space, placement.info
    if space is None or space.model not in ("CMYK", "Gray", "Colorants", "Indexed"):
        return f"Farbraum {space.label if space else 'Maske'}"
    if space.model == "Indexed" and (space.base is None or space.base.model not in ("CMYK", "Gray")):
        return f"Farbraum {space.label}"
    try:
        samples = _samples(placement.image, info, space)
    except (pikepdf.PdfError, OSError, ValueError) as exc:
        return f"nicht dekodierbar: {exc}"
    if samples is None:
        return "Bildformat nicht unterstützt (nur 8 Bit, JPEG oder Flate)"
    raw, inverted = samples
    if space.model == "Indexed":
        return _indexed(raw, space)
    flips = _flips(info, space, raw.shape[2], inverted)
    if flips is None:
        return "ungewöhnliches /Decode"
    if any(flips):
        raw = raw.copy()
        for channel in np.flatnonzero(flips):
            raw[:, :, channel] = 255 - raw[:, :, channel]
    return ImagePixels(raw, _plates(space))


def _flips(info: Any, space: Space, channels: int, inverted: bool) -> list[bool] | None:
    """Per channel: must samples be turned round (255 − v) to read as ink? None for odd /Decode."""
    decode = [float(v) for v in info.get("/Decode", [])] or [0.0, 1.0] * channels
    flips = []
    for low, high in zip(decode[0::2], decode[1::2], strict=False):
        if (low, high) not in ((0.0, 1.0), (1.0, 0.0)):
            return None
        # Decode [1 0] inverts, Pillow's CMYK;I inverts, and grey is ink where it is dark.
        flips.append(((low, high) == (1.0, 0.0)) ^ inverted ^ (space.model == "Gray"))
    return flips


def _plates(space: Space) -> tuple[int, ...]:
    if space.model == "CMYK":
        return (0, 1, 2, 3)
    if space.model == "Gray":
        return (3,)
    return tuple(PROCESS.get(name, SPOT) for name in space.colorants)


def _indexed(raw: np.ndarray, space: Space) -> ImagePixels:
    import numpy as np
    palette = np.zeros((256, 4), dtype=np.uint8)
    for index in range(256):
        plates = ink(space, (index,))
        if plates is not None:
            palette[index] = [round(v * 255) for v in plates[:4]]
    return ImagePixels(palette[raw[:, :, 0]], (0, 1, 2, 3))


def _samples(image: Any, info: Any, space: Space) -> tuple[np.ndarray, bool] | None:
    """Samples as uint8 (height, width, channels), and whether Pillow inverted them."""
    import numpy as np
    bpc = int(info.get("/BitsPerComponent", 8))
    filters: Any = info.get("/Filter", [])
    last = str(filters[-1] if isinstance(filters, pikepdf.Array) and len(filters) else filters)
    if last in ("/DCTDecode", "/DCT"):
        return jpeg_samples(_jpeg_bytes(image, info))
    if last in ("/JPXDecode", "/JBIG2Decode", "/CCITTFaxDecode") or bpc != 8:
        return None
    data = image.read_bytes()
    channels = 1 if space.model == "Indexed" else space.n
    width, height = int(info.Width), int(info.Height)
    if len(data) < width * height * channels:
        raise ValueError("zu wenige Bilddaten")
    pixels = np.frombuffer(data, dtype=np.uint8, count=width * height * channels)
    return pixels.reshape(height, width, channels), False


def _jpeg_bytes(image: Any, info: Any) -> bytes:
    """The JPEG file inside the stream: qpdf leaves DCT alone, but filters before it are undone."""
    if isinstance(image, pikepdf.PdfInlineImage):
        return bytes(image.read_bytes())
    filters: Any = info.get("/Filter")
    if not isinstance(filters, pikepdf.Array) or len(filters) == 1:
        return bytes(image.read_raw_bytes())
    # e.g. [/ASCII85Decode /DCTDecode]: a stream with all filters but the last decodes to the JPEG.
    with pikepdf.new() as scratch:
        outer = scratch.make_stream(image.read_raw_bytes())
        outer[pikepdf.Name.Filter] = pikepdf.Array(list(filters)[:-1])
        parms = info.get("/DecodeParms")
        if isinstance(parms, pikepdf.Array):
            outer[pikepdf.Name.DecodeParms] = pikepdf.Array(list(parms)[:-1])
        return bytes(outer.read_bytes())
