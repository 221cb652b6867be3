"""Lay out the cover, the legend pages and the back page."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from kalender.content import MonthContent, Settings
from kalender.errors import LayoutError, Problem
from kalender.german import MONTHS, WEEKDAY_KEYS, WEEKDAYS, long_span
from kalender.layout.blocks import Cursor, cover_crop, line_height, marks, marks_width
from kalender.layout.flow import Row, flow
from kalender.layout.items import CMYK, Box, Circle, Item, Page, Picture, Rect, Text
from kalender.model import Catalogue, Occurrence
from kalender.render.text import Typesetter
from kalender.template import Colours, Template

DENOMINATIONS = {"catholic": "katholisch", "protestant": "evangelisch"}


@dataclass(frozen=True)
class Edition:
    """What the whole calendar is about: shared by cover, legend and back page."""

    year: int
    motto: str
    notice: str
    months: list[MonthContent]
    pixels: dict[int, tuple[int, int]]  # month -> photo size
    occurrences: tuple[Occurrence, ...]
    catalogue: Catalogue
    settings: Settings


def layout_cover(e: Edition, t: Template, ts: Typesetter) -> Page:
    c, b = t.colours, t.bleed
    items: list[Item] = [Rect(Box(-b, -b, t.width + 2 * b, t.height + 2 * b), fill=c.panel)]
    left, width = t.margin.left, t.width - t.margin.left - t.margin.right
    cursor = Cursor(ts, left, t.binding + t.margin.top + t.height * 0.03, width)
    items += cursor.paragraph(e.motto, "bold", t.cover.title_size, c.text, "title", 1.1, hyphenate=False)
    items += cursor.lines([str(e.year)], "bold", t.cover.year_size, c.accent, "cover-year", 1.0)
    items += cursor.paragraph("Interkultureller Kalender mit den Festen und Feiertagen der Religionen",
                              "regular", t.cover.title_size * 0.45, c.text, "subtitle")  # fmt: skip
    footer = line_height(t.list.size * 1.3) * 2 + t.gutter
    items += _collage(
        e,
        t,
        Box(left, cursor.y + t.gutter, width, t.height - t.margin.bottom - footer - cursor.y - 2 * t.gutter),
    )
    bottom = Cursor(ts, left, t.height - t.margin.bottom - footer + t.gutter, width)
    items += bottom.lines([e.settings.publisher.name], "bold", t.list.size * 1.3, c.text, "publisher")
    items += bottom.lines([e.settings.publisher.office], "regular", t.list.size * 1.3, c.text, "publisher")
    return Page("cover", "Titel", t.width, t.height, t.bleed, tuple(items))


def _collage(e: Edition, t: Template, area: Box) -> list[Item]:
    """The twelve month pictures as a grid; each tile has its month picture's shape, so it shows
    exactly the crop of the month page (and the print edition can reuse that image)."""
    aspect = _month_aspect(e, t)
    columns, rows = 4, 3
    gap = t.gutter / 2
    tile_w = min((area.w - (columns - 1) * gap) / columns, (area.h - (rows - 1) * gap) / rows * aspect)
    tile_h = tile_w / aspect
    left = area.x + (area.w - columns * tile_w - (columns - 1) * gap) / 2
    top = area.y + (area.h - rows * tile_h - (rows - 1) * gap) / 2
    items: list[Item] = []
    for i, content in enumerate(e.months[: columns * rows]):
        frame = Box(left + (i % columns) * (tile_w + gap), top + (i // columns) * (tile_h + gap), tile_w, tile_h)
        items.append(cover_crop(content.photo_path, e.pixels[content.month], frame, content.focus))
    return items


def _month_aspect(e: Edition, t: Template) -> float:
    """Width to height of the picture frame on the month pages (see layout.month)."""
    height = t.portrait.photo_height + t.bleed
    if e.months and e.months[0].kind == "photos":
        return (t.width + 2 * t.bleed) / height
    return (t.portrait.photo_width + t.bleed) / height


def layout_legend(e: Edition, t: Template, ts: Typesetter) -> list[Page]:
    c, L = t.colours, t.legend
    left, width = t.margin.left, t.width - t.margin.left - t.margin.right
    head = Cursor(ts, left, t.binding + t.margin.top, width)
    items = head.lines([f"Feste und Feiertage {e.year}"], "bold", L.title_size, c.text, "legend-title", 1.2)
    intro = ("Farbige Punkte im Kalendarium markieren die Feste der Religionen; ein Balken zeigt, wie lange ein "
             "Fest dauert. Die Mondsichel bedeutet: Das Fest beginnt am Vorabend mit dem Sonnenuntergang. "
             "± heißt: Das Datum kann regional oder nach der Mondsichtung um einen Tag abweichen. Die Termine "
             "sind nach den Regeln der Religionsgemeinschaften berechnet.")  # fmt: skip
    items += head.paragraph(intro, "regular", L.size * 1.15, c.text, "legend-intro", 1.3)
    col_w = (width - (L.columns - 1) * t.gutter) / L.columns
    first = _columns(t, head.y + t.gutter, col_w)
    again = _columns(t, t.binding + t.margin.top, col_w)
    pages = flow(_legend_rows(e, t, ts, col_w), first, again)
    pages[0] = items + pages[0]
    return [Page("legend", "Legende", t.width, t.height, t.bleed, tuple(p)) for p in pages]


def _columns(t: Template, top: float, col_w: float) -> list[Box]:
    bottom = t.height - t.margin.bottom
    return [
        Box(t.margin.left + i * (col_w + t.gutter), top, col_w, bottom - top) for i in range(t.legend.columns)
    ]


def _legend_rows(e: Edition, t: Template, ts: Typesetter, col_w: float) -> list[Row]:
    rows: list[Row] = []
    for group in e.catalogue.groups.values():
        holidays = [h for h in e.catalogue.holidays if h.group == group.id and _dates(e, h.id)]
        if not holidays:
            continue
        rows += _group_rows(group, t, ts, col_w)
        for holiday in holidays:
            rows += _holiday_rows(holiday, _dates(e, holiday.id), t, ts, col_w)
    return rows


def _group_rows(group, t: Template, ts: Typesetter, col_w: float) -> list[Row]:  # type: ignore[no-untyped-def]
    L, c = t.legend, t.colours
    r = line_height(L.head_size) * 0.3
    name_lines = ts.wrap(group.name, "bold", L.head_size, col_w - 3 * r)

    def heading(x: float, y: float) -> list[Item]:
        marker: Item = (Rect(Box(x, y + line_height(L.head_size) / 2 - r, 2 * r, 2 * r), fill=c.accent)
                        if group.public else Circle(x + r, y + line_height(L.head_size) / 2, r, group.colour))  # fmt: skip
        return [
            marker,
            *Cursor(ts, x + 3 * r, y, col_w - 3 * r).lines(name_lines, "bold", L.head_size, c.text, "group"),
        ]

    description = ts.wrap(group.description, "italic", L.size, col_w)
    return [
        Row(line_height(L.head_size) * len(name_lines), heading, keep_with_next=True, space_before=line_height(L.size)),
        Row(line_height(L.size) * len(description) + 1,
            lambda x, y: Cursor(ts, x, y, col_w).lines(description, "italic", L.size, c.text, "group-text"),
            keep_with_next=True),
    ]  # fmt: skip


def _holiday_rows(holiday, dates: str, t: Template, ts: Typesetter, col_w: float) -> list[Row]:  # type: ignore[no-untyped-def]
    L, c = t.legend, t.colours
    evening, differ = holiday.evening_before, holiday.may_differ
    denomination = DENOMINATIONS.get(holiday.denomination or "", "")
    title = ts.wrap(holiday.name, "bold", L.size, col_w - marks_width(evening, differ, L.size, ts))
    when = ts.wrap(dates + (f" · {denomination}" if denomination else ""), "regular", L.size, col_w)
    body = ts.wrap(holiday.text, "regular", L.size, col_w)
    step = line_height(L.size)
    rows = [
        Row(step * len(title), lambda x, y: _with_marks(Cursor(ts, x, y, col_w).lines(
            title, "bold", L.size, c.text, "legend-name"), evening, differ, L.size, ts),
            keep_with_next=True, space_before=step * 0.45),
        Row(step * len(when), partial(_lines, ts, width=col_w, lines=when, size=L.size, colour=c.accent, role="legend-date"),
            keep_with_next=True),
    ]  # fmt: skip
    for i in range(0, len(body), 3):  # a paragraph may break between columns every three lines
        chunk = body[i : i + 3]
        rows.append(Row(step * len(chunk), partial(_lines, ts, lines=chunk, width=col_w, size=L.size,
                                                   colour=c.text, role="legend-text")))  # fmt: skip
    return rows


def _lines(ts: Typesetter, x: float, y: float, *, width: float, lines: list[str], size: float, colour: CMYK,
           role: str) -> list[Item]:  # fmt: skip
    return Cursor(ts, x, y, width).lines(lines, "regular", size, colour, role)


def _with_marks(items: list[Item], evening: bool, differ: bool, size: float, ts: Typesetter) -> list[Item]:
    last = items[-1]
    assert isinstance(last, Text)
    return items + marks(evening, differ, last.x + last.width, last.y, size, ts)


def _dates(e: Edition, holiday_id: str) -> str:
    return " und ".join(long_span(o.start, o.end) for o in e.occurrences if o.id == holiday_id)


def layout_back(e: Edition, t: Template, ts: Typesetter) -> Page:
    c, office = t.colours, e.settings.office
    body, head = t.portrait.body_size * 1.1, t.legend.head_size * 1.5
    left, width = t.margin.left, t.width - t.margin.left - t.margin.right
    cursor = Cursor(ts, left, t.binding + t.margin.top + t.gutter, width)
    items = cursor.paragraph(office.name, "bold", t.legend.title_size * 1.4, c.text, "office", 1.2)
    items += cursor.paragraph(office.address, "bold", body, c.accent, "office-address")
    cursor.y += line_height(body, 0.6)
    items += cursor.paragraph(office.text, "regular", body, c.text, "office-text", 1.35)
    cursor.y += line_height(body) * 1.5
    items += cursor.lines(["Offene Sprechstunden – ohne Termin"], "bold", head, c.text, "hours-title")
    items += _hours_table(e, t, ts, cursor, body)
    cursor.y += line_height(body) * 2
    items += cursor.lines(["Die Farben im Kalender"], "bold", head, c.text, "key-title")
    items += _colour_key(e, t, ts, cursor, body)
    imprint, imprint_top = _imprint(e, t, ts, left, width)
    if imprint_top < (needed := cursor.y + line_height(body)):
        _imprint_too_long(e, t, imprint_top, needed)
    cursor.y += line_height(body) * 2
    items += _people(e, t, ts, Box(left, cursor.y, width, imprint_top - line_height(body) * 2 - cursor.y), head)
    return Page("back", "Rückseite", t.width, t.height, t.bleed, tuple(items + imprint))


def _people(e: Edition, t: Template, ts: Typesetter, area: Box, head: float) -> list[Item]:
    """Who is in the calendar: each month's picture as a small tile (the crop of the month page,
    so the print edition reuses its image) with month, name or caption, town and origin, in six
    columns between the colour key and the imprint. The lines wrap at the column's width; the
    pictures take the height left, up to the column's width. Left out where that is too little."""
    if not e.months:
        return []
    c, size = t.colours, t.list.size * 1.1
    rows = -(-len(e.months) // PEOPLE_COLUMNS)
    gap, aspect = t.gutter / 2, _month_aspect(e, t)
    column = (area.w - (PEOPLE_COLUMNS - 1) * gap) / PEOPLE_COLUMNS
    cells = [_person_lines(ts, content, c, size, column) for content in e.months]
    text_h = max(len(lines) for lines in cells) * line_height(size) + line_height(size, 0.5)
    title_h = line_height(head) + line_height(size)
    tile_h = min(column / aspect, (area.h - title_h - (rows - 1) * gap) / rows - text_h)
    tile_w = tile_h * aspect
    if min(tile_w, tile_h) < MIN_TILE:
        return []  # no room: rather no tiles than stamps
    cursor = Cursor(ts, area.x, area.y, area.w)
    title = "Die Menschen in diesem Kalender" if e.months[0].kind == "portraits" else "Die Bilder in diesem Kalender"
    items = cursor.lines([title], "bold", head, c.text, "people-title")
    top = cursor.y + line_height(size)
    for i, (content, lines) in enumerate(zip(e.months, cells, strict=True)):
        x = area.x + (i % PEOPLE_COLUMNS) * (column + gap)
        y = top + (i // PEOPLE_COLUMNS) * (tile_h + text_h + gap)
        items.append(cover_crop(content.photo_path, e.pixels[content.month], Box(x, y, tile_w, tile_h), content.focus))
        cell = Cursor(ts, x, y + tile_h + line_height(size, 0.5), column)
        for style, colour, line in lines:
            items += cell.lines([line], style, size, colour, "people")
    return items


PEOPLE_COLUMNS = 6
MIN_TILE = 15.0  # mm, either side: smaller pictures would be stamps, not portraits


def _person_lines(ts: Typesetter, content: MonthContent, c: Colours, size: float, width: float) -> list[tuple[str, CMYK, str]]:
    """(style, colour, text) per line below a tile: the month in the accent colour, the name (or
    caption) in bold, the town and origin (or the photographer)."""
    parts = [("bold", c.accent, MONTHS[content.month - 1]), ("bold", c.text, content.label)]
    if content.kind == "portraits":
        parts += [("regular", c.text, content.town or ""),
                  ("regular", c.muted, f"Herkunft: {content.origin}" if content.origin else "")]  # fmt: skip
    else:
        parts.append(("regular", c.muted, content.photographer or ""))
    return [(style, colour, line) for style, colour, text in parts if text
            for line in ts.wrap(text, style, size, width, False)]  # fmt: skip


def _imprint(e: Edition, t: Template, ts: Typesetter, left: float, width: float) -> tuple[list[Item], float]:
    """Imprint, credits and notice, set at the foot of the back page; and the top they start at."""
    c, small = t.colours, t.list.size
    blocks = [("Impressum", "bold", small * 1.3, c.text, "imprint-title"),
              (e.settings.imprint, "regular", small, c.text, "imprint"),
              (f"Bildnachweise: {_credits(e)}", "regular", small, c.text, "credits")]  # fmt: skip
    if e.notice:
        blocks.append((e.notice, "italic", small, c.muted, "notice"))
    height = sum(len(ts.wrap(text, style, size, width)) * line_height(size, 1.3) + line_height(small, 0.5)
                 for text, style, size, _, _ in blocks)  # fmt: skip
    cursor = Cursor(ts, left, t.height - t.margin.bottom - height, width)
    items: list[Item] = []
    for text, style, size, colour, role in blocks:
        items += cursor.paragraph(text, style, size, colour, role, 1.3)
        cursor.y += line_height(small, 0.5)
    return items, t.height - t.margin.bottom - height


def back_page_notes(e: Edition, pages: list[Page]) -> list[Problem]:
    """A note for the editors when the back page had no room for the people overview."""
    back = next((page for page in pages if page.kind == "back"), None)
    if back is None or not e.months or any(isinstance(i, Picture) for i in back.items):
        return []
    who = "Menschen" if e.months[0].kind == "portraits" else "Bilder"
    message = (f"auf der Rückseite ist kein Platz für die Übersicht der {who} des Jahres; sie entfällt. Ein "
               "kürzeres Impressum (imprint:) oder ein kürzerer Text des Integrationsbüros "
               "(integration_office: text:) macht Platz")  # fmt: skip
    return [_at_imprint(e.settings, message, "Hinweis")]


def _at_imprint(settings: Settings, message: str, severity: str = "Fehler") -> Problem:
    """A problem at the imprint line of the settings file (its start where the line is unknown)."""
    where = settings.where.get("imprint") if settings.where else None
    if where is None:
        return Problem(settings.path or "settings.yaml", 0, 0, message, severity)
    return where.problem(message, severity)


def _imprint_too_long(e: Edition, t: Template, top: float, needed: float) -> None:
    """The foot (imprint, credits, notice) would run into the colour key: say what to shorten."""
    lines = -(-(needed - top) // line_height(t.list.size, 1.3))
    message = (f"die Rückseite der Vorlage '{t.name}' ist um etwa {lines:.0f} Zeilen zu voll: Impressum, "
               "Bildnachweise und Hinweis unten würden in die Farben im Kalender hineinlaufen; bitte das "
               "Impressum (imprint:) oder den Text des Integrationsbüros (integration_office: text:) hier "
               f"kürzen, oder den Hinweis (notice:) in data/years/{e.year}.yaml")  # fmt: skip
    raise LayoutError([_at_imprint(e.settings, message)])


def _hours_table(e: Edition, t: Template, ts: Typesetter, cursor: Cursor, size: float) -> list[Item]:
    c = t.colours
    widths = (0.36, 0.38, 0.26)
    items: list[Item] = [Rect(Box(cursor.x, cursor.y + 0.5, cursor.width, 0.3), fill=c.text)]
    for consultation in e.settings.office.consultations:
        times = ", ".join(_opening(s) for s in consultation.times)
        cells = ((consultation.partner, "bold"), (consultation.offer, "regular"), (times, "regular"))
        x, top, height = cursor.x, cursor.y + line_height(size) * 0.4, 0.0
        for (text, style), share in zip(cells, widths, strict=True):
            column = Cursor(ts, x, top, cursor.width * share - 3)
            items += column.paragraph(text, style, size, c.text, "hours")
            height, x = max(height, column.y - top), x + cursor.width * share
        cursor.y = top + height + line_height(size) * 0.3
        items.append(Rect(Box(cursor.x, cursor.y, cursor.width, 0.2), fill=c.rule))
    return items


def _opening(slot) -> str:  # type: ignore[no-untyped-def]
    """Dienstag 9–12 Uhr; Mittwoch 14.30–16 Uhr."""

    def clock(moment) -> str:  # type: ignore[no-untyped-def]
        return f"{moment.hour}" if moment.minute == 0 else f"{moment.hour}.{moment.minute:02d}"

    return f"{WEEKDAYS[WEEKDAY_KEYS.index(slot.day)]} {clock(slot.start)}–{clock(slot.end)} Uhr"


def _colour_key(e: Edition, t: Template, ts: Typesetter, cursor: Cursor, size: float) -> list[Item]:
    """Every group's dot with its name, in three columns."""
    c, columns = t.colours, 3
    col_w = cursor.width / columns
    groups = [g for g in e.catalogue.groups.values()]
    rows = -(-len(groups) // columns)
    step, r = line_height(size, 1.5), size * 0.3528 * 0.32
    items: list[Item] = []
    for i, group in enumerate(groups):
        x, y = cursor.x + (i // rows) * col_w, cursor.y + (i % rows) * step
        centre = y + line_height(size) / 2
        items.append(Rect(Box(x, centre - r, 2 * r, 2 * r), fill=c.accent) if group.public
                     else Circle(x + r, centre, r, group.colour))  # fmt: skip
        items += Cursor(ts, x + 3 * r, y, col_w - 3 * r - 2).lines(
            [group.name], "regular", size, c.text, "key"
        )
    cursor.y += rows * step
    return items


def _credits(e: Edition) -> str:
    credits = {m.credit for m in e.months}
    if len(credits) == 1:
        return f"Alle Monatsbilder: {credits.pop()}"
    return "; ".join(f"{MONTHS[m.month - 1]}: {m.credit}" for m in e.months)
