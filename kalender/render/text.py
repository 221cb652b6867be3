"""Measure text and break it into lines: the one place that knows fonts and hyphenation.

Layout asks here for widths (in mm) and line breaks; drawing uses the same registered fonts,
so what is measured is what prints.
"""

from __future__ import annotations

import atexit
from functools import lru_cache
from pathlib import Path

import pyphen
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kalender.cache import cached, store
from kalender.render.hyphenation import Patterns

PT_TO_MM = 25.4 / 72
STYLES = ("regular", "bold", "italic")
_HYPHEN = "-"
LANGUAGE = "de_DE"


@lru_cache(maxsize=1)
def _dictionary() -> Patterns:
    """German patterns (pyphen's file); German typesetting: no fragment shorter than 3 letters
    at either end of a hyphenated word."""
    return Patterns(pyphen.LANGUAGES[LANGUAGE], left=3, right=3)


class _Syllables:
    """Break positions of words, remembered on disk: a calendar hyphenates the same few hundred
    words every year, and loading the whole pattern dictionary for them costs more than the
    rest of the line breaking."""

    def __init__(self) -> None:
        self.known: dict[str, tuple[int, ...]] | None = None
        self.added = False

    def __call__(self, word: str) -> tuple[int, ...]:
        if self.known is None:
            self.known = cached(self._name(), dict)
            atexit.register(self.save)
        if word not in self.known:
            self.known[word] = tuple(sorted((int(p) for p in _dictionary().positions(word)), reverse=True))
            self.added = True
        return self.known[word]

    def save(self) -> None:
        if self.added and self.known is not None:
            store(self._name(), self.known)

    @staticmethod
    def _name() -> str:
        version = getattr(pyphen, "VERSION", getattr(pyphen, "__version__", "0"))
        return f"hyph-words-{LANGUAGE}-{version}.pickle"


_syllables = _Syllables()


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

    def wrap(self, text: str, style: str, size: float, width: float, hyphenate: bool = True) -> list[str]:
        """Break `text` into lines no wider than `width` mm, hyphenating German words.

        Widths of words add up (reportlab does not kern), so each word is measured once and a
        line's width is kept as a running sum instead of measuring every candidate line."""
        font, unit = self.fonts[style], size * PT_TO_MM
        space = _width(" ", font) * unit
        lines: list[str] = []
        line, used = "", 0.0
        for word in text.split():
            word_width = _width(word, font) * unit
            if not line or used + space + word_width <= width:
                line, used = (f"{line} {word}", used + space + word_width) if line else (word, word_width)
                if used <= width:
                    continue
                line, used = "", 0.0  # a single word wider than the line: break it below
                head, tail = "", word
            elif hyphenate:
                head, tail = self._split(word, line, style, size, width)
            else:
                head, tail = "", word
            if head:
                lines.append(f"{line} {head}" if line else head)
            elif line:
                lines.append(line)
            line = tail
            while line and self.width(line, style, size) > width:  # a word longer than a whole line
                head, tail = self._split(line, "", style, size, width)
                if not head:
                    head, tail = _cut(line, lambda s: self.width(s, style, size) <= width)
                lines.append(head)
                line = tail
            used = self.width(line, style, size)
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
        for position in _syllables(core):
            cut = offset + position
            points.append((word[:cut], word[cut:]))
    return tuple(sorted(points, key=lambda p: -len(p[0])))


def _cut(text: str, fits) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    for end in range(len(text) - 1, 0, -1):
        if fits(text[:end]):
            return text[:end], text[end:]
    return text[:1], text[1:]
