"""Prepare every picture of the laid-out pages for its edition: crop, resample, convert, cache."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kalender.content import MonthContent
from kalender.errors import DataError, Problem
from kalender.images import PhotoJob, PhotoProblem, inspect_photo, prepare_photos
from kalender.layout.items import Page, Picture
from kalender.template import Template


def prepare_pictures(
    pages: list[Page], months: list[MonthContent], t: Template, kind: str,
    progress: Callable[[str], None] | None = None,
) -> tuple[dict[Picture, Path], list[Problem]]:  # fmt: skip
    """The prepared image file for each picture, and warnings (low resolution, no profile).
    Problems with a photo become errors at the photo's line in its YAML file."""
    by_path = {content.photo_path: content for content in months}
    pictures = list(dict.fromkeys(i for page in pages for i in page.items if isinstance(i, Picture)))
    # The same crop of the same photo (a month picture and its cover tile) is prepared once, at
    # the largest size it is placed at: smaller placements only gain resolution.
    largest: dict[tuple[Path, tuple[float, ...]], Picture] = {}
    for picture in sorted(pictures, key=lambda p: -p.frame.w):
        largest.setdefault(_crop_key(picture), picture)
    unique = list(largest.values())
    results, failures = prepare_photos([_job(picture, t, kind) for picture in unique], progress=progress)
    if failures:
        raise DataError([_where(by_path, unique[i]).problem(message) for i, message in failures])
    files: dict[tuple[Path, tuple[float, ...]], Path] = {}
    warnings: list[Problem] = []
    for (key, picture), result in zip(largest.items(), results, strict=True):
        assert result is not None
        files[key] = result.path
        warnings += [_where(by_path, picture).problem(w, "Warnung") for w in dict.fromkeys(result.warnings)]
    return {picture: files[_crop_key(picture)] for picture in pictures}, list(dict.fromkeys(warnings))


def inspect_pictures(pages: list[Page], months: list[MonthContent], t: Template, kind: str) -> list[Problem]:
    """The photo problems a build would report, from the files' headers (fast: nothing decoded),
    and a warning where the focal point sits at the edge of the visible crop."""
    by_path = {content.photo_path: content for content in months}
    problems: list[Problem] = []
    for picture in dict.fromkeys(i for page in pages if page.kind == "month" for i in page.items
                                 if isinstance(i, Picture)):  # fmt: skip
        where = _where(by_path, picture)
        try:
            problems += [where.problem(w, "Warnung") for w in inspect_photo(_job(picture, t, kind))]
        except PhotoProblem as problem:
            problems.append(where.problem(problem.message))
        problems += _focus_at_edge(picture, by_path[picture.path])
    return problems


FOCUS_MARGIN = 0.1  # share of the visible crop: a focal point closer to its edge may cut the face


def _focus_at_edge(picture: Picture, content: MonthContent) -> list[Problem]:
    frame, placed = picture.frame, picture.placed
    x = (placed.x + content.focus[0] * placed.w - frame.x) / frame.w
    y = (placed.y + content.focus[1] * placed.h - frame.y) / frame.h
    if FOCUS_MARGIN <= x <= 1 - FOCUS_MARGIN and FOCUS_MARGIN <= y <= 1 - FOCUS_MARGIN:
        return []
    return [content.at("focus").problem(
        f"der Bildpunkt focus {list(content.focus)} liegt im Ausschnitt von '{content.photo}' am Rand "
        f"({x:.0%} von links, {y:.0%} von oben); das Gesicht könnte angeschnitten werden – bitte focus "
        "auf die Gesichtsmitte setzen (Werte von 0 bis 1) und den Probeabzug ansehen", "Warnung")]  # fmt: skip


def _crop_key(picture: Picture) -> tuple[Path, tuple[float, ...]]:
    return picture.path, tuple(round(v, 1) for v in _crop(picture))


def _crop(picture: Picture) -> tuple[float, float, float, float]:
    """The visible part of the photo in its pixels."""
    frame, placed = picture.frame, picture.placed
    width, height = picture.pixels
    return (
        (frame.x - placed.x) / placed.w * width,
        (frame.y - placed.y) / placed.h * height,
        (frame.right - placed.x) / placed.w * width,
        (frame.bottom - placed.y) / placed.h * height,
    )


def _job(picture: Picture, t: Template, kind: str) -> PhotoJob:
    frame, crop = picture.frame, _crop(picture)
    if kind == "web":
        return PhotoJob(picture.path, crop, (frame.w, frame.h), "web", ppi=t.web.ppi, quality=t.web.quality)
    return PhotoJob(picture.path, crop, (frame.w, frame.h), "print", ppi=t.print.ppi, profile=t.profile_path,
                    ink_limit=t.print.ink_limit, quality=t.print.quality)  # fmt: skip


def _where(by_path: dict[Path, MonthContent], picture: Picture):  # type: ignore[no-untyped-def]
    return by_path[picture.path].at("photo")
