"""The JSON Schemas for editors: generated from the loaders' definitions, committed up to date,
accepting every sample file and rejecting what the loaders reject (checked with the
`jsonschema` package, an independent validator)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from kalender.schemas import SCHEMA_DIR, documents
from tests.conftest import DATA, ROOT


class _Loader(yaml.SafeLoader):
    """YAML as an editor's language server sees it: dates stay text."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load(path: Path) -> object:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


FILES = {
    "holidays.json": sorted(DATA.glob("holidays/*.yaml")),
    "year.json": sorted(DATA.glob("years/*.yaml")),
    "month.json": sorted([*DATA.glob("portraits/*/*.yaml"), *DATA.glob("photos/*/*.yaml")]),
    "settings.json": [DATA / "settings.yaml"],
    "template.json": sorted(ROOT.glob("templates/*.yaml")),
}


def test_committed_schemas_are_up_to_date() -> None:
    for name, body in documents().items():
        committed = json.loads((ROOT / SCHEMA_DIR / name).read_text(encoding="utf-8"))
        assert committed == body, f"{name} is stale: run `kalender schema`"


@pytest.mark.parametrize("name", sorted(FILES))
def test_every_sample_file_is_valid(name: str) -> None:
    validator = jsonschema.Draft202012Validator(documents()[name])
    assert FILES[name]
    for path in FILES[name]:
        errors = [e.message for e in validator.iter_errors(load(path))]
        assert errors == [], path


@pytest.mark.parametrize(
    ("name", "path", "old", "new"),
    [
        ("month.json", "portraits/2018/01-januar.yaml", "town:", "twon:"),
        ("month.json", "portraits/2018/01-januar.yaml", "gender: female", "gender: weiblich"),
        ("month.json", "portraits/2018/01-januar.yaml", "focus: [0.5, 0.38]", "focus: [0.5, 1.38]"),
        ("holidays.json", "holidays/hindu.yaml", "tithi: 30, at: sunset", "tithi: 31, at: sunset"),
        ("holidays.json", "holidays/hindu.yaml", "month: ashvina, tithi: 30", "month: kartik, tithi: 30"),
        ("holidays.json", "holidays/christian.yaml", "kind: easter", "kind: eastern"),
        ("year.json", "years/2018.yaml", "\ncontent: portraits", "\ncontent: portrait"),
        ("settings.json", "settings.yaml", "publisher:", "publsher:"),
    ],
)
def test_what_the_loader_rejects_the_schema_rejects(name: str, path: str, old: str, new: str) -> None:
    text = (DATA / path).read_text(encoding="utf-8")
    assert old in text
    broken = yaml.load(text.replace(old, new, 1), Loader=_Loader)
    assert list(jsonschema.Draft202012Validator(documents()[name]).iter_errors(broken))


def test_data_files_name_their_schema() -> None:
    for name, paths in FILES.items():
        for path in paths:
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first.startswith("# yaml-language-server: $schema=") and first.endswith(name), path
