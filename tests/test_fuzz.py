"""Random mutations of the sample YAML fed to `kalender check` and `kalender build`: every run
ends in success or a clear German message with exit code 1 or 2, never a traceback, and a
failed build leaves the last good PDF exactly as it was."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kalender.cli import main
from tests.conftest import DATA

FILES = sorted(str(p.relative_to(DATA)) for p in DATA.rglob("*.yaml"))
VALUES = ["", "-1", "0", "13", "2018-02-30", "2018-13-01", "[1, 2]", "{a: 1}", "ja", "null", "~", "'",
          '"', "ü" * 300, "\t", "2.5", "true", "&anker", "*anker", "!!python/object:os.system", "[[[",
          "1e999", "-", "?", "%", "Neu-Isenburg", "female", "xx", "0.5, 0.5", "[0.5]", "[2, 2]"]  # fmt: skip


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, str]:
    """(file relative to data/, its new text): one line deleted, doubled, re-indented, cut,
    or one value replaced."""
    name = draw(st.sampled_from(FILES))
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    index = draw(st.integers(0, len(lines) - 1))
    kind = draw(st.sampled_from(["delete", "double", "indent", "value", "truncate", "key"]))
    line = lines[index]
    if kind == "delete":
        del lines[index]
    elif kind == "double":
        lines.insert(index, line)
    elif kind == "indent":
        lines[index] = draw(st.sampled_from(["", " ", "   ", "\t"])) + line.lstrip()
    elif kind == "truncate":
        lines = lines[:index]
    elif kind == "key" and ":" in line:
        key, _, rest = line.partition(":")
        lines[index] = key[:-1] + draw(st.sampled_from(["x", "_", "ä", ""])) + ":" + rest
    elif ":" in line:
        key, _, _ = line.partition(":")
        lines[index] = f"{key}: {draw(st.sampled_from(VALUES))}"
    return name, "\n".join(lines) + "\n"


def run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue() + err.getvalue()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(DATA, root / "data", ignore=shutil.ignore_patterns("*.jpg", "*.png"))
    for photo in [*DATA.glob("*/*/*.jpg"), *DATA.glob("*/*/*.png")]:
        (root / "data" / photo.relative_to(DATA)).symlink_to(photo)
    return root


@contextlib.contextmanager
def mutated(workspace: Path, name: str, text: str):  # type: ignore[no-untyped-def]
    path = workspace / "data" / name
    original = path.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    try:
        yield
    finally:
        path.write_text(original, encoding="utf-8")


def assert_clear(code: int, output: str) -> None:
    assert code in (0, 1, 2), code
    assert "Traceback" not in output
    if code:
        assert "Fehler" in output or "Warnung" in output, output


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutation=mutations())
def test_check_never_crashes(workspace: Path, mutation: tuple[str, str]) -> None:
    name, text = mutation
    with mutated(workspace, name, text):
        code, output = run("check", "2018", "--data", str(workspace / "data"))
    assert_clear(code, output)
    no_errors = re.search(r"^\d{4}: 0 Fehler", output, re.MULTILINE) is not None  # not "10 Fehler"
    assert no_errors == (code != 2), output[-500:]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutation=mutations())
def test_build_never_crashes_and_keeps_the_last_good_pdf(workspace: Path, mutation: tuple[str, str]) -> None:
    name, text = mutation
    target = workspace / "kalender.pdf"
    if not target.exists():
        assert run("build", "2018", "--data", str(workspace / "data"), "-o", str(target))[0] == 0
    before = target.read_bytes()
    with mutated(workspace, name, text):
        code, output = run("build", "2018", "--data", str(workspace / "data"), "-o", str(target))
    assert_clear(code, output)
    after = target.read_bytes()
    if code:
        assert after == before  # the last good PDF, untouched
    else:
        assert after.startswith(b"%PDF-") and after.rstrip().endswith(b"%%EOF")
    assert not [p for p in workspace.iterdir() if p.name.startswith(".kalender.pdf.")]  # no temporary left
