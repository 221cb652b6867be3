"""The photo cache: keys from content and settings, entries written atomically, source digests."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import Any

from PIL import Image, ImageCms

from kalender.cache import cached, store
from kalender.images.job import PhotoJob, PhotoProblem, PreparedPhoto, failing, named

PIPELINE_VERSION = 3  # raise when the output for the same input changes: it is part of the cache key

@contextmanager
def reading(index: int, source: Path) -> Iterator[None]:
    """Turn a missing or unreadable source file into a PhotoProblem."""
    try:
        yield
    except FileNotFoundError:
        raise failing(index, source)("nicht gefunden") from None
    except OSError as exc:
        raise failing(index, source)(f"kann nicht gelesen werden ({exc.strerror})") from None

def read(index: int, source: Path) -> bytes:
    with reading(index, source):
        return source.read_bytes()

class SourceDigests:
    """SHA-256 of source photos, remembered by path, size, change times and inode, as make
    does: hashing two dozen camera files (150 MB) on every build costs more than the rest of
    finding them in the cache. A photo placed twice (month page, cover) is looked at once."""

    def __init__(self, folder: Path) -> None:
        self.name = f"{folder.name}/sources.pickle"
        self.known: dict[str, tuple[tuple[int, ...], str]] = cached(self.name, dict)
        self.changed = False

    def __call__(self, index: int, source: Path) -> str:
        with reading(index, source):
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

def cache_key(job: PhotoJob, source_digest: str) -> str:
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

def load_cached(folder: Path, key: str, source: Path) -> PreparedPhoto | None:
    """The entry for `key`, marked as used now (its sidecar's time, which prune_unused reads)."""
    sidecar = folder / f"{key}.json"
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
        path = folder / f"{key}.jpg"
        if path.is_file():
            for used in (sidecar, path):  # a read-only cache still serves its entries
                with contextlib.suppress(OSError):
                    os.utime(used)
            return PreparedPhoto(path, tuple(meta["pixels"]), meta["ppi"], named(source, meta["warnings"]))
    except (OSError, ValueError, KeyError, TypeError):
        pass  # a missing or broken entry is made again
    return None


UNUSED_DAYS = 400  # a calendar year and its reprints; older entries are made again if ever needed
_KEY = re.compile(r"[0-9a-f]{64}")  # cache_key(): only such files are the cache's own
_LEFTOVER = re.compile(r"\..+\.tmp")  # _atomic()'s temporary files


def prune_unused(folder: Path, days: int = UNUSED_DAYS, now: float | None = None) -> int:
    """Remove the entries (key.jpg with its key.json) no build has used for `days` – last year's
    photos stay until the next calendar is done – and leftovers of writes interrupted a day ago.
    Nothing but the cache's own file names is touched; return how many files went."""
    now = now if now is not None else time.time()
    cutoff = now - days * 86400
    removed = 0
    try:
        files = list(folder.iterdir())
    except OSError:
        return 0
    for file in files:
        if _KEY.fullmatch(file.stem) and file.suffix == ".json":
            stale = [file, file.with_suffix(".jpg")]  # the sidecar first: without it the entry is a miss
        elif _KEY.fullmatch(file.stem) and file.suffix == ".jpg" and not file.with_suffix(".json").exists():
            stale = [file]
        elif _LEFTOVER.fullmatch(file.name) and _mtime(file) < now - 86400:
            stale = [file]
        else:
            continue
        if all(_mtime(f) < cutoff for f in stale):  # checked now: a build may just have used it
            for f in stale:
                with contextlib.suppress(OSError):
                    f.unlink()
                    removed += 1
    return removed


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return float("inf")  # vanished meanwhile: nothing to do

def store_entry(index: int, folder: Path, key: str, write: Callable[[Path], None], meta: dict[str, Any]) -> Path:
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
