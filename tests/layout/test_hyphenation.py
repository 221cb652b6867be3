"""kalender's reader of hyphenation patterns against pyphen, which parses the same file its own way."""

from __future__ import annotations

import re
from pathlib import Path

import pyphen
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kalender.render.hyphenation import Patterns

ROOT = Path(__file__).resolve().parents[2]
GERMAN = pyphen.LANGUAGES["de_DE"]


@pytest.fixture(scope="module")
def ours() -> Patterns:
    return Patterns(GERMAN, left=3, right=3)


@pytest.fixture(scope="module")
def theirs() -> pyphen.Pyphen:
    return pyphen.Pyphen(filename=GERMAN, left=3, right=3, cache=False)


def sample_words() -> list[str]:
    """Every word of the sample data and the docs: what the calendar actually hyphenates."""
    text = " ".join(p.read_text(encoding="utf-8") for p in [*ROOT.glob("data/**/*.yaml"), *ROOT.glob("docs/*.md")])
    return sorted({w for w in re.findall(r"[^\W\d_]{4,}", text)})


def test_every_word_of_the_sample_data_breaks_as_pyphen_breaks_it(ours: Patterns, theirs: pyphen.Pyphen) -> None:
    words = sample_words()
    assert len(words) > 1000
    differ = [(w, ours.positions(w), theirs.positions(w)) for w in words if ours.positions(w) != theirs.positions(w)]
    assert differ == []


def test_known_breaks(ours: Patterns) -> None:
    # Duden's syllables, less those leaving fewer than 3 letters at an end:
    # Ka-len-der, In-te-gra-ti-ons-bü-ro, Schuld-ner-be-ra-tung
    assert ours.positions("Kalender") == [5]
    assert ours.positions("Integrationsbüro") == [4, 7, 9, 12]
    assert ours.positions("Schuldnerberatung") == [6, 9, 11, 13]
    assert ours.positions("Tag") == []


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="abcdefghiklmnoprstuäöüß", min_size=1, max_size=24))
def test_any_letters_break_as_pyphen_breaks_them(ours: Patterns, theirs: pyphen.Pyphen, word: str) -> None:
    assert ours.positions(word) == theirs.positions(word)


def test_a_file_with_header_and_alternatives(tmp_path: Path) -> None:
    path = tmp_path / "hyph_xx.dic"
    path.write_text("UTF-8\nLEFTHYPHENMIN 1\n% comment\n1ba\na1b\nNEXTLEVEL\nf1f/ff=f,1,2\n", encoding="utf-8")
    patterns = Patterns(path, left=1, right=1)
    assert patterns.positions("abab") == [1, 3]  # 1ba: before "ba"; a1b: between "a" and "b"
    assert patterns.positions("aff") == [2]
    assert patterns.positions("") == []
    reference = pyphen.Pyphen(filename=path, left=1, right=1, cache=False)
    assert [reference.positions(w) for w in ("abab", "aff", "baff")] == [[1, 3], [2], [3]]
    assert patterns.positions("baff") == [3]  # the break before "ba" would leave no letter
