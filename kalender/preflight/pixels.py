"""Ink in decoded pixels: the highest total area coverage of an image or part of it, and the
measurement of a CMYK JPEG that the photo stage makes and the ink check finds again.

Light on purpose (Pillow and numpy, no PDF library): the photo workers import it.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PIL import Image

if TYPE_CHECKING:
    import numpy as np

    from kalender.preflight.colourspace import Ink
    from kalender.preflight.content import Placement
    from kalender.preflight.objects import Box

NOISE = 0.0001  # the darkest 0.01 % of pixels are JPEG ringing, not ink the press lays down
SPOT = 4  # plate index for spot colours in an Ink tuple
INK_MEMORY_VERSION = 2  # raise when percent() measures differently: part of the cache names


@dataclass(frozen=True)
class ImagePixels:
    """Ink per pixel and channel, 0 (paper) to 255 (solid), and the plate each channel prints on."""

    ink: np.ndarray  # uint8 (height, width, channels)
    plates: tuple[int, ...]  # 0..3 for C, M, Y, K, SPOT for a spot colour

    def percent(self, region: tuple[int, int, int, int] | None = None, over: Ink | None = None) -> float:
        """Highest total ink (all but the NOISE share of pixels lie below) in `region` (rows, columns),
        with the plates an overprinting colour `over` paints replaced by that colour."""
        import numpy as np
        pixels = self.ink if region is None else self.ink[region[0] : region[1], region[2] : region[3]]
        if pixels.size == 0:
            return 0.0
        replaced = [p < SPOT and over is not None and over[p] > 0 for p in self.plates]
        total = np.zeros(pixels.shape[:2], dtype=np.uint16)
        for channel, skip in enumerate(replaced):
            if not skip:  # channel by channel: five times faster than sum(axis=2)
                total += pixels[:, :, channel]
        counts = np.bincount(total.ravel(), minlength=1)
        cumulative = np.cumsum(counts)
        level = int(np.searchsorted(cumulative, (1 - NOISE) * cumulative[-1]))
        # The overprinting colour's plates are all counted: those it replaces, and its spot ink.
        return 100 * level / 255 + (100 * sum(over) if over is not None else 0.0)

    def region(self, placement: Placement, box: Box) -> tuple[int, int, int, int] | None:
        """The pixel rows and columns a page-space box covers, or None if it misses the image."""
        import numpy as np
        height, width = self.ink.shape[:2]
        inverse = placement.ctm.inverse()
        corners = [inverse.transform((x, y)) for x in (box[0], box[2]) for y in (box[1], box[3])]
        us, vs = [c[0] for c in corners], [c[1] for c in corners]
        if max(us) <= 0 or min(us) >= 1 or max(vs) <= 0 or min(vs) >= 1:
            return None
        # The image's first row is at the top of its unit square (v = 1).
        rows = (int(max(0.0, 1 - max(vs)) * height), int(np.ceil(min(1.0, 1 - min(vs)) * height)))
        columns = (int(max(0.0, min(us)) * width), int(np.ceil(min(1.0, max(us)) * width)))
        return rows[0], rows[1], columns[0], columns[1]


def ink_memory(stream: bytes, decode: tuple[float, ...], space: str) -> str:
    """The cache name under which the highest ink of an image stream is kept: its raw bytes,
    /Decode and colour space decide what the pixels mean."""
    digest = hashlib.sha256(stream)
    digest.update(repr((tuple(float(v) for v in decode), space)).encode())
    return f"ink/{INK_MEMORY_VERSION}-{digest.hexdigest()}.pickle"


def measure_cmyk_jpeg(jpeg: bytes) -> float:
    """The highest ink of a CMYK JPEG (Adobe convention) as a PDF shows it with /Decode
    [1 0 1 0 1 0 1 0] in DeviceCMYK, the way ReportLab embeds it."""
    raw, inverted = jpeg_samples(jpeg)
    if not inverted or raw.shape[2] != 4:
        raise ValueError("not an Adobe CMYK JPEG")
    return ImagePixels(raw, (0, 1, 2, 3)).percent()  # Decode [1 0] undoes the Adobe inversion


def remember_cmyk_jpeg(jpeg: bytes, percent: float) -> None:
    """Keep `percent`, measured by measure_cmyk_jpeg, where the ink check will look: the photo
    stage measures each photo it makes anyway, in parallel, and the check need not decode them
    all again one by one."""
    from kalender.cache import store

    store(ink_memory(jpeg, (1.0, 0.0) * 4, "DeviceCMYK"), percent)


def jpeg_samples(data: bytes) -> tuple[np.ndarray, bool]:
    import numpy as np
    with Image.open(io.BytesIO(data)) as im:
        # Pillow inverts CMYK JPEGs ("CMYK;I", the Adobe convention); the PDF's DCTDecode does
        # not, a /Decode array does that there. Report Pillow's step so the caller can undo it.
        args: Any = im.tile[0].args if im.tile else ()
        inverted = bool(args) and args[0] == "CMYK;I"
        pixels = np.asarray(im)
    return (pixels[:, :, None] if pixels.ndim == 2 else pixels), inverted
