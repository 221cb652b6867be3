"""Small print PDFs for the preflight tests: one that passes every check, and variants that break one."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from PIL import Image
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

ROOT = Path(__file__).resolve().parents[2]
FONT = ROOT / "fonts" / "NotoSans-Regular.ttf"
PROFILE = ROOT / "templates" / "icc" / "FOGRA39L_coated.icc"
TRIM = 100.0  # mm, square: small pages keep the tests fast
CMYK = tuple[float, float, float, float]


@dataclass(frozen=True)
class Spec:
    """What the test PDF contains. The defaults make a PDF a print shop accepts."""

    trim_box: bool = True
    bleed: float = 3.0  # mm of MediaBox and BleedBox beyond the trim box
    embedded_font: bool = True
    image_px: int = 400  # placed 30 mm wide: 339 ppi
    image_mode: str = "CMYK"
    image_ink: tuple[int, int, int, int] = (200, 150, 100, 50)  # darkest pixel, 0..255 per plate
    background: CMYK = (0.2, 0.1, 0.0, 0.0)
    rgb_fill: bool = False
    extra_fill: CMYK | None = None  # a small box in this CMYK colour
    alpha: float = 1.0
    text_colour: CMYK = (0.0, 0.0, 0.0, 1.0)
    overprint: bool = True
    overprint_mode: int = 1
    text_from_top: float = 30.0  # mm below the trim box's top edge
    output_intent: bool = True
    pdfx_version: str = "PDF/X-3:2002"


def cmyk_jpeg(size: int, darkest: tuple[int, int, int, int], mode: str = "CMYK") -> bytes:
    """A JPEG whose ink grows from paper white (left) to `darkest` (right), written by Pillow."""
    image = Image.new("CMYK", (size, size))
    image.putdata([tuple(v * x // (size - 1) for v in darkest) for _ in range(size) for x in range(size)])
    buffer = io.BytesIO()
    (image if mode == "CMYK" else image.convert(mode)).save(buffer, "JPEG", quality=95)
    return buffer.getvalue()


def make_pdf(path: Path, spec: Spec = Spec()) -> Path:
    """Draw the PDF with reportlab, then add the PDF/X parts with pikepdf, as a print workflow would."""
    _draw(path, spec)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        if spec.output_intent:
            _add_output_intent(pdf)
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
            xmp["pdfxid:GTS_PDFXVersion"] = spec.pdfx_version
        pdf.docinfo["/GTS_PDFXVersion"] = spec.pdfx_version
        pdf.docinfo["/Trapped"] = pikepdf.Name("/False")
        pdf.save(path)
    return path


def _draw(path: Path, spec: Spec) -> None:
    if "NotoSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("NotoSans", str(FONT)))
    font = {"initialFontName": "NotoSans"} if spec.embedded_font else {}
    b = spec.bleed * mm
    canvas = Canvas(str(path), pagesize=(TRIM * mm + 2 * b, TRIM * mm + 2 * b), invariant=1, **font)
    canvas.setTitle("Testkalender")
    if spec.trim_box:
        canvas.setTrimBox((b, b, b + TRIM * mm, b + TRIM * mm))
    canvas.setBleedBox((0, 0, TRIM * mm + 2 * b, TRIM * mm + 2 * b))
    canvas.setFillColorCMYK(*spec.background)
    canvas.rect(0, 0, TRIM * mm + 2 * b, TRIM * mm + 2 * b, stroke=0, fill=1)
    jpeg = path.with_suffix(".jpg")
    jpeg.write_bytes(cmyk_jpeg(spec.image_px, spec.image_ink, spec.image_mode))
    canvas.drawImage(str(jpeg), b + 10 * mm, b + 10 * mm, 30 * mm, 30 * mm)
    if spec.rgb_fill or spec.extra_fill or spec.alpha < 1:
        canvas.saveState()
        if spec.alpha < 1:
            canvas.setFillAlpha(spec.alpha)
        if spec.rgb_fill:
            canvas.setFillColorRGB(0.8, 0.2, 0.2)
        else:
            canvas.setFillColorCMYK(*(spec.extra_fill or (0.0, 0.5, 0.0, 0.0)))
        canvas.rect(b + 50 * mm, b + 10 * mm, 20 * mm, 20 * mm, stroke=0, fill=1)
        canvas.restoreState()
    if spec.overprint:
        canvas.setFillOverprint(True)
        canvas.setOverprintMask(spec.overprint_mode)
    canvas.setFillColorCMYK(*spec.text_colour)
    if spec.embedded_font:
        canvas.setFont("NotoSans", 12)
    canvas.drawString(b + 20 * mm, b + (TRIM - spec.text_from_top) * mm, "Januar 2018")
    canvas.showPage()
    canvas.save()


def _add_output_intent(pdf: pikepdf.Pdf) -> None:
    profile = pdf.make_stream(PROFILE.read_bytes())
    profile.N = 4
    intent = pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent,
        S=pikepdf.Name.GTS_PDFX,
        OutputConditionIdentifier="FOGRA39",
        OutputCondition="Offsetdruck, gestrichenes Papier (ISO 12647-2:2004)",
        RegistryName="http://www.color.org",
        DestOutputProfile=profile,
    )
    pdf.Root.OutputIntents = pdf.make_indirect(pikepdf.Array([intent]))
