"""`kalender new YEAR`: start next year from this one.

Writes data/years/YEAR.yaml (this year's motto, template, content kind, customs and omissions
carried over; announced dates are per year and start empty) and one skeleton file per month in
data/portraits/YEAR/ (or data/photos/YEAR/), each with its town proposed, and returns the
editors' to-do list. Nothing that exists is overwritten.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kalender.catalogue import load_catalogue
from kalender.compute import compute_holidays
from kalender.content import load_settings
from kalender.errors import DataError, KalenderError, display_path
from kalender.files import write_atomically
from kalender.german import MONTH_FILES, MONTHS, short_date
from kalender.yeardata import load_year, year_file


@dataclass(frozen=True)
class NewYear:
    year_file: Path
    folder: Path
    todo: list[str]  # German, one task per entry


def start_year(year: int, data_dir: Path, source_year: int | None = None) -> NewYear:
    source_year = source_year or year - 1
    source = year_file(data_dir, source_year)
    if not source.exists():
        raise KalenderError(f"{display_path(source)} gibt es nicht; bitte mit --from JAHR ein Jahr angeben, "
                            "dessen Einstellungen übernommen werden")  # fmt: skip
    catalogue = load_catalogue(data_dir)
    previous = load_year(data_dir, source_year, catalogue)
    target = year_file(data_dir, year)
    folder = data_dir / previous.content / str(year)
    for existing in (target, folder):
        if existing.exists():
            raise KalenderError(f"{display_path(existing)} gibt es schon; kalender new legt ein Jahr nur neu an und "
                                f"überschreibt nichts – bitte das Jahr mit kalender check {year} prüfen")  # fmt: skip
    settings = load_settings(data_dir)
    write_atomically(target, _year_text(year, source_year, previous, source))
    _write_months(folder, year, previous.content, settings.towns)
    return NewYear(target, folder, _todo(year, data_dir, catalogue, previous.content, folder, target))


def _year_text(year: int, source_year: int, previous, source: Path) -> str:  # type: ignore[no-untyped-def]
    header = [line.replace(str(source_year), str(year)) for line in source.read_text(encoding="utf-8").splitlines()
              if line.startswith("#")]  # fmt: skip
    lines = [*header, f"year: {year}", f"motto: {_quoted(previous.motto)}", f"content: {previous.content}",
             f"template: {previous.template}"]  # fmt: skip
    if previous.notice:
        lines.append(f"notice: {_quoted(previous.notice)}")
    lines += [f"jewish_custom: {previous.jewish_custom}", "overrides: {}"]
    lines += ["omit:", *(f"  - {hid}" for hid in sorted(previous.omit))] if previous.omit else ["omit: []"]
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML scalar


_MODELINE = "# yaml-language-server: $schema=../../../docs/schemas/month.json\n"
_PORTRAIT = _MODELINE + """\
# Porträt für {month_name} {year} – bitte ausfüllen und dann prüfen: kalender check {year}
# Jede Angabe ist in docs/data-format.md erklärt. Sechs Frauen und sechs Männer, jeder Ort einmal.
month: {month}
name:              # Name, wie gedruckt
gender:            # female oder male (oder diverse)
town: {town}   # Vorschlag; jeder der zwölf Orte genau einmal
origin:            # Herkunft, wie gedruckt, z. B. Polen
arrived:           # Jahr der Ankunft in Deutschland, z. B. 1991
text:              # 400–700 Zeichen; kalender check sagt, ob er in das Textfeld passt
photo: {stem}.jpg  # das Foto in diesen Ordner legen (mindestens 300 ppi in der Druckgröße)
focus: [0.5, 0.4]  # Bildpunkt, der sichtbar bleibt (Gesichtsmitte), x und y von 0 bis 1
photo_credit:      # Bildnachweis, wie gedruckt
consent:
  given: false     # erst true, wenn die unterschriebene Einverständniserklärung vorliegt
  date:            # Datum der Erklärung, z. B. {year_before}-09-14
"""

_PHOTO = _MODELINE + """\
# Foto für {month_name} {year} – bitte ausfüllen und dann prüfen: kalender check {year}
month: {month}
caption:           # Bildunterschrift
photographer:      # Fotografin oder Fotograf
town: {town}   # Vorschlag
photo: {stem}.jpg  # das Foto in diesen Ordner legen
focus: [0.5, 0.5]
consent:
  given: false
  date:
"""


def _write_months(folder: Path, year: int, kind: str, towns: tuple[str, ...]) -> None:
    work = Path(tempfile.mkdtemp(dir=folder.parent if folder.parent.exists() else None, prefix=".neu-"))
    try:
        for month in range(1, 13):
            stem = f"{month:02d}-{MONTH_FILES[month - 1]}"
            town = towns[month - 1] if len(towns) >= 12 else ""
            text = (_PORTRAIT if kind == "portraits" else _PHOTO).format(
                month=month, month_name=MONTHS[month - 1], year=year, year_before=year - 1, town=town, stem=stem
            )
            (work / f"{stem}.yaml").write_text(text, encoding="utf-8")
        folder.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(work), str(folder))
        for path in [folder, *folder.iterdir()]:
            path.chmod(0o755 if path.is_dir() else 0o644)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _todo(year: int, data_dir: Path, catalogue, kind: str, folder: Path, target: Path) -> list[str]:  # type: ignore[no-untyped-def]
    todo = [f"Motto und Vorlage in {display_path(target)} prüfen."]
    what = "Name, Herkunft, Text (400–700 Zeichen), Foto, Bildnachweis und Einverständnis" if kind == "portraits" \
        else "Bildunterschrift, Foto, Fotografin/Fotograf und Einverständnis"  # fmt: skip
    todo.append(f"Zwölf Monatsdateien in {display_path(folder)} ausfüllen: {what}; die Fotos daneben ablegen.")
    try:
        holidays = compute_holidays(catalogue, year, load_year(data_dir, year, catalogue))
    except (DataError, KalenderError) as exc:
        return [*todo, *(str(p) for p in exc.problems)]
    for missing in holidays.missing:
        holiday = missing.holiday
        todo.append(f"Termin für „{holiday.name}“ ({holiday.id}) {year} eintragen (overrides: in "
                    f"{display_path(target)}, mit Quelle): {missing.reason}")  # fmt: skip
    confirm = [o for o in holidays.occurrences if o.holiday.may_differ and o.start.year == year]
    if confirm:
        listed = ", ".join(f"{o.holiday.name} ({short_date(o.start)})" for o in confirm)
        todo.append(f"Berechnete Termine mit ± bei den Gemeinden bestätigen lassen: {listed}.")
    todo.append(f"Dann: kalender check {year} (bis keine Fehler mehr), kalender proof {year} (Freigabeblätter "
                f"an die Porträtierten), kalender diff {year - 1} {year}, kalender build {year}.")  # fmt: skip
    return todo

