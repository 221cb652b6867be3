"""The sample-image generator and the sample month contents (portraits 2018, photos 2020)."""

from __future__ import annotations

import datetime
import io
from pathlib import Path
from typing import Any

import pytest
import yaml
from PIL import Image, ImageChops, ImageCms, ImageStat

from kalender import demo

ROOT = Path(__file__).resolve().parent.parent
PORTRAITS = ROOT / "data" / "portraits" / "2018"
PHOTOS = ROOT / "data" / "photos" / "2020"
MONTHS = ("januar", "februar", "maerz", "april", "mai", "juni", "juli", "august", "september",
          "oktober", "november", "dezember")  # fmt: skip
NAMES = [f"{m:02d}-{name}" for m, name in enumerate(MONTHS, start=1)]

# docs/data-format.md, "Monatsinhalte"
PORTRAIT_KEYS = {"month", "name", "gender", "town", "origin", "arrived", "text", "photo", "focus",
                 "photo_credit", "consent"}  # fmt: skip
PHOTO_KEYS = {"month", "photo", "caption", "photographer", "town", "focus", "consent"}
TOWNS = yaml.safe_load((ROOT / "data" / "settings.yaml").read_text(encoding="utf-8"))["towns"]

PORTRAIT_ARGS: dict[str, Any] = {
    "skin": (200, 150, 110),
    "hair_style": "curly",
    "hair_colour": (40, 30, 28),
    "clothing": (60, 110, 140),
    "background": (214, 196, 170),
}


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path
    return data


def portraits() -> list[dict[str, Any]]:
    return [load(PORTRAITS / f"{name}.yaml") for name in NAMES]


def photos() -> list[dict[str, Any]]:
    return [load(PHOTOS / f"{name}.yaml") for name in NAMES]


def pixels(image: Image.Image) -> bytes:
    return image.tobytes()


# --- the generator -----------------------------------------------------------------------------


def test_same_seed_paints_the_same_portrait() -> None:
    first = demo.paint_portrait(7, 120, 135, **PORTRAIT_ARGS)
    again = demo.paint_portrait(7, 120, 135, **PORTRAIT_ARGS)
    other = demo.paint_portrait(8, 120, 135, **PORTRAIT_ARGS)
    assert pixels(first) == pixels(again)
    assert pixels(first) != pixels(other)


@pytest.mark.parametrize("motif", sorted(demo.MOTIFS))
def test_same_seed_paints_the_same_landscape(motif: str) -> None:
    first = demo.paint_landscape(3, 150, 100, motif)  # type: ignore[arg-type]
    again = demo.paint_landscape(3, 150, 100, motif)  # type: ignore[arg-type]
    other = demo.paint_landscape(4, 150, 100, motif)  # type: ignore[arg-type]
    assert pixels(first) == pixels(again)
    assert pixels(first) != pixels(other)


@pytest.mark.parametrize("size", [(120, 135), (101, 77), (64, 200)])
@pytest.mark.parametrize("hair_style", ["short", "long", "curly", "bun", "headscarf", "bald"])
def test_portrait_has_the_requested_size(size: tuple[int, int], hair_style: str) -> None:
    args = PORTRAIT_ARGS | {"hair_style": hair_style}
    image = demo.paint_portrait(1, *size, beard=True, **args)
    assert (image.mode, image.size) == ("RGB", size)


@pytest.mark.parametrize("size", [(150, 100), (99, 131)])
@pytest.mark.parametrize("palette", sorted(demo.PALETTES))
def test_landscape_has_the_requested_size(size: tuple[int, int], palette: str) -> None:
    for motif in demo.MOTIFS:
        image = demo.paint_landscape(1, *size, motif, palette=palette)  # type: ignore[arg-type]
        assert (image.mode, image.size) == ("RGB", size)


def test_unknown_names_are_refused() -> None:
    with pytest.raises(ValueError, match="hair_style"):
        demo.paint_portrait(1, 40, 45, **(PORTRAIT_ARGS | {"hair_style": "mohawk"}))
    with pytest.raises(ValueError, match="motif"):
        demo.paint_landscape(1, 40, 30, "volcano")  # type: ignore[arg-type]


def test_save_jpeg_embeds_srgb_and_dpi(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "out.jpg"
    demo.save_jpeg(Image.new("RGB", (30, 20), (200, 100, 50)), path, dpi=300, quality=85)
    assert_srgb_at_300_dpi(Image.open(path))


def assert_srgb_at_300_dpi(image: Image.Image) -> None:
    assert image.format == "JPEG"
    icc = image.info.get("icc_profile")
    assert icc, "no ICC profile embedded"
    assert "sRGB" in ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(icc)))
    assert min(image.info["dpi"]) >= 300


# --- the sample files --------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(
    ("folder", "size", "limit"),
    [(PORTRAITS, (2400, 2700), 1_250_000), (PHOTOS, (3000, 2000), 1_050_000)],
    ids=["portraits-2018", "photos-2020"],
)
def test_sample_image(name: str, folder: Path, size: tuple[int, int], limit: int) -> None:
    path = folder / f"{name}.jpg"
    with Image.open(path) as image:
        assert image.size == size
        assert image.mode == "RGB"
        assert_srgb_at_300_dpi(image)
    assert path.stat().st_size < limit


@pytest.mark.parametrize("kind", ["portrait", "photo"])
def test_repository_images_are_reproducible(kind: str) -> None:
    """`python -m kalender.demo data` rewrites the January images (up to JPEG encoder versions)."""
    folder, paint, quality = {
        "portrait": (PORTRAITS, demo.sample_portrait, demo.PORTRAIT_QUALITY),
        "photo": (PHOTOS, demo.sample_photo, demo.PHOTO_QUALITY),
    }[kind]
    buffer = io.BytesIO()
    paint(1).save(buffer, "JPEG", quality=quality, optimize=True)
    fresh, stored = Image.open(buffer), Image.open(folder / "01-januar.jpg").convert("RGB")
    difference = ImageStat.Stat(ImageChops.difference(fresh, stored)).mean
    assert max(difference) < 1.0, "images differ from the generator: run python -m kalender.demo data"


def test_portraits_are_files_of_the_documented_format() -> None:
    for name, data in zip(NAMES, portraits(), strict=True):
        assert set(data) == PORTRAIT_KEYS, name
        assert data["photo"] == f"{name}.jpg"
        assert data["consent"] == {
            "given": True,
            "date": data["consent"]["date"],
            "note": "Beispieldaten – erfundene Person",
        }
        assert isinstance(data["consent"]["date"], datetime.date)
        assert data["consent"]["date"].year == 2017
        assert isinstance(data["arrived"], int) and 1950 <= data["arrived"] <= 2017
        assert "\n# Beispieldaten" in (PORTRAITS / f"{name}.yaml").read_text(encoding="utf-8")  # after the schema line


def test_portraits_cover_every_month_once() -> None:
    assert [data["month"] for data in portraits()] == list(range(1, 13))


def test_six_women_and_six_men() -> None:
    genders = [data["gender"] for data in portraits()]
    assert genders.count("female") == 6
    assert genders.count("male") == 6


def test_each_town_once() -> None:
    towns = [data["town"] for data in portraits()]
    assert sorted(towns) == sorted(TOWNS)
    assert len(set(towns)) == 12


def test_twelve_origins_and_names() -> None:
    data = portraits()
    assert len({d["origin"] for d in data}) == 12
    assert len({d["name"] for d in data}) == 12


@pytest.mark.parametrize("name", NAMES)
def test_portrait_text_length(name: str) -> None:
    text = load(PORTRAITS / f"{name}.yaml")["text"]
    assert isinstance(text, str)
    assert 400 <= len(text) <= 700, f"{name}: {len(text)} Zeichen"
    assert "  " not in text and "\n" not in text


@pytest.mark.parametrize("month", [1, 4, 7, 12])
def test_portrait_focus_lies_on_the_face(month: int) -> None:
    """Just below the focus point, between the eyes, the picture shows the sitter's skin."""
    data = load(PORTRAITS / f"{NAMES[month - 1]}.yaml")
    with Image.open(PORTRAITS / str(data["photo"])) as image:
        fx, fy = data["focus"]
        x, y = fx * image.width, fy * image.height
        patch = image.convert("RGB").crop((int(x) - 10, int(y) + 15, int(x) + 10, int(y) + 35))
    skin = demo.SITTERS_2018[month - 1].skin
    for channel, expected in zip(ImageStat.Stat(patch).mean, skin, strict=True):
        assert abs(channel - expected) < 20


def test_photos_are_files_of_the_documented_format() -> None:
    for name, data in zip(NAMES, photos(), strict=True):
        assert set(data) == PHOTO_KEYS, name
        assert data["photo"] == f"{name}.jpg"
        assert data["town"] in TOWNS
        assert set(data["consent"]) == {"given", "date"}
        assert data["consent"]["given"] is True
        assert data["consent"]["date"].year == 2019
        fx, fy = data["focus"]
        assert 0 <= fx <= 1 and 0 <= fy <= 1
        assert 10 <= len(str(data["caption"])) <= 70


def test_photos_cover_every_month_once() -> None:
    assert [data["month"] for data in photos()] == list(range(1, 13))
