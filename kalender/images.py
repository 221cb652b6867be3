"""Turn source photos into print-ready (CMYK) or web (sRGB) JPEGs of the placed size, cached."""

from __future__ import annotations

import hashlib
import io
import json
import math
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PIL import Image, ImageCms, ImageFile

from kalender.cache import cache_dir, cached, store

if TYPE_CHECKING:
    import numpy as np

PIPELINE_VERSION = 3  # raise when the output for the same input changes: it is part of the cache key
PRINT_PPI, WEB_PPI = 300.0, 150.0
MM_PER_INCH = 25.4
# Cap 1.5 % below the limit: JPEG error (quality 85) lifts the decoded totals of dark, grainy
# photos by up to 4.5 % at the 99.99th percentile that a preflight reads; the rare photo that
# still ends above the limit is capped lower and encoded again.
INK_HEADROOM = 0.015
# JPEG draft (DCT scaling) down to 1.25 x the target, RESAMPLE does the rest: for a 4000 px wide
# camera JPEG at 1069 px (web) decoding at 1/2 is 2.5 x faster and 52 dB PSNR from a full decode.
DRAFT_GAP = 1.25
# Bicubic (Pillow widens the kernel by the reduction, so nothing aliases): for a 24 MP photo
# placed at A3 (0.53 x) 52 dB PSNR from Lanczos, invisible in print, at two thirds of the work.
RESAMPLE = Image.Resampling.BICUBIC
# Relative colorimetric with black point compensation, as Adobe's "Europe Prepress 3": colours
# inside the press gamut (skin, sky) stay exact, and BPC keeps shadow detail that plain
# relative colorimetric clips. FOGRA39L's perceptual tables give the same result as colorimetric
# without BPC here (sRGB 0, 8 and 16 all print as L* 9.4; with BPC 10.2, 11.0, 12.2).
INTENT = ImageCms.Intent.RELATIVE_COLORIMETRIC
FLAGS = ImageCms.Flags.BLACKPOINTCOMPENSATION
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
NO_PROFILE = "kein Farbprofil eingebettet; sRGB angenommen"
BAD_PROFILE = "eingebettetes Farbprofil ist unbrauchbar; sRGB angenommen"
Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class PhotoJob:
    """One picture to prepare: the visible part `crop` of `source`, placed at `size_mm`.

    `mode` "print" converts to CMYK through `profile` and caps the ink at `ink_limit` percent;
    "web" converts to sRGB (there `profile`, if given, is assumed for CMYK sources without one).
    """

    source: Path
    crop: Box  # left, top, right, bottom in source pixels of the image as displayed (EXIF orientation)
    size_mm: tuple[float, float]
    mode: str
    ppi: float = PRINT_PPI
    profile: Path | None = None
    ink_limit: float = 300.0
    quality: int = 90

    def __post_init__(self) -> None:
        if self.mode not in ("print", "web"):
            raise ValueError(f"mode must be 'print' or 'web', not {self.mode!r}")
        if self.mode == "print" and self.profile is None:
            raise ValueError("a print job needs the output profile")


@dataclass(frozen=True)
class PreparedPhoto:
    """A prepared photo; `warnings` are German and name the source file."""

    path: Path  # the JPEG to embed as-is (in the cache); print: Adobe CMYK, see cmyk_jpeg_inverted
    pixels: tuple[int, int]
    ppi: float  # effective resolution at the placed size
    warnings: tuple[str, ...]


class PhotoProblem(Exception):
    """A photo that cannot be used; `message` is German and names the file."""

    def __init__(self, index: int, message: str) -> None:
        super().__init__(index, message)  # both in args: the exception crosses process boundaries
        self.index, self.message = index, message

    def __str__(self) -> str:
        return self.message


def prepare_photos(
    jobs: list[PhotoJob], workers: int | None = None, progress: Callable[[str], None] | None = None
) -> tuple[list[PreparedPhoto | None], list[tuple[int, str]]]:
    """Prepare every job (cache hits first, the rest in parallel); return the results and the
    (job index, German message) of each job that failed, so all problems are reported at once."""
    results: list[PreparedPhoto | None] = [None] * len(jobs)
    failures: list[tuple[int, str]] = []
    todo: dict[str, list[int]] = {}  # cache key -> the jobs it serves (the same photo may be placed twice)
    folder = cache_dir() / "photos"
    digests = _SourceDigests(folder)
    for index, job in enumerate(jobs):
        try:
            key = _cache_key(job, digests(index, job.source))
        except PhotoProblem as problem:
            failures.append((index, problem.message))
            continue
        hit = _load_cached(folder, key, job.source)
        if hit is not None:
            results[index] = hit
        else:
            todo.setdefault(key, []).append(index)
    for indices, outcome in _run_all(jobs, list(todo.values()), folder, workers, progress or (lambda _: None)):
        for index in indices:
            if isinstance(outcome, PhotoProblem):
                failures.append((index, outcome.message))
            else:
                results[index] = outcome
    digests.save()
    return results, sorted(failures)


def _run_all(
    jobs: list[PhotoJob], groups: list[list[int]], folder: Path, workers: int | None,
    progress: Callable[[str], None],
) -> list[tuple[list[int], PreparedPhoto | PhotoProblem]]:  # fmt: skip
    count = min(workers or os.cpu_count() or 1, len(groups))

    def report(done: int) -> None:
        progress(f"Fotos vorbereiten: {done} von {len(groups)} …")

    if count <= 1:  # a pool costs ~50 ms to start: not worth it for one photo
        results = []
        for done, g in enumerate(groups, start=1):
            results.append((g, _outcome(prepare_photo, g[0], jobs[g[0]], folder)))
            report(done)
        return results
    from concurrent.futures import ProcessPoolExecutor, as_completed  # here and below: a build that only
    # hits the cache imports neither multiprocessing nor numpy (~0.1 s)

    with ProcessPoolExecutor(max_workers=count) as pool:
        futures = [(g, pool.submit(_outcome, prepare_photo, g[0], jobs[g[0]], folder)) for g in groups]
        report(0)
        for done, _ in enumerate(as_completed(f for _, f in futures), start=1):
            report(done)
        return [(g, future.result()) for g, future in futures]


def _outcome(
    work: Callable[[int, PhotoJob, Path], PreparedPhoto], index: int, job: PhotoJob, folder: Path
) -> PreparedPhoto | PhotoProblem:
    try:
        return work(index, job, folder)
    except PhotoProblem as problem:  # anything else is a bug and keeps its traceback
        return problem


def prepare_photo(index: int, job: PhotoJob, folder: Path) -> PreparedPhoto:
    """Decode, crop, resample, convert and cache one photo; raise PhotoProblem if it cannot be used."""
    data = _read(index, job.source)
    key = _cache_key(job, hashlib.sha256(data).hexdigest())  # the bytes decoded, even if the file changed
    notes: list[str] = []
    image, icc = _resampled(index, job, data, notes)
    del data
    ppi = _effective_ppi(image.size, job.size_mm)
    if job.mode == "print":
        image = _to_print(image, icc, job.profile, notes)  # type: ignore[arg-type]
        jpeg, ink = _print_jpeg(image, job.ink_limit, job.quality, ppi)
        from kalender.preflight.images import remember_cmyk_jpeg

        remember_cmyk_jpeg(jpeg, ink)  # the build's preflight finds it instead of decoding again

        def write(path: Path) -> None:
            path.write_bytes(jpeg)
    else:
        image = _to_web(image, icc, job.profile, notes)
        from kalender.demo import save_jpeg

        def write(path: Path) -> None:
            save_jpeg(image, path, dpi=round(ppi), quality=job.quality)

    path = _store(index, folder, key, write, {"pixels": image.size, "ppi": ppi, "warnings": notes})
    return PreparedPhoto(path, image.size, ppi, _named(job.source, notes))


def inspect_photo(job: PhotoJob) -> list[str]:
    """What the photo stage would say about `job`, from the file's header alone (no decoding):
    raises PhotoProblem for an unusable photo, returns the German warnings (low resolution)."""
    notes: list[str] = []
    fail = _failing(0, job.source)
    with _reading(0, job.source):
        try:
            with Image.open(job.source) as source:
                if _is_sixteen_bit(source):
                    raise fail(SIXTEEN_BIT)
                if source.mode not in ("RGB", "RGBA", "L", "LA", "CMYK", "P", "PA", "1", "RGBX", "YCbCr"):
                    raise fail(f"Farbmodus {source.mode} wird nicht unterstützt; bitte als RGB-JPEG exportieren")
                method = ORIENTATION.get(source.getexif().get(0x0112, 1))
                crop = _checked_crop(fail, job.crop, _displayed(source.size, method))
                size = _output_size(job, _stored_box(crop, source.size, method), method)
                _check_ppi(fail, job, _displayed(size, method), notes)
                if source.mode != "CMYK" and not source.info.get("icc_profile"):
                    notes.append(NO_PROFILE)
        except PhotoProblem:
            raise
        except (OSError, SyntaxError, ValueError, EOFError, IndexError, Image.DecompressionBombError):
            raise fail(UNREADABLE) from None
    return list(_named(job.source, notes))


# --- decoding and resampling -----------------------------------------------------------------


def _resampled(index: int, job: PhotoJob, data: bytes, notes: list[str]) -> tuple[Image.Image, bytes | None]:
    """The crop at the target size (never larger than its pixels), upright, alpha on white."""
    fail = _failing(index, job.source)
    try:
        source = Image.open(io.BytesIO(data))
        if _is_sixteen_bit(source):
            raise fail(SIXTEEN_BIT)
        icc = source.info.get("icc_profile") or None
        method = ORIENTATION.get(source.getexif().get(0x0112, 1))
        crop = _checked_crop(fail, job.crop, _displayed(source.size, method))
        box = _stored_box(crop, source.size, method)
        size = _output_size(job, box, method)
        _check_ppi(fail, job, _displayed(size, method), notes)
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


def _is_sixteen_bit(image: ImageFile.ImageFile) -> bool:
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


def _displayed(size: tuple[int, int], method: Image.Transpose | None) -> tuple[int, int]:
    swap = method in (Image.Transpose.TRANSPOSE, Image.Transpose.TRANSVERSE,
                      Image.Transpose.ROTATE_90, Image.Transpose.ROTATE_270)  # fmt: skip
    return (size[1], size[0]) if swap else size


def _stored_box(box: Box, stored: tuple[int, int], method: Image.Transpose | None) -> Box:
    """Map a box on the displayed image to the stored pixels (before the EXIF turn)."""
    if method is None:
        return box
    inverse = INVERSE.get(method, method)  # the flips and transposes undo themselves
    w, h = _displayed(stored, method)  # the inverse is applied to the displayed image
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


def _checked_crop(fail: Callable[[str], PhotoProblem], crop: Box, size: tuple[int, int]) -> Box:
    """The crop, clamped where layout arithmetic strays less than a pixel outside the image."""
    left, top, right, bottom = crop
    w, h = size
    if left < -1 or top < -1 or right > w + 1 or bottom > h + 1 or right - left < 1 or bottom - top < 1:
        shown = ", ".join(f"{v:.0f}" for v in crop)
        raise fail(f"der Ausschnitt ({shown}) liegt nicht im Bild ({w}×{h} Pixel)")
    return (max(0.0, left), max(0.0, top), min(float(w), right), min(float(h), bottom))


def _output_size(job: PhotoJob, stored: Box, method: Image.Transpose | None) -> tuple[int, int]:
    """Target pixels in stored orientation; the crop's own pixels where it has fewer (no upsampling)."""
    crop = (stored[2] - stored[0], stored[3] - stored[1])
    target = _displayed(tuple(max(1, round(mm / MM_PER_INCH * job.ppi)) for mm in job.size_mm), method)  # type: ignore[arg-type]
    if crop[0] < target[0] or crop[1] < target[1]:
        return (max(1, round(crop[0])), max(1, round(crop[1])))
    return target


def _effective_ppi(pixels: tuple[int, int], size_mm: tuple[float, float]) -> float:
    return min(pixels[0] / size_mm[0], pixels[1] / size_mm[1]) * MM_PER_INCH


def _check_ppi(
    fail: Callable[[str], PhotoProblem], job: PhotoJob, size: tuple[int, int], notes: list[str]
) -> None:
    """Below the job's ppi a warning, below half of it an error (print: 300 and 150 ppi)."""
    ppi = _effective_ppi(size, job.size_mm)
    medium = "den Druck" if job.mode == "print" else "die Bildschirmfassung"
    if round(ppi) < job.ppi / 2:
        raise fail(f"nur {ppi:.0f} ppi; für {medium} sind mindestens {job.ppi / 2:.0f} ppi nötig "
                   f"und {job.ppi:.0f} empfohlen – bitte das Foto in höherer Auflösung liefern")  # fmt: skip
    if round(ppi) < job.ppi:
        notes.append(f"nur {ppi:.0f} ppi; für {medium} sind {job.ppi:.0f} ppi empfohlen")


# --- colour ----------------------------------------------------------------------------------


def _to_print(image: Image.Image, icc: bytes | None, output: Path, notes: list[str]) -> Image.Image:
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


def _to_web(
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
            return _transform(icc, out, image.mode, mode).apply(image)
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            if image.mode == "CMYK":
                notes.append("eingebettetes Farbprofil ist unbrauchbar; CMYK-Werte unverändert übernommen")
                return image if mode == "CMYK" else image.convert("RGB")
            notes.append(BAD_PROFILE)
    else:
        notes.append(NO_PROFILE)
    if image.mode != "RGB":  # greyscale without a profile is read as sRGB grey
        image = image.convert("RGB")
    return _transform(None, out, "RGB", mode).apply(image)


@lru_cache(maxsize=16)
def _transform(
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


def _print_jpeg(image: Image.Image, limit: float, quality: int, ppi: float) -> tuple[bytes, float]:
    """The CMYK JPEG, ink capped, and its highest ink measured as the preflight measures it (after
    JPEG error, the darkest 0.01 % of pixels ignored as ringing); above `limit`, cap lower and
    encode again."""
    from kalender.preflight.images import measure_cmyk_jpeg

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


def displayed_size(path: Path) -> tuple[int, int]:
    """The pixel size of the image as shown (after its EXIF orientation), without decoding it."""
    with Image.open(path) as image:
        return _displayed(image.size, ORIENTATION.get(image.getexif().get(0x0112, 1)))


# --- cache -----------------------------------------------------------------------------------


@contextmanager
def _reading(index: int, source: Path) -> Iterator[None]:
    """Turn a missing or unreadable source file into a PhotoProblem."""
    try:
        yield
    except FileNotFoundError:
        raise _failing(index, source)("nicht gefunden") from None
    except OSError as exc:
        raise _failing(index, source)(f"kann nicht gelesen werden ({exc.strerror})") from None


def _read(index: int, source: Path) -> bytes:
    with _reading(index, source):
        return source.read_bytes()


class _SourceDigests:
    """SHA-256 of source photos, remembered by path, size, change times and inode, as make
    does: hashing two dozen camera files (150 MB) on every build costs more than the rest of
    finding them in the cache. A photo placed twice (month page, cover) is looked at once."""

    def __init__(self, folder: Path) -> None:
        self.name = f"{folder.name}/sources.pickle"
        self.known: dict[str, tuple[tuple[int, ...], str]] = cached(self.name, dict)
        self.changed = False

    def __call__(self, index: int, source: Path) -> str:
        with _reading(index, source):
            status = source.stat()
            signature = (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)
            name = str(source.resolve())
            known = self.known.get(name)
            if known is not None and known[0] == signature:
                return known[1]
            with source.open("rb") as handle:
                digest = hashlib.file_digest(handle, "sha256").hexdigest()
        self.known[name] = (signature, digest)
        self.changed = True
        return digest

    def save(self) -> None:
        if self.changed:
            store(self.name, self.known)


@lru_cache(maxsize=8)
def _profile_digest(profile: Path | None) -> str:
    return hashlib.sha256(profile.read_bytes()).hexdigest() if profile else ""


def _cache_key(job: PhotoJob, source_digest: str) -> str:
    """Everything the output depends on: source bytes, settings, profile bytes, code versions."""
    settings = asdict(job)
    del settings["source"], settings["profile"]
    try:
        profile = _profile_digest(job.profile)
    except OSError:
        raise PhotoProblem(-1, f"Farbprofil '{job.profile}' kann nicht gelesen werden") from None
    versions = (PIPELINE_VERSION, Image.__version__, ImageCms.core.littlecms_version)
    text = json.dumps([versions, source_digest, profile, settings], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def _load_cached(folder: Path, key: str, source: Path) -> PreparedPhoto | None:
    try:
        meta = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
        path = folder / f"{key}.jpg"
        if path.is_file():
            return PreparedPhoto(path, tuple(meta["pixels"]), meta["ppi"], _named(source, meta["warnings"]))
    except (OSError, ValueError, KeyError, TypeError):
        pass  # a missing or broken entry is made again
    return None


def _store(index: int, folder: Path, key: str, write: Callable[[Path], None], meta: dict[str, Any]) -> Path:
    """Write the JPEG, then its sidecar (its presence marks a complete entry); both atomically."""
    path = folder / f"{key}.jpg"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with _atomic(path) as temporary:
            write(temporary)
        with _atomic(folder / f"{key}.json") as temporary:
            temporary.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    except OSError as exc:
        raise PhotoProblem(index, f"Zwischenspeicher {folder} ist nicht beschreibbar ({exc.strerror}); "
                                  "bitte KALENDER_CACHE auf einen beschreibbaren Ordner setzen") from None  # fmt: skip
    return path


@contextmanager
def _atomic(path: Path) -> Iterator[Path]:
    """A temporary file beside `path` that replaces it when the block succeeds."""
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    os.close(handle)
    try:
        yield Path(name)
        os.replace(name, path)
    finally:
        Path(name).unlink(missing_ok=True)


def _named(source: Path, notes: list[str]) -> tuple[str, ...]:
    """Messages name the file at report time: a cached entry may serve a copy under another name."""
    return tuple(f"Bilddatei '{source.name}': {note}" for note in notes)


def _failing(index: int, source: Path) -> Callable[[str], PhotoProblem]:
    return lambda message: PhotoProblem(index, f"Bilddatei '{source.name}': {message}")
