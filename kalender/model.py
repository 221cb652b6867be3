"""The records that flow through kalender: groups, holidays, dated occurrences."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from kalender.rules import Rule
from kalender.schema import (
    Invalid,
    boolean,
    choice,
    cmyk,
    integer,
    iso_date,
    param,
    snake_id,
    string,
)
from kalender.source import Where

CMYK = tuple[float, float, float, float]


def length_value(value: object) -> int | str:
    if value == "month":
        return "month"
    try:
        return integer(1, 60)(value)  # type: ignore[no-any-return]
    except Invalid:
        raise Invalid(f"erwartet eine Zahl von Tagen (1 bis 60) oder 'month', gefunden '{value}'") from None


@dataclass(frozen=True, kw_only=True)
class Group:
    """One group of the legend: a religion, or the public holidays of Hesse."""

    id: str = param(snake_id, "Kennung der Gruppe, gleich dem Dateinamen")
    name: str = param(string, "Name in der Legende")
    name_en: str = param(string, "englischer Name")
    colour: CMYK = param(cmyk, "Punktfarbe [C, M, Y, K] in Prozent")
    description: str = param(string, "kurze Beschreibung für die Legende")
    public: bool = param(
        boolean, "true: gesetzliche Feiertage (im Kalender als Feiertag gesetzt)", default=False
    )
    file: str = ""


@dataclass(frozen=True, kw_only=True)
class ExplicitDate:
    """A date that a community announced or a source confirmed; it goes before any rule."""

    date: datetime.date = param(iso_date, "erster Tag, JJJJ-MM-TT")
    end: datetime.date | None = param(
        iso_date, "letzter Tag, JJJJ-MM-TT (nur bei mehrtägigen Festen)", default=None
    )
    source: str = param(string, "Quelle des Termins (Bekanntgabe, Tabelle, Seite)")
    where: Where | None = None


@dataclass(frozen=True, kw_only=True)
class Holiday:
    """A holiday as the editors define it; `rule` and/or `dates` say when it falls."""

    id: str = param(snake_id, "feste Kennung in snake_case, z. B. eid_al_fitr")
    name: str = param(string, "deutscher Name")
    name_en: str = param(string, "englischer Name")
    text: str = param(string, "Legendentext, 2–4 Sätze")
    source: str = param(string, "nachprüfbare Quelle der Regel oder des Termins")
    length: int | str = param(length_value, "Dauer in Tagen oder 'month' (bis Monatsende)", default=1)
    length_israel: int | None = param(
        integer(1, 60), "nur hebrew: Dauer in Israel, falls anders", default=None
    )
    evening_before: bool = param(boolean, "beginnt am Vorabend", default=False)
    may_differ: bool = param(boolean, "Datum kann um einen Tag abweichen", default=False)
    only_dates: bool = param(
        boolean,
        "true: nur an den eingetragenen Terminen (einmaliger Anlass), sonst Fehler ohne Termin",
        default=False,
    )
    denomination: str | None = param(
        choice("catholic", "protestant", "ecumenical"),
        "nur Christentum: catholic, protestant, ecumenical",
        default=None,
    )
    group: str = ""
    rule: Rule | None = None
    dates: tuple[ExplicitDate, ...] = ()
    where: Where | None = None


@dataclass(frozen=True)
class Occurrence:
    """One dated appearance of a holiday: first and last day, and where the date comes from."""

    holiday: Holiday
    start: datetime.date
    end: datetime.date
    source: str
    announced: bool = False  # from an explicit date rather than computed by a rule

    @property
    def id(self) -> str:
        return self.holiday.id


@dataclass(frozen=True)
class Catalogue:
    """All groups and holidays of data/holidays/, in file and definition order."""

    groups: dict[str, Group]
    holidays: tuple[Holiday, ...]
