"""Geometry of every page for both templates, without looking at a PDF: text stays in the
safe zone and out of the wire-o binding, text lines do not overlap, photos fill the bleed."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest

from kalender.build import build_calendar
from kalender.layout.items import Box, Page, Picture, Text
from tests.conftest import DATA


@pytest.fixture(scope="module", params=["a3", "a4"])
def built(request, tmp_path_factory):  # type: ignore[no-untyped-def]
    output = tmp_path_factory.mktemp(request.param) / "k.pdf"
    return build_calendar(2018, DATA, output, request.param)


def _safe(page: Page, safe: float, binding: float) -> Box:
    top = max(safe, binding)
    return Box(safe, top, page.width - 2 * safe, page.height - top - safe)


def test_text_inside_the_safe_zone(built) -> None:  # type: ignore[no-untyped-def]
    t = built.template
    for page in built.pages:
        zone = _safe(page, t.safe, t.binding)
        for text in page.texts():
            assert text.box.inside(zone), (page.label, text.text, text.box)


def test_text_lines_do_not_overlap(built) -> None:  # type: ignore[no-untyped-def]
    for page in built.pages:
        texts = [t for t in page.texts() if t.text.strip()]
        for a, b in combinations(texts, 2):
            assert not _shrunk(a).overlaps(_shrunk(b)), (page.label, a.text, b.text)


def _shrunk(text: Text) -> Box:
    box = text.box  # ignore hairline touching of neighbouring boxes
    return Box(box.x + 0.05, box.y + 0.05, max(0.0, box.w - 0.1), max(0.0, box.h - 0.1))


def test_photos_reach_into_the_bleed(built) -> None:  # type: ignore[no-untyped-def]
    for page in built.pages:
        if page.kind != "month":
            continue
        picture = next(i for i in page.items if isinstance(i, Picture))
        assert picture.frame.x == pytest.approx(-page.bleed) and picture.frame.y == pytest.approx(-page.bleed)
        assert picture.placed.inside(picture.placed) and picture.frame.inside(picture.placed)


def test_photos_are_not_distorted(built) -> None:  # type: ignore[no-untyped-def]
    for page in built.pages:
        for picture in (i for i in page.items if isinstance(i, Picture)):
            w, h = picture.pixels
            assert picture.placed.w / picture.placed.h == pytest.approx(w / h, rel=1e-6)


def test_focus_point_is_visible(built) -> None:  # type: ignore[no-untyped-def]
    from kalender.content import load_months, load_settings

    months = {m.month: m for m in load_months(DATA, 2018, "portraits", load_settings(DATA).towns)[0]}
    for page, month in zip(built.pages[1:13], range(1, 13), strict=True):
        picture = next(i for i in page.items if isinstance(i, Picture))
        fx, fy = months[month].focus
        point = Box(picture.placed.x + fx * picture.placed.w, picture.placed.y + fy * picture.placed.h, 0, 0)
        assert point.inside(picture.frame), page.label


def test_templates_differ_only_in_data() -> None:
    """The A4 template is a YAML file; the same code lays it out (see the fixture's two runs)."""
    assert {p.stem for p in Path("templates").glob("*.yaml")} >= {"a3", "a4"}
    assert DATA.exists()


def test_the_back_page_shows_everyone_in_the_calendar(built) -> None:  # type: ignore[no-untyped-def]
    """Each month's picture as a tile with month, name, town and origin, clear of the text, and
    cropped exactly like the month page, so the print edition reuses the prepared image."""
    back, months = built.pages[-1], built.months
    assert back.kind == "back"
    assert not [w for w in built.warnings if "kein Platz für die Übersicht" in w.message]
    people = " ".join(t.text for t in back.texts() if t.role == "people")
    for content in months:
        for part in (content.name, content.town, f"Herkunft: {content.origin}"):
            assert part in people, part
    tiles = [i for i in back.items if isinstance(i, Picture)]
    assert [tile.path for tile in tiles] == [content.photo_path for content in months]
    for a, b in combinations(tiles, 2):
        assert not a.frame.overlaps(b.frame)
    for tile in tiles:
        assert tile.frame.inside(_safe(back, built.template.safe, built.template.binding))
        assert not any(tile.frame.overlaps(_shrunk(text)) for text in back.texts())
        assert any(_same_crop(page, tile) for page in built.pages if page.kind == "month"), tile.path


def _same_crop(page: Page, tile: Picture) -> list[Picture]:
    """The pictures of `page` showing the same part of the same photo as `tile`."""

    def crop(p: Picture) -> tuple[float, ...]:
        f, s = p.frame, p.placed
        return ((f.x - s.x) / s.w, (f.y - s.y) / s.h, f.w / s.w, f.h / s.h)

    return [tile for p in page.items if isinstance(p, Picture) and p.path == tile.path
            and crop(p) == pytest.approx(crop(tile), abs=1e-6)]  # fmt: skip


@pytest.mark.parametrize("sentences", [45, 120])
def test_a_long_imprint_leaves_out_the_people_or_is_an_error(data_copy: Path, tmp_path: Path, sentences: int) -> None:
    """Where the imprint takes the room, the tiles go; where it would run into the colour key,
    the build names the setting (no overlap, no endless wrapping into a width below zero)."""
    import yaml

    from kalender.errors import LayoutError

    settings = data_copy / "settings.yaml"
    content = yaml.safe_load(settings.read_text(encoding="utf-8"))
    content["imprint"] = " ".join(["Herausgeber und Gestaltung nach den Vorgaben des Kreises."] * sentences)
    settings.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    if sentences > 100:
        with pytest.raises(LayoutError) as error:
            build_calendar(2018, data_copy, tmp_path / "k.pdf")
        assert "settings.yaml:" in str(error.value) and "Impressum" in str(error.value)
        assert "Zeilen zu voll" in str(error.value)
        return
    result = build_calendar(2018, data_copy, tmp_path / "k.pdf")
    back = result.pages[-1]
    assert not [i for i in back.items if isinstance(i, Picture)]
    notes = [w for w in result.warnings if "kein Platz für die Übersicht" in w.message]
    assert len(notes) == 1 and notes[0].file.endswith("settings.yaml") and notes[0].severity == "Hinweis"
    texts = [t for t in back.texts() if t.text.strip()]
    assert "Impressum" in [t.text for t in texts]
    for a, b in combinations(texts, 2):
        assert not _shrunk(a).overlaps(_shrunk(b)), (a.text, b.text)


def test_long_lines_below_the_tiles_make_them_smaller_not_vanish(data_copy: Path, tmp_path: Path) -> None:
    """A long origin wraps into more lines; on A4 the tiles shrink to make room (found in review:
    a fixed number of rounds dropped all twelve)."""
    month = data_copy / "portraits" / "2018" / "05-mai.yaml"
    text = month.read_text(encoding="utf-8")
    month.write_text(text.replace("origin: Türkei", "origin: Demokratische Republik Kongo, später Belgien"),
                     encoding="utf-8")  # fmt: skip
    result = build_calendar(2018, data_copy, tmp_path / "k.pdf", "a4")
    back, t = result.pages[-1], result.template
    tiles = [i for i in back.items if isinstance(i, Picture)]
    assert len(tiles) == 12
    assert tiles[0].frame.w < (back.width - t.margin.left - t.margin.right) / 6  # shrunk, still there
    assert min(tiles[0].frame.w, tiles[0].frame.h) >= 15.0
    texts = [x for x in back.texts() if x.text.strip()]
    assert "Herkunft: Demokratische Republik Kongo, später Belgien" in " ".join(x.text for x in texts)
    for a, b in combinations(texts, 2):
        assert not _shrunk(a).overlaps(_shrunk(b)), (a.text, b.text)
    for tile in tiles:
        assert not any(tile.frame.overlaps(_shrunk(x)) for x in texts)


def test_a_photo_year_lists_captions_and_photographers(tmp_path: Path) -> None:
    result = build_calendar(2020, DATA, tmp_path / "k.pdf")
    back = result.pages[-1]
    texts = " ".join(t.text for t in back.texts())
    assert "Die Bilder in diesem Kalender" in texts
    people = " ".join(t.text for t in back.texts() if t.role == "people")
    for content in result.months:
        assert content.photographer in people
        assert content.caption.split()[0] in people  # captions wrap over lines
    assert len([i for i in back.items if isinstance(i, Picture)]) == len(result.months) == 12
