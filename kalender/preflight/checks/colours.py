"""Colour spaces: only CMYK and grey (and spot colours over them) may reach the press."""

from __future__ import annotations

from kalender.preflight.colourspace import Space
from kalender.preflight.document import Document
from kalender.preflight.report import ERROR, OK, Finding, Settings, ok_or


def check_colour_spaces(doc: Document, settings: Settings) -> list[Finding]:
    """colour_spaces: RGB, Lab and the like → Fehler; ICC-based CMYK/grey and spot colours → Warnung."""
    findings = []
    for number, _ in doc.numbered():
        places: dict[str, list[str]] = {}
        spaces: dict[str, Space] = {}
        for use in doc.content(number).spaces:
            if use.space.verdict != OK:
                places.setdefault(use.space.label, []).append(use.where)
                spaces[use.space.label] = use.space
        for label, where in places.items():
            space = spaces[label]
            findings.append(Finding("colour_spaces", space.verdict, _message(number, space, where), number))
    return ok_or("colour_spaces", findings, "nur CMYK und Graustufen")


def _message(number: int, space: Space, where: list[str]) -> str:
    images = [w for w in where if w.startswith(("Bild", "Inline-Bild"))]
    colours = [w for w in where if w not in images]
    shown = colours + (images if len(images) <= 2 else [f"{len(images)} Bilder ({', '.join(images[:2])} …)"])
    if space.verdict != ERROR:
        return f"Seite {number}: {', '.join(shown)} in {space.label}: {space.reason}"
    steps = ["Bilder in das CMYK-Profil der Druckerei umwandeln"] if images else []
    steps += ["Farben als CMYK angeben"] if colours else []
    reason = f" ({space.reason})" if space.reason and space.reason not in space.label else ""
    return (
        f"Seite {number}: {', '.join(shown)} in {space.label}{reason} – für den Druck {' und '.join(steps)}"
    )
