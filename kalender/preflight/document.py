"""Open a PDF for the checks once: pikepdf objects, pdfium text, and caches shared by the checks."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import pikepdf

from kalender.preflight.content import PageContent
from kalender.preflight.objects import inherited
from kalender.preflight.report import PreflightError
from kalender.preflight.walker import walk_page

if TYPE_CHECKING:
    import pypdfium2


class Document:
    """The PDF under test. Page walks and decoded images are computed once and shared."""

    def __init__(self, path: Path, pdf: pikepdf.Pdf) -> None:
        self.path, self.pdf = path, pdf
        self.pages: list[pikepdf.Dictionary] = [p.obj for p in pdf.pages]
        self._content: dict[int, PageContent] = {}
        self.image_cache: dict[object, object] = {}
        self._text: dict[int, pypdfium2.PdfTextPage] = {}

    def numbered(self) -> Iterator[tuple[int, pikepdf.Dictionary]]:
        """(1-based page number, page dictionary) for every page."""
        return enumerate(self.pages, start=1)

    def resources(self, number: int) -> pikepdf.Dictionary:
        found = inherited(self.pages[number - 1], "/Resources")
        return found if isinstance(found, pikepdf.Dictionary) else pikepdf.Dictionary()

    def content(self, number: int) -> PageContent:
        """What page `number` paints: colours, text, image placements (see content.walk_page)."""
        if number not in self._content:
            self._content[number] = walk_page(self.pages[number - 1], self.resources(number))
        return self._content[number]

    def close(self) -> None:
        """Free PDFium's and qpdf's memory and file handles."""
        for text in self._text.values():
            text.close()
        if "pdfium" in self.__dict__:
            self.pdfium.close()
        self.pdf.close()

    def textpage(self, number: int) -> pypdfium2.PdfTextPage:
        """PDFium's text of page `number`: characters with their boxes in PDF user space."""
        if number not in self._text:
            self._text[number] = self.pdfium[number - 1].get_textpage()
        return self._text[number]

    @cached_property
    def pdfium(self) -> pypdfium2.PdfDocument:
        import pypdfium2

        try:
            return pypdfium2.PdfDocument(str(self.path))
        except pypdfium2.PdfiumError as exc:
            raise PreflightError(self.path, f"keine lesbare PDF-Datei (PDFium: {exc})") from None


def open_document(path: Path) -> Document:
    """Open `path` or raise PreflightError with the reason in German."""
    try:
        with path.open("rb") as file:
            head = file.read(1024)
    except FileNotFoundError:
        raise PreflightError(path, "Datei nicht gefunden") from None
    except OSError as exc:
        raise PreflightError(path, f"Datei nicht lesbar ({exc.strerror})") from None
    if b"%PDF-" not in head:
        raise PreflightError(path, "keine lesbare PDF-Datei (der Dateikopf %PDF- fehlt)")
    try:
        pdf = pikepdf.open(path)
        pages = len(pdf.pages)
    except pikepdf.PasswordError:
        raise PreflightError(path, "keine lesbare PDF-Datei (mit Passwort geschützt)") from None
    except (pikepdf.PdfError, RuntimeError) as exc:
        raise PreflightError(path, unreadable(exc)) from None
    damage = [w for w in pdf.get_warnings() if "damaged" in w or "startxref" in w]
    if damage:
        pdf.close()
        raise PreflightError(path, unreadable(damage[0]))
    if pages == 0:
        pdf.close()
        raise PreflightError(path, "keine lesbare PDF-Datei (keine Seiten)")
    return Document(path, pdf)


def unreadable(error: object) -> str:
    """The German reason for PreflightError, with qpdf's own words (minus the file name) as detail."""
    text = str(error)
    head, sep, tail = text.partition(": ")
    detail = tail if sep and ("/" in head or head.endswith(".pdf")) else text
    if "damaged" in detail:
        return f"keine lesbare PDF-Datei (beschädigt, wohl unvollständig geschrieben; qpdf: {detail}) – bitte neu erzeugen"
    return f"keine lesbare PDF-Datei (qpdf: {detail})"
