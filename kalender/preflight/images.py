"""Decode image pixels into ink, and find the highest total area coverage in an image or part of it."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pikepdf
from PIL import Image

if TYPE_CHECKING:
    import numpy as np

from kalender.preflight.colourspace import PROCESS, Ink, Space, ink
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
    raw, inverted = _jpeg(jpeg)
    if not inverted or raw.shape[2] != 4:
        raise ValueError("not an Adobe CMYK JPEG")
    return ImagePixels(raw, (0, 1, 2, 3)).percent()  # Decode [1 0] undoes the Adobe inversion


def remember_cmyk_jpeg(jpeg: bytes, percent: float) -> None:
    """Keep `percent`, measured by measure_cmyk_jpeg, where the ink check will look: the photo
    stage measures each photo it makes anyway, in parallel, and the check need not decode them
    all again one by one."""
    from kalender.cache import store

    store(ink_memory(jpeg, (1.0, 0.0) * 4, "DeviceCMYK"), percent)


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
        return _jpeg(_jpeg_bytes(image, info))
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


def _jpeg(data: bytes) -> tuple[np.ndarray, bool]:
    import numpy as np
    with Image.open(io.BytesIO(data)) as im:
        # Pillow inverts CMYK JPEGs ("CMYK;I", the Adobe convention); the PDF's DCTDecode does
        # not, a /Decode array does that there. Report Pillow's step so the caller can undo it.
        args: Any = im.tile[0].args if im.tile else ()
        inverted = bool(args) and args[0] == "CMYK;I"
        pixels = np.asarray(im)
    return (pixels[:, :, None] if pixels.ndim == 2 else pixels), inverted
