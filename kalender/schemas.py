"""JSON Schemas of the YAML files, generated from the record definitions the loaders use, so
that an editor (VS Code with the YAML extension, or any editor with a YAML language server)
offers completion, descriptions and red underlines. `kalender schema` writes them to
docs/schemas/; each data file names its schema in its first line:

    # yaml-language-server: $schema=../../docs/schemas/month.json
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from kalender import content, model, schema, template, yeardata
from kalender.rules import RULES

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_DIR = Path("docs/schemas")

# Converters that are plain functions; closures (integer, number, choice) describe themselves.
_PLAIN: dict[Any, dict[str, Any]] = {
    schema.string: {"type": "string", "minLength": 1},
    schema.snake_id: {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"},
    schema.boolean: {"type": "boolean"},
    schema.iso_date: {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    schema.cmyk: {"type": "array", "items": {"type": "number", "minimum": 0, "maximum": 100},
                  "minItems": 4, "maxItems": 4},
    content.focus_point: {"type": "array", "items": {"type": "number", "minimum": 0, "maximum": 1},
                          "minItems": 2, "maxItems": 2},
    content.clock: {"type": "string", "pattern": r"^\d{1,2}:\d{2}$"},
    model.length_value: {"oneOf": [{"type": "integer", "minimum": 1, "maximum": 400}, {"const": "month"}]},
}  # fmt: skip


def value_schema(convert: Any) -> dict[str, Any]:
    """The JSON Schema of the values a converter accepts; KeyError for one it does not know."""
    if hasattr(convert, "options"):
        return {"enum": list(convert.options)}
    if hasattr(convert, "bounds"):
        kind, low, high = convert.bounds
        return {"type": kind, "minimum": low, "maximum": high}
    return dict(_PLAIN[convert])


def record(cls: type, extra: dict[str, Any] | None = None, required: tuple[str, ...] = ()) -> dict[str, Any]:
    """An object schema from a record dataclass: its param fields, their German descriptions,
    required where the loader requires them, and no other keys."""
    properties: dict[str, Any] = {}
    needed = list(required)
    for field in dataclasses.fields(cls):
        if "convert" not in field.metadata:
            continue
        entry = value_schema(field.metadata["convert"])
        entry["description"] = field.metadata["doc"]
        if field.default is dataclasses.MISSING:
            needed.append(field.name)
        elif isinstance(field.default, (str, int, float, bool)):
            entry["default"] = field.default
        properties[field.name] = entry
    properties.update(extra or {})
    result: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
    if needed:
        result["required"] = needed
    return result


def _rule() -> dict[str, Any]:
    kinds = []
    for kind, cls in RULES.items():
        body = record(cls, {"kind": {"const": kind, "description": f"Regelart {kind}"}}, ("kind",))
        body["description"] = (cls.__doc__ or kind).split("\n")[0]
        kinds.append({"if": {"properties": {"kind": {"const": kind}}}, "then": body})
    return {"type": "object", "required": ["kind"], "description": "Regel (siehe docs/data-format.md)",
            "properties": {"kind": {"enum": list(RULES), "description": "Regelart"}}, "allOf": kinds}  # fmt: skip


def _dates() -> dict[str, Any]:
    return {"type": "array", "items": record(model.ExplicitDate), "description": "Termine mit Quelle"}


def documents() -> dict[str, dict[str, Any]]:
    """File name -> schema, for every kind of YAML file kalender reads."""
    holiday = record(model.Holiday, {"rule": _rule(), "dates": _dates()})
    holiday["anyOf"] = [{"required": ["rule"]}, {"required": ["dates"]}]
    month = record(content.MonthContent, {"consent": record(content.Consent)}, ("consent",))
    office = record(content.Office, {"consultations": {"type": "array", "items": record(
        content.Consultation, {"times": {"type": "array", "items": record(content.OpeningTime)}})}})  # fmt: skip
    sections = {name: record(cls) for name, cls in template._SECTIONS.items()}
    year_keys = {
        "year": {"type": "integer", "description": "das Kalenderjahr"},
        "motto": {"type": "string", "description": "Titel des Kalenders in diesem Jahr"},
        "content": {"enum": list(yeardata.CONTENT_KINDS), "description": "portraits oder photos"},
        "template": {"type": "string", "description": "Vorlage aus templates/ (a3 oder a4)"},
        "notice": {"type": "string", "description": "Hinweis für die Rückseite"},
        "jewish_custom": {"enum": ["diaspora", "israel"], "description": "Festlängen wie in der Diaspora oder Israel"},
        "overrides": {"type": "object", "description": "angekündigte Termine je Feiertag (Kennung)",
                      "additionalProperties": _dates()},
        "omit": {"type": "array", "items": value_schema(schema.snake_id), "description": "weggelassene Feiertage"},
    }  # fmt: skip
    return {
        "holidays.json": _document("Feiertagsgruppe (data/holidays/*.yaml)", {
            "type": "object", "required": ["group", "holidays"], "additionalProperties": False,
            "properties": {"group": record(model.Group), "holidays": {"type": "array", "items": holiday}}}),
        "year.json": _document("Jahresdatei (data/years/JJJJ.yaml)", {
            "type": "object", "additionalProperties": False, "properties": year_keys}),
        "month.json": _document("Monatsinhalt (data/portraits/JJJJ/*.yaml, data/photos/JJJJ/*.yaml)", month),
        "settings.json": _document("Einstellungen (data/settings.yaml)", {
            "type": "object", "required": ["publisher", "integration_office", "imprint", "towns"],
            "additionalProperties": False, "properties": {
                "publisher": record(content.Publisher), "integration_office": office,
                "imprint": {"type": "string"}, "towns": {"type": "array", "items": {"type": "string"}},
                "groups": {"type": "array", "items": value_schema(schema.snake_id)}}}),
        "template.json": _document("Vorlage (templates/*.yaml)", record(template.Template, sections)),
    }  # fmt: skip


def _document(title: str, body: dict[str, Any]) -> dict[str, Any]:
    return {"$schema": DRAFT, "title": f"kalender: {title}", **body}


def write_schemas(folder: Path = SCHEMA_DIR) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, body in documents().items():
        path = folder / name
        path.write_text(json.dumps(body, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
