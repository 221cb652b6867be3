"""The photo pipeline: crop, resample, colour conversion, ink limit, cache, German errors."""

from __future__ import annotations

import io
import math
import os
import random
import struct
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image, ImageCms, ImageDraw, ImageOps

from kalender import demo, images
from kalender.images import PhotoJob, PreparedPhoto, cmyk_jpeg_inverted, prepare_photos
from kalender.images import colour as image_colour

ROOT = Path(__file__).resolve().parent.parent
PROFILE = next(p for p in (ROOT / "templates/icc/FOGRA39L_coated.icc", Path("/work/shared/icc/FOGRA39L_coated.icc"))
               if p.exists())  # fmt: skip
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
MM_PER_PX = 25.4 / 300  # one pixel at 300 ppi


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("KALENDER_CACHE", str(folder))
    return folder


def job(
    source: Path, pixels: tuple[float, float], crop: tuple[float, ...] | None = None, **kw: object
) -> PhotoJob:
    """A print job placing `crop` (default: the whole image) at `pixels` at 300 ppi."""
    if crop is None:
        with Image.open(source) as image:
            crop = (0, 0, *ImageOps.exif_transpose(image).size)
    settings: dict[str, object] = {"mode": "print", "profile": PROFILE, **kw}
    ppi = float(settings.get("ppi", 300.0))  # type: ignore[arg-type]
    size = (pixels[0] * 25.4 / ppi, pixels[1] * 25.4 / ppi)
    return PhotoJob(source, crop, size, **settings)  # type: ignore[arg-type]


def prepare(one: PhotoJob) -> PreparedPhoto:
    results, failures = prepare_photos([one])
    assert failures == [], failures
    assert results[0] is not None
    return results[0]


def failure(one: PhotoJob) -> str:
    results, failures = prepare_photos([one])
    assert results == [None]
    [(index, message)] = failures
    assert index == 0
    return message


def photo(path: Path, size: tuple[int, int] = (1200, 900), seed: int = 1) -> Path:
    """A generated sample landscape, saved like the repository's photos (sRGB profile)."""
    demo.save_jpeg(demo.paint_landscape(seed, *size, "hills", palette="summer"), path, quality=92)
    return path


def flat(path: Path, colour: int | tuple[int, ...], size: tuple[int, int] = (300, 200), mode: str = "RGB",
         **save: Any) -> Path:  # fmt: skip
    Image.new(mode, size, colour).save(path, **save)
    return path


def cmyk_pixels(path: Path) -> np.ndarray:
    with Image.open(path) as image:
        assert image.mode == "CMYK"
        return np.asarray(image).astype(np.float64) * 100 / 255  # percent


# --- size, crop, orientation -----------------------------------------------------------------


def test_srgb_jpeg_becomes_a_cmyk_jpeg_of_the_placed_size(tmp_path: Path) -> None:
    result = prepare(job(photo(tmp_path / "foto.jpg"), (600, 450)))
    with Image.open(result.path) as image:
        assert (image.format, image.mode, image.size) == ("JPEG", "CMYK", (600, 450))
    assert result.pixels == (600, 450)
    assert result.ppi == pytest.approx(300, abs=0.5)
    assert result.warnings == ()


def markers(path: Path) -> Path:
    """Grey, a red square at 300-360 and a blue one at 800-860 (both axes)."""
    image = Image.new("RGB", (1000, 1000), (128, 128, 128))
    draw = ImageDraw.Draw(image)
    draw.rectangle((300, 300, 359, 359), fill=(255, 0, 0))
    draw.rectangle((800, 800, 859, 859), fill=(0, 0, 255))
    image.save(path, icc_profile=SRGB)
    return path


def test_crop_is_honoured(tmp_path: Path) -> None:
    result = prepare(job(markers(tmp_path / "m.png"), (200, 200), crop=(200, 200, 600, 600)))
    cmyk = cmyk_pixels(result.path)
    c, m, y = cmyk[..., 0], cmyk[..., 1], cmyk[..., 2]
    red = (m > 80) & (y > 80) & (c < 10)
    blue = (c > 80) & (m > 60) & (y < 20)
    assert red[55:75, 55:75].all()  # (300..360 - 200) / 2: the red marker, halved
    assert red.sum() == pytest.approx(30 * 30, rel=0.15)
    assert not blue.any()


@pytest.mark.parametrize("orientation", range(1, 9))
def test_crop_refers_to_the_image_as_displayed(tmp_path: Path, orientation: int) -> None:
    """Crop and size are given upright; the result matches ImageOps.exif_transpose."""
    upright = demo.paint_landscape(7, 480, 320, "town", palette="summer")
    undo = {2: 2, 3: 3, 4: 4, 5: 5, 6: 8, 7: 7, 8: 6}  # the turn that, undone by EXIF, shows `upright`
    stored = upright.transpose(images.ORIENTATION[undo[orientation]]) if orientation > 1 else upright
    exif = Image.Exif()
    exif[0x0112] = orientation
    source = tmp_path / "gedreht.png"
    stored.save(source, exif=exif, icc_profile=SRGB)
    crop = (40, 30, 340, 230)
    result = prepare(job(source, (150, 100), crop=crop, mode="web", ppi=150, quality=98))
    upright = ImageOps.exif_transpose(Image.open(source))
    with Image.open(result.path) as image:
        got = np.asarray(image, dtype=np.int16)
    for shift, low, high in ((0, 0, 3), (10, 10, 255)):  # 1.8 and 19.8: 10 px off must show
        box = (crop[0] + shift, crop[1] + shift, crop[2] + shift, crop[3] + shift)
        expected = upright.resize((150, 100), Image.Resampling.LANCZOS, box=box)
        assert low <= np.abs(got - np.asarray(expected, dtype=np.int16)).mean() <= high, shift


@pytest.mark.parametrize("orientation", [1, 6])
def test_big_jpegs_decode_at_reduced_scale_with_the_same_result(tmp_path: Path, orientation: int) -> None:
    """A target under half the crop lets the JPEG decode at 1/2 or 1/4 (DCT scaling); the crop
    box must follow onto the smaller pixels."""
    upright = demo.paint_landscape(3, 1600, 1200, "river", palette="spring")
    exif = Image.Exif()
    exif[0x0112] = orientation
    stored = upright.transpose(Image.Transpose.ROTATE_90) if orientation == 6 else upright
    stored.save(tmp_path / "gross.jpg", quality=95, exif=exif, icc_profile=SRGB)
    crop = (400, 300, 1200, 900)
    with Image.open(tmp_path / "gross.jpg") as probe:
        probe.draft(None, (500, 375))
        assert probe.size[0] < 1600 and probe.size[1] < 1600  # Pillow can draft this file
    result = prepare(job(tmp_path / "gross.jpg", (200, 150), crop=crop, mode="web", ppi=150, quality=98))
    expected = ImageOps.exif_transpose(Image.open(tmp_path / "gross.jpg"))
    expected = expected.resize((200, 150), Image.Resampling.LANCZOS, box=crop)
    with Image.open(result.path) as image:
        assert np.abs(np.asarray(image, dtype=np.int16) - np.asarray(expected, dtype=np.int16)).mean() < 3


def test_displayed_size_follows_exif_orientation(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6
    Image.new("RGB", (60, 40)).save(tmp_path / "hoch.jpg", exif=exif)
    assert images.displayed_size(tmp_path / "hoch.jpg") == (40, 60)


# --- resolution ------------------------------------------------------------------------------


def test_no_upsampling_and_a_warning_at_200_ppi(tmp_path: Path) -> None:
    result = prepare(job(photo(tmp_path / "klein.jpg", (400, 300)), (600, 450)))
    assert result.pixels == (400, 300)
    assert result.ppi == pytest.approx(200, abs=0.5)
    assert result.warnings == ("Bilddatei 'klein.jpg': nur 200 ppi; für den Druck sind 300 ppi empfohlen",)


def test_error_at_100_ppi(tmp_path: Path) -> None:
    message = failure(job(photo(tmp_path / "winzig.jpg", (200, 150)), (600, 450)))
    assert message.startswith("Bilddatei 'winzig.jpg': nur 100 ppi; für den Druck sind mindestens 150 ppi")


# --- colour ----------------------------------------------------------------------------------


def dark(path: Path) -> Path:
    """Saturated dark colours and black: sRGB that FOGRA39 prints with up to 318 % ink."""
    image = Image.new("RGB", (256, 128))
    draw = ImageDraw.Draw(image)
    for i, colour in enumerate(
        [(0, 0, 0), (30, 0, 50), (0, 30, 20), (45, 10, 10), (20, 20, 20), (10, 0, 30)]
    ):
        draw.rectangle((i * 40, 0, i * 40 + 39, 63), fill=colour)
    for x in range(256):  # a dark ramp below: every level, not only flat patches
        draw.line((x, 64, x, 127), fill=(x // 5, x // 8, x // 6))
    image.save(path, icc_profile=SRGB)
    return path


@pytest.mark.parametrize("limit", [300.0, 260.0])
def test_total_ink_stays_within_the_limit(tmp_path: Path, limit: float) -> None:
    source = dark(tmp_path / "dunkel.png")
    unlimited = cmyk_pixels(prepare(job(source, (256, 128), ink_limit=400)).path).sum(axis=2)
    assert unlimited.max() > 310  # the test image does need limiting
    cmyk = cmyk_pixels(prepare(job(source, (256, 128), ink_limit=limit)).path)
    assert cmyk.sum(axis=2).max() <= limit * 1.01
    assert cmyk[..., 3].max() > 90  # black is kept, C, M and Y give way


def test_jpeg_error_does_not_lift_the_ink_above_the_limit(tmp_path: Path) -> None:
    """Grainy black hair: after capping, JPEG error scatters the totals; a preflight ignores the
    highest 0.01 % of pixels (ringing), all others must stay within the limit."""
    s = demo.SITTERS_2018[2]  # black hair in a bun
    portrait = demo.paint_portrait(s.seed, 600, 700, skin=s.skin, hair_style=s.hair_style,
                                   hair_colour=s.hair_colour, clothing=s.clothing, background=s.background)  # fmt: skip
    demo.save_jpeg(portrait, tmp_path / "haar.jpg", quality=92)
    totals = cmyk_pixels(prepare(job(tmp_path / "haar.jpg", (600, 700))).path).sum(axis=2)
    assert np.quantile(totals, 0.99) > 290  # much of it is at the limit
    assert np.quantile(totals, 0.9999) <= 300


def test_the_ink_check_finds_what_the_photo_stage_measured(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The photo stage keeps each print photo's highest ink where the preflight's ink check looks;
    the value must be the one the check measures itself from the embedded image."""
    from reportlab import rl_config
    from reportlab.pdfgen.canvas import Canvas

    from kalender.preflight.checks.ink import _remembered_percent
    from kalender.preflight.document import open_document
    from kalender.preflight.images import ImagePixels, decode

    result = prepare(job(dark(tmp_path / "dunkel.png"), (256, 128)))
    monkeypatch.setattr(rl_config, "useA85", 0)  # as kalender.render.pdf: the JPEG embedded as it is
    canvas = Canvas(str(tmp_path / "foto.pdf"), pageSize=(200, 100))
    canvas.drawImage(str(result.path), 10, 10, 128, 64)
    canvas.save()
    remembered = sorted(p.name for p in (cache / "ink").iterdir())
    assert len(remembered) == 1
    doc = open_document(tmp_path / "foto.pdf")
    [placement] = doc.content(1).placements
    pixels = decode(placement)
    assert isinstance(pixels, ImagePixels)
    assert _remembered_percent(placement) == pixels.percent() > 290  # dark: near the 300 % limit
    assert sorted(p.name for p in (cache / "ink").iterdir()) == remembered  # found, not measured anew


def test_ink_limit_applies_to_cmyk_sources_too(tmp_path: Path) -> None:
    source = flat(tmp_path / "voll.jpg", (255, 255, 255, 255), mode="CMYK", quality=95)
    result = prepare(job(source, (300, 200)))
    assert cmyk_pixels(result.path).sum(axis=2).max() <= 303
    assert "CMYK-Werte unverändert" in result.warnings[0]


def lab(image: Image.Image, profile: ImageCms.ImageCmsProfile | ImageCms.core.CmsProfile) -> np.ndarray:
    """L*a*b* (D50 relative) of every pixel; Pillow keeps a* and b* as signed bytes."""
    transform = ImageCms.buildTransform(
        profile, ImageCms.createProfile("LAB"), image.mode, "LAB", ImageCms.Intent.RELATIVE_COLORIMETRIC
    )
    raw = np.asarray(ImageCms.applyTransform(image, transform))
    signed = raw.view(np.int8).astype(np.float64)
    return np.stack([raw[..., 0] * (100 / 255), signed[..., 1], signed[..., 2]], axis=-1)


# ΔE*ab (CIE 1976) from sRGB to the pipeline's CMYK JPEG (FOGRA39, relative colorimetric + BPC)
# and back to L*a*b* (D50) through the same profile; 8-bit Lab, so steps of 0.4 in L*, 1 in a*, b*.
# Measured with Pillow 13 / LittleCMS 2.19: grey 0.8, light skin 0.0, dark skin 1.8, sky 1.1.
# The sRGB primaries lie far outside the press gamut and are clipped to its edge: red 22.7,
# green 54.1, blue 84.8 (L*a*b* of blue 29/68/-112 -> 31/16/-45), their hue turning by 4.4°,
# 5.6° and 11.7°.
PATCHES = {  # name: (sRGB, max ΔE, max hue shift in degrees)
    "grau": ((128, 128, 128), 2.0, None),
    "haut hell": ((233, 196, 170), 2.0, 3),
    "haut dunkel": ((141, 95, 70), 3.0, 3),
    "himmel": ((120, 160, 210), 3.0, 3),
    "rot": ((255, 0, 0), 25.0, 6),
    "grün": ((0, 255, 0), 57.0, 8),
    "blau": ((0, 0, 255), 88.0, 14),
}


def test_colours_survive_the_round_trip(tmp_path: Path) -> None:
    source = Image.new("RGB", (64 * len(PATCHES), 64))
    for i, (rgb, _, _) in enumerate(PATCHES.values()):
        source.paste(rgb, (i * 64, 0, i * 64 + 64, 64))
    source.save(tmp_path / "farben.png", icc_profile=SRGB)
    result = prepare(job(tmp_path / "farben.png", source.size))
    with Image.open(result.path) as printed:
        back = lab(printed, ImageCms.getOpenProfile(str(PROFILE)))
    before = lab(source, ImageCms.createProfile("sRGB"))
    for i, (name, (_, limit, hue_limit)) in enumerate(PATCHES.items()):
        a, b = before[32, i * 64 + 32], back[24:40, i * 64 + 24 : i * 64 + 40].mean(axis=(0, 1))
        assert math.dist(a, b) <= limit, (name, math.dist(a, b))
        if hue_limit is not None:
            shift = abs(math.degrees(math.atan2(a[2], a[1]) - math.atan2(b[2], b[1])) + 180) % 360 - 180
            assert abs(shift) <= hue_limit, (name, shift)


def test_shadow_detail_is_kept(tmp_path: Path) -> None:
    """Black point compensation: sRGB 0, 16 and 32 stay three tones (without it all print alike)."""
    source = Image.new("RGB", (192, 64))
    for i, v in enumerate((0, 16, 32)):
        source.paste((v, v, v), (i * 64, 0, i * 64 + 64, 64))
    source.save(tmp_path / "schatten.png", icc_profile=SRGB)
    result = prepare(job(tmp_path / "schatten.png", source.size))
    with Image.open(result.path) as printed:
        lightness = lab(printed, ImageCms.getOpenProfile(str(PROFILE)))[32, 32::64, 0]
    assert lightness[1] - lightness[0] > 1.0 and lightness[2] - lightness[1] > 2.0, lightness


def test_no_embedded_profile_warns_and_assumes_srgb(tmp_path: Path) -> None:
    tagged = prepare(job(flat(tmp_path / "mit.jpg", (200, 90, 40), icc_profile=SRGB), (300, 200)))
    untagged = prepare(job(flat(tmp_path / "ohne.jpg", (200, 90, 40)), (300, 200)))
    assert tagged.warnings == ()
    assert untagged.warnings == ("Bilddatei 'ohne.jpg': kein Farbprofil eingebettet; sRGB angenommen",)
    assert np.abs(cmyk_pixels(tagged.path) - cmyk_pixels(untagged.path)).max() < 2


def gray_profile(gamma: float = 2.2) -> bytes:
    """A minimal ICC v2 greyscale display profile (desc, wtpt, kTRC)."""

    def s15(v: float) -> bytes:
        return struct.pack(">i", round(v * 65536))

    d50 = s15(0.9642) + s15(1.0) + s15(0.8249)
    desc = b"desc\0\0\0\0" + struct.pack(">I", 5) + b"Gray\0" + bytes(4 + 4 + 2 + 1 + 67)
    tags = [(b"desc", desc), (b"wtpt", b"XYZ \0\0\0\0" + d50),
            (b"kTRC", b"curv\0\0\0\0" + struct.pack(">IH", 1, round(gamma * 256)))]  # fmt: skip
    offset, table, body = 128 + 4 + 12 * len(tags), b"", b""
    for signature, data in tags:
        data += bytes(-len(data) % 4)
        table += signature + struct.pack(">II", offset + len(body), len(data))
        body += data
    size = offset + len(body)
    header = (struct.pack(">I", size) + bytes(4) + bytes((2, 0x10, 0, 0)) + b"mntrGRAYXYZ " + bytes(12)
              + b"acsp" + bytes(28) + d50 + bytes(48))  # fmt: skip
    return header + struct.pack(">I", len(tags)) + table + body


# --- input modes -----------------------------------------------------------------------------


def rgba(path: Path) -> Path:
    image = Image.new("RGBA", (300, 200), (0, 0, 0, 0))  # transparent black: must print as paper
    ImageDraw.Draw(image).rectangle((0, 0, 149, 199), fill=(20, 60, 160, 255))
    image.save(path, icc_profile=SRGB)
    return path


def palette(path: Path) -> Path:
    image = Image.new("RGB", (300, 200), (20, 60, 160))
    ImageDraw.Draw(image).rectangle((150, 0, 299, 199), fill=(255, 255, 255))
    image.quantize(4).save(path)
    return path


def palette_transparent(path: Path) -> Path:
    image = Image.open(palette(path))
    image.save(path, transparency=image.getpixel((200, 100)))
    return path


def greyscale(path: Path) -> Path:
    return flat(path, 120, mode="L", quality=95)


def greyscale_profiled(path: Path) -> Path:
    return flat(path, 120, mode="L", quality=95, icc_profile=gray_profile())


def cmyk_profiled(path: Path) -> Path:
    # the output profile with another date in its header: same colours, but not byte-identical,
    # so the pipeline converts instead of passing the values through
    icc = bytearray(PROFILE.read_bytes())
    icc[24:26] = (2001).to_bytes(2, "big")
    return flat(path, (150, 60, 20, 10), mode="CMYK", quality=95, icc_profile=bytes(icc))


def cmyk_plain(path: Path) -> Path:
    return flat(path, (150, 60, 20, 10), mode="CMYK", quality=95)


MODES: dict[str, tuple[Callable[[Path], Path], str, tuple[float, float, float, float] | None]] = {
    # name: (maker, expected warning (part), expected CMYK % of the left half or None)
    "rgba": (rgba, "", None),
    "palette": (palette, "sRGB angenommen", None),
    "palette-transparent": (palette_transparent, "sRGB angenommen", None),
    "greyscale": (greyscale, "sRGB angenommen", None),
    "greyscale-profile": (greyscale_profiled, "", None),
    "cmyk-profile": (cmyk_profiled, "", (150 / 2.55, 60 / 2.55, 20 / 2.55, 10 / 2.55)),
    "cmyk-no-profile": (cmyk_plain, "CMYK-Werte unverändert", (150 / 2.55, 60 / 2.55, 20 / 2.55, 10 / 2.55)),
}


@pytest.mark.parametrize("name", MODES)
def test_input_modes(tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    make, warning, expected = MODES[name]
    built: list[tuple[str, str]] = []
    transform = image_colour.transform

    def spy(*args: Any) -> Any:
        built.append(args[2:])
        return transform(*args)

    monkeypatch.setattr(image_colour, "transform", spy)
    source = make(tmp_path / f"{name}.{'jpg' if 'cmyk' in name or 'grey' in name else 'png'}")
    result = prepare(job(source, (300, 200)))
    assert result.pixels == (300, 200)
    assert all(warning in w for w in result.warnings) and bool(result.warnings) == bool(warning)
    cmyk = cmyk_pixels(result.path)
    if expected is not None:
        assert np.abs(cmyk[100, 75] - expected).max() < 4, cmyk[100, 75]
    if name == "cmyk-profile":  # converted from its own profile, not passed through
        assert built == [("CMYK", "CMYK")]
    if name in ("rgba", "palette", "palette-transparent"):  # left blue, right paper white
        assert cmyk[100, 75, 0] > 70 and cmyk[100, 225].sum() < 2


def test_grey_through_a_grey_profile_matches_srgb_grey(tmp_path: Path) -> None:
    grey = cmyk_pixels(prepare(job(greyscale_profiled(tmp_path / "g.jpg"), (300, 200))).path)
    rgb = cmyk_pixels(prepare(job(flat(tmp_path / "rgb.png", (120,) * 3, icc_profile=SRGB), (300, 200))).path)
    assert np.abs(grey[100, 150] - rgb[100, 150]).max() < 3


# --- files that cannot be used ---------------------------------------------------------------


def png_rgb16(path: Path) -> Path:
    """A 16-bit RGB PNG, which Pillow opens as 8-bit RGB without a word."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    w, h = 32, 24
    rows = b"".join(b"\0" + bytes(range(w * 6)) for _ in range(h))
    ihdr = struct.pack(">IIBBBBB", w, h, 16, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
    return path


def png_grey16(path: Path) -> Path:
    Image.new("I;16", (32, 24), 30000).save(path)
    return path


@pytest.mark.parametrize("make", [png_rgb16, png_grey16])
def test_sixteen_bit_images_ask_for_an_8_bit_export(tmp_path: Path, make: Callable[[Path], Path]) -> None:
    source = make(tmp_path / "tief.png")
    with Image.open(source) as image:
        image.load()  # Pillow itself reads it: the pipeline must refuse on purpose
    message = failure(job(source, (32, 24)))
    assert (
        message
        == "Bilddatei 'tief.png': hat 16 Bit je Farbkanal; bitte als 8-Bit-Bild exportieren (JPEG, oder PNG mit 8 Bit)"
    )


def test_garbage_truncated_and_missing_files(tmp_path: Path) -> None:
    (tmp_path / "kaputt.jpg").write_bytes(random.Random(1).randbytes(5000))
    full = photo(tmp_path / "ganz.jpg").read_bytes()
    (tmp_path / "halb.jpg").write_bytes(full[: len(full) // 2])
    jobs = [job(tmp_path / "kaputt.jpg", (100, 100), crop=(0, 0, 100, 100)),
            job(tmp_path / "halb.jpg", (600, 450), crop=(0, 0, 1200, 900)),
            job(tmp_path / "fehlt.jpg", (100, 100), crop=(0, 0, 100, 100))]  # fmt: skip
    results, failures = prepare_photos(jobs, workers=2)
    assert results == [None, None, None]
    assert failures == [
        (0, "Bilddatei 'kaputt.jpg': kann nicht gelesen werden; bitte als JPEG oder PNG neu speichern"),
        (1, "Bilddatei 'halb.jpg': kann nicht gelesen werden; bitte als JPEG oder PNG neu speichern"),
        (2, "Bilddatei 'fehlt.jpg': nicht gefunden"),
    ]


def test_all_jobs_are_processed_and_every_failure_reported(tmp_path: Path) -> None:
    good = photo(tmp_path / "gut.jpg")
    (tmp_path / "kaputt.jpg").write_bytes(b"kein Bild")
    small = photo(tmp_path / "klein.jpg", (200, 150))
    jobs = [job(good, (600, 450)), job(tmp_path / "kaputt.jpg", (600, 450), crop=(0, 0, 10, 10)),
            job(small, (600, 450)), job(good, (300, 225), mode="web", ppi=150)]  # fmt: skip
    results, failures = prepare_photos(jobs, workers=2)
    assert [i for i, _ in failures] == [1, 2]
    assert results[0] is not None and results[3] is not None and results[0].path != results[3].path


# --- cache, web, PDF -------------------------------------------------------------------------


def test_cache_hit_is_identical_and_does_no_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = photo(tmp_path / "01-januar.jpg", (2400, 1800))
    one = job(source, (1200, 900))
    first = prepare(one)
    content = first.path.read_bytes()

    def no_work(*args: object) -> None:
        raise AssertionError("a cache hit must not prepare or hash the photo again")

    monkeypatch.setattr(images, "prepare_photo", no_work)
    monkeypatch.setattr(images.hashlib, "file_digest", no_work)  # unchanged file: known digest
    second = prepare(one)
    assert second == first and second.path.read_bytes() == content


def test_a_photo_replaced_under_the_same_name_is_prepared_anew(tmp_path: Path) -> None:
    source = photo(tmp_path / "01-januar.jpg", (400, 300))
    first = prepare(job(source, (400, 300)))
    status = source.stat()
    flat(tmp_path / "neu.jpg", (200, 40, 40), size=(400, 300))
    new = (tmp_path / "neu.jpg").read_bytes()
    assert len(new) < status.st_size
    new += bytes(status.st_size - len(new))  # after the JPEG's end: same size, same pixels
    source.write_bytes(new)  # in place: same path, inode and size
    os.utime(source, ns=(status.st_atime_ns, status.st_mtime_ns))  # and the old time stamp
    second = prepare(job(source, (400, 300)))
    assert second.path != first.path
    assert cmyk_pixels(second.path)[..., 1].mean() > 50  # the new red photo, not the old one


def test_cache_hit_repeats_the_warnings_under_the_current_name(tmp_path: Path) -> None:
    first = prepare(job(photo(tmp_path / "a.jpg", (400, 300)), (600, 450)))
    (tmp_path / "b.jpg").write_bytes((tmp_path / "a.jpg").read_bytes())
    second = prepare(job(tmp_path / "b.jpg", (600, 450)))
    assert second.path == first.path
    assert second.warnings == tuple(w.replace("'a.jpg'", "'b.jpg'") for w in first.warnings) != ()


def test_entries_unused_for_over_a_year_are_removed(tmp_path: Path, cache: Path) -> None:
    """A cache hit marks its entry as used; a build removes what no build used for 400 days
    (last year's photos stay for a reprint), and leftovers of interrupted writes."""
    import time

    old, kept = photo(tmp_path / "2016.jpg", (400, 300), seed=1), photo(tmp_path / "2017.jpg", (400, 300), seed=2)
    gone = prepare(job(old, (400, 300))).path
    reused = prepare(job(kept, (400, 300))).path
    folder, long_ago = gone.parent, time.time() - 401 * 86400
    leftover, fresh_leftover = folder / ".abc.tmp", folder / ".def.tmp"
    foreign = [folder / "IMG_0001.jpg", folder / "notizen.json"]  # not the cache's: never touched
    for file in (leftover, fresh_leftover, *foreign):
        file.write_bytes(b"half a photo")
    for file in (gone, gone.with_suffix(".json"), reused, reused.with_suffix(".json"), leftover, *foreign):
        os.utime(file, (long_ago, long_ago))
    os.utime(fresh_leftover, (time.time() - 3600, time.time() - 3600))  # a write of another build, maybe
    prepare(job(kept, (400, 300)))  # a hit: used again now, and the build prunes
    assert reused.is_file() and reused.with_suffix(".json").is_file()
    assert not gone.exists() and not gone.with_suffix(".json").exists() and not leftover.exists()
    assert fresh_leftover.exists() and all(file.exists() for file in foreign)
    assert prepare(job(old, (400, 300))).path == gone  # needed again: made again, same key


def test_a_read_only_cache_still_serves_its_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kalender.images import store

    one = job(photo(tmp_path / "foto.jpg", (400, 300)), (400, 300))
    first = prepare(one)

    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError("read-only")

    monkeypatch.setattr(store.os, "utime", refused)
    monkeypatch.setattr(images, "prepare_photo", lambda *a: pytest.fail("a hit must not be prepared again"))
    assert prepare(one) == first


def test_an_almanac_of_an_older_version_is_removed_when_its_year_is_computed_again(
    tmp_path: Path, cache: Path
) -> None:
    from kalender.calendars import sky

    (cache / "sky").mkdir(parents=True)
    stale = cache / "sky" / f"{sky.VERSION - 1}-2031.pickle"
    other_year = cache / "sky" / f"{sky.VERSION - 1}-2032.pickle"
    newer = cache / "sky" / f"{sky.VERSION + 1}-2031.pickle"  # another checkout sharing the cache
    for file in (stale, other_year, newer):
        file.write_bytes(b"old")
    sky._remembered.cache_clear()
    try:
        sky.almanac(2031)
    finally:
        sky._remembered.cache_clear()
    assert not stale.exists() and other_year.exists() and newer.exists()
    assert (cache / "sky" / f"{sky.VERSION}-2031.pickle").is_file()


def test_changed_settings_miss_the_cache(tmp_path: Path) -> None:
    source = photo(tmp_path / "foto.jpg")
    paths = {
        prepare(job(source, (600, 450), **kw)).path for kw in ({}, {"quality": 80}, {"ink_limit": 280.0})
    }
    assert len(paths) == 3


def test_web_mode_gives_srgb(tmp_path: Path) -> None:
    result = prepare(job(photo(tmp_path / "foto.jpg"), (300, 225), mode="web", ppi=150, profile=None))
    with Image.open(result.path) as image:
        assert (image.mode, image.size) == ("RGB", (300, 225))
        assert (
            ImageCms.getProfileDescription(
                ImageCms.ImageCmsProfile(io.BytesIO(image.info["icc_profile"]))
            ).strip()
            == "sRGB built-in"
        )
    assert result.ppi == pytest.approx(150, abs=0.5) and result.warnings == ()


def test_print_jpegs_are_adobe_inverted_cmyk(tmp_path: Path) -> None:
    result = prepare(job(flat(tmp_path / "cyan.png", (0, 160, 230), icc_profile=SRGB), (300, 200)))
    assert cmyk_jpeg_inverted(result.path)
    web = prepare(job(tmp_path / "cyan.png", (150, 100), mode="web", ppi=150))
    assert not cmyk_jpeg_inverted(web.path)


def test_inverted_cmyk_renders_right_with_a_decode_array(tmp_path: Path) -> None:
    """What the PDF embedder must do: /Decode [1 0 1 0 1 0 1 0], checked with PDFium."""
    pikepdf = pytest.importorskip("pikepdf")
    pdfium = pytest.importorskip("pypdfium2")
    Image.new("CMYK", (16, 16), (255, 0, 0, 0)).save(tmp_path / "c.jpg", quality=95)  # 100 % cyan
    assert cmyk_jpeg_inverted(tmp_path / "c.jpg")
    pdf = pikepdf.new()
    picture = pikepdf.Stream(pdf, (tmp_path / "c.jpg").read_bytes())
    picture.update({"/Type": pikepdf.Name.XObject, "/Subtype": pikepdf.Name.Image, "/Width": 16, "/Height": 16,
                    "/ColorSpace": pikepdf.Name.DeviceCMYK, "/BitsPerComponent": 8, "/Filter": pikepdf.Name.DCTDecode,
                    "/Decode": pikepdf.Array([1, 0] * 4)})  # fmt: skip
    page = pdf.add_blank_page(page_size=(16, 16))
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=picture))
    page.Contents = pikepdf.Stream(pdf, b"q 16 0 0 16 0 0 cm /Im0 Do Q")
    pdf.save(tmp_path / "c.pdf")
    r, g, b = pdfium.PdfDocument(tmp_path / "c.pdf")[0].render().to_pil().convert("RGB").getpixel((8, 8))
    assert r < 60 and g > 120 and b > 200  # cyan; without /Decode it renders black


def test_progress_is_reported_per_photo(tmp_path: Path) -> None:
    sources = [photo(tmp_path / f"{n:02d}.jpg", (400, 300), seed=n) for n in range(1, 4)]
    messages: list[str] = []
    prepare_photos([job(s, (200, 150)) for s in sources], workers=2, progress=messages.append)
    assert messages[0] == "Fotos vorbereiten: 0 von 3 …" and messages[-1] == "Fotos vorbereiten: 3 von 3 …"
    messages.clear()
    prepare_photos([job(s, (200, 150)) for s in sources], progress=messages.append)
    assert messages == []  # all from the cache: nothing to follow
