"""Liang's hyphenation patterns, read from a hunspell ``hyph_*.dic`` file (as pyphen ships them).

Parsing all 77,000 German patterns up front, as pyphen does, costs 0.7 s; a calendar needs a
few hundred words. Here every line is only filed under its letters, and its digits are read
the first time a word needs that pattern, so the first build pays 0.1 s.
"""

from __future__ import annotations

from pathlib import Path

_DIGITS = str.maketrans("", "", "0123456789")
# hunspell's header keywords; "NEXTLEVEL" (compound level) needs no entry: it holds no digits
_IGNORED = ("%", "#", "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN")


class Patterns:
    """Break points of words by the patterns in `path`, at least `left` and `right` letters from
    the ends. A later line with the same letters replaces an earlier one (as in pyphen)."""

    def __init__(self, path: Path, left: int = 2, right: int = 2) -> None:
        self.left, self.right = left, right
        with path.open("rb") as handle:
            encoding = handle.readline().decode("ascii").strip()
            text = handle.read().decode("cp1251" if encoding.lower() == "microsoft-cp1251" else encoding)
        self._lines: dict[str, str] = {}
        for line in text.split("\n"):
            line = line.strip()
            if line and not line.startswith(_IGNORED):
                line = line.split("/", 1)[0] if "/" in line and "=" in line else line  # no spelling changes
                self._lines[line.translate(_DIGITS)] = line
        self._longest = max(map(len, self._lines), default=0)
        self._values: dict[str, tuple[int, ...]] = {}

    def positions(self, word: str) -> list[int]:
        """Where `word` may be broken: the number of letters before each break, ascending."""
        dotted = f".{word.lower()}."
        levels = [0] * (len(dotted) + 1)
        for start in range(len(dotted) - 1):
            for end in range(start + 1, min(start + self._longest, len(dotted)) + 1):
                values = self._pattern(dotted[start:end])
                for offset, value in enumerate(values):
                    if value > levels[start + offset]:
                        levels[start + offset] = value
        last = len(word) - self.right
        # levels[i] lies before letter i of the dotted word, so after i - 1 letters of the word
        return [i - 1 for i, level in enumerate(levels) if level % 2 and self.left <= i - 1 <= last]

    def _pattern(self, letters: str) -> tuple[int, ...]:
        """The level before each letter of the pattern (and after its last), () if there is none."""
        values = self._values.get(letters)
        if values is None:
            line = self._lines.get(letters)
            values = self._values[letters] = _levels(line) if line is not None else ()
        return values


def _levels(line: str) -> tuple[int, ...]:
    levels = [0]
    for char in line:
        if char.isdigit():
            levels[-1] = int(char)
        else:
            levels.append(0)
    return tuple(levels)
