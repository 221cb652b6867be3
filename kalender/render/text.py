"""Measure text and break it into lines: the one place that knows fonts and hyphenation.

Layout asks here for widths (in mm) and line breaks; drawing uses the same registered fonts,
so what is measured is what prints.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pyphen
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kalender.cache import cached

PT_TO_MM = 25.4 / 72
STYLES = ("regular", "bold", "italic")
_HYPHEN = "-"
LANGUAGE = "de_DE"


@lru_cache(maxsize=1)
def _dictionary() -> pyphen.Pyphen:
    """German patterns; parsing them takes 0.6 s, so the parsed form is cached on disk."""
    path = pyphen.LANGUAGES[LANGUAGE]
    if path not in pyphen.hdcache:
        version = getattr(pyphen, "VERSION", getattr(pyphen, "__version__", "0"))
        pyphen.hdcache[path] = cached(f"hyph-{LANGUAGE}-{version}.pickle", lambda: pyphen.HyphDict(path))
    # German typesetting: no fragment shorter than 3 letters at either end of a hyphenated word.
    return pyphen.Pyphen(lang=LANGUAGE, left=3, right=3)


def font_name(font_dir: Path, file: str) -> str:
    """Register a TrueType font (once) and return the name reportlab knows it by."""
    name = "K-" + Path(file).stem
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(font_dir / file)))
    return name


class Typesetter:
    """Widths and line breaks for the three styles of a template's font family."""

    def __init__(self, font_dir: Path, files: dict[str, str]) -> None:
        self.fonts = {style: font_name(font_dir, files[style]) for style in STYLES}

    def width(self, text: str, style: str, size: float) -> float:
        """Width of `text` in mm (reportlab does not kern, so widths of words add up)."""
        return _width(text, self.fonts[style]) * size * PT_TO_MM

    def missing_glyphs(self, text: str, style: str = "regular") -> str:
        """The characters of `text` that the font cannot draw."""
        face = pdfmetrics.getFont(self.fonts[style]).face
        return "".join(sorted({c for c in text if not c.isspace() and ord(c) not in face.charToGlyph}))

    def wrap(self, text: str, style: str, size: float, width: float) -> list[str]:
        """Break `text` into lines no wider than `width` mm, hyphenating German words."""
        lines: list[str] = []
        line = ""
        for word in text.split():
            candidate = f"{line} {word}" if line else word
            if self.width(candidate, style, size) <= width:
                line = candidate
                continue
            head, tail = self._split(word, line, style, size, width)
            if head:
                lines.append(f"{line} {head}" if line else head)
                line = tail
            else:
                if line:
                    lines.append(line)
                line = word
            while self.width(line, style, size) > width:  # a word longer than a whole line
                head, tail = self._split(line, "", style, size, width)
                if not head:
                    head, tail = _cut(line, lambda s: self.width(s, style, size) <= width)
                lines.append(head)
                line = tail
        if line:
            lines.append(line)
        return lines

    def _split(self, word: str, line: str, style: str, size: float, width: float) -> tuple[str, str]:
        """The longest hyphenated head of `word` that still fits after `line`, and the rest."""
        prefix = f"{line} " if line else ""
        for head, tail in _hyphenations(word):
            shown = head if head.endswith(_HYPHEN) else head + _HYPHEN
            if self.width(prefix + shown, style, size) <= width:
                return shown, tail
        return "", word


@lru_cache(maxsize=65536)
def _width(text: str, font: str) -> float:
    """Width at 1 pt; cached because line breaking measures the same words again and again."""
    return float(pdfmetrics.stringWidth(text, font, 1.0))


@lru_cache(maxsize=4096)
def _hyphenations(word: str) -> tuple[tuple[str, str], ...]:
    """Break points of a word, longest head first: after existing hyphens and by the dictionary."""
    points: list[tuple[str, str]] = []
    for index, char in enumerate(word[:-1]):
        if char == _HYPHEN and index > 0:
            points.append((word[: index + 1], word[index + 1 :]))
    core = word.strip('.,;:!?“„"()–')
    if core and core.isalpha():
        offset = word.index(core)
        for head, _ in _dictionary().iterate(core):
            cut = offset + len(head)
            points.append((word[:cut], word[cut:]))
    return tuple(sorted(points, key=lambda p: -len(p[0])))


def _cut(text: str, fits) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    for end in range(len(text) - 1, 0, -1):
        if fits(text[:end]):
            return text[:end], text[end:]
    return text[:1], text[1:]
