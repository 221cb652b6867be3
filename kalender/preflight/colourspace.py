"""Resolve PDF colour spaces and judge them for CMYK print; turn colour values into ink."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pikepdf

from kalender.preflight.objects import lookup
from kalender.preflight.report import ERROR, OK, WARNING

PROCESS = {"/Cyan": 0, "/Magenta": 1, "/Yellow": 2, "/Black": 3}
Ink = tuple[float, float, float, float, float]  # C, M, Y, K, spot colours together; 0..1 each


@dataclass(frozen=True)
class Space:
    """A colour space as the checks need it: what its values mean and whether print accepts it."""

    family: str  # PDF name without slash: DeviceCMYK, ICCBased, Separation, …
    model: str  # CMYK, Gray, RGB, Lab, Colorants (Separation/DeviceN), Indexed, Pattern, unknown
    n: int  # number of colour components
    label: str  # for messages: "DeviceRGB", "ICCBased (RGB)", "Sonderfarbe „HKS 43 K“"
    verdict: str  # OK, Warnung or Fehler
    reason: str = ""  # German, for Warnung and Fehler
    colorants: tuple[str, ...] = ()  # Separation/DeviceN
    base: Space | None = None  # Indexed and Pattern
    lookup: bytes = b""  # Indexed

    def initial(self) -> tuple[float, ...]:
        """The colour `cs`/`CS` sets (PDF 32000-1, 8.6.5)."""
        if self.model == "CMYK" and self.family == "DeviceCMYK":
            return (0.0, 0.0, 0.0, 1.0)
        if self.model == "Colorants":
            return (1.0,) * self.n
        return (0.0,) * self.n


DEVICE = {
    "/DeviceCMYK": Space("DeviceCMYK", "CMYK", 4, "DeviceCMYK", OK),
    "/DeviceGray": Space("DeviceGray", "Gray", 1, "DeviceGray", OK),
    "/DeviceRGB": Space("DeviceRGB", "RGB", 3, "DeviceRGB", ERROR, "RGB"),
    "/Pattern": Space("Pattern", "Pattern", 0, "Muster (Pattern)", OK),
}
ABBREVIATIONS = {"/G": "/DeviceGray", "/RGB": "/DeviceRGB", "/CMYK": "/DeviceCMYK", "/I": "/Indexed"}
UNKNOWN = Space("unbekannt", "unknown", 0, "unbekannter Farbraum", WARNING, "Farbraum nicht auswertbar")


def resolve(obj: Any, resources: pikepdf.Dictionary | None, depth: int = 0) -> Space:
    """The Space of a colour space operand or /ColorSpace entry, names looked up in `resources`."""
    if depth > 8:
        return UNKNOWN
    if isinstance(obj, pikepdf.Name):
        name = ABBREVIATIONS.get(str(obj), str(obj))
        if name in DEVICE:
            return DEVICE[name]
        named = lookup(resources, "/ColorSpace", name)
        if named is not None:
            return resolve(named, resources, depth + 1)
        return UNKNOWN
    if isinstance(obj, pikepdf.Array) and len(obj) > 0:
        return _family(obj, resources, depth)
    return UNKNOWN


def _family(array: pikepdf.Array, resources: pikepdf.Dictionary | None, depth: int) -> Space:
    kind = ABBREVIATIONS.get(str(array[0]), str(array[0]))
    if kind in DEVICE and len(array) == 1:
        return DEVICE[kind]
    if kind == "/ICCBased":
        n = int(array[1].get("/N", 0))
        model = {1: "Gray", 3: "RGB", 4: "CMYK"}.get(n, "unknown")
        label = f"ICCBased ({model if model != 'unknown' else f'{n} Kanäle'})"
        if n == 3:
            return Space("ICCBased", model, n, label, ERROR, "RGB")
        return Space(
            "ICCBased", model, n, label, WARNING, "mit eigenem ICC-Profil (in PDF/X-1a nicht erlaubt)"
        )
    if kind in ("/CalRGB", "/Lab"):
        return Space(kind[1:], "RGB" if kind == "/CalRGB" else "Lab", 3, kind[1:], ERROR, kind[1:])
    if kind == "/CalGray":
        return Space(
            "CalGray", "Gray", 1, "CalGray", WARNING, "kalibriertes Grau (in PDF/X-1a nicht erlaubt)"
        )
    if kind == "/Indexed":
        base = resolve(array[1], resources, depth + 1)
        lookup = array[3]
        data = lookup.read_bytes() if isinstance(lookup, pikepdf.Stream) else bytes(lookup)
        return Space(
            "Indexed",
            "Indexed",
            1,
            f"Indexed über {base.label}",
            base.verdict,
            base.reason,
            base=base,
            lookup=data,
        )
    if kind in ("/Separation", "/DeviceN"):
        return _colorants(kind, array, resources, depth)
    if kind == "/Pattern":
        if len(array) < 2:
            return DEVICE["/Pattern"]
        under = resolve(array[1], resources, depth + 1)  # uncoloured patterns are painted in this space
        return Space(
            "Pattern", "Pattern", under.n, "Muster (Pattern)", under.verdict, under.reason, base=under
        )
    return UNKNOWN


def _colorants(kind: str, array: pikepdf.Array, resources: pikepdf.Dictionary | None, depth: int) -> Space:
    names = (str(array[1]),) if kind == "/Separation" else tuple(str(n) for n in array[1])
    alternate = resolve(array[2], resources, depth + 1)
    spots = [n for n in names if n not in PROCESS and n not in ("/All", "/None")]
    label = ("Sonderfarbe " if spots else "Farbauszug ") + ", ".join(f"„{n[1:]}“" for n in names)
    if alternate.model not in ("CMYK", "Gray"):
        reason = f"Ersatzfarbraum {alternate.label}"
        return Space(kind[1:], "Colorants", len(names), label, ERROR, reason, colorants=names)
    if spots:
        reason = "ergibt eine zusätzliche Druckplatte – für Vierfarbdruck in CMYK umwandeln"
        return Space(kind[1:], "Colorants", len(names), label, WARNING, reason, colorants=names)
    return Space(kind[1:], "Colorants", len(names), label, OK, colorants=names)


def ink(space: Space, values: tuple[float, ...]) -> Ink | None:
    """The colour as ink fractions (C, M, Y, K, spot), or None for RGB, Lab and the unknown."""
    if space.model == "CMYK" and len(values) >= 4:
        c, m, y, k = (_unit(v) for v in values[:4])
        return (c, m, y, k, 0.0)
    if space.model == "Gray" and values:
        return (0.0, 0.0, 0.0, 1.0 - _unit(values[0]), 0.0)
    if space.model == "Colorants":
        plates = [0.0] * 5
        for name, tint in zip(space.colorants, values, strict=False):
            if name == "/All":
                plates[:4] = [max(p, _unit(tint)) for p in plates[:4]]
            elif name in PROCESS:
                plates[PROCESS[name]] += _unit(tint)
            elif name != "/None":
                plates[4] += _unit(tint)
        return (plates[0], plates[1], plates[2], plates[3], plates[4])
    if space.model == "Indexed" and space.base is not None and values:
        n = space.base.n
        start = int(values[0]) * n
        entry = space.lookup[start : start + n]
        if len(entry) == n:
            return ink(space.base, tuple(b / 255 for b in entry))
    return None


def _unit(value: float) -> float:
    return min(1.0, max(0.0, float(value)))


def describe(space: Space, values: tuple[float, ...]) -> str:
    """A colour as a person reads it: C60 M50 Y40 K100, R0 G0 B0, Grau 0 %."""
    if space.model == "CMYK" and len(values) >= 4:
        return " ".join(f"{p}{_unit(v) * 100:.0f}" for p, v in zip("CMYK", values, strict=False))
    if space.model == "RGB" and len(values) >= 3:
        return " ".join(f"{p}{_unit(v) * 255:.0f}" for p, v in zip("RGB", values, strict=False))
    if space.model == "Gray" and values:
        return f"K{(1 - _unit(values[0])) * 100:.0f} (Graustufen)"
    if space.model == "Lab" and values:
        return "Lab " + " ".join(f"{float(v):.0f}" for v in values[:3])
    return f"{space.label} " + " ".join(f"{float(v):.2f}" for v in values)
