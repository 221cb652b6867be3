"""`kalender proof YEAR`: PNG proofs of every page, a contact sheet, and an approval sheet per
portrait, rendered from the calendar's PDF (pypdfium2), so the proof shows what prints.

The pages come from the web edition: the same layout as the print edition, trimmed to the
final format, with its CMYK colours converted through the print profile (a soft proof; PDFium
would convert the print edition's CMYK naively and show it too bright).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from kalender.build import BuildOptions, build_calendar
from kalender.content import MonthContent
from kalender.german import MONTH_FILES, MONTHS

PAGE_DPI = 72  # an A3 page becomes 842 x 1191 pixels: every word readable on screen
SHEET_DPI = 150  # the approval sheet's picture of the month page
CONTACT_COLUMNS, THUMB_WIDTH = 6, 260


@dataclass(frozen=True)
class Proofs:
    folder: Path
    pages: list[Path]
    contact_sheet: Path
    approvals: list[Path]


def make_proofs(
    year: int, data_dir: Path, folder: Path, template: str | None = None,
    progress: Callable[[str], None] = lambda _: None,
) -> Proofs:  # fmt: skip
    """Write the proofs of `year` into `folder`, replacing the old ones only when all are made."""
    import pypdfium2

    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}."))
    try:
        progress("Kalender setzen …")
        result = build_calendar(year, data_dir, work / "kalender.pdf", options=BuildOptions(web=True, template=template),
                                progress=progress)  # fmt: skip
        document = pypdfium2.PdfDocument(str(work / "kalender.pdf"))
        pages, thumbs = [], []
        for number, page in enumerate(result.pages, start=1):
            progress(f"Seite {number} von {len(result.pages)} …")
            image = document[number - 1].render(scale=PAGE_DPI / 72).to_pil()
            path = work / f"seite-{number:02d}-{_slug(page.label)}.png"
            image.save(path, optimize=False)
            pages.append(path.name)
            thumbs.append((f"{number}  {page.label}", image))
        _contact_sheet(thumbs, work / "kontaktbogen.png", result.template.font_dir / result.template.fonts.regular)
        approvals = _approvals(year, result, document, work, progress)
        document.close()
        (work / "kalender.pdf").unlink()
        _replace_folder(work, folder)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return Proofs(folder, [folder / p for p in pages], folder / "kontaktbogen.png",
                  [folder / "freigabe" / a for a in approvals])  # fmt: skip


def _approvals(year, result, document, work: Path, progress) -> list[str]:  # type: ignore[no-untyped-def]
    """One approval sheet per portrait: its month page (the portrait band) and the text."""
    from kalender.render.proofsheet import Approval, approval_sheet
    from kalender.render.text import Typesetter

    t = result.template
    settings = result.settings
    ts = Typesetter(t.font_dir, {s: getattr(t.fonts, s) for s in ("regular", "bold", "italic")})
    months: dict[str, MonthContent] = {MONTHS[p.month - 1]: p for p in result.months}
    names = []
    (work / "freigabe").mkdir()
    for number, page in enumerate(result.pages):
        content = months.get(page.label) if page.kind == "month" else None
        if content is None or content.kind != "portraits":
            continue
        progress(f"Freigabe {content.name} …")
        image = document[number].render(scale=SHEET_DPI / 72).to_pil()
        band = (t.portrait.photo_height + 2) / t.height  # the portrait band, above the month title
        image = image.crop((0, 0, image.width, round(image.height * band)))
        month = MONTHS[content.month - 1]
        sheet = Approval(
            title=f"Ihr Porträt im Kalender „{result.motto} {year}“",
            greeting=f"Guten Tag, so erscheint das Porträt von {content.name} im {month} {year}. Bitte prüfen Sie "
                     "Name, Ort, Herkunft, Text und Foto und geben Sie uns das Blatt unterschrieben zurück.",
            text=content.text or "",
            facts=(("Name", content.name or ""), ("Ort", content.town or ""),
                   ("Herkunft", content.origin or ""), ("Bildnachweis", content.credit)),
            reply=f"Rückfragen und Änderungen: {settings.publisher.office}, {settings.publisher.name}, "
                  f"{settings.publisher.address}",
        )  # fmt: skip
        name = f"{content.month:02d}-{MONTH_FILES[content.month - 1]}-{_slug(content.name or '')}.pdf"
        approval_sheet(work / "freigabe" / name, image, sheet, ts)
        names.append(name)
    return names


def _contact_sheet(thumbs: list[tuple[str, Image.Image]], target: Path, font_file: Path) -> None:
    """All pages small on one image, each with its number and name."""
    font = ImageFont.truetype(str(font_file), 15)
    scale = THUMB_WIDTH / thumbs[0][1].width
    cell_w, cell_h = THUMB_WIDTH + 24, round(max(i.height for _, i in thumbs) * scale) + 48
    rows = -(-len(thumbs) // CONTACT_COLUMNS)
    sheet = Image.new("RGB", (CONTACT_COLUMNS * cell_w + 24, rows * cell_h + 24), "#e6e6e6")
    draw = ImageDraw.Draw(sheet)
    for index, (label, image) in enumerate(thumbs):
        x, y = 24 + (index % CONTACT_COLUMNS) * cell_w, 24 + (index // CONTACT_COLUMNS) * cell_h
        small = image.resize((THUMB_WIDTH, round(image.height * scale)), Image.Resampling.LANCZOS)
        sheet.paste(small, (x, y))
        draw.rectangle((x - 1, y - 1, x + small.width, y + small.height), outline="#9a9a9a")
        draw.text((x, y + small.height + 8), label, fill="#202020", font=font)
    sheet.save(target)


def _replace_folder(work: Path, folder: Path) -> None:
    """Put the finished proofs in place of the old ones (an old folder is removed only now)."""
    if folder.exists():
        old = folder.with_name(f".{folder.name}.alt")
        shutil.rmtree(old, ignore_errors=True)
        os.replace(folder, old)
        os.replace(work, folder)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(work, folder)
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)


def _slug(text: str) -> str:
    """File-name form: lower case, ASCII, hyphens (Agnieszka Wróbel -> agnieszka-wrobel)."""
    text = text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "seite"

