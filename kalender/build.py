"""Build the calendar PDF: load → compute → layout → render, written atomically."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kalender.catalogue import load_catalogue, order_catalogue
from kalender.compute import compute_holidays
from kalender.content import MonthContent, Settings, load_months, load_settings
from kalender.errors import DataError, LayoutError, Problem, RenderError
from kalender.files import replace_file
from kalender.layout.items import Page, Picture, Text
from kalender.layout.month import MonthData, layout_month
from kalender.layout.pages import Edition, back_page_notes, layout_back, layout_cover, layout_legend
from kalender.model import Occurrence
from kalender.pictures import prepare_pictures
from kalender.render.colour import cmyk_to_rgb
from kalender.render.pdf import RenderOptions, draw_document
from kalender.render.pdfx import OutputCondition, label_pdfx
from kalender.render.text import Typesetter
from kalender.template import Template, find_template, load_template
from kalender.yeardata import load_year

# Part of the cache key of preflight reports: raise when the checks change.
PREFLIGHT_VERSION = 1


@dataclass(frozen=True)
class BuildOptions:
    """What the command line may change: edition, template, marks, PDF/X version, the check."""

    web: bool = False
    template: str | None = None
    crop_marks: bool | None = None  # None: as the template says
    pdfx: str | None = None  # None: as the template says
    preflight: bool = True


@dataclass(frozen=True)
class BuildResult:
    path: Path
    pages: list[Page]
    warnings: list[Problem]
    template: Template
    report: object | None = None  # the preflight report of a print edition
    months: tuple[MonthContent, ...] = ()
    motto: str = ""
    settings: Settings | None = None


def build_calendar(
    year: int, data_dir: Path, output: Path, template_name: str | None = None, options: BuildOptions | None = None,
    progress: Callable[[str], None] | None = None,
) -> BuildResult:  # fmt: skip
    """Make the calendar of `year`; on any error the file at `output` stays as it was."""
    options = options or BuildOptions(template=template_name)
    data = _load_inputs(year, data_dir, options.template or template_name)
    settings, catalogue, year_data, template, (months, warnings), holidays = data
    ts = Typesetter(template.font_dir, {s: getattr(template.fonts, s) for s in ("regular", "bold", "italic")})
    edition = Edition(year, year_data.motto, year_data.notice, months, _photo_sizes(months),
                      holidays.occurrences, catalogue, settings)  # fmt: skip
    pages = layout_edition(edition, template, ts)
    _check_glyphs(pages, ts)
    info = {"title": f"{year_data.motto} {year}", "author": settings.publisher.name,
            "subject": "Interkultureller Kalender"}  # fmt: skip
    warnings += _palette_warnings(catalogue, template) + back_page_notes(edition, pages)
    kind = "web" if options.web else "print"
    photos, photo_warnings = prepare_pictures(pages, months, template, kind, progress)
    if progress is not None:
        progress("PDF schreiben und prüfen …")
    report = write_pdf(pages, output, ts, info, _render_options(template, options, photos), template, options)
    return BuildResult(output, pages, [*warnings, *photo_warnings], template, report, tuple(months), year_data.motto,
                       settings)  # fmt: skip


def _load_inputs(year: int, data_dir: Path, template_name: str | None) -> tuple:  # type: ignore[type-arg]
    """Read everything a build uses; report the problems of all files at once, not the first only."""
    inputs, problems = load_leniently(year, data_dir, template_name)
    errors = [p for p in problems if p.severity == "Fehler"]
    if errors or None in inputs:
        raise DataError(errors)
    settings, catalogue, year_data, template, months, holidays = inputs
    return settings, catalogue, year_data, template, (months, [p for p in problems if p not in errors]), holidays


def load_leniently(year: int, data_dir: Path, template_name: str | None) -> tuple[tuple, list[Problem]]:  # type: ignore[type-arg]
    """Every input of a build that can be read (None for a file that cannot) and all problems,
    warnings included; the month files that can be read even when others cannot."""
    problems: list[Problem] = []

    def attempt(load, *args):  # type: ignore[no-untyped-def]
        try:
            return load(*args)
        except DataError as exc:
            problems.extend(exc.problems)
            return None

    settings = attempt(load_settings, data_dir)
    catalogue = attempt(load_catalogue, data_dir)
    if catalogue is not None and settings is not None and settings.groups and settings.where:
        catalogue = attempt(order_catalogue, catalogue, settings.groups, settings.where["groups"])
    year_data = attempt(load_year, data_dir, year, catalogue) if catalogue is not None else None
    template = attempt(lambda: load_template(find_template(template_name or (year_data.template if year_data else "a3"))))
    towns = settings.towns if settings is not None else ()
    loaded = attempt(load_months, data_dir, year, year_data.content if year_data else "portraits", towns, True)
    months, month_problems = loaded if loaded is not None else ([], [])
    problems += month_problems
    holidays = attempt(compute_holidays, catalogue, year, year_data) if catalogue and year_data else None
    if holidays is not None:
        problems += [m.problem() for m in holidays.missing]
    return (settings, catalogue, year_data, template, months, holidays), problems


def _palette_warnings(catalogue, t: Template) -> list[Problem]:  # type: ignore[no-untyped-def]
    """Dot colours that readers with a colour-vision deficiency or a greyscale copy cannot tell apart,
    judged as the colours print (through the output profile); remembered per palette and profile."""
    from kalender.cache import cached
    from kalender.colours import check_palette

    dots = {g.id: g.colour for g in catalogue.groups.values() if not g.public}
    names = {g.id: g.name for g in catalogue.groups.values()}
    key = hashlib.sha256(repr((sorted(dots.items()), sorted(names.items()))).encode())
    key.update(t.profile_path.read_bytes())
    messages = cached(f"palette/{key.hexdigest()}.pickle",
                      lambda: check_palette(dots, names, to_srgb=cmyk_to_rgb(t.profile_path)))  # fmt: skip
    return [Problem("data/holidays", 0, 0, message, "Warnung") for message in messages]


def _render_options(t: Template, options: BuildOptions, photos: dict[Picture, Path]) -> RenderOptions:
    if options.web:
        return RenderOptions("web", to_rgb=cmyk_to_rgb(t.profile_path), photos=photos)
    marks = t.print.crop_marks if options.crop_marks is None else options.crop_marks
    return RenderOptions("print", crop_marks=marks, photos=photos)


def layout_edition(e: Edition, t: Template, ts: Typesetter, collect: list[Problem] | None = None) -> list[Page]:
    """All pages in order. A page that does not fit raises LayoutError, or, with `collect`, adds
    its problems there and is left out, so that `kalender check` reports every month at once."""
    pages: list[Page] = []

    def attempt(make) -> None:  # type: ignore[no-untyped-def]
        try:
            made = make()
        except LayoutError as exc:
            if collect is None:
                raise
            collect.extend(exc.problems)
            return
        pages.extend(made if isinstance(made, list) else [made])

    attempt(lambda: layout_cover(e, t, ts))
    for content in e.months:
        touching = tuple(o for o in e.occurrences if _touches(o, e.year, content.month))
        data = MonthData(
            e.year, content.month, content, touching, e.catalogue.groups, e.motto, e.pixels[content.month]
        )
        attempt(lambda data=data: layout_month(data, t, ts))
    attempt(lambda: layout_legend(e, t, ts))
    attempt(lambda: layout_back(e, t, ts))
    return pages


def _touches(occurrence: Occurrence, year: int, month: int) -> bool:
    first = (year, month)
    return (
        (occurrence.start.year, occurrence.start.month)
        <= first
        <= (occurrence.end.year, occurrence.end.month)
    )


def _photo_sizes(months: list[MonthContent]) -> dict[int, tuple[int, int]]:
    """Pixel sizes as the photos are shown (after EXIF rotation, as the photo stage crops them)."""
    from PIL import UnidentifiedImageError

    from kalender.images import displayed_size

    sizes, problems = {}, []
    for content in months:
        try:
            sizes[content.month] = displayed_size(content.photo_path)
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


def write_pdf(
    pages: list[Page], output: Path, ts: Typesetter, info: dict[str, str], render: RenderOptions,
    t: Template, options: BuildOptions,
) -> object | None:  # fmt: skip
    """Draw into a temporary file beside `output`, label and check a print edition, and move it
    into place only when all of that succeeded. Returns the preflight report (print)."""
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".tmp")
        os.close(handle)
    except OSError as exc:
        raise RenderError(f"{output}: kann nicht schreiben ({exc.strerror}); bitte Pfad und Rechte prüfen") from None
    try:
        drawn = draw_document(pages, ts, info, render)
        report = None
        if render.kind == "print":
            condition = OutputCondition(options.pdfx or t.print.standard, t.profile_path, t.print.output_condition,
                                        t.print.output_condition_info, t.print.registry)  # fmt: skip
            label_pdfx(drawn, Path(temporary), condition, info["title"])
            if options.preflight:
                # ReportLab's invariant mode: the same pages give the same bytes
                report = _check_print(Path(temporary), t, f"{hashlib.sha256(drawn).hexdigest()}-{condition}")
        else:
            Path(temporary).write_bytes(drawn)
        replace_file(Path(temporary), output)
        return report
    finally:
        Path(temporary).unlink(missing_ok=True)


def _check_print(path: Path, t: Template, drawn: str) -> object:
    """The print shop's checks on our own output; a failure keeps the last good PDF.

    The report depends only on the drawn pages, the PDF/X labelling (the same but for its
    dates) and the settings, so a rebuild of unchanged pages reuses it from the cache."""
    from kalender.cache import cached

    limits = dict(bleed_mm=t.bleed, ink_limit=t.print.ink_limit, min_ppi=t.print.ppi, safe_mm=t.safe,
                  binding_mm=t.binding)  # fmt: skip
    key = hashlib.sha256(f"{PREFLIGHT_VERSION}-{drawn}-{sorted(limits.items())}".encode()).hexdigest()

    def check() -> object:
        from kalender.preflight import Settings, preflight  # imported only when not cached

        return preflight(path, Settings(**limits))  # type: ignore[arg-type]

    report = cached(f"preflight/{key}.pickle", check)
    if not report.ok:
        failures = [f for f in report.findings if f.severity == "Fehler"]
        raise RenderError([Problem("Preflight", 0, 0, f.message) for f in failures])
    return report
