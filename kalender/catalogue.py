"""Read data/holidays/*.yaml into a checked Catalogue, reporting every problem at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kalender.errors import DataError, Problem, display_path
from kalender.model import Catalogue, ExplicitDate, Group, Holiday
from kalender.rules import RULES, RuleProblem
from kalender.schema import Collector, did_you_mean, documents, items_of, read_fields
from kalender.source import Where, YMap

HOLIDAY_DIR = "holidays"


def load_catalogue(data_dir: Path) -> Catalogue:
    """Load every group file of `data_dir/holidays`; raise DataError listing all problems."""
    folder = data_dir / HOLIDAY_DIR
    paths = sorted(folder.glob("*.yaml"))
    if not paths:
        raise DataError(
            [
                Problem(
                    display_path(folder),
                    0,
                    0,
                    "keine Feiertagsdateien (*.yaml) gefunden; ist --data richtig gesetzt?",
                )
            ]
        )
    problems = Collector()
    groups: dict[str, Group] = {}
    holidays: list[Holiday] = []
    for path, document in documents(paths, problems):
        _read_group_file(document, path, problems, groups, holidays)
    _check_unique_ids(holidays, problems)
    if problems.errors:
        raise DataError(problems.problems)
    return Catalogue(groups=groups, holidays=tuple(holidays))


def _read_group_file(
    document: Any, path: Path, problems: Collector, groups: dict[str, Group], holidays: list[Holiday]
) -> None:
    name = display_path(path)
    top = Where(name, 1, 1)
    if not isinstance(document, YMap):
        problems.add(top, "erwartet die Abschnitte 'group:' und 'holidays:'")
        return
    for key in document:
        if key not in ("group", "holidays"):
            problems.add(
                document.key_where[key],
                f"unbekannter Abschnitt '{key}'{did_you_mean(key, ['group', 'holidays'])}; "
                "erlaubt: group, holidays",
            )
    if "group" not in document:
        problems.add(top, "Abschnitt 'group:' fehlt (Name, Farbe und Beschreibung der Gruppe)")
        return
    values = read_fields(document["group"], Group, problems, "Gruppe")
    if values is None:
        return
    group = Group(**values, file=name)
    if group.id != path.stem:
        problems.add(
            document["group"].at("id"),
            f"Kennung '{group.id}' passt nicht zum Dateinamen '{path.name}'; bitte gleich benennen",
        )
    groups[group.id] = group
    for node, where in items_of(document.get("holidays"), problems, document.at("holidays"), "holidays"):
        holiday = _read_holiday(node, where, group.id, problems)
        if holiday is not None:
            holidays.append(holiday)


def _read_holiday(node: Any, where: Where, group: str, problems: Collector) -> Holiday | None:
    label = f"Feiertag '{node.get('id', '?')}'" if isinstance(node, YMap) else "Feiertag"
    values = read_fields(node, Holiday, problems, label, skip=frozenset({"rule", "dates"}))
    if values is None:
        return None
    rule = _read_rule(node["rule"], node.at("rule"), problems, label) if "rule" in node else None
    dates = read_explicit_dates(node["dates"], node.at("dates"), problems, label) if "dates" in node else ()
    holiday = Holiday(**values, group=group, rule=rule, dates=dates, where=where)
    if "rule" not in node and "dates" not in node:
        problems.add(
            where,
            f"{label}: weder 'rule' noch 'dates' angegeben; bitte eine Regel "
            "(siehe docs/data-format.md) oder Termine mit Quelle eintragen",
        )
    if holiday.length == "month" and not hasattr(rule, "last_day"):
        problems.add(
            node.at("length"),
            f"{label}: length: month geht nur mit einer hebrew- oder "
            "islamic-Regel; sonst bitte eine Zahl von Tagen angeben",
        )
    if holiday.length == "month" and any(d.end is None for d in dates):
        problems.add(
            node.at("dates"),
            f"{label}: bei length: month braucht jeder Termin unter 'dates' auch 'end' (letzter Tag)",
        )
    if holiday.length_israel is not None and type(rule).__name__ != "Hebrew":
        problems.add(node.at("length_israel"), f"{label}: length_israel gilt nur für hebrew-Regeln")
    return holiday


def _read_rule(node: Any, where: Where, problems: Collector, label: str) -> Any:
    if not isinstance(node, YMap) or "kind" not in node:
        problems.add(
            where,
            f"{label}: 'rule' braucht 'kind:' und die Felder der Regelart; Regelarten: {', '.join(RULES)}",
        )
        return None
    kind = str(node["kind"])
    cls = RULES.get(kind)
    if cls is None:
        problems.add(
            node.at("kind"),
            f"{label}: Regelart '{kind}' unbekannt{did_you_mean(kind, RULES)}; erlaubt: {', '.join(RULES)}",
        )
        return None
    values = read_fields(node, cls, problems, f"{label}, Regel '{kind}'", skip=frozenset({"kind"}))
    if values is None:
        return None
    rule = cls(**values)
    try:
        if hasattr(rule, "validate"):
            rule.validate()
    except RuleProblem as exc:
        problems.add(where, f"{label}: unmögliches Datum: {exc}")
        return None
    return rule


def read_explicit_dates(node: Any, where: Where, problems: Collector, label: str) -> tuple[ExplicitDate, ...]:
    """Read a list of `{date, end, source}` entries (holiday files and year files alike)."""
    found = []
    for item, item_where in items_of(node, problems, where, f"{label}: dates"):
        values = read_fields(item, ExplicitDate, problems, f"{label}, Termin")
        if values is None:
            continue
        entry = ExplicitDate(**values, where=item_where)
        if entry.end is not None and entry.end < entry.date:
            problems.add(item.at("end"), f"{label}: 'end' ({entry.end}) liegt vor 'date' ({entry.date})")
            continue
        found.append(entry)
    return tuple(found)



def _check_unique_ids(holidays: list[Holiday], problems: Collector) -> None:
    first: dict[str, Holiday] = {}
    for holiday in holidays:
        other = first[holiday.id].where if holiday.id in first else None
        if other is not None and holiday.where is not None:
            problems.add(
                holiday.where,
                f"Kennung '{holiday.id}' ist doppelt vergeben (zuerst in "
                f"{other.file}:{other.line}); jede Kennung darf nur einmal vorkommen",
            )
        first.setdefault(holiday.id, holiday)


def order_catalogue(catalogue: Catalogue, order: tuple[str, ...], where: Where) -> Catalogue:
    """Put groups (and their holidays) in the order the settings give; unknown ids are errors,
    groups the order does not name follow at the end in file order."""
    unknown = [g for g in order if g not in catalogue.groups]
    if unknown:
        raise DataError([where.problem(
            f"groups: Gruppe '{unknown[0]}' gibt es nicht{did_you_mean(unknown[0], catalogue.groups)}; "
            f"vorhanden: {', '.join(catalogue.groups)}"
        )])  # fmt: skip
    ranked = [*order, *(g for g in catalogue.groups if g not in order)]
    groups = {g: catalogue.groups[g] for g in ranked}
    holidays = sorted(catalogue.holidays, key=lambda h: ranked.index(h.group))
    return Catalogue(groups=groups, holidays=tuple(holidays))
