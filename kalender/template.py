"""Page templates: typed, documented options in mm and pt, read from templates/NAME.yaml."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kalender.errors import DataError, Problem, display_path
from kalender.schema import (
    Collector,
    boolean,
    choice,
    cmyk,
    did_you_mean,
    integer,
    number,
    param,
    read_fields,
    string,
)  # fmt: skip
from kalender.source import Where, YMap, load_yaml

CMYK = tuple[float, float, float, float]


@dataclass(frozen=True, kw_only=True)
class Margins:
    top: float = param(number(0, 100), "Abstand oben in mm (unter der Bindung)")
    right: float = param(number(0, 100), "Abstand rechts in mm")
    bottom: float = param(number(0, 100), "Abstand unten in mm")
    left: float = param(number(0, 100), "Abstand links in mm")


@dataclass(frozen=True, kw_only=True)
class Fonts:
    regular: str = param(string, "Schriftdatei normal (im Ordner fonts/)")
    bold: str = param(string, "Schriftdatei fett")
    italic: str = param(string, "Schriftdatei kursiv")


@dataclass(frozen=True, kw_only=True)
class Colours:
    text: CMYK = param(cmyk, "Textfarbe (100 % K)")
    accent: CMYK = param(cmyk, "Akzentfarbe: Sonntage, gesetzliche Feiertage, Orte")
    muted: CMYK = param(cmyk, "gedämpft: Tage der Nachbarmonate, Kalenderwochen")
    rule: CMYK = param(cmyk, "Linien im Kalendarium")
    public_tint: CMYK = param(cmyk, "Hintergrund gesetzlicher Feiertage")
    panel: CMYK = param(cmyk, "Hintergrund von Titel- und Textflächen")


@dataclass(frozen=True, kw_only=True)
class Portrait:
    photo_width: float = param(number(20, 1000), "Breite des Fotos ab Beschnittkante links, mm")
    photo_height: float = param(number(20, 1000), "Höhe des Fotos ab Beschnittkante oben, mm")
    name_size: float = param(number(6, 72), "Schriftgröße Name, pt")
    meta_size: float = param(number(5, 36), "Schriftgröße Ort und Herkunft, pt")
    body_size: float = param(number(5, 24), "Schriftgröße Text, pt")
    leading: float = param(number(1.0, 2.0), "Zeilenabstand als Vielfaches der Schriftgröße")
    caption_size: float = param(number(5, 24), "Schriftgröße Bildunterschrift (Fotowettbewerb), pt")


@dataclass(frozen=True, kw_only=True)
class Grid:
    title_height: float = param(number(5, 200), "Höhe des Monatstitels, mm")
    month_size: float = param(number(10, 120), "Schriftgröße Monatsname, pt")
    height: float = param(number(40, 1000), "Höhe des Kalendariums, mm")
    head_size: float = param(number(4, 36), "Schriftgröße Wochentage, pt")
    day_size: float = param(number(6, 72), "Schriftgröße Tageszahlen, pt")
    note_size: float = param(number(4, 24), "Schriftgröße Feiertagsnamen im Kalendarium, pt")
    dot: float = param(number(1, 10), "Durchmesser der Feiertagspunkte, mm")
    week_numbers: bool = param(boolean, "Kalenderwochen anzeigen", default=True)


@dataclass(frozen=True, kw_only=True)
class Listing:
    columns: int = param(integer(1, 6), "Spalten der Feiertagsliste unter dem Kalendarium")
    size: float = param(number(4, 24), "Schriftgröße der Liste, pt")


@dataclass(frozen=True, kw_only=True)
class Legend:
    columns: int = param(integer(1, 6), "Spalten der Legendenseiten")
    size: float = param(number(4, 24), "Schriftgröße Legendentext, pt")
    head_size: float = param(number(6, 48), "Schriftgröße Gruppenüberschrift, pt")
    title_size: float = param(number(10, 96), "Schriftgröße Seitentitel, pt")


@dataclass(frozen=True, kw_only=True)
class Cover:
    title_size: float = param(number(12, 160), "Schriftgröße Titel, pt")
    year_size: float = param(number(12, 300), "Schriftgröße Jahreszahl, pt")


@dataclass(frozen=True, kw_only=True)
class Print:
    profile: str = param(string, "Ausgabeprofil (ICC-Datei), relativ zum Ordner der Vorlage")
    output_condition: str = param(string, "Kennung der Druckbedingung, z. B. FOGRA39")
    output_condition_info: str = param(string, "Beschreibung der Druckbedingung")
    registry: str = param(string, "Register der Druckbedingung", default="http://www.color.org")
    standard: str = param(choice("X-3", "X-1a", "X-4"), "PDF/X-Version: X-3, X-1a oder X-4", default="X-3")
    ink_limit: float = param(number(200, 400), "höchster Gesamtfarbauftrag in Prozent", default=300.0)
    ppi: float = param(number(150, 1200), "Zielauflösung der Fotos in ppi", default=300.0)
    crop_marks: bool = param(boolean, "Schnittmarken außerhalb des Beschnitts zeichnen", default=False)
    quality: int = param(integer(50, 100), "JPEG-Qualität der Fotos (85: kein sichtbarer Verlust im Druck)", default=85)


@dataclass(frozen=True, kw_only=True)
class Web:
    ppi: float = param(number(72, 300), "Auflösung der Fotos in ppi", default=150.0)
    quality: int = param(integer(30, 100), "JPEG-Qualität", default=80)


_SECTIONS: dict[str, type] = {
    "margin": Margins, "fonts": Fonts, "colours": Colours, "portrait": Portrait, "grid": Grid,
    "list": Listing, "legend": Legend, "cover": Cover, "print": Print, "web": Web,
}  # fmt: skip


@dataclass(frozen=True, kw_only=True)
class Template:
    """Everything the layout needs to know about paper, proportions and type."""

    name: str = param(string, "Bezeichnung der Vorlage")
    width: float = param(number(50, 2000), "Breite des Endformats in mm")
    height: float = param(number(50, 2000), "Höhe des Endformats in mm")
    bleed: float = param(number(0, 10), "Beschnittzugabe in mm", default=3.0)
    binding: float = param(
        number(0, 50), "Zone der Wire-O-Bindung oben in mm: dort nichts Wichtiges", default=11.0
    )
    safe: float = param(
        number(0, 30), "Sicherheitsabstand wichtiger Inhalte zur Beschnittkante in mm", default=3.0
    )
    gutter: float = param(number(0, 50), "Abstand zwischen Spalten und Blöcken in mm")
    margin: Margins = dataclasses.field(default=None)  # type: ignore[assignment]
    fonts: Fonts = dataclasses.field(default=None)  # type: ignore[assignment]
    colours: Colours = dataclasses.field(default=None)  # type: ignore[assignment]
    portrait: Portrait = dataclasses.field(default=None)  # type: ignore[assignment]
    grid: Grid = dataclasses.field(default=None)  # type: ignore[assignment]
    list: Listing = dataclasses.field(default=None)  # type: ignore[assignment]
    legend: Legend = dataclasses.field(default=None)  # type: ignore[assignment]
    cover: Cover = dataclasses.field(default=None)  # type: ignore[assignment]
    print: Print = dataclasses.field(default=None)  # type: ignore[assignment]
    web: Web = dataclasses.field(default=None)  # type: ignore[assignment]
    path: str = ""
    profile_path: Path = Path()
    font_dir: Path = Path("fonts")
    where: dict[str, Where] = dataclasses.field(default_factory=dict)


def find_template(name: str, template_dir: Path = Path("templates")) -> Path:
    """A template by name (`a3`) or by path; DataError with the available names if unknown."""
    candidate = Path(name)
    if candidate.suffix in (".yaml", ".yml") and candidate.exists():
        return candidate
    path = template_dir / f"{name}.yaml"
    if path.exists():
        return path
    known = sorted(p.stem for p in template_dir.glob("*.yaml"))
    raise DataError(
        [
            Problem(
                display_path(template_dir),
                0,
                0,
                f"Vorlage '{name}' nicht gefunden"
                f"{did_you_mean(name, known)}; vorhanden: {', '.join(known) or 'keine'}",
            )
        ]
    )


def load_template(path: Path) -> Template:
    """Read and check a template; fonts are looked up in fonts/ beside templates/."""
    document = load_yaml(path)
    problems = Collector()
    name = display_path(path)
    if not isinstance(document, YMap):
        raise DataError([Problem(name, 1, 1, "Vorlage: erwartet Schlüssel wie name:, width:, height:")])
    values = read_fields_sections(document, problems)
    font_dir = path.resolve().parent.parent / "fonts"
    if values is not None:
        for key, file in dataclasses.asdict(values["fonts"]).items():
            if not (font_dir / file).exists():
                problems.add(
                    document["fonts"].at(key), f"Schriftdatei '{file}' fehlt in {display_path(font_dir)}"
                )
    if problems.errors or values is None:
        raise DataError(problems.problems)
    profile_path = path.resolve().parent / values["print"].profile
    _check_profile(profile_path, document["print"].at("profile"), problems)
    if problems.errors:
        raise DataError(problems.problems)
    where = {key: document.at(key) for key in document}
    template = Template(**values, path=name, font_dir=font_dir, where=where, profile_path=profile_path)
    _check_geometry(template, document, problems)
    if problems.errors:
        raise DataError(problems.problems)
    return template


def _check_profile(path: Path, where: Where, problems: Collector) -> None:
    """The output profile must exist and describe a CMYK printing condition."""
    from PIL import ImageCms

    from kalender.files import file_exists

    if not file_exists(path):
        problems.add(where, f"Ausgabeprofil '{display_path(path)}' nicht gefunden; bitte die ICC-Datei der "
                     "Druckerei in templates/icc/ ablegen und hier eintragen")  # fmt: skip
        return
    try:
        profile = ImageCms.getOpenProfile(str(path)).profile
    except (OSError, ImageCms.PyCMSError):
        problems.add(where, f"'{display_path(path)}' ist kein lesbares ICC-Farbprofil")
        return
    if profile.xcolor_space.strip() != "CMYK" or profile.device_class != "prtr":
        problems.add(where, f"'{display_path(path)}' ist kein CMYK-Druckprofil (Farbraum "
                     f"{profile.xcolor_space.strip()}); die Druckerei nennt das passende Profil")  # fmt: skip


def read_fields_sections(document: YMap, problems: Collector) -> dict[str, Any] | None:
    values = read_fields(document, Template, problems, "Vorlage", skip=frozenset(_SECTIONS))
    sections: dict[str, Any] = {}
    for key, cls in _SECTIONS.items():
        if key not in document:
            problems.add(document.where, f"Vorlage: Abschnitt '{key}:' fehlt")
            continue
        section = read_fields(document[key], cls, problems, f"Vorlage, {key}")
        if section is not None:
            sections[key] = cls(**section)
    if values is None or len(sections) != len(_SECTIONS):
        return None
    return {**values, **sections}


def _check_geometry(t: Template, document: YMap, problems: Collector) -> None:
    """The vertical blocks of a month page must fit between the margins."""
    top = t.binding + t.margin.top
    used = t.portrait.photo_height + t.gutter + t.grid.title_height + t.grid.height + t.gutter
    free = t.height - t.margin.bottom - used
    if free < 20:
        problems.add(
            document["grid"].at("height"),
            f"Vorlage: Foto, Titel und Kalendarium sind zusammen "
            f"{20 - free:.0f} mm zu hoch für die Seite; für die Feiertagsliste bleiben nur {free:.0f} mm",
        )
    if t.portrait.photo_width > t.width - t.margin.right - 30:
        problems.add(
            document["portrait"].at("photo_width"), "Vorlage: das Foto lässt keinen Platz für den Text"
        )
    if min(t.margin.left, t.margin.right, t.margin.bottom) < t.safe:
        problems.add(
            document["margin"].where,
            f"Vorlage: Ränder müssen mindestens den Sicherheitsabstand von {t.safe} mm haben",
        )
    if top < t.binding + t.safe:
        problems.add(document["margin"].at("top"), "Vorlage: der Rand oben liegt in der Bindungszone")
