"""Turn source photos into print-ready (CMYK) or web (sRGB) JPEGs of the placed size, cached.

The pipeline is here; its parts are job (what a job is), geometry (decode, crop, resample,
resolution), colour (profiles, ink limit) and store (the cache).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from kalender.cache import cache_dir
from kalender.images.colour import NO_PROFILE, limit_ink, print_jpeg, to_print, to_web
from kalender.images.colour import cmyk_jpeg_inverted as cmyk_jpeg_inverted
from kalender.images.geometry import (
    ORIENTATION as ORIENTATION,
)
from kalender.images.geometry import (
    SIXTEEN_BIT,
    UNREADABLE,
    check_ppi,
    checked_crop,
    displayed,
    effective_ppi,
    is_sixteen_bit,
    output_size,
    resampled,
    stored_box,
)
from kalender.images.geometry import displayed_size as displayed_size
from kalender.images.job import PhotoJob, PhotoProblem, PreparedPhoto, failing, named
from kalender.images.store import (
    SourceDigests,
    cache_key,
    load_cached,
    prune_unused,
    read,
    reading,
    store_entry,
)

__all__ = ["ORIENTATION", "PhotoJob", "PhotoProblem", "PreparedPhoto", "cmyk_jpeg_inverted", "displayed_size",
           "inspect_photo", "limit_ink", "prepare_photo", "prepare_photos"]  # fmt: skip


def prepare_photos(
    jobs: list[PhotoJob], workers: int | None = None, progress: Callable[[str], None] | None = None
) -> tuple[list[PreparedPhoto | None], list[tuple[int, str]]]:
    """Prepare every job (cache hits first, the rest in parallel); return the results and the
    (job index, German message) of each job that failed, so all problems are reported at once."""
    results: list[PreparedPhoto | None] = [None] * len(jobs)
    failures: list[tuple[int, str]] = []
    todo: dict[str, list[int]] = {}  # cache key -> the jobs it serves (the same photo may be placed twice)
    folder = cache_dir() / "photos"
    digests = SourceDigests(folder)
    for index, job in enumerate(jobs):
        try:
            key = cache_key(job, digests(index, job.source))
        except PhotoProblem as problem:
            failures.append((index, problem.message))
            continue
        hit = load_cached(folder, key, job.source)
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
    prune_unused(folder)
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
    data = read(index, job.source)
    key = cache_key(job, hashlib.sha256(data).hexdigest())  # the bytes decoded, even if the file changed
    notes: list[str] = []
    image, icc = resampled(index, job, data, notes)
    del data
    ppi = effective_ppi(image.size, job.size_mm)
    if job.mode == "print":
        image = to_print(image, icc, job.profile, notes)  # type: ignore[arg-type]
        jpeg, ink = print_jpeg(image, job.ink_limit, job.quality, ppi)
        from kalender.preflight.pixels import remember_cmyk_jpeg

        remember_cmyk_jpeg(jpeg, ink)  # the build's preflight finds it instead of decoding again

        def write(path: Path) -> None:
            path.write_bytes(jpeg)
    else:
        image = to_web(image, icc, job.profile, notes)
        from kalender.demo import save_jpeg

        def write(path: Path) -> None:
            save_jpeg(image, path, dpi=round(ppi), quality=job.quality)

    path = store_entry(index, folder, key, write, {"pixels": image.size, "ppi": ppi, "warnings": notes})
    return PreparedPhoto(path, image.size, ppi, named(job.source, notes))

def inspect_photo(job: PhotoJob) -> list[str]:
    """What the photo stage would say about `job`, from the file's header alone (no decoding):
    raises PhotoProblem for an unusable photo, returns the German warnings (low resolution)."""
    notes: list[str] = []
    fail = failing(0, job.source)
    with reading(0, job.source):
        try:
            with Image.open(job.source) as source:
                if is_sixteen_bit(source):
                    raise fail(SIXTEEN_BIT)
                if source.mode not in ("RGB", "RGBA", "L", "LA", "CMYK", "P", "PA", "1", "RGBX", "YCbCr"):
                    raise fail(f"Farbmodus {source.mode} wird nicht unterstützt; bitte als RGB-JPEG exportieren")
                method = ORIENTATION.get(source.getexif().get(0x0112, 1))
                crop = checked_crop(fail, job.crop, displayed(source.size, method))
                size = output_size(job, stored_box(crop, source.size, method), method)
                check_ppi(fail, job, displayed(size, method), notes)
                if source.mode != "CMYK" and not source.info.get("icc_profile"):
                    notes.append(NO_PROFILE)
        except PhotoProblem:
            raise
        except (OSError, SyntaxError, ValueError, EOFError, IndexError, Image.DecompressionBombError):
            raise fail(UNREADABLE) from None
    return list(named(job.source, notes))
