"""Colour science of the dot check against published data, and the check's verdicts."""

from __future__ import annotations

import pytest

from kalender.colours import (
    CMYK,
    GREY_LEVELS,
    check_palette,
    cmyk_to_srgb,
    delta_e,
    simulate,
    srgb_to_lab,
)

# Sharma, Wu, Dalal (2005), "The CIEDE2000 Color-Difference Formula: Implementation Notes,
# Supplementary Test Data, and Mathematical Observations", Color Research and Application
# 30(1), 21-30, Table 1 (all 34 pairs; also ciede2000testdata.txt on the first author's
# page at the University of Rochester). Each row: L1, a1, b1, L2, a2, b2, ΔE00.
SHARMA_2005 = [
    (50.0000, 2.6772, -79.7751, 50.0000, 0.0000, -82.7485, 2.0425),
    (50.0000, 3.1571, -77.2803, 50.0000, 0.0000, -82.7485, 2.8615),
    (50.0000, 2.8361, -74.0200, 50.0000, 0.0000, -82.7485, 3.4412),
    (50.0000, -1.3802, -84.2814, 50.0000, 0.0000, -82.7485, 1.0000),
    (50.0000, -1.1848, -84.8006, 50.0000, 0.0000, -82.7485, 1.0000),
    (50.0000, -0.9009, -85.5211, 50.0000, 0.0000, -82.7485, 1.0000),
    (50.0000, 0.0000, 0.0000, 50.0000, -1.0000, 2.0000, 2.3669),
    (50.0000, -1.0000, 2.0000, 50.0000, 0.0000, 0.0000, 2.3669),
    (50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0009, 7.1792),
    (50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0010, 7.1792),
    (50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0011, 7.2195),
    (50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0012, 7.2195),
    (50.0000, -0.0010, 2.4900, 50.0000, 0.0009, -2.4900, 4.8045),
    (50.0000, -0.0010, 2.4900, 50.0000, 0.0010, -2.4900, 4.8045),
    (50.0000, -0.0010, 2.4900, 50.0000, 0.0011, -2.4900, 4.7461),
    (50.0000, 2.5000, 0.0000, 50.0000, 0.0000, -2.5000, 4.3065),
    (50.0000, 2.5000, 0.0000, 73.0000, 25.0000, -18.0000, 27.1492),
    (50.0000, 2.5000, 0.0000, 61.0000, -5.0000, 29.0000, 22.8977),
    (50.0000, 2.5000, 0.0000, 56.0000, -27.0000, -3.0000, 31.9030),
    (50.0000, 2.5000, 0.0000, 58.0000, 24.0000, 15.0000, 19.4535),
    (50.0000, 2.5000, 0.0000, 50.0000, 3.1736, 0.5854, 1.0000),
    (50.0000, 2.5000, 0.0000, 50.0000, 3.2972, 0.0000, 1.0000),
    (50.0000, 2.5000, 0.0000, 50.0000, 1.8634, 0.5757, 1.0000),
    (50.0000, 2.5000, 0.0000, 50.0000, 3.2592, 0.3350, 1.0000),
    (60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644),
    (63.0109, -31.0961, -5.8663, 62.8187, -29.7946, -4.0864, 1.2630),
    (61.2901, 3.7196, -5.3901, 61.4292, 2.2480, -4.9620, 1.8731),
    (35.0831, -44.1164, 3.7933, 35.0232, -40.0716, 1.5901, 1.8645),
    (22.7233, 20.0904, -46.6940, 23.0331, 14.9730, -42.5619, 2.0373),
    (36.4612, 47.8580, 18.3852, 36.2715, 50.5065, 21.2231, 1.4146),
    (90.8027, -2.0831, 1.4410, 91.1528, -1.6435, 0.0447, 1.4441),
    (90.9257, -0.5406, -0.9208, 88.6381, -0.8985, -0.7239, 1.5381),
    (6.7747, -0.2908, -2.4247, 5.8714, -0.0985, -2.2286, 0.6377),
    (2.0776, 0.0795, -1.1350, 0.9033, -0.0636, -0.5514, 0.9082),
]


@pytest.mark.parametrize("row", SHARMA_2005, ids=[f"pair{i}" for i in range(1, 35)])
def test_ciede2000_matches_sharma_wu_dalal_table_1(row: tuple[float, ...]) -> None:
    lab1, lab2, expected = row[:3], row[3:6], row[6]
    # The table gives four decimals; the formula is symmetric in its arguments.
    assert delta_e(lab1, lab2) == pytest.approx(expected, abs=5e-5)  # type: ignore[arg-type]
    assert delta_e(lab2, lab1) == pytest.approx(expected, abs=5e-5)  # type: ignore[arg-type]


# sRGB primaries in CIELAB (D65), as given by Bruce Lindbloom's CIE colour calculator and
# the colour-science package (sRGB, D65, 2° observer).
@pytest.mark.parametrize(
    ("rgb", "lab"),
    [
        ((1.0, 1.0, 1.0), (100.0, 0.0, 0.0)),
        ((0.0, 0.0, 0.0), (0.0, 0.0, 0.0)),
        ((1.0, 0.0, 0.0), (53.24, 80.09, 67.20)),
        ((0.0, 1.0, 0.0), (87.73, -86.18, 83.18)),
        ((0.0, 0.0, 1.0), (32.30, 79.19, -107.86)),
    ],
)
def test_srgb_to_lab_of_primaries(rgb: tuple[float, float, float], lab: tuple[float, ...]) -> None:
    assert srgb_to_lab(rgb) == pytest.approx(lab, abs=0.05)


@pytest.mark.parametrize(
    ("cmyk", "rgb"),
    [
        ((0, 0, 0, 0), (1.0, 1.0, 1.0)),
        ((0, 0, 0, 100), (0.0, 0.0, 0.0)),
        ((100, 0, 0, 0), (0.0, 1.0, 1.0)),
        ((0, 50, 100, 0), (1.0, 0.5, 0.0)),
        ((20, 0, 0, 50), (0.4, 0.5, 0.5)),
    ],
)
def test_naive_cmyk_to_srgb(cmyk: CMYK, rgb: tuple[float, float, float]) -> None:
    assert cmyk_to_srgb(cmyk) == pytest.approx(rgb)


def test_cmyk_out_of_range_is_refused() -> None:
    with pytest.raises(ValueError, match="0 bis 100"):
        cmyk_to_srgb((0, 120, 0, 0))


def _encode(v: float) -> float:
    """sRGB transfer function (IEC 61966-2-1), written out here to stay independent."""
    v = max(v, 0.0)
    return 12.92 * v if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055


# A pure primary is 1 or 0 in linear RGB, so the simulated colour is the matching column of
# the Machado, Oliveira, Fernandes (2009) matrix for severity 1.0, published on the authors'
# page (inf.ufrgs.br/~oliveira/pubs_files/CVD_Simulation) and in colour-science as
# CVD_MATRICES_MACHADO2010.
@pytest.mark.parametrize(
    ("vision", "rgb", "column"),
    [
        ("deuteranopia", (1.0, 0.0, 0.0), (0.367322, 0.280085, -0.011820)),
        ("deuteranopia", (0.0, 1.0, 0.0), (0.860646, 0.672501, 0.042940)),
        ("protanopia", (1.0, 0.0, 0.0), (0.152286, 0.114503, -0.003882)),
        ("tritanopia", (0.0, 0.0, 1.0), (-0.178779, 0.147602, 0.303900)),
    ],
)
def test_machado_simulation_of_primaries(
    vision: str, rgb: tuple[float, float, float], column: tuple[float, float, float]
) -> None:
    expected = tuple(_encode(v) for v in column)
    assert simulate(rgb, vision) == pytest.approx(expected, abs=1e-6)  # type: ignore[arg-type]


def test_deuteranope_sees_red_and_green_as_the_same_hue() -> None:
    # Both fall on the yellow side of the dichromat's blue-yellow axis (hue ≈ 90°).
    for rgb in [(1.0, 0.0, 0.0), (0.0, 1.0, 0.0)]:
        _, a, b = srgb_to_lab(simulate(rgb, "deuteranopia"))
        assert b > 40 and abs(a) < 0.2 * b


@pytest.mark.parametrize("vision", ["protanopia", "deuteranopia", "tritanopia", "greyscale"])
def test_white_stays_white(vision: str) -> None:
    assert simulate((1.0, 1.0, 1.0), vision) == pytest.approx((1.0, 1.0, 1.0), abs=1e-5)  # type: ignore[arg-type]


def test_greyscale_keeps_lightness_only() -> None:
    grey = simulate((1.0, 0.0, 0.0), "greyscale")
    assert grey[0] == grey[1] == grey[2]
    assert srgb_to_lab(grey)[0] == pytest.approx(53.24, abs=0.05)


NAMES = {"red": "Rot", "green": "Grün", "navy": "Dunkelblau", "yellow": "Gelb"}


def test_red_and_green_of_equal_lightness_collide_for_deuteranopes() -> None:
    warnings = check_palette({"red": (0, 100, 100, 0), "green": (100, 0, 100, 40)}, NAMES)
    colour = [w for w in warnings if "ΔE00" in w]
    assert len(colour) == 1
    assert "„Grün“ und „Rot“" in colour[0]
    assert "Rot-Grün-Sehschwäche" in colour[0] and "Deuteranopie" in colour[0]
    assert "normalem" not in colour[0]
    assert "empfohlen ≥ 10" in colour[0]


def test_dark_blue_and_yellow_pass() -> None:
    assert check_palette({"navy": (100, 80, 0, 30), "yellow": (0, 0, 100, 0)}, NAMES) == []


def test_near_identical_colours_are_flagged_for_normal_vision_with_a_decimal_comma() -> None:
    warnings = check_palette({"red": (0, 100, 100, 0), "green": (0, 95, 100, 0)}, NAMES)
    assert warnings[0].startswith("Die Punktfarben von „Grün“ und „Rot“ sind schon bei normalem")
    assert "ΔE00 = " in warnings[0] and "," in warnings[0].split("ΔE00 = ")[1][:4]


def test_greyscale_collisions_come_as_one_summary() -> None:
    # Four saturated colours of nearly the same lightness (L* 50-55) but far apart in hue.
    colours: dict[str, CMYK] = {
        "red": (0, 100, 100, 0),
        "green": (100, 0, 100, 40),
        "navy": (60, 60, 0, 0),
        "yellow": (0, 0, 100, 45),
    }
    grey = [w for w in check_palette(colours, NAMES) if "Graustufen" in w]
    assert len(grey) == 1
    assert grey[0].startswith("In Graustufen (Schwarzweißkopie) liegen")
    assert grey[0].count("/") >= 3


def test_one_greyscale_pair_reads_like_the_colour_warnings() -> None:
    warnings = check_palette({"red": (0, 100, 100, 0), "green": (100, 0, 100, 40)}, NAMES)
    assert warnings[-1].startswith("Die Punktfarben von „Grün“ und „Rot“ sind in Graustufen")
    assert "empfohlen ≥ 8" in warnings[-1]


def test_more_colours_than_grey_levels_are_explained_once() -> None:
    # Greys 5 % apart: every neighbour pair is closer than ΔL* 8 in greyscale.
    greys: dict[str, CMYK] = {f"g{k}": (0, 0, 0, 5 * k) for k in range(GREY_LEVELS + 1)}
    grey = [w for w in check_palette(greys, {}) if "Graustufen" in w]
    assert len(grey) == 1
    assert f"Mit {GREY_LEVELS + 1} Farben ist das nicht ganz zu vermeiden" in grey[0]
