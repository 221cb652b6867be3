"""Load YAML so that every mapping, list and value still knows its file, line and column."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from kalender.errors import DataError, Problem, display_path


@dataclass(frozen=True)
class Where:
    """A place in a YAML file; lines and columns count from 1."""

    file: str
    line: int
    column: int

    def problem(self, message: str, severity: str = "Fehler") -> Problem:
        return Problem(self.file, self.line, self.column, message, severity)


class YMap(dict[str, Any]):
    """A YAML mapping that remembers where it and each of its keys and values stand."""

    where: Where
    key_where: dict[str, Where]
    value_where: dict[str, Where]

    def at(self, key: str) -> Where:
        """Where the value of `key` stands, or the mapping itself if the key is absent."""
        return self.value_where.get(key, self.where)


class YList(list[Any]):
    """A YAML sequence that remembers where it and each item stand."""

    where: Where
    item_where: list[Where]


# The C parser (libyaml) is five times faster and keeps the same marks; PyYAML without it
# falls back to the pure-Python one.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc,valid-type]
    """SafeLoader without implicit timestamps: dates stay text and are checked by the schema,
    so that '2018-02-30' becomes a message with a line number, not a ValueError."""

    file = "?"

    def _where(self, node: Node) -> Where:
        return Where(self.file, node.start_mark.line + 1, node.start_mark.column + 1)

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> YMap:  # type: ignore[override]
        result = YMap()
        result.where = self._where(node)
        result.key_where, result.value_where = {}, {}
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            if key in result:
                raise yaml.MarkedYAMLError(
                    problem=f"Schlüssel '{key}' steht doppelt im selben Abschnitt",
                    problem_mark=key_node.start_mark,
                )
            result[key] = self.construct_object(value_node, deep=True)
            result.key_where[key] = self._where(key_node)
            result.value_where[key] = self._where(value_node)
        return result

    def construct_sequence(self, node: SequenceNode, deep: bool = False) -> YList:  # type: ignore[override]
        result = YList(self.construct_object(child, deep=True) for child in node.value)
        result.where = self._where(node)
        result.item_where = [self._where(child) for child in node.value]
        return result


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _Loader.construct_sequence)

# PyYAML's English phrases, said in German with a hint what to do.
_SYNTAX_HINTS = [
    (r"found character '\\t'|tab character", "Tabulatorzeichen sind nicht erlaubt; bitte mit Leerzeichen einrücken"),
    (
        r"mapping values are not allowed",
        "Doppelpunkt an unerwarteter Stelle; Text mit „: “ bitte in Anführungszeichen setzen",
    ),
    (r"could not find expected ':'", "hier fehlt ein Doppelpunkt nach dem Schlüssel"),
    (r"expected <block end>", "die Einrückung passt nicht zu den Zeilen davor"),
    (
        r"expected <block mapping start>|did not find expected key",
        "die Einrückung passt nicht zu den Zeilen davor",
    ),
    (
        r"found unexpected end of stream|while scanning a quoted scalar",
        "ein Anführungszeichen wird nicht geschlossen",
    ),
    (
        r"found undefined alias|found unhashable key",
        "unerlaubtes YAML-Zeichen (* oder & oder ?) am Zeilenanfang",
    ),
    (
        r"did not find expected ',' or '\]'|did not find expected ',' or '}'",
        "eine Liste in [ ] oder { } wird nicht richtig geschlossen",
    ),
    (
        r"found character that cannot start any token",
        "ein Wert beginnt mit einem Zeichen, das YAML so nicht erlaubt (z. B. @, ` oder %); "
        "bitte den Wert in Anführungszeichen setzen",
    ),
    (r"did not find expected '-' indicator", "in der Liste fehlt „- “ am Zeilenanfang, oder die Einrückung passt nicht"),
    (
        r"mapping keys are not allowed|block sequence entries are not allowed|did not find expected <document start>",
        "diese Zeile passt nicht zur Einrückung der Zeilen davor (oder davor fehlt ein Doppelpunkt)",
    ),
    (r"could not determine a constructor for the tag", "Angaben mit „!!“ sind nicht erlaubt; bitte entfernen"),
    (r"did not find expected node content", "nach „[“, „{“ oder „- “ fehlt ein Wert"),
    (
        r"expected a comment or a line break",
        "nach dem Wert in Anführungszeichen steht noch Text; bitte alles in die Anführungszeichen nehmen",
    ),
    (r"steht doppelt", ""),
]


def _syntax_message(error: yaml.MarkedYAMLError) -> str:
    raw = f"{error.context or ''} {error.problem or ''}".strip()
    for pattern, hint in _SYNTAX_HINTS:
        if re.search(pattern, raw):
            if not hint:
                return str(error.problem)
            return f"YAML-Syntaxfehler: {hint}"
    return f"YAML-Syntaxfehler ({raw}); bitte Einrückung, Doppelpunkte und Anführungszeichen prüfen"


def load_yaml(path: Path) -> Any:
    """Parse one YAML file; a syntax error becomes a DataError at its line."""
    name = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError([Problem(name, 0, 0, "Datei nicht gefunden")]) from None
    except UnicodeDecodeError as exc:
        raise DataError(
            [
                Problem(
                    name, 0, 0, f"Datei ist nicht UTF-8-kodiert (Byte {exc.start}); bitte als UTF-8 speichern"
                )
            ]
        ) from None
    loader = _Loader(text)
    loader.file = name
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        # For an unclosed quote the useful place is where it opens (the context), not the
        # end of the file where the scanner gave up.
        quoted = "quoted scalar" in str(exc.context or "")
        mark = (exc.context_mark if quoted else None) or exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise DataError([Problem(name, line, col, _syntax_message(exc))]) from None
    except yaml.YAMLError as exc:
        raise DataError([Problem(name, 0, 0, f"YAML-Fehler: {exc}")]) from None
    finally:
        loader.dispose()
