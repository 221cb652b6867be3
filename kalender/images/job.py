"""A photo job, its result and its problem: what the photo stage takes and gives."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

PRINT_PPI, WEB_PPI = 300.0, 150.0
MM_PER_INCH = 25.4
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

def named(source: Path, notes: list[str]) -> tuple[str, ...]:
    """Messages name the file at report time: a cached entry may serve a copy under another name."""
    return tuple(f"Bilddatei '{source.name}': {note}" for note in notes)

def failing(index: int, source: Path) -> Callable[[str], PhotoProblem]:
    return lambda message: PhotoProblem(index, f"Bilddatei '{source.name}': {message}")
