"""The `kalender` command line: thin commands that call the pipeline stages."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kalender import __version__
from kalender.errors import KalenderError, Problem
from kalender.files import write_atomically

if TYPE_CHECKING:
    from kalender.compute import MissingDate
    from kalender.model import Occurrence

DEFAULT_DATA = Path("data")
MAX_SPAN = 500


class _Parser(argparse.ArgumentParser):
    """argparse in German, exiting with code 2 and a hint on wrong usage."""

    def error(self, message: str) -> None:  # type: ignore[override]
        for english, german in (
            ("the following arguments are required", "diese Angaben fehlen"),
            ("invalid choice", "ungültige Auswahl"),
            ("unrecognized arguments", "unbekannte Angaben"),
            ("expected one argument", "erwartet einen Wert"),
            ("choose from", "erlaubt sind"),
            ("argument", "Angabe"),
        ):
            message = message.replace(english, german)
        self.exit(2, f"{self.prog}: Fehler: {message}\nHilfe: {self.prog} --help\n")


def _years(text: str) -> tuple[int, int]:
    first, _, last = text.partition("-")
    try:
        start, end = int(first), int(last or first)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' ist kein Jahr; Beispiele: 2018 oder 2000-2040") from None
    if not (1 <= start <= 9999 and 1 <= end <= 9999) or end < start:
        raise argparse.ArgumentTypeError(f"'{text}': bitte ein Jahr oder einen Bereich wie 2000-2040 angeben")
    if end - start >= MAX_SPAN:
        raise argparse.ArgumentTypeError(f"'{text}': höchstens {MAX_SPAN} Jahre auf einmal")
    return start, end


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="kalender", description="Interkultureller Kalender „Angekommen im Main-Taunus-Kreis“."
    )
    parser.add_argument("--version", action="version", version=f"kalender {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="BEFEHL", parser_class=_Parser)

    holidays = commands.add_parser(
        "holidays",
        help="Feiertage eines Jahres oder Zeitraums berechnen und ausgeben",
        description="Berechnet die Feiertage aus den Regeln in data/holidays/ und den Terminen in data/years/.",
    )
    holidays.add_argument(
        "years", type=_years, metavar="JAHR", help="ein Jahr (2018) oder ein Bereich (2000-2040)"
    )
    holidays.add_argument(
        "--format",
        choices=("table", "csv", "json", "ics"),
        default="table",
        help="Ausgabeformat (Standard: table)",
    )
    holidays.add_argument(
        "-o", "--output", type=Path, metavar="DATEI", help="in diese Datei schreiben statt auf den Bildschirm"
    )
    _data_option(holidays)
    holidays.add_argument(
        "--skip-missing",
        action="store_true",
        help="Feiertage ohne Termin im Jahr mit Warnung überspringen (bei Zeiträumen immer)",
    )
    holidays.set_defaults(run=_run_holidays)

    checking = commands.add_parser(
        "check", help="alle Daten eines Jahres prüfen, ohne das PDF zu bauen",
        description="Prüft alles, was ein Build verwendet (YAML, Verweise, Porträts, Texte in der Vorlage, Fotos, "
                    "Termine) und meldet jedes Problem mit Datei und Zeile. Exit-Code 0: in Ordnung oder nur "
                    "Warnungen; 1: Warnungen mit --strict; 2: Fehler.",
    )  # fmt: skip
    checking.add_argument("year", type=_year, metavar="JAHR", help="das Kalenderjahr, z. B. 2019")
    _data_option(checking)
    _template_option(checking)
    checking.add_argument("--strict", action="store_true", help="auch Warnungen als Fehlschlag werten (Exit-Code 1)")
    checking.add_argument("--json", action="store_true", help="Bericht als JSON")
    checking.set_defaults(run=_run_check)

    new = commands.add_parser(
        "new", help="ein neues Kalenderjahr anlegen (Einstellungen übernehmen, Monatsdateien vorbereiten)",
        description="Legt data/years/JAHR.yaml und die zwölf Monatsdateien an, übernimmt Motto, Vorlage und "
                    "Einstellungen des Vorjahres und listet, was die Redaktion tun muss. Überschreibt nichts.",
    )  # fmt: skip
    new.add_argument("year", type=_year, metavar="JAHR", help="das neue Kalenderjahr, z. B. 2019")
    new.add_argument("--from", dest="source", type=_year, metavar="JAHR", help="Vorlagejahr (Standard: das Vorjahr)")
    _data_option(new)
    new.set_defaults(run=_run_new)

    diff = commands.add_parser(
        "diff", help="was sich zwischen zwei Kalenderjahren geändert hat",
        description="Zeigt Änderungen zwischen zwei Jahren: Einstellungen, neue und entfallene Feiertage, "
                    "ungewöhnlich verschobene Termine, angekündigte Termine und die Porträts jedes Monats.",
    )  # fmt: skip
    diff.add_argument("first", type=_year, metavar="JAHR", help="das frühere Jahr, z. B. 2018")
    diff.add_argument("second", type=_year, metavar="JAHR2", help="das spätere Jahr, z. B. 2019")
    _data_option(diff)
    diff.set_defaults(run=_run_diff)

    schema = commands.add_parser(
        "schema", help="JSON-Schemas der YAML-Dateien für Editoren schreiben (docs/schemas/)",
        description="Schreibt aus denselben Definitionen, mit denen kalender die Dateien liest, JSON-Schemas: "
                    "Editoren mit YAML-Unterstützung zeigen damit Vorschläge und rote Unterstreichungen.",
    )  # fmt: skip
    schema.add_argument("-o", "--output", type=Path, metavar="ORDNER", default=Path("docs/schemas"),
                        help="Zielordner (Standard: docs/schemas)")  # fmt: skip
    schema.set_defaults(run=_run_schema)

    proof = commands.add_parser(
        "proof", help="Probeabzüge: jede Seite als PNG, Kontaktbogen, Freigabeblatt je Porträt",
        description="Setzt den Kalender und legt in build/probe-JAHR/ ab: jede Seite als PNG, einen Kontaktbogen "
                    "aller Seiten und je Porträt ein Freigabeblatt (PDF) für die porträtierte Person.",
    )  # fmt: skip
    proof.add_argument("year", type=_year, metavar="JAHR", help="das Kalenderjahr, z. B. 2019")
    proof.add_argument("-o", "--output", type=Path, metavar="ORDNER", help="Zielordner (Standard: build/probe-JAHR)")
    _data_option(proof)
    _template_option(proof)
    proof.set_defaults(run=_run_proof)

    build = commands.add_parser(
        "build", help="den Kalender als PDF bauen",
        description="Baut den Kalender eines Jahres aus data/ und einer Vorlage aus templates/.",
    )  # fmt: skip
    build.add_argument("year", type=_year, metavar="JAHR", help="das Kalenderjahr, z. B. 2018")
    build.add_argument(
        "-o", "--output", type=Path, metavar="DATEI", help="PDF-Datei (Standard: build/kalender-JAHR.pdf)"
    )
    _template_option(build)
    _data_option(build)
    build.add_argument("--web", action="store_true",
                       help="leichtes RGB-PDF für die Internetseite statt der Druckausgabe (build/kalender-JAHR-web.pdf)")
    build.add_argument("--crop-marks", action=argparse.BooleanOptionalAction, default=None,
                       help="Schnittmarken außerhalb des Beschnitts (Standard: wie in der Vorlage)")
    build.add_argument("--pdfx", choices=("X-3", "X-1a", "X-4"), help="PDF/X-Version (Standard: wie in der Vorlage)")
    build.set_defaults(run=_run_build)

    check = commands.add_parser(
        "preflight", help="ein PDF prüfen, wie es eine Druckerei tut",
        description="Prüft Beschnitt, Schriften, Bildauflösung, Farbräume, PDF/X, Transparenz, schwarzen Text, "
                    "Farbauftrag und Sicherheitsabstand. Exit-Code 1 bei einem Fehler.",
    )  # fmt: skip
    check.add_argument("pdf", type=Path, metavar="DATEI.pdf", help="die zu prüfende PDF-Datei")
    check.add_argument("--json", action="store_true", help="Bericht als JSON")
    check.add_argument("--ink-limit", type=float, default=300.0, metavar="PROZENT", help="höchster Farbauftrag (300)")
    check.add_argument("--min-ppi", type=float, default=300.0, metavar="PPI", help="empfohlene Bildauflösung (300)")
    check.add_argument("--bleed", type=float, default=3.0, metavar="MM", help="Beschnittzugabe (3 mm)")
    check.add_argument("--safe", type=float, default=3.0, metavar="MM", help="Sicherheitsabstand zum Endformat (3 mm)")
    check.add_argument("--binding", type=float, default=11.0, metavar="MM", help="Bindungszone oben (11 mm)")
    check.set_defaults(run=_run_preflight)
    return parser


def _data_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--data", type=Path, default=DEFAULT_DATA, metavar="ORDNER",
                         help="Datenordner (Standard: data)")  # fmt: skip


def _template_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--template", metavar="NAME",
                         help="Vorlage aus templates/ (Standard: aus data/years/JAHR.yaml)")  # fmt: skip


def _run_preflight(args: argparse.Namespace) -> int:
    from kalender.preflight import Settings, run

    settings = Settings(bleed_mm=args.bleed, ink_limit=args.ink_limit, min_ppi=args.min_ppi, safe_mm=args.safe,
                        binding_mm=args.binding)  # fmt: skip
    return run(args.pdf, args.json, settings)


def _year(text: str) -> int:
    first, last = _years(text)
    if first != last:
        raise argparse.ArgumentTypeError(f"'{text}': bitte genau ein Jahr angeben, z. B. 2018")
    return first


def _run_check(args: argparse.Namespace) -> int:
    import json

    from kalender.check import ERROR, NOTE, WARNING, check_year

    report = check_year(args.year, args.data, args.template)
    if args.json:
        entries = [{"file": p.file, "line": p.line, "column": p.column, "severity": p.severity, "message": p.message}
                   for p in report.problems]  # fmt: skip
        print(json.dumps({"year": report.year, "problems": entries}, ensure_ascii=False, indent=2))
    else:
        for problem in report.problems:
            print(problem)
        errors, warnings, notes = (report.count(s) for s in (ERROR, WARNING, NOTE))
        verdict = "bitte die Fehler beheben" if errors else "bereit zum Bauen: kalender build " + str(args.year)
        print(f"{args.year}: {errors} Fehler, {warnings} Warnungen, {notes} Hinweise – {verdict}")
    return report.exit_code(args.strict)


def _run_new(args: argparse.Namespace) -> int:
    from kalender.newyear import start_year

    started = start_year(args.year, args.data, args.source)
    print(f"Angelegt: {started.year_file} und zwölf Monatsdateien in {started.folder}/")
    print(f"\nAufgaben für {args.year}:")
    for number, task in enumerate(started.todo, start=1):
        print(f"{number:2}. {task}")
    return 0


def _run_diff(args: argparse.Namespace) -> int:
    from kalender.diff import diff_years

    print(f"Änderungen von {args.first} nach {args.second}")
    for section in diff_years(args.first, args.second, args.data):
        print(f"\n{section.title}")
        for line in section.lines:
            print(f"  {line}")
    return 0


def _run_schema(args: argparse.Namespace) -> int:
    from kalender.schemas import write_schemas

    for path in write_schemas(args.output):
        print(path)
    return 0


def _run_proof(args: argparse.Namespace) -> int:
    from kalender.proof import make_proofs

    folder = args.output or Path("build") / f"probe-{args.year}"
    proofs = make_proofs(args.year, args.data, folder, args.template, progress=_progress())
    _progress()("")
    print(f"{folder}: {len(proofs.pages)} Seiten als PNG, Kontaktbogen kontaktbogen.png, "
          f"{len(proofs.approvals)} Freigabeblätter in freigabe/")  # fmt: skip
    return 0


def _progress() -> Callable[[str], None]:
    """A status line on a terminal (overwritten in place), nothing when the output goes elsewhere."""
    if not sys.stderr.isatty():
        return lambda _message: None

    def show(message: str) -> None:
        sys.stderr.write("\r\033[K" + message)
        sys.stderr.flush()

    return show


def _run_build(args: argparse.Namespace) -> int:
    from kalender.build import BuildOptions, build_calendar

    suffix = "-web" if args.web else ""
    output = args.output or Path("build") / f"kalender-{args.year}{suffix}.pdf"
    options = BuildOptions(web=args.web, template=args.template, crop_marks=args.crop_marks, pdfx=args.pdfx)
    show = _progress()
    result = build_calendar(args.year, args.data, output, options=options, progress=show)
    show("")
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    size = output.stat().st_size / 1_000_000
    kind = "Web-Ausgabe (RGB)" if args.web else f"Druckausgabe ({options.pdfx or result.template.print.standard})"
    print(f"{output}: {kind}, {len(result.pages)} Seiten, {size:.1f} MB, Vorlage '{result.template.name}'")
    if result.report is not None:
        print("Preflight: alle Prüfungen bestanden")
    return 0


def _run_holidays(args: argparse.Namespace) -> int:
    from kalender.catalogue import load_catalogue
    from kalender.compute import compute_holidays
    from kalender.export import render
    from kalender.yeardata import load_year

    catalogue = load_catalogue(args.data)
    first, last = args.years
    occurrences: list[Occurrence] = []
    missing: list[MissingDate] = []
    seen: set[tuple[str, date]] = set()
    for year in range(first, last + 1):
        result = compute_holidays(catalogue, year, load_year(args.data, year, catalogue))
        missing.extend(result.missing)
        for occurrence in result.occurrences:  # a range lists a New-Year-spanning holiday once
            key = (occurrence.id, occurrence.start)
            if key not in seen and (occurrence.start.year >= first or first == last):
                seen.add(key)
                occurrences.append(occurrence)
    if missing and first == last and not args.skip_missing:
        raise KalenderError(
            [
                *(m.problem() for m in missing),
                Problem(
                    "kalender",
                    0,
                    0,
                    "mit --skip-missing werden Feiertage ohne Termin übersprungen",
                    "Hinweis",
                ),
            ]
        )
    for problem in _summarise_missing(missing):
        print(problem, file=sys.stderr)
    span = str(first) if first == last else f"{first}–{last}"
    text = render(args.format, occurrences, catalogue, f"Feiertage {span}")
    if args.output:
        write_atomically(args.output, text)
        print(f"{len(occurrences)} Termine nach {args.output} geschrieben.", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _summarise_missing(missing: list[MissingDate]) -> list[Problem]:
    """One warning per holiday, naming its years as ranges (2000–2014, 2019)."""
    by_holiday: dict[str, list[MissingDate]] = {}
    for entry in missing:
        by_holiday.setdefault(entry.holiday.id, []).append(entry)
    problems = []
    for entries in by_holiday.values():
        runs: list[list[int]] = []
        for entry in entries:
            if runs and runs[-1][-1] == entry.year - 1:
                runs[-1].append(entry.year)
            else:
                runs.append([entry.year])
        years = ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)
        problems.append(entries[0].problem(years, "Warnung"))
    return sorted(problems)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.run(args))
    except KalenderError as exc:
        _progress()("")  # the status line, if any, gives way to the messages
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 2
