"""`kalender proof YEAR`: a PNG per page rendered from the PDF, a contact sheet, and an approval
sheet per portrait with the person's name, text and a place to sign."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
from PIL import Image

from kalender.content import load_months, load_settings
from tests.conftest import DATA


@pytest.fixture(scope="module")
def proofs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from kalender.cli import main

    folder = tmp_path_factory.mktemp("proof") / "probe-2018"
    assert main(["proof", "2018", "--data", str(DATA), "-o", str(folder)]) == 0
    return folder


def test_every_page_as_png(proofs: Path) -> None:
    pages = sorted(proofs.glob("seite-*.png"))
    assert [p.name for p in pages][:3] == ["seite-01-titel.png", "seite-02-januar.png", "seite-03-februar.png"]
    assert pages[-1].name == "seite-17-rueckseite.png"
    with Image.open(pages[1]) as page:  # A3 at 72 dpi: 842 x 1191 pixels, trimmed (no bleed)
        assert abs(page.width - 842) <= 1 and abs(page.height - 1191) <= 1
        assert len(page.getcolors(1 << 20) or ()) > 1000  # a photo, not an empty page


def test_contact_sheet_shows_all_pages(proofs: Path) -> None:
    with Image.open(proofs / "kontaktbogen.png") as sheet:
        assert sheet.width > 1500 and sheet.height > 1000


def test_an_approval_sheet_per_portrait(proofs: Path) -> None:
    settings = load_settings(DATA)
    months, _ = load_months(DATA, 2018, "portraits", settings.towns)
    sheets = sorted((proofs / "freigabe").glob("*.pdf"))
    assert len(sheets) == 12
    for content, path in zip(months, sheets, strict=True):
        assert path.name.startswith(f"{content.month:02d}-")
        document = pypdfium2.PdfDocument(str(path))
        assert len(document) == 1
        text = document[0].get_textpage().get_text_range().replace("\r\n", " ").replace("\ufffe", "")
        assert content.name in text and content.town in text and "Unterschrift" in text
        first_words = " ".join((content.text or "").split()[:6])
        assert first_words in " ".join(text.split())


def test_proofs_of_a_broken_year_leave_the_old_ones(proofs: Path, data_copy: Path) -> None:
    from kalender.cli import main

    before = sorted(p.name for p in proofs.rglob("*"))
    text = (data_copy / "portraits/2018/03-maerz.yaml").read_text(encoding="utf-8")
    (data_copy / "portraits/2018/03-maerz.yaml").write_text(text.replace("town:", "twon:"), encoding="utf-8")
    assert main(["proof", "2018", "--data", str(data_copy), "-o", str(proofs)]) == 2
    assert sorted(p.name for p in proofs.rglob("*")) == before
    assert not [p for p in proofs.parent.iterdir() if p.name.startswith(".probe-2018")]
