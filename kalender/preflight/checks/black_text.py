"""Black text: 100 % K that overprints, not four-colour or RGB black; no white text set to overprint."""

from __future__ import annotations

from kalender.preflight.colourspace import describe, ink
from kalender.preflight.content import Paint
from kalender.preflight.document import Document
from kalender.preflight.report import ERROR, WARNING, Finding, Settings, ok_or, pages_text

DARK_K = 0.9  # K at or above this is black text
DARK_RGB = 0.2  # RGB components all at or below this print as a four-colour black
DARK_LAB = 20.0  # Lab lightness
ERRORS = ("rich", "rgb", "white")


def check_black_text(doc: Document, settings: Settings) -> list[Finding]:
    """black_text: rich or RGB black → Fehler per page; 100 % K that does not overprint → one Warnung."""
    found: dict[str, dict[int, list[Paint]]] = {}
    for number, _ in doc.numbered():
        for paint in doc.content(number).paints:
            kind = classify(paint) if paint.kind == "Text" else ""
            if kind:
                found.setdefault(kind, {}).setdefault(number, []).append(paint)
    findings = []
    for kind, pages in found.items():
        if kind in ERRORS:
            findings += [_error(doc, number, kind, paints) for number, paints in pages.items()]
        else:  # the same habit on every page: say it once
            findings.append(_warning(doc, kind, pages))
    return ok_or(
        "black_text",
        sorted(findings, key=lambda f: f.page or 0),
        "kein Vierfarb- oder RGB-Schwarz; schwarzer Text überdruckt",
    )


def classify(paint: Paint) -> str:
    """'rich', 'rgb', 'knockout', 'opm0', 'white' or '' for text that is fine."""
    space, values = paint.space, paint.values
    if space.model == "RGB" and values and max(values) <= DARK_RGB:
        return "rgb"
    if space.model == "Lab" and values and values[0] <= DARK_LAB:
        return "rgb"
    plates = ink(space, values)
    if plates is None:
        return ""
    c, m, y, k, spot = plates
    if paint.overprints and space.model in ("CMYK", "Gray") and c + m + y + k + spot == 0:
        return "white"
    if k < DARK_K:
        return ""
    if c > 0 or m > 0 or y > 0:
        return "rich"
    if paint.overprints:
        return ""
    return "opm0" if paint.overprint else "knockout"


def _error(doc: Document, number: int, kind: str, paints: list[Paint]) -> Finding:
    first = paints[0]
    where = _where(doc, number, paints)
    if kind == "white":
        message = (
            f"Seite {number}: weißer Text steht auf Überdrucken ({where}) – "
            "er verschwindet im Druck; Überdrucken für weißen Text ausschalten"
        )
    else:
        name = "Vierfarbschwarz" if kind == "rich" else "RGB"
        message = (
            f"Seite {number}: schwarzer Text in {name} ({describe(first.space, first.values)}; {where}) – "
            "schwarzer Text in Vierfarbschwarz/RGB: bitte 100 % K (C0 M0 Y0 K100) verwenden, "
            "sonst wird er unscharf, sobald die Farbauszüge nicht genau passen"
        )
    return Finding("black_text", ERROR, message, number)


def _warning(doc: Document, kind: str, pages: dict[int, list[Paint]]) -> Finding:
    first = min(pages)
    why = (
        "Überdrucken ist an, aber der Überdruckmodus OPM 0 spart C, M und Y trotzdem aus – /OPM 1 setzen"
        if kind == "opm0"
        else "Überdrucken für schwarzen Text einschalten (/op true, /OPM 1)"
    )
    runs = sum(len(p) for p in pages.values())
    example = _where(doc, first, pages[first], count=False)
    where = f"{_runs(runs)}; Seite {first}: {example}" if len(pages) > 1 else f"{_runs(runs)}, {example}"
    message = (
        f"{pages_text(pages)}: schwarzer Text (100 % K) überdruckt nicht ({where}) – {why}; "
        "sonst zeigen sich weiße Blitzer, wo die Druckplatten nicht genau passen"
    )
    return Finding("black_text", WARNING, message, first)


def _where(doc: Document, number: int, paints: list[Paint], count: bool = True) -> str:
    first = paints[0]
    font = f"{first.font} {f'{first.size:.1f}'.replace('.', ',')} pt"
    return (f"{_runs(len(paints))}, " if count else "") + font + _example(doc, number, paints)


def _runs(count: int) -> str:
    return f"{count} Textstelle" + ("n" if count > 1 else "")


def _example(doc: Document, number: int, paints: list[Paint]) -> str:
    """A few words of the first run whose start is known, read back with PDFium."""
    for paint in paints:
        if paint.origin is None or paint.size <= 0:
            continue
        x, y = paint.origin
        size = paint.size
        text = doc.textpage(number).get_text_bounded(
            x - 0.1 * size, y - 0.2 * size, x + 15 * size, y + 0.7 * size
        )
        words = " ".join(text.split())[:40]
        if words:
            return f", z. B. „{words}“"
    return ""
