"""Check that the holiday dots' colours stay apart for normal vision, colour-blind readers and greyscale."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from itertools import combinations
from typing import Literal

CMYK = tuple[float, float, float, float]  # percent, as kalender.model.CMYK
RGB = tuple[float, float, float]  # 0..1
Lab = tuple[float, float, float]  # CIE L*a*b*, D65
Vision = Literal["normal", "protanopia", "deuteranopia", "tritanopia", "greyscale"]

# Thresholds of check_palette, both judgements rather than standards. A CIEDE2000 difference
# of about 1 is just noticeable side by side; the dots are small (a few mm) and sit apart on
# the page, where differences shrink, so two dots should differ by ΔE00 ≥ 10 to be told
# apart at a glance. Greyscale keeps only lightness, and a photocopy or a grey print blurs it
# further: we ask for ΔL* ≥ 8. Offset print spans L* ≈ 95 (paper) to 16 (solid black,
# ISO 12647-2), so at most GREY_LEVELS colours can be that far apart in lightness.
MIN_DELTA_E = 10.0
MIN_DELTA_L = 8.0
GREY_LEVELS = int((95 - 16) // MIN_DELTA_L) + 1

# Machado, Oliveira, Fernandes (2009), "A Physiologically-based Model for Simulation of
# Color Vision Deficiency", IEEE TVCG 15(6); matrices for severity 1.0 from the authors'
# table (www.inf.ufrgs.br/~oliveira/pubs_files/CVD_Simulation/CVD_Simulation.html),
# meant for linear RGB.
MACHADO_2009: dict[str, tuple[RGB, RGB, RGB]] = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}

# sRGB primaries to CIE XYZ (IEC 61966-2-1); its row sums are the D65 white point, so sRGB
# white maps exactly to L* = 100, a* = b* = 0.
_SRGB_TO_XYZ = (
    (0.4124, 0.3576, 0.1805),
    (0.2126, 0.7152, 0.0722),
    (0.0193, 0.1192, 0.9505),
)
_WHITE = tuple(sum(row) for row in _SRGB_TO_XYZ)

_DEFICIENCY_NAMES = {
    "protanopia": ("Rot-Grün-Sehschwäche", "Protanopie"),
    "deuteranopia": ("Rot-Grün-Sehschwäche", "Deuteranopie"),
    "tritanopia": ("Blau-Gelb-Sehschwäche", "Tritanopie"),
}


def cmyk_to_srgb(cmyk: CMYK) -> RGB:
    """A naive CMYK (percent) to sRGB (0..1): R = (1 − C)(1 − K), and so on.

    Ideal inks on white paper: it ignores dot gain, ink impurity and paper white, so print
    comes out darker and duller than this (C100 gives sRGB cyan, L* 91, where printed cyan
    has L* ≈ 55), and a check on these values can miss or invent a collision. Good enough
    for a first look; the real conversion for print goes through an ICC profile, and
    check_palette takes that conversion as `to_srgb`.
    """
    if len(cmyk) != 4 or not all(0 <= v <= 100 for v in cmyk):
        raise ValueError(f"CMYK braucht vier Prozentwerte von 0 bis 100, nicht {cmyk!r}")
    c, m, y, k = (v / 100 for v in cmyk)
    return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))


def _to_linear(v: float) -> float:
    return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4


def _to_srgb(v: float) -> float:
    v = min(max(v, 0.0), 1.0)  # simulated colours may fall slightly outside the gamut
    return v * 12.92 if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055


def _apply(matrix: tuple[RGB, RGB, RGB], v: Iterable[float]) -> RGB:
    x, y, z = v
    r0, r1, r2 = (row[0] * x + row[1] * y + row[2] * z for row in matrix)
    return (r0, r1, r2)


def srgb_to_lab(rgb: RGB) -> Lab:
    """CIE L*a*b* (D65 white) of an sRGB colour with components 0..1."""
    xyz = _apply(_SRGB_TO_XYZ, (_to_linear(v) for v in rgb))

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = (f(v / w) for v, w in zip(xyz, _WHITE, strict=True))
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def simulate(rgb: RGB, vision: Vision) -> RGB:
    """How `rgb` (sRGB, 0..1) looks with a colour-vision deficiency or in greyscale.

    Dichromacies use the Machado et al. (2009) matrices in linear RGB. Greyscale keeps the
    luminance only: the neutral grey of the same CIE Y, hence the same L*.
    """
    if vision == "normal":
        return rgb
    linear = tuple(_to_linear(v) for v in rgb)
    if vision == "greyscale":
        y = sum(w * v for w, v in zip(_SRGB_TO_XYZ[1], linear, strict=True))
        return (_to_srgb(y),) * 3
    if vision not in MACHADO_2009:
        raise ValueError(f"unbekannte Sehweise {vision!r}")
    r, g, b = (_to_srgb(v) for v in _apply(MACHADO_2009[vision], linear))
    return (r, g, b)


def _prime(lab: Lab, g: float) -> tuple[float, float, float]:
    """L, C′ and h′ (degrees, 0..360) of Sharma et al. (2005), eqs. 2-4."""
    lightness, a, b = lab
    a_p = (1 + g) * a
    c_p = math.hypot(a_p, b)
    h_p = 0.0 if c_p == 0 else math.degrees(math.atan2(b, a_p)) % 360
    return lightness, c_p, h_p


def _hue_difference(h1: float, h2: float) -> float:
    """Δh′ (eq. 10); the caller handles a zero chroma."""
    dh = h2 - h1
    if dh > 180:
        return dh - 360
    if dh < -180:
        return dh + 360
    return dh


def _hue_mean(h1: float, h2: float) -> float:
    """h̄′ (eq. 14); the caller handles a zero chroma."""
    if abs(h1 - h2) <= 180:
        return (h1 + h2) / 2
    return (h1 + h2 + 360) / 2 if h1 + h2 < 360 else (h1 + h2 - 360) / 2


def delta_e(lab1: Lab, lab2: Lab) -> float:
    """CIEDE2000 colour difference with kL = kC = kH = 1.

    Follows Sharma, Wu, Dalal (2005), "The CIEDE2000 Color-Difference Formula:
    Implementation Notes, Supplementary Test Data, and Mathematical Observations",
    Color Research and Application 30(1), 21-30, equations 1-17.
    """
    c_mean = (math.hypot(lab1[1], lab1[2]) + math.hypot(lab2[1], lab2[2])) / 2
    g = 0.5 * (1 - math.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    l1, c1, h1 = _prime(lab1, g)
    l2, c2, h2 = _prime(lab2, g)
    chromatic = c1 * c2 != 0
    dh = _hue_difference(h1, h2) if chromatic else 0.0
    d_l, d_c = l2 - l1, c2 - c1
    d_h = 2 * math.sqrt(c1 * c2) * math.sin(math.radians(dh / 2))

    l_m, c_m = (l1 + l2) / 2, (c1 + c2) / 2
    h_m = _hue_mean(h1, h2) if chromatic else h1 + h2
    t = (
        1
        - 0.17 * math.cos(math.radians(h_m - 30))
        + 0.24 * math.cos(math.radians(2 * h_m))
        + 0.32 * math.cos(math.radians(3 * h_m + 6))
        - 0.20 * math.cos(math.radians(4 * h_m - 63))
    )
    rotation = 30 * math.exp(-(((h_m - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(c_m**7 / (c_m**7 + 25**7))
    s_l = 1 + 0.015 * (l_m - 50) ** 2 / math.sqrt(20 + (l_m - 50) ** 2)
    s_c = 1 + 0.045 * c_m
    s_h = 1 + 0.015 * c_m * t
    r_t = -math.sin(math.radians(2 * rotation)) * r_c
    dl, dc, dhh = d_l / s_l, d_c / s_c, d_h / s_h
    return math.sqrt(dl * dl + dc * dc + dhh * dhh + r_t * dc * dhh)


def _number(x: float) -> str:
    return f"{x:.1f}".replace(".", ",")


def _pair_warning(a: str, b: str, clashes: dict[Vision, float]) -> str:
    """One sentence per pair, naming every way of seeing under which the two collide."""
    start = f"Die Punktfarben von „{a}“ und „{b}“ sind"
    if "normal" in clashes:
        return (
            f"{start} schon bei normalem Farbsehen kaum zu unterscheiden "
            f"(ΔE00 = {_number(clashes['normal'])}; empfohlen ≥ {MIN_DELTA_E:.0f})."
        )
    if len(clashes) == 1:
        ((vision, de),) = clashes.items()
        kind, name = _DEFICIENCY_NAMES[vision]
        return (
            f"{start} bei {kind} ({name}) kaum zu unterscheiden "
            f"(ΔE00 = {_number(de)}; empfohlen ≥ {MIN_DELTA_E:.0f})."
        )
    by_kind: dict[str, list[str]] = {}
    for vision, de in clashes.items():
        kind, name = _DEFICIENCY_NAMES[vision]
        by_kind.setdefault(kind, []).append(f"{name}: ΔE00 = {_number(de)}")
    parts = " und ".join(f"bei {kind} ({'; '.join(items)})" for kind, items in by_kind.items())
    return f"{start} {parts} kaum zu unterscheiden (empfohlen ≥ {MIN_DELTA_E:.0f})."


def _greyscale_warning(lightness: dict[str, float], names: dict[str, str]) -> str | None:
    """One summary of the pairs that a black-and-white copy merges, closest first."""
    close = sorted(
        (d, names.get(a, a), names.get(b, b))
        for a, b in combinations(sorted(lightness), 2)
        if round(d := abs(lightness[a] - lightness[b]), 1) < MIN_DELTA_L
    )
    if not close:
        return None
    if len(close) == 1:
        ((d, a, b),) = close
        return (
            f"Die Punktfarben von „{a}“ und „{b}“ sind in Graustufen (Schwarzweißkopie) kaum zu "
            f"unterscheiden (ΔL* = {_number(d)}; empfohlen ≥ {MIN_DELTA_L:.0f})."
        )
    pairs = ", ".join(f"„{a}“/„{b}“ ({_number(d)})" for d, a, b in close)
    warning = (
        f"In Graustufen (Schwarzweißkopie) liegen {len(close)} Paare von Punktfarben in der "
        f"Helligkeit enger als ΔL* = {MIN_DELTA_L:.0f} beieinander, die engsten zuerst: {pairs}."
    )
    if len(lightness) > GREY_LEVELS:
        warning += (
            f" Mit {len(lightness)} Farben ist das nicht ganz zu vermeiden (Papierweiß bis Schwarz "
            f"reichen für etwa {GREY_LEVELS} Stufen); wichtig sind die Paare, deren Feste oft auf "
            f"denselben Tag fallen."
        )
    return warning


def check_palette(
    colours: dict[str, CMYK],
    names: dict[str, str],
    *,
    to_srgb: Callable[[CMYK], RGB] = cmyk_to_srgb,
) -> list[str]:
    """German warnings for colour pairs that come too close, worst first.

    `colours` maps a group id to its dot colour, `names` a group id to the name the editor
    knows. `to_srgb` converts a colour for the check; pass a conversion through the print
    shop's ICC profile for figures closer to paper than the naive default.

    Each colliding pair gets one sentence naming every way of seeing under which it collides
    (normal vision, protanopia, deuteranopia, tritanopia; ΔE00 < MIN_DELTA_E). Greyscale
    collisions (ΔL* < MIN_DELTA_L) come last, as one summary when there are several.
    """
    rgb = {gid: to_srgb(c) for gid, c in colours.items()}
    visions: tuple[Vision, ...] = ("normal", "protanopia", "deuteranopia", "tritanopia")
    lab = {v: {gid: srgb_to_lab(simulate(c, v)) for gid, c in rgb.items()} for v in visions}
    found: list[tuple[float, str]] = []
    for a, b in combinations(sorted(colours), 2):
        distances = {v: delta_e(lab[v][a], lab[v][b]) for v in visions}
        # Compare what the message prints: a pair shown as "ΔE00 = 10,0" is not a collision.
        clashes = {v: d for v, d in distances.items() if round(d, 1) < MIN_DELTA_E}
        if clashes:
            warning = _pair_warning(names.get(a, a), names.get(b, b), clashes)
            found.append((min(clashes.values()), warning))
    warnings = [w for _, w in sorted(found)]
    grey = _greyscale_warning({gid: lab["normal"][gid][0] for gid in rgb}, names)
    return warnings + ([grey] if grey else [])
