"""`kalender check YEAR`: everything a build would use, checked at once without drawing the PDF.

The same loaders, layout and photo rules as the build, so check and build never disagree; but
every file, every month page and every photo is looked at even when an earlier one fails, and
photos are judged from their headers (no decoding), so a whole year takes well under a second.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kalender.build import _check_glyphs, _palette_warnings, _photo_sizes, layout_edition, load_leniently
from kalender.errors import DataError, KalenderError, Problem
from kalender.files import file_exists
from kalender.german import short_date
from kalender.layout.pages import Edition, back_page_notes
from kalender.pictures import inspect_pictures
from kalender.render.text import Typesetter
from kalender.yeardata import YEAR_DIR

ERROR, WARNING, NOTE = "Fehler", "Warnung", "Hinweis"


@dataclass(frozen=True)
class CheckReport:
    year: int
    problems: tuple[Problem, ...]  # sorted by file, line, column

    def count(self, severity: str) -> int:
        return sum(1 for p in self.problems if p.severity == severity)

    def exit_code(self, strict: bool = False) -> int:
        """2 with errors; with warnings 1 under --strict, else 0."""
        if self.count(ERROR):
            return 2
        return 1 if strict and self.count(WARNING) else 0


def check_year(year: int, data_dir: Path, template_name: str | None = None) -> CheckReport:
    (settings, catalogue, year_data, template, months, holidays), problems = load_leniently(
        year, data_dir, template_name
    )
    if settings is None or catalogue is None or year_data is None or template is None or holidays is None:
        return _report(year, problems)
    problems += _palette_warnings(catalogue, template)
    problems += _balance(year, months, year_data.content)
    readable = [m for m in months if file_exists(m.photo_path)]  # a missing photo is reported already
    try:
        pixels = _photo_sizes(readable)
    except DataError as exc:
        return _report(year, [*problems, *exc.problems])
    ts = Typesetter(template.font_dir, {s: getattr(template.fonts, s) for s in ("regular", "bold", "italic")})
    edition = Edition(year, year_data.motto, year_data.notice, readable, pixels, holidays.occurrences, catalogue,
                      settings)  # fmt: skip
    pages = layout_edition(edition, template, ts, collect=problems)
    problems += back_page_notes(edition, pages)
    try:
        _check_glyphs(pages, ts)
    except KalenderError as exc:
        problems += exc.problems
    problems += inspect_pictures(pages, readable, template, "print")
    problems += _to_confirm(year, holidays.occurrences, year_data.overrides)
    return _report(year, problems)


def _report(year: int, problems: list[Problem]) -> CheckReport:
    order = {ERROR: 0, WARNING: 1, NOTE: 2}
    unique = dict.fromkeys(problems)
    return CheckReport(year, tuple(sorted(unique, key=lambda p: (p.file, p.line, p.column, order.get(p.severity, 3)))))


def _balance(year: int, months: list, kind: str) -> list[Problem]:  # type: ignore[type-arg]
    """The balance of women and men, reported (the loader warns when it is not six and six)."""
    if kind != "portraits" or not months:
        return []
    counts = {g: sum(1 for m in months if m.gender == g) for g in ("female", "male", "diverse")}
    text = f"{counts['female']} Frauen, {counts['male']} Männer" + (
        f", {counts['diverse']} divers" if counts["diverse"] else ""
    )
    towns = len({m.town for m in months if m.town})
    return [Problem(f"data/portraits/{year}", 0, 0, f"{len(months)} Porträts: {text}; {towns} Orte", NOTE)]


def _to_confirm(year: int, occurrences, overrides) -> list[Problem]:  # type: ignore[no-untyped-def]
    """Computed dates that communities count differently (marked ±) and nobody has confirmed yet."""
    open_dates = [o for o in occurrences if o.holiday.may_differ and not o.announced and o.start.year == year
                  and o.id not in overrides]  # fmt: skip
    if not open_dates:
        return []
    listed = ", ".join(f"{o.holiday.name} ({short_date(o.start)})" for o in open_dates)
    return [Problem(f"data/{YEAR_DIR}/{year}.yaml", 0, 0,
                    f"{len(open_dates)} berechnete Termine, die Gemeinden um einen Tag anders halten können, "
                    f"bitte bestätigen lassen und unter overrides: eintragen: {listed}", NOTE)]  # fmt: skip
