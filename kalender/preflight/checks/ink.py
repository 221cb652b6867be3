"""Ink: the highest total area coverage per page, from image pixels, vector colours and overprints."""

from __future__ import annotations

from collections.abc import Iterable

from kalender.preflight.colourspace import Ink, describe, ink
from kalender.preflight.content import Paint, Placement
from kalender.preflight.document import Document
from kalender.preflight.images import ImagePixels, decode, ink_memory
from kalender.preflight.objects import Box
from kalender.preflight.report import ERROR, OK, WARNING, Finding, Settings

ROUNDING = 0.5  # percent: 8-bit samples and printed values are rounded
Source = tuple[float, str]  # percent, and what lays it down (German)


def check_ink(doc: Document, settings: Settings) -> list[Finding]:
    """ink: a page above ink_limit → Fehler naming the page, the value and where it comes from."""
    findings: list[Finding] = []
    highest: tuple[float, int, str] | None = None
    for number, _ in doc.numbered():
        page = _PageInk(doc, number)
        findings += page.unmeasured
        if page.best is None:
            continue
        percent, source = page.best
        if highest is None or percent > highest[0]:
            highest = (percent, number, source)
        if percent > settings.ink_limit + ROUNDING:
            findings.append(Finding("ink", ERROR, _message(number, percent, source, settings), number))
    if findings:
        return findings
    if highest is None:
        return [Finding("ink", OK, "keine Farbflächen")]
    percent, number, source = highest
    return [Finding("ink", OK, f"höchster Farbauftrag {percent:.0f} % (Seite {number}, {source})")]


class _PageInk:
    """The highest ink on one page: each colour and image alone, then overprints on what lies below."""

    def __init__(self, doc: Document, number: int) -> None:
        self.doc, self.number = doc, number
        content = doc.content(number)
        self.unmeasured: list[Finding] = []
        self.pixels: dict[object, ImagePixels] = {}  # decoded for this page only: images are large
        self.knockout: dict[Ink, list[Paint]] = {}
        self.overprint: dict[Ink, list[Paint]] = {}
        for paint in content.paints:
            plates = ink(paint.space, paint.values)
            if plates is not None:
                (self.overprint if paint.overprints else self.knockout).setdefault(plates, []).append(paint)
        overprint = self.overprint
        sources = [(100 * sum(p), _what(paints[0])) for p, paints in self.knockout.items()]
        sources += [(100 * sum(p), _what(paints[0]) + " überdruckend") for p, paints in overprint.items()]
        self.images = [(pl, percent) for pl in content.placements if (percent := self._image(pl)) is not None]
        sources += [(percent, placement.label) for placement, percent in self.images]
        self.best: Source | None = max(sources, default=None)
        for plates, paints in overprint.items():
            self._over_colours(plates, paints)
            self._over_images(plates, paints)

    def _image(self, placement: Placement) -> float | None:
        """The image's own highest ink, decoded once per document; None if it cannot be measured."""
        cache = self.doc.image_cache
        if placement.key not in cache:
            if self._under_overprint(placement):
                pixels = decode(placement)
                if isinstance(pixels, ImagePixels):
                    self.pixels[placement.key] = pixels
                cache[placement.key] = pixels.percent() if isinstance(pixels, ImagePixels) else pixels
            else:
                cache[placement.key] = _remembered_percent(placement)
        measured = cache[placement.key]
        if isinstance(measured, float):
            return measured
        if placement.space is not None and placement.space.model in ("CMYK", "Gray", "Indexed"):
            message = (f"Seite {self.number}: {placement.label}: Farbauftrag nicht messbar ({measured}) – "
                       "bitte in der Druckerei prüfen lassen")  # fmt: skip
            self.unmeasured.append(Finding("ink", WARNING, message, self.number))
        return None

    def _under_overprint(self, placement: Placement) -> bool:
        """Will the pixels be needed again for an overprint on this image?"""
        tops = (paint for paints in self.overprint.values() for paint in paints)
        return any(t.order > placement.order and _meets(t.bbox, placement.bbox) for t in tops)

    def _beats(self, percent: float) -> bool:
        return self.best is None or percent > self.best[0]

    def _over_colours(self, plates: Ink, paints: list[Paint]) -> None:
        """The overprinting colour on each knockout colour it touches, most ink first."""
        below = sorted(self.knockout, key=lambda under: sum(_overprint(plates, under)), reverse=True)
        for under in below:
            percent = 100 * sum(_overprint(plates, under))
            if not self._beats(percent):
                return  # sorted: nothing further down can beat the page's highest
            if _overlap(paints, self.knockout[under]):
                self.best = (percent, f"{_what(paints[0])} überdruckend auf {_what(self.knockout[under][0])}")
                return

    def _over_images(self, plates: Ink, paints: list[Paint]) -> None:
        """The overprinting colour on the pixels of each image below it."""
        for placement, alone in self.images:
            if not self._beats(alone + 100 * sum(plates)):
                continue  # not even the darkest pixel under a full overprint could beat it
            for paint in paints:
                if paint.order < placement.order or not _meets(paint.bbox, placement.bbox):
                    continue
                pixels = self._pixels(placement)
                region = pixels.region(placement, paint.bbox) if paint.bbox else None
                if paint.bbox is not None and region is None:
                    continue
                percent = pixels.percent(region, plates)
                if self._beats(percent):
                    self.best = (percent, f"{_what(paint)} überdruckend auf {placement.label}")

    def _pixels(self, placement: Placement) -> ImagePixels:
        if placement.key not in self.pixels:
            pixels = decode(placement)
            assert isinstance(pixels, ImagePixels)  # it was measured before
            self.pixels[placement.key] = pixels
        return self.pixels[placement.key]


def _remembered_percent(placement: Placement) -> float | str:
    """An image's highest ink, kept on disk by content: a rebuilt calendar embeds the same
    converted photos, and decoding two dozen large JPEGs again would dominate the check."""
    from kalender.cache import cached

    decode_array = tuple(float(v) for v in placement.image.get("/Decode", []))
    space = placement.space.label if placement.space else "-"
    name = ink_memory(bytes(placement.image.read_raw_bytes()), decode_array, space)

    def measure() -> float | str:
        pixels = decode(placement)
        return pixels.percent() if isinstance(pixels, ImagePixels) else pixels

    return cached(name, measure)  # type: ignore[no-any-return]


def _what(paint: Paint) -> str:
    return f"{paint.kind} {describe(paint.space, paint.values)}"


def _overprint(top: Ink, below: Ink) -> Ink:
    """Plates the top colour paints replace those below; the rest shows through; spot inks add up."""
    c, m, y, k = (t if t > 0 else b for t, b in zip(top[:4], below[:4], strict=True))
    return (c, m, y, k, top[4] + below[4])


def _overlap(tops: Iterable[Paint], belows: list[Paint]) -> bool:
    """Does any of `tops` lie on any of `belows` painted before it?"""
    return any(t.order > b.order and _meets(t.bbox, b.bbox) for t in tops for b in belows)


def _meets(a: Box | None, b: Box | None) -> bool:
    """Do two boxes overlap? An unknown box (None) may be anywhere."""
    if a is None or b is None:
        return True
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _message(number: int, percent: float, source: str, settings: Settings) -> str:
    if "überdruckend" in source:
        advice = "dort nicht überdrucken oder die Farbe darunter aufhellen"
    elif source.startswith(("Bild", "Inline-Bild")):
        advice = "das Bild mit dem CMYK-Profil der Druckerei separieren (begrenzt den Farbauftrag)"
    else:
        advice = "die Farbe reduzieren, z. B. Tiefschwarz als C60 M40 Y40 K100 (240 %)"
    return (
        f"Seite {number}: Farbauftrag {percent:.0f} % ({source}) über dem Grenzwert "
        f"{settings.ink_limit:.0f} % – {advice}"
    )
