"""Build the calendar PDF: load → compute → layout → render, written atomically."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kalender.catalogue import load_catalogue, order_catalogue
from kalender.compute import compute_holidays
from kalender.content import MonthContent, load_months, load_settings
from kalender.errors import DataError, LayoutError, Problem, RenderError
from kalender.layout.items import Page, Text
from kalender.layout.month import MonthData, layout_month
from kalender.layout.pages import Edition, layout_back, layout_cover, layout_legend
from kalender.render.text import Typesetter
from kalender.template import Template, find_template, load_template
from kalender.yeardata import load_year


@dataclass(frozen=True)
class BuildResult:
    path: Path
    pages: list[Page]
    warnings: list[Problem]
    template: Template


def build_calendar(year: int, data_dir: Path, output: Path, template_name: str | None = None) -> BuildResult:
    """Make the calendar of `year`; on any error the file at `output` stays as it was."""
    settings = load_settings(data_dir)
    catalogue = load_catalogue(data_dir)
    if settings.groups and settings.where:
        catalogue = order_catalogue(catalogue, settings.groups, settings.where["groups"])
    year_data = load_year(data_dir, year, catalogue)
    template = load_template(find_template(template_name or year_data.template))
    months, warnings = load_months(data_dir, year, year_data.content, settings.towns)
    holidays = compute_holidays(catalogue, year, year_data)
    if holidays.missing:
        raise DataError([m.problem() for m in holidays.missing])
    ts = Typesetter(template.font_dir, {s: getattr(template.fonts, s) for s in ("regular", "bold", "italic")})
    edition = Edition(year, year_data.motto, year_data.notice, months, _photo_sizes(months),
                      holidays.occurrences, catalogue, settings)  # fmt: skip
    pages = layout_edition(edition, template, ts)
    _check_glyphs(pages, ts)
    info = {"title": f"{year_data.motto} {year}", "author": settings.publisher.name,
            "subject": "Interkultureller Kalender"}  # fmt: skip
    write_pdf(pages, output, ts, info)
    return BuildResult(output, pages, warnings, template)


def layout_edition(e: Edition, t: Template, ts: Typesetter) -> list[Page]:
    pages = [layout_cover(e, t, ts)]
    for content in e.months:
        touching = tuple(o for o in e.occurrences if _touches(o, e.year, content.month))
        data = MonthData(
            e.year, content.month, content, touching, e.catalogue.groups, e.motto, e.pixels[content.month]
        )
        pages.append(layout_month(data, t, ts))
    return [*pages, *layout_legend(e, t, ts), layout_back(e, t, ts)]


def _touches(occurrence, year: int, month: int) -> bool:  # type: ignore[no-untyped-def]
    first = (year, month)
    return (
        (occurrence.start.year, occurrence.start.month)
        <= first
        <= (occurrence.end.year, occurrence.end.month)
    )


def _photo_sizes(months: list[MonthContent]) -> dict[int, tuple[int, int]]:
    from PIL import Image, UnidentifiedImageError

    sizes, problems = {}, []
    for content in months:
        try:
            with Image.open(content.photo_path) as image:
                sizes[content.month] = image.size
        except (OSError, UnidentifiedImageError):
            problems.append(
                content.at("photo").problem(
                    f"Bilddatei '{content.photo}' kann nicht gelesen werden; bitte als JPEG oder PNG neu speichern"
                )
            )
    if problems:
        raise DataError(problems)
    return sizes


def _check_glyphs(pages: list[Page], ts: Typesetter) -> None:
    missing: dict[str, str] = {}
    for page in pages:
        for item in page.items:
            if isinstance(item, Text):
                gaps = ts.missing_glyphs(item.text, item.style)
                if gaps:
                    missing[item.text] = gaps
    if missing:
        text, gaps = next(iter(missing.items()))
        raise LayoutError(
            f"die Schrift hat keine Zeichen für {' '.join(repr(g) for g in gaps)} (in „{text}“); "
            "bitte das Zeichen ersetzen oder eine Schrift wählen, die es enthält"
        )


def write_pdf(pages: list[Page], output: Path, ts: Typesetter, info: dict[str, str]) -> None:
    """Draw into a temporary file beside `output` and move it into place only when complete."""
    from kalender.render.pdf import draw_document

    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".tmp")
        os.close(handle)
    except OSError as exc:
        raise RenderError(
            f"{output}: kann nicht schreiben ({exc.strerror}); bitte Pfad und Rechte prüfen"
        ) from None
    try:
        draw_document(pages, Path(temporary), ts, info)
        os.replace(temporary, output)
    finally:
        Path(temporary).unlink(missing_ok=True)
