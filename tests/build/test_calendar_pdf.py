"""Build the 2018 sample calendar and read it back as a reader and a print shop would:
text from the PDF (pypdfium2), fonts and boxes from its objects (pikepdf), dots from a rendering."""

from __future__ import annotations

import functools
import io

import pikepdf
import pypdfium2 as pdfium
import pytest

from kalender.catalogue import load_catalogue
from kalender.compute import compute_holidays
from kalender.content import load_months, load_settings
from kalender.german import MONTHS
from kalender.layout.items import Circle
from kalender.yeardata import load_year
from tests.conftest import DATA


@functools.cache
def occurrences(year: int):  # type: ignore[no-untyped-def]
    """What the calendar of `year` prints: the holidays with the year file applied (omit, overrides)."""
    catalogue = load_catalogue(DATA)
    return compute_holidays(catalogue, year, load_year(DATA, year, catalogue)).occurrences

MM = 72 / 25.4


@pytest.fixture(scope="module")
def page_texts(built_2018) -> list[str]:  # type: ignore[no-untyped-def]
    _, path = built_2018
    pdf = pdfium.PdfDocument(str(path))
    return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]


@pytest.fixture(scope="module")
def portraits():  # type: ignore[no-untyped-def]
    settings = load_settings(DATA)
    return load_months(DATA, 2018, "portraits", settings.towns)[0]


def test_page_order(built_2018, page_texts: list[str]) -> None:  # type: ignore[no-untyped-def]
    result, _ = built_2018
    kinds = [p.kind for p in result.pages]
    assert kinds[0] == "cover" and kinds[1:13] == ["month"] * 12 and kinds[-1] == "back"
    assert set(kinds[13:-1]) == {"legend"}
    assert len(page_texts) == len(kinds)
    assert "Angekommen im Main-Taunus-Kreis" in page_texts[0] and "2018" in page_texts[0]
    assert "Integrationsbüro im Landratsamt" in page_texts[-1]


@pytest.mark.parametrize("month", range(1, 13))
def test_month_page_shows_month_and_portrait(month: int, page_texts: list[str], portraits) -> None:  # type: ignore[no-untyped-def]
    text = page_texts[month]
    assert f"{MONTHS[month - 1]}" in text and "2018" in text
    person = next(p for p in portraits if p.month == month)
    assert person.name in text
    assert person.town in text


def test_every_holiday_is_listed_on_its_month_page(page_texts: list[str]) -> None:
    for o in occurrences(2018):
        for month in range(o.start.month if o.start.year == 2018 else 1, o.end.month + 1 if o.end.year == 2018 else 13):
            # The list under the grid wraps long names: compare the first words.
            first_words = " ".join(o.holiday.name.split()[:2])
            assert first_words in _words(page_texts[month]), (o.id, month)


def _words(text: str) -> str:
    """Text as a reader sees it: pdfium reports a hyphen at a line end as U+FFFE and joins the word."""
    return " ".join(text.replace("\ufffe", "").split())


def test_every_holiday_is_explained_in_the_legend(built_2018, page_texts: list[str]) -> None:  # type: ignore[no-untyped-def]
    result, _ = built_2018
    legend = " ".join(t for t, p in zip(page_texts, result.pages, strict=True) if p.kind == "legend")
    legend = _words(legend)
    for o in occurrences(2018):
        assert o.holiday.text.split()[0] in legend
        assert " ".join(o.holiday.name.split()[:2]) in legend, o.id


def test_dots_are_drawn_in_their_group_colour(built_2018) -> None:  # type: ignore[no-untyped-def]
    """Render each month page and look at the centre of every dot the layout placed."""
    result, path = built_2018
    pdf = pdfium.PdfDocument(str(path))
    scale = 4
    for index, page in enumerate(result.pages):
        if page.kind != "month":
            continue
        image = pdf[index].render(scale=scale).to_pil().convert("RGB")
        for dot in (i for i in page.items if isinstance(i, Circle) and i.fill):
            x = (dot.x + page.bleed) * MM * scale
            y = (dot.y + page.bleed) * MM * scale
            r, g, b = image.getpixel((round(x), round(y)))
            expected = _swatch(dot.fill)
            assert all(abs(a - e) < 30 for a, e in zip((r, g, b), expected, strict=True)), (page.label, dot)


@functools.cache
def _swatch(cmyk: tuple[float, float, float, float]) -> tuple[int, int, int]:
    """How pdfium shows this CMYK fill: a one-colour page drawn independently of kalender."""
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(20, 20))
    canvas.setFillColorCMYK(*(v / 100 for v in cmyk))
    canvas.rect(0, 0, 20, 20, stroke=0, fill=1)
    canvas.save()
    image = pdfium.PdfDocument(buffer.getvalue())[0].render(scale=1).to_pil().convert("RGB")
    return image.getpixel((10, 10))  # type: ignore[return-value]


def test_dot_count_matches_holidays_starting_each_month(built_2018) -> None:  # type: ignore[no-untyped-def]
    result, _ = built_2018
    groups = {g for g, group in _groups().items() if not group.public}
    for page, month in zip(result.pages[1:13], range(1, 13), strict=True):
        starting = [o for o in occurrences(2018) if o.start.month == month and o.start.year == 2018
                    and o.holiday.group in groups]  # fmt: skip
        touching = [o for o in occurrences(2018)
                    if (o.start.year, o.start.month) <= (2018, month) <= (o.end.year, o.end.month)]  # fmt: skip
        dots = [i for i in page.items if isinstance(i, Circle)]
        # one dot in the grid per starting religious holiday, one in the list per religious entry
        religious = [o for o in touching if o.holiday.group in groups]
        assert len(dots) == len(starting) + len(religious), page.label


def _groups():  # type: ignore[no-untyped-def]
    from kalender.catalogue import load_catalogue

    return load_catalogue(DATA).groups


def test_fonts_embedded_and_no_helvetica(built_2018) -> None:  # type: ignore[no-untyped-def]
    _, path = built_2018
    with pikepdf.open(path) as pdf:
        names = set()
        for page in pdf.pages:
            for _, font in page.resources.get("/Font", {}).items():
                names.add(str(font.BaseFont))
                descriptor = font.get("/FontDescriptor") or font.DescendantFonts[0].FontDescriptor
                assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, font.BaseFont
        assert names and not any("Helvetica" in n for n in names)


def test_boxes_and_bleed(built_2018) -> None:  # type: ignore[no-untyped-def]
    result, path = built_2018
    t = result.template
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            media = [float(v) for v in page.MediaBox]
            trim = [float(v) for v in page.TrimBox]
            assert trim[2] - trim[0] == pytest.approx(t.width * MM, abs=0.1)
            assert trim[0] == pytest.approx(t.bleed * MM, abs=0.1)
            assert media[2] - media[0] == pytest.approx((t.width + 2 * t.bleed) * MM, abs=0.1)


def test_nothing_drawn_outside_the_page(built_2018) -> None:  # type: ignore[no-untyped-def]
    result, _ = built_2018
    for page in result.pages:
        from kalender.layout.items import Box

        sheet = Box(-page.bleed, -page.bleed, page.width + 2 * page.bleed, page.height + 2 * page.bleed)
        for item in page.items:
            box = getattr(item, "box", None)
            if box is not None:
                assert box.inside(sheet), (page.label, item)


def test_pdf_is_small_compared_to_its_images_and_fonts(built_2018) -> None:  # type: ignore[no-untyped-def]
    _, path = built_2018
    with pikepdf.open(path) as pdf:
        images = sum(len(obj.read_raw_bytes()) for obj in pdf.objects
                     if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image")  # fmt: skip
        fonts = sum(len(obj.read_raw_bytes()) for obj in pdf.objects
                    if isinstance(obj, pikepdf.Stream) and ("/Length1" in obj or obj.get("/Subtype") == "/OpenType"))  # fmt: skip
    assert path.stat().st_size <= 1.1 * (images + fonts)
