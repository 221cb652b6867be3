"""Label a finished PDF as PDF/X: output intent with the ICC profile, Info and XMP keys, version.

ReportLab drops catalogue entries such as /OutputIntents, so this is a small post-processing
step with pikepdf on the drawn file.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pikepdf
from pikepdf import Dictionary, Name, String

# Per standard: the Info /GTS_PDFXVersion value, /GTS_PDFXConformance if any, PDF version.
STANDARDS = {
    "X-3": ("PDF/X-3:2002", None, "1.3"),
    "X-1a": ("PDF/X-1a:2001", "PDF/X-1a:2001", "1.3"),
    "X-4": ("PDF/X-4", None, "1.6"),
}
_NS_PDFX = "http://ns.adobe.com/pdfx/1.3/"
_NS_PDFXID = "http://www.npes.org/pdfx/ns/id/"


@dataclass(frozen=True)
class OutputCondition:
    standard: str  # X-3, X-1a, X-4
    profile: Path
    identifier: str  # FOGRA39
    info: str  # Coated FOGRA39 (ISO 12647-2:2004)
    registry: str


def label_pdfx(
    source: bytes, target: Path, condition: OutputCondition, title: str, moment: datetime | None = None
) -> None:
    """Write the PDF `source` to `target` with the PDF/X identification added."""
    version, conformance, pdf_version = STANDARDS[condition.standard]
    moment = moment or datetime.now(UTC).replace(microsecond=0)
    with pikepdf.open(io.BytesIO(source)) as pdf:
        profile = pdf.make_stream(condition.profile.read_bytes())
        profile.N = 4
        intent = Dictionary(
            Type=Name.OutputIntent, S=Name.GTS_PDFX, OutputConditionIdentifier=String(condition.identifier),
            OutputCondition=String(condition.info), Info=String(condition.info),
            RegistryName=String(condition.registry), DestOutputProfile=profile,
        )  # fmt: skip
        pdf.Root.OutputIntents = pikepdf.Array([pdf.make_indirect(intent)])
        _info(pdf, version, conformance, title, moment)
        _xmp(pdf, version, conformance, title, moment)
        # Streams pass through untouched: qpdf would otherwise inflate and deflate every one.
        # The /ID keeps ReportLab's first part and gets a new second part, as an edited file
        # should (qpdf's deterministic_id would hash all 30 MB again: 40 ms).
        pdf.save(target, force_version=pdf_version, object_stream_mode=pikepdf.ObjectStreamMode.disable,
                 stream_decode_level=pikepdf.StreamDecodeLevel.none)  # fmt: skip


def _info(pdf: pikepdf.Pdf, version: str, conformance: str | None, title: str, moment: datetime) -> None:
    stamp = String(moment.strftime("D:%Y%m%d%H%M%SZ"))
    info = pdf.docinfo
    info.GTS_PDFXVersion = String(version)
    if conformance:
        info.GTS_PDFXConformance = String(conformance)
    info.Trapped = Name("/False")
    info.Title = String(title)
    info.CreationDate = stamp
    info.ModDate = stamp
    info.Producer = String("kalender (ReportLab, pikepdf)")


def _xmp(pdf: pikepdf.Pdf, version: str, conformance: str | None, title: str, moment: datetime) -> None:
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta.register_xml_namespace(_NS_PDFX, "pdfx")  # type: ignore[attr-defined]
        meta.register_xml_namespace(_NS_PDFXID, "pdfxid")  # type: ignore[attr-defined]
        meta["dc:title"] = title
        meta["xmp:CreateDate"] = moment.isoformat()
        meta["xmp:ModifyDate"] = moment.isoformat()
        meta["xmp:CreatorTool"] = "kalender"
        meta["pdf:Producer"] = "kalender (ReportLab, pikepdf)"
        meta["pdf:Trapped"] = "False"
        meta["pdfx:GTS_PDFXVersion"] = version
        if conformance:
            meta["pdfx:GTS_PDFXConformance"] = conformance
        if version == "PDF/X-4":
            meta["pdfxid:GTS_PDFXVersion"] = version
