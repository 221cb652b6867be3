"""PDF/X: the output intent (printing condition) and the identification the standard asks for."""

from __future__ import annotations

import re
from typing import Any

import pikepdf

from kalender.preflight.document import Document
from kalender.preflight.objects import lookup
from kalender.preflight.report import ERROR, OK, WARNING, Finding, Settings

# Highest PDF version each PDF/X flavour is built on. ISO 15930-1/-6 say 1.3 for the :2001/:2002
# flavours; shops accept 1.4 for X-1a and X-3, which is what we check.
MAX_VERSION = {"PDF/X-1a": "1.4", "PDF/X-3": "1.4", "PDF/X-4": "1.6"}
# Printing conditions of the ICC registry a RIP knows by name: no profile needed (X-1a, X-3).
REGISTERED = re.compile(
    r"^(FOGRA\d+L?|CGATS ?TR ?\d{3}|IFRA\d+|JC\d{6}|JCN\d{4}|JCW\d{4}|GRACoL\w*|SWOP\w*)$", re.I
)
XMP_VERSION = "pdfxid:GTS_PDFXVersion"


def declared_version(doc: Document) -> str | None:
    """The PDF/X version the file claims: Info /GTS_PDFXVersion, else XMP pdfxid:GTS_PDFXVersion."""
    value = lookup(doc.pdf.trailer, "/Info", "/GTS_PDFXVersion")
    if value is not None:
        return str(value).strip()
    xmp = _xmp(doc)
    return str(xmp[XMP_VERSION]).strip() if xmp and XMP_VERSION in xmp else None


def check_output_intent(doc: Document, settings: Settings) -> list[Finding]:
    """output_intent: one GTS_PDFX intent with a condition and, where needed, a CMYK profile."""
    intents = [i for i in lookup(doc.pdf.Root, "/OutputIntents") or [] if lookup(i, "/S") == "/GTS_PDFX"]
    if not intents:
        return _strict(
            settings,
            "output_intent",
            "keine Ausgabebedingung (Output Intent /GTS_PDFX) – "
            "als PDF/X mit der Druckbedingung der Druckerei exportieren, z. B. FOGRA39 oder FOGRA51",
        )
    if len(intents) > 1:
        return _strict(
            settings, "output_intent", f"{len(intents)} Ausgabebedingungen – PDF/X erlaubt nur eine"
        )
    intent = intents[0]
    condition = str(intent.get("/OutputConditionIdentifier", "")).strip()
    if not condition:
        return _strict(
            settings,
            "output_intent",
            "die Ausgabebedingung nennt keine Druckbedingung (/OutputConditionIdentifier fehlt)",
        )
    profile = intent.get("/DestOutputProfile")
    if profile is None:
        x4 = (declared_version(doc) or "").startswith("PDF/X-4")
        if x4 or not REGISTERED.match(condition):
            why = "PDF/X-4 verlangt es" if x4 else f"„{condition}“ ist keine registrierte Druckbedingung"
            return _strict(
                settings,
                "output_intent",
                f"kein ICC-Ausgabeprofil eingebettet ({why}) – "
                "das CMYK-Profil der Druckerei als Ausgabeprofil einbetten",
            )
        return [
            Finding(
                "output_intent", OK, f"Druckbedingung {condition} (registriert, ohne eingebettetes Profil)"
            )
        ]
    problem = _profile_problem(profile)
    if problem:
        return _strict(settings, "output_intent", f"Ausgabeprofil für {condition}: {problem}")
    return [Finding("output_intent", OK, f"Druckbedingung {condition} mit eingebettetem CMYK-Profil")]


def _profile_problem(profile: Any) -> str:
    if not isinstance(profile, pikepdf.Stream):
        return "kein ICC-Profil (kein Datenstrom)"
    if profile.get("/N") != 4:
        return f"/N {profile.get('/N')} statt 4 – ein CMYK-Ausgabeprofil ist nötig"
    try:
        header = profile.read_bytes()[:20]
    except pikepdf.PdfError:
        return "nicht lesbar"
    if len(header) < 20 or header[16:20] != b"CMYK":
        return "das ICC-Profil beschreibt keinen CMYK-Farbraum"
    if header[12:16] != b"prtr":
        return f"kein Druckerprofil (Geräteklasse „{header[12:16].decode('latin-1')}“)"
    return ""


def check_pdfx(doc: Document, settings: Settings) -> list[Finding]:
    """pdfx: version key, header version, /Trapped, /Title, dates and XMP as PDF/X requires."""
    info = lookup(doc.pdf.trailer, "/Info") or pikepdf.Dictionary()
    version = declared_version(doc)
    problems: list[str] = []
    notes: list[str] = []
    header = doc.pdf.pdf_version
    if version is None:
        problems.append("keine PDF/X-Kennung (/GTS_PDFXVersion) – als PDF/X-1a, X-3 oder X-4 exportieren")
    else:
        flavour = next((f for f in MAX_VERSION if version.startswith(f)), None)
        if flavour is None:
            problems.append(f"unbekannte PDF/X-Kennung „{version}“ – erwartet PDF/X-1a, PDF/X-3 oder PDF/X-4")
        elif _version(header) > _version(MAX_VERSION[flavour]):
            problems.append(
                f"PDF-Version {header} passt nicht zu {version} (höchstens {MAX_VERSION[flavour]})"
            )
        if version == "PDF/X-1a:2001" and "/GTS_PDFXConformance" not in info:
            notes.append("/GTS_PDFXConformance fehlt (PDF/X-1a:2001 verlangt sie)")
    problems += _info_problems(info, _xmp(doc))
    if doc.pdf.is_encrypted:
        problems.append("das PDF ist verschlüsselt – PDF/X verbietet das")
    if "/Metadata" not in doc.pdf.Root:
        missing = "keine XMP-Metadaten im Dokument"
        (problems if (version or "").startswith("PDF/X-4") else notes).append(missing)
    findings = _strict(settings, "pdfx", *problems) + [Finding("pdfx", WARNING, n) for n in notes]
    return findings or [Finding("pdfx", OK, f"{version}, PDF {header}")]


def _info_problems(info: Any, xmp: Any) -> list[str]:
    problems = []
    trapped = info.get("/Trapped")
    if trapped is None and xmp is not None and "pdf:Trapped" in xmp:  # PDF/X-4 keeps it in XMP
        trapped = pikepdf.Name("/" + str(xmp["pdf:Trapped"]))
    if not (isinstance(trapped, pikepdf.Name) and trapped in ("/True", "/False")):
        shown = "fehlt" if trapped is None else f"ist {trapped!s}"
        problems.append(
            f"/Trapped {shown} – muss /True oder /False sein (meist /False: die Druckerei überfüllt)"
        )
    if not str(info.get("/Title", "")).strip():
        problems.append("kein Dokumenttitel (/Title) – PDF/X verlangt einen")
    for key, what in (("/CreationDate", "Erstellungsdatum"), ("/ModDate", "Änderungsdatum")):
        if key not in info:
            problems.append(f"{what} ({key}) fehlt")
    return problems


def _strict(settings: Settings, check: str, *messages: str) -> list[Finding]:
    severity = ERROR if settings.require_pdfx else WARNING
    return [Finding(check, severity, m) for m in messages]


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", text)[:2])


def _xmp(doc: Document) -> Any:
    if "/Metadata" not in doc.pdf.Root:
        return None
    try:
        return doc.pdf.open_metadata()
    except Exception:  # broken XMP: its keys count as missing, the check goes on
        return None
